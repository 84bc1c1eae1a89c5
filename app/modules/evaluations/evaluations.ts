/**
 * Bruker Spør Bruker (issue 13): the pure rules of an evaluation, shared by use cases, forms and pages.
 * No database, no React Router. Messages are i18n keys (`evaluations.…`), added to the catalogues by the
 * pages that show them. The design of tables, routes and SQL is in docs/evaluations-design.md.
 *
 * - Phases: an evaluation moves forward one phase at a time, and each phase says what it needs first.
 * - Sessions: a group interview has 3–7 participants, an individual interview 1; dated within the
 *   project's period; held by one or two of the project's interviewers (a group by two).
 * - The k rule: a figure, breakdown or quote resting on fewer than k participants is withheld from
 *   everyone outside the analysis team (k is 5 unless the project sets it, and never below 3).
 */

// ---------------------------------------------------------------------------------------------------------
// Phases

/**
 * The phases in order (Norwegian names in docs/glossary.md): avtale, temaguide, rekruttering, intervjuer,
 * analyse, prosessrapport, dialogkonferanse, sluttrapport, oppfølging, avsluttet.
 */
export const phases = [
  "agreement",
  "theme_guide",
  "recruitment",
  "interviews",
  "analysis",
  "process_report",
  "dialogue_conference",
  "final_report",
  "follow_up",
  "closed",
] as const;
export type Phase = (typeof phases)[number];

export function isPhase(value: unknown): value is Phase {
  return typeof value === "string" && (phases as readonly string[]).includes(value);
}

export const phaseIndex = (phase: Phase) => phases.indexOf(phase);

/** The phase after this one; null after the last. */
export function nextPhase(phase: Phase): Phase | null {
  return phases[phaseIndex(phase) + 1] ?? null;
}

/** What a project has, as counted by the server (only counts and flags: no content). */
export type ProjectState = {
  phase: Phase;
  /** The agreement with the service is recorded: its date and text. */
  agreementRecorded: boolean;
  sites: number;
  /** People on the project's team as interviewers. */
  interviewers: number;
  /** Themes of the newest theme-guide version that have at least one question. */
  guideThemesWithQuestions: number;
  sessions: number;
  /** Sessions with at least one coded statement. */
  analysedSessions: number;
  processReportPublished: boolean;
  /** The dialogue conference has a date, and that date has come (in Oslo). */
  dialogueConferenceHeld: boolean;
  finalReportPublished: boolean;
};

/** Why a phase cannot be entered yet: i18n keys, each naming what is missing. */
export const phaseRequirementKeys = [
  "evaluations.phase.needs.agreement",
  "evaluations.phase.needs.site",
  "evaluations.phase.needs.guide_theme",
  "evaluations.phase.needs.interviewer",
  "evaluations.phase.needs.session",
  "evaluations.phase.needs.analysed_session",
  "evaluations.phase.needs.process_report_published",
  "evaluations.phase.needs.dialogue_conference_held",
  "evaluations.phase.needs.final_report_published",
] as const;
export type PhaseRequirementKey = (typeof phaseRequirementKeys)[number];

/** What each phase needs before it can be entered (moving forward into it). */
const requirements: Record<Phase, readonly [PhaseRequirementKey, (s: ProjectState) => boolean][]> = {
  agreement: [],
  theme_guide: [
    ["evaluations.phase.needs.agreement", (s) => s.agreementRecorded],
    ["evaluations.phase.needs.site", (s) => s.sites >= 1],
  ],
  recruitment: [["evaluations.phase.needs.guide_theme", (s) => s.guideThemesWithQuestions >= 1]],
  interviews: [
    ["evaluations.phase.needs.guide_theme", (s) => s.guideThemesWithQuestions >= 1],
    ["evaluations.phase.needs.interviewer", (s) => s.interviewers >= 1],
  ],
  analysis: [["evaluations.phase.needs.session", (s) => s.sessions >= 1]],
  process_report: [["evaluations.phase.needs.analysed_session", (s) => s.analysedSessions >= 1]],
  dialogue_conference: [["evaluations.phase.needs.process_report_published", (s) => s.processReportPublished]],
  final_report: [["evaluations.phase.needs.dialogue_conference_held", (s) => s.dialogueConferenceHeld]],
  follow_up: [["evaluations.phase.needs.final_report_published", (s) => s.finalReportPublished]],
  closed: [],
};

