import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/modules/centres/permissions";
import { NotFoundError } from "~/modules/centres/centres.server";
import type { Lang } from "~/i18n/i18n";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideThemes,
  evaluationNotes,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
} from "./evaluations.schema";
import { splitStatements, type Polarity, type SessionKind } from "./evaluations";
import { shippedCodes } from "./codebook";
import { requireProjectAction } from "./access.server";
import { codeFiguresForTeam, type TeamCodeFigures } from "./figures.server";

/*
 * The analysis for lay analysts (issue 13, item 5): a session's notes split into statements, each coded
 * to one or more of the project's codes and as positive / negative / suggestion; the figures per code for
 * the analysis team. Everything here is the team's (`analysis.code`, `analysis.view_all`): the k rule for
 * everyone else is figures.server.ts's, and nothing here is ever shown outside the team.
 */

/** A code's figures on the analysis page: the team's figures, and how many of its statements are not rated yet. */
export type CodeFigure = TeamCodeFigures & {
  /** Statements under the code without a polarity yet. */
  unrated: number;
};

const int = (expr: ReturnType<typeof sql>) => sql<number>`coalesce(${expr}, 0)::int`.mapWith(Number);

/**
 * Figures per code for the analysis team (`codeFiguresForTeam` in figures.server.ts, the one query behind
 * the team's figures): codes without statements come with zeros; archived codes only when they hold
 * statements. With the project's totals.
 */
export async function teamCodeFigures(db: Db, actor: Actor | null, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "analysis.view_all");
  const rows = await codeFiguresForTeam(db, projectId);
  // Totals in one statement: the sessions and their participants, and from the codings alone (one index scan)
  // how many sessions and statements are coded, instead of probing the codings once per session and statement.
  const [totals] = await db
    .select({
      sessions: int(sql`(select count(*) from ${evaluationSessions} where ${evaluationSessions.projectId} = ${projectId})`),
      participants: int(sql`(select sum(${evaluationSessions.participants}) from ${evaluationSessions} where ${evaluationSessions.projectId} = ${projectId})`),
      analysed: int(sql`(select count(distinct c.session_id) from ${evaluationCodings} c where c.project_id = ${projectId})`),
      statements: int(sql`(select count(*) from ${evaluationStatements} where ${evaluationStatements.projectId} = ${projectId})`),
      coded: int(sql`(select count(distinct c.statement_id) from ${evaluationCodings} c where c.project_id = ${projectId})`),
    })
    .from(sql`(select 1) as one`);
  const figures: CodeFigure[] = rows.map((r) => ({ ...r, unrated: r.statements - r.positive - r.negative - r.suggestion }));
  return {
    access,
    figures,
    totals: { sessions: totals?.sessions ?? 0, participants: totals?.participants ?? 0, analysedSessions: totals?.analysed ?? 0, statements: totals?.statements ?? 0, coded: totals?.coded ?? 0 },
  };
}

/** The sessions to code, with how far each has come. */
export async function sessionsToCode(db: Db, actor: Actor | null, projectId: string) {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  // Statements and coded statements per session counted once for the whole project and joined, rather than
  // probed per session and per statement (20,000 statements: one pass over each table).
  const statements = db.$with("statement_counts").as(
    db
      .select({ sessionId: evaluationStatements.sessionId, statementCount: sql<number>`count(*)`.as("statement_count") })
      .from(evaluationStatements)
      .where(eq(evaluationStatements.projectId, projectId))
      .groupBy(evaluationStatements.sessionId),
  );
  const coded = db.$with("coded_counts").as(
    db
      .select({ sessionId: evaluationCodings.sessionId, codedCount: sql<number>`count(distinct ${evaluationCodings.statementId})`.as("coded_count") })
      .from(evaluationCodings)
      .where(eq(evaluationCodings.projectId, projectId))
      .groupBy(evaluationCodings.sessionId),
  );
  return db
    .with(statements, coded)
    .select({
      id: evaluationSessions.id,
      heldOn: evaluationSessions.heldOn,
      siteName: evaluationSites.name,
      kind: evaluationSessions.kind,
      participants: evaluationSessions.participants,
      statements: int(sql`${statements.statementCount}`),
      coded: int(sql`${coded.codedCount}`),
    })
    .from(evaluationSessions)
    .innerJoin(evaluationSites, eq(evaluationSites.id, evaluationSessions.siteId))
    .leftJoin(statements, eq(statements.sessionId, evaluationSessions.id))
    .leftJoin(coded, eq(coded.sessionId, evaluationSessions.id))
    .where(eq(evaluationSessions.projectId, projectId))
    .orderBy(asc(evaluationSessions.heldOn), asc(evaluationSites.name));
}

