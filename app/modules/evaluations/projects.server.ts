import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import type { Lang } from "~/i18n/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { users } from "~/modules/accounts/accounts.schema";
import { centres, memberships } from "~/modules/centres/centres.schema";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { can, grantingRole, type Actor, type CentreRole } from "~/modules/centres/permissions";
import { organizations, services } from "~/modules/offers/offers.schema";
import { osloToday } from "~/lib/oslo-date";
import { requireProjectAction } from "./access.server";
import { shippedCodes } from "./codebook";
import { checkPhaseChange, isPhase, missingFor, nextPhase, projectRoles, type Phase, type PhaseChangeRefusal, type ProjectAccessRole, type ProjectRole, type ProjectState } from "./evaluations";
import type { EditProjectInput, NewProjectInput, TeamInput } from "./evaluations.forms";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideQuestions,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationPhaseChanges,
  evaluationProjects,
  evaluationReports,
  evaluationSessions,
  evaluationSites,
  evaluationTeam,
} from "./evaluations.schema";

/*
 * Evaluation projects (issue 13, item 1): create, list, overview, phase changes, edit, sites and team.
 * Every use case is scoped by requireProjectAction (404 for someone who may not know the project, 403 for
 * someone who may see it but not do this); ids from forms are checked against the project before use.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
const asDb = (tx: Tx) => tx as unknown as Db;

// ---------------------------------------------------------------------------------------------------------
// The list

export type ProjectListRow = {
  id: string;
  title: string;
  serviceName: string;
  phase: Phase;
  centreName: string;
  roles: ProjectAccessRole[];
};

/**
 * The projects a person may see listed: the ones they are on (with their roles), and for coordinators all
 * of their centres' projects. Administrators get every project, with its phase only (`roles` tells which).
 */
export async function listProjects(
  db: Db,
  actor: Actor,
): Promise<{
  mine: ProjectListRow[];
  centre: ProjectListRow[];
  all: ProjectListRow[];
}> {
  // The centres whose projects the person sees listed as a coordinator (administrators get every project below).
  const coordinatorOf = [...new Set(actor.memberships.map((m) => m.centreId))].filter((centreId) => grantingRole(actor, "evaluation.view_centre_projects", centreId) === "coordinator");
  const onTeam = sql`exists (select 1 from ${evaluationTeam} where ${evaluationTeam.projectId} = ${evaluationProjects.id} and ${evaluationTeam.userId} = ${actor.userId})`;
  const conditions = [onTeam];
  if (coordinatorOf.length > 0) conditions.push(inArray(evaluationProjects.centreId, coordinatorOf));
  const rows = await db
    .select({
      id: evaluationProjects.id,
      title: evaluationProjects.title,
      serviceName: evaluationProjects.serviceName,
      phase: evaluationProjects.phase,
      centreId: evaluationProjects.centreId,
      centreName: centres.shortName,
      teamRoles: sql<string[]>`coalesce((select array_agg(${evaluationTeam.role} order by ${evaluationTeam.role}) from ${evaluationTeam}
        where ${evaluationTeam.projectId} = ${evaluationProjects.id} and ${evaluationTeam.userId} = ${actor.userId}), '{}')`,
    })
    .from(evaluationProjects)
    .innerJoin(centres, eq(centres.id, evaluationProjects.centreId))
    .where(actor.isAdmin ? undefined : or(...conditions))
    .orderBy(desc(evaluationProjects.createdAt), asc(evaluationProjects.title));
  const mine: ProjectListRow[] = [];
  const centre: ProjectListRow[] = [];
  const all: ProjectListRow[] = [];
  for (const r of rows) {
    if (!isPhase(r.phase)) continue;
    const stored = r.teamRoles.filter((x): x is ProjectRole => (projectRoles as readonly string[]).includes(x));
    const row = {
      id: r.id,
      title: r.title,
      serviceName: r.serviceName,
      phase: r.phase,
      centreName: r.centreName,
      roles: stored as ProjectAccessRole[],
    };
    if (stored.length > 0) mine.push(row);
    else if (coordinatorOf.includes(r.centreId)) centre.push({ ...row, roles: ["coordinator"] });
    else if (actor.isAdmin) all.push({ ...row, serviceName: "", roles: ["administrator"] });
  }
  return { mine, centre, all };
}

