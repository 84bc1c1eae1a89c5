import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import type { Actor } from "~/modules/centres/permissions";
import { NotFoundError } from "~/modules/centres/centres.server";
import { evaluationCodes, evaluationProjects, evaluationReportQuotes, evaluationReports, evaluationReportSections, evaluationQuotes } from "./evaluations.schema";
import { requireProjectAction, type ProjectAccess } from "./access.server";
import { outsideFigures, teamFigures, type OutsideFigures } from "./figures.server";

/*
 * The process report and the final report of an evaluation (issue 13, item 7; docs/evaluations-design.md).
 *
 * The team (report.edit) writes sections of text; the figures are never stored in a section but generated
 * live at render time. Readers outside the analysis team (service contacts and coordinators once it is
 * published, everyone when it is public) get the figures and quotes ONLY through figures.server.ts and the
 * view evaluation_code_figures_outside: the reader functions here never select from evaluation_statements,
 * evaluation_codings, evaluation_notes or evaluation_sessions (reports-outsiders.test.ts greps for it).
 */

import { reportKinds, sectionKeys, sectionMaxLength, type ReportKind, type SectionKey } from "./reports";

export { reportKinds, reportSlugs, sectionKeys, sectionMaxLength, type ReportKind, type SectionKey } from "./reports";

export type ReportSection = { id: string; key: string; title: string; body: string; revision: number };
export type ReportQuote = { quoteId: string; codeId: string; text: string };

/** What a reader's report shows: text from the team, figures and quotes through the k rule. */
export type ReportContent = {
  id: string;
  kind: ReportKind;
  project: { id: string; title: string; serviceName: string; purpose: string; questions: string; periodStart: string; periodEnd: string | null };
  publishedAt: string | null;
  public: boolean;
  sections: ReportSection[];
  figures: OutsideFigures;
  /** Quotes whose code is shown (all of them for the analysis team's own view). */
  quotes: ReportQuote[];
  /** How many chosen quotes were withheld because their code rests on fewer than k participants. */
  quotesWithheld: number;
};

// ---------------------------------------------------------------------------------------------------------
// Forms

export const sectionSchema = z.object({
  sectionId: z.string().uuid("error.invalid"),
  body: z.string().max(sectionMaxLength, "evaluations.report.error.too_long"),
  revision: z.coerce.number().int().min(1),
  force: z.literal("1").optional(),
});
export const quoteSchema = z.object({ quoteId: z.string().uuid("error.invalid"), codeId: z.string().uuid("evaluations.report.error.code") });
export const removeQuoteSchema = z.object({ quoteId: z.string().uuid("error.invalid") });
export const publishSchema = z.object({ public: z.literal("1").optional() });

// ---------------------------------------------------------------------------------------------------------
// Shared reading

async function projectDetails(db: Db, projectId: string) {
  const [p] = await db
    .select({
      id: evaluationProjects.id,
      title: evaluationProjects.title,
      serviceName: evaluationProjects.serviceName,
      purpose: evaluationProjects.purpose,
      questions: evaluationProjects.questions,
      periodStart: evaluationProjects.periodStart,
      periodEnd: evaluationProjects.periodEnd,
      k: evaluationProjects.k,
    })
    .from(evaluationProjects)
    .where(eq(evaluationProjects.id, projectId));
  if (!p) throw new NotFoundError();
  return p;
}

async function findReport(db: Db, projectId: string, kind: ReportKind) {
  const [r] = await db
    .select({ id: evaluationReports.id, publishedAt: evaluationReports.publishedAt, public: evaluationReports.public, revision: evaluationReports.revision })
    .from(evaluationReports)
    .where(and(eq(evaluationReports.projectId, projectId), eq(evaluationReports.kind, kind)));
  return r ?? null;
}

async function sectionsOf(db: Db, reportId: string): Promise<ReportSection[]> {
  return db
    .select({ id: evaluationReportSections.id, key: evaluationReportSections.key, title: evaluationReportSections.title, body: evaluationReportSections.body, revision: evaluationReportSections.revision })
    .from(evaluationReportSections)
    .where(eq(evaluationReportSections.reportId, reportId))
    .orderBy(asc(evaluationReportSections.position));
}

