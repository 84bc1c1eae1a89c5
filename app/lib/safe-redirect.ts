/**
 * The one check for every redirect target that comes from a request (`redirectTo` after log-in or
 * sign-up, and any later "back to" parameter): only a path on this site survives, otherwise `fallback`.
 *
 * The check runs on the target *after* normalisation, because that is what a browser follows:
 * `new URL()` resolves dot-segments, so `/.//evil.example` becomes `//evil.example` (another host),
 * and browsers drop tabs and newlines, so `/\t/evil.example` is `//evil.example` too.
 */
const base = "http://knutepunkt.invalid";

export function safeRedirect(to: string | null | undefined, fallback = "/min-side"): string {
  if (typeof to !== "string" || !isLocalPath(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const target = url.pathname + url.search + url.hash;
  return isLocalPath(target) ? target : fallback;
}

/** A path that a browser resolves against this site: one leading slash, never `//` or `/\`, no control characters. */
function isLocalPath(value: string): boolean {
  if (!value.startsWith("/") || value.length > 2000) return false;
  if (value[1] === "/" || value[1] === "\\") return false;
  // Backslashes count as slashes in browsers; control characters (tab, CR, LF are dropped by browsers),
  // and characters that are not valid UTF-16 never belong in a target we send.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return false;
  return !/[\ud800-\udfff]/u.test(value); // with the u flag this matches only lone surrogates
}
