import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { osloToday } from "~/lib/oslo-date";
import type { Db } from "~/db/client.server";
import { offerMetadata, organizations, services } from "./offers.schema";
import type { OfferInput } from "./offers.forms";
import { can, type Actor } from "~/modules/centres/permissions";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { users } from "~/modules/accounts/accounts.schema";
import { centres } from "~/modules/centres/centres.schema";

/**
 * Coordinators edit their centre's offers; administrators all (including the network's own, which have
 * no centre). Every change is written field by field to the HSDS metadata change log.
 */

const editable = {
  name: services.name,
  alternateName: services.alternateName,
  description: services.description,
  kind: services.kind,
  targetGroups: services.targetGroups,
  noReferral: services.noReferral,
  free: services.free,
  url: services.url,
  email: services.email,
  applicationProcess: services.applicationProcess,
  eligibilityDescription: services.eligibilityDescription,
  feesDescription: services.feesDescription,
};
type Field = keyof typeof editable;
const hsdsField: Record<Field | "assuredDate" | "archivedAt", string> = {
  name: "name",
  alternateName: "alternate_name",
  description: "description",
  kind: "tilbudstype",
  targetGroups: "malgruppe",
  noReferral: "ingen_henvisning",
  free: "gratis",
  url: "url",
  email: "email",
  applicationProcess: "application_process",
  eligibilityDescription: "eligibility_description",
  feesDescription: "fees_description",
  assuredDate: "assured_date",
  archivedAt: "status",
};

const asText = (value: unknown) => (value === null || value === undefined ? "" : Array.isArray(value) ? value.join(", ") : String(value));

async function loadForEdit(db: Db, actor: Actor | null, id: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ ...editable, id: services.id, centreId: services.centreId, updatedAt: services.updatedAt, assuredDate: services.assuredDate, organization: organizations.name })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(eq(services.id, id), isNull(services.archivedAt)));
  // Inside a save, lock the offer's row so two saves at the same moment cannot both pass the version check.
  const [row] = options.lock ? await query.for("update", { of: services }) : await query;
  if (!row) throw new NotFoundError();
  if (!actor || !(row.centreId ? can(actor, "offer.edit", row.centreId) : actor.isAdmin)) throw new ForbiddenError();
  return row;
}

/** The offer's owner, when the actor may edit it (ForbiddenError / NotFoundError otherwise). */
export async function requireEditableOffer(db: Db, actor: Actor | null, id: string) {
  const row = await loadForEdit(db, actor, id);
  return { id: row.id, centreId: row.centreId, name: row.name };
}

/** One row of an offer's change log: a part of the offer (a place, a time, a phone) added, changed or removed. */
export async function logOfferChange(db: Db, actor: Actor, serviceId: string, change: { action: "create" | "update" | "delete"; field: string; before?: string; after?: string }) {
  await db.insert(offerMetadata).values({
    resourceId: serviceId,
    resourceType: "service",
    lastActionType: change.action,
    fieldName: change.field,
    previousValue: change.before ?? "",
    replacementValue: change.after ?? "",
    updatedBy: actor.userId,
  });
}

export function canEditOffer(actor: Actor | null, centreId: string | null) {
  return Boolean(actor && (centreId ? can(actor, "offer.edit", centreId) : actor.isAdmin));
}

/** The offer as the edit form needs it, with a version token for the concurrent-edit check. */
export async function getOfferForEdit(db: Db, actor: Actor | null, id: string) {
  const row = await loadForEdit(db, actor, id);
  return { ...row, version: row.updatedAt.toISOString() };
}

