import "./i18n/register";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { freshDb } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { translate } from "~/i18n/i18n";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listAccessToMyData } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/centres/permissions";
import { toolkitEntries } from "./toolkit.schema";
import { loadDemoToolkit } from "./demo.server";
import { addEntry, createShare, giveConsent, markSharesSeen, revokeShare, sharedWithMe, shareLabels, type Store } from "./toolkit.server";
import { exportToolkit, importFile } from "./toolkit-export.server";
import { normaliseDate, shareForm, stepForm } from "./toolkit.forms";

/**
 * Issue 11 (first use), items 14 and 15: an import says whose file it is and asks before merging another
 * person's; dates as people type them; peer workers see when a share started and what is new; the
 * access log says what was shared with whom. On PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
let handle: DbHandle;
let db: Db;
let store: Store;
let lane: Store;
let slots: number;
const master = randomBytes(32);

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  store = { db, masters: [master] };
  lane = { db: handle.long.db, masters: [master] };
  slots = handle.long.slots;
  await loadDemoData(db);
  await loadDemoToolkit(store);
});

afterAll(async () => {
  await handle.close();
});

async function newPerson(name: string): Promise<{ actor: Actor; email: string }> {
  const email = `ny.${randomBytes(4).toString("hex")}@example.org`;
  const { userId } = await signUpConfirmed(db, { name, email, password: "et-langt-passord-2026" });
  const actor: Actor = { userId, isAdmin: false, memberships: [] };
  await giveConsent(db, actor);
  return { actor, email };
}
const entriesOf = async (actor: Actor) => (await db.select({ n: count() }).from(toolkitEntries).where(eq(toolkitEntries.ownerId, actor.userId)))[0]!.n;

describe("reading in another person's toolkit export", () => {
  it("the export says whose it is; another person's file is not merged until they say yes", async () => {
    const kari = await newPerson("Kari Nordmann");
    await addEntry(store, kari.actor, "check_in", { instrument: "knutepunkt-sjekk", version: 1, answers: { hope: 6 }, why: {} });
    await addEntry(store, kari.actor, "stages", { area: "overall", stage: "awareness", note: "" });
    const doc = await exportToolkit(store, kari.actor);
    expect(doc.owner).toEqual({ name: "Kari Nordmann", email: kari.email });
    const text = JSON.stringify(doc);

    const ola = await newPerson("Ola Nordmann");
    const asked = await importFile(lane, ola.actor, text, { slots, person: { email: ola.email, confirmed: false } });
    expect(asked).toEqual({ ok: false, reason: "confirm", owner: { name: "Kari Nordmann", email: kari.email }, entries: 2, problems: [] });
    expect(await entriesOf(ola.actor)).toBe(0);

    const merged = await importFile(lane, ola.actor, text, { slots, person: { email: ola.email, confirmed: true } });
    expect(merged).toEqual({ ok: true, imported: 2, skipped: 0 });
    expect(await entriesOf(ola.actor)).toBe(2);
  });

  it("the person's own file (the same address, any case) is read in at once; a file that does not say whose is asked about", async () => {
    const kari = await newPerson("Kari");
    await addEntry(store, kari.actor, "stages", { area: "overall", stage: "growth", note: "" });
    const doc = await exportToolkit(store, kari.actor);
    const fresh = await newPerson("Kari igjen");
    // The same person on a new account with the same address (as after deleting and signing up again).
    const own = await importFile(lane, fresh.actor, JSON.stringify(doc), { slots, person: { email: kari.email.toUpperCase(), confirmed: false } });
    expect(own).toEqual({ ok: true, imported: 1, skipped: 0 });
    const { owner: _owner, ...anonymous } = doc;
    const unknown = await importFile(lane, fresh.actor, JSON.stringify(anonymous), { slots, person: { email: fresh.email, confirmed: false } });
    expect(unknown).toMatchObject({ ok: false, reason: "confirm", owner: null, entries: 1 });
  });

  it("the question names both people in every language", () => {
    const values = { name: "Kari Nordmann", email: "kari@example.org", me: "Ola Nordmann", myEmail: "ola@example.org" };
    expect(translate("nb", "toolkit.import.owner_other", values)).toBe("Filen er lastet ned av Kari Nordmann (kari@example.org). Du er logget inn som Ola Nordmann (ola@example.org).");
    expect(translate("nn", "toolkit.import.owner_other", values)).toContain("Kari Nordmann (kari@example.org)");
    expect(translate("en", "toolkit.import.owner_other", values)).toContain("Ola Nordmann (ola@example.org)");
    expect(translate("nb", "toolkit.import.owner_question", { count: 18 })).toBe("Filen har 18 oppføringer. Vil du legge dem til i din verktøykasse? Det du allerede har, blir ikke endret.");
  });
});

describe("dates as people type them", () => {
  it("31.01.2027 and 31.1.2027 are read as 2027-01-31; the date picker's own form still works", () => {
    expect(normaliseDate("31.01.2027")).toBe("2027-01-31");
    expect(normaliseDate(" 1.2.2027 ")).toBe("2027-02-01");
    expect(normaliseDate("31/01/27")).toBe("2027-01-31");
    expect(normaliseDate("2027-01-31")).toBe("2027-01-31");
    expect(stepForm.parse({ goalId: "g1", text: "Steg", due: "31.01.2027" }).due).toBe("2027-01-31");
    expect(stepForm.parse({ goalId: "g1", text: "Steg", due: "2027-01-31" }).due).toBe("2027-01-31");
  });

  it("a date that cannot be shows the Norwegian form as its example, not 2027-01-31", () => {
    for (const due of ["31.02.2027", "i morgen", "31.01.9999"]) {
      const parsed = stepForm.safeParse({ goalId: "g1", text: "Steg", due });
      expect(parsed.success, due).toBe(false);
      expect(parsed.error!.issues[0]!.message).toBe("toolkit.error_date");
    }
    expect(shareForm.safeParse({ item: "dream", peer: "x", mode: "read", until: "30.02.2027" }).error!.issues.map((i) => i.message)).toContain("toolkit.error_date");
    expect(translate("nb", "toolkit.error_date")).toBe("Skriv datoen som dag.måned.år, for eksempel 31.01.2027.");
    for (const lang of ["nb", "nn", "en"] as const) expect(translate(lang, "toolkit.error_date")).not.toContain("2027-01-31");
  });
});

describe("a peer worker's shares: since when, and what is new", () => {
  it("a share is new until the peer worker has seen the list; a later share is new on its own", async () => {
    const participant = await actorFor(db, "deltaker@example.org");
    const peer = await actorFor(db, "erfaring@example.org");
    const kbt = participant.memberships[0]!.centreId;
    // The demo already shares the values; the peer worker has not looked yet.
    let mine = await sharedWithMe(db, peer);
    expect(mine.map((s) => ({ item: s.item, seen: s.seenAt !== null }))).toEqual([{ item: "values", seen: false }]);
    expect(mine[0]!.createdAt).toBeInstanceOf(Date);
    await markSharesSeen(db, peer, mine.map((s) => s.id));
    expect((await sharedWithMe(db, peer)).every((s) => s.seenAt !== null)).toBe(true);

    const dream = await createShare(db, participant, { item: "dream", peerId: peer.userId, centreId: kbt, mode: "suggest", until: null });
    if (!dream.ok) throw new Error(dream.reason);
    mine = await sharedWithMe(db, peer);
    expect(mine.filter((s) => s.seenAt === null).map((s) => s.item)).toEqual(["dream"]);

    // Only the peer worker's own shares are marked: the participant cannot mark them, nor another peer.
    await markSharesSeen(db, participant, [dream.id]);
    expect((await sharedWithMe(db, peer)).find((s) => s.id === dream.id)!.seenAt).toBeNull();
    await markSharesSeen(db, peer, [dream.id]);
    expect((await sharedWithMe(db, peer)).find((s) => s.id === dream.id)!.seenAt).not.toBeNull();
    await revokeShare(db, participant, dream.id);
  });

  it("the participant's access log says what was shared and with whom", async () => {
    const participant = await actorFor(db, "deltaker@example.org");
    const peer = await actorFor(db, "erfaring@example.org");
    const kbt = participant.memberships[0]!.centreId;
    const shared = await createShare(db, participant, { item: "dream", peerId: peer.userId, centreId: kbt, mode: "read", until: null });
    if (!shared.ok) throw new Error(shared.reason);
    await revokeShare(db, participant, shared.id);
    const { events } = await listAccessToMyData(db, participant.userId);
    const shareEvents = events.filter((e) => e.entityType === "toolkit_share" && e.entityId === shared.id);
    expect(shareEvents.map((e) => e.action).sort()).toEqual(["create", "delete"]);
    const labels = await shareLabels(db, participant.userId, [shared.id], "nb");
    const label = labels.get(shared.id)!;
    expect(translate("nb", "audit.create.toolkit_share_named", label)).toBe("Delte Drømmen med Erfaring Demo");
    expect(translate("nb", "audit.delete.toolkit_share_named", label)).toBe("Stoppet delingen av Drømmen med Erfaring Demo");
    expect(translate("en", "audit.create.toolkit_share_named", (await shareLabels(db, participant.userId, [shared.id], "en")).get(shared.id)!)).toBe("Shared the dream with Erfaring Demo");
    // Values: a common noun inside the sentence.
    const values = (await sharedWithMe(db, peer)).find((s) => s.item === "values")!;
    expect(translate("nb", "audit.create.toolkit_share_named", (await shareLabels(db, participant.userId, [values.id], "nb")).get(values.id)!)).toBe(
      "Delte verdiene dine med Erfaring Demo",
    );
    // Only the owner's own shares are named: another person asking gets nothing.
    expect((await shareLabels(db, peer.userId, [shared.id], "nb")).size).toBe(0);
  });
});
