import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/modules/centres/permissions";
import { organizations, services } from "./offers.schema";
import type { getService } from "./hsds.server";
import { termObject } from "./hsds";
import type { OfferKind } from "./offers";
import { findKommune, fylker } from "~/modules/centres/kommuner";
import { canEditOffer } from "./manage.server";
import { osloToday } from "~/lib/oslo-date";

/** The full HSDS service as GET /services/{id} serves it (hsds.server.ts); the page shows the same object. */
type HsdsFullService = NonNullable<Awaited<ReturnType<typeof getService>>>;

/*
 * The whole HSDS service in one statement: json_build_object per object, json_agg per list (with the
 * same order as hsds-details.server.ts's queries), json_strip_nulls for HSDS's "never null" (what
 * clean() does in JS). An empty list is NULL from json_agg and so is left out, as nonEmpty() does.
 * Types as the drivers give them to hsds.server.ts: dates stay 'YYYY-MM-DD' strings (json's date text is
 * the same), numerics are JSON numbers (what Number()/num() make of them), bymonthday/byyearday strings.
 */
const languagesJson = (where: string) => `(select json_agg(json_build_object(
    'id', lg.id, 'service_id', lg.service_id, 'location_id', lg.location_id, 'phone_id', lg.phone_id, 'name', lg.name, 'code', lg.code, 'note', lg.note
  ) order by lg.name, lg.id) from languages lg where ${where})`;

const phonesJson = (where: string) => `(select json_agg(json_build_object(
    'id', p.id, 'location_id', p.location_id, 'service_id', p.service_id, 'organization_id', p.organization_id, 'contact_id', p.contact_id,
    'service_at_location_id', p.service_at_location_id, 'number', p.number, 'extension', p.extension, 'type', p.type, 'description', p.description,
    'languages', ${languagesJson("lg.phone_id = p.id")}
  ) order by p.id) from phones p where ${where})`;

const contactsJson = (where: string) => `(select json_agg(json_build_object(
    'id', c.id, 'organization_id', c.organization_id, 'service_id', c.service_id, 'service_at_location_id', c.service_at_location_id,
    'location_id', c.location_id, 'name', c.name, 'title', c.title, 'department', c.department, 'email', c.email,
    'phones', ${phonesJson("p.contact_id = c.id")}
  ) order by c.name, c.id) from contacts c where ${where})`;

const schedulesJson = (where: string) => `(select json_agg(json_build_object(
    'id', sc.id, 'service_id', sc.service_id, 'location_id', sc.location_id, 'service_at_location_id', sc.service_at_location_id,
    'valid_from', sc.valid_from, 'valid_to', sc.valid_to, 'dtstart', sc.dtstart, 'timezone', sc.timezone, 'until', sc.until, 'count', sc.count,
    'wkst', sc.wkst, 'freq', sc.freq, 'interval', sc.interval, 'byday', sc.byday, 'byweekno', sc.byweekno,
    'bymonthday', sc.bymonthday::text, 'byyearday', sc.byyearday::text, 'description', sc.description, 'opens_at', sc.opens_at,
    'closes_at', sc.closes_at, 'schedule_link', sc.schedule_link, 'attending_type', sc.attending_type, 'notes', sc.notes
  ) order by sc.created_at, sc.id) from schedules sc where ${where})`;

const locationJson = `json_build_object(
    'id', l.id, 'location_type', l.location_type, 'url', l.url, 'organization_id', l.organization_id, 'name', l.name,
    'alternate_name', l.alternate_name, 'description', l.description, 'transportation', l.transportation, 'latitude', l.latitude,
    'longitude', l.longitude, 'kommunenummer', l.kommunenummer, 'fylkesnummer', l.fylkesnummer,
    'languages', ${languagesJson("lg.location_id = l.id")},
    'addresses', (select json_agg(json_build_object(
        'id', a.id, 'location_id', a.location_id, 'attention', a.attention, 'address_1', a.address_1, 'address_2', a.address_2, 'city', a.city,
        'region', a.region, 'state_province', a.state_province, 'postal_code', a.postal_code, 'country', a.country, 'address_type', a.address_type
      ) order by a.id) from addresses a where a.location_id = l.id),
    'contacts', ${contactsJson("c.location_id = l.id and c.service_at_location_id is null and c.service_id is null")},
    'accessibility', (select json_agg(json_build_object('id', ac.id, 'location_id', ac.location_id, 'description', ac.description, 'details', ac.details, 'url', ac.url)
      order by ac.id) from accessibilities ac where ac.location_id = l.id),
    'phones', ${phonesJson("p.location_id = l.id and p.service_at_location_id is null and p.service_id is null")},
    'schedules', ${schedulesJson("sc.location_id = l.id and sc.service_at_location_id is null and sc.service_id is null")}
  )`;

