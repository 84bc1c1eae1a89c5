/** Bruker Spør Bruker, sessions: interface texts in bokmål (the source; nn and en have the same keys, checked by i18n.test.ts). */
export const sessionsNb = {
} as const;
export type SessionsKey = keyof typeof sessionsNb;
