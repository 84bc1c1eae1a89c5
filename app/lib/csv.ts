/**
 * The one CSV writer (issue 9, finding 7). Every CSV the app writes goes through `csvRows`, which
 * neutralises formulas as OWASP recommends (https://owasp.org/www-community/attacks/CSV_Injection): a cell
 * that begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading single quote, so that a
 * spreadsheet shows it as text instead of running it. The writing itself (quoting every cell, doubling
 * `"`) is csv-stringify's. Pure: usable by any module (and by the import, to read our own files back).
 */
import { stringify } from "csv-stringify/sync";

const formulaStart = /^[=+\-@\t\r]/;

/** One cell as text that no spreadsheet runs as a formula. */
export function neutraliseCell(value: unknown): string {
  const text = value === undefined || value === null ? "" : String(value);
  return formulaStart.test(text) ? `'${text}` : text;
}

/**
 * The inverse, for reading a CSV file we may have written: a leading single quote before `=`, `+`, `-`,
 * `@`, tab or carriage return is taken away. Other leading quotes (a name such as 'Sjå oss') stay.
 */
export function restoreCell(value: string): string {
  return value.length > 1 && value[0] === "'" && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

/** Rows as CSV text: neutralised, every cell quoted, each row ending with a line feed. */
export function csvRows(rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    { quoted: true, quoted_empty: true, record_delimiter: "\n" },
  );
}

/** The Content-Type of every CSV download. */
export const csvContentType = "text/csv; charset=utf-8";
