/**
 * The request boundary's character check (issue 9, finding 6), run once by the root middleware before any
 * loader or action: the path, the query string and the text fields of a form (urlencoded or multipart)
 * must be valid UTF-8 and free of NUL, other C0 control characters (tab, LF and CR are fine) and lone
 * surrogates. A request that fails is refused with a 400 page in the person's language; nothing is
 * cleaned silently. The contents of uploaded files are not checked here: their parsers have their own
 * checks (instrument packs, offer imports, toolkit imports). Their file names are.
 */
import { decodeUtf8Strict, hasForbiddenChars, pathIsClean, urlEncodedIsClean } from "./text";

export type BadPart = "path" | "query" | "body";

/** Set by server.mjs on a request whose path could not be percent-decoded (it escapes the stray % signs). */
export const badPathHeader = "x-knutepunkt-bad-path";

/** Which part of the URL is not clean, if any. `url` is the URL as sent (its pathname and search stay percent-encoded). */
export function badUrlPart(url: URL, headers?: Headers): BadPart | null {
  if (headers?.get(badPathHeader) === "1" || !pathIsClean(url.pathname)) return "path";
  if (!urlEncodedIsClean(url.search.replace(/^\?/, ""))) return "query";
  return null;
}

const formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** True when the body is a form whose field names, text values and file names are clean. Reads a clone. */
export async function formBodyIsClean(request: Request): Promise<boolean> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (!request.body || !formTypes.some((t) => type.startsWith(t))) return true;
  let bytes: Uint8Array;
  let form: FormData;
  try {
    [bytes, form] = await Promise.all([request.clone().arrayBuffer().then((b) => new Uint8Array(b)), request.clone().formData()]);
  } catch {
    return false;
  }
  // What the actions will see: the platform's parse of the form.
  for (const [key, value] of form.entries()) {
    if (hasForbiddenChars(key)) return false;
    if (typeof value === "string" ? hasForbiddenChars(value) : hasForbiddenChars(value.name)) return false;
  }
  // What was sent: the platform replaces invalid UTF-8 with U+FFFD, so check the raw bytes as well.
  if (type.startsWith("application/x-www-form-urlencoded")) {
    const text = decodeUtf8Strict(bytes);
    return text !== null && urlEncodedIsClean(text);
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(request.headers.get("Content-Type") ?? "");
  return boundary ? multipartTextIsClean(bytes, boundary[1] ?? boundary[2]!) : false;
}

/**
 * The headers and text parts (parts without a file name) of a multipart body are valid UTF-8 without
 * forbidden characters. File contents are skipped.
 */
export function multipartTextIsClean(bytes: Uint8Array, boundary: string): boolean {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return true; // the closing delimiter
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`, "latin1"), start);
    const part = body.subarray(start, next === -1 ? body.length : next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = decodeUtf8Strict(part.subarray(0, headerEnd));
      if (headers === null || hasForbiddenChars(headers)) return false;
      const disposition = /^content-disposition:.*$/im.exec(headers)?.[0] ?? "";
      if (!/\bfilename\*?=/i.test(disposition)) {
        const value = decodeUtf8Strict(part.subarray(headerEnd + 4));
        if (value === null || hasForbiddenChars(value)) return false;
      }
    }
    if (next === -1) return true;
    at = next + 2;
  }
  return true;
}
