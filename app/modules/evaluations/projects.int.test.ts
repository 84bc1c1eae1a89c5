import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { auditEvents } from "~/modules/audit/audit.schema";
import type { Actor } from "~/modules/centres/permissions";
import { shippedCodes } from "./codebook";
import {
  addSite,
  changePhase,
  createProject,
  getProjectForEdit,
  getProjectOverview,
  getTeam,
  listProjects,
  newProjectOptions,
  projectState,
  removeSite,
  renameSite,
  setTeam,
  updateProject,
  searchDirectory,
  chooseDirectoryService,
} from "./projects.server";
import { editGuide, getGuide } from "./guide.server";
import { getRecruitment, saveRecruitment } from "./recruitment.server";
import {
  evaluationCodes,
  evaluationGuideVersions,
  evaluationPhaseChanges,
  evaluationProjects,
  evaluationReports,
  evaluationSessions,
  evaluationCodings,
  evaluationStatements,
  evaluationTeam,
} from "./evaluations.schema";
import type { NewProjectInput } from "./evaluations.forms";
import { editProjectSchema } from "./evaluations.forms";

let handle: DbHandle;
let db: Db;
let kbt: string;
let bikuben: string;

type Persona = "lead" | "interviewer" | "interviewer_other" | "service_contact" | "service_contact_other" | "coordinator" | "coordinator_other" | "participant" | "administrator";
const who: Record<Persona, Actor> = {} as Record<Persona, Actor>;

const input = (over: Partial<NewProjectInput> = {}): NewProjectInput => ({
  title: "Evaluering av DPS Testby",
  serviceName: "DPS Testby, poliklinikk",
  serviceKind: "dps",
  kommunenummer: "5001",
  periodStart: "2026-01-01",
  periodEnd: "2026-12-31",
  serviceId: null,
  leadId: who.lead.userId,
  ...over,
});

async function person(email: string, centreId: string, role: string): Promise<Actor> {
  const { userId } = await signUpConfirmed(db, {
    name: email.split("@")[0]!,
    email,
    password: "et-langt-passord-2026",
  });
  await db.insert(memberships).values({ centreId, userId, role });
  return actorFor(db, email);
}

let projectId: string;
let otherProjectId: string;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  expect(await loadDemoData(db)).toBe(true);
  const centres = await listCentres(db);
  kbt = centres.find((c) => c.shortName === "KBT")!.id;
  bikuben = centres.find((c) => c.shortName === "Bikuben")!.id;
  who.coordinator = await actorFor(db, "koordinator@example.org");
  who.interviewer = await actorFor(db, "intervjuer@example.org");
  who.service_contact = await actorFor(db, "tjeneste@example.org");
  who.participant = await actorFor(db, "deltaker@example.org");
  who.administrator = await actorFor(db, "admin@example.org");
  who.lead = await person("bsb-leder@test.example", kbt, "interviewer");
  who.interviewer_other = await person("bsb-intervjuer@test.example", kbt, "interviewer");
  who.service_contact_other = await person("bsb-tjeneste@test.example", kbt, "service_contact");
  who.coordinator_other = await person("bsb-koordinator@test.example", bikuben, "coordinator");
  const created = await createProject(db, who.coordinator, kbt, input(), {
    lang: "nb",
  });
  if (!created.ok) throw new Error("not created");
  projectId = created.projectId;
  const other = await createProject(db, who.coordinator, kbt, input({ title: "Den andre", leadId: who.lead.userId }), { lang: "nb" });
  if (!other.ok) throw new Error("not created");
  otherProjectId = other.projectId;
  await setTeam(db, who.coordinator, projectId, {
    leadId: who.lead.userId,
    interviewers: [who.interviewer.userId],
    serviceContacts: [who.service_contact.userId],
  });
  await setTeam(db, who.coordinator, otherProjectId, {
    leadId: who.lead.userId,
    interviewers: [who.interviewer_other.userId],
    serviceContacts: [who.service_contact_other.userId],
  });
});
afterAll(async () => {
  await handle?.close();
});

