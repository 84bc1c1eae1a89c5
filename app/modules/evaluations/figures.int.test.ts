import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import type { Db, DbHandle } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { centres } from "~/modules/centres/centres.schema";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideVersions,
  evaluationProjects,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
} from "./evaluations.schema";
import { applyKRule, mayShowOutsideTeam, effectiveK } from "./evaluations";
import { codeFiguresForTeam, codeFiguresOutside, projectTotalsOutside, roundBreakdownOutside, siteBreakdownOutside, teamFigures } from "./figures.server";

/*
 * The k rule in SQL (figures.server.ts and the views of drizzle/0008) against the pure rules of
 * evaluations.ts, on random data, on PGlite and PostgreSQL: the breakdowns equal `applyKRule`, the figures
 * per code equal `mayShowOutsideTeam` over the sessions behind them, and nothing withheld carries a figure.
 */

let handle: DbHandle;
let db: Db;
let centreId: string;

/** A small seeded random generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int };
}

type SessionSpec = { site: number; participants: number; round: number };
type StatementSpec = { session: number; polarity: "positive" | "negative" | "suggestion" | null; codes: number[] };
type ProjectSpec = { k: number; sites: number; sessions: SessionSpec[]; codes: number; statements: StatementSpec[] };
type Made = { projectId: string; siteIds: string[]; sessionIds: string[]; codeIds: string[] };

/** Inserts a whole project in a few statements. */
async function makeProject(spec: ProjectSpec, title = "Prøve"): Promise<Made> {
  const [project] = await db
    .insert(evaluationProjects)
    .values({ centreId, title, serviceName: "DPS Prøvebyen", serviceKind: "dps", periodStart: "2026-01-01", k: spec.k })
    .returning({ id: evaluationProjects.id });
  const projectId = project!.id;
  const sites = await db
    .insert(evaluationSites)
    .values(Array.from({ length: spec.sites }, (_, i) => ({ projectId, name: `Sted ${i + 1}`, position: i })))
    .returning({ id: evaluationSites.id });
  const [version] = await db.insert(evaluationGuideVersions).values({ projectId, number: 1 }).returning({ id: evaluationGuideVersions.id });
  const sessions = spec.sessions.length
    ? await db
        .insert(evaluationSessions)
        .values(
          spec.sessions.map((s) => ({
            projectId,
            siteId: sites[s.site]!.id,
            guideVersionId: version!.id,
            kind: s.participants === 1 ? "individual" : "group",
            heldOn: "2026-02-01",
            participants: s.participants,
            round: s.round,
          })),
        )
        .returning({ id: evaluationSessions.id })
    : [];
  const codes = spec.codes
    ? await db
        .insert(evaluationCodes)
        .values(Array.from({ length: spec.codes }, (_, i) => ({ projectId, name: `Kode ${i + 1}`, position: i })))
        .returning({ id: evaluationCodes.id })
    : [];
  if (spec.statements.length) {
    const statements = await db
      .insert(evaluationStatements)
      .values(spec.statements.map((s, i) => ({ projectId, sessionId: sessions[s.session]!.id, position: i, text: `Utsagn ${i}`, polarity: s.polarity })))
      .returning({ id: evaluationStatements.id });
    const codings = spec.statements.flatMap((s, i) =>
      s.codes.map((c) => ({ statementId: statements[i]!.id, codeId: codes[c]!.id, projectId, sessionId: sessions[s.session]!.id })),
    );
    if (codings.length) await db.insert(evaluationCodings).values(codings);
  }
  return { projectId, siteIds: sites.map((s) => s.id), sessionIds: sessions.map((s) => s.id), codeIds: codes.map((c) => c.id) };
}

function randomSpec(seed: number): ProjectSpec {
  const r = random(seed);
  const k = r.int(3, 9);
  const sites = r.int(1, 6);
  const sessions: SessionSpec[] = Array.from({ length: r.int(0, 9) }, () => ({
    site: r.int(0, sites - 1),
    participants: r.next() < 0.25 ? 1 : r.int(3, 7),
    round: r.int(1, 3),
  }));
  const codes = sessions.length ? r.int(1, 4) : 0;
  const polarities = ["positive", "negative", "suggestion", null] as const;
  const statements: StatementSpec[] = sessions.length
    ? Array.from({ length: r.int(0, 14) }, () => ({
        session: r.int(0, sessions.length - 1),
        polarity: polarities[r.int(0, 3)]!,
        codes: [...new Set(Array.from({ length: r.int(0, 2) }, () => r.int(0, codes - 1)))],
      }))
    : [];
  return { k, sites, sessions, codes, statements };
}

