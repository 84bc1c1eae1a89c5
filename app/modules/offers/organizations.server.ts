import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { offerMetadata, organizations, phones, services } from "./offers.schema";
import { organizationFields, type NewOrganizationInput, type OrganizationField, type OrganizationInput } from "./organizations.forms";
import { centres } from "~/modules/centres/centres.schema";
import { can, type Actor } from "~/modules/centres/permissions";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { changeLog } from "./manage.server";

/**
 * The organisations behind the offers (HSDS organization). Coordinators maintain their centres'
 * organisations; administrators all, including the network's own (no centre). Every change is written
 * field by field to the HSDS metadata change log (resource_type "organization"), as for offers.
 * Archiving an organisation hides all its offers from the directory and the API (see offerConditions).
 */

const resourceType = "organization";

/** The log's field names: HSDS organization fields (phones: the organisation's own phone number). */
const hsdsField: Record<OrganizationField, string> = {
  name: "name",
  alternateName: "alternate_name",
  description: "description",
  website: "website",
  email: "email",
  organisasjonsnummer: "organisasjonsnummer",
  phone: "phones",
};

type Tx = Db;
const inTx = <T,>(db: Db, fn: (tx: Tx) => Promise<T>) => db.transaction((tx) => fn(tx as unknown as Tx));

/** The centres whose organisations the actor may edit (their own centre roles; administrators: see isAdmin). */
function editableCentres(actor: Actor) {
  return [...new Set(actor.memberships.map((m) => m.centreId))].filter((centreId) => can(actor, "offer.edit", centreId));
}

/** May the actor edit an organisation of this centre (null: the network's own, administrators only)? */
export function canEditOrganization(actor: Actor | null, centreId: string | null) {
  return Boolean(actor && (centreId ? can(actor, "offer.edit", centreId) : actor.isAdmin));
}

function requireOrganizationEditor(actor: Actor | null): Actor {
  if (!actor || (!actor.isAdmin && editableCentres(actor).length === 0)) throw new ForbiddenError();
  return actor;
}

/** The organisation's own phone: not one of a service, location, contact or service_at_location. */
const ownPhone = (organizationId: string) =>
  and(eq(phones.organizationId, organizationId), isNull(phones.serviceId), isNull(phones.locationId), isNull(phones.contactId), isNull(phones.serviceAtLocationId));

async function firstOwnPhone(db: Db, organizationId: string) {
  const [row] = await db.select({ id: phones.id, number: phones.number }).from(phones).where(ownPhone(organizationId)).orderBy(asc(phones.createdAt), asc(phones.id)).limit(1);
  return row;
}

/**
 * The organisation's offers that are not archived, as a correlated subquery on the outer `organizations`
 * row. Written with explicit names: Drizzle leaves columns unqualified in single-table queries, and an
 * unqualified "id" inside the subquery would mean the service's id.
 */
const activeOffers = sql<number>`(select count(*)::int from ${services} s where s.organization_id = ${sql.raw('"organizations"."id"')} and s.archived_at is null)`;

/**
 * The organisation with its phone, when the actor may edit it. NotFoundError when it does not exist,
 * ForbiddenError when it belongs to a centre the actor does not edit (or to the network, for coordinators).
 * `lock` takes a row lock, so two saves in flight cannot both pass the version check.
 */
