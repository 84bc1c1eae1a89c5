/**
 * Screening text for identifying details before it is saved (issue 13, item 4): a quote or a note from an
 * interview session, and later what the Kunnskap module publishes. Pure: no database, no React Router.
 *
 * `findIdentifyingDetails(text, { listedNames })` returns what it found, in text order, each with its kind,
 * the matched text and its position (`start`, `end`: UTF-16 offsets into the text as given, end exclusive,
 * so `text.slice(start, end) === found.text`), so a page can show the writer each one and ask them to
 * rewrite or confirm. It finds:
 *
 * - `first_name`: a common first name (norwegian-first-names.ts) written as a name, with a capital first
 *   letter, also in the genitive ("Karis", "Nils'") and in double names ("Kari-Anne"). The rule against
 *   false alarms: a name that is also an ordinary word ("Per" as in "per uke", "Liv", "Håp", "Glad", "Even";
 *   `ambiguousFirstNames`) is reported only when it is capitalised in the middle of a sentence — never at the
 *   start of a sentence (where every word is capitalised) and never in lower case. Other names are reported
 *   wherever they are capitalised. A name in lower case is not reported (it cannot be told from a word).
 *   A name after "St." or "Sankt" is a place ("St. Olavs hospital") and is not reported.
 * - `phone`: a Norwegian phone number — 8 digits starting with 2–9, written together or grouped as
 *   3-2-3 ("912 34 567") or 2-2-2-2 ("22 33 44 55") with spaces, dots or hyphens, or 4-4 with a space
 *   (not two years, "2019 2021"); with or without +47 or 0047 in front.
 * - `email`: an e-mail address.
 * - `date`: 12.03.2025, 12.3.25, 12/03/2025, 2025-03-12, "12. mars", "12. mars 2025", "3. jan.", and in
 *   English "12 March 2025", "March 12". A day and month without a year in digits ("12.03") is not
 *   reported: it is as often a time of day ("kl. 12.30") or a score.
 * - `national_id`: 11 digits, together or as 6 + 5 with a space ("010190 12345"), that could be a
 *   fødselsnummer: both mod-11 control digits are right and the first six digits are a date (also a
 *   D-number, day + 40; an H-number, month + 40; or a synthetic test number, month + 80). Other 11-digit
 *   numbers are not reported. (Skatteetaten has announced a change to how new numbers are made, from about
 *   2032: check this rule against it then.)
 * - `listed_name`: a name the project's team has listed (sites, staff), as a whole phrase in any case,
 *   spaces flexible, also with a genitive "s" ("Fjordbyens").
 *
 * Where two findings overlap, the longer one is kept (an e-mail address holding a name or digits is one
 * e-mail address); of two of the same length, the more specific kind (listed name first).
 */
import { ambiguousFirstNames, commonFirstNames } from "./norwegian-first-names";

export const identifyingKinds = ["listed_name", "national_id", "email", "phone", "date", "first_name"] as const;
export type IdentifyingKind = (typeof identifyingKinds)[number];

export type IdentifyingDetail = {
  kind: IdentifyingKind;
  /** The text as it stands in the input. */
  text: string;
  /** Offset of the first character (UTF-16 code units, as String.prototype.slice counts). */
  start: number;
  /** Offset just after the last character. */
  end: number;
};

export type ScreeningOptions = {
  /** Names the team lists for the project: its sites, staff of the service, places. */
  listedNames?: readonly string[];
};

const lower = (s: string) => s.normalize("NFC").toLocaleLowerCase("nb");

const ambiguous: ReadonlySet<string> = new Set(ambiguousFirstNames.map(lower));
const names: ReadonlySet<string> = new Set([...commonFirstNames, ...ambiguousFirstNames].map(lower));

// ---------------------------------------------------------------------------------------------------------
// First names

/** A word: letters (with combining marks), parts joined by a hyphen or an apostrophe ("Kari-Anne", "O'Neil"). */
const wordPattern = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;

/** Capital first letter followed by a small letter: "Kari", not "KARI" or "kari". One-letter words never. */
function isCapitalised(word: string): boolean {
  const chars = [...word];
  if (chars.length < 2) return false;
  const [first, second] = chars as [string, string];
  return first !== first.toLocaleLowerCase("nb") && second !== second.toLocaleUpperCase("nb");
}

