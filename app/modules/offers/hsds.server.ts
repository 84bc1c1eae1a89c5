import { and, asc, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { locations, organizations, serviceAtLocations, services } from "./offers.schema";
import { offerConditions, serviceColumns } from "./offers.server";
import { clean, kindForTerm, kindTaxonomy, termObject, type ServiceParams } from "./hsds";
import type { OfferKind } from "./offers";
import { anyOf, loadDetails, type Details } from "./hsds-details.server";

type ServiceRow = { [K in keyof typeof serviceColumns]: (typeof serviceColumns)[K]["_"]["data"] | null };

const organizationColumns = {
  id: organizations.id,
  name: organizations.name,
  alternateName: organizations.alternateName,
  description: organizations.description,
  email: organizations.email,
  website: organizations.website,
  organisasjonsnummer: organizations.organisasjonsnummer,
};

const locationColumns = {
  id: locations.id,
  locationType: locations.locationType,
  organizationId: locations.organizationId,
  name: locations.name,
  alternateName: locations.alternateName,
  description: locations.description,
  url: locations.url,
  transportation: locations.transportation,
  latitude: locations.latitude,
  longitude: locations.longitude,
  kommunenummer: locations.kommunenummer,
  fylkesnummer: locations.fylkesnummer,
};

/** The service's own properties in HSDS form, with the Norwegian profile's extensions. */
function serviceObject(row: ServiceRow) {
  const kind = row.kind as OfferKind | null;
  return {
    ...clean({
      id: row.id,
      organization_id: row.organizationId,
      name: row.name,
      alternate_name: row.alternateName,
      description: row.description || null,
      url: row.url,
      email: row.email,
      status: row.status,
      application_process: row.applicationProcess,
      eligibility_description: row.eligibilityDescription,
      fees_description: row.feesDescription,
      assured_date: row.assuredDate,
      tilbudstype: kind,
      ingen_henvisning: row.noReferral,
      gratis: row.free,
    }),
    malgruppe: row.targetGroups ?? [],
  };
}

type OrganizationRow = { [K in keyof typeof organizationColumns]: (typeof organizationColumns)[K]["_"]["data"] | null };

function organizationObject(row: OrganizationRow, details?: Details) {
  const { identifiers, ...attached } = details?.forOrganization(row.id as string) ?? { identifiers: [] };
  // HSDS organization_identifiers carry the organisasjonsnummer (Brønnøysund, scheme NO-BRC) first, then others.
  const organisasjonsnummer = row.organisasjonsnummer
    ? [{ id: row.id as string, organization_id: row.id as string, identifier_type: "organisasjonsnummer", identifier_scheme: "NO-BRC", identifier: row.organisasjonsnummer as string }]
    : [];
  const allIdentifiers = [...organisasjonsnummer, ...identifiers];
  return {
    ...clean({
      id: row.id as string,
      name: row.name as string,
      alternate_name: row.alternateName,
      description: row.description as string,
      email: row.email,
      website: row.website,
      organisasjonsnummer: row.organisasjonsnummer,
      organization_identifiers: allIdentifiers.length ? allIdentifiers : null,
    }),
    ...attached,
  };
}

type LocationRow = { [K in keyof typeof locationColumns]: (typeof locationColumns)[K]["_"]["data"] | null };

function locationObject(row: LocationRow, details?: Details) {
  return {
    ...clean({
      id: row.id as string,
      location_type: row.locationType as string,
      url: row.url,
      organization_id: row.organizationId,
      name: row.name,
      alternate_name: row.alternateName,
      description: row.description,
      transportation: row.transportation,
      latitude: row.latitude,
      longitude: row.longitude,
      kommunenummer: row.kommunenummer,
      fylkesnummer: row.fylkesnummer,
    }),
    ...(details?.forLocation(row.id!) ?? {}),
  };
}

function attributesFor(serviceId: string, kind: string | null) {
  if (!kind) return [];
  const term = termObject(kind as OfferKind);
  return [{ id: serviceId, link_id: serviceId, link_type: "service", link_entity: "service", taxonomy_term_id: term.id, taxonomy_term: term }];
}

function serviceFilterConditions(params: ServiceParams): SQL[] {
  const conditions = offerConditions({
    q: params.search,
    kommune: params.kommunenummer,
    fylke: params.fylkesnummer,
    organizationId: params.organization_id,
    modifiedAfter: params.modified_after ? new Date(params.modified_after) : undefined,
  });
  if (params.taxonomy_term_id) {
    const kind = kindForTerm(params.taxonomy_term_id);
    conditions.push(kind ? eq(services.kind, kind) : sql`false`);
  }
  if (params.taxonomy_id) conditions.push(params.taxonomy_id === kindTaxonomy.id ? sql`${services.kind} is not null` : sql`false`);
  return conditions;
}

/** GET /services: paged, filters AND-ed; `full=true` adds organization, locations and attributes. */
export async function listServices(db: Db, params: ServiceParams) {
  const where = and(...serviceFilterConditions(params));
  const [totalRow] = await db
    .select({ n: count() })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(where);
  const rows = await db
    .select(serviceColumns)
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(where)
    .orderBy(asc(services.name), asc(services.id))
    .limit(params.per_page)
    .offset((params.page - 1) * params.per_page);
  const items = params.full ? await withDetails(db, rows) : rows.map((r) => (params.minimal ? minimalService(r) : serviceObject(r)));
  return { total: totalRow?.n ?? 0, items };
}

function minimalService(row: ServiceRow) {
  return clean({ id: row.id, name: row.name, status: row.status, organization_id: row.organizationId });
}

async function withDetails(db: Db, rows: ServiceRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id!);
  const orgIds = [...new Set(rows.map((r) => r.organizationId!))];
  const [orgs, sals] = await Promise.all([
    db.select(organizationColumns).from(organizations).where(anyOf(organizations.id, orgIds)),
    db
      .select({ salId: serviceAtLocations.id, serviceId: serviceAtLocations.serviceId, salDescription: serviceAtLocations.description, ...locationColumns })
      .from(serviceAtLocations)
      .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
      .where(anyOf(serviceAtLocations.serviceId, ids))
      .orderBy(asc(locations.name), asc(serviceAtLocations.id)),
  ]);
  const details = await loadDetails(db, { services: ids, organizations: orgIds, locations: [...new Set(sals.map((s) => s.id))], serviceAtLocations: sals.map((s) => s.salId) });
  const orgById = new Map(orgs.map((o) => [o.id, organizationObject(o, details)]));
  return rows.map((r) => ({
    ...serviceObject(r),
    ...details.forService(r.id!),
    organization: orgById.get(r.organizationId!),
    service_at_locations: sals
      .filter((s) => s.serviceId === r.id)
      .map((s) => ({
        ...clean({ id: s.salId, service_id: s.serviceId, location_id: s.id, description: s.salDescription }),
        ...details.forServiceAtLocation(s.salId),
        location: locationObject(s, details),
      })),
    attributes: attributesFor(r.id!, r.kind),
  }));
}