/** The breakdown the pure rule gives, keyed and ordered as the SQL orders it. */
function expectedBreakdown(keys: string[], participants: number[], k: number) {
  const byKey = new Map<string, number>();
  keys.forEach((key, i) => byKey.set(key, (byKey.get(key) ?? 0) + participants[i]!));
  const rows = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, p]) => ({ key, participants: p }));
  return applyKRule(rows, k).map((r) => ({ key: r.key, shown: r.shown, participants: r.shown ? r.participants : null, reason: r.reason }));
}

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  const [centre] = await db
    .insert(centres)
    .values({ name: "Prøvesenteret", shortName: "Prøve", kommunenummer: "5001", fylkesnummer: "50" })
    .returning({ id: centres.id });
  centreId = centre!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe(`the k rule in SQL on ${dbKind}`, () => {
  it("withholds a code resting on 4 participants at k 5, shows it at k 4 and k 3, and never lets k go below 3", async () => {
    const made = await makeProject({
      k: 5,
      sites: 1,
      sessions: [
        { site: 0, participants: 4, round: 1 },
        { site: 0, participants: 6, round: 1 },
      ],
      codes: 2,
      statements: [
        { session: 0, polarity: "negative", codes: [0] },
        { session: 0, polarity: "positive", codes: [0, 1] },
        { session: 1, polarity: "suggestion", codes: [1] },
      ],
    });
    const atK = async (k: number) => {
      await db.update(evaluationProjects).set({ k }).where(eq(evaluationProjects.id, made.projectId));
      return codeFiguresOutside(db, made.projectId);
    };
    const [four, ten] = await atK(5);
    expect(four).toMatchObject({ codeId: made.codeIds[0], shown: false, statements: null, positive: null, negative: null, sessions: null, participants: null });
    expect(ten).toMatchObject({ codeId: made.codeIds[1], shown: true, statements: 2, positive: 1, suggestion: 1, negative: 0, sessions: 2, participants: 10 });
    for (const k of [4, 3]) {
      expect((await atK(k))[0]).toMatchObject({ shown: true, statements: 2, positive: 1, negative: 1, suggestion: 0, sessions: 1, participants: 4 });
    }
    await expect(db.update(evaluationProjects).set({ k: 2 }).where(eq(evaluationProjects.id, made.projectId))).rejects.toThrow();
    expect(await projectTotalsOutside(db, made.projectId)).toEqual({ shown: true, sessions: 2, participants: 10 });
    // The analysis team's figures are never withheld.
    await db.update(evaluationProjects).set({ k: 40 }).where(eq(evaluationProjects.id, made.projectId));
    expect((await codeFiguresOutside(db, made.projectId)).every((c) => !c.shown && c.statements === null)).toBe(true);
    expect(await projectTotalsOutside(db, made.projectId)).toEqual({ shown: false, sessions: null, participants: null });
    const team = await teamFigures(db, made.projectId, 40);
    expect(team.codes.map((c) => c.participants)).toEqual([4, 10]);
    expect(team.totals).toEqual({ shown: true, sessions: 2, participants: 10 });
  });

  it("withholds a site under k, and the smallest other site with it, so neither can be worked out from the total", async () => {
    const made = await makeProject({
      k: 5,
      sites: 3,
      sessions: [
        { site: 0, participants: 1, round: 1 }, // an individual interview: one person
        { site: 1, participants: 5, round: 1 },
        { site: 2, participants: 4, round: 1 },
        { site: 2, participants: 5, round: 2 },
      ],
      codes: 0,
      statements: [],
    });
    const bySite = new Map((await siteBreakdownOutside(db, made.projectId)).map((r) => [r.label, r]));
    expect(bySite.get("Sted 1")).toMatchObject({ shown: false, participants: null, sessions: null });
    expect(bySite.get("Sted 2")).toMatchObject({ shown: false, participants: null, sessions: null }); // protects Sted 1
    expect(bySite.get("Sted 3")).toMatchObject({ shown: true, participants: 9, sessions: 2 });
    expect(await projectTotalsOutside(db, made.projectId)).toEqual({ shown: true, sessions: 4, participants: 15 });
    // By round: round 1 holds 10, round 2 holds 5; both at k.
    expect((await roundBreakdownOutside(db, made.projectId)).map((r) => [r.label, r.shown, r.participants])).toEqual([
      ["1", true, 10],
      ["2", true, 5],
    ]);
  });

  it("gives the same breakdowns as applyKRule and the same code figures as mayShowOutsideTeam on 300 random projects", { timeout: 300_000 }, async () => {
    let withheldCodes = 0;
    let protectedRows = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const spec = randomSpec(seed);
      const made = await makeProject(spec, `Tilfeldig ${seed}`);
      const k = effectiveK(spec.k);
      const context = `seed ${seed}: ${JSON.stringify(spec)}`;

      const byKey = <R extends { key: string }>(rows: R[]) => [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const sites = byKey(await siteBreakdownOutside(db, made.projectId));
      const siteExpected = expectedBreakdown(
        spec.sessions.map((s) => made.siteIds[s.site]!),
        spec.sessions.map((s) => s.participants),
        k,
      );
      expect(sites.map((r) => ({ key: r.key, shown: r.shown, participants: r.participants })), context).toEqual(siteExpected.map(({ reason: _r, ...row }) => row));
      for (const r of sites) if (!r.shown) expect(r.sessions, context).toBeNull();
      protectedRows += siteExpected.filter((r) => r.reason === "protects_other").length;

      const rounds = await roundBreakdownOutside(db, made.projectId);
      expect(rounds.map((r) => ({ key: r.key, shown: r.shown, participants: r.participants })), context).toEqual(
        expectedBreakdown(
          spec.sessions.map((s) => String(s.round).padStart(4, "0")),
          spec.sessions.map((s) => s.participants),
          k,
        ).map(({ reason: _r, ...row }) => row),
      );

      const codes = await codeFiguresOutside(db, made.projectId);
      const expectedCodes = made.codeIds.flatMap((codeId, c) => {
        const coded = spec.statements.filter((s) => s.codes.includes(c));
        if (coded.length === 0) return [];
        const groups = coded.map((s) => ({ sessionId: made.sessionIds[s.session]!, participants: spec.sessions[s.session]!.participants }));
        const shown = mayShowOutsideTeam(groups, spec.k);
        if (!shown) withheldCodes++;
        const count = (p: StatementSpec["polarity"]) => coded.filter((s) => s.polarity === p).length;
        const sessions = new Set(coded.map((s) => s.session));
        return [
          {
            codeId,
            shown,
            statements: shown ? coded.length : null,
            positive: shown ? count("positive") : null,
            negative: shown ? count("negative") : null,
            suggestion: shown ? count("suggestion") : null,
            sessions: shown ? sessions.size : null,
            participants: shown ? [...sessions].reduce((sum, i) => sum + spec.sessions[i]!.participants, 0) : null,
          },
        ];
      });
      expect(
        codes.map(({ codeId, shown, statements, positive, negative, suggestion, sessions, participants }) => ({
          codeId,
          shown,
          statements,
          positive,
          negative,
          suggestion,
          sessions,
          participants,
        })),
        context,
      ).toEqual(expectedCodes);

      // The analysis team's figures, from the one query behind the analysis page and the team's report:
      // every code (zeros when nothing is coded under it), never withheld; the report lists the coded ones.
      const teamExpected = made.codeIds.map((codeId, c) => {
        const coded = spec.statements.filter((s) => s.codes.includes(c));
        const count = (p: StatementSpec["polarity"]) => coded.filter((s) => s.polarity === p).length;
        const sessions = new Set(coded.map((s) => s.session));
        return {
          codeId,
          archived: false,
          statements: coded.length,
          positive: count("positive"),
          negative: count("negative"),
          suggestion: count("suggestion"),
          sessions: sessions.size,
          participants: [...sessions].reduce((sum, i) => sum + spec.sessions[i]!.participants, 0),
        };
      });
      expect((await codeFiguresForTeam(db, made.projectId)).map(({ name: _n, description: _d, ...f }) => f), context).toEqual(teamExpected);
      const team = await teamFigures(db, made.projectId, spec.k);
      expect(team.codes.map(({ name: _n, description: _d, ...f }) => f), context).toEqual(
        teamExpected.filter((c) => c.statements > 0).map(({ archived: _a, ...c }) => ({ ...c, shown: true })),
      );

      const total = spec.sessions.reduce((sum, s) => sum + s.participants, 0);
      expect(await projectTotalsOutside(db, made.projectId), context).toEqual(
        total >= k ? { shown: true, sessions: spec.sessions.length, participants: total } : { shown: false, sessions: null, participants: null },
      );
    }
    // The random projects reached the interesting cases.
    expect(withheldCodes).toBeGreaterThan(20);
    expect(protectedRows).toBeGreaterThan(20);
  });

  it("keeps projects apart: one project's sessions never count towards another's figures", async () => {
    const a = await makeProject({ k: 5, sites: 1, sessions: [{ site: 0, participants: 3, round: 1 }], codes: 1, statements: [{ session: 0, polarity: "positive", codes: [0] }] });
    await makeProject({ k: 5, sites: 1, sessions: [{ site: 0, participants: 7, round: 1 }], codes: 1, statements: [{ session: 0, polarity: "positive", codes: [0] }] });
    expect(await codeFiguresOutside(db, a.projectId)).toMatchObject([{ shown: false, statements: null }]);
    expect(await siteBreakdownOutside(db, a.projectId)).toMatchObject([{ shown: false, participants: null }]);
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from evaluation_code_figures_outside where project_id = ${a.projectId}`));
    expect(Number(row!.n)).toBe(1);
  });
});
