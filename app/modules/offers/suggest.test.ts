import { describe, expect, it } from "vitest";
import { editDistance, nearestWord, suggestQuery, textWords } from "./offers";
import { findKommune, kommuneLabel, kommuner } from "~/modules/centres/kommuner";
import { page } from "./hsds";

describe("Mente du …? (pure rules)", () => {
  it("counts slips, a swap of two letters as one, and stops past the limit", () => {
    expect(editDistance("fontenhus", "fontenehus", 3)).toBe(1);
    expect(editDistance("kusr", "kurs", 1)).toBe(1);
    expect(editDistance("sang", "sang", 1)).toBe(0);
    expect(editDistance("kor", "korsang", 2)).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("pårørende", "parorende", 2)).toBe(2);
  });

  it("splits offer text as the search does", () => {
    expect(textWords("Fontenehuset i Asker: 24 timer, kafé/kurs")).toEqual(["fontenehuset", "asker", "timer", "kafé", "kurs"]);
  });

  it("picks the nearest word, then the most used, and suggests only when a word is in no offer", () => {
    const vocabulary = new Map([
      ["fontenehus", 3],
      ["fontenehuset", 5],
      ["korsang", 2],
      ["kurs", 4],
      ["kors", 1],
    ]);
    expect(nearestWord("fontenhus", vocabulary)).toBe("fontenehus");
    expect(nearestWord("kurss", vocabulary)).toBe("kurs");
    expect(nearestWord("zzzz", vocabulary)).toBeUndefined();
    expect(suggestQuery("Fontenhus", vocabulary)).toBe("fontenehus");
    // "sang" is inside "korsang" (the search finds compound words): nothing to correct.
    expect(suggestQuery("sang", vocabulary)).toBeUndefined();
    expect(suggestQuery("kurss sang", vocabulary)).toBe("kurs sang");
    expect(suggestQuery("", vocabulary)).toBeUndefined();
  });
});

describe("kommune names in lists", () => {
  it("says the fylke once: «Herøy (Møre og Romsdal)», «Bodø (Nordland)»", () => {
    expect(kommuneLabel(findKommune("1515")!)).toBe("Herøy (Møre og Romsdal)");
    expect(kommuneLabel(findKommune("1804")!)).toBe("Bodø (Nordland)");
    for (const k of kommuner) expect(kommuneLabel(k)).not.toMatch(/\(([^)]+)\) \(\1\)/);
  });
});

describe("HSDS pages", () => {
  it("a page past the end is empty (no contents), not just a page of a non-empty result", () => {
    expect(page([], 25, 9, 10)).toMatchObject({ total_items: 25, total_pages: 3, page_number: 9, size: 0, empty: true, last_page: true, contents: [] });
    expect(page([1], 25, 3, 10)).toMatchObject({ empty: false });
    expect(page([], 0, 1, 10)).toMatchObject({ empty: true, total_pages: 1 });
  });
});
