import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { loadHsdsServices, offerConditions, searchOffers } from "./offers.server";
import { getOfferPage } from "./offer-page.server";
import { searchSchema } from "./offers.forms";
import { listCentres } from "~/modules/centres/centres.server";
import { services } from "./offers.schema";
import { and, eq, sql } from "drizzle-orm";

let handle: DbHandle;
let db: Db;

const search = (query: Record<string, string>) => {
  const parsed = searchSchema.parse(query);
  return searchOffers(db, parsed);
};
const names = async (query: Record<string, string>) => (await search(query)).offers.map((o) => o.name);

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  // Two offers of our own for the stemming cases.
  await loadHsdsServices(
    db,
    [
      { id: "6a0a3b1e-0000-4000-8000-000000000001", name: "Kursene våre i Ålesund", description: "Vi holder kursene om mestring.", organization: { id: "6a0a3b1e-0000-4000-8000-0000000000aa", name: "Testlaget" } },
      { id: "6a0a3b1e-0000-4000-8000-000000000002", name: "Turgruppe", description: "Vi går tur sammen hver uke.", organization: { id: "6a0a3b1e-0000-4000-8000-0000000000aa", name: "Testlaget" } },
      { id: "6a0a3b1e-0000-4000-8000-000000000003", name: "Om kurset", description: "Et kveldskurs i mestring.", organization: { id: "6a0a3b1e-0000-4000-8000-0000000000aa", name: "Testlaget" } },
    ],
    () => null,
  );
});
afterAll(async () => {
  await handle?.close();
});

describe(`offers directory on ${dbKind}`, () => {
  it("loads the offers named in seed 002 with demo data, centre offers under their centre", async () => {
    const all = await search({});
    expect(all.total).toBe(31); // the 28 offers of seed 002, and the 3 made up above
    const centres = await listCentres(db);
    const rom = centres.find((c) => c.shortName === "ROM Agder")!;
    const [kjokken] = await db.select({ centreId: services.centreId }).from(services).where(eq(services.name, "Kjøkkenpraten"));
    expect(kjokken?.centreId).toBe(rom.id);
  });

  it("finds with Norwegian stemming and inside compound words", async () => {
    expect(await names({ q: "kurs" })).toContain("Kursene våre i Ålesund"); // kurs → kursene
    // Only the stemmer can find these: "kursene" is not a substring of "kurset", but both stem to "kurs".
    expect(await names({ q: "kursene" })).toContain("Om kurset");
    expect(await names({ q: "kursene" })).not.toContain("Turgruppe");
    expect(await names({ q: "sang" })).toContain("Krafttak for sang");
    expect(await names({ q: "korsang" })).toContain("Krafttak for sang"); // in the description
    expect(await names({ q: "SANG" })).toEqual(await names({ q: "sang" }));
    expect(await names({ q: "finnesikke" })).toEqual([]);
  });

  it("combines filters as AND: Krafttak for sang in Trøndelag, and not in Agder", async () => {
    expect(await names({ q: "sang", fylke: "50" })).toEqual(["Krafttak for sang"]);
    expect(await names({ q: "sang", fylke: "42" })).toEqual([]);
    expect(await names({ kommune: "5006", type: "kultur-musikk-og-sang" })).toEqual(["Krafttak for sang"]); // Steinkjer
    const noReferral = await search({ ingen_henvisning: "1" });
    expect(noReferral.offers.every((o) => o.name === "Fontenehus")).toBe(true);
    expect(noReferral.total).toBe(12); // the twelve Fontenehus of seed 002
    expect(await names({ malgruppe: "parorende", fylke: "55" })).toEqual(["Pårørende møteplass"]);
  });

  it("pages results 20 at a time with the total", async () => {
    const first = await search({});
    const second = await search({ side: "2" });
    expect(first.offers).toHaveLength(20);
    expect(second.offers.length).toBe(first.total - 20);
    expect(new Set([...first.offers, ...second.offers].map((o) => o.id)).size).toBe(first.total);
    // A page past the end still knows the total.
    const past = await search({ side: "50" });
    expect(past.offers).toEqual([]);
    expect(past.total).toBe(first.total);
    expect(past.pages).toBe(second.page);
  });

  it("matches exactly what `stem prefix query or substring` matches (the stem's substring prefilter drops nothing)", async () => {
    const doc = sql`${services.name} || ' ' || coalesce(${services.alternateName}, '') || ' ' || ${services.description}`;
    const ids = async (conditions: ReturnType<typeof offerConditions>) =>
      (await db.select({ id: services.id }).from(services).where(and(...conditions))).map((r) => r.id).sort();
    for (const word of ["kurs", "kursene", "kurset", "sang", "sangen", "korsang", "og", "pårørendes", "likepersoner", "mestring", "fontenehus", "arbeidet"]) {
      const plain = sql`(to_tsvector('norwegian', ${doc}) @@ to_tsquery('norwegian', ${`${word}:*`}) or ${doc} ilike ${`%${word}%`})`;
      expect(await ids(offerConditions({ q: word })), word).toEqual(await ids([...offerConditions({}), plain]));
    }
  });

  it("treats hostile search text as words, never as query syntax", async () => {
    expect((await search({ q: "sang' & ! | :* ( ) \\" })).offers.map((o) => o.name)).toContain("Krafttak for sang");
  });

  it("rejects unknown filter values with a message key", () => {
    expect(searchSchema.safeParse({ fylke: "99" }).success).toBe(false);
    expect(searchSchema.safeParse({ type: "noe-annet" }).success).toBe(false);
    expect(searchSchema.safeParse({ side: "0" }).success).toBe(false);
  });

  it("shows the whole offer with its places", async () => {
    const [krafttak] = (await search({ q: "Krafttak" })).offers;
    const offer = (await getOfferPage(db, krafttak!.id))?.service;
    expect(offer?.organization?.name).toBe("Krafttak for sang");
    expect(offer?.service_at_locations.map((s) => s.location.place?.kommune)).toContain("Steinkjer");
    expect(await getOfferPage(db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });
});
