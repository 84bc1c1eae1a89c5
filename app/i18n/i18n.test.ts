import { describe, expect, it } from "vitest";
import { allMessages, formatDate, formatNumber, negotiateLanguage, translate } from "./i18n";
// Modules' own catalogues (the toolkit's) are checked with the app's.
import "~/modules/toolkit/i18n/register";
import "~/modules/evaluations/i18n/register";

const nb = allMessages("nb");
import { sameAsNb } from "./same-as-nb";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  for (const lang of ["nn", "en"] as const) {
    const catalogue = allMessages(lang);
    it(`${lang} has every key of bokmål and no others`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(nb).sort());
    });
    it(`${lang} is translated: no value identical to bokmål unless listed as rightly so`, () => {
      const same = Object.keys(nb).filter((k) => catalogue[k] === (nb as Record<string, string>)[k] && !sameAsNb[lang].includes(k));
      expect(same).toEqual([]);
    });
    it(`${lang} keeps every placeholder`, () => {
      const broken = Object.entries(nb).filter(([k, v]) => placeholders(v).join() !== placeholders(catalogue[k] ?? "").join());
      expect(broken.map(([k]) => k)).toEqual([]);
    });
    it(`${lang} has no empty text`, () => {
      expect(Object.entries(catalogue).filter(([, v]) => !v.trim())).toEqual([]);
    });
  }

  it("lists as 'same as bokmål' only keys that exist and really are the same", () => {
    for (const lang of ["nn", "en"] as const) {
      for (const key of sameAsNb[lang]) {
        expect(allMessages(lang)[key]).toBe(nb[key]);
      }
    }
  });

  it("chooses plural forms per language", () => {
    expect(translate("nb", "members.list", { count: 1 })).toBe("1 medlem");
    expect(translate("nb", "members.list", { count: 3 })).toBe("3 medlemmer");
    expect(translate("en", "members.list", { count: 1 })).toMatch(/^1 member$/);
    expect(translate("en", "members.list", { count: 2 })).toMatch(/^2 members$/);
  });

  it("formats numbers and dates per language", () => {
    expect(formatNumber("nb", 12345.5)).toBe("12\u00a0345,5");
    expect(formatNumber("en", 12345.5)).toBe("12,345.5");
    const date = new Date("2026-03-12T13:02:00Z");
    expect(formatDate("nb", date)).toBe("12. mars 2026");
    expect(formatDate("nn", date)).toBe("12. mars 2026");
    expect(formatDate("en", date)).toBe("12 March 2026");
    expect(formatDate("nb", date, "datetime")).toMatch(/12\. mars 2026.*14[:.]02/);
  });

  // Where a browser has no nynorsk formats (Chromium), nynorsk is formatted as bokmål (formatLocale), so the
  // server's HTML and the browser's first render agree on a hydrated page: that holds only while both write
  // every date and number of ours the same way.
  it("writes dates and numbers the same in nynorsk and bokmål, so bokmål can stand in for nynorsk", () => {
    const styles = [{ dateStyle: "long" }, { dateStyle: "long", timeStyle: "short" }, { dateStyle: "medium" }] as const;
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2026, month, 28, 21, 30));
      for (const style of styles) {
        const as = (locale: string) => new Intl.DateTimeFormat(locale, { ...style, timeZone: "Europe/Oslo" }).format(date);
        expect(as("nn-NO")).toBe(as("nb-NO"));
      }
    }
    expect(new Intl.NumberFormat("nn-NO").format(-1234567.25)).toBe(new Intl.NumberFormat("nb-NO").format(-1234567.25));
  });

  it("honours Accept-Language, counting 'no' as bokmål", () => {
    expect(negotiateLanguage(null)).toBe("nb");
    expect(negotiateLanguage("nn-NO,nn;q=0.9,en;q=0.5")).toBe("nn");
    expect(negotiateLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(negotiateLanguage("no,en;q=0.5")).toBe("nb");
    expect(negotiateLanguage("de-DE,de;q=0.9")).toBe("nb");
    expect(negotiateLanguage("de,en;q=0.8,nn;q=0.9")).toBe("nn");
  });
});
