import type { ReportsKey } from "./reports.nb";

export const reportsEn: Record<ReportsKey, string> = {
};

/** Keys whose En text is rightly the same as bokmål (reviewed by hand; app/i18n/i18n.test.ts checks them). */
export const reportsEnSameAsNb: readonly ReportsKey[] = [];
