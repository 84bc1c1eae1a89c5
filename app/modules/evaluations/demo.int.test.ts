import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { users } from "~/modules/accounts/accounts.schema";
import { findIdentifyingDetails } from "~/lib/identifying-details";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationNotes,
  evaluationPhaseChanges,
  evaluationProjects,
  evaluationQuotes,
  evaluationReports,
  evaluationSessionInterviewers,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
  evaluationTeam,
} from "./evaluations.schema";
import { demoEvaluation, loadDemoEvaluations } from "./demo.server";
import { findProjectAccess } from "./access.server";
import { interviewerProblem, participantCountProblem, projectCan, sessionDateProblem, splitStatements, type SessionKind } from "./evaluations";

let handle: DbHandle;
let db: Db;
let finished: string;
let ongoing: string;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  expect(await loadDemoData(db)).toBe(true);
  expect(await loadDemoEvaluations(db)).toBe(true);
  const projects = await db.select({ id: evaluationProjects.id, title: evaluationProjects.title }).from(evaluationProjects);
  finished = projects.find((p) => p.title === demoEvaluation.title)!.id;
  ongoing = projects.find((p) => p.title === demoEvaluation.ongoingTitle)!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe(`the evaluations demo on ${dbKind}`, () => {
  it("loads once: two projects of KBT, one finished with a public final report, one in the interviews phase", async () => {
    expect(await loadDemoEvaluations(db)).toBe(false);
    const projects = await db.select({ id: evaluationProjects.id, phase: evaluationProjects.phase, serviceName: evaluationProjects.serviceName }).from(evaluationProjects);
    expect(projects).toHaveLength(2);
    expect(projects.find((p) => p.id === finished)).toMatchObject({ phase: "follow_up", serviceName: "DPS Fjordbyen, poliklinikk" });
    expect(projects.find((p) => p.id === ongoing)!.phase).toBe("interviews");
    const reports = await db.select({ kind: evaluationReports.kind, publishedAt: evaluationReports.publishedAt, public: evaluationReports.public }).from(evaluationReports).where(eq(evaluationReports.projectId, finished));
    expect(reports.map((r) => `${r.kind}:${r.publishedAt !== null}:${r.public}`).sort()).toEqual(["final:true:true", "process:true:false"]);
    const history = await db.select({ to: evaluationPhaseChanges.toPhase }).from(evaluationPhaseChanges).where(eq(evaluationPhaseChanges.projectId, finished)).orderBy(evaluationPhaseChanges.changedAt);
    expect(history.map((h) => h.to)).toEqual(["theme_guide", "recruitment", "interviews", "analysis", "process_report", "dialogue_conference", "final_report", "follow_up"]);
  });

  it("has four group sessions and one individual interview at Ambulant team, each within the rules", async () => {
    const rows = await db
      .select({ id: evaluationSessions.id, kind: evaluationSessions.kind, participants: evaluationSessions.participants, heldOn: evaluationSessions.heldOn, site: evaluationSites.name })
      .from(evaluationSessions)
      .innerJoin(evaluationSites, eq(evaluationSites.id, evaluationSessions.siteId))
      .where(eq(evaluationSessions.projectId, finished));
    expect(rows.filter((r) => r.kind === "group")).toHaveLength(4);
    expect(rows.filter((r) => r.kind === "individual").map((r) => r.site)).toEqual(["Ambulant team"]);
    const [project] = await db.select({ start: evaluationProjects.periodStart, end: evaluationProjects.periodEnd }).from(evaluationProjects).where(eq(evaluationProjects.id, finished));
    const team = await db.select({ userId: evaluationTeam.userId }).from(evaluationTeam).where(and(eq(evaluationTeam.projectId, finished), inArray(evaluationTeam.role, ["lead", "interviewer"])));
    for (const s of rows) {
      expect(participantCountProblem(s.kind as SessionKind, s.participants)).toBeNull();
      expect(sessionDateProblem(s.heldOn, { start: project!.start, end: project!.end })).toBeNull();
      const held = await db.select({ userId: evaluationSessionInterviewers.userId }).from(evaluationSessionInterviewers).where(eq(evaluationSessionInterviewers.sessionId, s.id));
      expect(interviewerProblem(s.kind as SessionKind, held.map((h) => h.userId), team.map((t) => t.userId))).toBeNull();
    }
  });

  it("codes statements over the ten shipped codes, each note split into its statements, with no identifying details", async () => {
    const coded = await db
      .selectDistinct({ shippedId: evaluationCodes.shippedId })
      .from(evaluationCodings)
      .innerJoin(evaluationCodes, eq(evaluationCodes.id, evaluationCodings.codeId))
      .where(eq(evaluationCodings.projectId, finished));
    expect(coded.filter((c) => c.shippedId !== null)).toHaveLength(10);
    const [statements] = await db
      .select({ n: sql<number>`count(*)::int`, uncoded: sql<number>`count(*) filter (where ${evaluationStatements.polarity} is null)::int` })
      .from(evaluationStatements)
      .where(eq(evaluationStatements.projectId, finished));
    expect(statements!.n).toBe(37);
    expect(statements!.uncoded).toBe(0);
    const sites = await db.select({ name: evaluationSites.name }).from(evaluationSites);
    const notes = await db.select({ id: evaluationNotes.id, text: evaluationNotes.text }).from(evaluationNotes);
    const quotes = await db.select({ text: evaluationQuotes.text }).from(evaluationQuotes);
    for (const text of [...notes.map((n) => n.text), ...quotes.map((q) => q.text)]) expect(findIdentifyingDetails(text, { listedNames: sites.map((s) => s.name) }), text).toEqual([]);
    // A note's statements are its lines (the secret sentence, a heading, is not one).
    for (const note of notes) {
      const made = await db.select({ text: evaluationStatements.text }).from(evaluationStatements).where(eq(evaluationStatements.noteId, note.id)).orderBy(evaluationStatements.position);
      if (made.length) expect(made.map((m) => m.text)).toEqual(splitStatements(note.text).filter((l) => l !== demoEvaluation.secretSentence));
    }
  });

  it("keeps the sentence in one note, readable by the interviewers and by nobody outside the analysis team", async () => {
    const holding = await db
      .select({ sessionId: evaluationNotes.sessionId, projectId: evaluationSessions.projectId })
      .from(evaluationNotes)
      .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationNotes.sessionId))
      .where(sql`${evaluationNotes.text} like ${"%" + demoEvaluation.secretSentence + "%"}`);
    expect(holding).toHaveLength(1);
    expect(holding[0]!.projectId).toBe(finished);
    const may = async (email: string) => {
      const access = await findProjectAccess(db, await actorFor(db, email), finished);
      return access ? projectCan(access.roles, "session.read") : false;
    };
    expect(await may("intervjuer@example.org")).toBe(true);
    expect(await may("intervjuer2@example.org")).toBe(true);
    expect(await may("koordinator@example.org")).toBe(true); // the project's lead
    expect(await may("tjeneste@example.org")).toBe(false);
    expect(await may("deltaker@example.org")).toBe(false);
    expect(await may("admin@example.org")).toBe(false);
  });

  it("puts the demo interviewer on both projects and the demo service contact on DPS Fjordbyen", async () => {
    const team = await db
      .select({ projectId: evaluationTeam.projectId, email: users.email, role: evaluationTeam.role })
      .from(evaluationTeam)
      .innerJoin(users, eq(users.id, evaluationTeam.userId));
    const on = (email: string, role: string) => team.filter((t) => t.email === email && t.role === role).map((t) => t.projectId).sort();
    expect(on("intervjuer@example.org", "interviewer")).toEqual([finished, ongoing].sort());
    expect(on("koordinator@example.org", "lead")).toEqual([finished, ongoing].sort());
    expect(on("tjeneste@example.org", "service_contact")).toEqual([finished]);
  });
});
