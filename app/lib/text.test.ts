import { describe, expect, it } from "vitest";
import { decodeUtf8Strict, forbiddenCharPaths, hasForbiddenChars, jsonHasForbiddenChars, pathIsClean, percentDecodeStrict, urlEncodedIsClean } from "./text";

describe("forbidden characters (issue 9, finding 6)", () => {
  it("refuses NUL, the other C0 controls and lone surrogates; allows tab, LF, CR and all real text", () => {
    for (let c = 0; c < 0x20; c++) {
      const allowed = c === 0x09 || c === 0x0a || c === 0x0d;
      expect(hasForbiddenChars(`a${String.fromCharCode(c)}b`), `U+${c.toString(16)}`).toBe(!allowed);
    }
    expect(hasForbiddenChars("\ud800")).toBe(true);
    expect(hasForbiddenChars("a\udc00")).toBe(true);
    expect(hasForbiddenChars("\udc00\ud800")).toBe(true);
    for (const ok of ["", "Blåbærsyltetøy", "😀 emoji", "\u202e RTL", "\u00a0 nbsp", "\u007f DEL", "<script>", "../", "\uFFFD", "ǅ 𝄞"]) {
      expect(hasForbiddenChars(ok), JSON.stringify(ok)).toBe(false);
    }
  });

  it("finds forbidden characters anywhere in parsed JSON, keys too, and says where", () => {
    expect(jsonHasForbiddenChars(JSON.parse('{"a":[1,{"b":"x\\u0000"}]}'))).toBe(true);
    expect(jsonHasForbiddenChars(JSON.parse('{"a\\u0001":1}'))).toBe(true);
    expect(jsonHasForbiddenChars(JSON.parse('{"a":["\\ud800"]}'))).toBe(true);
    expect(jsonHasForbiddenChars({ a: ["fine", 1, null, true, { b: "also\tfine\r\n" }] })).toBe(false);
    expect(forbiddenCharPaths(JSON.parse('{"name":{"nb":"x\\u0000"},"items":[{"text":"ok"},{"text":"\\u0007"}],"k\\u0000":1}'))).toEqual([
      "name.nb",
      "items.1.text",
      "(key)",
    ]);
    expect(forbiddenCharPaths("\u0000")).toEqual(["(file)"]);
  });

  it("decodes UTF-8 strictly", () => {
    expect(decodeUtf8Strict(new Uint8Array([0x68, 0xc3, 0xa5]))).toBe("hå");
    expect(decodeUtf8Strict(new Uint8Array([0xff]))).toBeNull();
    expect(decodeUtf8Strict(new Uint8Array([0xed, 0xa0, 0x80]))).toBeNull(); // an encoded surrogate
    expect(decodeUtf8Strict(new Uint8Array([0xc0, 0xaf]))).toBeNull(); // overlong "/"
  });

  it("percent-decodes as UTF-8 strictly, leaving stray % as browsers do", () => {
    expect(percentDecodeStrict("bl%C3%A5b%C3%A6r")).toBe("blåbær");
    expect(percentDecodeStrict("a+b", true)).toBe("a b");
    expect(percentDecodeStrict("a+b")).toBe("a+b");
    expect(percentDecodeStrict("100%")).toBe("100%");
    expect(percentDecodeStrict("%ZZ%4")).toBe("%ZZ%4");
    expect(percentDecodeStrict("%FF")).toBeNull();
    expect(percentDecodeStrict("%ED%A0%80")).toBeNull();
    expect(percentDecodeStrict("%C3")).toBeNull();
    expect(percentDecodeStrict("%F0%9F%98%80")).toBe("😀");
    expect(percentDecodeStrict("%00")).toBe("\u0000");
  });

  it("checks paths segment by segment", () => {
    expect(pathIsClean("/tilbud/123/steder")).toBe(true);
    expect(pathIsClean("/tilbud/bl%C3%A5")).toBe(true);
    expect(pathIsClean("/tilbud/..%2F..%2Fetc")).toBe(true); // odd, but no bad bytes: the route answers 404
    expect(pathIsClean("/tilbud/%FF")).toBe(false);
    expect(pathIsClean("/%ED%A0%80")).toBe(false);
    expect(pathIsClean("/tilbud/%00")).toBe(false);
    expect(pathIsClean("/a%1Bb")).toBe(false);
  });

  it("checks every key and value of a query or an urlencoded body", () => {
    expect(urlEncodedIsClean("")).toBe(true);
    expect(urlEncodedIsClean("q=bl%C3%A5b%C3%A6r&page=2&&flag&a=%0D%0A%09")).toBe(true);
    expect(urlEncodedIsClean("q=%00")).toBe(false);
    expect(urlEncodedIsClean("q%00=1")).toBe(false);
    expect(urlEncodedIsClean("q=ok&name=%FF")).toBe(false);
    expect(urlEncodedIsClean("q=%ED%A0%80")).toBe(false);
    expect(urlEncodedIsClean("q=a%01b")).toBe(false);
    expect(urlEncodedIsClean("redirectTo=%2F%2Fevil.example&q=%3Cscript%3E")).toBe(true); // other checks' business
  });
});
