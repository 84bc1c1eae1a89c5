import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { freshDb } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { ForbiddenError, listCentres } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { signUp } from "~/modules/accounts/accounts.server";
import type { Actor } from "~/modules/centres/permissions";
import { availablePacks, centrePacks, installPack, packForNewCheckIn, removePack } from "./check-in.server";
import { packsFor, toItemView } from "./item-view.server";
import { addEntry, giveConsent, myEntries, type Store } from "./toolkit.server";
import { cleanAnswers, score } from "./check-in";

/** A centre installs a licensed instrument as data (here a made-up one): no code changes. */
let handle: DbHandle;
let db: Db;
let store: Store;
let kbt: string;
let rom: string;
let coordinator: Actor;
let participant: Actor;
let elsewhere: Actor;
const madeUp = fs.readFileSync(new URL("../../../tests/fixtures/made-up-instrument.json", import.meta.url), "utf8");

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  store = { db, masters: [randomBytes(32)] };
  await loadDemoData(db);
  const centres = await listCentres(db);
  kbt = centres.find((c) => c.shortName === "KBT")!.id;
  rom = centres.find((c) => c.shortName !== "KBT")!.id;
  coordinator = await actorFor(db, "koordinator@example.org");
  participant = await actorFor(db, "deltaker@example.org");
  const other = await signUp(db, { name: "Annet Senter", email: "annet.senter@example.org", password: "et-langt-passord-2026" });
  if (!other.created) throw new Error("sign-up failed");
  await db.insert(memberships).values({ centreId: rom, userId: other.userId, role: "participant" });
  elsewhere = await actorFor(db, "annet.senter@example.org");
  await giveConsent(db, participant);
});

afterAll(async () => {
  await handle.close();
});

describe("instrument packs", () => {
  it("only a coordinator of the centre installs; a broken pack is refused with every problem named", async () => {
    await expect(installPack(db, participant, kbt, madeUp)).rejects.toThrow(ForbiddenError);
    await expect(installPack(db, coordinator, rom, madeUp)).rejects.toThrow(ForbiddenError);
    expect(await installPack(db, coordinator, kbt, "{not json")).toEqual({ ok: false, problems: ["json"] });
    const broken = await installPack(db, coordinator, kbt, JSON.stringify({ ...JSON.parse(madeUp), items: [] }));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.problems.join()).toContain("items");
    expect(await installPack(db, coordinator, kbt, JSON.stringify({ ...JSON.parse(madeUp), id: "knutepunkt-sjekk" }))).toEqual({ ok: false, problems: ["id: reserved"] });
    expect(await centrePacks(db, coordinator, kbt)).toEqual([]);
  });

  it("installed, it is offered to the centre's participants only, scored as its data says, and shown with its own texts", async () => {
    expect(await installPack(db, coordinator, kbt, madeUp)).toEqual({ ok: true });
    expect((await availablePacks(db, participant)).map((p) => p.id)).toEqual(["knutepunkt-sjekk", "oppdiktet-skjema"]);
    expect((await availablePacks(db, elsewhere)).map((p) => p.id)).toEqual(["knutepunkt-sjekk"]);

    const pack = await packForNewCheckIn(db, participant, "oppdiktet-skjema");
    const answers = cleanAnswers(pack, { "item-a": "4", "item-b": "2", "item-c": "" });
    await addEntry(store, participant, "check_in", { instrument: pack.id, version: pack.version, answers, why: {} });
    // What was stored, read back and decrypted, with the pack as the database has it — not the values above.
    const [stored] = await myEntries(store, participant, ["check_in"]);
    expect(stored!.body).toEqual({ instrument: "oppdiktet-skjema", version: 2, answers: { "item-a": 4, "item-b": 2, "item-c": null }, why: {} });
    const storedPack = (await packsFor(db, [stored!])).find((p) => p.id === "oppdiktet-skjema")!;
    expect(storedPack.scoring).toEqual({ method: "mean", reverse: ["item-b"] });
    // item-b is reverse-scored on the scale 1–5: 2 → 4; the mean of 4 and 4 is 4; item-c unanswered.
    expect(score(storedPack, (stored!.body as { answers: Record<string, number | null> }).answers)).toBe(4);
    // A second check-in, to show the score follows the stored answers: (5 + (6 − 1) + 3) / 3 = 13/3, kept to one decimal.
    await addEntry(store, participant, "check_in", { instrument: pack.id, version: pack.version, answers: cleanAnswers(pack, { "item-a": "5", "item-b": "1", "item-c": "3" }), why: {} });
    const both = await myEntries(store, participant, ["check_in"]);
    expect(both.map((e) => score(storedPack, (e.body as { answers: Record<string, number | null> }).answers)).sort((a, b) => a! - b!)).toEqual([4, 4.3]);

    // Removed from the choices, the answers given with it still show with its texts.
    const [installed] = await centrePacks(db, coordinator, kbt);
    await removePack(db, coordinator, kbt, installed!.id);
    expect((await availablePacks(db, participant)).map((p) => p.id)).toEqual(["knutepunkt-sjekk"]);
    const entries = await myEntries(store, participant, ["check_in"]);
    const view = toItemView("en", "check_in", entries, await packsFor(db, entries));
    expect(view.kind === "check_in" && view.packs.map((p) => [p.name, p.items, p.rows.map((r) => r.values)])).toEqual([
      ["Made-up form", ["Statement A about teapots.", "Statement B about umbrellas.", "Statement C about bicycles."], [[4, 2, null], [5, 1, 3]]],
    ]);

    // Installing the same pack again brings it back; other content under the same version is refused.
    expect(await installPack(db, coordinator, kbt, madeUp)).toEqual({ ok: true });
    const changed = { ...JSON.parse(madeUp), name: { nb: "Endret", nn: "Endra", en: "Changed" } };
    expect((await installPack(db, coordinator, kbt, JSON.stringify(changed))).ok).toBe(false);
    expect((await installPack(db, coordinator, kbt, JSON.stringify({ ...changed, version: 3 }))).ok).toBe(true);
  });
});