// ---------------------------------------------------------------------------------------------------------
// Creating a project

/** The centres where the person may create a project, with the members who may lead it. */
export async function newProjectOptions(db: Db, actor: Actor) {
  const centreIds = [...new Set(actor.memberships.filter((m) => m.role === "coordinator").map((m) => m.centreId))].filter((id) => can(actor, "evaluation.create", id));
  if (centreIds.length === 0) throw new ForbiddenError();
  const centreRows = await db.select({ id: centres.id, name: centres.name }).from(centres).where(inArray(centres.id, centreIds)).orderBy(asc(centres.name));
  const people = await db
    .selectDistinct({
      centreId: memberships.centreId,
      userId: users.id,
      name: users.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(memberships.centreId, centreIds))
    .orderBy(asc(users.name));
  return centreRows.map((c) => ({
    ...c,
    members: people.filter((p) => p.centreId === c.id).map((p) => ({ id: p.userId, name: p.name })),
  }));
}

export type CreateResult =
  | { ok: true; projectId: string }
  | {
      ok: false;
      errors: Record<string, "evaluations.project.error.lead_not_member" | "error.invalid">;
    };

/**
 * A coordinator creates a project at their centre: the service and period, and its lead (a member of the
 * centre). It starts in the agreement phase (recorded as the first row of its history), with the ten shipped
 * codes copied in the creator's language and an empty theme guide, version 1.
 */
export async function createProject(db: Db, actor: Actor, centreId: string, input: NewProjectInput, opts: { lang: Lang; requestId?: string | null }): Promise<CreateResult> {
  if (!can(actor, "evaluation.create", centreId)) throw new ForbiddenError();
  const [lead] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.centreId, centreId), eq(memberships.userId, input.leadId)))
    .limit(1);
  if (!lead)
    return {
      ok: false,
      errors: { leadId: "evaluations.project.error.lead_not_member" },
    };
  let organizationId: string | null = null;
  if (input.serviceId) {
    const [svc] = await db.select({ organizationId: services.organizationId }).from(services).where(eq(services.id, input.serviceId));
    if (!svc) return { ok: false, errors: { serviceId: "error.invalid" } };
    organizationId = svc.organizationId;
  }
  const projectId = await db.transaction(async (tx) => {
    const [project] = await tx
      .insert(evaluationProjects)
      .values({
        centreId,
        title: input.title,
        serviceName: input.serviceName,
        serviceKind: input.serviceKind,
        kommunenummer: input.kommunenummer,
        serviceId: input.serviceId,
        organizationId,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        phase: "agreement",
        createdBy: actor.userId,
      })
      .returning({ id: evaluationProjects.id });
    const id = project!.id;
    await tx.insert(evaluationTeam).values({ projectId: id, userId: input.leadId, role: "lead" });
    await tx.insert(evaluationCodes).values(
      shippedCodes.map((c, position) => ({
        projectId: id,
        shippedId: c.id,
        name: c.name[opts.lang],
        description: c.description[opts.lang],
        position,
      })),
    );
    await tx.insert(evaluationGuideVersions).values({ projectId: id, number: 1, createdBy: actor.userId });
    await tx.insert(evaluationPhaseChanges).values({
      projectId: id,
      fromPhase: "agreement",
      toPhase: "agreement",
      changedBy: actor.userId,
    });
    const role = grantingRole(actor, "evaluation.create", centreId);
    await recordAudit(asDb(tx), [
      {
        actorUserId: actor.userId,
        actorCentreId: centreId,
        actorRole: role,
        action: "create",
        subjectUserId: null,
        entityType: "evaluation_project",
        entityId: id,
        requestId: opts.requestId,
      },
      {
        actorUserId: actor.userId,
        actorCentreId: centreId,
        actorRole: role,
        action: "create",
        subjectUserId: input.leadId,
        entityType: "evaluation_team",
        entityId: id,
        details: { role: "lead" },
        requestId: opts.requestId,
      },
    ]);
    return id;
  });
  return { ok: true, projectId };
}

