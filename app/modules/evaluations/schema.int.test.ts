import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import type { Db, DbHandle } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { loadDemoData } from "~/modules/platform/demo.server";
import { generateEvaluation, rawFigures } from "../../../scripts/generate-evaluation";
import { evaluationCodings, evaluationProjects, evaluationSessions, evaluationStatements } from "./evaluations.schema";

/**
 * What the database itself keeps true, whatever the app does (drizzle/0008): a coding carries its statement's
 * polarity; the numbers of participants, k and the phase stay in range; and the k rule's view gives the
 * analysis team's figures exactly when they rest on k participants or more.
 */
let handle: DbHandle;
let db: Db;
let projectId: string;
/** A small project: two sessions, each code under one of them (so some codes rest on fewer than k). */
let smallId: string;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  ({ projectId } = await generateEvaluation(db, 12, 240));
  ({ projectId: smallId } = await generateEvaluation(db, 3, 9));
});
afterAll(async () => {
  await handle?.close();
});

const rows = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(query));

describe(`the evaluation tables on ${dbKind}`, () => {
  it("gives every coding its statement's polarity, and follows a change of it", async () => {
    const mismatched = async () =>
      rows<{ n: number }>(sql`select count(*)::int as n from evaluation_codings c join evaluation_statements s on s.id = c.statement_id
        where c.polarity is distinct from s.polarity`);
    expect((await mismatched())[0]!.n).toBe(0);
    const [coded] = await db.select({ statementId: evaluationCodings.statementId, polarity: evaluationCodings.polarity }).from(evaluationCodings).limit(1);
    const other = coded!.polarity === "negative" ? "positive" : "negative";
    await db.update(evaluationStatements).set({ polarity: other }).where(eq(evaluationStatements.id, coded!.statementId));
    const after = await db.select({ polarity: evaluationCodings.polarity }).from(evaluationCodings).where(eq(evaluationCodings.statementId, coded!.statementId));
    expect(after.map((a) => a.polarity)).toEqual(after.map(() => other));
    await db.update(evaluationStatements).set({ polarity: null }).where(eq(evaluationStatements.id, coded!.statementId));
    const cleared = await db.select({ polarity: evaluationCodings.polarity }).from(evaluationCodings).where(eq(evaluationCodings.statementId, coded!.statementId));
    expect(cleared.every((c) => c.polarity === null)).toBe(true);
    expect((await mismatched())[0]!.n).toBe(0);
  });

  it("refuses a group of 8 or 2, an individual interview of 2, and a k below 3, whatever the app sends", async () => {
    const [session] = await db.select({ id: evaluationSessions.id }).from(evaluationSessions).where(and(eq(evaluationSessions.projectId, projectId), eq(evaluationSessions.kind, "group"))).limit(1);
    for (const [kind, participants] of [["group", 8], ["group", 2], ["individual", 2], ["group", 0], ["group", -3]] as const) {
      await expect(db.update(evaluationSessions).set({ kind, participants }).where(eq(evaluationSessions.id, session!.id)), `${kind} of ${participants}`).rejects.toThrow();
    }
    await expect(db.update(evaluationProjects).set({ k: 2 }).where(eq(evaluationProjects.id, projectId))).rejects.toThrow();
    await expect(db.update(evaluationProjects).set({ phase: "done" }).where(eq(evaluationProjects.id, projectId))).rejects.toThrow();
  });

  it("shows outsiders a code's figures exactly when they rest on k participants or more", async () => {
    type Figures = { code_id: string; statements: number | null; positive: number | null; sessions: number | null; participants: number | null };
    const seen = { shown: 0, withheld: 0 };
    for (const id of [projectId, smallId]) {
      const team = await rows<Figures>(rawFigures.team(id));
      expect(team.length).toBeGreaterThan(0);
      for (const k of [3, 5, 20, 40]) {
        await db.update(evaluationProjects).set({ k }).where(eq(evaluationProjects.id, id));
        const outside = await rows<Figures & { shown: boolean }>(rawFigures.outside(id));
        expect(outside.length).toBe(team.length);
        for (const o of outside) {
          const t = team.find((x) => x.code_id === o.code_id)!;
          const enough = Number(t.participants) >= k;
          seen[enough ? "shown" : "withheld"]++;
          expect(o.shown, `k ${k}, ${t.participants} participants`).toBe(enough);
          expect([o.statements, o.positive, o.sessions, o.participants].map((v) => (v === null ? null : Number(v)))).toEqual(
            enough ? [t.statements, t.positive, t.sessions, t.participants].map(Number) : [null, null, null, null],
          );
        }
      }
    }
    expect(seen.shown).toBeGreaterThan(0);
    expect(seen.withheld).toBeGreaterThan(0);
  });
});
