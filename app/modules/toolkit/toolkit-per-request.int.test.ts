import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { freshDb } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import type { DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import type { Actor } from "~/modules/centres/permissions";
import { createSession, getSession } from "~/modules/accounts/accounts.server";
import { listCentres } from "~/modules/centres/centres.server";
import { toolkitKeys } from "./toolkit.schema";
import {
  ConsentRequiredError,
  createShare,
  myShares,
  revokeShare,
  toolkitOverview,
  deleteToolkit,
  entryHistory,
  giveConsent,
  myEntries,
  myEntriesWithHistory,
  myEntry,
  saveEntry,
  saveIfChanged,
  type Store,
} from "./toolkit.server";
import { cardAnswerKey } from "./toolkit";

/**
 * Issue 12, item 7 (ADR 0021): a toolkit page reads the person's consent and data key with the session, a
 * card reads its answers' latest versions in one statement, and a save compares what is kept inside its
 * own transaction. What the person sees and what is kept stay exactly as before.
 */
let handle: DbHandle;
const masters = [randomBytes(32)];
let me: Actor;
let other: Actor;

type Answer = { text: string; chime: string[] };

/** The store a request of the person gets: what their session query read (a fresh one per request). */
async function requestStore(userId: string): Promise<Store> {
  const session = await getSession(handle.db, await createSession(handle.db, userId), 30);
  if (!session) throw new Error("no session");
  return { db: handle.db, masters, own: session.toolkit };
}

const answer = (text: string): Answer => ({ text, chime: [] });

beforeAll(async () => {
  handle = await freshDb();
  await loadDemoData(handle.db);
  me = await actorFor(handle.db, "deltaker@example.org");
  const { userId } = await signUpConfirmed(handle.db, { name: "Ola Annen", email: "ola.annen@example.org", password: "et langt passord her" });
  other = { userId, isAdmin: false, memberships: [] };
});
afterAll(async () => {
  await handle.close();
});

describe("the session reads the toolkit's consent and data key", () => {
  it("says no consent and no key before, consent after the yes, and the stored key after the first save", async () => {
    let own = (await requestStore(other.userId)).own!;
    expect(own).toEqual({ userId: other.userId, consent: false, wrappedKey: null });
    await giveConsent(handle.db, other);
    own = (await requestStore(other.userId)).own!;
    expect(own).toEqual({ userId: other.userId, consent: true, wrappedKey: null });

    // The first save of a request makes the key, and the same request reads with it at once.
    const store = await requestStore(other.userId);
    expect((await saveEntry(store, other, { tool: "cards", ref: "tilhorighet:q1", body: answer("Første"), baseRevision: null })).ok).toBe(true);
    const [row] = await handle.db.select({ wrapped: toolkitKeys.wrappedKey }).from(toolkitKeys).where(eq(toolkitKeys.userId, other.userId));
    expect(store.own!.wrappedKey).toBe(row!.wrapped);
    expect((await myEntry<Answer>(store, other, "cards", "tilhorighet:q1"))!.body.text).toBe("Første");
    expect((await requestStore(other.userId)).own).toEqual({ userId: other.userId, consent: true, wrappedKey: row!.wrapped });
  });

  it("reads and writes the same through the session's key as through the key's row", async () => {
    const fromSession = await requestStore(other.userId);
    const fromRow: Store = { db: handle.db, masters };
    await saveIfChanged(fromSession, other, { tool: "cards", ref: "tilhorighet:q2", body: answer("Via økta"), baseRevision: null, started: null, key: cardAnswerKey, empty: (b) => b.text === "" });
    expect((await myEntries(fromRow, other, ["cards"])).map((e) => (e.body as Answer).text)).toEqual(["Første", "Via økta"]);
    expect((await myEntries(fromSession, other, ["cards"])).map((e) => (e.body as Answer).text)).toEqual(["Første", "Via økta"]);
  });

  it("after deleting the whole toolkit, the rest of the request has no consent and no key: nothing more is kept", async () => {
    const store = await requestStore(other.userId);
    await deleteToolkit(store, other);
    expect(store.own).toMatchObject({ consent: false, wrappedKey: null });
    expect(await myEntries(store, other, ["cards"])).toEqual([]);
    await expect(saveEntry(store, other, { tool: "cards", ref: "tilhorighet:q1", body: answer("Etterpå"), baseRevision: null })).rejects.toBeInstanceOf(ConsentRequiredError);
    expect(await handle.db.select().from(toolkitKeys).where(eq(toolkitKeys.userId, other.userId))).toEqual([]);
  });
});

describe("a card's answers with their latest versions", () => {
  it("gives each answer's three latest earlier versions, newest first, and how many there are; the whole history on request", async () => {
    await giveConsent(handle.db, me);
    const store = await requestStore(me.userId);
    let revision: number | null = null;
    for (let n = 1; n <= 6; n++) {
      const saved: Awaited<ReturnType<typeof saveEntry<Answer>>> = await saveEntry(store, me, { tool: "cards", ref: "kjerne:q1", body: answer(`Utkast ${n}`), baseRevision: revision });
      if (!saved.ok) throw new Error("conflict");
      revision = saved.entry.revision;
    }
    await saveEntry(store, me, { tool: "cards", ref: "kjerne:q2", body: answer("Bare én gang"), baseRevision: null });
    await saveEntry(store, me, { tool: "cards", ref: "tilhorighet:q1", body: answer("Et annet kort"), baseRevision: null });
    // Another person's answer to the same question is never among mine.
    await giveConsent(handle.db, other);
    await saveEntry({ db: handle.db, masters }, other, { tool: "cards", ref: "kjerne:q1", body: answer("Ikke mitt"), baseRevision: null });

    const entries = await myEntriesWithHistory(await requestStore(me.userId), me, "cards", ["kjerne:q1", "kjerne:q2", "kjerne:q3"], 3);
    expect(entries.map((e) => [e.ref, (e.body as Answer).text, e.versions])).toEqual([
      ["kjerne:q1", "Utkast 6", 5],
      ["kjerne:q2", "Bare én gang", 0],
    ]);
    const q1 = entries[0]!;
    expect(q1.history.map((h) => [h.revision, (h.body as Answer).text])).toEqual([
      [5, "Utkast 5"],
      [4, "Utkast 4"],
      [3, "Utkast 3"],
    ]);
    expect(entries[1]!.history).toEqual([]);
    const whole = await entryHistory(store, me, q1.id);
    expect(whole.map((h) => (h.body as Answer).text)).toEqual(["Utkast 5", "Utkast 4", "Utkast 3", "Utkast 2", "Utkast 1"]);
    // The same moments as the whole history gives (to the millisecond).
    expect(q1.history.map((h) => h.savedAt.toISOString())).toEqual(whole.slice(0, 3).map((h) => h.savedAt.toISOString()));
  });
});

describe("the toolkit's front page in one statement", () => {
  it("counts the cards answered and the shares in force as the separate reads did", async () => {
    const peer = await actorFor(handle.db, "erfaring@example.org");
    const kbt = (await listCentres(handle.db)).find((c) => c.shortName === "KBT")!.id;
    const share = (id: "dream" | "values", until: string | null) => createShare(handle.db, me, { item: id, peerId: peer.userId, centreId: kbt, mode: "read", until }, undefined, "2026-12-01");
    const kept = await share("dream", null);
    await share("values", "2026-12-05");
    const revoked = await share("values", null);
    if (!kept.ok || !revoked.ok) throw new Error("share refused");
    await revokeShare(handle.db, me, revoked.id);
    const cardsAnswered = new Set((await myEntries({ db: handle.db, masters }, me, ["cards"])).map((e) => e.ref.split(":")[0])).size;
    for (const today of ["2026-12-04", "2026-12-06"]) {
      const overview = await toolkitOverview(handle.db, me, today);
      expect(overview).toEqual({ answered: cardsAnswered, activeShares: (await myShares(handle.db, me, today)).filter((s) => s.active).length });
    }
    expect(await toolkitOverview(handle.db, me, "2026-12-04")).toEqual({ answered: 2, activeShares: 2 });
    expect(await toolkitOverview(handle.db, other, "2026-12-04")).toEqual({ answered: 1, activeShares: 0 });
  });
});

describe("a save compares with what is kept inside its transaction", () => {
  it("keeps no new version when the text equals what is kept, even from a form that showed something else", async () => {
    const store = await requestStore(me.userId);
    const before = (await myEntry<Answer>(store, me, "cards", "kjerne:q2"))!;
    const result = await saveIfChanged(store, me, {
      tool: "cards",
      ref: "kjerne:q2",
      body: answer("Bare én gang"),
      baseRevision: null,
      started: "a-form-that-showed-something-else",
      key: cardAnswerKey,
      empty: (b) => b.text === "",
    });
    expect(result.status).toBe("unchanged");
    expect((await myEntry<Answer>(store, me, "cards", "kjerne:q2"))!.revision).toBe(before.revision);
    expect(await entryHistory(store, me, before.id)).toEqual([]);
  });

  it("makes no data key for an empty answer where nothing is kept", async () => {
    const { userId } = await signUpConfirmed(handle.db, { name: "Ny Deltaker", email: "ny.deltaker@example.org", password: "et langt passord her" });
    const fresh: Actor = { userId, isAdmin: false, memberships: [] };
    await giveConsent(handle.db, fresh);
    const store = await requestStore(userId);
    const result = await saveIfChanged(store, fresh, { tool: "cards", ref: "kjerne:q1", body: answer(""), baseRevision: null, started: null, key: cardAnswerKey, empty: (b) => b.text === "" });
    expect(result.status).toBe("unchanged");
    expect(store.own!.wrappedKey).toBeNull();
    expect(await handle.db.select().from(toolkitKeys).where(eq(toolkitKeys.userId, userId))).toEqual([]);
  });
});
