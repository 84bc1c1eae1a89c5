/**
 * Tilbud: the directory of recovery offers, modelled on Open Referral HSDS 3.0 with a Norwegian profile.
 * Pure rules and vocabularies shared by server and pages.
 */
export const offerKinds = [
  "arbeid-og-aktivitet",
  "kultur-musikk-og-sang",
  "likepersonsarbeid",
  "kurs-og-opplaering",
  "treffsted",
  "parorende",
  "bolig-og-rehabilitering",
  "veiledning-for-kommuner",
  "behandling",
] as const;
export type OfferKind = (typeof offerKinds)[number];

export const targetGroups = ["bruker", "parorende", "fagperson", "ungdom"] as const;
export type TargetGroup = (typeof targetGroups)[number];

export const pageSize = 20;

/**
 * Words of a free-text search, for PostgreSQL: each word becomes a prefix query on its Norwegian stem
 * ("kurs" → kur:*, which finds "kursene"), and the words are also matched inside compound words
 * ("sang" finds "korsang"). Only letters and digits survive, so the input cannot break the query.
 */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
}

/* "Mente du …?": a search word that is in no offer, matched to the nearest word the offers use. */

/** The words of an offer's text, split as the search splits a query: lower case, letters and digits, 3 or more long. */
export function textWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w));
}

/**
 * Edit distance with transpositions (optimal string alignment): "fontenhus" → "fontenehus" is 1, "kusr" → "kurs" is 1.
 * Stops as soon as the distance must be over `max`, and then returns max + 1.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const x = [...a];
  const y = [...b];
  let before: number[] = [];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[y.length]!, max + 1);
}

/** How far a word may be from what was meant: one slip in a short word, two in a longer one, three in a long one. */
export const allowedSlips = (word: string) => (word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3);

/** The vocabulary word nearest to `word` (fewest slips, then the most used, then alphabetical), if one is near enough. */
export function nearestWord(word: string, vocabulary: ReadonlyMap<string, number>): string | undefined {
  const max = allowedSlips(word);
  let best: { word: string; distance: number; uses: number } | undefined;
  for (const [candidate, uses] of vocabulary) {
    const distance = editDistance(word, candidate, max);
    if (distance > max || distance === 0) continue;
    if (!best || distance < best.distance || (distance === best.distance && (uses > best.uses || (uses === best.uses && candidate < best.word)))) {
      best = { word: candidate, distance, uses };
    }
  }
  return best?.word;
}

/**
 * A corrected query, or undefined when there is nothing to correct: each search word that no offer word contains
 * (the search also matches inside compound words) is replaced by its nearest offer word. Words are kept in order.
 */
export function suggestQuery(q: string | undefined, vocabulary: ReadonlyMap<string, number>): string | undefined {
  const words = searchWords(q);
  if (words.length === 0) return undefined;
  let changed = false;
  const corrected = words.map((word) => {
    if (vocabulary.has(word)) return word;
    for (const known of vocabulary.keys()) if (known.includes(word)) return word;
    const near = nearestWord(word, vocabulary);
    if (!near) return word;
    changed = true;
    return near;
  });
  return changed ? corrected.join(" ") : undefined;
}

/**
 * The name to show for an offer in a list: its alternate name when that is the more specific form of its
 * name ("Fontenehus" → "Fontenehuset i Asker", so a list of many Fontenehus tells them apart), else its name
 * (an alternate name that is another name altogether, like "Recoveryakademiet", is not what people search by).
 */
export function listedName(name: string, alternateName: string | null | undefined): string {
  const alternate = alternateName?.trim();
  if (!alternate || alternate.length <= name.trim().length) return name;
  return alternate.toLocaleLowerCase("nb").startsWith(name.trim().toLocaleLowerCase("nb")) ? alternate : name;
}

/**
 * The schedule form's choices and the organisation form's "the network's own" value. parts.forms.ts and
 * organizations.forms.ts validate against them and re-export them; they live here, free of Zod, so that a
 * hydrated page using them does not bring Zod into the browser (≈ 25 KB gzip; ADR 0025).
 */
export const weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export const repeats = ["weekly", "biweekly", "monthly", "daily"] as const;
export const ordinals = ["1", "2", "3", "4", "-1"] as const;
/** The centre select's value for "the network's own" (an organisation without a centre; administrators only). */
export const networkCentre = "network";
