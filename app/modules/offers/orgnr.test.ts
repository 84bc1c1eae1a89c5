import { describe, expect, it } from "vitest";
import { isValidOrgnr, normalizeOrgnr, orgnrCheckDigit } from "./orgnr";

describe("organisasjonsnummer", () => {
  it("accepts real numbers from Enhetsregisteret", () => {
    // Brønnøysundregistrene, Equinor ASA, Helse Midt-Norge RHF.
    for (const nr of ["974760673", "923609016", "983658776"]) expect(isValidOrgnr(nr), nr).toBe(true);
  });

  it("refuses a wrong check digit, and every one-digit slip of a real number", () => {
    expect(isValidOrgnr("974760674")).toBe(false);
    const real = "974760673";
    for (let i = 0; i < 9; i++) {
      const slipped = real.slice(0, i) + String((Number(real[i]) + 1) % 10) + real.slice(i + 1);
      expect(isValidOrgnr(slipped), slipped).toBe(false);
    }
  });

  it("uses 0 when the remainder is 0, and has no valid number when the check digit would be 10", () => {
    // 3·1 + 2·0 + 7·0 + 6·0 + 5·0 + 4·2 + 3·0 + 2·0 = 11 → remainder 0 → check digit 0.
    expect(orgnrCheckDigit("10000200")).toBe(0);
    expect(isValidOrgnr("100002000")).toBe(true);
    // 3·4 = 12 → remainder 1 → 11 - 1 = 10: no check digit, so no number starting with these eight digits is valid.
    expect(orgnrCheckDigit("40000000")).toBeUndefined();
    for (let d = 0; d <= 9; d++) expect(isValidOrgnr(`40000000${d}`)).toBe(false);
  });

  it("wants exactly nine digits", () => {
    for (const nr of ["", "97476067", "9747606730", "97476067a", "974 760 673", "-74760673"]) expect(isValidOrgnr(nr), nr).toBe(false);
    expect(orgnrCheckDigit("1234567")).toBeUndefined();
  });

  it("takes away the spaces people type", () => {
    expect(normalizeOrgnr(" 974 760\u00a0673 ")).toBe("974760673");
    expect(isValidOrgnr(normalizeOrgnr("974 760 673"))).toBe(true);
  });
});
