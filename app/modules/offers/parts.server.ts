import { and, asc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { accessibilities, addresses, contacts, locations, offerMetadata, organizations, phones, schedules, serviceAtLocations, services } from "./offers.schema";
import type { ContactInput, NewOfferInput, PhoneInput, PlaceInput, ScheduleFormInput } from "./parts.forms";
import { logOfferChange, requireEditableOffer } from "./manage.server";
import { can, type Actor } from "~/modules/centres/permissions";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { findKommune } from "~/modules/centres/kommuner";
import { describeSchedule } from "./schedule";

/**
 * The parts of an offer that coordinators maintain beside its text: places (location + address +
 * accessibility), times (HSDS schedules), phones and contacts — and creating a new offer. Every change is
 * written to the offer's change log with a readable before/after, in the same transaction.
 */

type Tx = Db;
const inTx = <T,>(db: Db, fn: (tx: Tx) => Promise<T>) => db.transaction((tx) => fn(tx as unknown as Tx));

function placeSummary(p: { name?: string | null; address1?: string | null; postalCode?: string | null; city?: string | null; kommunenummer?: string | null }) {
  const kommune = p.kommunenummer ? findKommune(p.kommunenummer)?.navn : undefined;
  return [p.name, p.address1, [p.postalCode, p.city].filter(Boolean).join(" "), kommune].filter(Boolean).join(", ");
}

/** Everything the parts pages show for one offer the actor may edit. */
export async function getOfferParts(db: Db, actor: Actor | null, serviceId: string) {
  const offer = await requireEditableOffer(db, actor, serviceId);
  const places = await db
    .select({
      id: serviceAtLocations.id,
      description: serviceAtLocations.description,
      locationId: locations.id,
      locationType: locations.locationType,
      name: locations.name,
      url: locations.url,
      transportation: locations.transportation,
      latitude: locations.latitude,
      longitude: locations.longitude,
      kommunenummer: locations.kommunenummer,
    })
    .from(serviceAtLocations)
    .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
    .where(eq(serviceAtLocations.serviceId, serviceId))
    .orderBy(asc(locations.name), asc(serviceAtLocations.id));
  const locationIds = places.map((p) => p.locationId);
  const salIds = places.map((p) => p.id);
  const [addressRows, accessRows, scheduleRows, phoneRows, contactRows] = await Promise.all([
    // The same rows the place form writes: the first physical address and the first accessibility entry.
    locationIds.length
      ? db
          .select({ locationId: addresses.locationId, address1: addresses.address1, postalCode: addresses.postalCode, city: addresses.city })
          .from(addresses)
          .where(and(inArray(addresses.locationId, locationIds), eq(addresses.addressType, "physical")))
          .orderBy(asc(addresses.createdAt), asc(addresses.id))
      : [],
    locationIds.length
      ? db.select({ locationId: accessibilities.locationId, description: accessibilities.description }).from(accessibilities).where(inArray(accessibilities.locationId, locationIds)).orderBy(asc(accessibilities.createdAt), asc(accessibilities.id))
      : [],
    db
      .select({
        id: schedules.id,
        serviceAtLocationId: schedules.serviceAtLocationId,
        freq: schedules.freq,
        interval: schedules.interval,
        byday: schedules.byday,
        bymonthday: schedules.bymonthday,
        opens_at: schedules.opensAt,
        closes_at: schedules.closesAt,
        valid_from: schedules.validFrom,
        valid_to: schedules.validTo,
        until: schedules.until,
        description: schedules.description,
      })
      .from(schedules)
      .where(or(eq(schedules.serviceId, serviceId), salIds.length ? inArray(schedules.serviceAtLocationId, salIds) : undefined))
      .orderBy(asc(schedules.createdAt), asc(schedules.id)),
    db.select({ id: phones.id, number: phones.number, type: phones.type, description: phones.description }).from(phones).where(eq(phones.serviceId, serviceId)).orderBy(asc(phones.createdAt), asc(phones.id)),
    db
      .select({ id: contacts.id, title: contacts.title, name: contacts.name, email: contacts.email })
      .from(contacts)
      .where(eq(contacts.serviceId, serviceId))
      .orderBy(asc(contacts.createdAt), asc(contacts.id)),
  ]);
  const contactPhones = contactRows.length
    ? await db.select({ contactId: phones.contactId, number: phones.number }).from(phones).where(inArray(phones.contactId, contactRows.map((c) => c.id)))
    : [];
  return {
    offer,
    places: places.map((p) => {
      const address = addressRows.find((a) => a.locationId === p.locationId);
      return {
        ...p,
        kommune: p.kommunenummer ? (findKommune(p.kommunenummer)?.navn ?? null) : null,
        address1: address?.address1 ?? null,
        postalCode: address?.postalCode ?? null,
        city: address?.city ?? null,
        accessibility: accessRows.find((a) => a.locationId === p.locationId)?.description ?? null,
      };
    }),
    schedules: scheduleRows,
    phones: phoneRows,
    contacts: contactRows.map((c) => ({ ...c, phone: contactPhones.find((p) => p.contactId === c.id)?.number ?? null })),
  };
}

/**
 * The place form edits one physical address and one accessibility text. Other rows an import may have
 * brought (a postal address, more accessibility entries, their details and links) are left as they are.
 */
async function writePlaceParts(tx: Tx, locationId: string, input: PlaceInput) {
  const kommune = input.kommune ? findKommune(input.kommune) : undefined;
  const [physical] = await tx
    .select({ id: addresses.id })
    .from(addresses)
    .where(and(eq(addresses.locationId, locationId), eq(addresses.addressType, "physical")))
    .orderBy(asc(addresses.createdAt), asc(addresses.id))
    .limit(1);
  if (input.address1 && input.postalCode && input.city) {
    const values = { address1: input.address1, postalCode: input.postalCode, city: input.city, stateProvince: kommune?.fylke ?? "", country: "NO" };
    if (physical) await tx.update(addresses).set(values).where(eq(addresses.id, physical.id));
    else await tx.insert(addresses).values({ locationId, ...values });
  } else if (physical) {
    await tx.delete(addresses).where(eq(addresses.id, physical.id));
  }
  const [first] = await tx.select({ id: accessibilities.id }).from(accessibilities).where(eq(accessibilities.locationId, locationId)).orderBy(asc(accessibilities.createdAt), asc(accessibilities.id)).limit(1);
  if (input.accessibility) {
    if (first) await tx.update(accessibilities).set({ description: input.accessibility }).where(eq(accessibilities.id, first.id));
    else await tx.insert(accessibilities).values({ locationId, description: input.accessibility });
  } else if (first) {
    await tx.delete(accessibilities).where(eq(accessibilities.id, first.id));
  }
}

function locationValues(input: PlaceInput) {
  const kommune = input.kommune ? findKommune(input.kommune) : undefined;
  return {
    locationType: input.locationType,
    name: input.name,
    url: input.url,
    transportation: input.transportation,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    kommunenummer: kommune?.kommunenummer ?? null,
    fylkesnummer: kommune?.fylkesnummer ?? null,
  };
}

/** Add a new place to an offer: a location of the offer's organisation, with address and accessibility. */
export async function addPlace(db: Db, actor: Actor | null, serviceId: string, input: PlaceInput) {
  return inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    const [service] = await tx.select({ organizationId: services.organizationId }).from(services).where(eq(services.id, serviceId));
    const [location] = await tx.insert(locations).values({ organizationId: service!.organizationId, ...locationValues(input) }).returning({ id: locations.id });
    await writePlaceParts(tx, location!.id, input);
    const [sal] = await tx.insert(serviceAtLocations).values({ serviceId, locationId: location!.id, description: input.description }).returning({ id: serviceAtLocations.id });
    await logOfferChange(tx, actor!, serviceId, { action: "create", field: "service_at_locations", after: placeSummary({ ...input, kommunenummer: input.kommune }) });
    return sal!.id;
  });
}

