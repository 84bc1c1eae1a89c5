import type { SessionsKey } from "./sessions.nb";

export const sessionsNn: Record<SessionsKey, string> = {
};

/** Keys whose Nn text is rightly the same as bokmål (reviewed by hand; app/i18n/i18n.test.ts checks them). */
export const sessionsNnSameAsNb: readonly SessionsKey[] = [];