/** What is still missing before `phase` can be entered (empty when nothing is). For the progress line. */
export function missingFor(phase: Phase, state: ProjectState): PhaseRequirementKey[] {
  return requirements[phase].filter(([, met]) => !met(state)).map(([key]) => key);
}

export type PhaseChangeRefusal = "evaluations.phase.error.same" | "evaluations.phase.error.skipped" | PhaseRequirementKey;
export type PhaseChange = { ok: true; direction: "forward" | "back" } | { ok: false; reasons: PhaseChangeRefusal[] };

/**
 * May the project move from its phase to `to`?
 *
 * - Forward: only to the next phase. Moving two or more phases ahead at once is "a phase skipped"
 *   (issue 13, "Bad input"): refused, because every phase leaves something the next ones build on (an
 *   agreement, a guide, sessions, a published report). The next phase's requirements must be met.
 * - Back: to any earlier phase, without requirements (to hold one more session after the analysis began,
 *   or to reopen a closed evaluation). Going back removes nothing: sessions, codings and published reports
 *   stay, and moving forward again checks the requirements again. Every change is recorded with who and when.
 */
export function checkPhaseChange(state: ProjectState, to: Phase): PhaseChange {
  const from = phaseIndex(state.phase);
  const target = phaseIndex(to);
  if (target === from) return { ok: false, reasons: ["evaluations.phase.error.same"] };
  if (target < from) return { ok: true, direction: "back" };
  if (target > from + 1) return { ok: false, reasons: ["evaluations.phase.error.skipped"] };
  const missing = missingFor(to, state);
  return missing.length === 0 ? { ok: true, direction: "forward" } : { ok: false, reasons: missing };
}

// ---------------------------------------------------------------------------------------------------------
// Sessions

export const sessionKinds = ["group", "individual"] as const;
export type SessionKind = (typeof sessionKinds)[number];

/** BSB's group interviews have 3–7 participants; an individual interview has one. */
export const groupSize = { min: 3, max: 7 } as const;

export type ParticipantCountProblem =
  | "evaluations.session.error.participants_whole_number"
  | "evaluations.session.error.group_size"
  | "evaluations.session.error.individual_size";

/** Is this a valid number of participants for the kind of session? null when it is. */
export function participantCountProblem(kind: SessionKind, count: number): ParticipantCountProblem | null {
  if (!Number.isInteger(count)) return "evaluations.session.error.participants_whole_number";
  if (kind === "individual") return count === 1 ? null : "evaluations.session.error.individual_size";
  return count >= groupSize.min && count <= groupSize.max ? null : "evaluations.session.error.group_size";
}

/** A calendar date as stored (PostgreSQL `date`, ISO 8601), e.g. "2025-03-12". */
export type IsoDate = string;

/** A real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The project's period: from its first to its last day (both included); `end` null while open-ended. */
export type Period = { start: IsoDate; end: IsoDate | null };

export type PeriodProblem = "evaluations.project.error.period_date" | "evaluations.project.error.period_order";

export function periodProblem(period: Period): PeriodProblem | null {
  if (!isIsoDate(period.start) || (period.end !== null && !isIsoDate(period.end))) return "evaluations.project.error.period_date";
  if (period.end !== null && period.end < period.start) return "evaluations.project.error.period_order";
  return null;
}

export type SessionDateProblem = "evaluations.session.error.date" | "evaluations.session.error.before_period" | "evaluations.session.error.after_period";

/** A session is dated within the project's period (both ends included). ISO dates compare as strings. */
export function sessionDateProblem(date: string, period: Period): SessionDateProblem | null {
  if (!isIsoDate(date)) return "evaluations.session.error.date";
  if (date < period.start) return "evaluations.session.error.before_period";
  if (period.end !== null && date > period.end) return "evaluations.session.error.after_period";
  return null;
}