async function placeOf(tx: Tx, serviceId: string, salId: string) {
  const [row] = await tx
    .select({ locationId: serviceAtLocations.locationId, name: locations.name, kommunenummer: locations.kommunenummer })
    .from(serviceAtLocations)
    .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
    .where(and(eq(serviceAtLocations.id, salId), eq(serviceAtLocations.serviceId, serviceId)));
  if (!row) throw new NotFoundError();
  const [address] = await tx
    .select({ address1: addresses.address1, postalCode: addresses.postalCode, city: addresses.city })
    .from(addresses)
    .where(and(eq(addresses.locationId, row.locationId), eq(addresses.addressType, "physical")))
    .orderBy(asc(addresses.createdAt), asc(addresses.id))
    .limit(1);
  return { ...row, ...address };
}

/** Change a place. The location may be shared with the organisation's other offers: they see the change too. */
export async function updatePlace(db: Db, actor: Actor | null, serviceId: string, salId: string, input: PlaceInput) {
  await inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    const before = await placeOf(tx, serviceId, salId);
    await tx.update(locations).set(locationValues(input)).where(eq(locations.id, before.locationId));
    await writePlaceParts(tx, before.locationId, input);
    await tx.update(serviceAtLocations).set({ description: input.description }).where(eq(serviceAtLocations.id, salId));
    await logOfferChange(tx, actor!, serviceId, { action: "update", field: "service_at_locations", before: placeSummary(before), after: placeSummary({ ...input, kommunenummer: input.kommune }) });
  });
}