// ---------------------------------------------------------------------------------------------------------
// One session's statements

async function sessionOf(db: Db, projectId: string, sessionId: string) {
  const [row] = await db
    .select({ id: evaluationSessions.id, heldOn: evaluationSessions.heldOn, kind: evaluationSessions.kind, participants: evaluationSessions.participants, siteName: evaluationSites.name })
    .from(evaluationSessions)
    .innerJoin(evaluationSites, eq(evaluationSites.id, evaluationSessions.siteId))
    .where(and(eq(evaluationSessions.id, sessionId), eq(evaluationSessions.projectId, projectId)));
  if (!row) throw new NotFoundError();
  return { ...row, kind: row.kind as SessionKind };
}

/** The project's codes in use (not archived), in order. */
export async function activeCodes(db: Db, projectId: string) {
  return db
    .select({ id: evaluationCodes.id, name: evaluationCodes.name, description: evaluationCodes.description })
    .from(evaluationCodes)
    .where(and(eq(evaluationCodes.projectId, projectId), isNull(evaluationCodes.archivedAt)))
    .orderBy(asc(evaluationCodes.position), asc(evaluationCodes.name));
}

/**
 * Statements coded on one page of the coding form: a session of a long group interview has 100 or more, and
 * one form of them all is a page of thousands of fields on a phone (and 3× the server's time).
 */
export const statementsPerPage = 25;

/** The session's notes, and one page (1-based; past the last, the last) of its statements with their coding. */
export async function sessionStatements(db: Db, actor: Actor | null, projectId: string, sessionId: string, { page = 1, pageSize = statementsPerPage }: { page?: number; pageSize?: number } = {}) {
  const access = await requireProjectAction(db, actor, projectId, "analysis.code");
  const session = await sessionOf(db, projectId, sessionId);
  const notes = await db
    .select({
      id: evaluationNotes.id,
      themeTitle: evaluationGuideThemes.title,
      lines: sql<number>`0`.mapWith(Number),
      text: evaluationNotes.text,
      split: sql<boolean>`exists (select 1 from ${evaluationStatements} s where s.note_id = ${evaluationNotes.id})`,
    })
    .from(evaluationNotes)
    .innerJoin(evaluationGuideThemes, eq(evaluationGuideThemes.id, evaluationNotes.themeId))
    .where(eq(evaluationNotes.sessionId, sessionId))
    .orderBy(asc(evaluationGuideThemes.position));
  const [{ total }] = (await db
    .select({ total: sql<number>`count(*)`.mapWith(Number) })
    .from(evaluationStatements)
    .where(eq(evaluationStatements.sessionId, sessionId))) as [{ total: number }];
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const offset = (current - 1) * pageSize;
  const statements = await db
    .select({
      id: evaluationStatements.id,
      noteId: evaluationStatements.noteId,
      text: evaluationStatements.text,
      polarity: evaluationStatements.polarity,
      codeIds: sql<string[]>`coalesce((select array_agg(c.code_id::text) from ${evaluationCodings} c where c.statement_id = ${evaluationStatements.id}), '{}')`,
    })
    .from(evaluationStatements)
    .where(eq(evaluationStatements.sessionId, sessionId))
    .orderBy(asc(evaluationStatements.position), asc(evaluationStatements.createdAt), asc(evaluationStatements.id))
    .limit(pageSize)
    .offset(offset);
  return {
    access,
    session,
    notes: notes.map(({ text, ...n }) => ({ ...n, lines: splitStatements(text).length })),
    statements: statements.map((s) => ({ ...s, polarity: s.polarity as Polarity | null })),
    /** Where this page is: statement numbers go on from `offset + 1`. */
    paging: { page: current, pages, total, offset },
    codes: await activeCodes(db, projectId),
  };
}

