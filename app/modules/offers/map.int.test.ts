import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import type { Db, DbHandle } from "~/db/client.server";
import { saveHsdsService, type HsdsService } from "./hsds-write.server";
import { offerMapPoints } from "./map.server";
import { searchSchema } from "./offers.forms";
import { organizations } from "./offers.schema";

const fixture: HsdsService[] = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../tests/fixtures/full-service.hsds.json"), "utf8"));
const choir = fixture[0]!; // "Syngende fellesskap" at Kulturhuset, Trondheim (63.4305, 10.3951), free, no referral

/** A small offer of our own, at the given locations (coordinates or none). */
function offer(n: number, name: string, places: { name: string | null; kommunenummer: string; lat?: number; lon?: number }[], extra: Partial<HsdsService> = {}): HsdsService {
  const id = (k: number) => `0b7a1c52-2222-4c3e-9a10-${String(n * 100 + k).padStart(12, "0")}`;
  return {
    id: id(0),
    name,
    description: "Et tilbud til kartprøven.",
    organization: { id: id(1), name: `Organisasjon ${n}` },
    service_at_locations: places.map((p, i) => ({
      id: id(10 + i),
      location: { id: id(50 + i), name: p.name, kommunenummer: p.kommunenummer, latitude: p.lat ?? null, longitude: p.lon ?? null },
    })),
    ...extra,
  };
}

const walk = offer(1, "Turgruppe", [
  { name: "Bymarka", kommunenummer: "5001", lat: 63.41, lon: 10.3 },
  { name: null, kommunenummer: "4601", lat: 60.39299, lon: 5.324151 }, // Bergen, no name: shown by kommune; rounded to 5 decimals
  { name: "Uten posisjon", kommunenummer: "5001" },
]);
const paid = offer(2, "Sangkurs", [{ name: "Musikkhuset", kommunenummer: "5001", lat: 63.43, lon: 10.4 }], { gratis: false });
const nowhere = offer(3, "Sang uten sted", [{ name: "Ukjent", kommunenummer: "5001" }], { gratis: true });
const archived = offer(4, "Sang i arkivet", [{ name: "Arkivet", kommunenummer: "5001", lat: 63.42, lon: 10.39 }], { gratis: true });

let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await db.transaction(async (tx) => {
    for (const item of [choir, walk, paid, nowhere, archived]) await saveHsdsService(tx as unknown as Db, item, null, { replace: true });
  });
  await db.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, archived.organization.id));
});
afterAll(async () => {
  await handle?.close();
});

const points = (query: Record<string, string>, limit?: number) => offerMapPoints(db, searchSchema.parse(query), limit);

describe(`the offers map's places on ${dbKind}`, () => {
  it("lists only locations with coordinates, of offers that are not archived, in name order", async () => {
    const { points: all, capped } = await points({});
    expect(capped).toBe(false);
    expect(all).toEqual([
      { id: paid.id, name: "Sangkurs", place: "Musikkhuset", lat: 63.43, lon: 10.4 },
      { id: choir.id, name: "Syngende fellesskap", place: "Kulturhuset", lat: 63.4305, lon: 10.3951 },
      { id: walk.id, name: "Turgruppe", place: "Bymarka", lat: 63.41, lon: 10.3 },
      { id: walk.id, name: "Turgruppe", place: "Bergen", lat: 60.39299, lon: 5.32415 },
    ]);
    // Only the columns the map needs.
    expect(Object.keys(all[0]!).sort()).toEqual(["id", "lat", "lon", "name", "place"]);
  });

  it("applies the search's filters, AND-ed, as /tilbud does", async () => {
    const names = async (query: Record<string, string>) => [...new Set((await points(query)).points.map((p) => p.name))];
    expect(await names({ q: "sang" })).toEqual(["Sangkurs", "Syngende fellesskap"]);
    expect(await names({ q: "sang", gratis: "1" })).toEqual(["Syngende fellesskap"]);
    expect(await names({ q: "sang", gratis: "1", ingen_henvisning: "1", type: "kultur-musikk-og-sang", malgruppe: "parorende" })).toEqual([
      "Syngende fellesskap",
    ]);
    expect(await names({ q: "sang", malgruppe: "ungdom" })).toEqual([]);
    expect(await names({ gratis: "1", kommune: "4601" })).toEqual([]);
  });

  it("shows only the chosen area's places of an offer that is also elsewhere", async () => {
    expect((await points({ q: "turgruppe", fylke: "46" })).points.map((p) => p.place)).toEqual(["Bergen"]);
    expect((await points({ q: "turgruppe", kommune: "5001" })).points.map((p) => p.place)).toEqual(["Bymarka"]);
  });

  it("stops at the limit and says so", async () => {
    const result = await points({}, 3);
    expect(result.points).toHaveLength(3);
    expect(result.capped).toBe(true);
    expect((await points({}, 4)).capped).toBe(false);
  });
});