export async function updateOffer(db: Db, actor: Actor | null, id: string, input: OfferInput): Promise<{ ok: true } | { ok: false; reason: "changed" }> {
  return db.transaction(async (tx) => {
    const current = await loadForEdit(tx as unknown as Db, actor, id, { lock: true });
    if (current.updatedAt.toISOString() !== input.version) return { ok: false as const, reason: "changed" as const };
    const changes: { field: Field; before: unknown; after: unknown }[] = [];
    for (const field of Object.keys(editable) as Field[]) {
      const before = current[field];
      const after = input[field];
      if (asText(before) !== asText(after)) changes.push({ field, before, after });
    }
    if (changes.length === 0) return { ok: true as const };
    await tx
      .update(services)
      .set(Object.fromEntries(changes.map((c) => [c.field, c.after])) as Partial<typeof services.$inferInsert>)
      .where(eq(services.id, id));
    await tx.insert(offerMetadata).values(
      changes.map((c) => ({
        resourceId: id,
        resourceType: "service",
        lastActionType: "update",
        fieldName: hsdsField[c.field],
        previousValue: asText(c.before),
        replacementValue: asText(c.after),
        updatedBy: actor!.userId,
      })),
    );
    return { ok: true as const };
  });
}

/** "Mark as checked": sets assured_date to today (Oslo time). */
export async function markChecked(db: Db, actor: Actor | null, id: string, today = osloToday()) {
  const current = await loadForEdit(db, actor, id);
  await db.update(services).set({ assuredDate: today }).where(eq(services.id, id));
  await db.insert(offerMetadata).values({
    resourceId: id,
    resourceType: "service",
    lastActionType: "update",
    fieldName: hsdsField.assuredDate,
    previousValue: asText(current.assuredDate),
    replacementValue: today,
    updatedBy: actor!.userId,
  });
}

export async function archiveOffer(db: Db, actor: Actor | null, id: string) {
  await db.transaction(async (tx) => {
    await loadForEdit(tx as unknown as Db, actor, id, { lock: true });
    await tx.update(services).set({ archivedAt: new Date(), status: "inactive" }).where(eq(services.id, id));
    await tx.insert(offerMetadata).values({ resourceId: id, resourceType: "service", lastActionType: "archive", fieldName: hsdsField.archivedAt, previousValue: "active", replacementValue: "inactive", updatedBy: actor!.userId });
  });
}

/**
 * Undo an archiving: the offer is back in the search, the map and the API (unless its organisation is archived).
 * Only those who may edit the offer; an offer that is not archived is left as it is.
 */
export async function restoreOffer(db: Db, actor: Actor | null, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ centreId: services.centreId, archivedAt: services.archivedAt }).from(services).where(eq(services.id, id)).for("update");
    if (!row) throw new NotFoundError();
    if (!canEditOffer(actor, row.centreId)) throw new ForbiddenError();
    if (!row.archivedAt) return;
    await tx.update(services).set({ archivedAt: null, status: "active" }).where(eq(services.id, id));
    await tx.insert(offerMetadata).values({ resourceId: id, resourceType: "service", lastActionType: "restore", fieldName: hsdsField.archivedAt, previousValue: "inactive", replacementValue: "active", updatedBy: actor!.userId });
  });
}

/**
 * The offers of the actor's centres (administrators: every offer) for their editors: name, organisation, centre,
 * last check. `archived`: the archived ones instead of the others (those hidden by an archived organisation are
 * with the others, marked). `q`: name or other name contains it. Paged by name; counts of both kinds.
 */
