import "./i18n/register";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { randomBytes, randomUUID } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import { pingDb, type Db, type DbHandle } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { translate, type Lang, type MessageKey } from "~/i18n/i18n";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres } from "~/modules/centres/centres.server";
import type { Actor } from "~/modules/centres/permissions";
import { toolkitEntries } from "./toolkit.schema";
import { giveConsent, myEntries, type Store } from "./toolkit.server";
import { checkImport, exportToolkit, importFile, importToolkit, type ImportProblem } from "./toolkit-export.server";
import { importLimits } from "./toolkit";
import { installPack } from "./check-in.server";
import { shareForm, stepForm } from "./toolkit.forms";
import { cards } from "./content/cards";
import { tools } from "./toolkit";

/**
 * Issue 9, findings 3 and 10: a toolkit import is fast, bounded and all or nothing, and refuses what the
 * forms refuse. On PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
let handle: DbHandle;
let db: Db;
/** Imports run on the long lane, as the data page runs them. */
let lane: Store;
let slots: number;
const master = randomBytes(32);
const madeUp = fs.readFileSync(new URL("../../../tests/fixtures/made-up-instrument.json", import.meta.url), "utf8");

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  lane = { db: handle.long.db, masters: [master] };
  slots = handle.long.slots;
  await loadDemoData(db);
});

afterAll(async () => {
  await handle.close();
});

/** A new account with consent, as after "Opprett konto" and the toolkit's consent page. */
async function newPerson(): Promise<Actor> {
  const email = `ny.${randomBytes(4).toString("hex")}@example.org`;
  const { userId } = await signUpConfirmed(db, { name: "Ny Person", email, password: "et-langt-passord-2026" });
  const actor: Actor = { userId, isAdmin: false, memberships: [] };
  await giveConsent(db, actor);
  return actor;
}

const file = (entries: unknown[], exportedAt = new Date().toISOString()) => JSON.stringify({ format: "knutepunkt-toolkit", version: 1, exportedAt, entries });

/**
 * A large, valid export: every card question with three earlier versions, the dream, a values sort, then
 * stage placements and check-ins until there are `n` entries, written over the last years.
 */
function bigEntries(n: number) {
  const now = Date.now();
  const at = (i: number) => new Date(now - (n - i + 10) * 3_600_000).toISOString();
  const entries: unknown[] = [];
  for (const card of cards)
    for (const q of card.questions) {
      const i = entries.length;
      entries.push({
        tool: "cards",
        ref: `${card.id}:${q.id}`,
        createdAt: at(i),
        updatedAt: at(i + 3),
        body: { text: "Jeg har lært å be om hjelp når jeg trenger det.", chime: ["hope", "connectedness"] },
        history: [1, 2, 3].map((v) => ({ savedAt: at(i + v - 1), body: { text: `Versjon ${v}`, chime: [] } })),
      });
    }
  entries.push({
    tool: "dream",
    ref: "dream",
    createdAt: at(entries.length),
    updatedAt: at(entries.length),
    body: { dream: "Bo ved sjøen", helps: "Venner", hinders: "", goals: [{ id: "g1", text: "Finne et sted", steps: [{ id: "s1", text: "Ringe", due: "2027-03-01", done: false }] }] },
    history: [],
  });
  entries.push({
    tool: "values",
    ref: randomUUID(),
    createdAt: at(entries.length),
    updatedAt: at(entries.length),
    body: { piles: { honesty: "very", fun: "important", "own-abc": "very" }, own: [{ id: "own-abc", name: "Havet", meaning: "" }], top: ["honesty", "own-abc"], finishedAt: at(entries.length) },
    history: [],
  });
  while (entries.length < n) {
    const i = entries.length;
    entries.push(
      i % 2
        ? { tool: "stages", ref: randomUUID(), createdAt: at(i), updatedAt: at(i), body: { area: "housing", stage: "rebuilding", note: "Jeg har funnet et sted å bo." }, history: [] }
        : {
            tool: "check_in",
            ref: randomUUID(),
            createdAt: at(i),
            updatedAt: at(i),
            body: { instrument: "knutepunkt-sjekk", version: 1, answers: { connectedness: 5, hope: 6, identity: 7, meaning: 4, empowerment: null }, why: { hope: "Noe å se fram til." } },
            history: [],
          },
    );
  }
  return entries;
}

