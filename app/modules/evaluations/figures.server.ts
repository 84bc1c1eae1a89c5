import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { effectiveK } from "./evaluations";
import { evaluationCodes, evaluationCodings, evaluationSessions } from "./evaluations.schema";

/*
 * The ONLY place the figures of an evaluation come from for anyone outside its analysis team (service
 * contacts, coordinators not on the team, administrators, visitors): ADR 0026, docs/evaluations-design.md.
 *
 * - Per code: the view evaluation_code_figures_outside (drizzle/0008), which withholds in SQL.
 * - The project's totals: the view evaluation_project_figures_outside.
 * - Breakdowns that add up (by site, by round): one query with the secondary withholding step
 *   (`applyKRule` in evaluations.ts) done by window functions in the same statement.
 *
 * A withheld row comes back with `shown: false` and every figure `null`: the page can say that something
 * was withheld and why (fewer than k people behind it) without ever holding the figure. Nothing here loads
 * raw rows to filter them in memory. Callers check the actor's access to the project first
 * (requireProjectAction); these functions take a project id that has been checked.
 */

export type CodeFigures = {
  codeId: string;
  name: string;
  description: string;
  shown: boolean;
  statements: number | null;
  positive: number | null;
  negative: number | null;
  suggestion: number | null;
  sessions: number | null;
  participants: number | null;
};

export type ProjectTotals = { shown: boolean; sessions: number | null; participants: number | null };

export type BreakdownFigures = { key: string; label: string; shown: boolean; participants: number | null; sessions: number | null };

export type OutsideFigures = { k: number; totals: ProjectTotals; codes: CodeFigures[]; bySite: BreakdownFigures[]; byRound: BreakdownFigures[] };

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const bool = (v: unknown) => v === true || v === "t" || v === "true";

/**
 * Figures per code for outsiders, in the codebook's order: only codes with coded statements (a code no
 * statement stands under has no figure to show). Withheld codes are listed with `shown: false`.
 */