const organizationJson = `json_build_object(
    'id', organizations.id, 'name', organizations.name, 'alternate_name', organizations.alternate_name, 'description', organizations.description, 'email', organizations.email, 'website', organizations.website,
    'organisasjonsnummer', organizations.organisasjonsnummer,
    'organization_identifiers', (select json_agg(i.obj order by i.ord, i.id) from (
        select 0 as ord, organizations.id, json_build_object('id', organizations.id, 'organization_id', organizations.id, 'identifier_type', 'organisasjonsnummer', 'identifier_scheme', 'NO-BRC', 'identifier', organizations.organisasjonsnummer) as obj
        where organizations.organisasjonsnummer is not null and organizations.organisasjonsnummer <> ''
        union all
        select 1, oi.id, json_build_object('id', oi.id, 'organization_id', oi.organization_id, 'identifier_scheme', oi.identifier_scheme, 'identifier_type', oi.identifier_type, 'identifier', oi.identifier)
        from organization_identifiers oi where oi.organization_id = organizations.id
      ) i),
    'contacts', ${contactsJson("c.organization_id = organizations.id and c.service_id is null and c.location_id is null and c.service_at_location_id is null")},
    'phones', ${phonesJson("p.organization_id = organizations.id and p.service_id is null and p.location_id is null and p.contact_id is null and p.service_at_location_id is null")}
  )`;

const serviceJson = `json_strip_nulls(json_build_object(
    'id', services.id, 'organization_id', services.organization_id, 'name', services.name, 'alternate_name', services.alternate_name, 'description', nullif(services.description, ''),
    'url', services.url, 'email', services.email, 'status', services.status, 'application_process', services.application_process,
    'eligibility_description', services.eligibility_description, 'fees_description', services.fees_description, 'assured_date', services.assured_date,
    'tilbudstype', services.kind, 'ingen_henvisning', services.no_referral, 'gratis', services.free, 'malgruppe', coalesce(to_json(services.target_groups), '[]'::json),
    'phones', ${phonesJson("p.service_id = services.id and p.service_at_location_id is null")},
    'schedules', ${schedulesJson("sc.service_id = services.id and sc.service_at_location_id is null")},
    'service_areas', (select json_agg(json_build_object(
        'id', ar.id, 'service_id', ar.service_id, 'name', ar.name, 'description', ar.description, 'extent', ar.extent, 'extent_type', ar.extent_type,
        'uri', ar.uri, 'kommunenummer', ar.kommunenummer, 'fylkesnummer', ar.fylkesnummer
      ) order by ar.name, ar.id) from service_areas ar where ar.service_id = services.id),
    'languages', ${languagesJson("lg.service_id = services.id")},
    'cost_options', (select json_agg(json_build_object(
        'id', co.id, 'service_id', co.service_id, 'valid_from', co.valid_from, 'valid_to', co.valid_to, 'option', co.option, 'currency', co.currency,
        'amount', co.amount, 'amount_description', co.amount_description
      ) order by co.id) from cost_options co where co.service_id = services.id),
    'contacts', ${contactsJson("c.service_id = services.id and c.service_at_location_id is null")},
    'organization', ${organizationJson},
    'service_at_locations', coalesce((select json_agg(json_build_object(
        'id', sal.id, 'service_id', sal.service_id, 'location_id', sal.location_id, 'description', sal.description,
        'contacts', ${contactsJson("c.service_at_location_id = sal.id")},
        'phones', ${phonesJson("p.service_at_location_id = sal.id")},
        'schedules', ${schedulesJson("sc.service_at_location_id = sal.id")},
        'location', ${locationJson}
      ) order by l.name, sal.id) from service_at_locations sal join locations l on l.id = sal.location_id where sal.service_id = services.id), '[]'::json)
  ))`;

