/** Bruker Spør Bruker, reports: interface texts in bokmål (the source; nn and en have the same keys, checked by i18n.test.ts). */
export const reportsNb = {
} as const;
export type ReportsKey = keyof typeof reportsNb;
