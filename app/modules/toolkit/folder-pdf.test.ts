import { describe, expect, it } from "vitest";
import { breakable, folderPdf } from "./folder-pdf.server";
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
