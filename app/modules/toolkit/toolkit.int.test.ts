import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { freshDb } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import { race } from "../../../tests/support/race";
import type { Db, DbHandle } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, NotFoundError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import { listAccessToMyData } from "~/modules/audit/audit.server";
import { deleteAccount } from "~/modules/accounts/accounts.server";
import type { Actor } from "~/modules/centres/permissions";
import { toolkitEntries, toolkitKeys } from "./toolkit.schema";
import {
  accessTo,
  addEntry,
  ConsentRequiredError,
  giveConsent,
  hasConsent,
  addSuggestion,
  createShare,
  deleteItem,
  deleteToolkit,
  entryHistory,
  myEntries,
  myEntry,
  readSharedItem,
  revokeShare,
  saveEntry,
  sharedWithMe,
  type Store,
} from "./toolkit.server";
import { checkImport, exportToolkit, importToolkit, rewrapDataKeys } from "./toolkit-export.server";
import { decryptText, DecryptionError, unwrapDataKey } from "./toolkit-crypto.server";
import type { Dream } from "./toolkit.forms";
import { itemOf, type ShareItem } from "./toolkit";

let handle: DbHandle;
let db: Db;
let store: Store;
let owner: Actor;
let peer: Actor;
let coordinator: Actor;
let admin: Actor;
let otherParticipant: Actor;
let otherPeer: Actor;
let kbt: string;
const master = randomBytes(32);

const SECRET = "Jeg drømmer om å bo ved sjøen og spille i et band";
const dream: Dream = {
  dream: SECRET,
  helps: "Venner",
  hinders: "Penger",
  goals: [
    {
      id: "g1",
      text: "Finne et band",
      steps: [
        {
          id: "s1",
          text: "Spørre på treffstedet",
          due: "2026-12-01",
          done: false,
        },
      ],
    },
  ],
};

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  store = { db, masters: [master] };
  await loadDemoData(db);
  kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
  owner = await actorFor(db, "deltaker@example.org");
  peer = await actorFor(db, "erfaring@example.org");
  coordinator = await actorFor(db, "koordinator@example.org");
  admin = await actorFor(db, "admin@example.org");
  // A second participant and a second peer worker at KBT.
  for (const [email, role] of [
    ["andre.deltaker@example.org", "participant"],
    ["andre.erfaring@example.org", "peer_worker"],
  ] as const) {
    const created = await createUser(db, {
      name: email,
      email,
      password: "et-langt-passord-2026",
    });
    await db.insert(memberships).values({ centreId: kbt, userId: created.id, role });
  }
  otherParticipant = await actorFor(db, "andre.deltaker@example.org");
  otherPeer = await actorFor(db, "andre.erfaring@example.org");
  await giveConsent(db, owner);
});

async function createUser(db: Db, input: { name: string; email: string; password: string }) {
  const { userId } = await signUpConfirmed(db, input);
  return { id: userId };
}

afterAll(async () => {
  await handle.close();
});

