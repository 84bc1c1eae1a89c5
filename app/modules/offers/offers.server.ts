import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { locations, organizations, serviceAtLocations, services } from "./offers.schema";
import { pageSize, searchWords } from "./offers";
import type { SearchInput } from "./offers.forms";
import { findKommune } from "~/modules/centres/kommuner";

export type OfferFilters = {
  q?: string;
  fylke?: string;
  kommune?: string;
  kind?: string;
  targetGroup?: string;
  noReferral?: boolean;
  free?: boolean;
  organizationId?: string;
  modifiedAfter?: Date;
};

/** The WHERE conditions shared by the search page and the HSDS API: all combined as AND. */
export function offerConditions(filters: OfferFilters): SQL[] {
  // The organization's archive flag as a correlated probe, so queries over services alone (exports,
  // keyset paging) can walk the primary key in order instead of joining and sorting everything.
  const conditions: SQL[] = [
    isNull(services.archivedAt),
    sql`not exists (select 1 from ${organizations} archived where archived.id = ${services.organizationId} and archived.archived_at is not null)`,
  ];
  for (const word of searchWords(filters.q)) {
    // ADR 0012's meaning, unchanged: the word is in the document as a substring ("sang" finds "korsang"), or
    // the document's Norwegian tsvector has a lexeme starting with the word's stem ("kurs" finds "kursene")
    // and the document holds that stem. On the stored columns (ADR 0023): `search_text` is the lower-cased
    // document, so `search_text like lower(p)` is exactly `document ilike p`; `search_vector` is its tsvector.
    // The stem (folded to a constant when the query is planned) is the one condition the trigram index
    // serves: both branches imply it whenever it is part of the word itself, as a Snowball stem is; when it
    // is not (never seen), the indexed condition is '%%' and matches every row, so the meaning never changes.
    const stem = sql`coalesce((tsvector_to_array(to_tsvector('norwegian', ${word}::text)))[1], ${word}::text)`;
    const indexed = sql`case when strpos(lower(${word}::text), lower(${stem})) > 0 then ${stem} else '' end`;
    conditions.push(
      sql`${services.searchText} like lower('%' || ${indexed} || '%') and (${services.searchText} like lower(${`%${word}%`}) or (${services.searchText} like lower('%' || ${stem} || '%') and ${services.searchVector} @@ to_tsquery('norwegian', ${`${word}:*`})))`,
    );
  }
  // The fylke and kommune numbers of the service's places, kept on the service by triggers (drizzle/0007).
  if (filters.fylke) conditions.push(sql`${services.fylker} @> array[${filters.fylke}::text]`);
  if (filters.kommune) conditions.push(sql`${services.kommuner} @> array[${filters.kommune}::text]`);
  if (filters.kind) conditions.push(eq(services.kind, filters.kind));
  if (filters.targetGroup) conditions.push(sql`${filters.targetGroup} = any(${services.targetGroups})`);
  if (filters.noReferral) conditions.push(eq(services.noReferral, true));
  if (filters.free) conditions.push(eq(services.free, true));
  if (filters.organizationId) conditions.push(eq(services.organizationId, filters.organizationId));
  if (filters.modifiedAfter) conditions.push(sql`${services.updatedAt} >= ${filters.modifiedAfter.toISOString()}`);
  return conditions;
}

/** Public search: free text with Norwegian stemming and compound words, filters combined as AND, paged. */
export async function searchOffers(db: Db, input: SearchInput) {
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

/** A service's own columns, as the offer page and the HSDS API read them. */
export const serviceColumns = {
  id: services.id,
  organizationId: services.organizationId,
  name: services.name,
  alternateName: services.alternateName,
  description: services.description,
  url: services.url,
  email: services.email,
  status: services.status,
  applicationProcess: services.applicationProcess,
  eligibilityDescription: services.eligibilityDescription,
  feesDescription: services.feesDescription,
  assuredDate: services.assuredDate,
  kind: services.kind,
  targetGroups: services.targetGroups,
  noReferral: services.noReferral,
  free: services.free,
};


export { loadHsdsServices, type HsdsService } from "./hsds-write.server";
