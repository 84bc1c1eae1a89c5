import type { SessionsKey } from "./sessions.nb";

export const sessionsEn: Record<SessionsKey, string> = {
};

/** Keys whose En text is rightly the same as bokmål (reviewed by hand; app/i18n/i18n.test.ts checks them). */
export const sessionsEnSameAsNb: readonly SessionsKey[] = [];
