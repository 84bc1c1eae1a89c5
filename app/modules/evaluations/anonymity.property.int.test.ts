import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { loadMemberships, toActor, type CurrentUser } from "~/modules/accounts/accounts.server";
import { users } from "~/modules/accounts/accounts.schema";
import { centres, memberships } from "~/modules/centres/centres.schema";
import type { Actor } from "~/modules/centres/permissions";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationProjects,
  evaluationQuotes,
  evaluationReportQuotes,
  evaluationReports,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
  evaluationTeam,
} from "./evaluations.schema";
import { applyKRule, effectiveK, polarities, type Polarity } from "./evaluations";
import { outsideFigures, teamFigures, type OutsideFigures } from "./figures.server";
import { loadPublicReport, loadPublishedReport, type ReportContent } from "./reports.server";
import { exportProject } from "./archive.server";

/**
 * The anonymity promise of Bruker Spør Bruker (issue 13, item 6; ADR 0026), tried against random projects:
 * random sites, session sizes and kinds, rounds, coding, chosen quotes and k. Nothing a service contact, a
 * coordinator who is not on the team, or a visitor can load — the figures behind every outsider page, the
 * published report, the public report — holds a figure or a quote that rests on fewer than k participants,
 * and no outsider can export the project's archive; the analysis team sees every figure. The truth each
 * answer is checked against is computed here, in plain code, from what the test inserted.
 *
 * Outsider pages and PDFs read only through outsideFigures / the report readers (outsider-queries.test.ts
 * checks that no outsider code selects the raw tables), so checking what those return checks the pages.
 */
let handle: DbHandle;
let db: Db;
let centreId: string;
const actors: Record<"lead" | "interviewer" | "contact" | "coordinator" | "visitorCentreAdmin", Actor> = {} as never;
const ids: Record<"lead" | "interviewer" | "contact", string> = {} as never;

async function actorFor(email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id, name: users.name, email: users.email, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  const current: CurrentUser = { ...u!, emailVerified: true, memberships: await loadMemberships(db, u!.id) };
  return toActor(current);
}

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  const [kbt] = await db.select({ id: centres.id }).from(centres).where(eq(centres.shortName, "KBT"));
  centreId = kbt!.id;
  // A second coordinator of the centre, never on the team: an outsider to every generated project.
  const [other] = await db.insert(users).values({ email: "koordinator-utenfor@example.org", name: "Koordinator Utenfor", passwordHash: "x", emailVerifiedAt: new Date() }).returning({ id: users.id });
  await db.insert(memberships).values({ centreId, userId: other!.id, role: "coordinator" });
  actors.lead = await actorFor("koordinator@example.org");
  actors.interviewer = await actorFor("intervjuer@example.org");
  actors.contact = await actorFor("tjeneste@example.org");
  actors.coordinator = await actorFor("koordinator-utenfor@example.org");
  actors.visitorCentreAdmin = await actorFor("admin@example.org");
  ids.lead = actors.lead.userId;
  ids.interviewer = actors.interviewer.userId;
  ids.contact = actors.contact.userId;
});
afterAll(async () => {
  await handle?.close();
});

type SessionSpec = { site: number; individual: boolean; size: number; round: number; statements: { codes: number[]; polarity: Polarity | null }[]; quotes: number };
type ProjectSpec = { k: number; sites: number; codes: number; sessions: SessionSpec[]; chosen: { quote: number; code: number }[]; public: boolean };