/** The driver hands json back parsed (node-postgres and PGlite both); a string is parsed here all the same. */
const parseJson = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as Omit<HsdsFullService, "attributes">;

const serviceSql: SQL<Omit<HsdsFullService, "attributes">> = sql.raw(serviceJson).mapWith(parseJson) as never;

/**
 * The public offer page: the same HSDS service the API serves (so the page never shows less than the
 * open data), with place names looked up and schedules that have ended left out. One SQL statement.
 */
export async function getOfferPage(db: Db, id: string, today = osloToday(), options: { includeArchived?: boolean } = {}) {
  const [row] = await offerPageQuery(db).execute({ id });
  if (!row) return undefined;
  if (!options.includeArchived && (row.archivedAt || row.organizationArchived)) return undefined;
  return shapeOfferPage(row, today);
}

/**
 * The statement, prepared once per database handle: on PostgreSQL a named statement, so each connection
 * plans this large query once instead of on every page view (planning cost as much as running it).
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareOfferPage>>();
const prepareOfferPage = (db: Db) =>
  db
    .select({
      centreId: services.centreId,
      archivedAt: services.archivedAt,
      organizationArchived: sql<boolean>`${organizations.archivedAt} is not null`,
      service: serviceSql,
    })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(eq(services.id, sql.placeholder("id")))
    .prepare("offer_page");
function offerPageQuery(db: Db) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareOfferPage(db)));
  return query;
}

/** As the HSDS API's attributes: the offer kind as a taxonomy term. */
function attributesFor(serviceId: string, kind: string | undefined) {
  if (!kind) return [];
  const term = termObject(kind as OfferKind);
  return [{ id: serviceId, link_id: serviceId, link_type: "service", link_entity: "service", taxonomy_term_id: term.id, taxonomy_term: term }];
}

function shapeOfferPage(row: { centreId: string | null; archivedAt: Date | null; organizationArchived: boolean; service: Omit<HsdsFullService, "attributes"> }, today: string) {
  const service: HsdsFullService = { ...row.service, attributes: attributesFor(row.service.id!, row.service.tilbudstype) };
  const current = <T extends { valid_to?: string; until?: string }>(list: T[] | undefined) =>
    (list ?? []).filter((s) => (!s.valid_to || s.valid_to >= today) && (!s.until || s.until >= today));
  const placeName = (kommunenummer?: string) => {
    const kommune = kommunenummer ? findKommune(kommunenummer) : undefined;
    return kommune ? { kommune: kommune.navn, fylke: kommune.fylke } : undefined;
  };
  return {
    centreId: row.centreId ?? null,
    /** Set only with includeArchived: the offer is archived, or hidden because its organisation is. */
    archivedAt: row.archivedAt ?? null,
    organizationArchived: Boolean(row.organizationArchived),
    service: {
      ...service,
      schedules: current(service.schedules),
      service_at_locations: service.service_at_locations.map((sal) => ({
        ...sal,
        schedules: current(sal.schedules),
        location: { ...sal.location, schedules: current(sal.location.schedules), place: placeName(sal.location.kommunenummer) },
      })),
      service_areas: service.service_areas?.map((a) => ({
        ...a,
        place: placeName(a.kommunenummer) ?? (a.fylkesnummer ? { kommune: "", fylke: fylker.find((f) => f.fylkesnummer === a.fylkesnummer)?.navn ?? "" } : undefined),
      })),
    },
  };
}

export type OfferPage = NonNullable<Awaited<ReturnType<typeof getOfferPage>>>;

/**
 * What /tilbud/:id's loader returns, or undefined for a 404. An archived offer (or one whose organisation is
 * archived) is shown only to those who may edit it. One SQL statement: the permission check is pure.
 */
export async function loadOfferPage(db: Db, actor: Actor | null, id: string, today = osloToday()) {
  const page = await getOfferPage(db, id, today, { includeArchived: true });
  if (!page) return undefined;
  const canEdit = canEditOffer(actor, page.centreId);
  if ((page.archivedAt || page.organizationArchived) && !canEdit) return undefined;
  return {
    offer: page.service,
    canEdit,
    archivedAt: page.archivedAt ? page.archivedAt.toISOString() : null,
    organizationArchived: page.organizationArchived,
  };
}
