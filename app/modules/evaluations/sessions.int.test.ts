import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "~/modules/audit/audit.schema";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { ForbiddenError, listCentres, NotFoundError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import type { Actor } from "~/modules/centres/permissions";
import {
  evaluationGuideQuestions,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationNotes,
  evaluationProjects,
  evaluationQuotes,
  evaluationSites,
  evaluationTeam,
} from "./evaluations.schema";
import { addQuote, createSession, getSession, listSessions, saveNotes, textDigest, updateSession } from "./sessions.server";
import { sessionSchema } from "./sessions.forms";
import { parseForm } from "~/lib/forms";

let handle: DbHandle;
let db: Db;
let lead: Actor, interviewer: Actor, second: Actor, contact: Actor, coordinator: Actor, admin: Actor, participant: Actor, otherInterviewer: Actor;
let project: string, other: string, site: string, ambulant: string, themes: string[];

/** A project of KBT in the interviews phase, with two sites, a guide of two themes and a team. */
async function makeProject(title: string, team: { userId: string; role: string }[]) {
  const [p] = await db
    .insert(evaluationProjects)
    .values({ centreId: kbt, title, serviceName: "DPS Testbyen", serviceKind: "dps", periodStart: "2026-02-01", periodEnd: "2026-09-30", phase: "interviews", listedNames: ["Doktor Hansen"] })
    .returning({ id: evaluationProjects.id });
  const sites = await db
    .insert(evaluationSites)
    .values([
      { projectId: p!.id, name: "Poliklinikken", position: 1 },
      { projectId: p!.id, name: "Ambulant team", position: 2 },
    ])
    .returning({ id: evaluationSites.id });
  await db.insert(evaluationTeam).values(team.map((m) => ({ projectId: p!.id, ...m })));
  const [v] = await db.insert(evaluationGuideVersions).values({ projectId: p!.id, number: 1 }).returning({ id: evaluationGuideVersions.id });
  const ts = await db
    .insert(evaluationGuideThemes)
    .values([
      { versionId: v!.id, position: 1, title: "Respekt" },
      { versionId: v!.id, position: 2, title: "Informasjon" },
    ])
    .returning({ id: evaluationGuideThemes.id });
  await db.insert(evaluationGuideQuestions).values({ themeId: ts[0]!.id, position: 1, text: "Hvordan ble du møtt?" });
  return { id: p!.id, sites: sites.map((s) => s.id), themes: ts.map((t) => t.id), version: v!.id };
}

let kbt: string;
let version: string;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
  const { userId: secondId } = await signUpConfirmed(db, { name: "Intervjuer To", email: "to@example.org", password: "et-langt-passord-2026" });
  const { userId: otherId } = await signUpConfirmed(db, { name: "Intervjuer Annen", email: "annen@example.org", password: "et-langt-passord-2026" });
  await db.insert(memberships).values([
    { userId: secondId, centreId: kbt, role: "interviewer" },
    { userId: otherId, centreId: kbt, role: "interviewer" },
  ]);
  lead = await actorFor(db, "koordinator@example.org");
  interviewer = await actorFor(db, "intervjuer@example.org");
  second = await actorFor(db, "to@example.org");
  otherInterviewer = await actorFor(db, "annen@example.org");
  contact = await actorFor(db, "tjeneste@example.org");
  participant = await actorFor(db, "deltaker@example.org");
  admin = await actorFor(db, "admin@example.org");
  // A coordinator of KBT who is not on the team: the demo coordinator is the lead, so make another one.
  const { userId: coordId } = await signUpConfirmed(db, { name: "Koordinator To", email: "koord2@example.org", password: "et-langt-passord-2026" });
  await db.insert(memberships).values({ userId: coordId, centreId: kbt, role: "coordinator" });
  coordinator = await actorFor(db, "koord2@example.org");
  const made = await makeProject("Evaluering A", [
    { userId: lead.userId, role: "lead" },
    { userId: interviewer.userId, role: "interviewer" },
    { userId: second.userId, role: "interviewer" },
    { userId: contact.userId, role: "service_contact" },
  ]);
  project = made.id;
  [site, ambulant] = made.sites as [string, string];
  themes = made.themes;
  version = made.version;
  other = (await makeProject("Evaluering B", [{ userId: otherInterviewer.userId, role: "interviewer" }])).id;
});
afterAll(async () => {
  await handle?.close();
});

