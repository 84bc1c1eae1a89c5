import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { breakable, emojiRuns, folderPdf, missingGlyph } from "./folder-pdf.server";
import type { FolderSection } from "./folder.server";

const card = (answer: string): FolderSection => ({
  item: "card:x",
  title: "Kort",
  updatedAt: null,
  view: { kind: "card", questions: [{ question: "Hva?", answer }] } as unknown as FolderSection["view"],
});

describe("the folder PDF with long unbroken text", () => {
  it("lets a run of more than 30 characters break, keeping every character", () => {
    const word = "x".repeat(95);
    const out = breakable(`kort ${word} kort`);
    expect(out.replaceAll("\u200b", "")).toBe(`kort ${word} kort`);
    expect(out.split("\u200b").map((part) => part.length)).toEqual([35, 30, 30, 10]);
    expect(breakable("vanlige ord blir som de var")).toBe("vanlige ord blir som de var");
  });

  it("renders a 20,000-letter answer without a space in well under a few seconds (it took ≈ 50 s and held the server)", async () => {
    const started = performance.now();
    const pdf = await folderPdf("nb", "Test", [card(`Start ${"a".repeat(20_000)} slutt`)]);
    const ms = performance.now() - started;
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(ms).toBeLessThan(5_000);
  });
});

async function pdfText(data: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}

/** The fonts a PDF embeds (their BaseFont names), read from the file itself. */
const fontsIn = (pdf: Buffer) => [...new Set([...pdf.toString("latin1").matchAll(/\/BaseFont \/[A-Z]{6}\+([A-Za-z0-9-]+)/g)].map((m) => m[1]))];

describe("the folder PDF keeps what people write (issue 11, item 14)", () => {
  it("prints emoji with the emoji font instead of dropping them: 🌱, 👍🏽, a family and a flag, in answers and headings", async () => {
    const answer = "Jeg er glad 🌱 og takknemlig 👍🏽 for 👨‍👩‍👧 i 🇳🇴. 中";
    const pdf = await folderPdf("nb", "Test 😊", [card(answer)]);
    const text = (await pdfText(pdf)).replace(/\s+/g, "");
    // 👍🏽 is one glyph (the thumb with the skin tone); its text is the thumb.
    for (const emoji of ["🌱", "👍", "👨‍👩‍👧", "🇳🇴", "😊"]) expect(text, emoji).toContain(emoji);
    expect(text).toContain("Jegerglad🌱ogtakknemlig");
    // A character neither font has (here Chinese) is a visible □, never a silent gap.
    expect(text).toContain(`🇳🇴.${missingGlyph}`);
    expect(fontsIn(pdf)).toEqual(expect.arrayContaining(["DejaVuSans", "NotoEmoji-Regular"]));
  });

  it("splits text into emoji and other runs, keeping every character", () => {
    expect(emojiRuns("a🌱b ❤️ c")).toEqual([
      { text: "a", emoji: false },
      { text: "🌱", emoji: true },
      { text: "b ", emoji: false },
      { text: "❤️", emoji: true },
      { text: " c", emoji: false },
    ]);
    expect(emojiRuns("bare tekst, 1-2-3")).toEqual([{ text: "bare tekst, 1-2-3", emoji: false }]);
  });

  it("an empty value sort says there is nothing yet, not a blank section", async () => {
    const values: FolderSection = { item: "values", title: "Verdiene dine", updatedAt: null, view: { kind: "values", sortedAt: null, top: [], reflections: [] } };
    const text = await pdfText(await folderPdf("nb", "Test", [values]));
    expect(text).toMatch(/Verdiene dine\s*Ingen ferdig sortering ennå\./);
    const nn = await pdfText(await folderPdf("nn", "Test", [values]));
    expect(nn).toContain("Inga ferdig sortering enno.");
  });

  // The same as a reader's PDF tool sees it (poppler's pdftotext, Debian package poppler-utils: .ci/run
  // installs it, the README lists it); the checks above read the same text with pdf.js.
  it("pdftotext reads the emoji, the □ and the empty sort's sentence as a reader would", async () => {
    if (spawnSync("pdftotext", ["-v"]).error !== undefined) throw new Error("pdftotext not found: install Debian's poppler-utils (see README, Tests)");
    const values: FolderSection = { item: "values", title: "Verdiene dine", updatedAt: null, view: { kind: "values", sortedAt: null, top: [], reflections: [] } };
    const pdf = await folderPdf("nb", "Test 😊", [card("Jeg er glad 🌱 og takknemlig 👍🏽 for 👨‍👩‍👧 i 🇳🇴. 中"), values]);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
    expect(text).toContain("Test 😊");
    expect(text).toContain(`Jeg er glad 🌱 og takknemlig 👍 for 👨‍👩‍👧 i 🇳🇴. ${missingGlyph}`);
    expect(text).toMatch(/Verdiene dine\s*Ingen ferdig sortering ennå\./);
  });
});