/** Full HSDS services for ids, in the order given (for exports). */
export async function fullServices(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(serviceColumns)
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(anyOf(services.id, ids))
    .orderBy(asc(services.id));
  return withDetails(db, rows);
}

/** GET /services/{id}: the full service, or undefined. `includeArchived`: also an archived one (for its editors' page, never the API). */
export async function getService(db: Db, id: string, options: { includeArchived?: boolean } = {}) {
  const rows = await db
    .select(serviceColumns)
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(options.includeArchived ? eq(services.id, id) : and(eq(services.id, id), isNull(services.archivedAt), isNull(organizations.archivedAt)));
  return (await withDetails(db, rows))[0];
}

export async function listOrganizations(db: Db, params: { page: number; per_page: number; search?: string }) {
  const conditions: SQL[] = [isNull(organizations.archivedAt)];
  if (params.search) conditions.push(sql`${organizations.name} ilike ${`%${params.search}%`}`);
  const where = and(...conditions);
  const [totalRow] = await db.select({ n: count() }).from(organizations).where(where);
  const rows = await db
    .select(organizationColumns)
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(params.per_page)
    .offset((params.page - 1) * params.per_page);
  return { total: totalRow?.n ?? 0, items: rows.map((r) => organizationObject(r)) };
}

export async function getOrganization(db: Db, id: string) {
  const [row] = await db.select(organizationColumns).from(organizations).where(and(eq(organizations.id, id), isNull(organizations.archivedAt)));
  if (!row) return undefined;
  const list = await db
    .select(serviceColumns)
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(eq(services.organizationId, id), isNull(services.archivedAt)))
    .orderBy(asc(services.name));
  const details = await loadDetails(db, { services: [], organizations: [id], locations: [], serviceAtLocations: [] });
  return { ...organizationObject(row, details), services: list.map(serviceObject) };
}

/** GET /service_at_locations: the same service filters, one item per (service, location). */
export async function listServiceAtLocations(db: Db, params: ServiceParams) {
  // Place filters apply to the location itself here, not to any location of the service.
  const conditions = serviceFilterConditions({ ...params, kommunenummer: undefined, fylkesnummer: undefined });
  if (params.kommunenummer) conditions.push(eq(locations.kommunenummer, params.kommunenummer));
  if (params.fylkesnummer) conditions.push(eq(locations.fylkesnummer, params.fylkesnummer));
  const where = and(...conditions);
  const base = () =>
    db
      .select({ salId: serviceAtLocations.id, serviceId: serviceAtLocations.serviceId, salDescription: serviceAtLocations.description, ...locationColumns })
      .from(serviceAtLocations)
      .innerJoin(services, eq(services.id, serviceAtLocations.serviceId))
      .innerJoin(organizations, eq(organizations.id, services.organizationId))
      .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId));
  const [totalRow] = await db
    .select({ n: count() })
    .from(serviceAtLocations)
    .innerJoin(services, eq(services.id, serviceAtLocations.serviceId))
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
    .where(where);
  const rows = await base()
    .where(where)
    .orderBy(asc(serviceAtLocations.id))
    .limit(params.per_page)
    .offset((params.page - 1) * params.per_page);
  return {
    total: totalRow?.n ?? 0,
    items: rows.map((s) =>
      clean({ id: s.salId, service_id: s.serviceId, location_id: s.id, description: s.salDescription, location: params.minimal ? undefined : locationObject(s) }),
    ),
  };
}

export async function getServiceAtLocation(db: Db, id: string) {
  const [row] = await db
    .select({ salId: serviceAtLocations.id, serviceId: serviceAtLocations.serviceId, salDescription: serviceAtLocations.description, ...locationColumns })
    .from(serviceAtLocations)
    .innerJoin(services, eq(services.id, serviceAtLocations.serviceId))
    .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
    .where(and(eq(serviceAtLocations.id, id), isNull(services.archivedAt)));
  if (!row) return undefined;
  const service = await getService(db, row.serviceId);
  if (!service) return undefined;
  const { service_at_locations: sals, ...serviceOnly } = service;
  const sal = sals.find((s) => s.id === row.salId);
  return sal ? { ...sal, service: serviceOnly } : undefined;
}
