import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

/** Hostile redirect targets (issue 9, finding 1): each must fall back, after normalisation. */
const hostile = [
  "//evil.example",
  "//evil.example/x",
  "/\\evil.example",
  "\\\\evil.example",
  "/./evil.example/../..//evil.example",
  "/.//evil.example",
  "/.//evil.example/x",
  "/..//evil.example",
  "/a/../..//evil.example",
  "/%2e//evil.example",
  "/%2E%2E//evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "/\u0000/evil.example",
  "/\u007f",
  "/\\/evil.example",
  "/./\\evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  " /min-side",
  "evil.example",
  "",
  "/\ud800",
  "/" + "a".repeat(3000),
];

describe("safeRedirect", () => {
  it.each(hostile)("refuses %j", (target) => {
    expect(safeRedirect(target)).toBe("/min-side");
    expect(safeRedirect(target, "/")).toBe("/");
  });

  it("keeps paths on this site, normalised", () => {
    expect(safeRedirect("/min-side/innsyn")).toBe("/min-side/innsyn");
    expect(safeRedirect("/min-side?x=1#a")).toBe("/min-side?x=1#a");
    expect(safeRedirect("/./tilbud")).toBe("/tilbud");
    expect(safeRedirect("/a/../tilbud?q=kurs")).toBe("/tilbud?q=kurs");
    // Encoded slashes and tabs stay encoded: a browser treats them as one path segment on this site.
    expect(safeRedirect("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeRedirect("/invitasjon/abc")).toBe("/invitasjon/abc");
    expect(safeRedirect("/tilbud?q=%C3%A6")).toBe("/tilbud?q=%C3%A6");
  });

  it("never returns something a browser would read as another host", () => {
    for (const target of hostile) {
      const result = safeRedirect(target, "/");
      expect(new URL(result, "https://knutepunkt.example").host).toBe("knutepunkt.example");
    }
  });

  it("keeps a long path up to 2,000 characters, and refuses a longer one", () => {
    const longest = "/" + "a".repeat(1999);
    expect(safeRedirect(longest)).toBe(longest);
    expect(safeRedirect(longest + "a")).toBe("/min-side");
  });

  it("falls back for missing values", () => {
    expect(safeRedirect(null, "/")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/min-side");
  });
});
