import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * ADR 0026, point 5: no use case for readers outside the analysis team selects from the raw tables. Their
 * figures come from the views of drizzle/0008 and the breakdown query in figures.server.ts (which applies
 * the k rule and its secondary step in the same statement). This test reads the source and fails when an
 * outsider's function or page names a raw table, so a later change cannot quietly load raw rows and filter
 * them in React.
 */

const dir = path.join(process.cwd(), "app/modules/evaluations");
const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const raw = /evaluation_statements|evaluation_codings|evaluation_notes|evaluation_sessions|evaluationStatements|evaluationCodings|evaluationNotes|evaluationSessions/;

/** The text of a top-level function, from its declaration to its closing brace at the start of a line. */
function functionText(source: string, name: string): string {
  const start = source.search(new RegExp(`^(export )?(async )?function ${name}\\b`, "m"));
  expect(start, `function ${name}`).toBeGreaterThanOrEqual(0);
  const end = source.indexOf("\n}\n", start);
  return source.slice(start, end + 2);
}

describe("outsiders' figures come only through the k rule's queries", () => {
  it("the outsiders' functions in figures.server.ts read the views, and only the breakdown query reads sessions", () => {
    const figures = read("figures.server.ts");
    for (const name of ["codeFiguresOutside", "projectTotalsOutside"]) {
      const text = functionText(figures, name);
      expect(text, name).not.toMatch(raw);
      expect(text, name).toMatch(/evaluation_(code|project)_figures_outside/);
    }
    // The breakdowns select sessions inside breakdownQuery, whose outer query withholds in SQL.
    for (const name of ["siteBreakdownOutside", "roundBreakdownOutside"]) expect(functionText(figures, name)).toContain("breakdownQuery(");
    expect(functionText(figures, "breakdownQuery")).toMatch(/case when shown then participants end/);
  });

  it("the reports' reader functions never name a raw table", () => {
    const reports = read("reports.server.ts");
    for (const name of ["projectDetails", "findReport", "sectionsOf", "quotesOutside", "contentOutside", "loadPublishedReport", "listPublicReports", "loadPublicReport"]) {
      expect(functionText(reports, name), name).not.toMatch(raw);
    }
    // Quotes reach outsiders only joined to the code view where shown.
    expect(functionText(reports, "quotesOutside")).toMatch(/evaluation_code_figures_outside/);
    expect(functionText(reports, "contentOutside")).toMatch(/outsideFigures\(/);
    expect(functionText(reports, "contentOutside")).not.toMatch(/teamFigures\(/);
  });

  it("the report pages and the report view never name a raw table", () => {
    for (const file of ["routes/report.tsx", "routes/public-reports.tsx", "routes/public-report.tsx", "routes/report-pdf.ts", "components/report-view.tsx", "report-pdf.server.ts"]) {
      expect(read(file), file).not.toMatch(raw);
      expect(read(file), file).not.toMatch(/from "\.\.\/evaluations\.schema"|from "\.\/evaluations\.schema"/);
    }
  });
});
