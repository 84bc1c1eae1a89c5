import { z } from "zod";
import {
  isIsoDate,
  kProblem,
  noteMaxLength,
  participantCountProblem,
  periodProblem,
  phases,
  polarities,
  projectRoles,
  quoteMaxLength,
  sessionDateProblem,
  sessionKinds,
} from "./evaluations";

/**
 * The project archive, version 1 (docs/evaluation-export.md): one JSON file with a whole evaluation, for the
 * centre's archive and for reading into another installation. This schema checks a whole file before
 * anything is saved: its shape, the rules the forms apply (session sizes, dates within the period, k,
 * lengths), and that every reference inside the file (a session's site, a note's theme, a statement's
 * codes, a report's quotes) points at something in the same file. Messages are i18n keys
 * (`evaluations.archive.error.*`). Ids in the file only tie its parts together: import gives new ones.
 */
export const archiveFormat = "knutepunkt-evaluation";
export const archiveVersion = 1;

/** What one file may hold: bounded so a file cannot hold a connection or the memory for long. */
export const archiveLimits = {
  /** 10 MB: 200 sessions with five notes of 2,000 characters each and 20,000 statements are about 5 MB. */
  bytes: 10_000_000,
  sites: 100,
  team: 200,
  phaseChanges: 1_000,
  guideVersions: 100,
  themes: 50,
  questions: 30,
  codes: 200,
  sessions: 1_000,
  quotesPerSession: 200,
  statementsPerSession: 2_000,
  statements: 50_000,
  sectionsPerReport: 30,
  quotesPerReport: 200,
} as const;

/** Report section keys (the reports module's, and `custom` for the team's own). */
export const sectionKeys = ["background", "purpose", "method", "participants", "findings", "suggestions", "custom"] as const;
export const serviceKindsInArchive = ["dps", "municipality", "ward", "team", "drop_in", "other"] as const;

const err = (name: string) => `evaluations.archive.error.${name}`;

const ref = z.string({ error: err("ref") }).min(1, err("ref")).max(100, err("ref"));
const text = (max: number) => z.string({ error: err("text") }).max(max, err("too_long"));
const name = z.string({ error: err("text") }).trim().min(1, err("required")).max(200, err("too_long"));
const isoDate = z.string({ error: err("date") }).refine(isIsoDate, err("date"));
const time = z.iso.datetime({ offset: true, error: err("time") });
const count = z.number({ error: err("number") }).int(err("number")).min(0, err("number")).max(100_000, err("number"));
const screening = z.array(z.string().max(40)).max(10).default([]);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item, { error: err("list") }).max(max, err("too_many"));

const projectSchema = z.object({
  /** The project's id where it was exported: for the archive's own reference only. */
  id: ref.optional(),
  title: name,
  service: z.object({
    name,
    kind: z.enum(serviceKindsInArchive, { error: err("service_kind") }),
    kommunenummer: z
      .string()
      .regex(/^\d{4}$/, err("kommunenummer"))
      .nullable()
      .default(null),
  }),
  purpose: text(20_000).default(""),
  questions: text(20_000).default(""),
  period: z.object({ start: isoDate, end: isoDate.nullable().default(null) }),
  agreement: z.object({ date: isoDate.nullable().default(null), text: text(50_000).default("") }),
  k: z.number({ error: err("k") }).refine((k) => kProblem(k) === null, err("k")),
  listedNames: list(z.string().trim().min(1, err("required")).max(200, err("too_long")), 200).default([]),
  phase: z.enum(phases, { error: err("phase") }),
  dialogueConferenceDate: isoDate.nullable().default(null),
});

const siteSchema = z.object({
  id: ref,
  name,
  recruitment: z
    .object({ invited: count.nullable().default(null), came: count.nullable().default(null) })
    .refine((r) => r.came === null || r.invited === null || r.came <= r.invited, { message: err("came_over_invited"), path: ["came"] })
    .default({ invited: null, came: null }),
});

