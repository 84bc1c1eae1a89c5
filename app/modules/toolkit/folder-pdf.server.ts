import "~/modules/toolkit/i18n/register";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatDate, translate, type Lang, type MessageKey, type Params } from "~/i18n/i18n";
import type { FolderSection } from "./folder.server";

const require = createRequire(import.meta.url);
/** DejaVu Sans covers Norwegian, Sami (ŋ, đ, ŧ, š, ž, č) and most other scripts people write names in. */
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const regular = path.join(fontDir, "DejaVuSans.ttf");
const bold = path.join(fontDir, "DejaVuSans-Bold.ttf");

/**
 * Text with a break opportunity (a zero-width space) every 30 characters of an unbroken run. pdfkit's line
 * wrapping takes time that grows with the square of a word's length: one answer of 20,000 letters without
 * a space took about 50 s of the server's only thread. Copied text keeps its characters.
 */
export function breakable(text: string): string {
  return text.replace(/\S{31,}/g, (run) => run.match(/\S{1,30}/g)!.join("\u200b"));
}

/** "Min recovery-mappe" as a printable A4 PDF, built from the same sections as the page. */
export async function folderPdf(lang: Lang, name: string, sections: readonly FolderSection[], now = new Date()): Promise<Buffer> {
  const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    bufferPages: true,
    info: { Title: t("toolkit.pdf.title"), Creator: "Knutepunkt" },
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

  const h1 = (text: string) => doc.font("bold").fontSize(20).fillColor("#1e2b3c").text(breakable(text)).moveDown(0.3);
  const h2 = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font("bold").fontSize(15).fillColor("#1e2b3c").text(breakable(text)).moveDown(0.3);
  };
  const h3 = (text: string) => doc.moveDown(0.4).font("bold").fontSize(11.5).fillColor("#1e2b3c").text(breakable(text)).moveDown(0.15);
  const p = (text: string, muted = false) =>
    doc
      .font("body")
      .fontSize(10.5)
      .fillColor(muted ? "#555555" : "#111111")
      .text(breakable(text), { paragraphGap: 4 });

  h1(t("toolkit.pdf.title"));
  p(t("toolkit.pdf.made_for", { name, date: formatDate(lang, now) }), true);
  p(t("toolkit.pdf.private"), true);

  for (const section of sections) {
    h2(section.title);
    if (section.updatedAt)
      p(
        t("toolkit.folder.updated", {
          date: formatDate(lang, section.updatedAt),
        }),
        true,
      );
    const view = section.view;
    switch (view.kind) {
      case "card":
        for (const q of view.questions) {
          h3(q.question);
          p(q.answer?.trim() ? q.answer : t("toolkit.view.not_answered"), !q.answer?.trim());
        }
        break;
      case "dream":
        h3(t("toolkit.dream.dream"));
        p(view.dream || t("toolkit.view.not_answered"));
        if (view.helps) (h3(t("toolkit.dream.helps")), p(view.helps));
        if (view.hinders) (h3(t("toolkit.dream.hinders")), p(view.hinders));
        h3(t("toolkit.dream.goals"));
        if (!view.goals.length) p(t("toolkit.view.no_goals"), true);
        view.goals.forEach((g, i) => {
          doc
            .font("bold")
            .fontSize(10.5)
            .fillColor("#111111")
            .text(breakable(`${i + 1}. ${g.text}`));
          for (const s of g.steps) p(`   • ${s.text}${s.due ? ` (${formatDate(lang, s.due)})` : ""}${s.done ? ` – ${t("toolkit.dream.done")}` : ""}`);
        });
        break;
      case "values":
        view.top.forEach((v, i) => p(`${i + 1}. ${v.name}${v.meaning ? ` – ${v.meaning}` : ""}`));
        for (const r of view.reflections) {
          h3(r.name);
          if (r.meaning) p(`${t("toolkit.reflection.meaning")} ${r.meaning}`);
          if (r.livingBy !== null) p(`${t("toolkit.reflection.living_by")} ${t("toolkit.reflection.of_ten", { n: r.livingBy })}`);
          if (r.obstacles) p(`${t("toolkit.reflection.obstacles")} ${r.obstacles}`);
          if (r.step) p(`${t("toolkit.reflection.step")}: ${r.step}`);
        }
        break;
      case "check_in":
        for (const pack of view.packs) {
          h3(pack.name);
          for (const row of pack.rows) {
            doc
              .font("bold")
              .fontSize(10.5)
              .fillColor("#111111")
              .text(formatDate(lang, row.at, "datetime"));
            pack.items.forEach((item, i) => p(`${item}: ${row.values[i] ?? "–"}${row.why[i] ? ` – ${row.why[i]}` : ""}`));
          }
        }
        break;
      case "stages":
        for (const s of view.timeline) {
          const what = s.changedFrom ? t("toolkit.stages.changed", { from: s.changedFrom, to: s.stage }) : s.stage;
          p(`${formatDate(lang, s.at)} · ${s.area ?? t("toolkit.stages.overall")}: ${what}`);
          if (s.note) p(s.note, true);
        }
        break;
    }
  }

  // Page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc
      .font("body")
      .fontSize(8.5)
      .fillColor("#555555")
      .text(`${i + 1} / ${range.count}`, 56, doc.page.height - 40, {
        align: "center",
        width: doc.page.width - 112,
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
