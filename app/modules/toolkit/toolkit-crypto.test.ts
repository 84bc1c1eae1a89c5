import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { DecryptionError, decryptText, encryptText, masterKeyId, newDataKey, parseMasterKey, unwrapDataKey, wrapDataKey } from "./toolkit-crypto.server";

const master = randomBytes(32);
const owner = "7d1f0c3e-0000-4000-8000-000000000001";

describe("toolkit envelope encryption", () => {
  it("round-trips text, including long and non-Latin text, and never repeats a ciphertext", () => {
    const key = newDataKey();
    const text = "Drømmen min er å få en hage. 🌱 ".repeat(700);
    const a = encryptText(key, text, "dream.text:1");
    const b = encryptText(key, text, "dream.text:1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("Drømmen");
    expect(decryptText(key, a, "dream.text:1")).toBe(text);
  });

  it("refuses a value moved to another place, altered, or read with another key", () => {
    const key = newDataKey();
    const sealed = encryptText(key, "hemmelig", "answers.text:1");
    expect(() => decryptText(key, sealed, "answers.text:2")).toThrow(DecryptionError);
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1]! ^= 1;
    expect(() => decryptText(key, `v1.${raw.toString("base64url")}`, "answers.text:1")).toThrow(DecryptionError);
    expect(() => decryptText(newDataKey(), sealed, "answers.text:1")).toThrow(DecryptionError);
    expect(() => decryptText(key, "plain text", "answers.text:1")).toThrow(DecryptionError);
  });

  it("wraps a data key for one owner under the master key, and finds the right master key after rotation", () => {
    const key = newDataKey();
    const wrapped = wrapDataKey(master, key, owner);
    expect(wrapped.startsWith(`v1.${masterKeyId(master)}.`)).toBe(true);
    expect(unwrapDataKey([master], wrapped, owner).equals(key)).toBe(true);
    const newer = randomBytes(32);
    expect(unwrapDataKey([newer, master], wrapped, owner).equals(key)).toBe(true);
    expect(() => unwrapDataKey([newer], wrapped, owner)).toThrow(DecryptionError);
    expect(() => unwrapDataKey([master], wrapped, "someone-else")).toThrow(DecryptionError);
  });

  it("accepts only a 32-byte base64 master key", () => {
    expect(parseMasterKey(randomBytes(32).toString("base64")).length).toBe(32);
    expect(parseMasterKey(randomBytes(32).toString("base64url")).length).toBe(32);
    expect(() => parseMasterKey(randomBytes(16).toString("base64"))).toThrow(/32 random bytes/);
    expect(() => parseMasterKey("not a key")).toThrow(/32 random bytes/);
  });
});