const guideVersionSchema = z.object({
  id: ref,
  number: z.number({ error: err("number") }).int(err("number")).min(1, err("number")).max(1_000, err("number")),
  themes: list(
    z.object({
      id: ref,
      title: name,
      templateId: z.string().max(64).nullable().default(null),
      questions: list(z.string().trim().min(1, err("required")).max(2_000, err("too_long")), archiveLimits.questions).default([]),
    }),
    archiveLimits.themes,
  ),
});

const codeSchema = z.object({
  id: ref,
  shippedId: z.string().max(64).nullable().default(null),
  name,
  description: text(2_000).default(""),
  archived: z.boolean().default(false),
});

const sessionSchema = z.object({
  id: ref,
  siteId: ref,
  guideVersionId: ref,
  kind: z.enum(sessionKinds, { error: err("session_kind") }),
  heldOn: isoDate,
  participants: z.number({ error: err("number") }),
  round: z.number({ error: err("number") }).int(err("number")).min(1, err("number")).max(100, err("number")).default(1),
  /** Names of who held it, for the record: they are not accounts in the importing installation. */
  interviewers: list(z.string().max(200), 10).default([]),
  notes: list(z.object({ themeId: ref, text: z.string({ error: err("text") }).max(noteMaxLength, err("note_too_long")), screeningConfirmed: screening }), archiveLimits.themes).default([]),
  quotes: list(
    z.object({ id: ref, themeId: ref, text: z.string({ error: err("text") }).trim().min(1, err("required")).max(quoteMaxLength, err("quote_too_long")), screeningConfirmed: screening }),
    archiveLimits.quotesPerSession,
  ).default([]),
  statements: list(
    z.object({
      text: z.string({ error: err("text") }).trim().min(1, err("required")).max(noteMaxLength, err("too_long")),
      polarity: z.enum(polarities, { error: err("polarity") }).nullable().default(null),
      /** The theme of the note the statement was split from; null when written on its own. */
      themeId: ref.nullable().default(null),
      codeIds: list(ref, 50).default([]),
    }),
    archiveLimits.statementsPerSession,
  ).default([]),
});

const reportSchema = z.object({
  kind: z.enum(["process", "final"], { error: err("report_kind") }),
  publishedAt: time.nullable().default(null),
  public: z.boolean().default(false),
  sections: list(
    z.object({ key: z.enum(sectionKeys, { error: err("section_key") }), title: name, body: text(20_000).default("") }),
    archiveLimits.sectionsPerReport,
  ).default([]),
  quotes: list(z.object({ quoteId: ref, codeId: ref }), archiveLimits.quotesPerReport).default([]),
});

const documentShape = z.object({
  format: z.literal(archiveFormat, { error: err("format") }),
  version: z.literal(archiveVersion, { error: err("version") }),
  exportedAt: time,
  project: projectSchema,
  sites: list(siteSchema, archiveLimits.sites),
  team: list(z.object({ name: z.string().max(200), role: z.enum(projectRoles, { error: err("role") }) }), archiveLimits.team).default([]),
  phaseChanges: list(
    z.object({ from: z.enum(phases, { error: err("phase") }), to: z.enum(phases, { error: err("phase") }), by: z.string().max(200).nullable().default(null), at: time }),
    archiveLimits.phaseChanges,
  ).default([]),
  guideVersions: list(guideVersionSchema, archiveLimits.guideVersions),
  codes: list(codeSchema, archiveLimits.codes),
  sessions: list(sessionSchema, archiveLimits.sessions).default([]),
  reports: list(reportSchema, 2).default([]),
});

export type ArchiveDocument = z.output<typeof documentShape>;
type Path = (string | number)[];

