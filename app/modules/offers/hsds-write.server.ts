import { eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import {
  accessibilities,
  addresses,
  contacts,
  costOptions,
  languages,
  locations,
  organizationIdentifiers,
  organizations,
  phones,
  schedules,
  serviceAreas,
  serviceAtLocations,
  services,
} from "./offers.schema";
import { findKommune } from "~/modules/centres/kommuner";

/**
 * Writing HSDS 3.0 services (with their organization, locations and every attached object) as they are,
 * keeping their ids: the demo seed, the importable seed file and imports all go through here.
 * The input is already validated (import.ts / seed test); this module only maps and writes.
 */

type Maybe<T> = T | null | undefined;
export type HsdsLanguage = { id: string; name?: Maybe<string>; code?: Maybe<string>; note?: Maybe<string> };
export type HsdsPhone = { id: string; number: string; extension?: Maybe<number>; type?: Maybe<string>; description?: Maybe<string>; languages?: HsdsLanguage[] };
export type HsdsContact = { id: string; name?: Maybe<string>; title?: Maybe<string>; department?: Maybe<string>; email?: Maybe<string>; phones?: HsdsPhone[] };
export type HsdsSchedule = {
  id: string;
  valid_from?: Maybe<string>;
  valid_to?: Maybe<string>;
  dtstart?: Maybe<string>;
  timezone?: Maybe<number>;
  until?: Maybe<string>;
  count?: Maybe<number>;
  wkst?: Maybe<string>;
  freq?: Maybe<string>;
  interval?: Maybe<number>;
  byday?: Maybe<string>;
  byweekno?: Maybe<string>;
  bymonthday?: Maybe<number | string>;
  byyearday?: Maybe<number | string>;
  description?: Maybe<string>;
  opens_at?: Maybe<string>;
  closes_at?: Maybe<string>;
  schedule_link?: Maybe<string>;
  attending_type?: Maybe<string>;
  notes?: Maybe<string>;
};
export type HsdsAddress = {
  id: string;
  attention?: Maybe<string>;
  address_1: string;
  address_2?: Maybe<string>;
  city: string;
  region?: Maybe<string>;
  state_province?: Maybe<string>;
  postal_code: string;
  country?: Maybe<string>;
  address_type?: Maybe<string>;
};
export type HsdsLocation = {
  id: string;
  name?: Maybe<string>;
  alternate_name?: Maybe<string>;
  description?: Maybe<string>;
  location_type?: Maybe<string>;
  url?: Maybe<string>;
  transportation?: Maybe<string>;
  latitude?: Maybe<number>;
  longitude?: Maybe<number>;
  kommunenummer?: Maybe<string>;
  fylkesnummer?: Maybe<string>;
  addresses?: HsdsAddress[];
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
  schedules?: HsdsSchedule[];
  languages?: HsdsLanguage[];
  accessibility?: { id: string; description?: Maybe<string>; details?: Maybe<string>; url?: Maybe<string> }[];
};
export type HsdsOrganization = {
  id: string;
  name: string;
  alternate_name?: Maybe<string>;
  description?: Maybe<string>;
  website?: Maybe<string>;
  email?: Maybe<string>;
  organisasjonsnummer?: Maybe<string>;
  organization_identifiers?: { id: string; identifier_scheme?: Maybe<string>; identifier_type: string; identifier: string }[];
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
};
export type HsdsService = {
  id: string;
  name: string;
  alternate_name?: Maybe<string>;
  description?: Maybe<string>;
  url?: Maybe<string>;
  email?: Maybe<string>;
  status?: Maybe<string>;
  application_process?: Maybe<string>;
  eligibility_description?: Maybe<string>;
  fees_description?: Maybe<string>;
  assured_date?: Maybe<string>;
  organization: HsdsOrganization;
  service_at_locations?: { id: string; description?: Maybe<string>; location: HsdsLocation; phones?: HsdsPhone[]; contacts?: HsdsContact[]; schedules?: HsdsSchedule[] }[];
  phones?: HsdsPhone[];
  contacts?: HsdsContact[];
  schedules?: HsdsSchedule[];
  languages?: HsdsLanguage[];
  service_areas?: { id: string; name?: Maybe<string>; description?: Maybe<string>; extent?: Maybe<string>; extent_type?: Maybe<string>; uri?: Maybe<string>; kommunenummer?: Maybe<string>; fylkesnummer?: Maybe<string> }[];
  cost_options?: { id: string; valid_from?: Maybe<string>; valid_to?: Maybe<string>; option?: Maybe<string>; currency?: Maybe<string>; amount?: Maybe<number>; amount_description?: Maybe<string> }[];
  tilbudstype?: Maybe<string>;
  malgruppe?: string[];
  ingen_henvisning?: Maybe<boolean>;
  gratis?: Maybe<boolean>;
  kilde?: Maybe<string>;
};

/**
 * An id in an import is already used by another record than the one being written (another centre's
 * phone, place link, contact, …). Writing it would attach the import's data to that record, so the
 * transaction is stopped instead.
 */
export class ForeignIdError extends Error {
  constructor(readonly table: string, readonly id: string) {
    super(`The id ${id} is already used in ${table} by another record.`);
  }
}

const n = <T,>(v: Maybe<T>) => (v === undefined ? null : v);

/**
 * After an insert with `on conflict do nothing`: was the row written? In replace mode (imports) the
 * record's own attached rows were deleted first, so a conflict means the id belongs to something else.
 * In seed mode a conflict means "already loaded", and what hangs under it is left alone too.
 */
function inserted(rows: { id: string }[], table: string, id: string, replace: boolean) {
  if (rows.length > 0) return true;
  if (replace) throw new ForeignIdError(table, id);
  return false;
}
const int = (v: Maybe<number | string>) => (v === null || v === undefined || v === "" ? null : Number(v));

type Parent = { serviceId?: string; locationId?: string; organizationId?: string; serviceAtLocationId?: string; contactId?: string };

async function writePhones(tx: Db, list: Maybe<HsdsPhone[]>, parent: Parent, replace: boolean) {
  for (const p of list ?? []) {
    const rows = await tx.insert(phones).values({ id: p.id, ...parent, number: p.number, extension: n(p.extension), type: n(p.type), description: n(p.description) }).onConflictDoNothing().returning({ id: phones.id });
    if (inserted(rows, "phones", p.id, replace)) await writeLanguages(tx, p.languages, { phoneId: p.id }, replace);
  }
}

async function writeLanguages(tx: Db, list: Maybe<HsdsLanguage[]>, parent: { serviceId?: string; locationId?: string; phoneId?: string }, replace: boolean) {
  if (!list?.length) return;
  const rows = await tx.insert(languages).values(list.map((l) => ({ id: l.id, ...parent, name: n(l.name), code: n(l.code), note: n(l.note) }))).onConflictDoNothing().returning({ id: languages.id });
  if (rows.length < list.length) inserted([], "languages", list.find((l) => !rows.some((r) => r.id === l.id))!.id, replace);
}

async function writeContacts(tx: Db, list: Maybe<HsdsContact[]>, parent: Parent, replace: boolean) {
  for (const c of list ?? []) {
    const rows = await tx.insert(contacts).values({ id: c.id, ...parent, name: n(c.name), title: n(c.title), department: n(c.department), email: n(c.email) }).onConflictDoNothing().returning({ id: contacts.id });
    if (inserted(rows, "contacts", c.id, replace)) await writePhones(tx, c.phones, { contactId: c.id }, replace);
  }
}

async function writeSchedules(tx: Db, list: Maybe<HsdsSchedule[]>, parent: Parent, replace: boolean) {
  if (!list?.length) return;
  const rows = await tx
    .insert(schedules)
    .values(
      list.map((s) => ({
        id: s.id,
        ...parent,
        validFrom: n(s.valid_from),
        validTo: n(s.valid_to),
        dtstart: n(s.dtstart),
        timezone: s.timezone === null || s.timezone === undefined ? null : String(s.timezone),
        until: n(s.until),
        count: int(s.count),
        wkst: n(s.wkst),
        freq: n(s.freq),
        interval: int(s.interval),
        byday: n(s.byday),
        byweekno: n(s.byweekno),
        bymonthday: int(s.bymonthday),
        byyearday: int(s.byyearday),
        description: n(s.description),
        opensAt: n(s.opens_at),
        closesAt: n(s.closes_at),
        scheduleLink: n(s.schedule_link),
        attendingType: n(s.attending_type),
        notes: n(s.notes),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: schedules.id });
  if (rows.length < list.length) inserted([], "schedules", list.find((x) => !rows.some((r) => r.id === x.id))!.id, replace);
}

/** The organization and its own identifiers, phones and contacts. */
async function writeOrganization(tx: Db, org: HsdsOrganization, centreId: string | null, replace: boolean) {
  const values = {
    centreId,
    name: org.name,
    alternateName: n(org.alternate_name),
    description: org.description ?? "",
    website: n(org.website),
    email: n(org.email),
    organisasjonsnummer: n(org.organisasjonsnummer),
  };
  if (replace) {
    await tx.insert(organizations).values({ id: org.id, ...values }).onConflictDoUpdate({ target: organizations.id, set: { ...values, archivedAt: null } });
    await tx.delete(organizationIdentifiers).where(eq(organizationIdentifiers.organizationId, org.id));
    await tx.delete(phones).where(eq(phones.organizationId, org.id));
    await tx.delete(contacts).where(eq(contacts.organizationId, org.id));
  } else {
    await tx.insert(organizations).values({ id: org.id, ...values }).onConflictDoNothing();
  }
  const identifiers = (org.organization_identifiers ?? []).filter((i) => !(i.identifier_type === "organisasjonsnummer" && i.identifier === org.organisasjonsnummer));
  if (identifiers.length) {
    await tx
      .insert(organizationIdentifiers)
      .values(identifiers.map((i) => ({ id: i.id, organizationId: org.id, identifierScheme: n(i.identifier_scheme), identifierType: i.identifier_type, identifier: i.identifier })))
      .onConflictDoNothing();
  }
  await writePhones(tx, org.phones, { organizationId: org.id }, replace);
  await writeContacts(tx, org.contacts, { organizationId: org.id }, replace);
}

async function writeLocation(tx: Db, l: HsdsLocation, organizationId: string, replace: boolean) {
  const kommune = l.kommunenummer ? findKommune(l.kommunenummer) : undefined;
  const values = {
    organizationId,
    locationType: l.location_type ?? "physical",
    name: n(l.name),
    alternateName: n(l.alternate_name),
    description: n(l.description),
    url: n(l.url),
    transportation: n(l.transportation),
    latitude: n(l.latitude),
    longitude: n(l.longitude),
    kommunenummer: kommune?.kommunenummer ?? null,
    fylkesnummer: kommune?.fylkesnummer ?? n(l.fylkesnummer),
  };
  if (replace) {
    await tx.insert(locations).values({ id: l.id, ...values }).onConflictDoUpdate({ target: locations.id, set: values });
    for (const table of [addresses, accessibilities]) await tx.delete(table).where(eq(table.locationId, l.id));
    for (const table of [phones, contacts, schedules, languages]) await tx.delete(table).where(eq(table.locationId, l.id));
  } else {
    await tx.insert(locations).values({ id: l.id, ...values }).onConflictDoNothing();
  }
  if (l.addresses?.length) {
    await tx
      .insert(addresses)
      .values(
        l.addresses.map((a) => ({
          id: a.id,
          locationId: l.id,
          attention: n(a.attention),
          address1: a.address_1,
          address2: n(a.address_2),
          city: a.city,
          region: n(a.region),
          stateProvince: a.state_province ?? "",
          postalCode: a.postal_code,
          country: a.country ?? "NO",
          addressType: a.address_type ?? "physical",
        })),
      )
      .onConflictDoNothing();
  }
  if (l.accessibility?.length) {
    await tx
      .insert(accessibilities)
      .values(l.accessibility.map((a) => ({ id: a.id, locationId: l.id, description: n(a.description), details: n(a.details), url: n(a.url) })))
      .onConflictDoNothing();
  }
  await writePhones(tx, l.phones, { locationId: l.id }, replace);
  await writeContacts(tx, l.contacts, { locationId: l.id }, replace);
  await writeSchedules(tx, l.schedules, { locationId: l.id }, replace);
  await writeLanguages(tx, l.languages, { locationId: l.id }, replace);
}

/**
 * Write one service with everything attached. `replace: false` (the seed) leaves rows that already exist
 * untouched; `replace: true` (an import) updates them and replaces the attached objects, so importing the
 * same file twice gives the same directory.
 */
export async function saveHsdsService(tx: Db, item: HsdsService, centreId: string | null, options: { replace: boolean }) {
  const { replace } = options;
  await writeOrganization(tx, item.organization, centreId, replace);
  const values = {
    organizationId: item.organization.id,
    centreId,
    name: item.name,
    alternateName: n(item.alternate_name),
    description: item.description ?? "",
    url: n(item.url),
    email: n(item.email),
    status: item.status ?? "active",
    applicationProcess: n(item.application_process),
    eligibilityDescription: n(item.eligibility_description),
    feesDescription: n(item.fees_description),
    assuredDate: n(item.assured_date),
    kind: n(item.tilbudstype),
    targetGroups: item.malgruppe ?? [],
    noReferral: n(item.ingen_henvisning),
    free: n(item.gratis),
    source: n(item.kilde),
  };
  if (replace) {
    await tx
      .insert(services)
      .values({ id: item.id, ...values })
      .onConflictDoUpdate({ target: services.id, set: { ...values, archivedAt: item.status === "inactive" || item.status === "defunct" ? sql`coalesce(${services.archivedAt}, now())` : null } });
    const sals = tx.select({ id: serviceAtLocations.id }).from(serviceAtLocations).where(eq(serviceAtLocations.serviceId, item.id));
    for (const table of [phones, contacts, schedules]) await tx.delete(table).where(or(eq(table.serviceId, item.id), inArray(table.serviceAtLocationId, sals)));
    for (const table of [languages, serviceAreas, costOptions]) await tx.delete(table).where(eq(table.serviceId, item.id));
    await tx.delete(serviceAtLocations).where(eq(serviceAtLocations.serviceId, item.id));
  } else {
    await tx.insert(services).values({ id: item.id, ...values }).onConflictDoNothing();
  }
  for (const sal of item.service_at_locations ?? []) {
    await writeLocation(tx, sal.location, item.organization.id, replace);
    const linked = await tx
      .insert(serviceAtLocations)
      .values({ id: sal.id, serviceId: item.id, locationId: sal.location.id, description: n(sal.description) })
      .onConflictDoNothing()
      .returning({ id: serviceAtLocations.id });
    if (!inserted(linked, "service_at_locations", sal.id, replace)) continue;
    await writePhones(tx, sal.phones, { serviceAtLocationId: sal.id }, replace);
    await writeContacts(tx, sal.contacts, { serviceAtLocationId: sal.id }, replace);
    await writeSchedules(tx, sal.schedules, { serviceAtLocationId: sal.id }, replace);
  }
  await writePhones(tx, item.phones, { serviceId: item.id }, replace);
  await writeContacts(tx, item.contacts, { serviceId: item.id }, replace);
  await writeSchedules(tx, item.schedules, { serviceId: item.id }, replace);
  await writeLanguages(tx, item.languages, { serviceId: item.id }, replace);
  if (item.service_areas?.length) {
    await tx
      .insert(serviceAreas)
      .values(
        item.service_areas.map((a) => ({
          id: a.id,
          serviceId: item.id,
          name: n(a.name),
          description: n(a.description),
          extent: n(a.extent),
          extentType: n(a.extent_type),
          uri: n(a.uri),
          kommunenummer: n(a.kommunenummer),
          fylkesnummer: n(a.fylkesnummer),
        })),
      )
      .onConflictDoNothing();
  }
  if (item.cost_options?.length) {
    await tx
      .insert(costOptions)
      .values(
        item.cost_options.map((c) => ({
          id: c.id,
          serviceId: item.id,
          validFrom: n(c.valid_from),
          validTo: n(c.valid_to),
          option: n(c.option),
          currency: n(c.currency),
          amount: n(c.amount),
          amountDescription: n(c.amount_description),
        })),
      )
      .onConflictDoNothing();
  }
}

/**
 * Load HSDS services as they are (demo data, the seed file), keeping their ids. `centreFor` maps an
 * organization to the centre that maintains it. Existing ids are left untouched.
 */
export async function loadHsdsServices(db: Db, items: HsdsService[], centreFor: (organizationName: string) => string | null) {
  await db.transaction(async (tx) => {
    for (const item of items) await saveHsdsService(tx as unknown as Db, item, centreFor(item.organization.name), { replace: false });
  });
}
