import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import { race } from "../../../tests/support/race";
import type { Db, DbHandle } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { loadDemoData } from "~/modules/platform/demo.server";
import { memberships } from "~/modules/centres/centres.schema";
import { auditEvents } from "~/modules/audit/audit.schema";
import type { Actor } from "~/modules/centres/permissions";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { evaluationGuideThemes, evaluationProjects, evaluationReports, evaluationSessions, evaluationSites } from "./evaluations.schema";
import { guard } from "~/lib/route-helpers.server";
import { demoEvaluation, loadDemoEvaluations } from "./demo.server";
import { exportProject, importArchive } from "./archive.server";
import { changePhase, getProjectOverview } from "./projects.server";
import { addQuote } from "./sessions.server";
import { listPublicReports, loadPublicReport } from "./reports.server";
import { deleteProject, getDeletionPreview, titleMatches } from "./delete.server";

/*
 * Deleting an evaluation project (ADR 0027), on PGlite and PostgreSQL: the demo's finished evaluation has
 * everything a project can hold (sites, a versioned guide, five sessions with notes and quotes, 37 coded
 * statements, a published process report and a public final report), so deleting it meets every foreign key,
 * the `on delete restrict` ones from sessions to sites and guide versions and from notes and quotes to themes
 * among them.
 */

let handle: DbHandle;
let db: Db;
let finished: string;
let ongoing: string;
let copy: string;
let kbt: string;
let finalReport: string;
let copyFinalReport: string;
let otherCoordinator: Actor;

/** Every evaluation table, with how to find the rows of one project in it. */
const perProject: Record<string, string> = {
  evaluation_projects: "id = $1",
  evaluation_sites: "project_id = $1",
  evaluation_team: "project_id = $1",
  evaluation_phase_changes: "project_id = $1",
  evaluation_guide_versions: "project_id = $1",
  evaluation_guide_themes: "version_id in (select id from evaluation_guide_versions where project_id = $1)",
  evaluation_guide_questions:
    "theme_id in (select t.id from evaluation_guide_themes t join evaluation_guide_versions v on v.id = t.version_id where v.project_id = $1)",
  evaluation_sessions: "project_id = $1",
  evaluation_session_interviewers: "session_id in (select id from evaluation_sessions where project_id = $1)",
  evaluation_notes: "session_id in (select id from evaluation_sessions where project_id = $1)",
  evaluation_quotes: "session_id in (select id from evaluation_sessions where project_id = $1)",
  evaluation_codes: "project_id = $1",
  evaluation_statements: "project_id = $1",
  evaluation_codings: "project_id = $1",
  evaluation_reports: "project_id = $1",
  evaluation_report_sections: "report_id in (select id from evaluation_reports where project_id = $1)",
  evaluation_report_quotes: "report_id in (select id from evaluation_reports where project_id = $1)",
};

const first = <T>(result: unknown): T => rowsOf<T>(result)[0]!;

