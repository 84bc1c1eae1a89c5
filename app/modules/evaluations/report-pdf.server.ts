import "~/modules/evaluations/i18n/register";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatDate, formatNumber, translate, type Lang, type MessageKey, type Params } from "~/i18n/i18n";
import { breakable } from "~/modules/toolkit/folder-pdf.server";
import type { ReportContent } from "./reports.server";

/*
 * A report as a printable A4 PDF (issue 13, item 7), with pdfkit and DejaVu as the toolkit's folder
 * (ADR 0019): Norwegian letters, headings, page numbers, a table of contents on the first page, and the
 * chart drawn as vector bars from the same figures as the page. It prints only what the ReportContent
 * holds, and a reader outside the analysis team only ever gets one built by figures.server.ts (k rule).
 */

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const regular = path.join(fontDir, "DejaVuSans.ttf");
const bold = path.join(fontDir, "DejaVuSans-Bold.ttf");

/** The chart's colours, as on the page (statement-chart.tsx). */
const segments = [
  { key: "positive", colour: "#1a7f37", label: "evaluations.report.col.positive" },
  { key: "negative", colour: "#b42318", label: "evaluations.report.col.negative" },
  { key: "suggestion", colour: "#1f5fb4", label: "evaluations.report.col.suggestion" },
] as const;

const sectionTitleKeys: Record<string, MessageKey> = {
  background: "evaluations.report.section.background",
  purpose: "evaluations.report.section.purpose",
  method: "evaluations.report.section.method",
  participants: "evaluations.report.section.participants",
  findings: "evaluations.report.section.findings",
  suggestions: "evaluations.report.section.suggestions",
};