/** What a name part looks up as: the part itself, or without a genitive -s ("Karis" → "kari"). */
function nameOf(part: string): string | null {
  const key = lower(part);
  if (names.has(key)) return key;
  if (key.length > 2 && key.endsWith("s") && names.has(key.slice(0, -1))) return key.slice(0, -1);
  return null;
}

/** Characters skipped when looking back for the start of a sentence: spaces, quotes, dashes, bullets. */
const transparent = new Set([" ", "\t", "\u00a0", "«", "»", "\"", "“", "”", "„", "'", "‘", "’", "-", "–", "—", "•", "*", "("]);
const sentenceEnd = new Set([".", "!", "?", ":", "…", "\n", "\r"]);

/** True when the word at `start` begins a sentence (or the text, or a line). */
function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text[i]!;
    if (sentenceEnd.has(c)) return true;
    if (transparent.has(c)) continue;
    return false;
  }
  return true;
}

/** "St. Olavs hospital", "Sankt Hans": a place or a day, not a person. */
function afterSaint(text: string, start: number): boolean {
  return /(?:^|[^\p{L}])(?:St|Sankt|Sta)\.?\s+$/u.test(text.slice(Math.max(0, start - 8), start));
}

function findFirstNames(text: string): IdentifyingDetail[] {
  const found: IdentifyingDetail[] = [];
  for (const m of text.matchAll(wordPattern)) {
    const start = m.index;
    const word = m[0];
    const parts = word.replace(/['’]s$/, "").split(/[-'’]/); // "Kari's": the English genitive
    if (!parts.every(isCapitalised)) continue;
    const partNames = parts.map(nameOf).filter((n): n is string => n !== null);
    if (partNames.length === 0) continue;
    const onlyAmbiguous = partNames.every((n) => ambiguous.has(n));
    if (onlyAmbiguous && startsSentence(text, start)) continue;
    if (afterSaint(text, start)) continue;
    found.push({ kind: "first_name", text: word, start, end: start + word.length });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers, addresses, dates

const sep = "[ \\u00a0.\\-]";
const phonePattern = new RegExp(
  "(?<![\\p{N}+])" +
    "(?:(?:\\+|00)[ \\u00a0]?47[ \\u00a0\\-]?)?" +
    "(?:" +
    [
      "[2-9]\\d{7}",
      `[2-9]\\d{2}${sep}\\d{2}${sep}\\d{3}`,
      `[2-9]\\d${sep}\\d{2}${sep}\\d{2}${sep}\\d{2}`,
      "(?!(?:19|20)\\d\\d[ \\u00a0](?:19|20)\\d\\d)[2-9]\\d{3}[ \\u00a0]\\d{4}",
    ].join("|") +
    ")" +
    "(?![\\p{N}]|[.,]\\p{N})",
  "gu",
);

const emailPattern = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const nbMonths = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember";
const nbMonthAbbreviations = "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des";
const enMonths = "January|February|March|April|May|June|July|August|September|October|November|December";
const day = "(?:0?[1-9]|[12]\\d|3[01])";
const datePatterns: RegExp[] = [
  // 12.03.2025, 12.3.25, 12/03/2025, 12-03-2025
  new RegExp(`(?<![\\p{N}.,/])${day}([./-])(?:0?[1-9]|1[0-2])\\1(?:\\d{4}|\\d{2})(?!\\p{N}|[.,/]\\p{N})`, "gu"),
  // 2025-03-12
  /(?<![\p{N}-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\p{N}])/gu,
  // 12. mars, 12 mars 2025, 3. jan. (an abbreviation needs its dot or a year)
  new RegExp(
    `(?<![\\p{L}\\p{N}.,])${day}\\.?[ \\u00a0]+(?:(?:${nbMonths})(?![\\p{L}])|(?:${nbMonthAbbreviations})(?:\\.|(?=[ \\u00a0]+\\d{4})))(?:[ \\u00a0]+\\d{4}(?!\\p{N}))?`,
    "giu",
  ),
  // 12 March 2025, 12th of March, March 12(th)(, 2025): English months are written with a capital.
  new RegExp(`(?<![\\p{L}\\p{N}.,])${day}(?:st|nd|rd|th)?(?: of)?[ \\u00a0]+(?:${enMonths})(?![\\p{L}])(?:,?[ \\u00a0]+\\d{4}(?!\\p{N}))?`, "gu"),
  new RegExp(`(?<![\\p{L}])(?:${enMonths})[ \\u00a0]+${day}(?:st|nd|rd|th)?(?![\\p{L}\\p{N}])(?:,?[ \\u00a0]+\\d{4}(?!\\p{N}))?`, "gu"),
];

const nationalIdPattern = /(?<![\p{N}])(\d{6})[ \u00a0]?(\d{5})(?![\p{N}])/gu;

/**
 * Could these 11 digits be a Norwegian fødselsnummer (or D-, H- or synthetic number)? Both control digits
 * right (mod 11, weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2) and a real day and month in the first six.
 */
export function isPlausibleNationalId(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const control = (weights: readonly number[]) => {
    const sum = weights.reduce((acc, w, i) => acc + w * d[i]!, 0);
    const k = 11 - (sum % 11);
    return k === 11 ? 0 : k; // 10 never matches a single digit
  };
  if (control([3, 7, 6, 1, 8, 9, 4, 5, 2]) !== d[9]) return false;
  if (control([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) !== d[10]) return false;
  let dd = d[0]! * 10 + d[1]!;
  let mm = d[2]! * 10 + d[3]!;
  if (dd > 40) dd -= 40; // D-number
  if (mm > 80) mm -= 80; // synthetic (test) number
  else if (mm > 40) mm -= 40; // H-number
  return dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12;
}

function findAll(text: string, pattern: RegExp, kind: IdentifyingKind): IdentifyingDetail[] {
  return [...text.matchAll(pattern)].map((m) => ({ kind, text: m[0], start: m.index, end: m.index + m[0].length }));
}

function findNationalIds(text: string): IdentifyingDetail[] {
  return findAll(text, nationalIdPattern, "national_id").filter((f) => isPlausibleNationalId(f.text.replace(/\D/g, "")));
}

// ---------------------------------------------------------------------------------------------------------
// Names the team lists

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function findListedNames(text: string, listed: readonly string[]): IdentifyingDetail[] {
  const phrases = [...new Set(listed.map((n) => n.normalize("NFC").trim().replace(/\s+/g, " ")).filter((n) => [...n].length >= 2))];
  if (phrases.length === 0) return [];
  phrases.sort((a, b) => b.length - a.length);
  const body = phrases.map((p) => p.split(" ").map(escape).join("\\s+")).join("|");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?:s|'s|’s|')?(?![\\p{L}\\p{N}])`, "giu");
  return findAll(text, pattern, "listed_name");
}

// ---------------------------------------------------------------------------------------------------------

const rank = (kind: IdentifyingKind) => identifyingKinds.indexOf(kind);

/** Keep the longer of two overlapping findings (of equal length, the more specific kind); in text order. */
function withoutOverlaps(all: IdentifyingDetail[]): IdentifyingDetail[] {
  const byStrength = [...all].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a.kind) - rank(b.kind) || a.start - b.start);
  const kept: IdentifyingDetail[] = []; // in text order, never overlapping
  for (const f of byStrength) {
    // The first kept finding that starts at or after f (binary search); only it and the one before can overlap f.
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < f.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > f.start) || (after && after.start < f.end)) continue;
    kept.splice(lo, 0, f);
  }
  return kept;
}

/** Everything in `text` that may identify a person or place; empty when nothing was found. */
export function findIdentifyingDetails(text: string, options: ScreeningOptions = {}): IdentifyingDetail[] {
  if (!text) return [];
  return withoutOverlaps([
    ...findListedNames(text, options.listedNames ?? []),
    ...findNationalIds(text),
    ...findAll(text, emailPattern, "email"),
    ...findAll(text, phonePattern, "phone"),
    ...datePatterns.flatMap((p) => findAll(text, p, "date")),
    ...findFirstNames(text),
  ]);
}
