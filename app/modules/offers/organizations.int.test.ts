import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import { race } from "../../../tests/support/race";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import type { Actor } from "~/modules/centres/permissions";
import { offerMetadata, organizations, phones } from "./offers.schema";
import {
  archiveOrganization,
  createOrganization,
  getOrganizationForEdit,
  listEditableOrganizations,
  organizationCentreChoices,
  organizationHistory,
  restoreOrganization,
  updateOrganization,
} from "./organizations.server";
import { newOrganizationSchema, organizationSchema } from "./organizations.forms";
import { searchSchema } from "./offers.forms";
import { searchOffers } from "./offers.server";
import { getService, getOrganization } from "./hsds.server";

let handle: DbHandle;
let db: Db;
let kbt: string;
let rom: string;
let kbtCoordinator: Actor;
let romCoordinator: Actor;
let participant: Actor;
let admin: Actor;
let romAgder: string;
let krafttak: string;

const actor = (email: string) => actorFor(db, email);

const newForm = (values: Record<string, string>) => {
  const parsed = newOrganizationSchema.safeParse(values);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};
const editForm = (values: Record<string, string>) => {
  const parsed = organizationSchema.safeParse(values);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};
const orgId = async (name: string) => (await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)))[0]!.id;
const search = async (q: string) => (await searchOffers(db, searchSchema.parse({ q }))).offers.map((o) => o.name).sort();

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  const centres = await listCentres(db);
  kbt = centres.find((c) => c.shortName === "KBT")!.id;
  rom = centres.find((c) => c.shortName === "ROM Agder")!.id;
  // A second coordinator, of ROM Agder only.
  const [intervjuer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "intervjuer@example.org"));
  await db.delete(memberships).where(eq(memberships.userId, intervjuer!.id));
  await db.insert(memberships).values({ centreId: rom, userId: intervjuer!.id, role: "coordinator" });
  romCoordinator = await actor("intervjuer@example.org");
  kbtCoordinator = await actor("koordinator@example.org");
  participant = await actor("deltaker@example.org");
  admin = await actor("admin@example.org");
  romAgder = await orgId("ROM Agder");
  krafttak = await orgId("Krafttak for sang");
});
afterAll(async () => {
  await handle?.close();
});