const entriesOf = async (actor: Actor) => (await db.select({ n: count() }).from(toolkitEntries).where(eq(toolkitEntries.ownerId, actor.userId)))[0]!.n;

/** Every problem's message, in every language, reads as a sentence: no key shown, every placeholder filled. */
function expectTranslated(problems: ImportProblem[]) {
  for (const lang of ["nb", "nn", "en"] as Lang[])
    for (const p of problems) {
      const text = translate(lang, p.message as MessageKey, p.values);
      expect(text, `${lang} ${p.message}`).not.toBe(p.message);
      expect(text, `${lang} ${p.message}`).not.toMatch(/[{}]/);
    }
}

describe(`toolkit import on ${dbKind}: fast, bounded, all or nothing`, () => {
  it("imports 20,000 entries in seconds; the toolkit is then full, and the same file again changes nothing", async () => {
    const person = await newPerson();
    const text = file(bigEntries(importLimits.entries));
    const started = Date.now();
    const result = await importFile(lane, person, text, { slots });
    const ms = Date.now() - started;
    console.log(`[toolkit import] ${dbKind}: ${importLimits.entries} entries, ${(text.length / 1e6).toFixed(1)} MB: ${ms} ms`);
    expect(result).toEqual({ ok: true, imported: importLimits.entries, skipped: 0 });
    // Generous for a slow two-core CI machine; it used to take minutes.
    expect(ms).toBeLessThan(20_000);
    expect(await entriesOf(person)).toBe(importLimits.entries);

    // Everything is readable, with history and dates, and the export of it is fast too.
    const exportStarted = Date.now();
    const exported = await exportToolkit(lane, person);
    console.log(`[toolkit export] ${dbKind}: ${exported.entries.length} entries: ${Date.now() - exportStarted} ms`);
    expect(Date.now() - exportStarted).toBeLessThan(20_000);
    const original = JSON.parse(text).entries as { tool: string; ref: string; createdAt: string; updatedAt: string; body: unknown; history: unknown[] }[];
    const key = (e: { tool: string; ref: string }) => `${e.tool}|${e.ref}`;
    const back = new Map(exported.entries.map((e) => [key(e), e]));
    for (const e of [original[0]!, original.at(-1)!, original.at(-2)!]) {
      const got = back.get(key(e))!;
      expect({ ...got, createdAt: new Date(got.createdAt).getTime(), updatedAt: new Date(got.updatedAt).getTime() }).toEqual({
        ...e,
        createdAt: new Date(e.createdAt).getTime(),
        updatedAt: new Date(e.updatedAt).getTime(),
        history: e.history.map((h) => ({ ...(h as object), savedAt: new Date((h as { savedAt: string }).savedAt).toISOString() })),
      });
    }

    // Importing the same file again adds nothing (and is not refused: nothing new would be kept).
    expect(await importFile(lane, person, text, { slots })).toEqual({ ok: true, imported: 0, skipped: importLimits.entries });
    // One new entry more would take the toolkit over its bound: refused with the numbers, nothing saved.
    const one = file([{ tool: "stages", ref: randomUUID(), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), body: { area: "overall", stage: "growth", note: "" } }]);
    const full = await importFile(lane, person, one, { slots });
    expect(full).toEqual({
      ok: false,
      reason: "limit",
      problems: [{ entry: null, field: "", message: "toolkit.import.error_toolkit_full", values: { max: importLimits.toolkitEntries, total: importLimits.toolkitEntries + 1 } }],
    });
    expectTranslated(!full.ok ? full.problems : []);
    expect(translate("nb", "toolkit.import.error_toolkit_full", { max: 20_000, total: 20_001 })).toMatch(/20\s000.*20\s001/);
    expect(await entriesOf(person)).toBe(importLimits.entries);
  }, 120_000);

  it("a file over the bounds (size, entries, earlier versions) is refused at once with a message in nb, nn and en", async () => {
    const person = await newPerson();
    const now = new Date().toISOString();
    const tooBig = file([{ tool: "stages", ref: randomUUID(), createdAt: now, updatedAt: now, body: { area: "overall", stage: "growth", note: "x".repeat(importLimits.bytes) } }]);
    const tooMany = file(Array.from({ length: importLimits.entries + 1 }, () => ({ tool: "dream", ref: "dream" })));
    const history = Array.from({ length: 1000 }, () => ({ savedAt: now, body: { area: "overall", stage: "growth", note: "" } }));
    const tooManyVersions = file(Array.from({ length: importLimits.versions / 1000 + 1 }, () => ({ tool: "stages", ref: randomUUID(), createdAt: now, updatedAt: now, body: { area: "overall", stage: "growth", note: "" }, history })));
    const cases: [string, string, Record<string, number>][] = [
      [tooBig, "toolkit.import.error_too_big", { max: 10 }],
      [tooMany, "toolkit.import.error_too_many", { max: importLimits.entries }],
      [tooManyVersions, "toolkit.import.error_too_many_versions", { max: importLimits.versions }],
    ];
    for (const [text, message, values] of cases) {
      const started = Date.now();
      const result = await importFile(lane, person, text, { slots });
      expect(result).toEqual({ ok: false, reason: "problems", problems: [{ entry: null, field: "", message, values }] });
      expect(Date.now() - started).toBeLessThan(5_000);
      expectTranslated(!result.ok ? result.problems : []);
    }
    expect(await entriesOf(person)).toBe(0);
  });

  it("at most `slots` imports run at once in a process; the others are told at once to try again in a moment", async () => {
    const people = await Promise.all(Array.from({ length: 10 }, () => newPerson()));
    // Ten new accounts, ~300 KB each, all at the same moment (the scenario).
    const text = () => file(bigEntries(1500));
    const files = people.map(() => text());
    const started = Date.now();
    const results = await Promise.all(people.map((p, i) => importFile(lane, p, files[i]!, { slots })));
    const busy = results.filter((r) => !r.ok && r.reason === "busy");
    expect(results.filter((r) => r.ok)).toHaveLength(slots);
    expect(busy).toHaveLength(people.length - slots);
    expect(busy[0]).toEqual({ ok: false, reason: "busy", problems: [{ entry: null, field: "", message: "toolkit.import.busy" }] });
    expectTranslated(!busy[0]!.ok ? busy[0]!.problems : []);
    console.log(`[toolkit import] ${dbKind}: 10 at once, ${slots} ran, ${busy.length} told to wait: ${Date.now() - started} ms`);
    // The slots are free again afterwards: the next attempt goes through.
    const waited = results.findIndex((r) => !r.ok);
    expect(await importFile(lane, people[waited]!, files[waited]!, { slots })).toMatchObject({ ok: true, imported: 1500 });
  }, 120_000);

  it("the health check and a public page's query keep answering while imports run", async () => {
    // The largest file and nine of ~300 KB, all at once: before, each held a connection for minutes.
    const people = await Promise.all(Array.from({ length: 10 }, () => newPerson()));
    const files = people.map((_, i) => file(bigEntries(i === 0 ? importLimits.entries : 1500)));
    let done = false;
    const importStarted = Date.now();
    let importMs = 0;
    const importing = Promise.all(people.map((p, i) => importFile(lane, p, files[i]!, { slots }))).finally(() => {
      done = true;
      importMs = Date.now() - importStarted;
    });
    let slowest = 0;
    let answered = 0;
    while (!done) {
      const started = Date.now();
      expect(await pingDb(db)).toBe(true);
      await db.execute(sql`select count(*) from services`);
      slowest = Math.max(slowest, Date.now() - started);
      answered++;
    }
    const results = await importing;
    expect(results[0]).toMatchObject({ ok: true, imported: importLimits.entries });
    console.log(`[toolkit import] ${dbKind}: ${answered} health checks during ten imports at once (${importMs} ms), slowest ${slowest} ms`);
    // PGlite has one connection, so a query waits for the import's short transaction: bounded in time.
    // PostgreSQL's imports have a pool of their own, so the health check keeps answering all through them.
    // Said as a share of the imports' own time, not in absolute ms: on a loaded 2-core machine both grow
    // together (seen: 2.7 s of 9 s at load 12). Before the fix a check waited for the whole import (31.9 s).
    if (dbKind === "postgres") {
      expect(answered, "answered again and again while the imports ran").toBeGreaterThanOrEqual(5);
      expect(slowest, `the slowest check, against ${importMs} ms of importing`).toBeLessThan(importMs / 2);
    } else {
      expect(slowest).toBeLessThan(10_000);
    }
  }, 120_000);
});