/** The session form as a browser sends it, through the form schema. */
function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) data.append(k, one);
  return parseForm(sessionSchema, data, ["interviewers"]);
}

const good = () => ({ kind: "group", heldOn: "2026-03-12", siteId: site, participants: "5", interviewers: [interviewer.userId, second.userId] });

describe(`interview sessions on ${dbKind}`, () => {
  it("refuses each bad input with its own message", async () => {
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ participants: "0" }, "participants", "evaluations.session.error.group_size"],
      [{ participants: "8" }, "participants", "evaluations.session.error.group_size"],
      [{ participants: "-3" }, "participants", "evaluations.session.error.group_size"],
      [{ kind: "individual", participants: "2", interviewers: [interviewer.userId] }, "participants", "evaluations.session.error.individual_size"],
      [{ heldOn: "2026-01-31" }, "heldOn", "evaluations.session.error.before_period"],
      [{ heldOn: "01.10.2026" }, "heldOn", "evaluations.session.error.after_period"],
      [{ heldOn: "2026-02-30" }, "heldOn", "evaluations.session.error.date"],
      [{ interviewers: [interviewer.userId] }, "interviewers", "evaluations.session.error.interviewers_group"],
      [{ interviewers: [interviewer.userId, otherInterviewer.userId] }, "interviewers", "evaluations.session.error.interviewer_not_on_team"],
      [{ siteId: "00000000-0000-4000-8000-000000000000" }, "siteId", "evaluations.session.error.site"],
    ];
    for (const [change, field, message] of cases) {
      const parsed = form({ ...good(), ...change });
      if (!parsed.ok) throw new Error(`form refused ${JSON.stringify(change)}`);
      const result = await createSession(db, interviewer, project, parsed.data);
      expect(result.ok, JSON.stringify(change)).toBe(false);
      if (!result.ok) expect((result.errors as Record<string, string>)[field], JSON.stringify(change)).toBe(message);
    }
    for (const typed of ["fem", "4.5", ""]) {
      const parsed = form({ ...good(), participants: typed });
      if (!parsed.ok) throw new Error("form refused");
      const result = await createSession(db, interviewer, project, parsed.data);
      expect(!result.ok && result.errors.participants).toBe("evaluations.session.error.participants_whole_number");
    }
    // Everything wrong at once: every problem is listed together.
    const all = form({ kind: "group", heldOn: "", participants: "9", interviewers: [] });
    if (!all.ok) throw new Error("form refused");
    const refused = await createSession(db, interviewer, project, all.data);
    expect(refused.ok ? [] : Object.keys(refused.errors).sort()).toEqual(["heldOn", "interviewers", "participants", "siteId"]);
    expect((await listSessions(db, interviewer, project)).sessions).toHaveLength(0);
  });

  it("records a group and an individual interview, and marks the guide version as in use", async () => {
    const [before] = await db.select({ inUseAt: evaluationGuideVersions.inUseAt }).from(evaluationGuideVersions).where(eq(evaluationGuideVersions.id, version));
    expect(before!.inUseAt).toBeNull();
    const group = form(good());
    const individual = form({ kind: "individual", heldOn: "12.4.2026", siteId: ambulant, participants: "1", interviewers: [second.userId] });
    if (!group.ok || !individual.ok) throw new Error("form refused");
    expect((await createSession(db, interviewer, project, group.data)).ok).toBe(true);
    expect((await createSession(db, lead, project, individual.data)).ok).toBe(true);
    const [after] = await db.select({ inUseAt: evaluationGuideVersions.inUseAt }).from(evaluationGuideVersions).where(eq(evaluationGuideVersions.id, version));
    expect(after!.inUseAt).not.toBeNull();
    const { sessions } = await listSessions(db, second, project);
    // Opening a session is recorded with its id only.
    await getSession(db, second, project, sessions[0]!.id);
    const reads = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, sessions[0]!.id), eq(auditEvents.action, "read")));
    expect(reads.map((r) => [r.entityType, r.actorUserId, r.subjectUserId])).toEqual([["evaluation_session", second.userId, null]]);
    expect(sessions.map((s) => [s.heldOn, s.siteName, s.kind, s.participants, s.interviewers.length])).toEqual([
      ["2026-04-12", "Ambulant team", "individual", 1, 1],
      ["2026-03-12", "Poliklinikken", "group", 5, 2],
    ]);
  });

  it("warns about identifying details, saves a rewritten note, and stores only the kinds confirmed", async () => {
    const [s] = (await listSessions(db, interviewer, project)).sessions.filter((x) => x.kind === "group");
    const draft = (text: string, confirmed: string[] = [], revision: number | null = null) => [
      { themeId: themes[0]!, text, revision, confirmed: confirmed as never[] },
    ];
    const named = "Kari sa at hun ble godt møtt.\nRing 912 34 567 om Ambulant team.";
    const warned = await saveNotes(db, interviewer, project, s!.id, draft(named));
    expect(warned.ok).toBe(false);
    const findings = warned.outcomes[0]!.status === "screening" ? warned.outcomes[0]!.findings : [];
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ["first_name", "Kari"],
      ["phone", "912 34 567"],
      ["listed_name", "Ambulant team"],
    ]);
    expect(await db.select().from(evaluationNotes)).toHaveLength(0);
    // Confirming only some kinds is not enough.
    expect((await saveNotes(db, interviewer, project, s!.id, draft(named, ["first_name"]))).ok).toBe(false);
    // Rewritten: saved, nothing confirmed.
    const rewritten = "En deltaker sa at hun ble godt møtt.";
    expect((await saveNotes(db, interviewer, project, s!.id, draft(rewritten))).outcomes[0]!.status).toBe("saved");
    let [note] = await db.select().from(evaluationNotes);
    expect(note!.text).toBe(rewritten);
    expect(note!.screeningConfirmed).toEqual([]);
    // Confirmed: the kinds are stored, never the words.
    const kept = "Deltakerne roste Ambulant team og Kari på kontoret.";
    expect((await saveNotes(db, interviewer, project, s!.id, draft(kept, ["first_name", "listed_name"], note!.revision))).ok).toBe(true);
    [note] = await db.select().from(evaluationNotes);
    expect(note!.text).toBe(kept);
    expect([...note!.screeningConfirmed].sort()).toEqual(["first_name", "listed_name"]);
    expect(JSON.stringify(note!.screeningConfirmed)).not.toContain("Kari");
    // A project's listed staff name is found too.
    const listed = await saveNotes(db, interviewer, project, s!.id, draft("Doktor Hansen var snill.", [], note!.revision));
    expect(listed.outcomes[0]!.status === "screening" && listed.outcomes[0]!.findings[0]!.kind).toBe("listed_name");
  });

  it("refuses an over-long note and keeps the others unsaved", async () => {
    const [s] = (await listSessions(db, interviewer, project)).sessions.filter((x) => x.kind === "group");
    const result = await saveNotes(db, interviewer, project, s!.id, [
      { themeId: themes[1]!, text: "Fin informasjon.", revision: null, confirmed: [] },
      { themeId: themes[0]!, text: "x".repeat(20_001), revision: 1, confirmed: [] },
    ]);
    expect(result.ok).toBe(false);
    expect(result.outcomes.find((o) => o.themeId === themes[0])!.status).toBe("too_long");
    expect((await db.select().from(evaluationNotes).where(eq(evaluationNotes.themeId, themes[1]!))).length).toBe(0);
  });

  it("tells the later of two interviewers saving the same note, and shows the other version", async () => {
    const [s] = (await listSessions(db, interviewer, project)).sessions.filter((x) => x.kind === "group");
    const opened = (await getSession(db, interviewer, project, s!.id)).themes[0]!.note!;
    const first = await saveNotes(db, interviewer, project, s!.id, [{ themeId: themes[0]!, text: "Versjon fra første.", revision: opened.revision, confirmed: [] }]);
    expect(first.ok).toBe(true);
    const later = await saveNotes(db, second, project, s!.id, [{ themeId: themes[0]!, text: "Versjon fra andre.", revision: opened.revision, confirmed: [] }]);
    expect(later.ok).toBe(false);
    const outcome = later.outcomes[0]!;
    expect(outcome.status).toBe("conflict");
    if (outcome.status === "conflict") expect(outcome.theirs.text).toBe("Versjon fra første.");
    expect((await getSession(db, second, project, s!.id)).themes[0]!.note!.text).toBe("Versjon fra første.");
    // Having seen it, the later writer keeps theirs.
    expect((await saveNotes(db, second, project, s!.id, [{ themeId: themes[0]!, text: "Versjon fra andre.", revision: null, confirmed: [], force: true }])).ok).toBe(true);
    expect((await getSession(db, second, project, s!.id)).themes[0]!.note!.text).toBe("Versjon fra andre.");
  });

  it("leaves a note the writer did not touch alone, though another interviewer changed it meanwhile", async () => {
    const [s] = (await listSessions(db, interviewer, project)).sessions.filter((x) => x.kind === "group");
    const opened = (await getSession(db, second, project, s!.id)).themes;
    const shown = opened[0]!.note!;
    expect((await saveNotes(db, interviewer, project, s!.id, [{ themeId: themes[0]!, text: "Ny tekst fra første.", revision: shown.revision, confirmed: [] }])).ok).toBe(true);
    // The second interviewer's form still holds the old text of theme 1 (untouched) and new text in theme 2.
    const result = await saveNotes(db, second, project, s!.id, [
      { themeId: themes[0]!, text: shown.text, revision: shown.revision, confirmed: [], started: textDigest(shown.text) },
      { themeId: themes[1]!, text: "Informasjonen kom sent.", revision: null, confirmed: [], started: textDigest("") },
    ]);
    expect(result.ok).toBe(true);
    const now = (await getSession(db, second, project, s!.id)).themes;
    expect(now.map((th) => th.note?.text)).toEqual(["Ny tekst fra første.", "Informasjonen kom sent."]);
  });

  it("tells the later of two saves of a session's facts", async () => {
    const [s] = (await listSessions(db, interviewer, project)).sessions.filter((x) => x.kind === "group");
    const { session } = await getSession(db, interviewer, project, s!.id);
    const parsed = form({ ...good(), participants: "6" });
    if (!parsed.ok) throw new Error("form refused");
    expect((await updateSession(db, interviewer, project, s!.id, { ...parsed.data, revision: session.revision })).ok).toBe(true);
    const later = await updateSession(db, second, project, s!.id, { ...parsed.data, participants: 4, revision: session.revision });
    expect(later.ok === false && "conflict" in later).toBe(true);
    expect((await getSession(db, second, project, s!.id)).session.participants).toBe(6);
  });

  it("screens quotes and refuses a quote with a phone number until rewritten or confirmed", async () => {
    const [s] = (await listSessions(db, interviewer, project)).sessions.filter((x) => x.kind === "group");
    const warned = await addQuote(db, interviewer, project, s!.id, { themeId: themes[1]!, text: "Ring meg på 22 33 44 55.", confirmed: [] });
    expect(warned.ok === false && "findings" in warned && warned.findings.map((f) => f.kind)).toEqual(["phone"]);
    expect(await db.select().from(evaluationQuotes)).toHaveLength(0);
    expect((await addQuote(db, interviewer, project, s!.id, { themeId: themes[1]!, text: "Jeg fikk aldri vite hva som skulle skje.", confirmed: [] })).ok).toBe(true);
    expect((await addQuote(db, interviewer, project, s!.id, { themeId: themes[1]!, text: "x".repeat(2001), confirmed: [] })).ok).toBe(false);
    const quotes = await db.select().from(evaluationQuotes);
    expect(quotes.map((q) => q.text)).toEqual(["Jeg fikk aldri vite hva som skulle skje."]);
  });

  it("lets no one outside the analysis team list or open a session", async () => {
    const [s] = (await listSessions(db, interviewer, project)).sessions;
    const forbidden: [string, Actor][] = [
      ["service contact", contact],
      ["coordinator not on the team", coordinator],
      ["administrator", admin],
    ];
    for (const [who, actor] of forbidden) {
      await expect(listSessions(db, actor, project), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getSession(db, actor, project, s!.id), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(saveNotes(db, actor, project, s!.id, []), who).rejects.toBeInstanceOf(ForbiddenError);
    }
    const unknown: [string, Actor | null][] = [
      ["interviewer of another project", otherInterviewer],
      ["participant", participant],
      ["visitor", null],
    ];
    for (const [who, actor] of unknown) {
      await expect(listSessions(db, actor, project), who).rejects.toBeInstanceOf(NotFoundError);
      await expect(getSession(db, actor, project, s!.id), who).rejects.toBeInstanceOf(NotFoundError);
    }
    // A session id of this project under another project's URL is not found, even for that project's team.
    await expect(getSession(db, otherInterviewer, other, s!.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
