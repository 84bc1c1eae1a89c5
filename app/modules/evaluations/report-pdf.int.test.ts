import { afterAll, beforeAll, describe, expect, it } from "vitest";
import "./i18n/register";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { translate, type Lang, type MessageKey } from "~/i18n/i18n";
import { evaluationProjects } from "./evaluations.schema";
import { demoEvaluation, loadDemoEvaluations } from "./demo.server";
import { loadPublishedReport, loadReportForTeam, sectionKeys, type ReportContent, type ReportKind, type SectionKey } from "./reports.server";
import { reportPdf } from "./report-pdf.server";

/*
 * The report PDF's page breaks: a heading never ends a page (keep with next). Read back from the PDF
 * itself: the last line of text on each page (the page number aside) must not be set in a heading's
 * size. Headings are 11.5 pt and larger; body text, captions and the contents are 11 pt and smaller.
 */

type Line = { text: string; size: number };

/** Each page's text items from top to bottom, with their font size, without the page number. */
async function pagesOf(pdf: Buffer): Promise<Line[][]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Line[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const items = (await (await doc.getPage(n)).getTextContent()).items.flatMap((item) =>
      "str" in item && item.str.trim() && !/^\d+ \/ \d+$/.test(item.str.trim()) ? [{ text: item.str, size: Math.abs(item.transform[3] as number), y: item.transform[5] as number }] : [],
    );
    // PDF y grows upwards: sort from the top of the page down (stable, so one line keeps its order).
    pages.push(items.sort((a, b) => b.y - a.y).map(({ text, size }) => ({ text, size })));
  }
  await doc.destroy();
  return pages;
}

const isHeading = (line: Line) => line.size >= 11.5;

/** The headings that end a page, as "page n: heading". */
async function headingsEndingAPage(pdf: Buffer): Promise<string[]> {
  const pages = await pagesOf(pdf);
  return pages.flatMap((lines, i) => {
    const last = lines.at(-1);
    return last && isHeading(last) ? [`page ${i + 1}: ${last.text}`] : [];
  });
}

let handle: DbHandle;
let db: Db;
let projectId: string;

const titlesIn = (lang: Lang) => Object.fromEntries(sectionKeys.map((k) => [k, translate(lang, `evaluations.report.section.${k}` as MessageKey)])) as Record<SectionKey, string>;

async function asLead(lang: Lang, kind: ReportKind): Promise<ReportContent> {
  return (await loadReportForTeam(db, await actorFor(db, "koordinator@example.org"), projectId, kind, titlesIn(lang))).preview;
}
async function asContact(kind: ReportKind): Promise<ReportContent> {
  return (await loadPublishedReport(db, await actorFor(db, "tjeneste@example.org"), projectId, kind)).report!;
}

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  expect(await loadDemoData(db)).toBe(true);
  expect(await loadDemoEvaluations(db)).toBe(true);
  const projects = await db.select({ id: evaluationProjects.id, title: evaluationProjects.title }).from(evaluationProjects);
  projectId = projects.find((p) => p.title === demoEvaluation.title)!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe(`the report PDF's page breaks on ${dbKind}`, () => {
  it("the test sees a heading that ends a page (a heading with nothing after it)", async () => {
    const content = await asContact("final");
    // Purpose, questions and the section's own text empty: "Formål og spørsmål" is the last thing printed.
    const onlyHeading = { ...content, project: { ...content.project, purpose: "", questions: "" }, sections: content.sections.filter((s) => s.key === "purpose").map((s) => ({ ...s, body: "" })) };
    expect(await headingsEndingAPage(await reportPdf("nb", onlyHeading))).toEqual(["page 2: Formål og spørsmål"]);
  });

  it("keeps every heading with what follows in the demo's reports: final and process, nb, nn and en, as the lead and as the service contact", async () => {
    for (const kind of ["final", "process"] as const) {
      const contact = await asContact(kind);
      for (const lang of ["nb", "nn", "en"] as const) {
        const lead = await asLead(lang, kind);
        expect(await headingsEndingAPage(await reportPdf(lang, lead)), `${kind} ${lang} lead`).toEqual([]);
        expect(await headingsEndingAPage(await reportPdf(lang, contact)), `${kind} ${lang} contact`).toEqual([]);
      }
    }
    // The case the review found: "Funn per tema" starts the page its chart is on.
    const pages = await pagesOf(await reportPdf("nb", await asContact("final")));
    const findings = pages.findIndex((lines) => lines.some((l) => l.text === "Funn per tema" && isHeading(l)));
    expect(pages[findings]!.some((l) => l.text === "Antall utsagn per tema, fordelt på positive, negative og forslag")).toBe(true);
  });

  it("keeps every heading with what follows wherever the page breaks fall: the background one line longer at a time", async () => {
    const content = await asContact("final");
    const line = "Ei linje til i bakgrunnen.";
    for (let extra = 0; extra <= 48; extra++) {
      const sections = content.sections.map((s) => (s.key === "background" ? { ...s, body: `${s.body}\n\n${Array(extra).fill(line).join("\n\n")}` } : s));
      expect(await headingsEndingAPage(await reportPdf("nb", { ...content, sections })), `${extra} extra lines`).toEqual([]);
    }
  }, 120_000);
});