/** Split every note of the session that has not been split yet into statements, one per line. */
export async function splitSessionNotes(db: Db, actor: Actor | null, projectId: string, sessionId: string): Promise<{ added: number }> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  await sessionOf(db, projectId, sessionId);
  return db.transaction(async (tx) => {
    const notes = await tx
      .select({ id: evaluationNotes.id, text: evaluationNotes.text })
      .from(evaluationNotes)
      .innerJoin(evaluationGuideThemes, eq(evaluationGuideThemes.id, evaluationNotes.themeId))
      .where(and(eq(evaluationNotes.sessionId, sessionId), sql`not exists (select 1 from ${evaluationStatements} s where s.note_id = ${evaluationNotes.id})`))
      .orderBy(asc(evaluationGuideThemes.position));
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${evaluationStatements.position}), 0)`.mapWith(Number) })
      .from(evaluationStatements)
      .where(eq(evaluationStatements.sessionId, sessionId));
    let position = last?.position ?? 0;
    const rows = notes.flatMap((n) => splitStatements(n.text).map((text) => ({ projectId, sessionId, noteId: n.id, text, position: ++position })));
    if (rows.length) await tx.insert(evaluationStatements).values(rows);
    return { added: rows.length };
  });
}

export type StatementCoding = { statementId: string; text: string; polarity: Polarity | null; codeIds: string[] };

/**
 * Save the coding of a session's statements: each statement's text, polarity and codes. Ids are checked
 * against the session and the project's codes (a statement or code of another session or project is 404).
 * An emptied text is refused for that statement (say "delete" to remove one).
 */
export async function saveCodings(db: Db, actor: Actor | null, projectId: string, sessionId: string, items: StatementCoding[]): Promise<{ saved: number }> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  await sessionOf(db, projectId, sessionId);
  if (items.length === 0) return { saved: 0 };
  const ids = items.map((i) => i.statementId);
  const known = await db
    .select({ id: evaluationStatements.id })
    .from(evaluationStatements)
    .where(and(eq(evaluationStatements.sessionId, sessionId), inArray(evaluationStatements.id, ids)));
  const codeIds = [...new Set(items.flatMap((i) => i.codeIds))];
  const codes = codeIds.length
    ? await db
        .select({ id: evaluationCodes.id })
        .from(evaluationCodes)
        .where(and(eq(evaluationCodes.projectId, projectId), inArray(evaluationCodes.id, codeIds)))
    : [];
  if (known.length !== new Set(ids).size || codes.length !== codeIds.length) throw new NotFoundError();
  await db.transaction(async (tx) => {
    for (const item of items) {
      await tx
        .update(evaluationStatements)
        .set({ text: item.text, polarity: item.polarity, updatedAt: sql`now()` })
        .where(eq(evaluationStatements.id, item.statementId));
    }
    await tx.delete(evaluationCodings).where(inArray(evaluationCodings.statementId, ids));
    const codings = items.flatMap((i) => [...new Set(i.codeIds)].map((codeId) => ({ statementId: i.statementId, codeId, projectId, sessionId })));
    if (codings.length) await tx.insert(evaluationCodings).values(codings);
  });
  return { saved: items.length };
}

export async function deleteStatement(db: Db, actor: Actor | null, projectId: string, sessionId: string, statementId: string): Promise<void> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  await sessionOf(db, projectId, sessionId);
  await db.delete(evaluationStatements).where(and(eq(evaluationStatements.id, statementId), eq(evaluationStatements.sessionId, sessionId)));
}

/** Add a statement by hand (one heard but not in the notes, or split differently). */
export async function addStatement(db: Db, actor: Actor | null, projectId: string, sessionId: string, text: string): Promise<{ id: string }> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  await sessionOf(db, projectId, sessionId);
  const [row] = await db
    .insert(evaluationStatements)
    .values({ projectId, sessionId, text, position: sql`(select coalesce(max(position), 0) + 1 from ${evaluationStatements} where session_id = ${sessionId})` })
    .returning({ id: evaluationStatements.id });
  return { id: row!.id };
}

// ---------------------------------------------------------------------------------------------------------
// The project's codes

export async function listCodes(db: Db, actor: Actor | null, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "analysis.code");
  const codes = await db
    .select({
      id: evaluationCodes.id,
      shippedId: evaluationCodes.shippedId,
      name: evaluationCodes.name,
      description: evaluationCodes.description,
      archived: sql<boolean>`${evaluationCodes.archivedAt} is not null`,
      statements: int(sql`(select count(*) from ${evaluationCodings} c where c.code_id = ${evaluationCodes.id})`),
    })
    .from(evaluationCodes)
    .where(eq(evaluationCodes.projectId, projectId))
    .orderBy(asc(evaluationCodes.position), asc(evaluationCodes.name));
  return { access, codes };
}

/** The ten shipped codes, in the user's language, for a project that has none yet (projects normally get them when created). */
export async function addShippedCodes(db: Db, actor: Actor | null, projectId: string, lang: Lang): Promise<{ added: number }> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  return db.transaction(async (tx) => {
    const have = await tx.select({ shippedId: evaluationCodes.shippedId }).from(evaluationCodes).where(eq(evaluationCodes.projectId, projectId));
    const missing = shippedCodes.filter((c) => !have.some((h) => h.shippedId === c.id));
    if (missing.length) {
      await tx.insert(evaluationCodes).values(
        missing.map((c) => ({ projectId, shippedId: c.id, name: c.name[lang], description: c.description[lang], position: shippedCodes.indexOf(c) + 1 })),
      );
    }
    return { added: missing.length };
  });
}

export type CodeResult = { ok: true; id: string } | { ok: false; error: "evaluations.code.error.name_taken" };

async function nameTaken(db: Db, projectId: string, name: string, except?: string) {
  const [row] = await db
    .select({ id: evaluationCodes.id })
    .from(evaluationCodes)
    .where(and(eq(evaluationCodes.projectId, projectId), sql`lower(${evaluationCodes.name}) = lower(${name})`, except ? sql`${evaluationCodes.id} <> ${except}` : undefined));
  return Boolean(row);
}

export async function addCode(db: Db, actor: Actor | null, projectId: string, input: { name: string; description: string }): Promise<CodeResult> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  if (await nameTaken(db, projectId, input.name)) return { ok: false, error: "evaluations.code.error.name_taken" };
  const [row] = await db
    .insert(evaluationCodes)
    .values({
      projectId,
      name: input.name,
      description: input.description,
      position: sql`(select coalesce(max(position), 0) + 1 from ${evaluationCodes} where project_id = ${projectId})`,
    })
    .returning({ id: evaluationCodes.id });
  return { ok: true, id: row!.id };
}

async function codeOf(db: Db, projectId: string, codeId: string) {
  const [row] = await db
    .select({ id: evaluationCodes.id })
    .from(evaluationCodes)
    .where(and(eq(evaluationCodes.id, codeId), eq(evaluationCodes.projectId, projectId)));
  if (!row) throw new NotFoundError();
}

export async function renameCode(db: Db, actor: Actor | null, projectId: string, codeId: string, input: { name: string; description: string }): Promise<CodeResult> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  await codeOf(db, projectId, codeId);
  if (await nameTaken(db, projectId, input.name, codeId)) return { ok: false, error: "evaluations.code.error.name_taken" };
  await db.update(evaluationCodes).set({ name: input.name, description: input.description, updatedAt: sql`now()` }).where(eq(evaluationCodes.id, codeId));
  return { ok: true, id: codeId };
}

/** Archive a code (no new statements under it; its codings stay and count) or take it back into use. */
export async function setCodeArchived(db: Db, actor: Actor | null, projectId: string, codeId: string, archived: boolean): Promise<void> {
  await requireProjectAction(db, actor, projectId, "analysis.code");
  await codeOf(db, projectId, codeId);
  await db
    .update(evaluationCodes)
    .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
    .where(eq(evaluationCodes.id, codeId));
}