describe(`organisations on ${dbKind}`, () => {
  let created: string;

  it("lets the KBT coordinator create an organisation for KBT, with its phone, logged field by field", async () => {
    expect(await organizationCentreChoices(db, kbtCoordinator)).toEqual({ centres: [expect.objectContaining({ id: kbt, shortName: "KBT" })], network: false });
    created = await createOrganization(
      db,
      kbtCoordinator,
      newForm({ centreId: kbt, name: "  Recoverykollektivet  ", description: "Et kollektiv i Trondheim.", organisasjonsnummer: "974 760 673", phone: "73 00 00 00", website: "", email: "Post@Example.org" }),
    );
    const org = await getOrganizationForEdit(db, kbtCoordinator, created);
    expect(org).toMatchObject({
      centreId: kbt,
      name: "Recoverykollektivet",
      alternateName: null,
      organisasjonsnummer: "974760673",
      email: "post@example.org",
      website: null,
      phone: "73 00 00 00",
      archived: false,
      activeOffers: 0,
    });
    const history = await organizationHistory(db, kbtCoordinator, created);
    expect(history.map((h) => [h.action, h.field, h.after]).sort()).toEqual([
      ["create", "description", "Et kollektiv i Trondheim."],
      ["create", "email", "post@example.org"],
      ["create", "name", "Recoverykollektivet"],
      ["create", "organisasjonsnummer", "974760673"],
      ["create", "phones", "73 00 00 00"],
    ]);
    expect(history.every((h) => h.by === "Koordinator Demo")).toBe(true);
    const rows = await db.select({ resourceType: offerMetadata.resourceType }).from(offerMetadata).where(eq(offerMetadata.resourceId, created));
    expect(new Set(rows.map((r) => r.resourceType))).toEqual(new Set(["organization"]));
    // The organisation's phone is its own (HSDS organization.phones), not a service's.
    const [phone] = await db.select().from(phones).where(eq(phones.organizationId, created));
    expect(phone).toMatchObject({ number: "73 00 00 00", serviceId: null, locationId: null, contactId: null });
  });

  it("records every changed field of an edit, and only those", async () => {
    const opened = await getOrganizationForEdit(db, kbtCoordinator, created);
    const result = await updateOrganization(
      db,
      kbtCoordinator,
      created,
      editForm({
        name: "Recoverykollektivet",
        alternateName: "RK",
        description: opened.description,
        website: "https://rk.example.org",
        email: "post@example.org",
        organisasjonsnummer: "974760673",
        phone: "",
        version: opened.version,
      }),
    );
    expect(result).toEqual({ ok: true });
    const updates = (await organizationHistory(db, kbtCoordinator, created)).filter((h) => h.action === "update");
    expect(updates.map((h) => [h.field, h.before, h.after]).sort()).toEqual([
      ["alternate_name", "", "RK"],
      ["phones", "73 00 00 00", ""],
      ["website", "", "https://rk.example.org"],
    ]);
    const after = await getOrganizationForEdit(db, kbtCoordinator, created);
    expect(after).toMatchObject({ alternateName: "RK", website: "https://rk.example.org", phone: null });
    expect(after.version).not.toBe(opened.version);
    expect(await db.select().from(phones).where(eq(phones.organizationId, created))).toEqual([]);
  });

  it("moves the version on when only the phone changes, and saves nothing when nothing changed", async () => {
    const opened = await getOrganizationForEdit(db, kbtCoordinator, created);
    const same = { name: opened.name, alternateName: opened.alternateName ?? "", description: opened.description, website: opened.website ?? "", email: opened.email ?? "", organisasjonsnummer: "974 760 673" };
    const logged = (await organizationHistory(db, kbtCoordinator, created)).length;
    expect(await updateOrganization(db, kbtCoordinator, created, editForm({ ...same, phone: "", version: opened.version }))).toEqual({ ok: true });
    expect((await organizationHistory(db, kbtCoordinator, created)).length).toBe(logged);
    expect(await updateOrganization(db, kbtCoordinator, created, editForm({ ...same, phone: "+47 73 99 99 99", version: opened.version }))).toEqual({ ok: true });
    const now = await getOrganizationForEdit(db, kbtCoordinator, created);
    expect(now.phone).toBe("+47 73 99 99 99");
    expect(now.version).not.toBe(opened.version);
    expect(await updateOrganization(db, kbtCoordinator, created, editForm({ ...same, phone: "+47 73 11 11 11", version: now.version }))).toEqual({ ok: true });
    expect(await db.select({ number: phones.number }).from(phones).where(eq(phones.organizationId, created))).toEqual([{ number: "+47 73 11 11 11" }]);
  });

  it("tells the later of two concurrent saves instead of overwriting", async () => {
    const opened = await getOrganizationForEdit(db, kbtCoordinator, created);
    const base = { name: opened.name, description: "", organisasjonsnummer: "974760673", version: opened.version };
    expect(await updateOrganization(db, admin, created, editForm({ ...base, description: "Versjon A" }))).toEqual({ ok: true });
    expect(await updateOrganization(db, kbtCoordinator, created, editForm({ ...base, description: "Versjon B" }))).toEqual({ ok: false, reason: "changed" });
    expect((await getOrganizationForEdit(db, kbtCoordinator, created)).description).toBe("Versjon A");
  });

  // On PostgreSQL the four saves really overlap: all are inside their transactions before any commits (race.ts).
  it("lets exactly one of several saves sent at the same moment win", async () => {
    const opened = await getOrganizationForEdit(db, kbtCoordinator, created);
    const base = { name: opened.name, organisasjonsnummer: "974760673", version: opened.version };
    const results = await race(
      db,
      { sql: "select 1 from organizations where id = $1 for update", params: [created], release: "commit" },
      ["A", "B", "C", "D"].map((v, i) => () => updateOrganization(db, i % 2 ? admin : kbtCoordinator, created, editForm({ ...base, description: `Samtidig ${v}` }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, reason: "changed" }));
    // One save, one line in the change log.
    const logged = (await organizationHistory(db, kbtCoordinator, created)).filter((h) => h.after?.startsWith("Samtidig"));
    expect(logged).toHaveLength(1);
    expect((await getOrganizationForEdit(db, kbtCoordinator, created)).description).toBe(logged[0]!.after);
  });

  it("lists a coordinator's centre's organisations only, and all to administrators, active first with their offer counts", async () => {
    const mine = await listEditableOrganizations(db, kbtCoordinator);
    expect(mine.map((o) => o.name)).toEqual(["Recoverykollektivet"]);
    const romList = await listEditableOrganizations(db, romCoordinator);
    expect(romList).toEqual([{ id: romAgder, name: "ROM Agder", alternateName: null, centreId: rom, centre: "ROM Agder", activeOffers: 2, archived: false }]);
    const all = await listEditableOrganizations(db, admin);
    expect(all.map((o) => o.name)).toEqual(expect.arrayContaining(["Recoverykollektivet", "ROM Agder", "Krafttak for sang", "Fontenehus"]));
    expect(all.find((o) => o.name === "Krafttak for sang")).toMatchObject({ centreId: null, centre: null, activeOffers: 1 });
    expect(all.find((o) => o.name === "Fontenehus")!.activeOffers).toBe(12);
    expect((await getOrganizationForEdit(db, admin, krafttak)).activeOffers).toBe(1);
    expect((await getOrganizationForEdit(db, romCoordinator, romAgder)).activeOffers).toBe(2);
    await expect(listEditableOrganizations(db, participant)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listEditableOrganizations(db, null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("archives an organisation: its offers leave the search and the API, the list marks it, and restore brings them back", async () => {
    expect(await search("Kjøkkenpraten")).toEqual(["Kjøkkenpraten", "Kjøkkenpratlederkurs"]);
    const [someOffer] = await searchOffers(db, searchSchema.parse({ q: "Kjøkkenpraten" })).then((r) => r.offers);
    await archiveOrganization(db, romCoordinator, romAgder);
    expect(await search("Kjøkkenpraten")).toEqual([]);
    expect(await getService(db, someOffer!.id)).toBeUndefined();
    expect(await getOrganization(db, romAgder)).toBeUndefined();
    expect((await getOrganizationForEdit(db, romCoordinator, romAgder)).archived).toBe(true);
    // Archived ones come last for administrators.
    const all = await listEditableOrganizations(db, admin);
    expect(all.at(-1)).toMatchObject({ name: "ROM Agder", archived: true });
    // Archiving twice logs once.
    await archiveOrganization(db, admin, romAgder);
    await restoreOrganization(db, romCoordinator, romAgder);
    expect(await search("Kjøkkenpraten")).toEqual(["Kjøkkenpraten", "Kjøkkenpratlederkurs"]);
    const log = await organizationHistory(db, romCoordinator, romAgder);
    expect(log.map((h) => [h.action, h.field, h.before, h.after])).toEqual([
      ["restore", "status", "inactive", "active"],
      ["archive", "status", "active", "inactive"],
    ]);
    const [row] = await db.select({ archivedAt: organizations.archivedAt }).from(organizations).where(and(eq(organizations.id, romAgder), isNull(organizations.archivedAt)));
    expect(row).toBeDefined();
  });

  it("keeps a coordinator to their own centre: no reading, editing, archiving or creating for another", async () => {
    const opened = await getOrganizationForEdit(db, admin, romAgder);
    const edit = editForm({ name: "Overtatt", version: opened.version });
    await expect(getOrganizationForEdit(db, kbtCoordinator, romAgder)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateOrganization(db, kbtCoordinator, romAgder, edit)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(archiveOrganization(db, kbtCoordinator, romAgder)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(restoreOrganization(db, kbtCoordinator, romAgder)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(organizationHistory(db, kbtCoordinator, romAgder)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOrganization(db, kbtCoordinator, newForm({ centreId: rom, name: "Snikende" }))).rejects.toBeInstanceOf(ForbiddenError);
    // The network's own organisations and new ones without a centre: administrators only.
    await expect(getOrganizationForEdit(db, kbtCoordinator, krafttak)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOrganization(db, kbtCoordinator, newForm({ centreId: "network", name: "Nettverksorg" }))).rejects.toBeInstanceOf(ForbiddenError);
    // Participants, and people who are not logged in, get nothing.
    await expect(getOrganizationForEdit(db, participant, created)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(organizationCentreChoices(db, participant)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOrganization(db, participant, newForm({ centreId: kbt, name: "Deltakerorg" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createOrganization(db, null, newForm({ centreId: kbt, name: "Anonym" }))).rejects.toBeInstanceOf(ForbiddenError);
    // A missing organisation is not found.
    await expect(getOrganizationForEdit(db, admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
    expect((await getOrganizationForEdit(db, admin, romAgder)).name).toBe("ROM Agder");
    expect(await db.select().from(organizations).where(eq(organizations.name, "Snikende"))).toEqual([]);
  });

  it("lets administrators do it all: any centre, the network's own, and edits of any centre's organisation", async () => {
    const choices = await organizationCentreChoices(db, admin);
    expect(choices.network).toBe(true);
    expect(choices.centres.map((c) => c.shortName).sort()).toEqual(["Bikuben", "KBT", "ROM Agder", "Sagatun", "Vårres"]);
    const network = await createOrganization(db, admin, newForm({ centreId: "network", name: "Nettverkets eget" }));
    expect((await getOrganizationForEdit(db, admin, network)).centreId).toBeNull();
    const forRom = await createOrganization(db, admin, newForm({ centreId: rom, name: "Agder-lag" }));
    expect((await listEditableOrganizations(db, romCoordinator)).map((o) => o.name)).toEqual(["Agder-lag", "ROM Agder"]);
    const opened = await getOrganizationForEdit(db, admin, forRom);
    expect(await updateOrganization(db, admin, forRom, editForm({ name: "Agder-laget", version: opened.version }))).toEqual({ ok: true });
    expect((await organizationHistory(db, romCoordinator, forRom))[0]).toMatchObject({ action: "update", field: "name", before: "Agder-lag", after: "Agder-laget", by: "Admin Demo" });
    await expect(createOrganization(db, admin, newForm({ centreId: "00000000-0000-4000-8000-000000000000", name: "Ingen senter" }))).rejects.toBeInstanceOf(NotFoundError);
  });
});
