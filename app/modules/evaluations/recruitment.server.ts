import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { NotFoundError } from "~/modules/centres/centres.server";
import type { Actor } from "~/modules/centres/permissions";
import { requireProjectAction } from "./access.server";
import { evaluationSites } from "./evaluations.schema";

/*
 * Recruitment (issue 13, item 3): per site, how many the service invited and how many came. Numbers only:
 * no names or contact data of participants exist anywhere in the module.
 */

export async function getRecruitment(db: Db, actor: Actor, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "recruitment.edit");
  const sites = await db
    .select({
      id: evaluationSites.id,
      name: evaluationSites.name,
      invited: evaluationSites.invited,
      came: evaluationSites.came,
    })
    .from(evaluationSites)
    .where(eq(evaluationSites.projectId, projectId))
    .orderBy(asc(evaluationSites.position), asc(evaluationSites.name));
  return { access, sites };
}

export type RecruitmentRow = {
  siteId: string;
  invited: number | null;
  came: number | null;
};
export type RecruitmentError = "evaluations.recruitment.error.came_over_invited" | "evaluations.recruitment.error.came_without_invited" | "evaluations.recruitment.error.negative";
export type RecruitmentResult = { ok: true } | { ok: false; errors: Record<string, RecruitmentError> };

/** The rule for one site's numbers, keyed by the form field it concerns (`came-<siteId>`, `invited-<siteId>`). */
export function recruitmentProblems(rows: readonly RecruitmentRow[]): Record<string, RecruitmentError> {
  const errors: Record<string, RecruitmentError> = {};
  for (const r of rows) {
    if ((r.invited ?? 0) < 0) errors[`invited-${r.siteId}`] = "evaluations.recruitment.error.negative";
    if ((r.came ?? 0) < 0) errors[`came-${r.siteId}`] = "evaluations.recruitment.error.negative";
    else if (r.came !== null && r.invited === null) errors[`came-${r.siteId}`] = "evaluations.recruitment.error.came_without_invited";
    else if (r.came !== null && r.invited !== null && r.came > r.invited) errors[`came-${r.siteId}`] = "evaluations.recruitment.error.came_over_invited";
  }
  return errors;
}

/**
 * Save invited/came for the project's sites (all in one form). Every row must be a site of this project
 * (anything else is 404); numbers ≥ 0 with came ≤ invited, or nothing is saved.
 */
export async function saveRecruitment(db: Db, actor: Actor, projectId: string, rows: readonly RecruitmentRow[]): Promise<RecruitmentResult> {
  await requireProjectAction(db, actor, projectId, "recruitment.edit");
  const errors = recruitmentProblems(rows);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (rows.length === 0) return { ok: true };
  await db.transaction(async (tx) => {
    const own = await tx
      .select({ id: evaluationSites.id })
      .from(evaluationSites)
      .where(
        and(
          eq(evaluationSites.projectId, projectId),
          inArray(
            evaluationSites.id,
            rows.map((r) => r.siteId),
          ),
        ),
      );
    const ownIds = new Set(own.map((s) => s.id));
    if (rows.some((r) => !ownIds.has(r.siteId))) throw new NotFoundError();
    for (const r of rows) {
      await tx
        .update(evaluationSites)
        .set({
          invited: r.invited,
          came: r.came,
          recruitmentUpdatedBy: actor.userId,
          updatedAt: new Date(),
        })
        .where(eq(evaluationSites.id, r.siteId));
    }
  });
  return { ok: true };
}