/** Remove a place from the offer; the location itself goes too when no other offer uses it. */
export async function removePlace(db: Db, actor: Actor | null, serviceId: string, salId: string) {
  await inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    const before = await placeOf(tx, serviceId, salId);
    await tx.delete(serviceAtLocations).where(eq(serviceAtLocations.id, salId));
    const [other] = await tx.select({ id: serviceAtLocations.id }).from(serviceAtLocations).where(and(eq(serviceAtLocations.locationId, before.locationId), ne(serviceAtLocations.id, salId))).limit(1);
    if (!other) await tx.delete(locations).where(eq(locations.id, before.locationId));
    await logOfferChange(tx, actor!, serviceId, { action: "delete", field: "service_at_locations", before: placeSummary(before) });
  });
}

const scheduleText = (s: Parameters<typeof describeSchedule>[0]) => describeSchedule(s, "nb") || s.description || "";

/** Add a time to the offer, for the whole offer or one of its places. */
export async function addSchedule(db: Db, actor: Actor | null, serviceId: string, input: ScheduleFormInput) {
  return inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    if (input.place) {
      const [sal] = await tx.select({ id: serviceAtLocations.id }).from(serviceAtLocations).where(and(eq(serviceAtLocations.id, input.place), eq(serviceAtLocations.serviceId, serviceId)));
      if (!sal) throw new NotFoundError();
    }
    const [row] = await tx
      .insert(schedules)
      .values({
        serviceId: input.place ? null : serviceId,
        serviceAtLocationId: input.place,
        freq: input.freq,
        interval: input.interval,
        byday: input.byday,
        opensAt: input.opens_at,
        closesAt: input.closes_at,
        validFrom: input.valid_from,
        validTo: input.valid_to,
        description: input.description,
      })
      .returning({ id: schedules.id });
    await logOfferChange(tx, actor!, serviceId, { action: "create", field: "schedules", after: scheduleText(input) });
    return row!.id;
  });
}

export async function removeSchedule(db: Db, actor: Actor | null, serviceId: string, scheduleId: string) {
  await inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    const sals = tx.select({ id: serviceAtLocations.id }).from(serviceAtLocations).where(eq(serviceAtLocations.serviceId, serviceId));
    const [row] = await tx
      .select({ freq: schedules.freq, interval: schedules.interval, byday: schedules.byday, opens_at: schedules.opensAt, closes_at: schedules.closesAt, description: schedules.description })
      .from(schedules)
      .where(and(eq(schedules.id, scheduleId), or(eq(schedules.serviceId, serviceId), inArray(schedules.serviceAtLocationId, sals))));
    if (!row) throw new NotFoundError();
    await tx.delete(schedules).where(eq(schedules.id, scheduleId));
    await logOfferChange(tx, actor!, serviceId, { action: "delete", field: "schedules", before: scheduleText(row) });
  });
}

