import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import { race } from "../../../tests/support/race";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, ForbiddenError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import type { Actor } from "~/modules/centres/permissions";
import { services } from "./offers.schema";
import { archiveOffer, getOfferForEdit, markChecked, offerHistory, uncheckedOffers, updateOffer } from "./manage.server";
import { offerSchema, searchSchema } from "./offers.forms";
import { searchOffers } from "./offers.server";

let handle: DbHandle;
let db: Db;
let kjokkenpraten: string;
let romCoordinator: Actor;
let kbtCoordinator: Actor;
let admin: Actor;

const actor = (email: string) => actorFor(db, email);

const form = (values: Record<string, string | string[]>) => {
  const parsed = offerSchema.safeParse({ targetGroups: [], ...values });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  const rom = (await listCentres(db)).find((c) => c.shortName === "ROM Agder")!;
  const [intervjuer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "intervjuer@example.org"));
  await db.insert(memberships).values({ centreId: rom.id, userId: intervjuer!.id, role: "coordinator" });
  romCoordinator = await actor("intervjuer@example.org");
  kbtCoordinator = await actor("koordinator@example.org");
  admin = await actor("admin@example.org");
  const [row] = await db.select({ id: services.id }).from(services).where(eq(services.name, "Kjøkkenpraten"));
  kjokkenpraten = row!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe(`editing offers on ${dbKind}`, () => {
  it("lets a coordinator edit their own centre's offer and records every changed field in the change log", async () => {
    const current = await getOfferForEdit(db, romCoordinator, kjokkenpraten);
    const result = await updateOffer(
      db,
      romCoordinator,
      kjokkenpraten,
      form({
        name: current.name,
        description: "Samling rundt kjøkkenbordet hver tirsdag.",
        kind: "likepersonsarbeid",
        targetGroups: ["bruker", "parorende"],
        free: "yes",
        eligibilityDescription: current.eligibilityDescription ?? "",
        version: current.version,
      }),
    );
    expect(result).toEqual({ ok: true });
    const history = await offerHistory(db, romCoordinator, kjokkenpraten);
    const fields = history.map((h) => h.field).sort();
    expect(fields).toEqual(["description", "gratis", "malgruppe"]);
    expect(history.find((h) => h.field === "malgruppe")).toMatchObject({ before: "bruker", after: "bruker, parorende", by: "Intervjuer Demo" });
    expect(history.find((h) => h.field === "gratis")).toMatchObject({ before: "", after: "true" });
  });

  it("tells the later of two concurrent saves instead of overwriting", async () => {
    const opened = await getOfferForEdit(db, romCoordinator, kjokkenpraten);
    const first = await updateOffer(db, admin, kjokkenpraten, form({ name: "Kjøkkenpraten", description: "Versjon A", version: opened.version }));
    expect(first).toEqual({ ok: true });
    const second = await updateOffer(db, romCoordinator, kjokkenpraten, form({ name: "Kjøkkenpraten", description: "Versjon B", version: opened.version }));
    expect(second).toEqual({ ok: false, reason: "changed" });
    expect((await getOfferForEdit(db, admin, kjokkenpraten)).description).toBe("Versjon A");
  });

  // On PostgreSQL the four saves really overlap: all are inside their transactions before any commits (race.ts).
  it("lets exactly one of several saves sent at the same moment win", async () => {
    const opened = await getOfferForEdit(db, admin, kjokkenpraten);
    const results = await race(
      db,
      { sql: "select 1 from services where id = $1 for update", params: [kjokkenpraten], release: "commit" },
      ["A", "B", "C", "D"].map(
        (v, i) => () => updateOffer(db, i % 2 ? admin : romCoordinator, kjokkenpraten, form({ name: "Kjøkkenpraten", description: `Samtidig ${v}`, version: opened.version })),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, reason: "changed" }));
    // One save, one line in the change log.
    const logged = (await offerHistory(db, admin, kjokkenpraten)).filter((h) => h.after?.startsWith("Samtidig"));
    expect(logged).toHaveLength(1);
    expect((await getOfferForEdit(db, admin, kjokkenpraten)).description).toBe(logged[0]!.after);
  });

  it("refuses a coordinator of another centre, and a participant", async () => {
    const opened = await getOfferForEdit(db, admin, kjokkenpraten);
    await expect(updateOffer(db, kbtCoordinator, kjokkenpraten, form({ name: "Overtatt", version: opened.version }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(markChecked(db, kbtCoordinator, kjokkenpraten)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(offerHistory(db, await actor("deltaker@example.org"), kjokkenpraten)).rejects.toBeInstanceOf(ForbiddenError);
    // Network offers without a centre: administrators only.
    const [krafttak] = await db.select({ id: services.id }).from(services).where(eq(services.name, "Krafttak for sang"));
    await expect(getOfferForEdit(db, romCoordinator, krafttak!.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getOfferForEdit(db, admin, krafttak!.id)).name).toBe("Krafttak for sang");
  });

  it("marks an offer as checked, and lists the centre's offers not checked for 12 months", async () => {
    const before = await uncheckedOffers(db, romCoordinator, "2026-11-23");
    expect(before.map((o) => o.name).sort()).toEqual(["Kjøkkenpraten", "Kjøkkenpratlederkurs"]);
    await markChecked(db, romCoordinator, kjokkenpraten, "2026-11-23");
    expect((await uncheckedOffers(db, romCoordinator, "2026-11-23")).map((o) => o.name)).toEqual(["Kjøkkenpratlederkurs"]);
    // A year later it is due again.
    expect((await uncheckedOffers(db, romCoordinator, "2027-11-24")).map((o) => o.name).sort()).toEqual(["Kjøkkenpraten", "Kjøkkenpratlederkurs"]);
    // An administrator sees every centre's and the network's: all 28 offers of seed 002 but the one just checked.
    expect((await uncheckedOffers(db, admin, "2026-11-23")).map((o) => o.name)).toEqual([
      ...Array(12).fill("Fontenehus"),
      "Hurdalsjøen Recoverysenter",
      "Kjøkkenpratlederkurs",
      "Kommunelosen",
      "Krafttak for sang",
      "Likepersonssamtaler",
      "Mestringsgrupper",
      "Mestringskurs",
      "Pårørende møteplass",
      "RIO-ReStart",
      "Recoveryaktivitet på Sagatun",
      "Rockovery",
      "Selvstyrkingskurs",
      "Treffsted",
      "Treffsted",
      "Verktøykassa for brukermedvirkning",
    ]);
    await expect(uncheckedOffers(db, await actor("deltaker@example.org"))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("archives an offer: gone from search, kept in the log", async () => {
    await archiveOffer(db, romCoordinator, kjokkenpraten);
    const found = await searchOffers(db, searchSchema.parse({ q: "Kjøkkenpraten" }));
    expect(found.offers.map((o) => o.name)).toEqual(["Kjøkkenpratlederkurs"]);
    expect((await offerHistory(db, admin, kjokkenpraten))[0]).toMatchObject({ action: "archive", field: "status" });
  });
});