describe("the owner's own toolkit", () => {
  it("keeps nothing without the participant's consent", async () => {
    await expect(saveEntry(store, otherParticipant, { tool: "cards", ref: "ansvar:q1", body: { text: "x", chime: [] }, baseRevision: null })).rejects.toThrow(ConsentRequiredError);
    expect(await hasConsent(db, otherParticipant.userId)).toBe(false);
  });

  it("saves an answer, keeps earlier versions as history, and never silently overwrites a newer save", async () => {
    const first = await saveEntry(store, owner, {
      tool: "cards",
      ref: "drommen:q1",
      body: { text: "Første svar", chime: ["hope"] },
      baseRevision: null,
    });
    expect(first.ok).toBe(true);
    const second = await saveEntry(store, owner, {
      tool: "cards",
      ref: "drommen:q1",
      body: { text: "Andre svar", chime: [] },
      baseRevision: 1,
    });
    expect(second.ok && second.entry.revision).toBe(2);
    // A second tab that also started from revision 1 is told, and gets the current text back.
    const stale = await saveEntry(store, owner, {
      tool: "cards",
      ref: "drommen:q1",
      body: { text: "Fra fane to", chime: [] },
      baseRevision: 1,
    });
    expect(stale.ok).toBe(false);
    expect(!stale.ok && (stale.conflict?.body as { text: string }).text).toBe("Andre svar");
    // Choosing to keep theirs keeps the other version in the history.
    const forced = await saveEntry(store, owner, {
      tool: "cards",
      ref: "drommen:q1",
      body: { text: "Fra fane to", chime: [] },
      baseRevision: 1,
      force: true,
    });
    expect(forced.ok && forced.entry.revision).toBe(3);
    const history = await entryHistory(store, owner, forced.ok ? forced.entry.id : "");
    expect(history.map((h) => (h.body as { text: string }).text)).toEqual(["Andre svar", "Første svar"]);
  });

  // On PostgreSQL these saves really overlap: all are inside their transactions before any commits (race.ts).
  it("two first saves at once: exactly one wins, the other is told", async () => {
    const results = await race(
      db,
      // An uncommitted row with the same key: every save has found no row and waits at its insert; then it goes away.
      {
        sql: "insert into toolkit_entries (id, owner_id, tool, ref, body) values (gen_random_uuid(), $1, 'cards', 'ansvar:q1', 'held')",
        params: [owner.userId],
        release: "rollback",
      },
      ["a", "b", "c"].map(
        (t) => () =>
          saveEntry(store, owner, {
            tool: "cards",
            ref: "ansvar:q1",
            body: { text: t, chime: [] },
            baseRevision: null,
          }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.find((r) => r.ok)!;
    expect(results.filter((r) => !r.ok)).toEqual(Array(2).fill({ ok: false, conflict: winner.ok ? winner.entry : null }));
  });

  it("two saves from the same revision at once: exactly one wins, the others are told, and the history has each version once", async () => {
    const first = await saveEntry(store, owner, { tool: "cards", ref: "tilhorighet:q1", body: { text: "start", chime: [] }, baseRevision: null });
    expect(first.ok).toBe(true);
    const results = await race(
      db,
      { sql: "select 1 from toolkit_entries where owner_id = $1 and tool = 'cards' and ref = 'tilhorighet:q1' for update", params: [owner.userId], release: "commit" },
      ["a", "b", "c"].map((t) => () => saveEntry(store, owner, { tool: "cards", ref: "tilhorighet:q1", body: { text: t, chime: [] }, baseRevision: 1 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.find((r) => r.ok)!;
    expect(winner.ok && winner.entry.revision).toBe(2);
    expect(results.filter((r) => !r.ok)).toEqual(Array(2).fill({ ok: false, conflict: winner.ok ? winner.entry : null }));
    const history = await entryHistory(store, owner, winner.ok ? winner.entry.id : "");
    expect(history.map((h) => (h.body as { text: string }).text)).toEqual(["start"]);
  });

  it("keeps a 20,000-character answer exactly", async () => {
    const long = "æøå ".repeat(5000);
    await saveEntry(store, owner, {
      tool: "cards",
      ref: "leve-med:q1",
      body: { text: long, chime: [] },
      baseRevision: null,
    });
    const read = await myEntry<{ text: string }>(store, owner, "cards", "leve-med:q1");
    expect(read?.body.text).toBe(long);
  });

  it("stores no toolkit text in the clear: a dump of the tables shows none of it", async () => {
    await saveEntry(store, owner, {
      tool: "dream",
      ref: "dream",
      body: dream,
      baseRevision: null,
    });
    const dump = await db.execute(
      sql`select t::text as row from toolkit_entries t union all select v::text from toolkit_entry_versions v union all select k::text from toolkit_keys k`,
    );
    const text = JSON.stringify(rowsOf(dump));
    expect(text).toContain("v1.");
    for (const plain of ["drømmer", "sjøen", "Finne et band", "Første svar", "Andre svar", "æøå"]) expect(text).not.toContain(plain);
    // A ciphertext moved to another row does not open (the row id is bound in).
    const rows = await db.select({ id: toolkitEntries.id, body: toolkitEntries.body }).from(toolkitEntries).where(eq(toolkitEntries.ownerId, owner.userId));
    const [k] = await db.select({ w: toolkitKeys.wrappedKey }).from(toolkitKeys).where(eq(toolkitKeys.userId, owner.userId));
    const key = unwrapDataKey([master], k!.w, owner.userId);
    expect(() => decryptText(key, rows[0]!.body, `toolkit_entries.body:${rows[1]!.id}`)).toThrow(DecryptionError);
  });
});

describe("sharing: no read without a share, every read logged, revocation at once", () => {
  it("nobody but the owner reads an unshared item: not the peer worker, coordinator, administrator or another participant", async () => {
    for (const actor of [peer, otherPeer, coordinator, admin, otherParticipant]) {
      for (const item of ["dream", "values", "card:drommen", "check_in", "stages"] as ShareItem[]) {
        expect(await accessTo(db, actor, owner.userId, item)).toBeNull();
      }
    }
    expect(await sharedWithMe(db, peer)).toEqual([]);
  });

  it("the named peer worker reads the shared dream; the read is in the owner's access log; others still cannot", async () => {
    const created = await createShare(db, owner, {
      item: "dream",
      peerId: peer.userId,
      centreId: kbt,
      mode: "suggest",
      until: null,
    });
    expect(created.ok).toBe(true);
    const shareId = created.ok ? created.id : "";
    const list = await sharedWithMe(db, peer);
    expect(list.map((s) => [s.item, s.ownerName])).toEqual([["dream", "Deltaker Demo"]]);

    const before = (await listAccessToMyData(db, owner.userId)).events.length;
    const read = await readSharedItem(store, peer, shareId, "req-1");
    expect((read.entries.find((e) => e.tool === "dream")?.body as Dream).dream).toBe(SECRET);
    // Only the dream: no card answers ride along.
    expect(read.entries.every((e) => e.tool === "dream" || e.tool === "dream_suggestion")).toBe(true);
    const log = (await listAccessToMyData(db, owner.userId)).events;
    expect(log.length).toBe(before + 1);
    expect(log[0]).toMatchObject({
      action: "read",
      entityType: "toolkit_dream",
      actorName: "Erfaring Demo",
      actorRole: "peer_worker",
      centreName: "KBT",
    });

    // The share is not a key for anyone else.
    for (const actor of [otherPeer, coordinator, admin, otherParticipant]) {
      await expect(readSharedItem(store, actor, shareId)).rejects.toThrow(NotFoundError);
    }
    // A share of the dream is not a share of the values.
    expect(await accessTo(db, peer, owner.userId, "values")).toBeNull();

    // May suggest: the suggestion lands in the owner's toolkit, encrypted with the owner's key.
    expect(await addSuggestion(store, peer, shareId, "Kanskje prøve korpset?", "Erfaring Demo")).toBe(true);
    const suggestions = await myEntries(store, owner, ["dream_suggestion"]);
    expect(suggestions.map((s) => (s.body as { text: string }).text)).toEqual(["Kanskje prøve korpset?"]);
    expect(suggestions[0]!.authorId).toBe(peer.userId);

    // Revoked: the very next read fails.
    expect(await revokeShare(db, owner, shareId)).toBe(true);
    await expect(readSharedItem(store, peer, shareId)).rejects.toThrow(NotFoundError);
    await expect(addSuggestion(store, peer, shareId, "en til", "Erfaring Demo")).rejects.toThrow();
    expect(await sharedWithMe(db, peer)).toEqual([]);
  });

  it("refuses to share with someone who is not a peer worker of the owner's centre, or until a past date", async () => {
    expect(
      await createShare(db, owner, {
        item: "dream",
        peerId: coordinator.userId,
        centreId: kbt,
        mode: "read",
        until: null,
      }),
    ).toEqual({ ok: false, reason: "peer" });
    expect(
      await createShare(db, owner, {
        item: "values",
        peerId: peer.userId,
        centreId: kbt,
        mode: "suggest",
        until: null,
      }),
    ).toEqual({ ok: false, reason: "mode" });
    expect(
      await createShare(db, owner, {
        item: "dream",
        peerId: peer.userId,
        centreId: kbt,
        mode: "read",
        until: "2020-01-01",
      }),
    ).toEqual({ ok: false, reason: "until" });
  });

  it("a share that ended yesterday no longer opens", async () => {
    const created = await createShare(
      db,
      owner,
      {
        item: "card:drommen",
        peerId: peer.userId,
        centreId: kbt,
        mode: "read",
        until: "2026-11-24",
      },
      undefined,
      "2026-11-24",
    );
    const shareId = created.ok ? created.id : "";
    const read = await readSharedItem(store, peer, shareId, undefined, "2026-11-24");
    expect(read.entries.map((e) => e.ref)).toEqual(["drommen:q1"]);
    await expect(readSharedItem(store, peer, shareId, undefined, "2026-11-25")).rejects.toThrow(NotFoundError);
  });
});

describe("permission matrix on the database: every item × sharing state × role", () => {
  const items: ShareItem[] = ["card:drommen", "values", "dream", "check_in", "stages"];
  // What the peer worker reads of each item as the owner has it here: the dream with its one suggestion, and
  // under "values" the one value reflection (no card sort yet).
  const sharedTools: Record<string, string[]> = { "card:drommen": ["cards"], values: ["value_reflection"], dream: ["dream", "dream_suggestion"], check_in: ["check_in"], stages: ["stages"] };
  const states = ["read", "suggest", "revoked", "expired"] as const;

  it("only the peer worker with a share in force reads, and each such read is one line in the owner's log", async () => {
    // Something in every item.
    await addEntry(store, owner, "check_in", { instrument: "knutepunkt-sjekk", version: 1, answers: { hope: 6 }, why: {} });
    await addEntry(store, owner, "stages", { area: "overall", stage: "preparation", note: "" });
    await saveEntry(store, owner, { tool: "value_reflection", ref: "honesty", body: { meaning: "Å si det som det er", livingBy: 7, obstacles: "", step: "" }, baseRevision: null });
    const others = { "peer without share": otherPeer, coordinator, administrator: admin, "another participant": otherParticipant };
    for (const item of items) {
      for (const state of states) {
        const mode = state === "suggest" && item === "dream" ? "suggest" : "read";
        const created = await createShare(db, owner, { item, peerId: peer.userId, centreId: kbt, mode, until: state === "expired" ? "2026-11-24" : null }, undefined, "2026-11-24");
        if (!created.ok) throw new Error(`share ${item}: ${created.reason}`);
        if (state === "revoked") await revokeShare(db, owner, created.id);
        const today = state === "expired" ? "2026-11-25" : "2026-11-24";
        const logged = async () => (await listAccessToMyData(db, owner.userId, 1)).events.filter((e) => e.action === "read" && e.actorUserId !== owner.userId).length;

        const before = await logged();
        const inForce = state === "read" || state === "suggest";
        if (inForce) {
          const read = await readSharedItem(store, peer, created.id, undefined, today);
          expect(read.entries.map((e) => e.tool), `${item} ${state}`).toEqual(sharedTools[item]);
          expect(read.entries.every((e) => itemOf(e.tool, e.ref) === item), `${item}: only that item`).toBe(true);
        } else {
          await expect(readSharedItem(store, peer, created.id, undefined, today), `${item} ${state}`).rejects.toThrow(NotFoundError);
        }
        for (const [role, actor] of Object.entries(others)) {
          await expect(readSharedItem(store, actor, created.id, undefined, today), `${item} ${state} ${role}`).rejects.toThrow(NotFoundError);
          expect(await accessTo(db, actor, owner.userId, item, today), `${item} ${state} ${role}`).toBeNull();
        }
        expect(await logged(), `${item} ${state}: reads logged`).toBe(before + (inForce ? 1 : 0));
        await revokeShare(db, owner, created.id);
      }
    }
  });
});

describe("export, delete, import", () => {
  it("round trip: export → delete everything → import restores every entry with its history and dates", async () => {
    await addEntry(store, owner, "values", {
      piles: { honesty: "very", fun: "important" },
      own: [],
      top: ["honesty"],
      finishedAt: null,
    });
    const exported = await exportToolkit(store, owner);
    // Every entry the owner has made in this file, by tool and ref (ids shown as <id>).
    expect(exported.entries.map((e) => `${e.tool}:${e.ref.replace(/^[0-9a-f-]{36}$/, "<id>")}`).sort()).toEqual([
      "cards:ansvar:q1",
      "cards:drommen:q1",
      "cards:leve-med:q1",
      "cards:tilhorighet:q1",
      "check_in:<id>",
      "dream:dream",
      "dream_suggestion:<id>",
      "stages:<id>",
      "value_reflection:honesty",
      "values:<id>",
    ]);
    const text = JSON.stringify(exported);

    await deleteToolkit(store, owner);
    expect(await myEntries(store, owner, ["cards", "dream", "values", "dream_suggestion"])).toEqual([]);
    expect(await db.select().from(toolkitKeys).where(eq(toolkitKeys.userId, owner.userId))).toEqual([]);
    // Deleting everything withdraws the consent: nothing more is kept until the person says yes again.
    expect(await hasConsent(db, owner.userId)).toBe(false);
    const reread = checkImport(text);
    if (!reread.ok) throw new Error("export did not check");
    await expect(importToolkit(store, owner, reread.doc)).rejects.toThrow(ConsentRequiredError);
    await giveConsent(db, owner);

    const checked = checkImport(text);
    expect(checked.ok).toBe(true);
    const result = await importToolkit(store, owner, checked.ok ? checked.doc : (null as never));
    expect(result).toEqual({ ok: true, imported: exported.entries.length, skipped: 0 });
    const again = await exportToolkit(store, owner);
    const strip = (d: typeof exported) =>
      d.entries.map(({ tool, ref, body, history, createdAt, updatedAt }) => ({
        tool,
        ref,
        body,
        history,
        createdAt,
        updatedAt,
      }));
    expect(strip(again)).toEqual(strip(exported));
    // Importing the same file again adds nothing.
    expect(await importToolkit(store, owner, checked.ok ? checked.doc : (null as never))).toEqual({ ok: true, imported: 0, skipped: exported.entries.length });
  });

  it("an import that fails part-way saves nothing of it (one transaction)", async () => {
    const before = (await myEntries(store, owner, ["cards", "dream", "values", "stages"])).length;
    const now = new Date().toISOString();
    const doc = {
      format: "knutepunkt-toolkit" as const,
      version: 1 as const,
      exportedAt: now,
      entries: [
        { tool: "stages" as const, ref: "00000000-0000-4000-8000-000000000001", createdAt: now, updatedAt: now, body: { area: "overall", stage: "growth", note: "" }, history: [] },
        // Passed the checks but breaks while saving (an impossible time reaches the database).
        { tool: "stages" as const, ref: "00000000-0000-4000-8000-000000000002", createdAt: "not a time", updatedAt: now, body: { area: "overall", stage: "growth", note: "" }, history: [] },
      ],
    };
    await expect(importToolkit(store, owner, doc)).rejects.toThrow();
    expect((await myEntries(store, owner, ["cards", "dream", "values", "stages"])).length).toBe(before);
  });

  it("an import file with bad entries: every problem named, by entry and field, before anything is saved", async () => {
    const bad = JSON.stringify({
      format: "knutepunkt-toolkit",
      version: 1,
      exportedAt: new Date().toISOString(),
      entries: [
        {
          tool: "cards",
          ref: "finnes-ikke:q1",
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          body: { text: "x", chime: [] },
        },
        {
          tool: "dream",
          ref: "dream",
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
          body: { dream: 5 },
        },
      ],
    });
    const checked = checkImport(bad);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems.map((p) => [p.entry, p.message])).toEqual([
      [1, "toolkit.import.error_ref"],
      [2, "toolkit.import.error_body"],
    ]);
    expect(checkImport("{not json").ok).toBe(false);
    expect(!checkImport('{"format":"other"}').ok).toBe(true);
  });

  it("deleting one card's answers leaves the rest", async () => {
    const before = await myEntries(store, owner, ["cards", "dream"]);
    expect(await deleteItem(store, owner, "card:ansvar")).toBe(1);
    const after = await myEntries(store, owner, ["cards", "dream"]);
    expect(after.length).toBe(before.length - 1);
    expect(after.some((e) => e.ref.startsWith("ansvar:"))).toBe(false);
  });
});

describe("crypto-shredding", () => {
  it("after the account is deleted, a dump kept from before cannot be read once the master key is rotated", async () => {
    const victim = await createUser(db, {
      name: "Slett Meg",
      email: "slett.meg@example.org",
      password: "et-langt-passord-2026",
    });
    const actor: Actor = { userId: victim.id, isAdmin: false, memberships: [] };
    await giveConsent(db, actor);
    await saveEntry(store, actor, {
      tool: "dream",
      ref: "dream",
      body: { ...dream, dream: "Hemmelig drøm" },
      baseRevision: null,
    });
    // The backup: every toolkit row of the person, taken before the deletion.
    const [entry] = await db.select({ id: toolkitEntries.id, body: toolkitEntries.body }).from(toolkitEntries).where(eq(toolkitEntries.ownerId, victim.id));
    const [wrapped] = await db.select({ w: toolkitKeys.wrappedKey }).from(toolkitKeys).where(eq(toolkitKeys.userId, victim.id));
    // With the old master key, the backup is readable (that is why old master keys are retired).
    expect(JSON.parse(decryptText(unwrapDataKey([master], wrapped!.w, victim.id), entry!.body, `toolkit_entries.body:${entry!.id}`)).dream).toBe("Hemmelig drøm");

    expect(await deleteAccount(db, victim.id, "et-langt-passord-2026")).toEqual({ ok: true });
    expect(await db.select().from(toolkitKeys).where(eq(toolkitKeys.userId, victim.id))).toEqual([]);
    expect(await db.select().from(toolkitEntries).where(eq(toolkitEntries.ownerId, victim.id))).toEqual([]);
    expect(await db.select().from(users).where(eq(users.id, victim.id))).toEqual([]);

    // Rotation: a new master key; live keys re-wrapped; the old master key retired.
    const newMaster = randomBytes(32);
    const rotated = { db, masters: [newMaster, master] };
    expect(await rewrapDataKeys(rotated)).toBeGreaterThan(0);
    const live = { db, masters: [newMaster] };
    // Everyone still here reads their toolkit with the new key alone…
    expect((await myEntry<Dream>(live, owner, "dream", "dream"))?.body.dream).toBe(SECRET);
    // …and the kept dump of the deleted person opens with nothing the installation still has.
    expect(() => unwrapDataKey(live.masters, wrapped!.w, victim.id)).toThrow(DecryptionError);
    expect(await rewrapDataKeys(rotated)).toBe(0);
  });
});
