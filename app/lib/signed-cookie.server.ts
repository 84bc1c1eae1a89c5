import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";
import type { Cookie } from "react-router";

/**
 * A signed cookie in exactly React Router's `createCookie` format, signed with node:crypto's HMAC.
 *
 * React Router signs and verifies with WebCrypto and imports the secret as a key on every call; with the
 * session and the CSRF cookie on every logged-in request that was 5.5–8 % of the server's CPU under load
 * (ADR 0021). Here the secrets become key objects once, when the cookie is made, and the signature is
 * compared in constant time (`timingSafeEqual`, as WebCrypto's verify does).
 *
 * The format is React Router's (7.18), so cookies signed before keep working and either code can read the
 * other's (tested in signed-cookie.test.ts against React Router's own `createCookie`):
 * value = base64(UTF-8 of JSON.stringify(value)) + "." + base64(HMAC-SHA-256(secret, that)) without "=",
 * URI-encoded in the header; signed with the first secret, verified against each in turn. A value that is
 * not signed by one of the secrets parses as null; an empty value as "".
 */
export type SignedCookieOptions = {
  secrets: string[];
  path?: string;
  sameSite?: "lax" | "strict" | "none";
  httpOnly?: boolean;
  secure?: boolean;
  maxAge?: number;
};

type SerializeOptions = { maxAge?: number };

export function createSignedCookie(name: string, options: SignedCookieOptions): Cookie {
  const { secrets, ...attributes } = { path: "/", sameSite: "lax" as const, ...options };
  if (secrets.length === 0) throw new Error(`createSignedCookie(${name}): no secret`);
  if (!/^[\u0021-\u003A\u003C\u003E-\u007E]+$/.test(name)) throw new TypeError(`cookie name is invalid: ${name}`);
  // The secret's UTF-8 bytes as the HMAC key, as WebCrypto's importKey("raw", encode(secret)) takes them.
  const keys: KeyObject[] = secrets.map((secret) => createSecretKey(Buffer.from(secret, "utf8")));
  return {
    get name() {
      return name;
    },
    get isSigned() {
      return true;
    },
    get expires() {
      return attributes.maxAge === undefined ? undefined : new Date(Date.now() + attributes.maxAge * 1000);
    },
    async parse(cookieHeader: string | null) {
      if (!cookieHeader) return null;
      const raw = readCookie(cookieHeader, name);
      if (raw === undefined) return null;
      if (raw === "") return "";
      for (const key of keys) {
        const unsigned = unsign(raw, key);
        if (unsigned !== false) return decodeData(unsigned);
      }
      return null;
    },
    async serialize(value: unknown, serializeOptions?: SerializeOptions) {
      const encoded = value === "" ? "" : sign(encodeData(value), keys[0]!);
      return setCookieHeader(name, encoded, { ...attributes, ...serializeOptions });
    },
  };
}

const signature = (value: string, key: KeyObject) => createHmac("sha256", key).update(value, "utf8").digest();

function sign(value: string, key: KeyObject): string {
  return `${value}.${signature(value, key).toString("base64").replace(/=+$/, "")}`;
}

/** The signed part of `cookie` if its signature is right, else false (React Router's `unsign`). */
function unsign(cookie: string, key: KeyObject): string | false {
  const index = cookie.lastIndexOf(".");
  const value = cookie.slice(0, index);
  const hash = cookie.slice(index + 1);
  let given: Buffer;
  try {
    // atob, as React Router decodes it: forgiving base64, an error for anything else.
    given = Buffer.from(atob(hash), "latin1");
  } catch {
    return false;
  }
  const expected = signature(value, key);
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : false;
}

/** React Router's encodeData: btoa(myUnescape(encodeURIComponent(json))), i.e. base64 of the JSON's UTF-8. */
function encodeData(value: unknown): string {
  // JSON.stringify writes lone surrogates as escapes, so the text is always valid UTF-16 and encodes as UTF-8 exactly.
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64");
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** React Router's decodeData: JSON of the base64's UTF-8 bytes, or {} when it is not (never thrown). */
function decodeData(value: string): unknown {
  try {
    return JSON.parse(utf8.decode(Buffer.from(atob(value), "latin1")));
  } catch {
    return {};
  }
}

/** One cookie's value from a Cookie header, as the `cookie` package (React Router's) parses it: first one wins. */
function readCookie(header: string, wanted: string): string | undefined {
  const length = header.length;
  let index = 0;
  while (index < length) {
    const eq = header.indexOf("=", index);
    if (eq === -1) return undefined;
    let end = header.indexOf(";", index);
    if (end === -1) end = length;
    if (eq > end) {
      index = header.lastIndexOf(";", eq - 1) + 1;
      continue;
    }
    if (trimmed(header, index, eq) === wanted) return decodeValue(trimmed(header, eq + 1, end));
    index = end + 1;
  }
  return undefined;
}

function trimmed(text: string, start: number, end: number): string {
  while (start < end && (text.charCodeAt(start) === 0x20 || text.charCodeAt(start) === 0x09)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  return text.slice(start, end);
}

function decodeValue(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The Set-Cookie header, attributes in the `cookie` package's order (the same bytes as React Router's). */
function setCookieHeader(name: string, value: string, o: Omit<SignedCookieOptions, "secrets">): string {
  let header = `${name}=${value ? encodeURIComponent(value) : ""}`;
  if (o.maxAge !== undefined) {
    if (!Number.isInteger(o.maxAge)) throw new TypeError(`option maxAge is invalid: ${o.maxAge}`);
    header += `; Max-Age=${o.maxAge}`;
  }
  if (o.path) header += `; Path=${o.path}`;
  if (o.httpOnly) header += "; HttpOnly";
  if (o.secure) header += "; Secure";
  if (o.sameSite) header += `; SameSite=${o.sameSite === "lax" ? "Lax" : o.sameSite === "strict" ? "Strict" : "None"}`;
  return header;
}