describe(`evaluation projects on ${dbKind}`, () => {
  it("creates a project with the ten codes in the creator's language, an empty guide v1 and its first phase", async () => {
    const created = await createProject(db, who.coordinator, kbt, input({ title: "På nynorsk" }), { lang: "nn" });
    expect(created.ok).toBe(true);
    const id = (created as { projectId: string }).projectId;
    const codes = await db
      .select({
        name: evaluationCodes.name,
        shippedId: evaluationCodes.shippedId,
      })
      .from(evaluationCodes)
      .where(eq(evaluationCodes.projectId, id))
      .orderBy(asc(evaluationCodes.position));
    expect(codes.map((c) => c.shippedId)).toEqual(shippedCodes.map((c) => c.id));
    expect(codes.map((c) => c.name)).toContain("Føreseielegheit");
    const versions = await db.select({ number: evaluationGuideVersions.number }).from(evaluationGuideVersions).where(eq(evaluationGuideVersions.projectId, id));
    expect(versions).toEqual([{ number: 1 }]);
    const guide = await getGuide(db, who.lead, id);
    expect(guide.themes).toEqual([]);
    const history = await db
      .select({
        to: evaluationPhaseChanges.toPhase,
        by: evaluationPhaseChanges.changedBy,
      })
      .from(evaluationPhaseChanges)
      .where(eq(evaluationPhaseChanges.projectId, id));
    expect(history).toEqual([{ to: "agreement", by: who.coordinator.userId }]);
    const team = await db.select({ userId: evaluationTeam.userId, role: evaluationTeam.role }).from(evaluationTeam).where(eq(evaluationTeam.projectId, id));
    expect(team).toEqual([{ userId: who.lead.userId, role: "lead" }]);
    const audit = await db
      .select({
        type: auditEvents.entityType,
        subject: auditEvents.subjectUserId,
      })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(audit).toEqual(
      expect.arrayContaining([
        { type: "evaluation_project", subject: null },
        { type: "evaluation_team", subject: who.lead.userId },
      ]),
    );
  });

  it("refuses a lead who is not a member of the centre, and anyone but a coordinator of it", async () => {
    const refused = await createProject(db, who.coordinator, kbt, input({ leadId: who.coordinator_other.userId }), { lang: "nb" });
    expect(refused).toEqual({
      ok: false,
      errors: { leadId: "evaluations.project.error.lead_not_member" },
    });
    for (const p of ["lead", "interviewer", "service_contact", "participant", "coordinator_other", "administrator"] as const) {
      await expect(createProject(db, who[p], kbt, input(), { lang: "nb" }), p).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(newProjectOptions(db, who.participant)).rejects.toBeInstanceOf(ForbiddenError);
    const options = await newProjectOptions(db, who.coordinator);
    expect(options.map((c) => c.id)).toEqual([kbt]);
    expect(options[0]!.members.map((m) => m.id)).toContain(who.lead.userId);
  });

  it("lists the projects a person is on with their role, the centre's for coordinators, all (phase only) for administrators", async () => {
    const ours = (rows: { id: string }[]) =>
      rows
        .filter((r) => r.id === projectId || r.id === otherProjectId)
        .map((r) => r.id)
        .sort();
    const sc = await listProjects(db, who.service_contact);
    expect(ours(sc.mine)).toEqual([projectId]);
    expect(sc.mine.find((r) => r.id === projectId)!.roles).toEqual(["service_contact"]);
    expect(ours(sc.centre)).toEqual([]);
    const coordinator = await listProjects(db, who.coordinator);
    expect(ours(coordinator.centre)).toEqual([projectId, otherProjectId].sort());
    expect(ours((await listProjects(db, who.coordinator_other)).centre)).toEqual([]);
    expect(ours((await listProjects(db, who.participant)).mine)).toEqual([]);
    const admin = await listProjects(db, who.administrator);
    expect(ours(admin.all)).toEqual([projectId, otherProjectId].sort());
    expect(admin.all.every((r) => r.serviceName === "")).toBe(true);
  });

  it("moves through phases one at a time, explains each refusal, goes back freely and records who and when", async () => {
    const id = ((await createProject(db, who.coordinator, kbt, input({ title: "Faser" }), { lang: "nb" })) as { projectId: string }).projectId;
    // Skipping is refused; the next phase needs the agreement and a site.
    expect(await changePhase(db, who.lead, id, "recruitment")).toEqual({
      ok: false,
      reasons: ["evaluations.phase.error.skipped"],
    });
    expect(await changePhase(db, who.lead, id, "agreement")).toEqual({
      ok: false,
      reasons: ["evaluations.phase.error.same"],
    });
    expect(await changePhase(db, who.lead, id, "theme_guide")).toEqual({
      ok: false,
      reasons: ["evaluations.phase.needs.agreement", "evaluations.phase.needs.site"],
    });
    const { project } = await getProjectForEdit(db, who.lead, id);
    const edit = editProjectSchema.parse({
      ...project,
      kommunenummer: project.kommunenummer ?? "",
      periodEnd: project.periodEnd ?? "",
      serviceId: "",
      dialogueConferenceDate: "",
      agreementDate: "2026-01-10",
      agreementText: "Avtalt med tjenesten.",
      k: "5",
      listedNames: "",
      revision: String(project.revision),
    });
    expect(await updateProject(db, who.lead, id, edit)).toEqual({ ok: true });
    expect(await addSite(db, who.lead, id, "Ambulant team")).toEqual({
      ok: true,
    });
    expect(await changePhase(db, who.lead, id, "theme_guide")).toEqual({
      ok: true,
      direction: "forward",
    });
    // An empty guide cannot leave the theme-guide phase.
    expect(await changePhase(db, who.lead, id, "recruitment")).toEqual({
      ok: false,
      reasons: ["evaluations.phase.needs.guide_theme"],
    });
    await editGuide(db, who.lead, id, { kind: "template", lang: "nb" });
    expect(await changePhase(db, who.lead, id, "recruitment")).toEqual({
      ok: true,
      direction: "forward",
    });
    expect(await changePhase(db, who.lead, id, "interviews")).toEqual({
      ok: false,
      reasons: ["evaluations.phase.needs.interviewer"],
    });
    await setTeam(db, who.lead, id, {
      leadId: who.lead.userId,
      interviewers: [who.interviewer.userId],
      serviceContacts: [],
    });
    expect(await changePhase(db, who.lead, id, "interviews")).toEqual({
      ok: true,
      direction: "forward",
    });
    expect(await changePhase(db, who.lead, id, "analysis")).toEqual({
      ok: false,
      reasons: ["evaluations.phase.needs.session"],
    });
    // Back to any earlier phase, without requirements.
    expect(await changePhase(db, who.lead, id, "agreement")).toEqual({
      ok: true,
      direction: "back",
    });
    const history = await db
      .select({
        from: evaluationPhaseChanges.fromPhase,
        to: evaluationPhaseChanges.toPhase,
        by: evaluationPhaseChanges.changedBy,
      })
      .from(evaluationPhaseChanges)
      .where(eq(evaluationPhaseChanges.projectId, id))
      .orderBy(asc(evaluationPhaseChanges.changedAt));
    expect(history.map((h) => `${h.from}>${h.to}`)).toEqual(["agreement>agreement", "agreement>theme_guide", "theme_guide>recruitment", "recruitment>interviews", "interviews>agreement"]);
    expect(history.slice(1).every((h) => h.by === who.lead.userId)).toBe(true);
    const overview = await getProjectOverview(db, who.coordinator, id);
    expect(overview.project.phase).toBe("agreement");
    expect(overview.history[0]).toMatchObject({
      from: "interviews",
      to: "agreement",
      by: "bsb-leder",
    });
    expect(overview.needs).toEqual([]);
  });

  it("counts the project's state in one query: sessions, analysed sessions, published reports", async () => {
    const state = await projectState(db, projectId);
    expect(state).toMatchObject({
      phase: "agreement",
      sites: 0,
      interviewers: 1,
      sessions: 0,
      analysedSessions: 0,
      processReportPublished: false,
    });
    const [site] = await db
      .insert((await import("./evaluations.schema")).evaluationSites)
      .values({ projectId, name: "Sted" })
      .returning();
    const [version] = await db.select({ id: evaluationGuideVersions.id }).from(evaluationGuideVersions).where(eq(evaluationGuideVersions.projectId, projectId));
    const [s1] = await db
      .insert(evaluationSessions)
      .values({
        projectId,
        siteId: site!.id,
        guideVersionId: version!.id,
        kind: "group",
        heldOn: "2026-03-01",
        participants: 5,
      })
      .returning();
    await db.insert(evaluationSessions).values({
      projectId,
      siteId: site!.id,
      guideVersionId: version!.id,
      kind: "individual",
      heldOn: "2026-03-02",
      participants: 1,
    });
    const [st] = await db
      .insert(evaluationStatements)
      .values({
        projectId,
        sessionId: s1!.id,
        text: "Bra",
        polarity: "positive",
      })
      .returning();
    const [code] = await db.select({ id: evaluationCodes.id }).from(evaluationCodes).where(eq(evaluationCodes.projectId, projectId)).limit(1);
    await db.insert(evaluationCodings).values({
      statementId: st!.id,
      codeId: code!.id,
      projectId,
      sessionId: s1!.id,
    });
    await db.insert(evaluationReports).values({ projectId, kind: "process", publishedAt: new Date() });
    await db.insert(evaluationReports).values({ projectId, kind: "final" });
    expect(await projectState(db, projectId)).toMatchObject({
      sites: 1,
      sessions: 2,
      analysedSessions: 1,
      processReportPublished: true,
      finalReportPublished: false,
    });
    // A site a session was held at stays.
    expect(await removeSite(db, who.lead, projectId, site!.id)).toEqual({
      ok: false,
      error: "evaluations.site.error.in_use",
    });
  });

  it("counts the dialogue conference as held from its date in Oslo, also in the hour or two after midnight when UTC is still on the day before", async () => {
    const held = async (date: string | null, now: string) => {
      await db.update(evaluationProjects).set({ dialogueConferenceDate: date }).where(eq(evaluationProjects.id, projectId));
      return (await projectState(db, projectId, new Date(now))).dialogueConferenceHeld;
    };
    const [before] = await db.select({ date: evaluationProjects.dialogueConferenceDate }).from(evaluationProjects).where(eq(evaluationProjects.id, projectId));
    try {
      // Winter (UTC+1): 00:30 on 11 March in Oslo is 23:30 on 10 March in UTC.
      expect(await held("2026-03-11", "2026-03-10T23:30:00Z")).toBe(true);
      expect(await held("2026-03-11", "2026-03-10T22:59:00Z")).toBe(false); // 23:59 on 10 March in Oslo
      // Summer (UTC+2): 01:30 on 15 June in Oslo is 23:30 on 14 June in UTC.
      expect(await held("2026-06-15", "2026-06-14T23:30:00Z")).toBe(true);
      expect(await held("2026-06-15", "2026-06-14T21:59:00Z")).toBe(false); // 23:59 on 14 June in Oslo
      expect(await held("2026-06-14", "2026-06-14T21:59:00Z")).toBe(true);
      expect(await held(null, "2026-06-14T23:30:00Z")).toBe(false);
    } finally {
      await db.update(evaluationProjects).set({ dialogueConferenceDate: before!.date }).where(eq(evaluationProjects.id, projectId));
    }
  });

  it("adds, renames and removes sites; a name twice is refused; a site of another project is 404", async () => {
    const id = ((await createProject(db, who.coordinator, kbt, input({ title: "Steder" }), { lang: "nb" })) as { projectId: string }).projectId;
    await addSite(db, who.lead, id, "Døgnpost");
    expect(await addSite(db, who.lead, id, "døgnpost")).toEqual({
      ok: false,
      error: "evaluations.site.error.duplicate",
    });
    const { sites } = await getProjectForEdit(db, who.lead, id);
    expect(await renameSite(db, who.lead, id, sites[0]!.id, "Døgnpost 2")).toEqual({ ok: true });
    const elsewhere = (await getProjectForEdit(db, who.lead, projectId)).sites[0]!.id;
    await expect(renameSite(db, who.lead, id, elsewhere, "x")).rejects.toBeInstanceOf(NotFoundError);
    expect(await removeSite(db, who.lead, id, sites[0]!.id)).toEqual({
      ok: true,
    });
    expect((await getProjectForEdit(db, who.lead, id)).sites).toEqual([]);
  });

  it("finds the evaluated service in the offers directory and copies its name", async () => {
    const found = await searchDirectory(db, "fontenehus");
    expect(found.length).toBeGreaterThan(0);
    expect(await searchDirectory(db, "x")).toEqual([]);
    expect(await searchDirectory(db, "%_%")).toEqual([]);
    const id = ((await createProject(db, who.coordinator, kbt, input({ title: "Katalog" }), { lang: "nb" })) as { projectId: string }).projectId;
    expect(await chooseDirectoryService(db, who.lead, id, found[0]!.id)).toBe(true);
    const [row] = await db.select({ serviceName: evaluationProjects.serviceName, serviceId: evaluationProjects.serviceId }).from(evaluationProjects).where(eq(evaluationProjects.id, id));
    expect(row).toEqual({ serviceName: found[0]!.name, serviceId: found[0]!.id });
    expect(await chooseDirectoryService(db, who.lead, id, "00000000-0000-4000-8000-000000000000")).toBe(false);
  });

  it("tells a save that started from an older revision, and saves nothing", async () => {
    const { project } = await getProjectForEdit(db, who.lead, otherProjectId);
    const base = {
      ...project,
      kommunenummer: "",
      periodEnd: "",
      serviceId: "",
      agreementDate: "",
      dialogueConferenceDate: "",
      k: "5",
      listedNames: "Kari\nOle",
      revision: String(project.revision),
    };
    expect(await updateProject(db, who.lead, otherProjectId, editProjectSchema.parse({ ...base, purpose: "Først" }))).toEqual({ ok: true });
    expect(await updateProject(db, who.lead, otherProjectId, editProjectSchema.parse({ ...base, purpose: "Senere" }))).toEqual({ ok: false, conflict: true });
    const [row] = await db
      .select({
        purpose: evaluationProjects.purpose,
        listedNames: evaluationProjects.listedNames,
      })
      .from(evaluationProjects)
      .where(eq(evaluationProjects.id, otherProjectId));
    expect(row).toEqual({ purpose: "Først", listedNames: ["Kari", "Ole"] });
  });
});

describe(`the project's team on ${dbKind}`, () => {
  it("names interviewers only among the centre's interviewers and contacts among its service contacts", async () => {
    const team = await getTeam(db, who.coordinator, projectId);
    expect(team.candidates.interviewers.map((p) => p.id)).toEqual(expect.arrayContaining([who.interviewer.userId, who.lead.userId]));
    expect(team.candidates.interviewers.map((p) => p.id)).not.toContain(who.participant.userId);
    expect(
      await setTeam(db, who.coordinator, projectId, {
        leadId: who.lead.userId,
        interviewers: [who.participant.userId],
        serviceContacts: [who.interviewer.userId],
      }),
    ).toEqual({
      ok: false,
      errors: {
        interviewers: "evaluations.team.error.not_interviewer",
        serviceContacts: "evaluations.team.error.not_service_contact",
      },
    });
    // Someone of another centre cannot lead or be on the team.
    expect(
      await setTeam(db, who.coordinator, projectId, {
        leadId: who.coordinator_other.userId,
        interviewers: [],
        serviceContacts: [],
      }),
    ).toEqual({
      ok: false,
      errors: { leadId: "evaluations.team.error.not_member" },
    });
    const [row] = await db
      .select()
      .from(evaluationTeam)
      .where(and(eq(evaluationTeam.projectId, projectId), eq(evaluationTeam.role, "interviewer")));
    expect(row!.userId).toBe(who.interviewer.userId);
  });

  it("records who was put on or taken off, with the person it concerns", async () => {
    const id = (
      (await createProject(db, who.coordinator, kbt, input({ title: "Team" }), {
        lang: "nb",
      })) as { projectId: string }
    ).projectId;
    await setTeam(db, who.coordinator, id, {
      leadId: who.lead.userId,
      interviewers: [who.interviewer.userId],
      serviceContacts: [],
    });
    await setTeam(db, who.lead, id, {
      leadId: who.lead.userId,
      interviewers: [],
      serviceContacts: [who.service_contact.userId],
    });
    const audit = await db
      .select({
        action: auditEvents.action,
        subject: auditEvents.subjectUserId,
        role: auditEvents.actorRole,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.entityType, "evaluation_team")));
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          action: "create",
          subject: who.interviewer.userId,
          role: "coordinator",
        },
        { action: "delete", subject: who.interviewer.userId, role: "lead" },
        { action: "create", subject: who.service_contact.userId, role: "lead" },
      ]),
    );
  });
});