export async function reportPdf(lang: Lang, content: ReportContent): Promise<Buffer> {
  const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
  const n = (value: number | null) => formatNumber(lang, value ?? 0);
  const k = content.figures.k;
  const reportTitle = `${t(content.kind === "final" ? "evaluations.report.title.final" : "evaluations.report.title.process")}: ${content.project.serviceName}`;
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    bufferPages: true,
    info: { Title: reportTitle, Creator: "Knutepunkt" },
    lang: lang === "en" ? "en-GB" : lang === "nn" ? "nn-NO" : "nb-NO",
    displayTitle: true,
  });
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = 56;
  const width = doc.page.width - 112;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const h1 = (text: string) => doc.font("bold").fontSize(20).fillColor("#1e2b3c").text(breakable(text)).moveDown(0.3);

  /*
   * Keep with next: a heading is not drawn at once but held until the first block after it is drawn.
   * That block then asks for room for the held headings plus its own first part (a paragraph's first
   * two lines, the whole chart), and starts a new page before the headings if it does not fit — so a
   * heading never ends a page.
   */
  type Heading = { height: number; draw: () => void };
  let held: Heading[] = [];
  const keepWithNext = (firstPart: number) => {
    const headings = held;
    held = [];
    const needed = headings.reduce((sum, h) => sum + h.height, 0) + firstPart;
    if (doc.y + needed > bottom() && doc.y > doc.page.margins.top) doc.addPage();
    for (const h of headings) h.draw();
  };
  const heading = (text: string, size: number, before: number, after: number, onDraw?: () => void) => {
    doc.font("bold").fontSize(size);
    const height = doc.heightOfString(breakable(text), { width }) + doc.currentLineHeight(true) * (before + after) + 2;
    held.push({
      height,
      draw: () => {
        doc.moveDown(before).font("bold").fontSize(size).fillColor("#1e2b3c").text(breakable(text)).moveDown(after);
        onDraw?.();
      },
    });
  };
  const h3 = (text: string) => heading(text, 11.5, 0.4, 0.15);
  /** A paragraph's height, up to its first two lines: what must follow a heading on its page. */
  const firstLines = (text: string, textWidth = width) => {
    doc.font("body").fontSize(10.5);
    return Math.min(doc.heightOfString(breakable(text), { width: textWidth, paragraphGap: 4 }), doc.currentLineHeight(true) * 2 + 4);
  };
  const p = (text: string, muted = false) => {
    keepWithNext(firstLines(text));
    doc.font("body").fontSize(10.5).fillColor(muted ? "#555555" : "#111111").text(breakable(text), { paragraphGap: 4 });
  };
  const body = (text: string) => {
    for (const para of text.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean)) p(para);
  };
  const quote = (text: string) => {
    // A quote is kept whole on one page (its bar is drawn beside it), unless it is longer than a page.
    doc.font("body").fontSize(10.5);
    keepWithNext(Math.min(doc.heightOfString(breakable(text), { width: width - 14, paragraphGap: 4 }), bottom() - doc.page.margins.top));
    const y = doc.y;
    doc.font("body").fontSize(10.5).fillColor("#111111").text(breakable(text), left + 14, y, { width: width - 14, paragraphGap: 4 });
    doc.save().rect(left, y, 3, doc.y - y - 4).fill("#888888").restore();
    doc.x = left;
  };

  // Page 1: the title and the table of contents (filled in once the sections' pages are known).
  h1(reportTitle);
  p(content.project.title, true);
  p(
    content.project.periodEnd
      ? t("evaluations.report.period", { start: formatDate(lang, content.project.periodStart), end: formatDate(lang, content.project.periodEnd) })
      : t("evaluations.report.period_open", { start: formatDate(lang, content.project.periodStart) }),
    true,
  );
  p(content.publishedAt ? t("evaluations.report.published", { date: formatDate(lang, content.publishedAt) }) : t("evaluations.report.not_published"), true);
  doc.moveDown(1);
  doc.font("bold").fontSize(15).fillColor("#1e2b3c").text(t("evaluations.report.contents"));
  const tocY = doc.y + 6;
  const tocPage = 0;

  doc.addPage();
  const pages: { title: string; page: number }[] = [];
  const withheldAnything =
    !content.figures.totals.shown ||
    content.figures.codes.some((c) => !c.shown) ||
    content.figures.bySite.some((r) => !r.shown) ||
    content.figures.byRound.some((r) => !r.shown) ||
    content.quotesWithheld > 0;
  if (withheldAnything) {
    doc.save().rect(left, doc.y, width, 44).fill("#e6f0fa").restore();
    doc.font("bold").fontSize(10.5).fillColor("#0b3a66").text(t("evaluations.report.withheld_note", { k }), left + 10, doc.y + 8, { width: width - 20 });
    doc.font("body").fontSize(9).text(t("evaluations.report.withheld_explain", { k }), { width: width - 20 });
    doc.x = left;
    doc.moveDown(1);
  }

  const breakdown = (title: string, keyLabel: string, rows: ReportContent["figures"]["bySite"]) => {
    h3(title);
    p(`${keyLabel} · ${t("evaluations.report.col.participants")} · ${t("evaluations.report.col.sessions")}`, true);
    for (const r of rows) p(r.shown ? `${r.label}: ${n(r.participants)} · ${n(r.sessions)}` : `${r.label}: ${t("evaluations.report.withheld")}`);
  };

  const chart = () => {
    const shown = content.figures.codes.filter((c) => c.shown);
    if (shown.length === 0) return;
    const max = Math.max(1, ...shown.map((c) => c.statements ?? 0));
    const labelWidth = 150;
    const barSpace = width - labelWidth - 30;
    const rowHeight = 20;
    // The legend, the bars and the caption's line stay together on one page, with the headings before them.
    keepWithNext(20 + shown.length * rowHeight + 6 + firstLines(t("evaluations.report.chart_caption")));
    // Legend.
    let lx = left;
    const ly = doc.y;
    for (const s of segments) {
      doc.save().rect(lx, ly + 1, 9, 9).fill(s.colour).restore();
      doc.font("body").fontSize(9).fillColor("#111111").text(t(s.label), lx + 13, ly, { lineBreak: false });
      lx += 110;
    }
    let y = ly + 20;
    for (const c of shown) {
      doc.font("body").fontSize(9).fillColor("#111111").text(c.name, left, y + 3, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
      let x = left + labelWidth;
      for (const s of segments) {
        const value = c[s.key] ?? 0;
        const w = (value / max) * barSpace;
        if (w > 0) doc.save().rect(x, y, w, 14).fill(s.colour).restore();
        x += w;
      }
      const other = Math.max(0, (c.statements ?? 0) - (c.positive ?? 0) - (c.negative ?? 0) - (c.suggestion ?? 0));
      if (other > 0) {
        const w = (other / max) * barSpace;
        doc.save().rect(x, y, w, 14).fill("#6b6b6b").restore();
        x += w;
      }
      doc.font("body").fontSize(9).fillColor("#111111").text(n(c.statements), x + 4, y + 3, { lineBreak: false });
      y += rowHeight;
    }
    doc.x = left;
    doc.y = y + 6;
    p(t("evaluations.report.chart_caption"), true);
  };

  for (const section of content.sections) {
    const title = sectionTitleKeys[section.key] ? t(sectionTitleKeys[section.key]!) : section.title;
    heading(title, 15, 0.8, 0.3, () => pages.push({ title, page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1 }));
    switch (section.key) {
      case "purpose":
        if (content.project.purpose.trim()) (h3(t("evaluations.report.purpose_label")), body(content.project.purpose));
        if (content.project.questions.trim()) (h3(t("evaluations.report.questions_label")), body(content.project.questions));
        break;
      case "method":
        p(t("evaluations.report.method_text", { k }));
        break;
      case "participants": {
        const f = content.figures;
        p(f.totals.shown ? t("evaluations.report.participants_total", { participants: f.totals.participants ?? 0, sessions: f.totals.sessions ?? 0 }) : t("evaluations.report.participants_withheld", { k }));
        if (f.bySite.length > 1) breakdown(t("evaluations.report.by_site"), t("evaluations.report.col.site"), f.bySite);
        if (f.byRound.length > 1) breakdown(t("evaluations.report.by_round"), t("evaluations.report.col.round"), f.byRound);
        break;
      }
      case "findings": {
        const codes = content.figures.codes;
        if (codes.length === 0) {
          p(t("evaluations.report.no_findings"));
          break;
        }
        chart();
        for (const c of codes) {
          h3(c.name);
          if (c.description) p(c.description, true);
          p(
            c.shown
              ? t("evaluations.report.theme_summary", {
                  statements: c.statements ?? 0,
                  sessions: c.sessions ?? 0,
                  participants: c.participants ?? 0,
                  positive: c.positive ?? 0,
                  negative: c.negative ?? 0,
                  suggestion: c.suggestion ?? 0,
                })
              : t("evaluations.report.theme_withheld", { k }),
          );
          for (const q of content.quotes.filter((x) => x.codeId === c.codeId)) quote(q.text);
        }
        if (content.quotesWithheld > 0) p(t("evaluations.report.quotes_withheld", { k }), true);
        break;
      }
    }
    if (section.body.trim()) body(section.body);
    else if (!["purpose", "method", "participants", "findings"].includes(section.key)) p(t("evaluations.report.empty_section"), true);
  }

  keepWithNext(0);

  // The table of contents on page 1.
  doc.switchToPage(tocPage);
  let y = tocY;
  for (const entry of pages) {
    doc.font("body").fontSize(11).fillColor("#111111").text(entry.title, left, y, { width: width - 40, lineBreak: false });
    doc.text(String(entry.page + 1), left + width - 40, y, { width: 40, align: "right", lineBreak: false });
    y += 18;
  }

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font("body")
      .fontSize(8.5)
      .fillColor("#555555")
      .text(`${i + 1} / ${range.count}`, left, doc.page.height - 40, { align: "center", width, lineBreak: false });
  }
  doc.end();
  return done;
}
