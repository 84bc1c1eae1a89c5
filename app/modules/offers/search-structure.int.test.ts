import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import { generateOffers } from "../../../scripts/generate-offers";
import type { Db, DbHandle } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres } from "~/modules/centres/centres.server";
import type { Actor } from "~/modules/centres/permissions";
import { locations, organizations, serviceAtLocations, services } from "./offers.schema";
import { offerConditions, searchOffers, type OfferFilters } from "./offers.server";
import { searchSchema } from "./offers.forms";
import { pageSize, searchWords } from "./offers";
import type { SearchInput } from "./offers.forms";
import { findKommune } from "~/modules/centres/kommuner";
import { addPlace, removePlace, updatePlace } from "./parts.server";
import { placeSchema } from "./parts.forms";
import { previewImport, runImport } from "./import.server";
import { uuidV5 } from "./import";

/*
 * The oracle: `offerConditions` exactly as it was before the search was restructured onto stored columns
 * (ADR 0023; copied verbatim from offers.server.ts at commit 286393c, only renamed). The new conditions
 * must give the same offers in the same order for every query, so the old ones are kept here, where they
 * can never drift, and run on the same database beside the new ones.
 */
const document = sql`${services.name} || ' ' || coalesce(${services.alternateName}, '') || ' ' || ${services.description}`;

function oldOfferConditions(filters: OfferFilters): SQL[] {
  // The organization's archive flag as a correlated probe, so queries over services alone (exports,
  // keyset paging) can walk the primary key in order instead of joining and sorting everything.
  const conditions: SQL[] = [
    isNull(services.archivedAt),
    sql`not exists (select 1 from ${organizations} archived where archived.id = ${services.organizationId} and archived.archived_at is not null)`,
  ];
  for (const word of searchWords(filters.q)) {
    // Substring first (cheap, and it short-circuits most matches). The stem branch computes to_tsvector
    // per row (about 10 µs), so it runs only on rows that contain the word's own stem: a Snowball stem
    // is a prefix of its word, so every row the prefix query can match contains that stem as a substring.
    // Same result as `ts @@ query or ilike`, 3-4 times cheaper on a search without filters.
    conditions.push(
      // The stem pattern folds to a constant when the query is planned, so a trigram index could serve it.
      sql`(${document} ilike ${`%${word}%`} or (${document} ilike '%' || coalesce((tsvector_to_array(to_tsvector('norwegian', ${word})))[1], ${word}) || '%' and to_tsvector('norwegian', ${document}) @@ to_tsquery('norwegian', ${`${word}:*`})))`,
    );
  }
  if (filters.fylke) {
    conditions.push(sql`exists (select 1 from ${serviceAtLocations} sal join ${locations} l on l.id = sal.location_id where sal.service_id = ${services.id} and l.fylkesnummer = ${filters.fylke})`);
  }
  if (filters.kommune) {
    conditions.push(sql`exists (select 1 from ${serviceAtLocations} sal join ${locations} l on l.id = sal.location_id where sal.service_id = ${services.id} and l.kommunenummer = ${filters.kommune})`);
  }
  if (filters.kind) conditions.push(eq(services.kind, filters.kind));
  if (filters.targetGroup) conditions.push(sql`${filters.targetGroup} = any(${services.targetGroups})`);
  if (filters.noReferral) conditions.push(eq(services.noReferral, true));
  if (filters.free) conditions.push(eq(services.free, true));
  if (filters.organizationId) conditions.push(eq(services.organizationId, filters.organizationId));
  if (filters.modifiedAfter) conditions.push(sql`${services.updatedAt} >= ${filters.modifiedAfter.toISOString()}`);
  return conditions;
}

let handle: DbHandle;
let db: Db;

/** Every matching offer's id, in the search's order (name, alternate name, id). */
async function matchingIds(conditions: SQL[]) {
  const rows = await db
    .select({ id: services.id })
    .from(services)
    .where(and(...conditions))
    .orderBy(asc(services.name), asc(services.alternateName), asc(services.id));
  return rows.map((r) => r.id);
}

/** The search page's filters, as searchOffers maps them. */
const filtersOf = (query: Record<string, string>): OfferFilters => {
  const input = searchSchema.parse(query);
  return { q: input.q, fylke: input.fylke, kommune: input.kommune, kind: input.type, targetGroup: input.malgruppe, noReferral: Boolean(input.ingen_henvisning), free: Boolean(input.gratis) };
};