// ---------------------------------------------------------------------------------------------------------
// The project's state (for phases), in one query

/** The counts and flags the phase rules need, as one query returns them. */
type StateRow = {
  phase: string;
  agreement_recorded: boolean;
  sites: number;
  interviewers: number;
  guide_themes: number;
  sessions: number;
  analysed: number;
  process_published: boolean;
  conference_held: boolean;
  final_published: boolean;
};

/**
 * Counts and flags for the phase rules (no content), in one query. The dialogue conference counts as held
 * from its date in Oslo (`osloToday`), not the database server's `current_date` (UTC on most servers, so
 * between midnight and 01:00 or 02:00 Oslo time it would still be yesterday). `now` is for tests.
 */
export async function projectState(db: Db, projectId: string, now = new Date()): Promise<ProjectState> {
  const newestVersion = sql`(select gv.id from ${evaluationGuideVersions} gv where gv.project_id = p.id order by gv.number desc limit 1)`;
  const result = await db.execute<StateRow>(sql`
    select p.phase,
      (p.agreement_date is not null and length(trim(p.agreement_text)) > 0) as agreement_recorded,
      (select count(*)::int from ${evaluationSites} s where s.project_id = p.id) as sites,
      (select count(*)::int from ${evaluationTeam} t where t.project_id = p.id and t.role = 'interviewer') as interviewers,
      (select count(*)::int from ${evaluationGuideThemes} th where th.version_id = ${newestVersion}
         and exists (select 1 from ${evaluationGuideQuestions} q where q.theme_id = th.id)) as guide_themes,
      (select count(*)::int from ${evaluationSessions} ses where ses.project_id = p.id) as sessions,
      (select count(distinct c.session_id)::int from ${evaluationCodings} c where c.project_id = p.id) as analysed,
      exists (select 1 from ${evaluationReports} r where r.project_id = p.id and r.kind = 'process' and r.published_at is not null) as process_published,
      (p.dialogue_conference_date is not null and p.dialogue_conference_date <= ${osloToday(now)}::date) as conference_held,
      exists (select 1 from ${evaluationReports} r where r.project_id = p.id and r.kind = 'final' and r.published_at is not null) as final_published
    from ${evaluationProjects} p where p.id = ${projectId}`);
  const [row] = rowsOf<StateRow>(result);
  if (!row || !isPhase(row.phase)) throw new NotFoundError();
  return {
    phase: row.phase,
    agreementRecorded: row.agreement_recorded,
    sites: Number(row.sites),
    interviewers: Number(row.interviewers),
    guideThemesWithQuestions: Number(row.guide_themes),
    sessions: Number(row.sessions),
    analysedSessions: Number(row.analysed),
    processReportPublished: row.process_published,
    dialogueConferenceHeld: row.conference_held,
    finalReportPublished: row.final_published,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The overview

/** The overview: the project, its team (names), sites, phase line with what the next phase needs, history. */
export async function getProjectOverview(db: Db, actor: Actor, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "project.view");
  const administratorOnly = access.roles.length === 1 && access.roles[0] === "administrator";
  const [project] = await db
    .select({
      serviceKind: evaluationProjects.serviceKind,
      kommunenummer: evaluationProjects.kommunenummer,
      purpose: evaluationProjects.purpose,
      questions: evaluationProjects.questions,
      agreementDate: evaluationProjects.agreementDate,
      agreementText: evaluationProjects.agreementText,
      k: evaluationProjects.k,
      dialogueConferenceDate: evaluationProjects.dialogueConferenceDate,
      centreName: centres.name,
    })
    .from(evaluationProjects)
    .innerJoin(centres, eq(centres.id, evaluationProjects.centreId))
    .where(eq(evaluationProjects.id, projectId));
  const state = await projectState(db, projectId);
  const next = nextPhase(state.phase);
  // An administrator sees that the project exists and where it stands: not its team or agreement.
  const [team, sites, history] = administratorOnly
    ? [[], [], []]
    : await Promise.all([
        db
          .select({
            userId: evaluationTeam.userId,
            role: evaluationTeam.role,
            name: users.name,
          })
          .from(evaluationTeam)
          .innerJoin(users, eq(users.id, evaluationTeam.userId))
          .where(eq(evaluationTeam.projectId, projectId))
          .orderBy(asc(evaluationTeam.role), asc(users.name)),
        db
          .select({ id: evaluationSites.id, name: evaluationSites.name })
          .from(evaluationSites)
          .where(eq(evaluationSites.projectId, projectId))
          .orderBy(asc(evaluationSites.position), asc(evaluationSites.name)),
        db
          .select({
            from: evaluationPhaseChanges.fromPhase,
            to: evaluationPhaseChanges.toPhase,
            at: evaluationPhaseChanges.changedAt,
            by: users.name,
          })
          .from(evaluationPhaseChanges)
          .leftJoin(users, eq(users.id, evaluationPhaseChanges.changedBy))
          .where(eq(evaluationPhaseChanges.projectId, projectId))
          .orderBy(desc(evaluationPhaseChanges.changedAt), desc(evaluationPhaseChanges.id)),
      ]);
  return {
    access,
    administratorOnly,
    project: administratorOnly
      ? {
          ...access.project,
          ...project!,
          purpose: "",
          questions: "",
          agreementText: "",
          kommunenummer: null,
        }
      : { ...access.project, ...project! },
    state,
    next,
    needs: next ? missingFor(next, state) : [],
    team,
    sites,
    history: history.map((h) => ({ ...h, by: h.by ?? null })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Phase changes

export type PhaseChangeResult = { ok: true; direction: "forward" | "back" } | { ok: false; reasons: PhaseChangeRefusal[] };

/**
 * The lead moves the project to another phase: forward one phase when its requirements are met, or back to
 * any earlier phase. The state is read and the change written in one transaction with the project row locked,
 * so two leads clicking at once cannot skip a phase. Every change is recorded with who and when.
 */
export async function changePhase(db: Db, actor: Actor, projectId: string, to: Phase, opts: { requestId?: string | null } = {}): Promise<PhaseChangeResult> {
  const access = await requireProjectAction(db, actor, projectId, "project.change_phase");
  return db.transaction(async (tx) => {
    await tx.select({ id: evaluationProjects.id }).from(evaluationProjects).where(eq(evaluationProjects.id, projectId)).for("update");
    const state = await projectState(asDb(tx), projectId);
    const check = checkPhaseChange(state, to);
    if (!check.ok) return check;
    await tx
      .update(evaluationProjects)
      .set({
        phase: to,
        revision: sql`${evaluationProjects.revision} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(evaluationProjects.id, projectId));
    await tx.insert(evaluationPhaseChanges).values({
      projectId,
      fromPhase: state.phase,
      toPhase: to,
      changedBy: actor.userId,
    });
    await recordAudit(asDb(tx), {
      actorUserId: actor.userId,
      actorCentreId: access.project.centreId,
      actorRole: "lead",
      action: "update",
      subjectUserId: null,
      entityType: "evaluation_project",
      entityId: projectId,
      details: { from: state.phase, to },
      requestId: opts.requestId,
    });
    return check;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Editing the project

export async function getProjectForEdit(db: Db, actor: Actor, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "project.edit");
  const [project] = await db
    .select({
      title: evaluationProjects.title,
      serviceName: evaluationProjects.serviceName,
      serviceKind: evaluationProjects.serviceKind,
      kommunenummer: evaluationProjects.kommunenummer,
      serviceId: evaluationProjects.serviceId,
      purpose: evaluationProjects.purpose,
      questions: evaluationProjects.questions,
      periodStart: evaluationProjects.periodStart,
      periodEnd: evaluationProjects.periodEnd,
      agreementDate: evaluationProjects.agreementDate,
      agreementText: evaluationProjects.agreementText,
      dialogueConferenceDate: evaluationProjects.dialogueConferenceDate,
      k: evaluationProjects.k,
      listedNames: evaluationProjects.listedNames,
      revision: evaluationProjects.revision,
    })
    .from(evaluationProjects)
    .where(eq(evaluationProjects.id, projectId));
  const sites = await db
    .select({
      id: evaluationSites.id,
      name: evaluationSites.name,
      used: sql<boolean>`exists (select 1 from ${evaluationSessions} where ${evaluationSessions.siteId} = ${evaluationSites.id}) or ${evaluationSites.invited} is not null or ${evaluationSites.came} is not null`,
    })
    .from(evaluationSites)
    .where(eq(evaluationSites.projectId, projectId))
    .orderBy(asc(evaluationSites.position), asc(evaluationSites.name));
  return { access, project: project!, sites };
}

/** Services of the offers directory whose name (or organisation's name) matches, for choosing the evaluated service. */
export async function searchDirectory(db: Db, query: string, limit = 10) {
  const q = query.trim().slice(0, 100);
  if (q.length < 2) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({
      id: services.id,
      name: services.name,
      alternateName: services.alternateName,
      organization: organizations.name,
    })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(or(ilike(services.name, pattern), ilike(services.alternateName, pattern), ilike(organizations.name, pattern)), isNull(organizations.archivedAt), eq(services.status, "active")))
    .orderBy(asc(services.name), asc(services.alternateName))
    .limit(limit);
}

export type UpdateResult = { ok: true } | { ok: false; conflict: true } | { ok: false; errors: Record<string, "error.invalid"> };

/** The lead saves the project's description. A save that started from an older revision is told (nothing lost). */
export async function updateProject(db: Db, actor: Actor, projectId: string, input: EditProjectInput, opts: { requestId?: string | null } = {}): Promise<UpdateResult> {
  const access = await requireProjectAction(db, actor, projectId, "project.edit");
  let organizationId: string | null = null;
  let serviceName = input.serviceName;
  if (input.serviceId) {
    const [svc] = await db.select({ organizationId: services.organizationId, name: services.name }).from(services).where(eq(services.id, input.serviceId));
    if (!svc) return { ok: false, errors: { serviceId: "error.invalid" } };
    organizationId = svc.organizationId;
    serviceName = input.serviceName || svc.name;
  }
  const updated = await db
    .update(evaluationProjects)
    .set({
      title: input.title,
      serviceName,
      serviceKind: input.serviceKind,
      kommunenummer: input.kommunenummer,
      serviceId: input.serviceId,
      organizationId,
      purpose: input.purpose,
      questions: input.questions,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      agreementDate: input.agreementDate,
      agreementText: input.agreementText,
      dialogueConferenceDate: input.dialogueConferenceDate,
      k: input.k,
      listedNames: input.listedNames,
      revision: sql`${evaluationProjects.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(evaluationProjects.id, projectId), eq(evaluationProjects.revision, input.revision)))
    .returning({ id: evaluationProjects.id });
  if (updated.length === 0) return { ok: false, conflict: true };
  await recordAudit(db, {
    actorUserId: actor.userId,
    actorCentreId: access.project.centreId,
    actorRole: "lead",
    action: "update",
    subjectUserId: null,
    entityType: "evaluation_project",
    entityId: projectId,
    requestId: opts.requestId,
  });
  return { ok: true };
}

/** Choose the evaluated service from the offers directory: its name is copied (a report reads the same later). */
export async function chooseDirectoryService(db: Db, actor: Actor, projectId: string, serviceId: string): Promise<boolean> {
  await requireProjectAction(db, actor, projectId, "project.edit");
  const [svc] = await db.select({ organizationId: services.organizationId, name: services.name }).from(services).where(eq(services.id, serviceId));
  if (!svc) return false;
  await db
    .update(evaluationProjects)
    .set({
      serviceId,
      organizationId: svc.organizationId,
      serviceName: svc.name,
      revision: sql`${evaluationProjects.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(evaluationProjects.id, projectId));
  return true;
}

// Sites

export type SiteResult =
  | { ok: true }
  | {
      ok: false;
      error: "evaluations.site.error.in_use" | "evaluations.site.error.duplicate";
    };

async function siteOf(db: Db, projectId: string, siteId: string) {
  const [site] = await db
    .select({ id: evaluationSites.id })
    .from(evaluationSites)
    .where(and(eq(evaluationSites.id, siteId), eq(evaluationSites.projectId, projectId)));
  if (!site) throw new NotFoundError();
  return site;
}

async function nameTaken(db: Db, projectId: string, name: string, except?: string) {
  const rows = await db
    .select({ id: evaluationSites.id })
    .from(evaluationSites)
    .where(and(eq(evaluationSites.projectId, projectId), sql`lower(${evaluationSites.name}) = lower(${name})`));
  return rows.some((r) => r.id !== except);
}

export async function addSite(db: Db, actor: Actor, projectId: string, name: string): Promise<SiteResult> {
  await requireProjectAction(db, actor, projectId, "project.edit");
  if (await nameTaken(db, projectId, name)) return { ok: false, error: "evaluations.site.error.duplicate" };
  await db.insert(evaluationSites).values({
    projectId,
    name,
    position: sql`coalesce((select max(${evaluationSites.position}) + 1 from ${evaluationSites} where ${evaluationSites.projectId} = ${projectId}), 0)`,
  });
  return { ok: true };
}

export async function renameSite(db: Db, actor: Actor, projectId: string, siteId: string, name: string): Promise<SiteResult> {
  await requireProjectAction(db, actor, projectId, "project.edit");
  await siteOf(db, projectId, siteId);
  if (await nameTaken(db, projectId, name, siteId)) return { ok: false, error: "evaluations.site.error.duplicate" };
  await db.update(evaluationSites).set({ name, updatedAt: new Date() }).where(eq(evaluationSites.id, siteId));
  return { ok: true };
}

/** A site goes only while nothing rests on it: no session held there and no recruitment numbers. */
export async function removeSite(db: Db, actor: Actor, projectId: string, siteId: string): Promise<SiteResult> {
  await requireProjectAction(db, actor, projectId, "project.edit");
  await siteOf(db, projectId, siteId);
  const deleted = await db
    .delete(evaluationSites)
    .where(
      and(
        eq(evaluationSites.id, siteId),
        isNull(evaluationSites.invited),
        isNull(evaluationSites.came),
        sql`not exists (select 1 from ${evaluationSessions} where ${evaluationSessions.siteId} = ${siteId})`,
      ),
    )
    .returning({ id: evaluationSites.id });
  return deleted.length > 0 ? { ok: true } : { ok: false, error: "evaluations.site.error.in_use" };
}

// ---------------------------------------------------------------------------------------------------------
// The team

/** People of the project's centre who may be named, by the centre role that lets them. */
async function centrePeople(db: Db, centreId: string) {
  const rows = await db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.centreId, centreId))
    .orderBy(asc(users.name));
  const byRole = (role: CentreRole) => rows.filter((r) => r.role === role).map((r) => ({ id: r.userId, name: r.name }));
  const members = [...new Map(rows.map((r) => [r.userId, { id: r.userId, name: r.name }])).values()];
  return {
    members,
    interviewers: byRole("interviewer"),
    serviceContacts: byRole("service_contact"),
  };
}

export async function getTeam(db: Db, actor: Actor, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "project.manage_team");
  const [team, people] = await Promise.all([
    db.select({ userId: evaluationTeam.userId, role: evaluationTeam.role }).from(evaluationTeam).where(eq(evaluationTeam.projectId, projectId)),
    centrePeople(db, access.project.centreId),
  ]);
  const of = (role: ProjectRole) => team.filter((t) => t.role === role).map((t) => t.userId);
  return {
    access,
    leadId: of("lead")[0] ?? null,
    interviewers: of("interviewer"),
    serviceContacts: of("service_contact"),
    candidates: people,
  };
}

export type TeamResult =
  | { ok: true }
  | {
      ok: false;
      errors: Partial<
        Record<"leadId" | "interviewers" | "serviceContacts", "evaluations.team.error.not_member" | "evaluations.team.error.not_interviewer" | "evaluations.team.error.not_service_contact">
      >;
    };

/**
 * Name the project's team: one lead (a member of the centre), interviewers among the centre's people with
 * the role `interviewer`, service contacts among its `service_contact`s. Each change is audited with the
 * person it concerns (being put on or taken off a project is a change to their data).
 */
export async function setTeam(db: Db, actor: Actor, projectId: string, input: TeamInput, opts: { requestId?: string | null } = {}): Promise<TeamResult> {
  const access = await requireProjectAction(db, actor, projectId, "project.manage_team");
  const people = await centrePeople(db, access.project.centreId);
  const ids = (list: { id: string }[]) => new Set(list.map((p) => p.id));
  const errors: Exclude<TeamResult, { ok: true }>["errors"] = {};
  if (!ids(people.members).has(input.leadId)) errors.leadId = "evaluations.team.error.not_member";
  const interviewerIds = ids(people.interviewers);
  const contactIds = ids(people.serviceContacts);
  if (input.interviewers.some((id) => !interviewerIds.has(id))) errors.interviewers = "evaluations.team.error.not_interviewer";
  if (input.serviceContacts.some((id) => !contactIds.has(id))) errors.serviceContacts = "evaluations.team.error.not_service_contact";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const wanted = [
    { userId: input.leadId, role: "lead" as const },
    ...[...new Set(input.interviewers)].map((userId) => ({
      userId,
      role: "interviewer" as const,
    })),
    ...[...new Set(input.serviceContacts)].map((userId) => ({
      userId,
      role: "service_contact" as const,
    })),
  ];
  const key = (r: { userId: string; role: string }) => `${r.userId}:${r.role}`;
  await db.transaction(async (tx) => {
    const current = await tx.select({ userId: evaluationTeam.userId, role: evaluationTeam.role }).from(evaluationTeam).where(eq(evaluationTeam.projectId, projectId)).for("update");
    const have = new Set(current.map(key));
    const want = new Set(wanted.map(key));
    const added = wanted.filter((r) => !have.has(key(r)));
    const removed = current.filter((r) => !want.has(key(r)));
    for (const r of removed) {
      await tx.delete(evaluationTeam).where(and(eq(evaluationTeam.projectId, projectId), eq(evaluationTeam.userId, r.userId), eq(evaluationTeam.role, r.role)));
    }
    if (added.length > 0) await tx.insert(evaluationTeam).values(added.map((r) => ({ projectId, ...r })));
    const actorRole = access.roles.includes("lead") ? "lead" : "coordinator";
    await recordAudit(asDb(tx), [
      ...added.map((r) => ({
        actorUserId: actor.userId,
        actorCentreId: access.project.centreId,
        actorRole,
        action: "create" as const,
        subjectUserId: r.userId,
        entityType: "evaluation_team" as const,
        entityId: projectId,
        details: { role: r.role },
        requestId: opts.requestId,
      })),
      ...removed.map((r) => ({
        actorUserId: actor.userId,
        actorCentreId: access.project.centreId,
        actorRole,
        action: "delete" as const,
        subjectUserId: r.userId,
        entityType: "evaluation_team" as const,
        entityId: projectId,
        details: { role: r.role },
        requestId: opts.requestId,
      })),
    ]);
  });
  return { ok: true };
}
