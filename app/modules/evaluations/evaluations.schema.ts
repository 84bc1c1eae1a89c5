import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "~/db/columns";
import { users } from "~/modules/accounts/accounts.schema";
import { centres } from "~/modules/centres/centres.schema";
import { organizations, services } from "~/modules/offers/offers.schema";

/*
 * Bruker Spør Bruker (issue 13). The design, with the reasons for each table, is docs/evaluations-design.md;
 * the pure rules are evaluations.ts. There are no participant rows anywhere: a session records how many took
 * part. Every table reaches its centre through evaluation_projects.centre_id. `revision` columns count saves
 * (optimistic concurrency, as the toolkit's entries: a save names the revision it started from).
 *
 * The k rule for everyone outside the analysis team is applied in SQL: the views
 * evaluation_code_figures_outside and evaluation_project_figures_outside (drizzle/0008) and the breakdown
 * queries in figures.server.ts (ADR 0026).
 */

/** One evaluation of one service. */
export const evaluationProjects = pgTable(
  "evaluation_projects",
  {
    id: id(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** The service evaluated, as written in reports (copied when chosen from the directory). */
    serviceName: text("service_name").notNull(),
    /** dps, municipality, ward, team, drop_in, other (evaluations.ts serviceKinds). */
    serviceKind: text("service_kind").notNull(),
    kommunenummer: text("kommunenummer"),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "set null" }),
    serviceId: uuid("service_id").references(() => services.id, { onDelete: "set null" }),
    purpose: text("purpose").notNull().default(""),
    /** The evaluation questions agreed with the service. */
    questions: text("questions").notNull().default(""),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end"),
    agreementDate: date("agreement_date"),
    agreementText: text("agreement_text").notNull().default(""),
    k: integer("k").notNull().default(5),
    /** Staff and place names the team wants found by the quote screening. */
    listedNames: text("listed_names").array().notNull().default(sql`'{}'::text[]`),
    phase: text("phase").notNull().default("agreement"),
    dialogueConferenceDate: date("dialogue_conference_date"),
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("evaluation_projects_centre_idx").on(t.centreId),
    check("evaluation_projects_k_check", sql`${t.k} >= 3 and ${t.k} <= 40`),
    check(
      "evaluation_projects_phase_check",
      sql`${t.phase} in ('agreement','theme_guide','recruitment','interviews','analysis','process_report','dialogue_conference','final_report','follow_up','closed')`,
    ),
    check("evaluation_projects_kind_check", sql`${t.serviceKind} in ('dps','municipality','ward','team','drop_in','other')`),
    check("evaluation_projects_period_check", sql`${t.periodEnd} is null or ${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/** A site of the service where interviews are held (a ward, a team, a drop-in). Its name is screened too. */
export const evaluationSites = pgTable(
  "evaluation_sites",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    /** Recruitment, numbers only: how many the service invited and how many came. */
    invited: integer("invited"),
    came: integer("came"),
    recruitmentUpdatedBy: uuid("recruitment_updated_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("evaluation_sites_project_idx").on(t.projectId, t.position),
    check("evaluation_sites_recruitment_check", sql`(${t.invited} is null or ${t.invited} >= 0) and (${t.came} is null or (${t.came} >= 0 and (${t.invited} is null or ${t.came} <= ${t.invited})))`),
  ],
);

/** Who is on the project, and as what: lead, interviewer, service_contact (evaluations.ts projectRoles). */
export const evaluationTeam = pgTable(
  "evaluation_team",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId, t.role] }),
    index("evaluation_team_user_idx").on(t.userId),
    check("evaluation_team_role_check", sql`${t.role} in ('lead','interviewer','service_contact')`),
  ],
);

/** Every phase change, forward or back: who and when. */
export const evaluationPhaseChanges = pgTable(
  "evaluation_phase_changes",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    fromPhase: text("from_phase").notNull(),
    toPhase: text("to_phase").notNull(),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_phase_changes_project_idx").on(t.projectId, t.changedAt)],
);

/** A version of the theme guide. A version a session used is never changed: editing it makes version n+1. */
export const evaluationGuideVersions = pgTable(
  "evaluation_guide_versions",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Set when the first session records this version. */
    inUseAt: timestamp("in_use_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("evaluation_guide_versions_number_uq").on(t.projectId, t.number)],
);

/** A theme of a guide version; `templateId` is the themeGuideTemplate id it started from (codebook.ts). */
export const evaluationGuideThemes = pgTable(
  "evaluation_guide_themes",
  {
    id: id(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => evaluationGuideVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    templateId: text("template_id"),
  },
  (t) => [index("evaluation_guide_themes_version_idx").on(t.versionId, t.position)],
);

/** An open question under a theme. */
export const evaluationGuideQuestions = pgTable(
  "evaluation_guide_questions",
  {
    id: id(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => evaluationGuideThemes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("evaluation_guide_questions_theme_idx").on(t.themeId, t.position)],
);

/** One group or individual interview. `participants` is a number; no one is named anywhere. */
export const evaluationSessions = pgTable(
  "evaluation_sessions",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => evaluationSites.id, { onDelete: "restrict" }),
    guideVersionId: uuid("guide_version_id")
      .notNull()
      .references(() => evaluationGuideVersions.id, { onDelete: "restrict" }),
    kind: text("kind").notNull(),
    heldOn: date("held_on").notNull(),
    participants: integer("participants").notNull(),
    /** Interview round (1 unless the project holds a second round), for breakdowns by round. */
    round: integer("round").notNull().default(1),
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [
    index("evaluation_sessions_project_idx").on(t.projectId, t.siteId),
    check("evaluation_sessions_kind_check", sql`${t.kind} in ('group','individual')`),
    check(
      "evaluation_sessions_participants_check",
      sql`(${t.kind} = 'individual' and ${t.participants} = 1) or (${t.kind} = 'group' and ${t.participants} between 3 and 7)`,
    ),
    check("evaluation_sessions_round_check", sql`${t.round} >= 1`),
  ],
);

/** Who held a session: two interviewers for a group, one or two for an individual interview. */
export const evaluationSessionInterviewers = pgTable(
  "evaluation_session_interviewers",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => evaluationSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index("evaluation_session_interviewers_user_idx").on(t.userId)],
);

/**
 * The notes of a session under one theme of its guide version. `screeningConfirmed`: the kinds of
 * identifying detail the writer was shown and confirmed (e.g. {first_name}) — never the matched text.
 */
export const evaluationNotes = pgTable(
  "evaluation_notes",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => evaluationSessions.id, { onDelete: "cascade" }),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => evaluationGuideThemes.id, { onDelete: "restrict" }),
    text: text("text").notNull(),
    revision: integer("revision").notNull().default(1),
    screeningConfirmed: text("screening_confirmed").array().notNull().default(sql`'{}'::text[]`),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
  },
  (t) => [uniqueIndex("evaluation_notes_theme_uq").on(t.sessionId, t.themeId), check("evaluation_notes_length_check", sql`char_length(${t.text}) <= 20000`)],
);

/** A quote heard in a session, under a theme; screened as notes are. */
export const evaluationQuotes = pgTable(
  "evaluation_quotes",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => evaluationSessions.id, { onDelete: "cascade" }),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => evaluationGuideThemes.id, { onDelete: "restrict" }),
    text: text("text").notNull(),
    position: integer("position").notNull().default(0),
    revision: integer("revision").notNull().default(1),
    screeningConfirmed: text("screening_confirmed").array().notNull().default(sql`'{}'::text[]`),
    ...timestamps(),
  },
  (t) => [index("evaluation_quotes_session_idx").on(t.sessionId, t.position), check("evaluation_quotes_length_check", sql`char_length(${t.text}) <= 2000`)],
);

/** The project's codebook: the ten shipped codes copied in the creator's language, plus the project's own. */
export const evaluationCodes = pgTable(
  "evaluation_codes",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    /** A shippedCodes id (codebook.ts) when it came from the codebook; null for the project's own. */
    shippedId: text("shipped_id"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index("evaluation_codes_project_idx").on(t.projectId, t.position)],
);

/** One statement of a session, split from a note (splitStatements) and edited by the analysts. */
export const evaluationStatements = pgTable(
  "evaluation_statements",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => evaluationSessions.id, { onDelete: "cascade" }),
    noteId: uuid("note_id").references(() => evaluationNotes.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    text: text("text").notNull(),
    /** positive, negative, suggestion; null until coded. */
    polarity: text("polarity"),
    ...timestamps(),
  },
  (t) => [
    index("evaluation_statements_project_idx").on(t.projectId, t.sessionId),
    index("evaluation_statements_session_idx").on(t.sessionId, t.position),
    check("evaluation_statements_polarity_check", sql`${t.polarity} is null or ${t.polarity} in ('positive','negative','suggestion')`),
  ],
);

/** A statement coded under a code. project_id and session_id are copied so the aggregates group codings directly. */
export const evaluationCodings = pgTable(
  "evaluation_codings",
  {
    statementId: uuid("statement_id")
      .notNull()
      .references(() => evaluationStatements.id, { onDelete: "cascade" }),
    codeId: uuid("code_id")
      .notNull()
      .references(() => evaluationCodes.id, { onDelete: "cascade" }),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => evaluationSessions.id, { onDelete: "cascade" }),
    /**
     * The statement's polarity, copied by triggers (drizzle/0008): set from the statement when the coding is
     * made, and again whenever the statement's polarity changes. Never written by the app. With it the figures
     * per code are one scan of the project's codings, without joining every statement (≈ 10× less work
     * with 20,000 statements).
     */
    polarity: text("polarity"),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.codeId] }), index("evaluation_codings_figures_idx").on(t.projectId, t.codeId, t.sessionId)],
);

/** The process report and the final report of a project; published to the service contacts, and optionally to all. */
export const evaluationReports = pgTable(
  "evaluation_reports",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => evaluationProjects.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    /** Also at /evalueringer/rapporter for everyone, once published. */
    public: boolean("public").notNull().default(false),
    revision: integer("revision").notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex("evaluation_reports_kind_uq").on(t.projectId, t.kind), check("evaluation_reports_kind_check", sql`${t.kind} in ('process','final')`)],
);

/** A section of text of a report, edited by the team. Figures are never stored here: they are generated live. */
export const evaluationReportSections = pgTable(
  "evaluation_report_sections",
  {
    id: id(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => evaluationReports.id, { onDelete: "cascade" }),
    /** background, purpose, method, participants, findings, suggestions, custom. */
    key: text("key").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    revision: integer("revision").notNull().default(1),
    ...timestamps(),
  },
  (t) => [index("evaluation_report_sections_report_idx").on(t.reportId, t.position), check("evaluation_report_sections_length_check", sql`char_length(${t.body}) <= 20000`)],
);

/** The quotes chosen for a report, each under a code (so it rests on the code's participants). */
export const evaluationReportQuotes = pgTable(
  "evaluation_report_quotes",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => evaluationReports.id, { onDelete: "cascade" }),
    quoteId: uuid("quote_id")
      .notNull()
      .references(() => evaluationQuotes.id, { onDelete: "cascade" }),
    codeId: uuid("code_id")
      .notNull()
      .references(() => evaluationCodes.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.quoteId] })],
);
