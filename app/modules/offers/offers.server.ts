import { eq, isNull, sql, type SQL } from "drizzle-orm";
import { organizations, services } from "./offers.schema";
import { searchWords } from "./offers";
import { wordMatch } from "./search.server";

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
    // ADR 0012's meaning on the stored columns (ADR 0023): one SQL with the search page's prepared query.
    conditions.push(wordMatch(word, `%${word}%`, `${word}:*`));
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

export { searchOffers } from "./search.server";

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