export async function codeFiguresOutside(db: Db, projectId: string): Promise<CodeFigures[]> {
  const result = await db.execute(sql`
    select f.code_id, c.name, c.description, f.shown, f.statements, f.positive, f.negative, f.suggestion, f.sessions, f.participants
    from evaluation_code_figures_outside f
    join evaluation_codes c on c.id = f.code_id and c.project_id = f.project_id
    where f.project_id = ${projectId}
    order by c.position, c.name, c.id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    codeId: String(r.code_id),
    name: String(r.name),
    description: String(r.description ?? ""),
    shown: bool(r.shown),
    statements: num(r.statements),
    positive: num(r.positive),
    negative: num(r.negative),
    suggestion: num(r.suggestion),
    sessions: num(r.sessions),
    participants: num(r.participants),
  }));
}

/** The project's sessions and participants for outsiders, shown only when they reach k. */
export async function projectTotalsOutside(db: Db, projectId: string): Promise<ProjectTotals> {
  const result = await db.execute(sql`select shown, sessions, participants from evaluation_project_figures_outside where project_id = ${projectId}`);
  const [r] = rowsOf<Record<string, unknown>>(result);
  if (!r) return { shown: false, sessions: null, participants: null };
  return { shown: bool(r.shown), sessions: num(r.sessions), participants: num(r.participants) };
}

/**
 * A breakdown that adds up to the total, with the k rule and its secondary step in one statement
 * (docs/evaluations-design.md, "The k rule in SQL"). `rows` yields (key, label, position, participants,
 * sessions), one row per key; k is read from the project in the same query. The windows break ties by key,
 * as `applyKRule` does with rows given in key order; a shown row is withheld while the withheld set has
 * fewer than two rows or fewer than k participants. Rows come back in `position` order for the page.
 */
function breakdownQuery(projectId: string, rows: SQL): SQL {
  return sql`
    with kk as (
      select greatest(3, p.k) as k from evaluation_projects p where p.id = ${projectId}
    ), r as (${rows}), marked as (
      select r.key, r.label, r.position, r.participants, r.sessions, kk.k,
             r.participants < kk.k as below,
             count(*) filter (where r.participants < kk.k) over () as n_below,
             coalesce(sum(r.participants) filter (where r.participants < kk.k) over (), 0) as below_sum,
             count(*) over (partition by r.participants >= kk.k order by r.participants, r.key
                            rows between unbounded preceding and 1 preceding) as prev_n,
             coalesce(sum(r.participants) over (partition by r.participants >= kk.k order by r.participants, r.key
                            rows between unbounded preceding and 1 preceding), 0) as prev_sum
      from r cross join kk
    ), decided as (
      select key, label, position, participants, sessions,
             not below and not (n_below > 0 and (n_below + prev_n < 2 or below_sum + prev_sum < k)) as shown
      from marked
    )
    select key, label, shown,
           case when shown then participants end as participants,
           case when shown then sessions end as sessions
    from decided order by position, key`;
}

async function runBreakdown(db: Db, query: SQL): Promise<BreakdownFigures[]> {
  const result = await db.execute(query);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    key: String(r.key),
    label: String(r.label),
    shown: bool(r.shown),
    participants: num(r.participants),
    sessions: num(r.sessions),
  }));
}

/** Participants and sessions per site for outsiders (sites without sessions are not part of the breakdown). */
export function siteBreakdownOutside(db: Db, projectId: string): Promise<BreakdownFigures[]> {
  return runBreakdown(
    db,
    breakdownQuery(
      projectId,
      sql`select ses.site_id::text as key, min(site.name) as label, min(site.position) as position,
                 sum(ses.participants)::int as participants, count(*)::int as sessions
          from evaluation_sessions ses join evaluation_sites site on site.id = ses.site_id
          where ses.project_id = ${projectId} group by ses.site_id`,
    ),
  );
}

/**
 * Participants and sessions per interview round for outsiders. The key is the round number padded to
 * four digits so that text order is number order (the secondary step breaks ties by key).
 */
export function roundBreakdownOutside(db: Db, projectId: string): Promise<BreakdownFigures[]> {
  return runBreakdown(
    db,
    breakdownQuery(
      projectId,
      sql`select lpad(ses.round::text, 4, '0') as key, ses.round::text as label, ses.round as position,
                 sum(ses.participants)::int as participants, count(*)::int as sessions
          from evaluation_sessions ses where ses.project_id = ${projectId} group by ses.round`,
    ),
  );
}

/** Everything an outsider's report shows, each part withheld in its query. */
export async function outsideFigures(db: Db, projectId: string, projectK: number): Promise<OutsideFigures> {
  const [totals, codes, bySite, byRound] = await Promise.all([
    projectTotalsOutside(db, projectId),
    codeFiguresOutside(db, projectId),
    siteBreakdownOutside(db, projectId),
    roundBreakdownOutside(db, projectId),
  ]);
  return { k: effectiveK(projectK), totals, codes, bySite, byRound };
}

/** A code's figures for the analysis team: every figure, never withheld. */
export type TeamCodeFigures = {
  codeId: string;
  name: string;
  description: string;
  archived: boolean;
  statements: number;
  positive: number;
  negative: number;
  suggestion: number;
  sessions: number;
  /** The participants of the distinct sessions behind the code (each session once). */
  participants: number;
};

const int = (expr: SQL) => sql<number>`coalesce(${expr}, 0)::int`.mapWith(Number);

/**
 * Figures per code for the analysis team, computed in SQL, in the codebook's order: one row per code and
 * session first (so a session's participants count once per code however many of its statements the code
 * holds), then summed per code. Every current code is listed, with zeros when no statement stands under it;
 * an archived code only when it holds statements. The one query behind the team's figures, on the analysis
 * page (analysis.server.ts) and in the team's report (`teamFigures`).
 */
export async function codeFiguresForTeam(db: Db, projectId: string): Promise<TeamCodeFigures[]> {
  const perSession = db.$with("per_session").as(
    db
      .select({
        codeId: evaluationCodings.codeId,
        sessionId: evaluationCodings.sessionId,
        statements: sql<number>`count(*)`.as("statements"),
        // The coding carries its statement's polarity (kept by triggers, drizzle/0008): no join with the statements.
        positive: sql<number>`count(*) filter (where ${evaluationCodings.polarity} = 'positive')`.as("positive"),
        negative: sql<number>`count(*) filter (where ${evaluationCodings.polarity} = 'negative')`.as("negative"),
        suggestion: sql<number>`count(*) filter (where ${evaluationCodings.polarity} = 'suggestion')`.as("suggestion"),
      })
      .from(evaluationCodings)
      .where(eq(evaluationCodings.projectId, projectId))
      .groupBy(evaluationCodings.codeId, evaluationCodings.sessionId),
  );
  const perCode = db.$with("per_code").as(
    db
      .with(perSession)
      .select({
        codeId: perSession.codeId,
        statements: sql`sum(${perSession.statements})`.as("statements"),
        positive: sql`sum(${perSession.positive})`.as("positive"),
        negative: sql`sum(${perSession.negative})`.as("negative"),
        suggestion: sql`sum(${perSession.suggestion})`.as("suggestion"),
        sessions: sql`count(*)`.as("sessions"),
        participants: sql`sum(${evaluationSessions.participants})`.as("participants"),
      })
      .from(perSession)
      .innerJoin(evaluationSessions, eq(evaluationSessions.id, perSession.sessionId))
      .groupBy(perSession.codeId),
  );
  return db
    .with(perCode)
    .select({
      codeId: evaluationCodes.id,
      name: evaluationCodes.name,
      description: evaluationCodes.description,
      archived: sql<boolean>`${evaluationCodes.archivedAt} is not null`.mapWith(bool),
      statements: int(sql`${perCode.statements}`),
      positive: int(sql`${perCode.positive}`),
      negative: int(sql`${perCode.negative}`),
      suggestion: int(sql`${perCode.suggestion}`),
      sessions: int(sql`${perCode.sessions}`),
      participants: int(sql`${perCode.participants}`),
    })
    .from(evaluationCodes)
    .leftJoin(perCode, eq(perCode.codeId, evaluationCodes.id))
    .where(and(eq(evaluationCodes.projectId, projectId), sql`(${evaluationCodes.archivedAt} is null or ${perCode.codeId} is not null)`))
    .orderBy(asc(evaluationCodes.position), asc(evaluationCodes.name), asc(evaluationCodes.id));
}

/**
 * The same figures for the analysis team, unwithheld (they read everything; ADR 0026, point 4). Kept beside
 * the outsiders' queries so a page for the team and one for outsiders show the same shapes: as for
 * outsiders, only codes with coded statements.
 */
export async function teamFigures(db: Db, projectId: string, projectK: number): Promise<OutsideFigures> {
  const codes = (await codeFiguresForTeam(db, projectId))
    .filter((c) => c.statements > 0)
    .map(({ archived: _archived, ...c }): CodeFigures => ({ ...c, shown: true }));
  const totalsResult = await db.execute(
    sql`select count(*)::int as sessions, coalesce(sum(participants), 0)::int as participants from evaluation_sessions where project_id = ${projectId}`,
  );
  const bySiteResult = await db.execute(sql`
    select ses.site_id::text as key, min(site.name) as label, sum(ses.participants)::int as participants, count(*)::int as sessions
    from evaluation_sessions ses join evaluation_sites site on site.id = ses.site_id
    where ses.project_id = ${projectId} group by ses.site_id order by min(site.position), min(site.name), ses.site_id`);
  const byRoundResult = await db.execute(sql`
    select lpad(round::text, 4, '0') as key, round::text as label, sum(participants)::int as participants, count(*)::int as sessions
    from evaluation_sessions where project_id = ${projectId} group by round order by round`);
  const t = rowsOf<Record<string, unknown>>(totalsResult)[0]!;
  const breakdown = (r: Record<string, unknown>): BreakdownFigures => ({
    key: String(r.key),
    label: String(r.label),
    shown: true,
    participants: num(r.participants),
    sessions: num(r.sessions),
  });
  return {
    k: effectiveK(projectK),
    totals: { shown: true, sessions: num(t.sessions), participants: num(t.participants) },
    codes,
    bySite: rowsOf<Record<string, unknown>>(bySiteResult).map(breakdown),
    byRound: rowsOf<Record<string, unknown>>(byRoundResult).map(breakdown),
  };
}