describe(`who may do what on a project, on ${dbKind}`, () => {
  type Outcome = "ok" | 403 | 404;
  const useCases: Record<string, (a: Actor) => Promise<unknown>> = {
    overview: (a) => getProjectOverview(db, a, projectId),
    change_phase: (a) => changePhase(db, a, projectId, "agreement"),
    edit: (a) => getProjectForEdit(db, a, projectId),
    add_site: (a) => addSite(db, a, projectId, `Sted ${Math.random()}`),
    team: (a) => getTeam(db, a, projectId),
    set_team: (a) =>
      setTeam(db, a, projectId, {
        leadId: who.lead.userId,
        interviewers: [who.interviewer.userId],
        serviceContacts: [who.service_contact.userId],
      }),
    guide: (a) => getGuide(db, a, projectId),
    edit_guide: (a) => editGuide(db, a, projectId, { kind: "add_theme", title: "Tema" }),
    recruitment: (a) => getRecruitment(db, a, projectId),
    save_recruitment: (a) => saveRecruitment(db, a, projectId, []),
  };
  // Written out by hand: persona → use case → outcome. No role on the project is 404 everywhere.
  const none = Object.fromEntries(Object.keys(useCases).map((k) => [k, 404])) as Record<string, Outcome>;
  const expected: Record<Persona, Record<string, Outcome>> = {
    lead: {
      overview: "ok",
      change_phase: "ok",
      edit: "ok",
      add_site: "ok",
      team: "ok",
      set_team: "ok",
      guide: "ok",
      edit_guide: "ok",
      recruitment: "ok",
      save_recruitment: "ok",
    },
    interviewer: {
      overview: "ok",
      change_phase: 403,
      edit: 403,
      add_site: 403,
      team: 403,
      set_team: 403,
      guide: "ok",
      edit_guide: "ok",
      recruitment: 403,
      save_recruitment: 403,
    },
    interviewer_other: none,
    service_contact: {
      overview: "ok",
      change_phase: 403,
      edit: 403,
      add_site: 403,
      team: 403,
      set_team: 403,
      guide: "ok",
      edit_guide: "ok",
      recruitment: "ok",
      save_recruitment: "ok",
    },
    service_contact_other: none,
    coordinator: {
      overview: "ok",
      change_phase: 403,
      edit: 403,
      add_site: 403,
      team: "ok",
      set_team: "ok",
      guide: 403,
      edit_guide: 403,
      recruitment: 403,
      save_recruitment: 403,
    },
    coordinator_other: none,
    participant: none,
    administrator: {
      overview: "ok",
      change_phase: 403,
      edit: 403,
      add_site: 403,
      team: 403,
      set_team: 403,
      guide: 403,
      edit_guide: 403,
      recruitment: 403,
      save_recruitment: 403,
    },
  };
  for (const persona of Object.keys(expected) as Persona[]) {
    for (const [name, run] of Object.entries(useCases)) {
      const outcome = expected[persona][name];
      it(`${persona}: ${name} → ${outcome}`, async () => {
        const result = run(who[persona]);
        if (outcome === "ok") await result;
        else await expect(result).rejects.toBeInstanceOf(outcome === 404 ? NotFoundError : ForbiddenError);
      });
    }
  }

  it("shows an administrator where the project stands, not its team or agreement", async () => {
    const overview = await getProjectOverview(db, who.administrator, projectId);
    expect(overview.administratorOnly).toBe(true);
    expect(overview.team).toEqual([]);
    expect(overview.history).toEqual([]);
    expect(overview.project.agreementText).toBe("");
  });

  it("answers 404 for a project that does not exist", async () => {
    await expect(getProjectOverview(db, who.coordinator, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