const codeCount = 4;
const projectSpec: fc.Arbitrary<ProjectSpec> = fc.record({
  k: fc.integer({ min: 3, max: 9 }),
  sites: fc.integer({ min: 1, max: 4 }),
  codes: fc.constant(codeCount),
  sessions: fc.array(
    fc.record({
      site: fc.nat({ max: 3 }),
      individual: fc.boolean(),
      size: fc.integer({ min: 3, max: 7 }),
      round: fc.integer({ min: 1, max: 2 }),
      statements: fc.array(fc.record({ codes: fc.subarray([0, 1, 2, 3]), polarity: fc.constantFrom<Polarity | null>(null, ...polarities) }), { maxLength: 4 }),
      quotes: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 0, maxLength: 9 },
  ),
  chosen: fc.array(fc.record({ quote: fc.nat({ max: 20 }), code: fc.nat({ max: codeCount - 1 }) }), { maxLength: 5 }),
  public: fc.boolean(),
});

/** Inserts the project as the use cases would leave it; returns the ids the checks need. */
async function insertProject(spec: ProjectSpec) {
  const projectId: string = randomUUID();
  await db.insert(evaluationProjects).values({
    id: projectId,
    centreId,
    title: "Egenskapstest",
    serviceName: "Tilfeldig tjeneste",
    serviceKind: "other",
    periodStart: "2026-01-01",
    k: spec.k,
    phase: "final_report",
  });
  await db.insert(evaluationTeam).values([
    { projectId, userId: ids.lead, role: "lead" },
    { projectId, userId: ids.interviewer, role: "interviewer" },
    { projectId, userId: ids.contact, role: "service_contact" },
  ]);
  const sites = Array.from({ length: spec.sites }, (_, position) => ({ id: randomUUID(), projectId, name: `Sted ${position + 1}`, position }));
  await db.insert(evaluationSites).values(sites);
  const versionId = randomUUID();
  await db.insert(evaluationGuideVersions).values({ id: versionId, projectId, number: 1 });
  const themeId = randomUUID();
  await db.insert(evaluationGuideThemes).values({ id: themeId, versionId, position: 0, title: "Tema" });
  const codes = Array.from({ length: spec.codes }, (_, position) => ({ id: randomUUID(), projectId, name: `Kode ${position + 1}`, position }));
  await db.insert(evaluationCodes).values(codes);
  const sessions = spec.sessions.map((s) => ({
    id: randomUUID(),
    projectId,
    siteId: sites[s.site % sites.length]!.id,
    guideVersionId: versionId,
    kind: s.individual ? "individual" : "group",
    heldOn: "2026-03-01",
    participants: s.individual ? 1 : s.size,
    round: s.round,
  }));
  if (sessions.length) await db.insert(evaluationSessions).values(sessions);
  const codings: { sessionId: string; codeId: string }[] = [];
  const quotes: { id: string; sessionId: string }[] = [];
  for (const [i, s] of spec.sessions.entries()) {
    const sessionId = sessions[i]!.id;
    for (const [position, st] of s.statements.entries()) {
      const statementId = randomUUID();
      await db.insert(evaluationStatements).values({ id: statementId, projectId, sessionId, position, text: "Et utsagn.", polarity: st.polarity });
      if (st.codes.length) await db.insert(evaluationCodings).values(st.codes.map((c) => ({ statementId, codeId: codes[c]!.id, projectId, sessionId })));
      for (const c of st.codes) codings.push({ sessionId, codeId: codes[c]!.id });
    }
    for (let q = 0; q < s.quotes; q++) quotes.push({ id: randomUUID(), sessionId });
  }
  if (quotes.length) await db.insert(evaluationQuotes).values(quotes.map((q, position) => ({ ...q, themeId, text: `Sitat ${position + 1}`, position })));
  const reportId: string = randomUUID();
  await db.insert(evaluationReports).values({ id: reportId, projectId, kind: "final", publishedAt: new Date(), public: spec.public });
  const chosen = new Map<string, string>(); // quote → code (one row per quote)
  for (const c of spec.chosen) if (quotes.length) chosen.set(quotes[c.quote % quotes.length]!.id, codes[c.code]!.id);
  if (chosen.size) await db.insert(evaluationReportQuotes).values([...chosen].map(([quoteId, codeId], position) => ({ reportId, quoteId, codeId, position })));
  return { projectId, reportId, sites, codes, sessions, codings, chosen };
}

/** The truth, from what was inserted: participants behind each code, site and round, and the totals. */
function truthOf(spec: ProjectSpec, made: Awaited<ReturnType<typeof insertProject>>) {
  const participantsOf = new Map<string, number>(made.sessions.map((s) => [s.id, s.participants]));
  const behind = (sessionIds: Iterable<string>) => [...new Set(sessionIds)].reduce((sum, id) => sum + participantsOf.get(id)!, 0);
  const codeParticipants = new Map<string, number>(made.codes.map((c) => [c.id, behind(made.codings.filter((x) => x.codeId === c.id).map((x) => x.sessionId))]));
  const codeSessions = new Map<string, number>(made.codes.map((c) => [c.id, new Set(made.codings.filter((x) => x.codeId === c.id).map((x) => x.sessionId)).size]));
  const group = (keyOf: (s: (typeof made.sessions)[number]) => string) => {
    const rows = new Map<string, number>();
    for (const s of made.sessions) rows.set(keyOf(s), (rows.get(keyOf(s)) ?? 0) + s.participants);
    return [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, participants]) => ({ key, participants }));
  };
  return {
    k: effectiveK(spec.k),
    total: made.sessions.reduce((sum, s) => sum + s.participants, 0),
    codeParticipants,
    codeSessions,
    bySite: group((s) => s.siteId),
    byRound: group((s) => String(s.round).padStart(4, "0")),
  };
}

type Truth = ReturnType<typeof truthOf>;