/** The search page's queries: words, compounds, stems, filters, combinations, paging, no hits, odd characters. */
const queries: Record<string, string>[] = [
  { q: "kurs" },
  { q: "kursene" },
  { q: "kurset" },
  { q: "sang" },
  { q: "korsang" },
  { q: "kor" },
  { q: "mestring" },
  { q: "mestringskurs" },
  { q: "tur" },
  { q: "turgruppe" },
  { q: "treff" },
  { q: "treffsted" },
  { q: "likepersoner" },
  { q: "pårørende" },
  { q: "pårørendes" },
  { q: "håp" },
  { q: "kafé" },
  { q: "kafe" },
  { q: "aktiviteter" },
  { q: "arbeidet" },
  { q: "musikken" },
  { q: "Ålesund" },
  { q: "Kurs I MESTRING" },
  { q: "kurs mestring" },
  { q: "sang tur" },
  { q: "kor kurs håp" },
  { q: "sang kurs mestring tur kor kunst musikk håp samtale" },
  { q: "recovery-kafé" },
  { q: "9339" },
  { q: "12" },
  { q: "a" },
  { q: "   " },
  { q: "xyzzy" },
  { q: "kurs xyzzy" },
  { q: "%_\\'\";-- or 1=1" },
  { q: "kurs%" },
  { q: "c++ sang" },
  { q: "🙂 sang" },
  { q: "ß straße" },
  { q: "İstanbul" },
  { q: "ÆØÅ æøå" },
  { fylke: "50" },
  { fylke: "03" },
  { fylke: "55" },
  { kommune: "5001" },
  { kommune: "0301" },
  { kommune: "4204" },
  { type: "kurs-og-opplaering" },
  { type: "treffsted" },
  { malgruppe: "parorende" },
  { gratis: "1" },
  { ingen_henvisning: "1" },
  { q: "kurs", fylke: "50", type: "kurs-og-opplaering" },
  { q: "sang", kommune: "0301", gratis: "1" },
  { q: "mestring", fylke: "03", malgruppe: "bruker", ingen_henvisning: "1" },
  { fylke: "50", kommune: "0301" },
  { fylke: "46", type: "likepersonsarbeid", gratis: "1", ingen_henvisning: "1" },
  { q: "kurs", side: "2" },
  { q: "kurs", side: "3" },
  { q: "kurs", side: "500" },
  { fylke: "50", side: "4" },
  { q: "xyzzy", side: "2" },
];

/** For each query: the same offers in the same order, as conditions and as the search page's result. */
/**
 * The oracle for the prepared search (search.server.ts): the search as Drizzle built it on every request
 * before ADR 0023's third step, kept here so the prepared query is compared with an independent build of the
 * same SQL — every card's fields and places, not only the ids the other oracle checks.
 */
async function drizzleSearchOffers(db: Db, input: SearchInput) {
  const conditions = offerConditions({
    q: input.q,
    fylke: input.fylke,
    kommune: input.kommune,
    kind: input.type,
    targetGroup: input.malgruppe,
    noReferral: Boolean(input.ingen_henvisning),
    free: Boolean(input.gratis),
  });
  const page = input.side ?? 1;
  // One query: the page's ids with the total (a window count over the whole match, carrying only the
  // sort keys), then the page's own columns, organisation and places for those 20 rows alone.
  const matches = db
    .select({ id: services.id, name: services.name, alternateName: services.alternateName, total: sql<string>`count(*) over ()`.as("total") })
    .from(services)
    .where(and(...conditions))
    .orderBy(asc(services.name), asc(services.alternateName), asc(services.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .as("matches");
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      alternateName: services.alternateName,
      organization: organizations.name,
      kind: services.kind,
      assuredDate: services.assuredDate,
      noReferral: services.noReferral,
      total: matches.total,
      places: sql<[string | null, string | null][]>`(select coalesce(json_agg(json_build_array(l.name, l.kommunenummer) order by l.name), '[]'::json) from ${serviceAtLocations} sal join ${locations} l on l.id = sal.location_id where sal.service_id = ${services.id})`,
    })
    .from(matches)
    .innerJoin(services, eq(services.id, matches.id))
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .orderBy(asc(matches.name), asc(matches.alternateName), asc(matches.id));
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (rows.length === 0 && page > 1) {
    // A page past the end has no row to carry the total: count separately (rare).
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(services)
      .innerJoin(organizations, eq(organizations.id, services.organizationId))
      .where(and(...conditions));
    total = counted?.n ?? 0;
  }

  return {
    page,
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    offers: rows.map(({ total: _total, places, ...r }) => ({ ...r, places: places.map(([name, kommunenummer]) => place(name, kommunenummer)) })),
  };
}