export type InterviewerProblem =
  | "evaluations.session.error.interviewers_group"
  | "evaluations.session.error.interviewers_individual"
  | "evaluations.session.error.interviewers_same"
  | "evaluations.session.error.interviewer_not_on_team";

/**
 * Who held the session: a group interview by two of the project's interviewers (one leads, one writes),
 * an individual interview by one or two. Each must be on the project's team as an interviewer or lead.
 */
export function interviewerProblem(kind: SessionKind, interviewerIds: readonly string[], teamInterviewerIds: readonly string[]): InterviewerProblem | null {
  if (new Set(interviewerIds).size !== interviewerIds.length) return "evaluations.session.error.interviewers_same";
  if (kind === "group" && interviewerIds.length !== 2) return "evaluations.session.error.interviewers_group";
  if (kind === "individual" && (interviewerIds.length < 1 || interviewerIds.length > 2)) return "evaluations.session.error.interviewers_individual";
  if (interviewerIds.some((id) => !teamInterviewerIds.includes(id))) return "evaluations.session.error.interviewer_not_on_team";
  return null;
}

/**
 * How long a note may be: notes may be long (two hours of talk on one theme), so the limit is generous and
 * the form says it. 20,000 characters is about eight printed pages; a session with ten themes stays well
 * under the 1 MB request body limit. A quote is short by nature.
 */
export const noteMaxLength = 20_000;
export const quoteMaxLength = 2_000;

// ---------------------------------------------------------------------------------------------------------
// Statements (analysis)

export const polarities = ["positive", "negative", "suggestion"] as const;
export type Polarity = (typeof polarities)[number];

/**
 * Split a note into statements: one per line, without list marks ("- ", "• ", "* ", "1. ", "2) ") and
 * surrounding spaces; empty lines dropped. Writers mark statements by putting each on its own line.
 */
export function splitStatements(note: string): string[] {
  return note
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^\s*(?:[-–—•*]|\d{1,3}[.)])\s+/, "").trim())
    .filter((line) => line.length > 0);
}

// ---------------------------------------------------------------------------------------------------------
// The k rule (anonymity)

/** k when the project sets none, and the lowest k a project may set. */
export const defaultK = 5;
export const minK = 3;
/** The highest k a project may set: above a typical evaluation's 15–40 users, everything would be withheld. */
export const maxK = 40;

export type KProblem = "evaluations.project.error.k_whole_number" | "evaluations.project.error.k_too_low" | "evaluations.project.error.k_too_high";

/** Is this a k a project may set? null when it is. */
export function kProblem(k: number): KProblem | null {
  if (!Number.isInteger(k)) return "evaluations.project.error.k_whole_number";
  if (k < minK) return "evaluations.project.error.k_too_low";
  if (k > maxK) return "evaluations.project.error.k_too_high";
  return null;
}

/** The k to apply: the project's own, never below the minimum; the default when none is set. */
export function effectiveK(k: number | null | undefined): number {
  if (k === null || k === undefined || !Number.isFinite(k)) return defaultK;
  return Math.max(minK, Math.ceil(k));
}

/** One session a figure rests on, with its number of participants (no names exist anywhere). */
export type SessionGroup = { sessionId: string; participants: number };

/**
 * How many participants a figure rests on: the participants of the distinct sessions it draws on. A
 * session counts once however many of its statements the figure holds. (Participants have no identity
 * in the module, so someone who took part in two sessions counts twice; BSB recruits each user once.)
 */
export function participantsBehind(groups: readonly SessionGroup[]): number {
  const bySession = new Map<string, number>();
  for (const g of groups) bySession.set(g.sessionId, Math.max(0, g.participants));
  let sum = 0;
  for (const n of bySession.values()) sum += n;
  return sum;
}

/**
 * May a figure (a count, a share, a chart bar) or a quote resting on these sessions be shown to someone
 * outside the analysis team? Only when it rests on at least k participants. A quote rests on the
 * participants of what the page shows it with: under a theme, the theme's sessions; with a site, the
 * site's sessions. The analysis team (project lead and the project's interviewers) sees everything.
 */
export function mayShowOutsideTeam(groups: readonly SessionGroup[], k: number | null | undefined): boolean {
  return participantsBehind(groups) >= effectiveK(k);
}