/** Every figure an outsider gets rests on k or more, withheld ones carry no figure, and breakdowns follow applyKRule. */
function expectOutsideRule(figures: OutsideFigures, truth: Truth, who: string) {
  expect(figures.k, who).toBe(truth.k);
  expect(figures.totals.shown, `${who}: totals`).toBe(truth.total >= truth.k);
  expect(figures.totals.participants, `${who}: total participants`).toBe(truth.total >= truth.k ? truth.total : null);
  for (const code of figures.codes) {
    const participants = truth.codeParticipants.get(code.codeId)!;
    const shown = participants >= truth.k;
    expect(code.shown, `${who}: code resting on ${participants}`).toBe(shown);
    const values = [code.statements, code.positive, code.negative, code.suggestion, code.sessions, code.participants];
    if (shown) expect(code.participants, who).toBe(participants);
    else expect(values, `${who}: a withheld code carries no figure`).toEqual(values.map(() => null));
  }
  for (const [name, rows, expected] of [
    ["site", figures.bySite, truth.bySite],
    ["round", figures.byRound, truth.byRound],
  ] as const) {
    const rule = applyKRule(expected, truth.k);
    expect(rows.length, `${who}: ${name} rows`).toBe(expected.length);
    for (const row of rows) {
      const decided = rule.find((r) => r.key === row.key)!;
      expect(row.shown, `${who}: ${name} ${row.key}`).toBe(decided.shown);
      expect(row.participants, `${who}: ${name} ${row.key}`).toBe(decided.shown ? decided.participants : null);
      if (row.shown) expect(decided.participants).toBeGreaterThanOrEqual(truth.k);
    }
    // No withheld row can be worked out by subtraction: none, or at least two holding k together.
    const withheld = rule.filter((r) => !r.shown);
    if (withheld.length > 0 && withheld.length < rule.length) {
      expect(withheld.length, `${who}: ${name} withheld rows`).toBeGreaterThanOrEqual(2);
      expect(withheld.reduce((s, r) => s + r.participants, 0)).toBeGreaterThanOrEqual(truth.k);
    }
  }
}

function expectReportRule(report: ReportContent, truth: Truth, made: Awaited<ReturnType<typeof insertProject>>, who: string) {
  expectOutsideRule(report.figures, truth, who);
  for (const q of report.quotes) {
    expect(made.chosen.get(q.quoteId), `${who}: a quote not chosen for the report`).toBe(q.codeId);
    expect(truth.codeParticipants.get(q.codeId)!, `${who}: a quote under a code resting on too few`).toBeGreaterThanOrEqual(truth.k);
  }
  const expectedShown = [...made.chosen].filter(([, codeId]) => truth.codeParticipants.get(codeId)! >= truth.k).length;
  expect(report.quotes.length, `${who}: quotes shown`).toBe(expectedShown);
  expect(report.quotesWithheld, `${who}: quotes withheld`).toBe(made.chosen.size - expectedShown);
}

describe(`anonymity for everyone outside the analysis team, on ${dbKind} (property-based)`, () => {
  it("holds for random projects: outsiders never get a figure or quote resting on fewer than k; the team sees all", async () => {
    await fc.assert(
      fc.asyncProperty(projectSpec, async (spec) => {
        const made = await insertProject(spec);
        try {
          const truth = truthOf(spec, made);
          expectOutsideRule(await outsideFigures(db, made.projectId, spec.k), truth, "outside figures");
          for (const who of ["contact", "coordinator"] as const) {
            const { report } = await loadPublishedReport(db, actors[who], made.projectId, "final");
            expectReportRule(report!, truth, made, who);
            await expect(exportProject(db, actors[who], made.projectId), `${who} exports the archive`).rejects.toThrow();
          }
          if (spec.public) expectReportRule(await loadPublicReport(db, made.reportId), truth, made, "visitor");
          else await expect(loadPublicReport(db, made.reportId), "a report not public").rejects.toThrow();
          await expect(exportProject(db, actors.visitorCentreAdmin, made.projectId), "administrator exports the archive").rejects.toThrow();
          // The analysis team: every figure, none withheld.
          const team = await teamFigures(db, made.projectId, spec.k);
          for (const code of team.codes) {
            expect(code.shown).toBe(true);
            expect(code.participants).toBe(truth.codeParticipants.get(code.codeId));
            expect(code.sessions).toBe(truth.codeSessions.get(code.codeId));
          }
          expect(team.codes.length).toBe([...truth.codeParticipants.values()].filter((p) => p > 0).length);
          expect(team.totals.participants).toBe(truth.total);
        } finally {
          await db.delete(evaluationProjects).where(eq(evaluationProjects.id, made.projectId));
        }
      }),
      { numRuns: dbKind === "pglite" ? 60 : 100, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), endOnFailure: true },
    );
  }, 240_000);
});