/** A place as pages show it: its name, and its kommune and fylke from the SSB reference data. */
function place(name: string | null, kommunenummer: string | null) {
  const kommune = kommunenummer ? findKommune(kommunenummer) : undefined;
  return {
    name,
    kommune: kommune?.navn ?? "",
    fylke: kommune?.fylke ?? "",
    kommunenummer: kommune?.kommunenummer ?? "",
    fylkesnummer: kommune?.fylkesnummer ?? "",
  };
}

async function expectSameResults() {
  for (const query of queries) {
    const filters = filtersOf(query);
    const expected = await matchingIds(oldOfferConditions(filters));
    expect(await matchingIds(offerConditions(filters)), JSON.stringify(query)).toEqual(expected);
    const input = searchSchema.parse(query);
    const page = input.side ?? 1;
    const result = await searchOffers(db, input);
    expect({ total: result.total, ids: result.offers.map((o) => o.id) }, JSON.stringify(query)).toEqual({ total: expected.length, ids: expected.slice((page - 1) * 20, page * 20) });
    // The search prepared once per shape (search.server.ts, ADR 0023 "A third step"): the whole result as the
    // search Drizzle built per request gave it — page, totals, each card's fields and places —, and the same
    // again when its prepared statement is used a second time.
    expect(result, JSON.stringify(query)).toEqual(await drizzleSearchOffers(db, input));
    expect(await searchOffers(db, input), JSON.stringify(query)).toEqual(result);
  }
  // The HSDS API's own filters go through the same conditions.
  const [org] = await db.select({ id: services.organizationId }).from(services).orderBy(asc(services.name)).limit(1);
  for (const filters of [{ organizationId: org!.id }, { organizationId: org!.id, q: "kurs" }, { modifiedAfter: new Date(Date.now() - 60_000), fylke: "50" }, { modifiedAfter: new Date(Date.now() + 60_000) }]) {
    expect(await matchingIds(offerConditions(filters)), JSON.stringify(filters)).toEqual(await matchingIds(oldOfferConditions(filters)));
  }
}

/** Services whose stored fylker/kommuner differ from their places (none, when the triggers keep them). */
async function staleServices() {
  const rows = await db.execute<{ id: string }>(sql`
    select s.id from services s
    where s.fylker is distinct from coalesce((select array_agg(distinct l.fylkesnummer order by l.fylkesnummer) from service_at_locations sal join locations l on l.id = sal.location_id where sal.service_id = s.id and l.fylkesnummer is not null), '{}')
       or s.kommuner is distinct from coalesce((select array_agg(distinct l.kommunenummer order by l.kommunenummer) from service_at_locations sal join locations l on l.id = sal.location_id where sal.service_id = s.id and l.kommunenummer is not null), '{}')`);
  return rowsOf<{ id: string }>(rows);
}

const searchIds = async (query: Record<string, string>) => (await searchOffers(db, searchSchema.parse(query))).offers.map((o) => o.id);

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
});
afterAll(async () => {
  await handle?.close();
});