async function loadForEdit(db: Db, actor: Actor | null, id: string, lock = false) {
  const query = db
    .select({
      id: organizations.id,
      centreId: organizations.centreId,
      name: organizations.name,
      alternateName: organizations.alternateName,
      description: organizations.description,
      website: organizations.website,
      email: organizations.email,
      organisasjonsnummer: organizations.organisasjonsnummer,
      archivedAt: organizations.archivedAt,
      updatedAt: organizations.updatedAt,
    })
    .from(organizations)
    .where(eq(organizations.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError();
  if (!canEditOrganization(actor, row.centreId)) throw new ForbiddenError();
  const phone = await firstOwnPhone(db, id);
  return { ...row, phone: phone?.number ?? null, phoneId: phone?.id ?? null };
}

/** Organisations the actor maintains: their centres' (coordinators), all (administrators). Active first. */
export async function listEditableOrganizations(db: Db, actor: Actor | null) {
  const editor = requireOrganizationEditor(actor);
  const scope = editor.isAdmin ? undefined : inArray(organizations.centreId, editableCentres(editor));
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      alternateName: organizations.alternateName,
      centreId: organizations.centreId,
      centre: centres.shortName,
      archivedAt: organizations.archivedAt,
      activeOffers,
    })
    .from(organizations)
    .leftJoin(centres, eq(centres.id, organizations.centreId))
    .where(scope)
    .limit(5000);
  // Sorted here with Norwegian collation (æ, ø, å last; case ignored), whatever the database's collation.
  const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });
  return rows
    .map(({ archivedAt, ...row }) => ({ ...row, archived: archivedAt !== null }))
    .sort((a, b) => Number(a.archived) - Number(b.archived) || collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** The centres the actor may create an organisation for, and whether the network's own is allowed. */
export async function organizationCentreChoices(db: Db, actor: Actor | null) {
  const editor = requireOrganizationEditor(actor);
  const scope = editor.isAdmin ? undefined : inArray(centres.id, editableCentres(editor));
  const rows = await db.select({ id: centres.id, name: centres.name, shortName: centres.shortName }).from(centres).where(scope).orderBy(asc(centres.name));
  return { centres: rows, network: editor.isAdmin };
}

const asText = (value: string | null | undefined) => value ?? "";

/** Create an organisation for a centre the actor edits (administrators: any centre, or null for the network). */
export async function createOrganization(db: Db, actor: Actor | null, input: NewOrganizationInput) {
  if (!canEditOrganization(actor, input.centreId)) throw new ForbiddenError();
  const editor = actor!;
  return inTx(db, async (tx) => {
    if (input.centreId) {
      const [centre] = await tx.select({ id: centres.id }).from(centres).where(eq(centres.id, input.centreId));
      if (!centre) throw new NotFoundError();
    }
    const { phone, centreId, ...fields } = input;
    const [row] = await tx.insert(organizations).values({ ...fields, centreId }).returning({ id: organizations.id });
    const id = row!.id;
    if (phone) await tx.insert(phones).values({ organizationId: id, number: phone, type: "voice" });
    // The first state, field by field, so the history shows what the organisation started with.
    const given = organizationFields.filter((f) => asText(input[f]) !== "");
    await tx.insert(offerMetadata).values(
      given.map((f) => ({ resourceId: id, resourceType, lastActionType: "create", fieldName: hsdsField[f], previousValue: "", replacementValue: asText(input[f]), updatedBy: editor.userId })),
    );
    return id;
  });
}

/** The organisation as the edit page needs it, with a version token for the concurrent-edit check. */
export async function getOrganizationForEdit(db: Db, actor: Actor | null, id: string) {
  const row = await loadForEdit(db, actor, id);
  const [counts] = await db.select({ activeOffers }).from(organizations).where(eq(organizations.id, id));
  const [centre] = row.centreId ? await db.select({ name: centres.name, shortName: centres.shortName }).from(centres).where(eq(centres.id, row.centreId)) : [];
  return {
    id: row.id,
    centreId: row.centreId,
    centre: centre ?? null,
    name: row.name,
    alternateName: row.alternateName,
    description: row.description,
    website: row.website,
    email: row.email,
    organisasjonsnummer: row.organisasjonsnummer,
    phone: row.phone,
    archived: row.archivedAt !== null,
    activeOffers: counts?.activeOffers ?? 0,
    version: row.updatedAt.toISOString(),
  };
}

/** Save the edit form. A save on a version someone else has changed since is refused ("changed"). */
export async function updateOrganization(db: Db, actor: Actor | null, id: string, input: OrganizationInput): Promise<{ ok: true } | { ok: false; reason: "changed" }> {
  return inTx(db, async (tx) => {
    const current = await loadForEdit(tx, actor, id, true);
    if (current.updatedAt.toISOString() !== input.version) return { ok: false as const, reason: "changed" as const };
    const changes = organizationFields.filter((f) => asText(current[f]) !== asText(input[f]));
    if (changes.length === 0) return { ok: true as const };
    const columns = changes.filter((f) => f !== "phone");
    // Always touch the row, so the version moves on even when only the phone changed.
    await tx
      .update(organizations)
      .set({ ...Object.fromEntries(columns.map((f) => [f, input[f]])), updatedAt: new Date() })
      .where(eq(organizations.id, id));
    if (changes.includes("phone")) {
      if (!input.phone) await tx.delete(phones).where(eq(phones.id, current.phoneId!));
      else if (current.phoneId) await tx.update(phones).set({ number: input.phone }).where(eq(phones.id, current.phoneId));
      else await tx.insert(phones).values({ organizationId: id, number: input.phone, type: "voice" });
    }
    await tx.insert(offerMetadata).values(
      changes.map((f) => ({
        resourceId: id,
        resourceType,
        lastActionType: "update",
        fieldName: hsdsField[f],
        previousValue: asText(current[f]),
        replacementValue: asText(input[f]),
        updatedBy: actor!.userId,
      })),
    );
    return { ok: true as const };
  });
}

/** Archive: the organisation and all its offers leave the directory and the API; the log stays. */
export async function archiveOrganization(db: Db, actor: Actor | null, id: string) {
  await inTx(db, async (tx) => {
    const current = await loadForEdit(tx, actor, id, true);
    if (current.archivedAt) return;
    await tx.update(organizations).set({ archivedAt: new Date() }).where(eq(organizations.id, id));
    await tx.insert(offerMetadata).values({ resourceId: id, resourceType, lastActionType: "archive", fieldName: "status", previousValue: "active", replacementValue: "inactive", updatedBy: actor!.userId });
  });
}

/** Restore an archived organisation: its offers show again (except those archived one by one). */
export async function restoreOrganization(db: Db, actor: Actor | null, id: string) {
  await inTx(db, async (tx) => {
    const current = await loadForEdit(tx, actor, id, true);
    if (!current.archivedAt) return;
    await tx.update(organizations).set({ archivedAt: null }).where(eq(organizations.id, id));
    await tx.insert(offerMetadata).values({ resourceId: id, resourceType, lastActionType: "restore", fieldName: "status", previousValue: "inactive", replacementValue: "active", updatedBy: actor!.userId });
  });
}

/** The change history of an organisation, newest first, with the editor's name while the account exists. */
export async function organizationHistory(db: Db, actor: Actor | null, id: string) {
  const [row] = await db.select({ centreId: organizations.centreId }).from(organizations).where(eq(organizations.id, id));
  if (!row) throw new NotFoundError();
  if (!canEditOrganization(actor, row.centreId)) throw new ForbiddenError();
  return changeLog(db, id, resourceType).limit(1000);
}
