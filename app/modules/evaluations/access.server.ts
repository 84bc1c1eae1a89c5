import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { rolesIn, type Actor } from "~/modules/centres/permissions";
import { evaluationProjects, evaluationTeam } from "./evaluations.schema";
import { isAnalysisTeam, isPhase, projectCan, projectRoles, type Phase, type ProjectAccessRole, type ProjectAction, type ProjectRole } from "./evaluations";

/** What every use case under a project needs to know about it and about the person asking. */
export type ProjectAccess = {
  project: { id: string; centreId: string; title: string; serviceName: string; phase: Phase; k: number; periodStart: string; periodEnd: string | null; revision: number };
  /** The person's roles on this project, stored and derived (coordinator of its centre, administrator). */
  roles: ProjectAccessRole[];
  /** Project lead or one of its interviewers: reads sessions, notes, statements and every figure. */
  analysisTeam: boolean;
};

/**
 * The project and the actor's roles on it, in one query; null when the actor may not know it exists
 * (no role on it, not a coordinator of its centre, not an administrator) or it does not exist. Use cases
 * answer both with 404, as for records of another centre.
 */
export async function findProjectAccess(db: Db, actor: Actor | null, projectId: string): Promise<ProjectAccess | null> {
  if (!actor) return null;
  const [row] = await db
    .select({
      id: evaluationProjects.id,
      centreId: evaluationProjects.centreId,
      title: evaluationProjects.title,
      serviceName: evaluationProjects.serviceName,
      phase: evaluationProjects.phase,
      k: evaluationProjects.k,
      periodStart: evaluationProjects.periodStart,
      periodEnd: evaluationProjects.periodEnd,
      revision: evaluationProjects.revision,
      teamRoles: sql<string[]>`coalesce((select array_agg(${evaluationTeam.role}) from ${evaluationTeam}
        where ${and(eq(evaluationTeam.projectId, evaluationProjects.id), eq(evaluationTeam.userId, actor.userId))}), '{}')`,
    })
    .from(evaluationProjects)
    .where(eq(evaluationProjects.id, projectId));
  if (!row || !isPhase(row.phase)) return null;
  const stored = row.teamRoles.filter((r): r is ProjectRole => (projectRoles as readonly string[]).includes(r));
  const roles: ProjectAccessRole[] = [...stored];
  if (rolesIn(actor, row.centreId).includes("coordinator")) roles.push("coordinator");
  if (actor.isAdmin) roles.push("administrator");
  if (roles.length === 0) return null;
  const { teamRoles: _omit, ...project } = row;
  return { project: { ...project, phase: row.phase }, roles, analysisTeam: isAnalysisTeam(stored) };
}

/**
 * The project, when the actor may do `action` on it. Throws NotFoundError when the actor may not know the
 * project exists, ForbiddenError when they may see it but not do this (the route helper `guard` turns both
 * into the friendly 404 and 403 pages).
 */
export async function requireProjectAction(db: Db, actor: Actor | null, projectId: string, action: ProjectAction): Promise<ProjectAccess> {
  const access = await findProjectAccess(db, actor, projectId);
  if (!access) throw new NotFoundError();
  if (!projectCan(access.roles, action)) throw new ForbiddenError();
  return access;
}

/** What the project menu (components/project-nav.tsx) shows at the top of every page under a project. */
export function projectHeader(access: ProjectAccess) {
  const { id, title, serviceName, phase } = access.project;
  return { id, title, serviceName, phase, roles: access.roles };
}