/**
 * The chosen quotes an outsider may read: those under a code whose figures are shown, joined to the view
 * in the query (a quote rests on its code's participants; ADR 0026, point 3).
 */
async function quotesOutside(db: Db, projectId: string, reportId: string): Promise<{ quotes: ReportQuote[]; withheld: number }> {
  const result = await db.execute(sql`
    select rq.quote_id, rq.code_id, case when f.shown then q.text end as text, coalesce(f.shown, false) as shown
    from evaluation_report_quotes rq
    join evaluation_quotes q on q.id = rq.quote_id
    left join evaluation_code_figures_outside f on f.code_id = rq.code_id and f.project_id = ${projectId}
    where rq.report_id = ${reportId}
    order by rq.position, rq.quote_id`);
  const rows = rowsOf(result);
  const shown = rows.filter((r) => r.shown === true || r.shown === "t");
  return {
    quotes: shown.map((r) => ({ quoteId: String(r.quote_id), codeId: String(r.code_id), text: String(r.text) })),
    withheld: rows.length - shown.length,
  };
}

/** Every chosen quote, for the analysis team. */
async function quotesForTeam(db: Db, reportId: string): Promise<ReportQuote[]> {
  return db
    .select({ quoteId: evaluationReportQuotes.quoteId, codeId: evaluationReportQuotes.codeId, text: evaluationQuotes.text })
    .from(evaluationReportQuotes)
    .innerJoin(evaluationQuotes, eq(evaluationQuotes.id, evaluationReportQuotes.quoteId))
    .where(eq(evaluationReportQuotes.reportId, reportId))
    .orderBy(asc(evaluationReportQuotes.position), asc(evaluationReportQuotes.quoteId));
}

/** The report as someone outside the analysis team sees it: figures and quotes only through the k rule. */
async function contentOutside(db: Db, projectId: string, kind: ReportKind, report: { id: string; publishedAt: Date | null; public: boolean }): Promise<ReportContent> {
  const project = await projectDetails(db, projectId);
  const [sections, figures, quotes] = await Promise.all([sectionsOf(db, report.id), outsideFigures(db, projectId, project.k), quotesOutside(db, projectId, report.id)]);
  const { k: _k, ...details } = project;
  return {
    id: report.id,
    kind,
    project: details,
    publishedAt: report.publishedAt?.toISOString() ?? null,
    public: report.public,
    sections,
    figures,
    quotes: quotes.quotes,
    quotesWithheld: quotes.withheld,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The team's side

/**
 * The report of this kind, made with its default sections on first use (titles in the language of the
 * person who opened it; pages show the catalogue's title for the default keys). Safe when two open it at once.
 */
async function ensureReport(db: Db, projectId: string, kind: ReportKind, titles: Record<SectionKey, string>) {
  const existing = await findReport(db, projectId, kind);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    const [made] = await tx.insert(evaluationReports).values({ projectId, kind }).onConflictDoNothing().returning({ id: evaluationReports.id });
    if (made) {
      await tx.insert(evaluationReportSections).values(sectionKeys.map((key, position) => ({ reportId: made.id, key, position, title: titles[key], body: "" })));
    }
    const again = await findReport(tx as unknown as Db, projectId, kind);
    return again!;
  });
}

export type TeamReport = {
  access: ProjectAccess;
  report: ReportContent & { revision: number };
  /** The same report as outsiders will read it (the k rule applied), for the preview. */
  preview: ReportContent;
  /** The project's quotes the team may choose from, with their theme. */
  availableQuotes: { id: string; text: string; theme: string }[];
  codes: { id: string; name: string }[];
};

