/**
 * Characters that never belong in text we store or act on (issue 9, finding 6): NUL (PostgreSQL refuses
 * it in text and jsonb, SQLSTATE 22021/22P05), the other C0 control characters except tab, line feed
 * and carriage return, and lone UTF-16 surrogates (half of a character, not valid Unicode).
 * Pure: used by the request boundary (app/lib/input-check.ts) and by parsers of uploaded files.
 */
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasForbiddenChars(value: string): boolean {
  return forbidden.test(value);
}

/** True when any string anywhere in a parsed JSON value (keys too) has a forbidden character. */
export function jsonHasForbiddenChars(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return hasForbiddenChars(value);
  if (depth > 100) return false;
  if (Array.isArray(value)) return value.some((v) => jsonHasForbiddenChars(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.entries(value).some(([k, v]) => hasForbiddenChars(k) || jsonHasForbiddenChars(v, depth + 1));
  }
  return false;
}

/** Where, in a parsed JSON value, strings (or keys) with forbidden characters are: paths such as `items.0.text.nb`, at most `max`. */
export function forbiddenCharPaths(value: unknown, max = 5): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string[], depth: number) => {
    if (found.length >= max) return;
    if (typeof v === "string") {
      if (hasForbiddenChars(v)) found.push(path.join(".") || "(file)");
      return;
    }
    if (depth > 100 || v === null || typeof v !== "object") return;
    for (const [k, child] of Object.entries(v)) {
      if (hasForbiddenChars(k)) {
        if (found.length < max) found.push([...path, "(key)"].join("."));
        continue;
      }
      walk(child, [...path, k], depth + 1);
    }
  };
  walk(value, [], 0);
  return found;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decode UTF-8 bytes; null when they are not valid UTF-8 (overlong forms, encoded surrogates, stray bytes). */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

const hex = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

/**
 * Percent-decode a URL component (a path segment, or a query or form key or value) as UTF-8, strictly:
 * null when the bytes are not valid UTF-8. As browsers and URLSearchParams do, a `%` that does not start
 * a valid escape stays as it is; with `plusAsSpace`, `+` is a space (form encoding).
 */
export function percentDecodeStrict(raw: string, plusAsSpace = false): string | null {
  if (!raw.includes("%") && !(plusAsSpace && raw.includes("+"))) {
    // Nothing escaped: the string is what was sent (non-ASCII can only arrive already decoded).
    return raw;
  }
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25 && i + 2 < raw.length && hex(raw.charCodeAt(i + 1)) >= 0 && hex(raw.charCodeAt(i + 2)) >= 0) {
      bytes.push(hex(raw.charCodeAt(i + 1)) * 16 + hex(raw.charCodeAt(i + 2)));
      i += 2;
    } else if (c === 0x2b && plusAsSpace) {
      bytes.push(0x20);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // A non-ASCII character (or a surrogate pair) as it stands.
      const cp = raw.codePointAt(i)!;
      if (cp > 0xffff) i++;
      for (const b of encoder.encode(String.fromCodePoint(cp))) bytes.push(b);
    }
  }
  return decodeUtf8Strict(Uint8Array.from(bytes));
}

/** Every key and value of an `a=1&b=2` string (a query without `?`, or an urlencoded body) decodes to clean text. */
export function urlEncodedIsClean(raw: string): boolean {
  if (!raw) return true;
  for (const pair of raw.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    for (const part of eq === -1 ? [pair] : [pair.slice(0, eq), pair.slice(eq + 1)]) {
      const decoded = percentDecodeStrict(part, true);
      if (decoded === null || hasForbiddenChars(decoded)) return false;
    }
  }
  return true;
}

/** Every segment of a URL path (as sent, still percent-encoded) decodes to clean text. */
export function pathIsClean(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    const decoded = percentDecodeStrict(segment);
    if (decoded === null || hasForbiddenChars(decoded)) return false;
  }
  return true;
}
