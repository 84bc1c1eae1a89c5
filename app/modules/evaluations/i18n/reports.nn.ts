import type { ReportsKey } from "./reports.nb";

export const reportsNn: Record<ReportsKey, string> = {
};

/** Keys whose Nn text is rightly the same as bokmål (reviewed by hand; app/i18n/i18n.test.ts checks them). */
export const reportsNnSameAsNb: readonly ReportsKey[] = [];