describe("an import that fails, or is cancelled, leaves nothing saved", () => {
  const stages = (n: number) => bigEntries(n + 60).slice(-n);

  it("a request cancelled before the import starts saves nothing", async () => {
    const person = await newPerson();
    const controller = new AbortController();
    controller.abort();
    const result = await importFile(lane, person, file(stages(10)), { slots, signal: controller.signal });
    expect(result).toEqual({ ok: false, reason: "interrupted", problems: [{ entry: null, field: "", message: "toolkit.import.error_interrupted" }] });
    expectTranslated(!result.ok ? result.problems : []);
    expect(await entriesOf(person)).toBe(0);
  });

  it("a request cancelled after rows were written is rolled back, never committed afterwards", async () => {
    const person = await newPerson();
    // Cancelled the moment the first rows are in (the signal is read before the start, then after each chunk).
    let reads = 0;
    const signal = {
      get aborted() {
        return reads++ >= 1;
      },
    } as AbortSignal;
    const result = await importFile(lane, person, file(stages(1200)), { slots, signal });
    expect(result).toMatchObject({ ok: false, reason: "interrupted" });
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(await entriesOf(person)).toBe(0);
    // Cancelled only at the very last look before the commit: still nothing.
    const checked = checkImport(file(stages(4500)));
    if (!checked.ok) throw new Error("did not check");
    let looks = 0;
    const late = {
      get aborted() {
        return ++looks === 5; // the start, three chunks of entries (2,000 each), then the look before the commit
      },
    } as AbortSignal;
    expect(await importToolkit(lane, person, checked.doc, { signal: late })).toMatchObject({ ok: false, reason: "interrupted" });
    expect(looks).toBeGreaterThanOrEqual(5);
    expect(await entriesOf(person)).toBe(0);
  });

  it("an import that runs out of time is rolled back", async () => {
    const person = await newPerson();
    const result = await importFile(lane, person, file(stages(600)), { slots, timeMs: 0 });
    expect(result).toMatchObject({ ok: false, reason: "interrupted" });
    expect(await entriesOf(person)).toBe(0);
    // The same file within its time lands whole.
    expect(await importFile(lane, person, file(stages(600)), { slots })).toMatchObject({ ok: true, imported: 600 });
  });
});