export type BreakdownRow<K extends string = string> = { key: K; participants: number };
export type ShownRow<K extends string = string> = { key: K; participants: number; shown: boolean; reason: "shown" | "below_k" | "protects_other" };

/**
 * Apply the k rule to a breakdown whose rows add up to a total that is shown too (by site, by session,
 * by round). Rows under k are withheld ("below_k"). The withheld rows could then be worked out together,
 * by subtracting the shown rows from the total; so, when any row is withheld, the smallest shown rows are
 * withheld too ("protects_other") until at least two rows are withheld and together they rest on at least
 * k participants (or every row is withheld). Rows keep their order. The total itself is shown only when
 * it rests on k or more (`mayShowOutsideTeam`). The SQL in docs/evaluations-design.md does the same.
 */
export function applyKRule<K extends string>(rows: readonly BreakdownRow<K>[], k: number | null | undefined): ShownRow<K>[] {
  const limit = effectiveK(k);
  const result: ShownRow<K>[] = rows.map((r) => ({ ...r, shown: r.participants >= limit, reason: r.participants >= limit ? "shown" : "below_k" }));
  const withheld = () => result.filter((r) => !r.shown);
  if (withheld().length === 0) return result;
  const bySize = result.filter((r) => r.shown).sort((a, b) => a.participants - b.participants);
  for (const row of bySize) {
    const hidden = withheld();
    if (hidden.length >= 2 && hidden.reduce((sum, r) => sum + r.participants, 0) >= limit) break;
    row.shown = false;
    row.reason = "protects_other";
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// The project's team

/** Roles on one project (besides the centre roles in permissions.ts). */
export const projectRoles = ["lead", "interviewer", "service_contact"] as const;
export type ProjectRole = (typeof projectRoles)[number];

/** The analysis team reads sessions, notes, statements and every figure: the project lead and interviewers. */
export function isAnalysisTeam(roles: readonly ProjectRole[]): boolean {
  return roles.includes("lead") || roles.includes("interviewer");
}

/**
 * Roles that decide what a person may do on a project: the stored ones, and two that come from elsewhere —
 * `coordinator` (a coordinator of the centre that runs the project, not on its team) and `administrator`
 * (of the installation). Both see that a project exists and where it stands, never its raw data.
 */
export const projectAccessRoles = [...projectRoles, "coordinator", "administrator"] as const;
export type ProjectAccessRole = (typeof projectAccessRoles)[number];

/**
 * What a person may do on one project, by their roles on it (the centre's coordinators create projects;
 * permissions.ts). Service contacts never reach sessions, notes, statements or per-session figures; they
 * record recruitment numbers and read reports published to them. Coordinators of the centre who are not on
 * the team see the overview, name the team and read published reports; administrators see the overview only.
 */
export const projectRoleTable = {
  "project.view": ["lead", "interviewer", "service_contact", "coordinator", "administrator"],
  "project.edit": ["lead"],
  "project.change_phase": ["lead"],
  "project.manage_team": ["lead", "coordinator"],
  "guide.edit": ["lead", "interviewer", "service_contact"],
  "recruitment.edit": ["lead", "service_contact"],
  "session.read": ["lead", "interviewer"],
  "session.write": ["lead", "interviewer"],
  "analysis.code": ["lead", "interviewer"],
  "analysis.view_all": ["lead", "interviewer"],
  "report.edit": ["lead", "interviewer"],
  "report.publish": ["lead"],
  "report.read_published": ["lead", "interviewer", "service_contact", "coordinator"],
  "project.export": ["lead", "interviewer"],
  "project.delete": ["lead", "coordinator"], // ADR 0027: the lead and the centre's coordinators; never administrators
} as const satisfies Record<string, readonly ProjectAccessRole[]>;
export type ProjectAction = keyof typeof projectRoleTable;
export const projectActions = Object.keys(projectRoleTable) as ProjectAction[];

export function projectCan(roles: readonly ProjectAccessRole[], action: ProjectAction): boolean {
  const allowed: readonly ProjectAccessRole[] = projectRoleTable[action];
  return roles.some((r) => allowed.includes(r));
}
