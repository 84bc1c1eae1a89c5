import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { hsdsValidator } from "../../../tests/support/hsds";
import type { Db, DbHandle } from "~/db/client.server";
import { saveHsdsService, type HsdsService } from "./hsds-write.server";
import { getOrganization, getService, getServiceAtLocation, listServices } from "./hsds.server";
import { serviceParams } from "./hsds";
import { phones } from "./offers.schema";
import { eq } from "drizzle-orm";

const fixture: HsdsService[] = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../tests/fixtures/full-service.hsds.json"), "utf8"));
const item = fixture[0]!;

let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await db.transaction((tx) => saveHsdsService(tx as unknown as Db, item, null, { replace: true }));
});
afterAll(async () => {
  await handle?.close();
});

describe(`every HSDS object of a service on ${dbKind}`, () => {
  it("comes back from /services/{id} as written, valid HSDS 3.0", async () => {
    const service = await getService(db, item.id);
    const validate = hsdsValidator("service.json");
    expect(validate(service), JSON.stringify(validate.errors)).toBe(true);
    expect(service?.schedules?.[0]).toMatchObject({ freq: "MONTHLY", byday: "1TH", opens_at: "12:00", closes_at: "14:00" });
    expect(service?.languages?.map((l) => l.code).sort()).toEqual(["en", "no"]);
    expect(service?.cost_options?.[0]).toMatchObject({ amount: 200, currency: "NOK" });
    expect(service?.service_areas?.[0]).toMatchObject({ name: "Trondheim", kommunenummer: "5001" });
    expect(service?.phones?.[0]).toMatchObject({ number: "+47 900 00 003", languages: [{ code: "en" }] });
    expect(service?.contacts?.[0]).toMatchObject({ title: "Korleder", phones: [{ number: "+47 900 00 004" }] });
    const sal = service?.service_at_locations[0];
    expect(sal?.schedules?.[0]).toMatchObject({ freq: "WEEKLY", byday: "TU", opens_at: "18:00", closes_at: "20:00" });
    expect(sal?.location).toMatchObject({
      name: "Kulturhuset",
      latitude: 63.4305,
      longitude: 10.3951,
      kommunenummer: "5001",
      fylkesnummer: "50",
      addresses: [{ address_1: "Testgata 1", postal_code: "7011", city: "Trondheim" }],
      accessibility: [{ description: "Trinnfri inngang og teleslynge." }],
      phones: [{ number: "+47 73 00 00 02" }],
    });
    expect(service?.organization?.organization_identifiers?.map((i) => i.identifier)).toEqual(["123456785", "FR-42"]);
    expect(service?.organization).toMatchObject({ phones: [{ number: "+47 22 00 00 01" }], contacts: [{ title: "Styreleder" }] });
  });

  it("validates in every list and item endpoint", async () => {
    const list = await listServices(db, serviceParams.parse({ full: "true" }));
    const validateList = hsdsValidator("service.json");
    for (const s of list.items) expect(validateList(s), JSON.stringify(validateList.errors)).toBe(true);
    const org = await getOrganization(db, item.organization.id);
    const validateOrg = hsdsValidator("organization.json");
    expect(validateOrg(org), JSON.stringify(validateOrg.errors)).toBe(true);
    const sal = await getServiceAtLocation(db, item.service_at_locations![0]!.id);
    const validateSal = hsdsValidator("service_at_location.json");
    expect(validateSal(sal), JSON.stringify(validateSal.errors)).toBe(true);
    expect(sal?.schedules?.[0]?.byday).toBe("TU");
  });

  it("replaces attached objects when the same service is written again", async () => {
    const changed: HsdsService = { ...item, name: "Syngende fellesskap (ny)", phones: [], cost_options: [] };
    await db.transaction((tx) => saveHsdsService(tx as unknown as Db, changed, null, { replace: true }));
    const service = await getService(db, item.id);
    expect(service?.name).toBe("Syngende fellesskap (ny)");
    expect(service?.phones).toBeUndefined();
    expect(service?.cost_options).toBeUndefined();
    expect(service?.service_at_locations).toHaveLength(1);
    // Nothing left behind: the removed phone and its language are gone from the database.
    expect(await db.select({ id: phones.id }).from(phones).where(eq(phones.id, item.phones![0]!.id))).toEqual([]);
    // Writing it twice does not duplicate anything.
    await db.transaction((tx) => saveHsdsService(tx as unknown as Db, item, null, { replace: true }));
    const again = await getService(db, item.id);
    expect(again?.schedules).toHaveLength(1);
    expect(again?.service_at_locations[0]?.location.addresses).toHaveLength(1);
  });
});

describe(`the offer page on ${dbKind}`, () => {
  it("shows place names and leaves out schedules that have ended", async () => {
    const { getOfferPage } = await import("./offer-page.server");
    const ended = { id: "0b7a1c52-1111-4c3e-9a10-0000000001d1", freq: "WEEKLY", byday: "FR", opens_at: "10:00", closes_at: "12:00", valid_to: "2026-06-30" };
    await db.transaction((tx) => saveHsdsService(tx as unknown as Db, { ...item, schedules: [...item.schedules!, ended] }, null, { replace: true }));
    const page = await getOfferPage(db, item.id, "2026-11-23");
    expect(page?.service.schedules?.map((s) => s.byday)).toEqual(["1TH"]);
    expect((await getOfferPage(db, item.id, "2026-06-01"))?.service.schedules).toHaveLength(2);
    expect(page?.service.service_at_locations[0]?.location.place).toEqual({ kommune: "Trondheim", fylke: "Trøndelag" });
    expect(page?.service.service_areas?.[0]?.place).toEqual({ kommune: "Trondheim", fylke: "Trøndelag" });
  });
});