/** The report for the analysis team: editable sections, every figure, the quotes to choose, and the preview. */
export async function loadReportForTeam(db: Db, actor: Actor | null, projectId: string, kind: ReportKind, titles: Record<SectionKey, string>): Promise<TeamReport> {
  const access = await requireProjectAction(db, actor, projectId, "report.edit");
  const report = await ensureReport(db, projectId, kind, titles);
  const project = await projectDetails(db, projectId);
  const { k: _k, ...details } = project;
  const [sections, figures, quotes, preview, available, codes] = await Promise.all([
    sectionsOf(db, report.id),
    teamFigures(db, projectId, project.k),
    quotesForTeam(db, report.id),
    contentOutside(db, projectId, kind, report),
    db.execute(sql`
      select q.id, q.text, t.title as theme
      from evaluation_quotes q
      join evaluation_guide_themes t on t.id = q.theme_id
      where q.session_id in (select id from evaluation_sessions where project_id = ${projectId})
      order by t.title, q.position, q.id`),
    db
      .select({ id: evaluationCodes.id, name: evaluationCodes.name })
      .from(evaluationCodes)
      .where(and(eq(evaluationCodes.projectId, projectId), sql`${evaluationCodes.archivedAt} is null`))
      .orderBy(asc(evaluationCodes.position), asc(evaluationCodes.name)),
  ]);
  return {
    access,
    report: {
      id: report.id,
      kind,
      project: details,
      publishedAt: report.publishedAt?.toISOString() ?? null,
      public: report.public,
      revision: report.revision,
      sections,
      figures,
      quotes,
      quotesWithheld: 0,
    },
    preview,
    availableQuotes: rowsOf<{ id: string; text: string; theme: string }>(available).map((r) => ({ id: String(r.id), text: String(r.text), theme: String(r.theme) })),
    codes,
  };
}

export type SaveSectionResult = { ok: true; revision: number } | { ok: false; conflict: { body: string; revision: number } };

/**
 * Save a section's text. `revision` is the one the form started from: when someone else saved since, nothing
 * is saved and the other version comes back, so the page can show both and keep what this person typed
 * (as the toolkit does); `force` saves over it.
 */
