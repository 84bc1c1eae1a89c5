/**
 * The Norwegian organisasjonsnummer (Enhetsregisteret): nine digits, the last a modulus-11 check digit
 * over the first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2. Pure: no database, no React.
 */
const weights = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** What people type ("974 760 673", with spaces or non-breaking spaces) as the stored form: digits only. */
export function normalizeOrgnr(input: string): string {
  return input.replace(/[\s\u00a0\u202f]/g, "");
}

/** The check digit the first eight digits call for, or undefined when there is none (remainder 1). */
export function orgnrCheckDigit(firstEight: string): number | undefined {
  if (!/^\d{8}$/.test(firstEight)) return undefined;
  const sum = weights.reduce((total, weight, i) => total + weight * Number(firstEight[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

/** Nine digits (after normalizeOrgnr) whose last digit is the right check digit. */
export function isValidOrgnr(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  return orgnrCheckDigit(value.slice(0, 8)) === Number(value[8]);
}
