import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { users } from "~/modules/accounts/accounts.schema";
import { recordAudit, type AuditEntry } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/centres/permissions";
import { NotFoundError } from "~/modules/centres/centres.server";
import { requireProjectAction, type ProjectAccess } from "./access.server";
import type { DeleteProjectInput } from "./delete.forms";
import { projectCan, type ProjectRole } from "./evaluations";
import {
  evaluationCodings,
  evaluationNotes,
  evaluationProjects,
  evaluationQuotes,
  evaluationReports,
  evaluationSessions,
  evaluationStatements,
  evaluationTeam,
} from "./evaluations.schema";

/*
 * Deleting an evaluation project (ADR 0027). The project lead and the coordinators of the project's centre
 * may delete it (`project.delete`); administrators may not, as they never handle an evaluation's raw data.
 * The page shows what will go, in numbers; the person types the project's title to confirm; everything of
 * the project goes in one transaction, and the audit log keeps that it happened — ids and counts, never a
 * title or any text.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
const asDb = (tx: Tx) => tx as unknown as Db;

/** What deleting the project removes, counted (no content). */
export type DeletionCounts = {
  sessions: number;
  participants: number;
  notes: number;
  quotes: number;
  statements: number;
  codings: number;
  reports: number;
  publishedReports: number;
  publicReports: number;
  /** People on the team (each once, whatever their roles): they lose their access to the project. */
  team: number;
};

type CountRow = {
  title: string;
  revision: number;
  centre_id: string;
  phase: string;
  sessions: number;
  participants: number;
  notes: number;
  quotes: number;
  statements: number;
  codings: number;
  reports: number;
  published_reports: number;
  public_reports: number;
  team: number;
};

/** The project and its counts in one query; with `lock`, the project row is locked for the transaction. */
async function countProject(db: Db, projectId: string, lock: boolean): Promise<{ title: string; revision: number; centreId: string; phase: string; counts: DeletionCounts } | null> {
  const ofProject = sql`(select s.id from ${evaluationSessions} s where s.project_id = p.id)`;
  const result = await db.execute(sql`
    select p.title, p.revision, p.centre_id, p.phase,
      (select count(*)::int from ${evaluationSessions} s where s.project_id = p.id) as sessions,
      (select coalesce(sum(s.participants), 0)::int from ${evaluationSessions} s where s.project_id = p.id) as participants,
      (select count(*)::int from ${evaluationNotes} n where n.session_id in ${ofProject}) as notes,
      (select count(*)::int from ${evaluationQuotes} q where q.session_id in ${ofProject}) as quotes,
      (select count(*)::int from ${evaluationStatements} st where st.project_id = p.id) as statements,
      (select count(*)::int from ${evaluationCodings} c where c.project_id = p.id) as codings,
      (select count(*)::int from ${evaluationReports} r where r.project_id = p.id) as reports,
      (select count(*)::int from ${evaluationReports} r where r.project_id = p.id and r.published_at is not null) as published_reports,
      (select count(*)::int from ${evaluationReports} r where r.project_id = p.id and r.published_at is not null and r.public) as public_reports,
      (select count(distinct t.user_id)::int from ${evaluationTeam} t where t.project_id = p.id) as team
    from ${evaluationProjects} p where p.id = ${projectId}
    ${lock ? sql`for update of p` : sql``}`);
  const row = rowsOf<CountRow>(result)[0];
  if (!row) return null;
  const n = (v: unknown) => Number(v ?? 0);
  return {
    title: row.title,
    revision: n(row.revision),
    centreId: row.centre_id,
    phase: row.phase,
    counts: {
      sessions: n(row.sessions),
      participants: n(row.participants),
      notes: n(row.notes),
      quotes: n(row.quotes),
      statements: n(row.statements),
      codings: n(row.codings),
      reports: n(row.reports),
      publishedReports: n(row.published_reports),
      publicReports: n(row.public_reports),
      team: n(row.team),
    },
  };
}

/**
 * What the confirm page showed, as one string the form carries back: the project's revision (title, phase,
 * description) and the counts the person was told about. A delete whose stamp no longer matches is refused
 * as "changed meanwhile", so nobody deletes more than they were shown.
 */
export function deletionStamp(revision: number, c: DeletionCounts): string {
  return [revision, c.sessions, c.notes, c.quotes, c.statements, c.reports, c.publishedReports, c.publicReports, c.team].join("-");
}

/**
 * The typed title against the project's: spaces at the ends and doubled spaces, letter case, and the kind of
 * dash or quotation mark do not matter (a phone types - and " where the title may have – and «»). Anything
 * else must be the same.
 */
