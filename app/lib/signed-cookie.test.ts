import { describe, expect, it } from "vitest";
import { createCookie } from "react-router";
import { createSignedCookie } from "./signed-cookie.server";

const secret = "a-session-secret-øæå-of-some-length";
const base = { httpOnly: true, sameSite: "lax" as const, path: "/" };
const values: unknown[] = ["token_abc-DEF_123", "æøå ✓ 🙂", { n: 1, list: ["x"] }, 42, "x".repeat(300)];

/** The Cookie header a browser sends back for a Set-Cookie header. */
const sent = (setCookie: string) => setCookie.split(";")[0]!;

describe("signed cookies (node:crypto, React Router's format)", () => {
  it("writes the very bytes React Router's createCookie writes, for every option set the app uses", async () => {
    for (const options of [base, { ...base, secure: true }, { ...base, maxAge: 365 * 86400 }]) {
      const old = createCookie("kp_test", { ...options, secrets: [secret] });
      const now = createSignedCookie("kp_test", { ...options, secrets: [secret] });
      for (const value of values) expect(await now.serialize(value)).toBe(await old.serialize(value));
      expect(await now.serialize("", { maxAge: 0 })).toBe(await old.serialize("", { maxAge: 0 }));
    }
  });

  it("a cookie signed the old way verifies the new way, and the other way round", async () => {
    const old = createCookie("kp_session", { ...base, secrets: [secret] });
    const now = createSignedCookie("kp_session", { ...base, secrets: [secret] });
    for (const value of values) {
      expect(await now.parse(`kp_lang=nn; ${sent(await old.serialize(value))}; other=1`)).toEqual(value);
      expect(await old.parse(`kp_lang=nn; ${sent(await now.serialize(value))}; other=1`)).toEqual(value);
    }
  });

  it("refuses a changed value, a changed or missing signature and another secret, as React Router does", async () => {
    const now = createSignedCookie("kp_session", { ...base, secrets: [secret] });
    const old = createCookie("kp_session", { ...base, secrets: [secret] });
    const other = createSignedCookie("kp_session", { ...base, secrets: ["another secret"] });
    const good = decodeURIComponent(sent(await now.serialize("token")).slice("kp_session=".length));
    const [data, hash] = [good.slice(0, good.lastIndexOf(".")), good.slice(good.lastIndexOf(".") + 1)];
    const forged = [
      `${Buffer.from(JSON.stringify("tokeN")).toString("base64")}.${hash}`, // another value, the old signature
      `${data}.${hash.slice(0, -2)}`, // a shortened signature
      `${data}.${hash.slice(0, -1)}${hash.endsWith("A") ? "B" : "A"}`, // one character changed
      `${data}.`, // no signature
      data, // no dot at all
      `${data}.${"!".repeat(43)}`, // not base64
    ];
    for (const raw of forged) {
      const header = `kp_session=${encodeURIComponent(raw)}`;
      expect(await now.parse(header), raw).toBeNull();
      expect(await old.parse(header), raw).toBeNull();
    }
    expect(await other.parse(`kp_session=${encodeURIComponent(good)}`)).toBeNull();
    expect(await now.parse(`kp_session=${encodeURIComponent(good)}`)).toBe("token");
  });

  it("verifies against every secret (rotation) and signs with the first", async () => {
    const before = createSignedCookie("kp_csrf", { ...base, secrets: ["old secret"] });
    const rotated = createSignedCookie("kp_csrf", { ...base, secrets: ["new secret", "old secret"] });
    const header = sent(await before.serialize("t"));
    expect(await rotated.parse(header)).toBe("t");
    expect(await before.parse(sent(await rotated.serialize("t")))).toBeNull();
  });

  it("reads the header as React Router does: absent, empty, first of two, spaces, other cookies", async () => {
    const now = createSignedCookie("kp_csrf", { ...base, secrets: [secret] });
    const old = createCookie("kp_csrf", { ...base, secrets: [secret] });
    const first = sent(await now.serialize("first")).slice("kp_csrf=".length);
    const second = sent(await now.serialize("second")).slice("kp_csrf=".length);
    const headers = [
      null,
      "",
      "other=1",
      "kp_csrf=",
      `kp_csrf=${first}; kp_csrf=${second}`,
      `  kp_csrf  =  ${first}  ;x=y`,
      `kp_csrfx=${second}; kp_csrf=${first}`,
      `a; kp_csrf=${first}`,
      `kp_csrf=%E0%A4%A`,
    ];
    for (const header of headers) expect(await now.parse(header), String(header)).toEqual(await old.parse(header));
  });
});
