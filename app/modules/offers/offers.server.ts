import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { locations, organizations, serviceAtLocations, services } from "./offers.schema";
import { pageSize, searchWords } from "./offers";
import type { SearchInput } from "./offers.forms";
import { findKommune } from "~/modules/centres/kommuner";

const document = sql`${services.name} || ' ' || coalesce(${services.alternateName}, '') || ' ' || ${services.description}`;

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
    conditions.push(
      sql`(to_tsvector('norwegian', ${document}) @@ to_tsquery('norwegian', ${`${word}:*`}) or ${document} ilike ${`%${word}%`})`,
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
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(...conditions));
  const total = counted?.n ?? 0;
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      alternateName: services.alternateName,
      organization: organizations.name,
      kind: services.kind,
      assuredDate: services.assuredDate,
      noReferral: services.noReferral,
    })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(...conditions))
    .orderBy(asc(services.name), asc(services.alternateName), asc(services.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  const places = await placesOf(db, rows.map((r) => r.id));
  return {
    page,
    total,
    pages: Math.max(1, Math.ceil(total / pageSize)),
    offers: rows.map((r) => ({ ...r, places: places.get(r.id) ?? [] })),
  };
}

/** Where each service is offered, as place names and kommune. */
async function placesOf(db: Db, serviceIds: string[]) {
  const result = new Map<string, { name: string | null; kommune: string; fylke: string; kommunenummer: string; fylkesnummer: string }[]>();
  if (serviceIds.length === 0) return result;
  const rows = await db
    .select({ serviceId: serviceAtLocations.serviceId, name: locations.name, kommunenummer: locations.kommunenummer })
    .from(serviceAtLocations)
    .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
    .where(inArray(serviceAtLocations.serviceId, serviceIds))
    .orderBy(asc(locations.name));
  for (const row of rows) {
    const kommune = row.kommunenummer ? findKommune(row.kommunenummer) : undefined;
    const list = result.get(row.serviceId) ?? [];
    list.push({
      name: row.name,
      kommune: kommune?.navn ?? "",
      fylke: kommune?.fylke ?? "",
      kommunenummer: kommune?.kommunenummer ?? "",
      fylkesnummer: kommune?.fylkesnummer ?? "",
    });
    result.set(row.serviceId, list);
  }
  return result;
}

/** The whole offer for /tilbud/:id (public), or undefined when unknown or archived. */
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

export async function getOffer(db: Db, id: string) {
  const [row] = await db
    .select({
      ...serviceColumns,
      organization: { id: organizations.id, name: organizations.name, description: organizations.description, website: organizations.website },
    })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(eq(services.id, id), isNull(services.archivedAt), isNull(organizations.archivedAt)));
  if (!row) return undefined;
  const places = (await placesOf(db, [row.id])).get(row.id) ?? [];
  return { ...row, places };
}

export { loadHsdsServices, type HsdsService } from "./hsds-write.server";
