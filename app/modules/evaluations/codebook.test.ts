import { describe, expect, it } from "vitest";
import { languages } from "~/i18n/i18n";
import { shippedCodes, themeGuideTemplate } from "./codebook";

/** Words that are bokmål and not nynorsk: a nynorsk text holding one was not really translated. */
const bokmalOnly = /\b(hva|hvordan|hvem|hvilke|hvis|ikke|noen|noe|mye|jeg|hjem|fra|tjeneste\w*|bolig|ansatte|hverdag\w*|muligheter?|beslutning\w*|videre|sammen|være|vært|ble|tatt|deres)\b/iu;

const wordsOf = (text: string) => text.split(/[\s,.:;?!–()]+/u).filter(Boolean);

describe("the shipped codebook", () => {
  it("has the ten codes from the synthesis of 15 BSB reports, in order", () => {
    expect(shippedCodes.map((c) => c.name.nb)).toEqual([
      "Respekt",
      "Dyktige fagpersoner",
      "Forutsigbarhet",
      "Fleksibilitet",
      "Informasjon",
      "Samhandling",
      "Felles beslutninger",
      "Sosial kontakt",
      "Utviklingsmuligheter",
      "Ansvarsfrihet",
    ]);
    expect(shippedCodes.map((c) => c.id)).toEqual([
      "respect",
      "skilled_professionals",
      "predictability",
      "flexibility",
      "information",
      "coordination",
      "shared_decisions",
      "social_contact",
      "opportunities",
      "respite",
    ]);
  });

  it("names and describes each code in bokmål, nynorsk and English", () => {
    for (const code of shippedCodes) {
      expect(code.id).toMatch(/^[a-z][a-z_]*$/);
      for (const lang of languages) {
        expect(code.name[lang].trim(), `${code.id} ${lang}`).not.toBe("");
        expect(code.description[lang].trim().length, `${code.id} ${lang}`).toBeGreaterThan(40);
        expect(code.description[lang], `${code.id} ${lang}`).toMatch(/[.!]$/);
      }
      expect(code.description.nn, code.id).not.toBe(code.description.nb);
      expect(code.description.en, code.id).not.toBe(code.description.nb);
      expect(code.description.nn, code.id).not.toMatch(bokmalOnly);
      expect(code.name.nn, code.id).not.toMatch(bokmalOnly);
    }
  });
});

describe("the theme-guide template", () => {
  it("has BSB's usual themes, in order", () => {
    expect(themeGuideTemplate.map((t) => t.id)).toEqual([
      "general_experience",
      "information",
      "being_heard",
      "respect",
      "availability",
      "coordination",
      "relatives",
      "meaningful_day",
      "housing",
      "hope",
    ]);
    expect(new Set(themeGuideTemplate.map((t) => t.id)).size).toBe(themeGuideTemplate.length);
  });

  it("gives each theme 2–4 open questions in bokmål, nynorsk and English", () => {
    for (const theme of themeGuideTemplate) {
      expect(theme.questions.length, theme.id).toBeGreaterThanOrEqual(2);
      expect(theme.questions.length, theme.id).toBeLessThanOrEqual(4);
      expect(theme.questions.map((q) => q.id)).toEqual(theme.questions.map((_, i) => `q${i + 1}`));
      for (const lang of languages) expect(theme.title[lang].trim(), `${theme.id} ${lang}`).not.toBe("");
      expect(theme.title.nn).not.toMatch(bokmalOnly);
      for (const q of theme.questions) {
        const where = `${theme.id}.${q.id}`;
        for (const lang of languages) {
          expect(q.text[lang], `${where} ${lang}`).toMatch(/^\p{Lu}.*\?$/u);
          // Plain: short questions, one thing at a time.
          expect(wordsOf(q.text[lang]).length, `${where} ${lang}`).toBeLessThanOrEqual(20);
        }
        expect(q.text.nn, where).not.toBe(q.text.nb);
        expect(q.text.nn, where).not.toMatch(bokmalOnly);
        expect(q.text.en, where).not.toBe(q.text.nb);
      }
    }
  });

  it("asks open questions, not leading or yes/no ones", () => {
    // A question that starts with a verb ("Er du fornøyd …?", "Synes du …?") can be answered yes or no;
    // "hvor fornøyd" and "enig i at" ask for agreement with the asker.
    const closed = /^(er|har|synes|liker|får|vil|kan du si deg|føler|opplever|var|blir)\b/iu;
    const closedEn = /^(are|is|do|did|does|have|has|would you agree|were|was)\b/iu;
    const leading = /(fornøyd|enig i at|ikke sant|sant\?|satisfied|agree that|don't you)/iu;
    for (const theme of themeGuideTemplate) {
      for (const q of theme.questions) {
        expect(q.text.nb, `${theme.id}.${q.id}`).not.toMatch(closed);
        expect(q.text.en, `${theme.id}.${q.id}`).not.toMatch(closedEn);
        for (const lang of languages) expect(q.text[lang], `${theme.id}.${q.id}`).not.toMatch(leading);
      }
    }
  });
});
