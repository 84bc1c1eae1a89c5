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