/** How many rows of each evaluation table belong to the project (or to every project, without one). */
async function rows(projectId?: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [table, where] of Object.entries(perProject)) {
    const condition = projectId ? sql.raw(where.replaceAll("$1", `'${projectId}'`)) : sql`true`;
    out[table] = Number(first<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${condition}`)).n);
  }
  return out;
}

const titleOf = async (id: string) => (await db.select({ title: evaluationProjects.title }).from(evaluationProjects).where(eq(evaluationProjects.id, id)))[0]?.title;
const finalOf = async (id: string) => (await db.select({ id: evaluationReports.id }).from(evaluationReports).where(and(eq(evaluationReports.projectId, id), eq(evaluationReports.kind, "final"))))[0]!.id;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  await loadDemoEvaluations(db);
  const projects = await db.select({ id: evaluationProjects.id, title: evaluationProjects.title, centreId: evaluationProjects.centreId }).from(evaluationProjects);
  finished = projects.find((p) => p.title === demoEvaluation.title)!.id;
  ongoing = projects.find((p) => p.title === demoEvaluation.ongoingTitle)!.id;
  kbt = projects.find((p) => p.id === finished)!.centreId;
  finalReport = await finalOf(finished);
  // A second coordinator of the centre, not on any team.
  const { userId } = await signUpConfirmed(db, { name: "Koordinator To", email: "koordinator2@example.org", password: "koordinator-to-2026" });
  await db.insert(memberships).values({ centreId: kbt, userId, role: "coordinator" });
  otherCoordinator = await actorFor(db, "koordinator2@example.org");
  // A copy of the finished evaluation in the same centre, read in from its archive by that coordinator (its lead):
  // the same kinds of rows, its own public final report.
  const doc = await exportProject(db, await actorFor(db, "koordinator@example.org"), finished);
  const imported = await importArchive(db, otherCoordinator, { centreId: kbt, text: JSON.stringify({ ...doc, project: { ...doc.project, title: "Kopi av DPS Fjordbyen" } }) });
  if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
  copy = imported.projectId;
  copyFinalReport = await finalOf(copy);
  // Bikuben's coordinator: another centre.
  const bikuben = first<{ id: string }>(await db.execute(sql`select id from centres where short_name = 'Bikuben'`)).id;
  const erfaring = await actorFor(db, "erfaring@example.org");
  await db.insert(memberships).values({ centreId: bikuben, userId: erfaring.userId, role: "coordinator" });
});
afterAll(async () => {
  await handle?.close();
});

describe(`deleting an evaluation project on ${dbKind}`, () => {
  it("compares the typed title leniently in spaces, case, dashes and quotation marks, and in nothing else", () => {
    expect(titleMatches("  bruker spør BRUKER ved DPS fjordbyen,   poliklinikk ", demoEvaluation.title)).toBe(true);
    expect(titleMatches("BSB - «Fjordbyen»", 'BSB – "Fjordbyen"')).toBe(true);
    expect(titleMatches("Bruker Spor Bruker ved DPS Fjordbyen, poliklinikk", demoEvaluation.title)).toBe(false);
    expect(titleMatches("Bruker Spør Bruker ved DPS Fjordbyen", demoEvaluation.title)).toBe(false);
    expect(titleMatches("", "")).toBe(false);
  });

  it("shows the lead what would go, in numbers, with the public report and the archive to download first", async () => {
    const lead = await actorFor(db, "koordinator@example.org");
    const preview = await getDeletionPreview(db, lead, finished);
    const own = await rows(finished);
    expect(preview.counts).toMatchObject({
      sessions: 5,
      statements: 37,
      notes: own.evaluation_notes,
      quotes: own.evaluation_quotes,
      codings: own.evaluation_codings,
      reports: 2,
      publishedReports: 2,
      publicReports: 1,
      team: 4,
    });
    expect(own.evaluation_notes).toBeGreaterThan(5);
    expect(preview.published).toEqual([
      { kind: "process", public: false },
      { kind: "final", public: true },
    ]);
    expect(preview.canExport).toBe(true);
    expect(preview.access.project.title).toBe(demoEvaluation.title);
    // A coordinator who is not on the team may delete, not export: the page tells them whom to ask.
    const coordinatorView = await getDeletionPreview(db, otherCoordinator, finished);
    expect(coordinatorView.canExport).toBe(false);
    expect(coordinatorView.leads).toEqual(["Koordinator Demo"]);
    expect(coordinatorView.stamp).toBe(preview.stamp);
  });

  it("refuses interviewers, service contacts and administrators (403), and other centres, participants and visitors (404): nothing deleted", async () => {
    const { stamp } = await getDeletionPreview(db, await actorFor(db, "koordinator@example.org"), finished);
    const input = { confirmTitle: demoEvaluation.title, seen: stamp };
    const before = await rows();
    for (const email of ["intervjuer@example.org", "intervjuer2@example.org", "tjeneste@example.org", "admin@example.org"]) {
      const actor = await actorFor(db, email);
      await expect(getDeletionPreview(db, actor, finished), email).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteProject(db, actor, finished, input), email).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const email of ["erfaring@example.org", "deltaker@example.org"]) {
      const actor = await actorFor(db, email);
      await expect(getDeletionPreview(db, actor, finished), email).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteProject(db, actor, finished, input), email).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(deleteProject(db, null, finished, input)).rejects.toBeInstanceOf(NotFoundError);
    expect(await rows()).toEqual(before);
  });

  it("deletes nothing for a wrong title, or when the project changed after the page was shown", async () => {
    const lead = await actorFor(db, "koordinator@example.org");
    const before = await rows();
    const shown = await getDeletionPreview(db, lead, finished);
    expect(await deleteProject(db, lead, finished, { confirmTitle: "Bruker Spør Bruker", seen: shown.stamp })).toEqual({ ok: false, reason: "title" });
    expect(await deleteProject(db, lead, finished, { confirmTitle: demoEvaluation.title, seen: "1-2-3" })).toEqual({ ok: false, reason: "changed" });

    // An interviewer adds a quote meanwhile: the numbers shown are no longer the numbers, so nothing goes.
    const interviewer = await actorFor(db, "intervjuer@example.org");
    const [session] = await db.select({ id: evaluationSessions.id, versionId: evaluationSessions.guideVersionId }).from(evaluationSessions).where(eq(evaluationSessions.projectId, finished)).orderBy(asc(evaluationSessions.heldOn)).limit(1);
    const [theme] = await db.select({ id: evaluationGuideThemes.id }).from(evaluationGuideThemes).where(eq(evaluationGuideThemes.versionId, session!.versionId)).limit(1);
    const quote = await addQuote(db, interviewer, finished, session!.id, { themeId: theme!.id, text: "Det hjalp å bli tatt på alvor.", confirmed: [] });
    expect(quote.ok).toBe(true);
    expect(await deleteProject(db, lead, finished, { confirmTitle: demoEvaluation.title, seen: shown.stamp })).toEqual({ ok: false, reason: "changed" });

    // The lead moves the phase back (the project's revision changes): the same.
    const again = await getDeletionPreview(db, lead, finished);
    expect(again.counts.quotes).toBe(shown.counts.quotes + 1);
    expect((await changePhase(db, lead, finished, "final_report")).ok).toBe(true);
    expect(await deleteProject(db, lead, finished, { confirmTitle: demoEvaluation.title, seen: again.stamp })).toEqual({ ok: false, reason: "changed" });

    const after = await rows();
    expect({ ...after, evaluation_quotes: after.evaluation_quotes! - 1, evaluation_phase_changes: after.evaluation_phase_changes! - 1 }).toEqual(before);
    expect(await titleOf(finished)).toBe(demoEvaluation.title);
  });

  it("the lead deletes it all in one go: its public report is gone, other projects are untouched, the audit log keeps ids and counts only", async () => {
    const lead = await actorFor(db, "koordinator@example.org");
    const { stamp, counts } = await getDeletionPreview(db, lead, finished);
    const everything = await rows();
    const own = await rows(finished);
    const others = { ongoing: await rows(ongoing), copy: await rows(copy) };
    expect((await listPublicReports(db)).map((r) => r.id)).toEqual(expect.arrayContaining([finalReport, copyFinalReport]));
    const teamRows = rowsOf<{ user_id: string; role: string }>(await db.execute(sql`select user_id, role from evaluation_team where project_id = ${finished}`));

    const result = await deleteProject(db, lead, finished, { confirmTitle: " bruker spør bruker ved dps fjordbyen, poliklinikk", seen: stamp }, { requestId: "req-delete" });
    expect(result).toEqual({ ok: true, counts });

    // Nothing of it is left in any table; everything else is as it was.
    expect(Object.values(await rows(finished)).every((n) => n === 0)).toBe(true);
    const left = await rows();
    for (const table of Object.keys(perProject)) expect(left[table], table).toBe(everything[table]! - own[table]!);
    expect(await rows(ongoing)).toEqual(others.ongoing);
    expect(await rows(copy)).toEqual(others.copy);

    // The public final report is off the list, and its page and PDF (both loadPublicReport) answer 404; the copy's stays.
    const publicIds = (await listPublicReports(db)).map((r) => r.id);
    expect(publicIds).not.toContain(finalReport);
    expect(publicIds).toContain(copyFinalReport);
    await expect(loadPublicReport(db, finalReport)).rejects.toBeInstanceOf(NotFoundError);
    expect((await loadPublicReport(db, copyFinalReport)).project.title).toBe("Kopi av DPS Fjordbyen");

    // The project is gone for everyone, its lead included; deleting again says so (the page shows "not there").
    await expect(getProjectOverview(db, lead, finished)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDeletionPreview(db, lead, finished)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteProject(db, lead, finished, { confirmTitle: demoEvaluation.title, seen: stamp })).rejects.toBeInstanceOf(NotFoundError);

    // The audit log: the deletion with centre, role, phase and counts; each team member taken off the team.
    const logged = await db
      .select({ action: auditEvents.action, entityType: auditEvents.entityType, subject: auditEvents.subjectUserId, actor: auditEvents.actorUserId, centre: auditEvents.actorCentreId, role: auditEvents.actorRole, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, "req-delete"));
    const deletion = logged.filter((e) => e.entityType === "evaluation_project");
    expect(deletion).toEqual([
      {
        action: "delete",
        entityType: "evaluation_project",
        subject: null,
        actor: lead.userId,
        centre: kbt,
        role: "lead",
        details: {
          event: "evaluation.project_deleted",
          centreId: kbt,
          phase: "final_report",
          sessions: 5,
          notes: counts.notes,
          quotes: counts.quotes,
          statements: 37,
          codings: counts.codings,
          reports: 2,
          publishedReports: 2,
          publicReports: 1,
          team: 4,
        },
      },
    ]);
    const removed = logged.filter((e) => e.entityType === "evaluation_team");
    expect(removed.map((e) => `${e.subject}:${String(e.details?.role)}`).sort()).toEqual(teamRows.map((m) => `${m.user_id}:${m.role}`).sort());
    expect(removed.every((e) => e.action === "delete" && e.details?.projectDeleted === true)).toBe(true);
    // No title, service name or text of the project in the log.
    const written = JSON.stringify(logged);
    for (const text of [demoEvaluation.title, demoEvaluation.serviceName, demoEvaluation.secretSentence, "Fjordbyen"]) expect(written).not.toContain(text);
  });

  it("a save that arrives after the delete (its project is gone) gets the 404 page, not a 500", async () => {
    // What an interviewer's save meets when it passed its access check just before the project was deleted:
    // the insert refers to a project row that no longer exists (foreign key, SQLSTATE 23503).
    const thrown: unknown = await guard(() => db.insert(evaluationSites).values({ projectId: finished, name: "Nytt sted" })).catch((error: unknown) => error);
    expect((thrown as { init?: { status?: number } }).init?.status).toBe(404);
    // Other database errors stay errors (the 500 page, logged): a duplicate key is not "not found".
    const [site] = await db.select({ id: evaluationSites.id, projectId: evaluationSites.projectId, name: evaluationSites.name }).from(evaluationSites).limit(1);
    const duplicate: unknown = await guard(() => db.insert(evaluationSites).values(site!)).catch((error: unknown) => error);
    expect((duplicate as { init?: unknown }).init).toBeUndefined();
  });

  it("a coordinator of the centre who is not on the team may delete too; two deletes at once delete once", async () => {
    const lead = await actorFor(db, "koordinator@example.org");
    const { stamp } = await getDeletionPreview(db, otherCoordinator, ongoing);
    const attempt = (actor: Actor) => async () => {
      try {
        return await deleteProject(db, actor, ongoing, { confirmTitle: demoEvaluation.ongoingTitle, seen: stamp }, { requestId: "req-race" });
      } catch (error) {
        if (error instanceof NotFoundError) return "gone" as const;
        throw error;
      }
    };
    const results = await race(db, { sql: "select 1 from evaluation_projects where id = $1 for update", params: [ongoing], release: "commit" }, [attempt(otherCoordinator), attempt(lead)]);
    expect(results.filter((r) => r !== "gone" && r.ok)).toHaveLength(1);
    expect(results.filter((r) => r === "gone")).toHaveLength(1);
    expect(await titleOf(ongoing)).toBeUndefined();
    const deletions = await db.select({ actor: auditEvents.actorUserId, role: auditEvents.actorRole }).from(auditEvents).where(and(eq(auditEvents.requestId, "req-race"), eq(auditEvents.entityType, "evaluation_project")));
    expect(deletions).toHaveLength(1);
    expect(deletions[0]!.role).toBe(deletions[0]!.actor === lead.userId ? "lead" : "coordinator");
    // The copy is still there, led by the other coordinator.
    expect(await titleOf(copy)).toBe("Kopi av DPS Fjordbyen");
  });
});