/** Within the file: unique ids, references that resolve, and the forms' rules that span fields. */
function checkDocument(doc: ArchiveDocument, ctx: z.RefinementCtx) {
  const issue = (path: Path, name: string) => ctx.addIssue({ code: "custom", path, message: err(name) });
  const uniqueIds = <T extends { id: string }>(items: readonly T[], path: string, seen = new Set<string>()) => {
    items.forEach((item, i) => {
      if (seen.has(item.id)) issue([path, i, "id"], "duplicate_id");
      seen.add(item.id);
    });
    return seen;
  };

  const period = { start: doc.project.period.start, end: doc.project.period.end };
  if (periodProblem(period)) issue(["project", "period", "end"], "period");

  const siteIds = uniqueIds(doc.sites, "sites");
  const versionIds = uniqueIds(doc.guideVersions, "guideVersions");
  const codeIds = uniqueIds(doc.codes, "codes");
  const themesOf = new Map<string, Set<string>>();
  const allThemes = new Set<string>();
  const numbers = new Set<number>();
  doc.guideVersions.forEach((v, i) => {
    if (numbers.has(v.number)) issue(["guideVersions", i, "number"], "duplicate_version");
    numbers.add(v.number);
    v.themes.forEach((theme, j) => {
      if (allThemes.has(theme.id)) issue(["guideVersions", i, "themes", j, "id"], "duplicate_id");
      allThemes.add(theme.id);
    });
    themesOf.set(v.id, new Set(v.themes.map((t) => t.id)));
  });

  const quoteIds = new Set<string>();
  let statements = 0;
  doc.sessions.forEach((s, i) => {
    const at = (...rest: Path): Path => ["sessions", i, ...rest];
    if (!siteIds.has(s.siteId)) issue(at("siteId"), "unknown_site");
    const themes = themesOf.get(s.guideVersionId);
    if (!themes) issue(at("guideVersionId"), "unknown_guide_version");
    const participants = participantCountProblem(s.kind, s.participants);
    if (participants) issue(at("participants"), s.kind === "group" ? "group_size" : "individual_size");
    const date = sessionDateProblem(s.heldOn, period);
    if (date && date !== "evaluations.session.error.date") issue(at("heldOn"), "outside_period");
    const noteThemes = new Set<string>();
    s.notes.forEach((n, j) => {
      if (themes && !themes.has(n.themeId)) issue(at("notes", j, "themeId"), "unknown_theme");
      if (noteThemes.has(n.themeId)) issue(at("notes", j, "themeId"), "duplicate_note");
      noteThemes.add(n.themeId);
    });
    s.quotes.forEach((q, j) => {
      if (themes && !themes.has(q.themeId)) issue(at("quotes", j, "themeId"), "unknown_theme");
      if (quoteIds.has(q.id)) issue(at("quotes", j, "id"), "duplicate_id");
      quoteIds.add(q.id);
    });
    s.statements.forEach((st, j) => {
      if (st.themeId !== null && themes && !themes.has(st.themeId)) issue(at("statements", j, "themeId"), "unknown_theme");
      st.codeIds.forEach((c, m) => {
        if (!codeIds.has(c)) issue(at("statements", j, "codeIds", m), "unknown_code");
      });
      if (new Set(st.codeIds).size !== st.codeIds.length) issue(at("statements", j, "codeIds"), "duplicate_code");
    });
    statements += s.statements.length;
  });
  uniqueIds(doc.sessions, "sessions");
  if (statements > archiveLimits.statements) issue(["sessions"], "too_many_statements");

  const kinds = new Set<string>();
  doc.reports.forEach((r, i) => {
    if (kinds.has(r.kind)) issue(["reports", i, "kind"], "duplicate_report");
    kinds.add(r.kind);
    const chosen = new Set<string>();
    r.quotes.forEach((q, j) => {
      if (!quoteIds.has(q.quoteId)) issue(["reports", i, "quotes", j, "quoteId"], "unknown_quote");
      if (!codeIds.has(q.codeId)) issue(["reports", i, "quotes", j, "codeId"], "unknown_code");
      if (chosen.has(q.quoteId)) issue(["reports", i, "quotes", j, "quoteId"], "duplicate_id");
      chosen.add(q.quoteId);
    });
  });
}

export const archiveSchema = documentShape.superRefine(checkDocument);
