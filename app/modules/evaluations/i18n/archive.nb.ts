/** Bruker Spør Bruker, archive: interface texts in bokmål (the source; nn and en have the same keys, checked by i18n.test.ts). */
export const archiveNb = {
} as const;
export type ArchiveKey = keyof typeof archiveNb;