export async function saveSection(
  db: Db,
  actor: Actor | null,
  projectId: string,
  kind: ReportKind,
  input: { sectionId: string; body: string; revision: number; force?: boolean },
): Promise<SaveSectionResult> {
  await requireProjectAction(db, actor, projectId, "report.edit");
  const report = await findReport(db, projectId, kind);
  if (!report) throw new NotFoundError();
  const [current] = await db
    .select({ body: evaluationReportSections.body, revision: evaluationReportSections.revision })
    .from(evaluationReportSections)
    .where(and(eq(evaluationReportSections.id, input.sectionId), eq(evaluationReportSections.reportId, report.id)));
  if (!current) throw new NotFoundError();
  const base = input.force ? current.revision : input.revision;
  const [saved] = await db
    .update(evaluationReportSections)
    .set({ body: input.body, revision: sql`${evaluationReportSections.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluationReportSections.id, input.sectionId), eq(evaluationReportSections.revision, base)))
    .returning({ revision: evaluationReportSections.revision });
  if (saved) return { ok: true, revision: saved.revision };
  const [latest] = await db
    .select({ body: evaluationReportSections.body, revision: evaluationReportSections.revision })
    .from(evaluationReportSections)
    .where(eq(evaluationReportSections.id, input.sectionId));
  return { ok: false, conflict: latest! };
}

/**
 * Choose a quote of the project for the report, under one of the project's codes (or move it to another
 * code). Both ids are checked against the project: an id from another project is "not found".
 */
export async function chooseQuote(db: Db, actor: Actor | null, projectId: string, kind: ReportKind, input: { quoteId: string; codeId: string }) {
  await requireProjectAction(db, actor, projectId, "report.edit");
  const report = await findReport(db, projectId, kind);
  if (!report) throw new NotFoundError();
  const result = await db.execute(sql`
    select
      exists (select 1 from evaluation_quotes q join evaluation_sessions s on s.id = q.session_id where q.id = ${input.quoteId} and s.project_id = ${projectId}) as quote_ok,
      exists (select 1 from evaluation_codes c where c.id = ${input.codeId} and c.project_id = ${projectId}) as code_ok,
      (select coalesce(max(position), -1) + 1 from evaluation_report_quotes where report_id = ${report.id}) as next`);
  const row = rowsOf(result)[0]!;
  const yes = (v: unknown) => v === true || v === "t";
  if (!yes(row.quote_ok)) throw new NotFoundError();
  if (!yes(row.code_ok)) return { ok: false as const, error: "evaluations.report.error.code" as const };
  await db
    .insert(evaluationReportQuotes)
    .values({ reportId: report.id, quoteId: input.quoteId, codeId: input.codeId, position: Number(row.next) })
    .onConflictDoUpdate({ target: [evaluationReportQuotes.reportId, evaluationReportQuotes.quoteId], set: { codeId: input.codeId } });
  return { ok: true as const };
}

export async function removeQuote(db: Db, actor: Actor | null, projectId: string, kind: ReportKind, input: { quoteId: string }) {
  await requireProjectAction(db, actor, projectId, "report.edit");
  const report = await findReport(db, projectId, kind);
  if (!report) throw new NotFoundError();
  await db.delete(evaluationReportQuotes).where(and(eq(evaluationReportQuotes.reportId, report.id), eq(evaluationReportQuotes.quoteId, input.quoteId)));
}

/**
 * Publish the report to the project's service contacts (and the centre's coordinators), and to everyone at
 * /evalueringer/rapporter when `public`. Publishing again changes only `public`; the first date stays.
 */
export async function publishReport(db: Db, actor: Actor | null, projectId: string, kind: ReportKind, input: { public: boolean }) {
  await requireProjectAction(db, actor, projectId, "report.publish");
  const report = await findReport(db, projectId, kind);
  if (!report) throw new NotFoundError();
  await db
    .update(evaluationReports)
    .set({
      publishedAt: sql`coalesce(${evaluationReports.publishedAt}, now())`,
      publishedBy: sql`coalesce(${evaluationReports.publishedBy}, ${actor!.userId}::uuid)`,
      public: input.public,
      revision: sql`${evaluationReports.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(evaluationReports.id, report.id));
}

/** Take a report back: no longer readable by service contacts, coordinators or the public. */
export async function withdrawReport(db: Db, actor: Actor | null, projectId: string, kind: ReportKind) {
  await requireProjectAction(db, actor, projectId, "report.publish");
  await db
    .update(evaluationReports)
    .set({ publishedAt: null, publishedBy: null, public: false, revision: sql`${evaluationReports.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(evaluationReports.projectId, projectId), eq(evaluationReports.kind, kind)));
}

// ---------------------------------------------------------------------------------------------------------
// Readers outside the analysis team

/**
 * A published report for someone on the project who may read it (service contacts, the centre's
 * coordinators): `report` is null until it is published. Always the outsiders' figures.
 */
export async function loadPublishedReport(db: Db, actor: Actor | null, projectId: string, kind: ReportKind): Promise<{ access: ProjectAccess; report: ReportContent | null }> {
  const access = await requireProjectAction(db, actor, projectId, "report.read_published");
  const report = await findReport(db, projectId, kind);
  if (!report || !report.publishedAt) return { access, report: null };
  return { access, report: await contentOutside(db, projectId, kind, report) };
}

/** Published public reports, newest first, for everyone (visitors too). */
export async function listPublicReports(db: Db) {
  const rows = await db
    .select({
      id: evaluationReports.id,
      kind: evaluationReports.kind,
      publishedAt: evaluationReports.publishedAt,
      title: evaluationProjects.title,
      serviceName: evaluationProjects.serviceName,
    })
    .from(evaluationReports)
    .innerJoin(evaluationProjects, eq(evaluationProjects.id, evaluationReports.projectId))
    .where(and(eq(evaluationReports.public, true), isNotNull(evaluationReports.publishedAt)))
    .orderBy(sql`${evaluationReports.publishedAt} desc`, asc(evaluationReports.id));
  return rows.map((r) => ({ ...r, kind: r.kind as ReportKind, publishedAt: r.publishedAt!.toISOString() }));
}

/** A public report by id, for everyone; anything else (not public, not published, no such id) is 404. */
export async function loadPublicReport(db: Db, reportId: string): Promise<ReportContent> {
  const [r] = await db
    .select({ id: evaluationReports.id, projectId: evaluationReports.projectId, kind: evaluationReports.kind, publishedAt: evaluationReports.publishedAt, public: evaluationReports.public })
    .from(evaluationReports)
    .where(and(eq(evaluationReports.id, reportId), eq(evaluationReports.public, true), isNotNull(evaluationReports.publishedAt)));
  if (!r) throw new NotFoundError();
  return contentOutside(db, r.projectId, r.kind as ReportKind, r);
}