describe("the import refuses what the forms refuse (finding 10)", () => {
  it("years 9999 and 0001, unknown life areas, stages, values, instruments and answers: every problem named, nothing saved", async () => {
    const person = await newPerson();
    const now = new Date().toISOString();
    const entry = (tool: string, ref: string, body: unknown, extra: object = {}) => ({ tool, ref, createdAt: now, updatedAt: now, body, history: [], ...extra });
    const stage = { area: "overall", stage: "growth", note: "" };
    const checkIn = { instrument: "knutepunkt-sjekk", version: 1, answers: { hope: 5 }, why: {} };
    const text = file([
      entry("stages", randomUUID(), { ...stage, area: "moon" }),
      entry("stages", randomUUID(), { ...stage, stage: "flying" }),
      entry("check_in", randomUUID(), { ...checkIn, instrument: "finnes-ikke" }),
      entry("check_in", randomUUID(), { ...checkIn, version: 7 }),
      entry("check_in", randomUUID(), { ...checkIn, answers: { hope: 42, shoe: 3 }, why: { shoe: "?" } }),
      entry("values", randomUUID(), { piles: { honesty: "very", "finnes-ikke": "not" }, own: [], top: ["finnes-ikke"], finishedAt: "9999-01-01T00:00:00.000Z" }),
      entry("value_reflection", "finnes-ikke", { meaning: "", livingBy: null, obstacles: "", step: "" }),
      entry("dream", "dream", { dream: "", helps: "", hinders: "", goals: [{ id: "g1", text: "Mål", steps: [{ id: "s1", text: "Steg", due: "9999-12-31", done: false }, { id: "s2", text: "Steg", due: "0001-01-01", done: false }] }] }),
      entry("stages", randomUUID(), stage, { createdAt: "0001-01-01T00:00:00.000Z", updatedAt: "9999-12-31T23:59:59.000Z" }),
      entry("cards", "ansvar:q1", { text: "x", chime: [] }, { history: [{ savedAt: "0001-01-01T00:00:00Z", body: { text: "y", chime: [] } }] }),
      entry("stages", randomUUID(), stage, { history: [{ savedAt: now, body: { ...stage, area: "moon" } }] }),
      // Fine: a life area, the default check-in with its scale, a list value, a date the forms take.
      entry("stages", randomUUID(), { ...stage, area: "housing" }),
    ]);
    const result = await importFile(lane, person, text, { slots });
    expect(result.ok).toBe(false);
    const problems = !result.ok ? result.problems : [];
    expect(problems.map((p) => [p.entry, p.field, p.message])).toEqual([
      [1, "body.area", "toolkit.import.error_area"],
      [2, "body.stage", "toolkit.import.error_stage"],
      [3, "body.instrument", "toolkit.import.error_instrument"],
      [4, "body.instrument", "toolkit.import.error_instrument"],
      [5, "body.answers.hope", "toolkit.import.error_answer"],
      [5, "body.answers.shoe", "toolkit.import.error_answer"],
      [5, "body.why.shoe", "toolkit.import.error_answer"],
      [6, "body.piles.finnes-ikke", "toolkit.import.error_value"],
      [6, "body.top.0", "toolkit.import.error_value"],
      [6, "body.finishedAt", "toolkit.import.error_date"],
      [7, "ref", "toolkit.import.error_value"],
      [8, "body.goals.0.steps.0.due", "toolkit.import.error_date"],
      [8, "body.goals.0.steps.1.due", "toolkit.import.error_date"],
      [9, "createdAt", "toolkit.import.error_date"],
      [9, "updatedAt", "toolkit.import.error_date"],
      [10, "history.0.savedAt", "toolkit.import.error_date"],
      [11, "history.0.body.area", "toolkit.import.error_area"],
    ]);
    expectTranslated(problems);
    expect(await entriesOf(person)).toBe(0);
    // The forms apply the same date rule.
    expect(stepForm.safeParse({ goalId: "g1", text: "Steg", due: "9999-12-31" }).success).toBe(false);
    expect(stepForm.safeParse({ goalId: "g1", text: "Steg", due: "0001-01-01" }).success).toBe(false);
    expect(stepForm.safeParse({ goalId: "g1", text: "Steg", due: "2027-03-01" }).success).toBe(true);
    expect(shareForm.safeParse({ item: "dream", peer: `${randomUUID()}:${randomUUID()}`, mode: "read", until: "9999-12-31" }).success).toBe(false);
    // An export's own date line is checked too.
    expect(checkImport(file([], "0001-01-01T00:00:00Z"))).toMatchObject({ ok: false, problems: [{ entry: null, field: "exportedAt", message: "toolkit.import.error_date" }] });
  });

  it("a check-in made with a centre's pack is read in where the person can use that pack, and refused elsewhere", async () => {
    const kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
    const coordinator = await actorFor(db, "koordinator@example.org");
    expect(await installPack(db, coordinator, kbt, madeUp)).toEqual({ ok: true });
    const participant = await actorFor(db, "deltaker@example.org");
    await giveConsent(db, participant);
    const now = new Date().toISOString();
    const text = file([{ tool: "check_in", ref: randomUUID(), createdAt: now, updatedAt: now, body: { instrument: "oppdiktet-skjema", version: 2, answers: { "item-a": 1, "item-b": 5, "item-c": null }, why: {} } }]);
    expect(await importFile(lane, participant, text, { slots })).toEqual({ ok: true, imported: 1, skipped: 0 });
    expect((await myEntries(lane, participant, ["check_in"])).length).toBeGreaterThanOrEqual(1);
    const outsider = await newPerson();
    expect(await importFile(lane, outsider, text, { slots })).toMatchObject({ ok: false, reason: "problems", problems: [{ entry: 1, field: "body.instrument", message: "toolkit.import.error_instrument" }] });
    expect(await myEntries(lane, outsider, tools)).toEqual([]);
  });
});

// The limits of PostgreSQL sessions (ADR 0017): only PostgreSQL has them; PGlite is one connection.
if (dbKind === "postgres")
  describe("PostgreSQL: statement timeouts and a pool of its own for long requests", () => {
    it("normal requests have a 10 s statement timeout and a 30 s idle-in-transaction timeout; the long lane a minute", async () => {
      const show = async (d: Db, setting: string) => rowsOf<Record<string, string>>(await d.execute(sql.raw(`show ${setting}`)))[0]![setting];
      expect(await show(db, "statement_timeout")).toBe("10s");
      expect(await show(db, "idle_in_transaction_session_timeout")).toBe("30s");
      expect(await show(handle.long.db, "statement_timeout")).toBe("1min");
      expect(slots).toBe(2);
      // A statement over the limit is ended by the server (here a shorter limit, to keep the test quick).
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`set local statement_timeout = 200`);
          await tx.execute(sql`select pg_sleep(2)`);
        }),
      ).rejects.toThrow();
    });
  });