describe(`the restructured offers search on ${dbKind}`, () => {
  it("gives the same offers in the same order as before, on the seed data", async () => {
    // Sanity: the table covers hits, compounds and stems, not only empty results.
    expect((await matchingIds(offerConditions(filtersOf({ q: "sang" })))).length).toBeGreaterThan(0);
    await expectSameResults();
    expect(await staleServices()).toEqual([]);
  });

  it("finds an offer under its new fylke as soon as a place is added, moved or removed", async () => {
    const coordinator: Actor = await actorFor(db, "admin@example.org");
    const [offer] = await db.select({ id: services.id, name: services.name }).from(services).where(eq(services.name, "Kjøkkenpraten"));
    const query = { q: offer!.name };
    expect(await searchIds({ ...query, fylke: "18" })).not.toContain(offer!.id);

    // Bodø (1804) is in Nordland (18).
    const salId = await addPlace(db, coordinator, offer!.id, placeSchema.parse({ name: "Nytt sted", kommune: "1804" }));
    expect(await searchIds({ ...query, fylke: "18" })).toContain(offer!.id);
    expect(await searchIds({ ...query, kommune: "1804" })).toContain(offer!.id);

    // Moved to Tromsø (5501, Troms 55).
    await updatePlace(db, coordinator, offer!.id, salId, placeSchema.parse({ name: "Nytt sted", kommune: "5501" }));
    expect(await searchIds({ ...query, fylke: "18" })).not.toContain(offer!.id);
    expect(await searchIds({ ...query, kommune: "1804" })).not.toContain(offer!.id);
    expect(await searchIds({ ...query, fylke: "55" })).toContain(offer!.id);
    expect(await searchIds({ ...query, kommune: "5501" })).toContain(offer!.id);

    await removePlace(db, coordinator, offer!.id, salId);
    expect(await searchIds({ ...query, fylke: "55" })).not.toContain(offer!.id);
    expect(await staleServices()).toEqual([]);
  });

  it("finds an imported offer under its fylke at once, and under its new one when a new import moves it", async () => {
    const kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
    const coordinator: Actor = await actorFor(db, "koordinator@example.org");
    const id = (n: number) => uuidV5(`search-structure-test:${n}`);
    const offer = (kommunenummer: string) => ({
      id: id(1),
      name: "Importert sangkveld",
      description: "Et importert tilbud for testen av søket.",
      tilbudstype: "kultur-musikk-og-sang",
      organization: { id: id(2), name: "Importlaget" },
      service_at_locations: [{ id: id(3), location: { id: id(4), name: "Huset", kommunenummer } }],
    });
    const importOne = async (kommunenummer: string) => {
      const file = { name: "sangkveld.json", bytes: new TextEncoder().encode(JSON.stringify([offer(kommunenummer)])) };
      const preview = await previewImport(db, coordinator, { centreId: kbt, files: [file] });
      if (!preview.ok) throw new Error(JSON.stringify(preview.error));
      await runImport(db, coordinator, preview.id, { onlyValid: false });
    };

    await importOne("4204"); // Kristiansand, Agder (42)
    expect(await searchIds({ q: "sangkveld", fylke: "42" })).toEqual([id(1)]);
    expect(await searchIds({ q: "sangkveld", kommune: "4204" })).toEqual([id(1)]);

    await importOne("1804"); // the same place, now in Bodø, Nordland (18)
    expect(await searchIds({ q: "sangkveld", fylke: "42" })).toEqual([]);
    expect(await searchIds({ q: "sangkveld", fylke: "18" })).toEqual([id(1)]);
    expect(await staleServices()).toEqual([]);
  });

  describe("with 10,000 generated offers", () => {
    /** The services table's indexes, as PostgreSQL would create them again (options included). */
    const indexesOfServices = async () => {
      const rows = await db.execute<{ indexdef: string }>(sql`select indexdef from pg_indexes where schemaname = current_schema() and tablename = 'services' order by indexname`);
      return rowsOf<{ indexdef: string }>(rows).map((r) => r.indexdef);
    };
    let indexesBefore: string[] = [];
    beforeAll(async () => {
      indexesBefore = await indexesOfServices();
      const started = performance.now();
      // The GIN indexes are built once after the rows are in (same definitions), not row by row: half the time on PGlite.
      await generateOffers(db, 10_000, { indexesAfter: true });
      // The time the generated offers add to this file, for the record (ADR 0023).
      console.info(`search-structure (${dbKind}): 10,000 offers generated in ${Math.round(performance.now() - started)} ms`);
    }, 300_000);

    it("keeps every generated offer's fylker and kommuner, and gives the same offers in the same order as before", async () => {
      // The search runs on the same indexes as before the offers were generated: text, trigram, places, kind.
      expect(indexesBefore.filter((d) => / using gin /i.test(d)).length).toBeGreaterThanOrEqual(4);
      expect(await indexesOfServices()).toEqual(indexesBefore);
      expect(await staleServices()).toEqual([]);
      expect((await matchingIds(offerConditions(filtersOf({ q: "kurs", fylke: "50", type: "kurs-og-opplaering" })))).length).toBeGreaterThan(5);
      await expectSameResults();
    }, 300_000);
  });
});
