import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { ForbiddenError, listCentres, NotFoundError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import type { Actor } from "~/modules/centres/permissions";
import { evaluationCodings, evaluationGuideThemes, evaluationGuideVersions, evaluationProjects, evaluationSites, evaluationStatements, evaluationTeam } from "./evaluations.schema";
import { createSession, saveNotes } from "./sessions.server";
import {
  addCode,
  addShippedCodes,
  listCodes,
  renameCode,
  saveCodings,
  sessionStatements,
  sessionsToCode,
  setCodeArchived,
  splitSessionNotes,
  teamCodeFigures,
} from "./analysis.server";
import { teamFigures } from "./figures.server";

let handle: DbHandle;
let db: Db;
let lead: Actor, interviewer: Actor, second: Actor, contact: Actor, coordinator: Actor, admin: Actor, participant: Actor, otherInterviewer: Actor;
let project: string, other: string, theme: string, site: string;

async function makeProject(centreId: string, title: string, team: { userId: string; role: string }[]) {
  const [p] = await db
    .insert(evaluationProjects)
    .values({ centreId, title, serviceName: "DPS Testbyen", serviceKind: "dps", periodStart: "2026-02-01", periodEnd: "2026-09-30", phase: "analysis" })
    .returning({ id: evaluationProjects.id });
  const [s] = await db.insert(evaluationSites).values({ projectId: p!.id, name: "Poliklinikken" }).returning({ id: evaluationSites.id });
  await db.insert(evaluationTeam).values(team.map((m) => ({ projectId: p!.id, ...m })));
  const [v] = await db.insert(evaluationGuideVersions).values({ projectId: p!.id, number: 1 }).returning({ id: evaluationGuideVersions.id });
  const [th] = await db.insert(evaluationGuideThemes).values({ versionId: v!.id, position: 1, title: "Generelt" }).returning({ id: evaluationGuideThemes.id });
  return { id: p!.id, site: s!.id, theme: th!.id };
}

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  const kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
  const made = await Promise.all(
    ["to@example.org", "annen@example.org", "koord2@example.org"].map((email) => signUpConfirmed(db, { name: email, email, password: "et-langt-passord-2026" })),
  );
  await db.insert(memberships).values([
    { userId: made[0]!.userId, centreId: kbt, role: "interviewer" },
    { userId: made[1]!.userId, centreId: kbt, role: "interviewer" },
    { userId: made[2]!.userId, centreId: kbt, role: "coordinator" },
  ]);
  [lead, interviewer, second, otherInterviewer, coordinator, contact, participant, admin] = await Promise.all(
    ["koordinator", "intervjuer", "to", "annen", "koord2", "tjeneste", "deltaker", "admin"].map((n) => actorFor(db, `${n}@example.org`)),
  ) as [Actor, Actor, Actor, Actor, Actor, Actor, Actor, Actor];
  const a = await makeProject(kbt, "Evaluering A", [
    { userId: lead.userId, role: "lead" },
    { userId: interviewer.userId, role: "interviewer" },
    { userId: second.userId, role: "interviewer" },
    { userId: contact.userId, role: "service_contact" },
  ]);
  ({ id: project, theme, site } = a);
  other = (await makeProject(kbt, "Evaluering B", [{ userId: otherInterviewer.userId, role: "interviewer" }])).id;
});
afterAll(async () => {
  await handle?.close();
});

async function session(kind: "group" | "individual", participants: number, note: string) {
  const interviewers = kind === "group" ? [interviewer.userId, second.userId] : [interviewer.userId];
  const made = await createSession(db, interviewer, project, { kind, heldOn: "2026-03-01", siteId: site, participants, interviewers });
  if (!made.ok) throw new Error(JSON.stringify(made.errors));
  expect((await saveNotes(db, interviewer, project, made.id, [{ themeId: theme, text: note, revision: null, confirmed: [] }])).ok).toBe(true);
  return made.id;
}

