import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import type { Actor } from "~/modules/centres/permissions";
import { accessibilities, addresses, locations, services } from "./offers.schema";
import { offerHistory } from "./manage.server";
import { contactSchema, newOfferSchema, phoneSchema, placeSchema, scheduleSchema } from "./parts.forms";
import { addContact, addPhone, addPlace, addSchedule, createOffer, getOfferParts, organizationsForNewOffer, removePhone, removePlace, removeSchedule, updatePlace } from "./parts.server";
import { getOfferPage } from "./offer-page.server";
import { searchOffers } from "./offers.server";
import { searchSchema } from "./offers.forms";

let handle: DbHandle;
let db: Db;
let kjokkenpraten: string;
let romCoordinator: Actor;
let kbtCoordinator: Actor;
let admin: Actor;

const actor = (email: string) => actorFor(db, email);

const parse = <T,>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, values: Record<string, unknown>): T => {
  const parsed = schema.safeParse(values);
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

describe(`places, times, phones and contacts of an offer on ${dbKind}`, () => {
  it("adds a place with address and accessibility, shown on the offer page and logged", async () => {
    const place = parse(placeSchema, { name: "Huset", address1: "Markens gate 1", postalCode: "4611", city: "Kristiansand", kommune: "4204", accessibility: "Heis til 2. etasje.", latitude: "58,146", longitude: "7.995" });
    await addPlace(db, romCoordinator, kjokkenpraten, place);
    const page = await getOfferPage(db, kjokkenpraten);
    const added = page!.service.service_at_locations.find((s) => s.location.name === "Huset");
    expect(added?.location).toMatchObject({ latitude: 58.146, longitude: 7.995, kommunenummer: "4204", addresses: [{ address_1: "Markens gate 1", postal_code: "4611", city: "Kristiansand", state_province: "Agder" }], accessibility: [{ description: "Heis til 2. etasje." }] });
    const history = await offerHistory(db, romCoordinator, kjokkenpraten);
    expect(history[0]).toMatchObject({ action: "create", field: "service_at_locations", after: "Huset, Markens gate 1, 4611 Kristiansand, Kristiansand" });
    // Found by the kommune filter now.
    expect((await searchOffers(db, searchSchema.parse({ kommune: "4204" }))).offers.map((o) => o.name)).toContain("Kjøkkenpraten");
  });

  it("changes and removes a place; an unused location goes with it", async () => {
    const parts = await getOfferParts(db, romCoordinator, kjokkenpraten);
    const huset = parts.places.find((p) => p.name === "Huset")!;
    // Rows the form does not show (as an import may bring them) survive an edit of the place.
    await db.insert(addresses).values({ locationId: huset.locationId, address1: "Postboks 12", postalCode: "4601", city: "Kristiansand", addressType: "postal" });
    await db.insert(accessibilities).values({ locationId: huset.locationId, description: "Teleslynge i salen.", details: "Spør i resepsjonen.", url: "https://example.org/tilgjengelighet" });
    await updatePlace(db, romCoordinator, kjokkenpraten, huset.id, parse(placeSchema, { name: "Huset", address1: "Markens gate 2", postalCode: "4611", city: "Kristiansand", kommune: "4204" }));
    const after = await getOfferParts(db, romCoordinator, kjokkenpraten);
    expect(after.places.find((p) => p.id === huset.id)).toMatchObject({ address1: "Markens gate 2", latitude: null });
    const kept = await db.select({ address1: addresses.address1, type: addresses.addressType }).from(addresses).where(eq(addresses.locationId, huset.locationId));
    expect(kept.map((a) => `${a.type}:${a.address1}`).sort()).toEqual(["physical:Markens gate 2", "postal:Postboks 12"]);
    const access = await db.select({ description: accessibilities.description, details: accessibilities.details }).from(accessibilities).where(eq(accessibilities.locationId, huset.locationId));
    // The form's accessibility text ("Heis …") was cleared; the imported entry with its details stays.
    expect(access).toEqual([{ description: "Teleslynge i salen.", details: "Spør i resepsjonen." }]);
    await removePlace(db, romCoordinator, kjokkenpraten, huset.id);
    expect((await getOfferParts(db, romCoordinator, kjokkenpraten)).places.find((p) => p.id === huset.id)).toBeUndefined();
    expect(await db.select({ id: locations.id }).from(locations).where(eq(locations.id, huset.locationId))).toEqual([]);
    const history = await offerHistory(db, romCoordinator, kjokkenpraten);
    expect(history.slice(0, 2).map((h) => h.action)).toEqual(["delete", "update"]);
  });

  it("adds times in plain terms, stored as RRULE parts, and removes them", async () => {
    const weekly = parse(scheduleSchema, { repeat: "weekly", days: ["TU"], opensAt: "18:00", closesAt: "20:00" });
    expect(weekly).toMatchObject({ freq: "WEEKLY", byday: "TU", interval: null });
    const monthly = parse(scheduleSchema, { repeat: "monthly", days: ["TH"], ordinal: "-1", opensAt: "12:00", closesAt: "14:30" });
    expect(monthly).toMatchObject({ freq: "MONTHLY", byday: "-1TH" });
    const id = await addSchedule(db, romCoordinator, kjokkenpraten, weekly);
    await addSchedule(db, romCoordinator, kjokkenpraten, monthly);
    const page = await getOfferPage(db, kjokkenpraten);
    expect(page!.service.schedules?.map((s) => s.byday)).toEqual(["TU", "-1TH"]);
    expect((await offerHistory(db, romCoordinator, kjokkenpraten))[0]).toMatchObject({ field: "schedules", after: "Siste torsdag i måneden kl. 12–14.30" });
    await removeSchedule(db, romCoordinator, kjokkenpraten, id);
    expect((await getOfferPage(db, kjokkenpraten))!.service.schedules?.map((s) => s.byday)).toEqual(["-1TH"]);
  });

  it("refuses bad times with a message per field", () => {
    const bad = scheduleSchema.safeParse({ repeat: "weekly", days: [], opensAt: "20:00", closesAt: "18:00", validFrom: "2026-05-01", validTo: "2026-04-01" });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries((bad.success ? [] : bad.error.issues).map((i) => [String(i.path[0]), i.message]));
    expect(messages).toMatchObject({ days: "error.days", closesAt: "error.closes_before_opens", validTo: "error.date_order" });
    expect(placeSchema.safeParse({ kommune: "5001", address1: "Gate 1" }).success).toBe(false);
    expect(placeSchema.safeParse({ kommune: "5001", latitude: "10.4", longitude: "63.4" }).success).toBe(false);
  });

  it("adds and removes phones and contacts", async () => {
    await addPhone(db, romCoordinator, kjokkenpraten, parse(phoneSchema, { number: "+47 38 00 00 00", type: "voice", description: "Hverdager" }));
    await addContact(db, romCoordinator, kjokkenpraten, parse(contactSchema, { title: "Kursleder", email: "kurs@example.org", phone: "900 00 000" }));
    const page = (await getOfferPage(db, kjokkenpraten))!.service;
    expect(page.phones?.[0]).toMatchObject({ number: "+47 38 00 00 00", description: "Hverdager" });
    expect(page.contacts?.[0]).toMatchObject({ title: "Kursleder", email: "kurs@example.org", phones: [{ number: "900 00 000" }] });
    await removePhone(db, romCoordinator, kjokkenpraten, page.phones![0]!.id!);
    expect((await getOfferPage(db, kjokkenpraten))!.service.phones).toBeUndefined();
    expect(contactSchema.safeParse({ email: "x@example.org" }).success).toBe(false);
  });

  it("never lets a coordinator change another centre's offer", async () => {
    const place = parse(placeSchema, { kommune: "5001" });
    await expect(addPlace(db, kbtCoordinator, kjokkenpraten, place)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addSchedule(db, kbtCoordinator, kjokkenpraten, parse(scheduleSchema, { repeat: "daily", days: [] }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addPhone(db, kbtCoordinator, kjokkenpraten, parse(phoneSchema, { number: "12345678" }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOfferParts(db, kbtCoordinator, kjokkenpraten)).rejects.toBeInstanceOf(ForbiddenError);
    // A place of another offer cannot be reached through this one.
    const other = (await getOfferParts(db, admin, kjokkenpraten)).places[0]!;
    const [someOther] = await db.select({ id: services.id }).from(services).where(eq(services.name, "Rockovery"));
    await expect(removePlace(db, admin, someOther!.id, other.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("creates a new offer under an organisation the coordinator may edit, and only there", async () => {
    const orgs = await organizationsForNewOffer(db, romCoordinator);
    expect(orgs.map((o) => o.name)).toEqual(["ROM Agder"]);
    const input = parse(newOfferSchema, { organizationId: orgs[0]!.id, name: "Turgruppe for alle", description: "Vi går tur sammen.", targetGroups: ["bruker"], noReferral: "yes" });
    const id = await createOffer(db, romCoordinator, input);
    const page = await getOfferPage(db, id);
    expect(page?.service).toMatchObject({ name: "Turgruppe for alle", ingen_henvisning: true, malgruppe: ["bruker"] });
    expect(page?.centreId).toBe((await listCentres(db)).find((c) => c.shortName === "ROM Agder")!.id);
    expect((await offerHistory(db, romCoordinator, id))[0]).toMatchObject({ action: "create", field: "name", after: "Turgruppe for alle" });
    await expect(createOffer(db, kbtCoordinator, input)).rejects.toBeInstanceOf(ForbiddenError);
    // Administrators: every organisation of seed 002, the network's own included.
    expect((await organizationsForNewOffer(db, admin)).map((o) => o.name)).toEqual([
      "Bikuben regionalt brukerstyrt senter",
      "Fontenehus",
      "Incita",
      "Kommunelosen",
      "Krafttak for sang",
      "RIO",
      "ROM Agder",
      "Rockovery",
      "Sagatun brukerstyrt senter",
      "Vårres regionalt brukerstyrt senter",
    ]);
  });
});