const phoneText = (p: { number: string; description?: string | null }) => [p.number, p.description].filter(Boolean).join(" – ");

export async function addPhone(db: Db, actor: Actor | null, serviceId: string, input: PhoneInput) {
  await inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    await tx.insert(phones).values({ serviceId, number: input.number, type: input.type, description: input.description });
    await logOfferChange(tx, actor!, serviceId, { action: "create", field: "phones", after: phoneText(input) });
  });
}

export async function removePhone(db: Db, actor: Actor | null, serviceId: string, phoneId: string) {
  await inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    const [row] = await tx.delete(phones).where(and(eq(phones.id, phoneId), eq(phones.serviceId, serviceId))).returning({ number: phones.number, description: phones.description });
    if (!row) throw new NotFoundError();
    await logOfferChange(tx, actor!, serviceId, { action: "delete", field: "phones", before: phoneText(row) });
  });
}

const contactText = (c: { title?: string | null; name?: string | null; email?: string | null; phone?: string | null }) => [c.name, c.title, c.email, c.phone].filter(Boolean).join(", ");

export async function addContact(db: Db, actor: Actor | null, serviceId: string, input: ContactInput) {
  await inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    const [contact] = await tx.insert(contacts).values({ serviceId, title: input.title, name: input.name, email: input.email }).returning({ id: contacts.id });
    if (input.phone) await tx.insert(phones).values({ contactId: contact!.id, number: input.phone });
    await logOfferChange(tx, actor!, serviceId, { action: "create", field: "contacts", after: contactText(input) });
  });
}

export async function removeContact(db: Db, actor: Actor | null, serviceId: string, contactId: string) {
  await inTx(db, async (tx) => {
    await requireEditableOffer(tx, actor, serviceId);
    const [row] = await tx.delete(contacts).where(and(eq(contacts.id, contactId), eq(contacts.serviceId, serviceId))).returning({ title: contacts.title, name: contacts.name, email: contacts.email });
    if (!row) throw new NotFoundError();
    await logOfferChange(tx, actor!, serviceId, { action: "delete", field: "contacts", before: contactText(row) });
  });
}

/** Organisations the actor may add offers to: their centres' (coordinators), all (administrators). */
export async function organizationsForNewOffer(db: Db, actor: Actor | null) {
  if (!actor) throw new ForbiddenError();
  const centreIds = actor.memberships.filter((m) => can(actor, "offer.edit", m.centreId)).map((m) => m.centreId);
  if (!actor.isAdmin && centreIds.length === 0) throw new ForbiddenError();
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(isNull(organizations.archivedAt), actor.isAdmin ? undefined : inArray(organizations.centreId, centreIds)))
    .orderBy(asc(organizations.name))
    .limit(1000);
}

/** Create an offer under an organisation the actor may edit; it belongs to that organisation's centre. */
export async function createOffer(db: Db, actor: Actor | null, input: NewOfferInput) {
  if (!actor) throw new ForbiddenError();
  return inTx(db, async (tx) => {
    const [org] = await tx.select({ id: organizations.id, centreId: organizations.centreId }).from(organizations).where(and(eq(organizations.id, input.organizationId), isNull(organizations.archivedAt)));
    if (!org) throw new NotFoundError();
    if (!(org.centreId ? can(actor, "offer.edit", org.centreId) : actor.isAdmin)) throw new ForbiddenError();
    const { organizationId, ...fields } = input;
    const [row] = await tx
      .insert(services)
      .values({ organizationId, centreId: org.centreId, ...fields })
      .returning({ id: services.id });
    await tx.insert(offerMetadata).values({ resourceId: row!.id, resourceType: "service", lastActionType: "create", fieldName: "name", previousValue: "", replacementValue: input.name, updatedBy: actor.userId });
    return row!.id;
  });
}
