import type { ArchiveKey } from "./archive.nb";

export const archiveEn: Record<ArchiveKey, string> = {
};

/** Keys whose En text is rightly the same as bokmål (reviewed by hand; app/i18n/i18n.test.ts checks them). */
export const archiveEnSameAsNb: readonly ArchiveKey[] = [];