export function titleMatches(typed: string, title: string): boolean {
  const norm = (s: string) =>
    s
      .normalize("NFKC")
      .replace(/[\u2010-\u2015\u2212]/g, "-")
      .replace(/[«»“”„‟"]/g, '"')
      .replace(/[‘’‚‛']/g, "'")
      .replace(/\s+/g, " ")
      .trim()
      .toLocaleLowerCase("nb");
  return norm(typed) === norm(title) && norm(title).length > 0;
}

export type DeletionPreview = {
  access: ProjectAccess;
  counts: DeletionCounts;
  /** The project's reports that are published, and whether each is public at /evalueringer/rapporter. */
  published: { kind: "process" | "final"; public: boolean }[];
  /** May this person download the project archive first (`project.export`: the analysis team)? */
  canExport: boolean;
  /** The project's lead(s), by name: whom a coordinator asks for the archive. */
  leads: string[];
  stamp: string;
};

/** The confirm page: what deleting the project would remove, for someone who may delete it. */
export async function getDeletionPreview(db: Db, actor: Actor | null, projectId: string): Promise<DeletionPreview> {
  const access = await requireProjectAction(db, actor, projectId, "project.delete");
  const [counted, reports, leads] = await Promise.all([
    countProject(db, projectId, false),
    db.select({ kind: evaluationReports.kind, publishedAt: evaluationReports.publishedAt, public: evaluationReports.public }).from(evaluationReports).where(eq(evaluationReports.projectId, projectId)),
    db
      .select({ name: users.name })
      .from(evaluationTeam)
      .innerJoin(users, eq(users.id, evaluationTeam.userId))
      .where(sql`${evaluationTeam.projectId} = ${projectId} and ${evaluationTeam.role} = 'lead'`)
      .orderBy(users.name),
  ]);
  if (!counted) throw new NotFoundError(); // deleted in between
  return {
    access: { ...access, project: { ...access.project, title: counted.title, revision: counted.revision } },
    counts: counted.counts,
    published: reports
      .filter((r) => r.publishedAt !== null)
      .map((r) => ({ kind: r.kind as "process" | "final", public: r.public }))
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "process" ? -1 : 1)),
    canExport: projectCan(access.roles, "project.export"),
    leads: leads.map((l) => l.name),
    stamp: deletionStamp(counted.revision, counted.counts),
  };
}

export type DeleteResult =
  | { ok: true; counts: DeletionCounts }
  /** The typed title is not the project's: nothing deleted. */
  | { ok: false; reason: "title" }
  /** The project changed after the page was shown (revision or counts): nothing deleted. */
  | { ok: false; reason: "changed" };

/**
 * Delete the project and everything of it, in one transaction, when the typed title is the project's and
 * the project is as the page showed it. Throws NotFoundError when the actor may not know the project or it is
 * gone (deleted meanwhile: the route says so), ForbiddenError for someone on it who may not delete it. The
 * project row is locked first, so a session or note being saved at the same moment either lands before (and
 * the stamp no longer matches) or waits and then fails.
 *
 * The children go in an explicit order: sessions reference sites and guide versions, and notes and quotes
 * reference guide themes, with `on delete restrict`; whether a plain cascade from the project row gets past
 * those depends on the order PostgreSQL fires its referential triggers, which nothing promises. Reports
 * (with their sections and chosen quotes), codings, statements, notes and quotes, and sessions (with who held
 * them) go first; then the project row, whose cascade takes sites, team, phase history, guide versions with
 * their themes and questions, and codes.
 *
 * Recorded in the audit log: one `delete` of the `evaluation_project` with the centre, the granting role,
 * the phase and the counts (no title, no text), and one `delete` of `evaluation_team` per person on the team,
 * so each of them sees on /min-side/innsyn that they were taken off a project.
 */
export async function deleteProject(db: Db, actor: Actor | null, projectId: string, input: DeleteProjectInput, opts: { requestId?: string | null } = {}): Promise<DeleteResult> {
  const access = await requireProjectAction(db, actor, projectId, "project.delete");
  return db.transaction(async (txDb) => {
    const tx = asDb(txDb);
    const counted = await countProject(tx, projectId, true);
    if (!counted) throw new NotFoundError(); // deleted since the check above: rolled back, nothing done
    if (deletionStamp(counted.revision, counted.counts) !== input.seen) return { ok: false, reason: "changed" } as const;
    if (!titleMatches(input.confirmTitle, counted.title)) return { ok: false, reason: "title" } as const;

    const team = await tx.select({ userId: evaluationTeam.userId, role: evaluationTeam.role }).from(evaluationTeam).where(eq(evaluationTeam.projectId, projectId));
    const sessionIds = tx.select({ id: evaluationSessions.id }).from(evaluationSessions).where(eq(evaluationSessions.projectId, projectId));

    await tx.delete(evaluationReports).where(eq(evaluationReports.projectId, projectId));
    await tx.delete(evaluationCodings).where(eq(evaluationCodings.projectId, projectId));
    await tx.delete(evaluationStatements).where(eq(evaluationStatements.projectId, projectId));
    await tx.delete(evaluationNotes).where(inArray(evaluationNotes.sessionId, sessionIds));
    await tx.delete(evaluationQuotes).where(inArray(evaluationQuotes.sessionId, sessionIds));
    await tx.delete(evaluationSessions).where(eq(evaluationSessions.projectId, projectId));
    const deleted = await tx.delete(evaluationProjects).where(eq(evaluationProjects.id, projectId)).returning({ id: evaluationProjects.id });
    if (deleted.length !== 1) throw new Error("evaluation project vanished under its lock");

    const actorRole = access.roles.includes("lead") ? "lead" : "coordinator";
    const common = { actorUserId: actor!.userId, actorCentreId: counted.centreId, actorRole, action: "delete" as const, entityId: projectId, requestId: opts.requestId ?? null };
    const { participants: _p, ...counts } = counted.counts;
    const entries: AuditEntry[] = [
      {
        ...common,
        subjectUserId: null,
        entityType: "evaluation_project",
        details: { event: "evaluation.project_deleted", centreId: counted.centreId, phase: counted.phase, ...counts },
      },
      ...team.map((m) => ({
        ...common,
        subjectUserId: m.userId,
        entityType: "evaluation_team" as const,
        details: { role: m.role as ProjectRole, projectDeleted: true },
      })),
    ];
    await recordAudit(tx, entries);
    return { ok: true, counts: counted.counts } as const;
  });
}