export async function centreOffers(db: Db, actor: Actor | null, options: { page?: number; archived?: boolean; q?: string } = {}, perPage = 50) {
  if (!actor) throw new ForbiddenError();
  const page = options.page ?? 1;
  const centreIds = [...new Set(actor.memberships.map((m) => m.centreId))].filter((c) => can(actor, "offer.edit", c));
  if (!actor.isAdmin && centreIds.length === 0) throw new ForbiddenError();
  const scope = actor.isAdmin ? undefined : inArray(services.centreId, centreIds);
  const q = options.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined; // typed % and _ match themselves
  const named = pattern ? or(sql`${services.name} ilike ${pattern}`, sql`${services.alternateName} ilike ${pattern}`) : undefined;
  const [counts] = await db
    .select({
      active: sql<number>`count(*) filter (where ${services.archivedAt} is null)`.mapWith(Number),
      archived: sql<number>`count(*) filter (where ${services.archivedAt} is not null)`.mapWith(Number),
    })
    .from(services)
    .where(and(scope, named));
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      alternateName: services.alternateName,
      organization: organizations.name,
      organizationArchived: sql<boolean>`${organizations.archivedAt} is not null`,
      centre: centres.name,
      assuredDate: services.assuredDate,
      archivedAt: services.archivedAt,
    })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .leftJoin(centres, eq(centres.id, services.centreId))
    .where(and(scope, named, options.archived ? sql`${services.archivedAt} is not null` : isNull(services.archivedAt)))
    .orderBy(asc(services.name), asc(services.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const active = counts?.active ?? 0;
  const archived = counts?.archived ?? 0;
  const total = options.archived ? archived : active;
  return { total, active, archived, page, pages: Math.max(1, Math.ceil(total / perPage)), manyCentres: actor.isAdmin || centreIds.length > 1, offers: rows };
}

/** The change history of an offer, newest first, with the editor's name while the account exists. */
export async function offerHistory(db: Db, actor: Actor | null, id: string) {
  const [row] = await db.select({ centreId: services.centreId }).from(services).where(eq(services.id, id));
  if (!row) throw new NotFoundError();
  if (!canEditOffer(actor, row.centreId)) throw new ForbiddenError();
  return changeLog(db, id, "service");
}

/** One resource's rows of the change log, newest first, with the editor's name while the account exists. */
export function changeLog(db: Db, resourceId: string, resourceType: "service" | "organization") {
  return db
    .select({
      id: offerMetadata.id,
      at: offerMetadata.lastActionDate,
      action: offerMetadata.lastActionType,
      field: offerMetadata.fieldName,
      before: offerMetadata.previousValue,
      after: offerMetadata.replacementValue,
      by: users.name,
    })
    .from(offerMetadata)
    .leftJoin(users, eq(users.id, offerMetadata.updatedBy))
    .where(and(eq(offerMetadata.resourceId, resourceId), eq(offerMetadata.resourceType, resourceType)))
    .orderBy(desc(offerMetadata.lastActionDate), desc(offerMetadata.id));
}

/** Offers of the actor's centres (all for administrators) not checked in the last 12 months. */
export async function uncheckedOffers(db: Db, actor: Actor | null, today = osloToday()) {
  if (!actor) throw new ForbiddenError();
  const centres = actor.memberships.filter((m) => m.role === "coordinator").map((m) => m.centreId);
  if (!actor.isAdmin && centres.length === 0) throw new ForbiddenError();
  const yearAgo = new Date(`${today}T00:00:00Z`);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const stale = or(isNull(services.assuredDate), lt(services.assuredDate, yearAgo.toISOString().slice(0, 10)));
  const scope = actor.isAdmin ? undefined : inArray(services.centreId, centres);
  return db
    .select({ id: services.id, name: services.name, alternateName: services.alternateName, assuredDate: services.assuredDate, organization: organizations.name })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(isNull(services.archivedAt), isNull(organizations.archivedAt), stale, scope))
    .orderBy(sql`${services.assuredDate} nulls first`, services.name)
    .limit(500);
}

/** How many offers (not archived) the actor's centres have (administrators: all): "none" is not "all checked". */
export async function countEditableOffers(db: Db, actor: Actor) {
  const centreIds = actor.memberships.filter((m) => m.role === "coordinator").map((m) => m.centreId);
  const scope = actor.isAdmin ? undefined : inArray(services.centreId, centreIds.length ? centreIds : ["00000000-0000-0000-0000-000000000000"]);
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(and(isNull(services.archivedAt), isNull(organizations.archivedAt), scope));
  return row?.n ?? 0;
}

