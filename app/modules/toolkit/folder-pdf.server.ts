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
 * Noto Emoji (outline, one colour; SIL OFL 1.1) for the emoji DejaVu does not have: without it a 🌱 or a
 * 👍🏽 in an answer vanished from the PDF. An npm package, so the server needs nothing from the system.
 */
const emojiDir = path.dirname(require.resolve("@expo-google-fonts/noto-emoji/package.json"));
const emojiRegular = path.join(emojiDir, "400Regular", "NotoEmoji_400Regular.ttf");
const emojiBold = path.join(emojiDir, "700Bold", "NotoEmoji_700Bold.ttf");
/** What is printed for a character neither font can draw: visible, never a silent gap. */
export const missingGlyph = "\u25a1";

/** Emoji as people write them: one picture, skin tones, families (ZWJ), flags and keycaps included. */
const emojiPattern = () => new RegExp("\\p{RGI_Emoji}", "gv");

/** Text cut into runs: emoji (for the emoji font) and the rest, in order, every character kept. */
export function emojiRuns(text: string): { text: string; emoji: boolean }[] {
  const runs: { text: string; emoji: boolean }[] = [];
  const push = (part: string, emoji: boolean) => {
    if (!part) return;
    const last = runs.at(-1);
    if (last && last.emoji === emoji) last.text += part;
    else runs.push({ text: part, emoji });
  };
  let at = 0;
  for (const match of text.matchAll(emojiPattern())) {
    push(text.slice(at, match.index), false);
    push(match[0], true);
    at = match.index + match[0].length;
  }
  push(text.slice(at), false);
  return runs;
}

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
  doc.registerFont("emoji", emojiRegular);
  doc.registerFont("emoji-bold", emojiBold);
  // Whether the font just chosen can draw a character (pdfkit keeps fontkit's font on the document).
  const canDraw = (char: string) => {
    const font = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (cp: number) => boolean } } })._font?.font;
    return font?.hasGlyphForCodePoint ? font.hasGlyphForCodePoint(char.codePointAt(0)!) : true;
  };
  /**
   * Write text in `font`, with emoji in the emoji font: one pdfkit text call per run, continued, so a line
   * wraps as one. A character neither font has is printed as □.
   */
  const write = (font: "body" | "bold", text: string, options: PDFKit.Mixins.TextOptions = {}) => {
    const runs = emojiRuns(breakable(text));
    runs.forEach((run, i) => {
      doc.font(run.emoji ? (font === "bold" ? "emoji-bold" : "emoji") : font);
      const shown = run.emoji ? (canDraw(run.text) ? run.text : missingGlyph) : [...run.text].map((c) => (c === "\u200b" || c === "\n" || canDraw(c) ? c : missingGlyph)).join("");
      doc.text(shown, { ...options, continued: i < runs.length - 1 });
    });
    return doc;
  };
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const h1 = (text: string) => {
    doc.fontSize(20).fillColor("#1e2b3c");
    write("bold", text).moveDown(0.3);
  };
  const h2 = (text: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).fontSize(15).fillColor("#1e2b3c");
    write("bold", text).moveDown(0.3);
  };
  const h3 = (text: string) => {
    doc.moveDown(0.4).fontSize(11.5).fillColor("#1e2b3c");
    write("bold", text).moveDown(0.15);
  };
  const p = (text: string, muted = false) => {
    doc.fontSize(10.5).fillColor(muted ? "#555555" : "#111111");
    return write("body", text, { paragraphGap: 4 });
  };

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
          doc.fontSize(10.5).fillColor("#111111");
          write("bold", `${i + 1}. ${g.text}`);
          for (const s of g.steps) p(`   • ${s.text}${s.due ? ` (${formatDate(lang, s.due)})` : ""}${s.done ? ` – ${t("toolkit.dream.done")}` : ""}`);
        });
        break;
      case "values":
        // A sort not finished yet has no chosen values: say so, as the page does, never a blank section.
        if (!view.top.length) p(t("toolkit.view.no_values"), true);
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
