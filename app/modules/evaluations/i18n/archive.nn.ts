import type { ArchiveKey } from "./archive.nb";

export const archiveNn: Record<ArchiveKey, string> = {
};

/** Keys whose Nn text is rightly the same as bokmål (reviewed by hand; app/i18n/i18n.test.ts checks them). */
export const archiveNnSameAsNb: readonly ArchiveKey[] = [];
