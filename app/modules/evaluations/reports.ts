/** The pure parts of the reports (no database), shared by the use cases and the pages' components. */

export const reportKinds = ["process", "final"] as const;
export type ReportKind = (typeof reportKinds)[number];
/** The URL word of each report. */
export const reportSlugs: Record<ReportKind, string> = { process: "prosessrapport", final: "sluttrapport" };

/** The default sections of a new report, in order. `custom` sections may be added later (part 2). */
export const sectionKeys = ["background", "purpose", "method", "participants", "findings", "suggestions"] as const;
export type SectionKey = (typeof sectionKeys)[number];
export const sectionMaxLength = 20_000;