describe(`the analysis on ${dbKind}`, () => {
  it("copies the shipped codebook once, and keeps own codes, renamed and archived", async () => {
    expect((await addShippedCodes(db, lead, project, "nb")).added).toBe(10);
    expect((await addShippedCodes(db, lead, project, "nb")).added).toBe(0);
    const own = await addCode(db, interviewer, project, { name: "Ventetid", description: "Om å vente på time." });
    expect(own.ok).toBe(true);
    expect(await addCode(db, interviewer, project, { name: "ventetid", description: "" })).toEqual({ ok: false, error: "evaluations.code.error.name_taken" });
    if (own.ok) {
      expect((await renameCode(db, interviewer, project, own.id, { name: "Ventetid og køer", description: "Om å vente." })).ok).toBe(true);
      await setCodeArchived(db, interviewer, project, own.id, true);
      // Another project's team cannot touch this project's code through theirs.
      await expect(renameCode(db, otherInterviewer, other, own.id, { name: "x", description: "" })).rejects.toBeInstanceOf(NotFoundError);
    }
    const { codes } = await listCodes(db, interviewer, project);
    expect(codes).toHaveLength(11);
    expect(codes.find((c) => c.name === "Ventetid og køer")!.archived).toBe(true);
    expect(codes[0]!.name).toBe("Respekt");
  });

  it("splits notes into statements once, codes them, and counts the team's figures per code (by hand)", async () => {
    const { codes } = await listCodes(db, interviewer, project);
    const respect = codes.find((c) => c.shippedId === "respect")!.id;
    const info = codes.find((c) => c.shippedId === "information")!.id;
    const s1 = await session("group", 5, "- Ble møtt med respekt\n- Fikk ikke vite noe\n\n3. Ønsker mer informasjon");
    const s2 = await session("group", 3, "Personalet var stresset\nUsikker");
    const s3 = await session("individual", 1, "Fikk god informasjon");
    for (const s of [s1, s2, s3]) await splitSessionNotes(db, interviewer, project, s);
    expect((await splitSessionNotes(db, interviewer, project, s1)).added).toBe(0);
    const one = await sessionStatements(db, interviewer, project, s1);
    expect(one.statements.map((s) => s.text)).toEqual(["Ble møtt med respekt", "Fikk ikke vite noe", "Ønsker mer informasjon"]);
    const ids = async (s: string) => (await sessionStatements(db, interviewer, project, s)).statements.map((x) => x.id);
    const [a1, a2, a3] = await ids(s1);
    const [b1, b2] = await ids(s2);
    const [c1] = await ids(s3);
    await saveCodings(db, interviewer, project, s1, [
      { statementId: a1!, text: "Ble møtt med respekt", polarity: "positive", codeIds: [respect, info] },
      { statementId: a2!, text: "Fikk ikke vite noe om behandlingen", polarity: "negative", codeIds: [respect] },
      { statementId: a3!, text: "Ønsker mer informasjon", polarity: "suggestion", codeIds: [info] },
    ]);
    await saveCodings(db, second, project, s2, [
      { statementId: b1!, text: "Personalet var stresset", polarity: "negative", codeIds: [respect] },
      { statementId: b2!, text: "Usikker", polarity: null, codeIds: [respect] },
    ]);
    await saveCodings(db, interviewer, project, s3, [{ statementId: c1!, text: "Fikk god informasjon", polarity: "positive", codeIds: [info] }]);
    // Codings carry the project and session of their statement.
    const codings = await db.select().from(evaluationCodings).where(eq(evaluationCodings.statementId, a1!));
    expect(codings.every((c) => c.projectId === project && c.sessionId === s1)).toBe(true);
    expect((await sessionStatements(db, interviewer, project, s1)).statements[1]!.text).toBe("Fikk ikke vite noe om behandlingen");

    const { figures, totals } = await teamCodeFigures(db, lead, project);
    const pick = (id: string) => {
      const f = figures.find((x) => x.codeId === id)!;
      return [f.statements, f.positive, f.negative, f.suggestion, f.unrated, f.sessions, f.participants];
    };
    expect(pick(respect)).toEqual([4, 1, 2, 0, 1, 2, 8]); // s1: 2 statements (5 people), s2: 2 (3 people)
    expect(pick(info)).toEqual([3, 2, 0, 1, 0, 2, 6]); // s1: 2 statements (5 people), s3: 1 (1 person)
    expect(pick(codes.find((c) => c.shippedId === "flexibility")!.id)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(figures.some((f) => f.name === "Ventetid og køer")).toBe(false); // archived and unused
    expect(totals).toMatchObject({ sessions: 3, participants: 9, analysedSessions: 3, statements: 6, coded: 6 });
    // The team's report shows the same figures as the analysis page, for the codes with statements.
    const report = await teamFigures(db, project, 5);
    expect(report.codes.map((c) => [c.codeId, c.statements, c.positive, c.negative, c.suggestion, c.sessions, c.participants])).toEqual(
      figures.filter((f) => f.statements > 0).map((f) => [f.codeId, f.statements, f.positive, f.negative, f.suggestion, f.sessions, f.participants]),
    );
    expect(report.codes.map((c) => c.codeId).sort()).toEqual([respect, info].sort());
    expect((await sessionsToCode(db, interviewer, project)).map((s) => [s.statements, s.coded])).toEqual([
      [3, 3],
      [2, 2],
      [1, 1],
    ]);
    // Recoding replaces codes: a statement moved from respect to info.
    await saveCodings(db, interviewer, project, s2, [{ statementId: b2!, text: "Usikker", polarity: "suggestion", codeIds: [info] }]);
    const after = await teamCodeFigures(db, lead, project);
    expect(after.figures.find((f) => f.codeId === info)!.participants).toBe(9);
    expect(after.figures.find((f) => f.codeId === respect)!.statements).toBe(3);
  });

  it("refuses statements and codes of another session or project", async () => {
    const { codes } = await listCodes(db, interviewer, project);
    const [st] = await db.select({ id: evaluationStatements.id, sessionId: evaluationStatements.sessionId }).from(evaluationStatements).limit(1);
    const someOther = (await db.select({ id: evaluationStatements.id, sessionId: evaluationStatements.sessionId }).from(evaluationStatements)).find(
      (s) => s.sessionId !== st!.sessionId,
    )!;
    await expect(saveCodings(db, interviewer, project, st!.sessionId, [{ statementId: someOther.id, text: "x", polarity: null, codeIds: [] }])).rejects.toBeInstanceOf(NotFoundError);
    await addShippedCodes(db, otherInterviewer, other, "nb");
    const foreign = (await listCodes(db, otherInterviewer, other)).codes[0]!.id;
    await expect(saveCodings(db, interviewer, project, st!.sessionId, [{ statementId: st!.id, text: "x", polarity: null, codeIds: [foreign] }])).rejects.toBeInstanceOf(NotFoundError);
    expect(codes.length).toBeGreaterThan(0);
  });

  it("lets no one outside the analysis team see the analysis, a session's statements or the codes", async () => {
    const [st] = await db.select({ sessionId: evaluationStatements.sessionId }).from(evaluationStatements).limit(1);
    for (const [who, actor] of [
      ["service contact", contact],
      ["coordinator not on the team", coordinator],
      ["administrator", admin],
    ] as const) {
      await expect(teamCodeFigures(db, actor, project), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(sessionStatements(db, actor, project, st!.sessionId), who).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listCodes(db, actor, project), who).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const [who, actor] of [
      ["interviewer of another project", otherInterviewer],
      ["participant", participant],
      ["visitor", null],
    ] as const) {
      await expect(teamCodeFigures(db, actor, project), who).rejects.toBeInstanceOf(NotFoundError);
      await expect(sessionStatements(db, actor, project, st!.sessionId), who).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(sessionStatements(db, otherInterviewer, other, st!.sessionId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("pages a long session's statements for coding: every statement on exactly one page, in order, the last page when asked past it", async () => {
    const lines = Array.from({ length: 57 }, (_, i) => `Utsagn nummer ${i + 1}`).join("\n");
    const long = await session("group", 4, lines);
    await splitSessionNotes(db, interviewer, project, long);
    const pages = await Promise.all([1, 2, 3].map((page) => sessionStatements(db, interviewer, project, long, { page, pageSize: 25 })));
    expect(pages.map((p) => p.paging)).toEqual([
      { page: 1, pages: 3, total: 57, offset: 0 },
      { page: 2, pages: 3, total: 57, offset: 25 },
      { page: 3, pages: 3, total: 57, offset: 50 },
    ]);
    expect(pages.flatMap((p) => p.statements.map((s) => s.text))).toEqual(Array.from({ length: 57 }, (_, i) => `Utsagn nummer ${i + 1}`));
    const past = await sessionStatements(db, interviewer, project, long, { page: 99, pageSize: 25 });
    expect(past.paging.page).toBe(3);
    expect(past.statements.map((s) => s.text)).toEqual(pages[2]!.statements.map((s) => s.text));
  });
});
