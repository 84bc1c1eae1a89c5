import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { Actor, CentreRole } from "~/modules/centres/permissions";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { memberships, centres } from "~/modules/centres/centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import { isEmailVerified } from "~/modules/accounts/accounts.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuditEntityType } from "~/modules/audit/audit";
import { osloToday } from "~/lib/oslo-date";
import type { Lang } from "~/i18n/i18n";
import { itemName } from "./items";
import { toolkitConsents, toolkitEntries, toolkitEntryVersions, toolkitKeys, toolkitShares } from "./toolkit.schema";
import { decryptText, encryptText, newDataKey, unwrapDataKey, wrapDataKey } from "./toolkit-crypto.server";
import { canShareWith, isUuid, itemOf, modesFor, shareActive, toolkitAccess, toolsOf, type Access, type ShareItem, type ShareMode, type Tool } from "./toolkit";

/**
 * What toolkit use cases need: the database and the master keys (current first) — and, in a request of a
 * logged-in person, what the session query already read about that person's own toolkit (`own`), so their
 * consent and data key cost no statement of their own (ADR 0021).
 */
export type Store = { db: Db; masters: Buffer[]; own?: OwnToolkit };

/**
 * The logged-in person's consent and wrapped data key, read with the session at the start of the request.
 * One object per request, shared by every store of that request: the data key is unwrapped at most once,
 * and a use case that changes them (a first write, deleting the whole toolkit) updates it.
 */
export type OwnToolkit = { userId: string; consent: boolean; wrappedKey: string | null };

export type Entry<T = unknown> = {
  id: string;
  tool: Tool;
  ref: string;
  revision: number;
  body: T;
  authorId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Tools whose earlier versions are kept as history when saved again. */
export const keepsHistory: ReadonlySet<Tool> = new Set(["cards", "value_reflection", "dream"]);

const entryPlace = (id: string) => `toolkit_entries.body:${id}`;
const versionPlace = (id: string, revision: number) => `toolkit_entry_versions.body:${id}:${revision}`;

function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new ForbiddenError();
  return actor;
}

/** The version of the consent wording (toolkit.consent.* texts). Raise it when its meaning changes. */
export const consentVersion = 1;

export class ConsentRequiredError extends Error {
  constructor() {
    super("The participant has not consented to keeping toolkit content");
  }
}

export async function hasConsent(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ version: toolkitConsents.version }).from(toolkitConsents).where(eq(toolkitConsents.userId, userId));
  return row !== undefined;
}

/** Explicit consent (GDPR art. 9(2)(a)), recorded with the wording's version and logged. */
export async function giveConsent(db: Db, actor: Actor | null, requestId?: string) {
  const me = requireActor(actor);
  await db
    .insert(toolkitConsents)
    .values({ userId: me.userId, version: consentVersion })
    .onConflictDoUpdate({ target: toolkitConsents.userId, set: { version: consentVersion, consentedAt: new Date() } });
  await recordAudit(db, { actorUserId: me.userId, action: "create", subjectUserId: me.userId, entityType: "toolkit_consent", details: { version: consentVersion }, requestId });
}

/**
 * The owner's data key; made on first write, and only with the owner's consent. Null when the owner has
 * none (nothing written, or shredded).
 */
export async function dataKey(store: Store, ownerId: string, create: boolean): Promise<Buffer | null> {
  // The person's own key as the session read it (no statement), else the key's row.
  const own = store.own?.userId === ownerId ? store.own : undefined;
  const wrapped = own ? own.wrappedKey : ((await store.db.select({ wrapped: toolkitKeys.wrappedKey }).from(toolkitKeys).where(eq(toolkitKeys.userId, ownerId)))[0]?.wrapped ?? null);
  if (wrapped !== null) return unwrapped(store, ownerId, wrapped, own);
  if (!create) return null;
  if (!(await hasConsent(store.db, ownerId))) throw new ConsentRequiredError();
  const master = store.masters[0];
  if (!master) throw new Error("No master key");
  await store.db
    .insert(toolkitKeys)
    .values({
      userId: ownerId,
      wrappedKey: wrapDataKey(master, newDataKey(), ownerId),
    })
    .onConflictDoNothing();
  // The one that was stored: ours, or another request's that came first.
  const [row] = await store.db.select({ wrapped: toolkitKeys.wrappedKey }).from(toolkitKeys).where(eq(toolkitKeys.userId, ownerId));
  if (own) own.wrappedKey = row?.wrapped ?? null;
  return row ? unwrapped(store, ownerId, row.wrapped, own) : null;
}

/** Unwrapped data keys of one request's `own`, so that several reads in a request unwrap once. */
const unwrappedKeys = new WeakMap<OwnToolkit, { wrapped: string; key: Buffer }>();

function unwrapped(store: Store, ownerId: string, wrapped: string, own: OwnToolkit | undefined): Buffer {
  const known = own && unwrappedKeys.get(own);
  if (known && known.wrapped === wrapped) return known.key;
  const key = unwrapDataKey(store.masters, wrapped, ownerId);
  if (own) unwrappedKeys.set(own, { wrapped, key });
  return key;
}

const seal = (key: Buffer, id: string, body: unknown) => encryptText(key, JSON.stringify(body), entryPlace(id));
/** An entry's body and an earlier version's, encrypted for their place (for an import that writes rows itself). */
export const sealEntryBody = seal;
export const sealVersionBody = (key: Buffer, id: string, revision: number, body: unknown) => encryptText(key, JSON.stringify(body), versionPlace(id, revision));
const unseal = (key: Buffer, id: string, body: string): unknown => JSON.parse(decryptText(key, body, entryPlace(id)));

const entryColumns = {
  id: toolkitEntries.id,
  tool: toolkitEntries.tool,
  ref: toolkitEntries.ref,
  revision: toolkitEntries.revision,
  body: toolkitEntries.body,
  authorId: toolkitEntries.authorId,
  createdAt: toolkitEntries.createdAt,
  updatedAt: toolkitEntries.updatedAt,
};

type EntryRow = {
  id: string;
  tool: string;
  ref: string;
  revision: number;
  body: string;
  authorId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function open(key: Buffer, row: EntryRow): Entry {
  return {
    ...row,
    tool: row.tool as Tool,
    body: unseal(key, row.id, row.body),
  };
}

async function loadEntries(store: Store, ownerId: string, toolList: readonly Tool[], ref?: string): Promise<Entry[]> {
  const key = await dataKey(store, ownerId, false);
  if (!key) return [];
  const rows = await store.db
    .select(entryColumns)
    .from(toolkitEntries)
    .where(and(eq(toolkitEntries.ownerId, ownerId), inArray(toolkitEntries.tool, [...toolList]), ref === undefined ? undefined : eq(toolkitEntries.ref, ref)))
    .orderBy(asc(toolkitEntries.createdAt), asc(toolkitEntries.id));
  return rows.map((row) => open(key, row));
}

// ---- The owner's own toolkit ---------------------------------------------------------------------------

/** The actor's own entries of the given tools, oldest first. Reading one's own toolkit is not logged. */
export async function myEntries(store: Store, actor: Actor | null, toolList: readonly Tool[]): Promise<Entry[]> {
  const me = requireActor(actor);
  return loadEntries(store, me.userId, toolList);
}

/**
 * The toolkit's front page in one statement: how many cards the actor has answered, and how many of their
 * shares are in force (the same rule as myShares: shareActive). Before, two statements beside the session.
 */
export async function toolkitOverview(db: Db, actor: Actor | null, today = osloToday()): Promise<{ answered: number; activeShares: number }> {
  const me = requireActor(actor);
  const [row] = await db
    .select({
      refs: sql<string[] | string>`coalesce((select json_agg(e.ref) from ${toolkitEntries} e where e.owner_id = ${me.userId} and e.tool = 'cards'), '[]'::json)`,
      shares: sql<{ until: string | null; revokedAt: string | null }[] | string>`coalesce((
        select json_agg(json_build_object('until', s.until, 'revokedAt', s.revoked_at)) from ${toolkitShares} s where s.owner_id = ${me.userId}
      ), '[]'::json)`,
    })
    .from(users)
    .where(eq(users.id, me.userId));
  const json = <T>(value: T | string | undefined, empty: T): T => (value === undefined ? empty : typeof value === "string" ? (JSON.parse(value) as T) : value);
  const refs = json<string[]>(row?.refs, []);
  const shares = json<{ until: string | null; revokedAt: string | null }[]>(row?.shares, []);
  return {
    answered: new Set(refs.map((ref) => ref.split(":")[0])).size,
    activeShares: shares.filter((share) => shareActive({ until: share.until, revokedAt: share.revokedAt === null ? null : new Date(share.revokedAt) }, today)).length,
  };
}

export async function myEntry<T = unknown>(store: Store, actor: Actor | null, tool: Tool, ref: string): Promise<Entry<T> | undefined> {
  const me = requireActor(actor);
  const [entry] = await loadEntries(store, me.userId, [tool], ref);
  return entry as Entry<T> | undefined;
}

export type SaveResult<T> = { ok: true; entry: Entry<T> } | { ok: false; conflict: Entry<T> | null };

type SaveInput<T> = {
  tool: Tool;
  ref: string;
  body: T;
  baseRevision: number | null;
  force?: boolean;
  authorId?: string | null;
  ownerId?: string;
};

/**
 * Save the body of the actor's entry (tool, ref). `baseRevision` is the revision the form started from
 * (null: it started from nothing). If someone saved in between (another tab), nothing is overwritten:
 * the caller gets the current entry back and tells the person — unless `force` (they chose to keep theirs;
 * the other version stays in the history).
 */
export async function saveEntry<T>(store: Store, actor: Actor | null, input: SaveInput<T>): Promise<SaveResult<T>> {
  const result = await writeEntry(store, actor, input);
  if (result.status === "saved") return { ok: true, entry: result.entry };
  if (result.status === "conflict") return { ok: false, conflict: result.conflict };
  throw new Error("saveEntry: nothing to compare with, so never unchanged");
}

/**
 * saveEntry's work, in one transaction: the entry's row is read under a lock, then — unless `unchanged`
 * says the kept body (null: nothing kept) needs no save — the earlier version is kept and the row updated.
 * The data key comes from the request's `own` when it is the owner's (no statement).
 */
async function writeEntry<T>(store: Store, actor: Actor | null, input: SaveInput<T> & { unchanged?: (kept: Entry<T> | null) => boolean }): Promise<ChangeResult<T>> {
  const me = requireActor(actor);
  const ownerId = input.ownerId ?? me.userId;
  // With something to compare with, no key yet means nothing kept: a key is made only for a real save.
  let key = await dataKey(store, ownerId, !input.unchanged);
  if (!key) {
    if (input.unchanged?.(null)) return { status: "unchanged" };
    key = (await dataKey(store, ownerId, true))!;
  }
  const sealed = key;
  const result = await store.db.transaction(async (tx) => {
    const [current] = await tx
      .select(entryColumns)
      .from(toolkitEntries)
      .where(and(eq(toolkitEntries.ownerId, ownerId), eq(toolkitEntries.tool, input.tool), eq(toolkitEntries.ref, input.ref)))
      .for("update");
    const previous = current && (input.unchanged || keepsHistory.has(input.tool)) ? decryptText(sealed, current.body, entryPlace(current.id)) : null;
    if (input.unchanged?.(current && previous !== null ? ({ ...current, tool: current.tool as Tool, body: JSON.parse(previous) } as Entry<T>) : null)) {
      return { ok: "unchanged" as const, row: undefined };
    }
    const now = new Date();
    if (!current) {
      const id = randomUUID();
      const inserted = await tx
        .insert(toolkitEntries)
        .values({
          id,
          ownerId,
          tool: input.tool,
          ref: input.ref,
          body: seal(sealed, id, input.body),
          authorId: input.authorId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning(entryColumns);
      return inserted[0] ? { ok: true as const, row: inserted[0] } : { ok: false as const, row: undefined };
    }
    if (current.revision !== input.baseRevision && !input.force) return { ok: false as const, row: current };
    if (keepsHistory.has(input.tool)) {
      await tx
        .insert(toolkitEntryVersions)
        .values({
          entryId: current.id,
          revision: current.revision,
          body: encryptText(sealed, previous!, versionPlace(current.id, current.revision)),
          savedAt: current.updatedAt,
        })
        .onConflictDoNothing();
    }
    const [updated] = await tx
      .update(toolkitEntries)
      .set({
        body: seal(sealed, current.id, input.body),
        revision: current.revision + 1,
        updatedAt: now,
      })
      .where(eq(toolkitEntries.id, current.id))
      .returning(entryColumns);
    return { ok: true as const, row: updated! };
  });
  if (result.ok === "unchanged") return { status: "unchanged" };
  if (result.ok) return { status: "saved", entry: open(sealed, result.row) as Entry<T> };
  // Lost a race on the first save: read what the other tab saved.
  const row =
    result.row ??
    (
      await store.db
        .select(entryColumns)
        .from(toolkitEntries)
        .where(and(eq(toolkitEntries.ownerId, ownerId), eq(toolkitEntries.tool, input.tool), eq(toolkitEntries.ref, input.ref)))
    )[0];
  return { status: "conflict", conflict: row ? (open(sealed, row) as Entry<T>) : null };
}

/**
 * A short fingerprint of a body as a form shows it (`key` gives the body's comparable form): a page-wide form
 * carries it per answer, so the save can tell an answer the person did not touch from one they changed.
 */
export function bodyDigest(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 22);
}

export type ChangeResult<T> = { status: "unchanged" } | { status: "saved"; entry: Entry<T> } | { status: "conflict"; conflict: Entry<T> | null };

/**
 * Save one answer of a page-wide form (every answer of the page arrives with every save) only when the
 * person changed it:
 * - `started` is the digest of what the form showed (bodyDigest of `key`); an answer still as shown is
 *   left alone — no new version, no conflict with another tab, never brought back after a delete elsewhere;
 * - an answer equal to what is kept gets no new version; an `empty` answer where nothing is kept creates
 *   nothing;
 * - a changed answer is saved with saveEntry's rules (`baseRevision`, `force`), so a save made elsewhere
 *   meanwhile is never overwritten unasked. What is kept is compared inside the save's transaction, under
 *   the row's lock (one read instead of a read before the save and another in it).
 */
export async function saveIfChanged<T>(
  store: Store,
  actor: Actor | null,
  input: {
    tool: Tool;
    ref: string;
    body: T;
    baseRevision: number | null;
    force?: boolean;
    started: string | null;
    key: (body: T) => string;
    empty: (body: T) => boolean;
  },
): Promise<ChangeResult<T>> {
  requireActor(actor);
  const typed = input.key(input.body);
  if (input.started !== null && bodyDigest(typed) === input.started) return { status: "unchanged" };
  return writeEntry(store, actor, {
    tool: input.tool,
    ref: input.ref,
    body: input.body,
    // Nothing kept (never saved, or deleted elsewhere): what the person typed is saved as new (writeEntry
    // inserts without looking at the revision).
    baseRevision: input.baseRevision,
    force: input.force,
    unchanged: (kept) => (kept ? input.key(kept.body) === typed : input.empty(input.body)),
  });
}

/** A new entry with a fresh random ref: a values sort, a check-in, a stage placement. */
export async function addEntry<T>(store: Store, actor: Actor | null, tool: Tool, body: T): Promise<Entry<T>> {
  const saved = await saveEntry(store, actor, {
    tool,
    ref: randomUUID(),
    body,
    baseRevision: null,
  });
  if (!saved.ok) throw new Error("A fresh ref cannot conflict");
  return saved.entry;
}

/** Earlier versions of one of the actor's entries, newest first. */
export async function entryHistory(store: Store, actor: Actor | null, entryId: string) {
  const me = requireActor(actor);
  if (!isUuid(entryId)) return [];
  const key = await dataKey(store, me.userId, false);
  if (!key) return [];
  const rows = await store.db
    .select({
      revision: toolkitEntryVersions.revision,
      body: toolkitEntryVersions.body,
      savedAt: toolkitEntryVersions.savedAt,
    })
    .from(toolkitEntryVersions)
    .innerJoin(toolkitEntries, eq(toolkitEntries.id, toolkitEntryVersions.entryId))
    .where(and(eq(toolkitEntryVersions.entryId, entryId), eq(toolkitEntries.ownerId, me.userId)))
    .orderBy(desc(toolkitEntryVersions.revision));
  return rows.map((r) => ({
    revision: r.revision,
    savedAt: r.savedAt,
    body: JSON.parse(decryptText(key, r.body, versionPlace(entryId, r.revision))) as unknown,
  }));
}

export type Version = { revision: number; savedAt: Date; body: unknown };

/**
 * The actor's own entries of one tool with the given refs, oldest first, each with its `recent` latest
 * earlier versions (newest first) and how many earlier versions it has, in one statement. A card page used
 * one query per question for the history, and showed every version of every answer: the page grew with
 * each save (ADR 0021). The whole history of one entry is entryHistory's.
 */
export async function myEntriesWithHistory(
  store: Store,
  actor: Actor | null,
  tool: Tool,
  refs: readonly string[],
  recent: number,
): Promise<(Entry & { history: Version[]; versions: number })[]> {
  const me = requireActor(actor);
  if (refs.length === 0) return [];
  const key = await dataKey(store, me.userId, false);
  if (!key) return [];
  // The subqueries name toolkit_entries.id in full: in a one-table select Drizzle writes its columns without the table.
  const rows = await store.db
    .select({
      ...entryColumns,
      versions: sql<number>`(select count(*) from ${toolkitEntryVersions} v where v.entry_id = toolkit_entries.id)`.mapWith(Number),
      history: sql<{ revision: number; body: string; savedAt: number }[] | string>`coalesce((
        select json_agg(json_build_object('revision', x.revision, 'body', x.body, 'savedAt', floor(extract(epoch from x.saved_at) * 1000)) order by x.revision desc)
        from (select v.revision, v.body, v.saved_at from ${toolkitEntryVersions} v where v.entry_id = toolkit_entries.id order by v.revision desc limit ${recent}) x
      ), '[]'::json)`,
    })
    .from(toolkitEntries)
    .where(and(eq(toolkitEntries.ownerId, me.userId), eq(toolkitEntries.tool, tool), inArray(toolkitEntries.ref, [...refs])))
    .orderBy(asc(toolkitEntries.createdAt), asc(toolkitEntries.id));
  return rows.map(({ versions, history, ...row }) => {
    const kept = typeof history === "string" ? (JSON.parse(history) as Exclude<typeof history, string>) : history;
    return {
      ...open(key, row),
      versions,
      history: kept.map((v) => ({
        revision: v.revision,
        savedAt: new Date(Number(v.savedAt)),
        body: JSON.parse(decryptText(key, v.body, versionPlace(row.id, v.revision))) as unknown,
      })),
    };
  });
}

/**
 * Every earlier version of all the actor's entries, oldest first per entry, in one query (the export: one
 * query per entry would be 20,000 for the largest toolkit).
 */
export async function allHistory(store: Store, actor: Actor | null) {
  const me = requireActor(actor);
  const key = await dataKey(store, me.userId, false);
  const byEntry = new Map<string, { revision: number; savedAt: Date; body: unknown }[]>();
  if (!key) return byEntry;
  const rows = await store.db
    .select({
      entryId: toolkitEntryVersions.entryId,
      revision: toolkitEntryVersions.revision,
      body: toolkitEntryVersions.body,
      savedAt: toolkitEntryVersions.savedAt,
    })
    .from(toolkitEntryVersions)
    .innerJoin(toolkitEntries, eq(toolkitEntries.id, toolkitEntryVersions.entryId))
    .where(eq(toolkitEntries.ownerId, me.userId))
    .orderBy(asc(toolkitEntryVersions.entryId), asc(toolkitEntryVersions.revision));
  for (const r of rows) {
    const list = byEntry.get(r.entryId) ?? [];
    list.push({ revision: r.revision, savedAt: r.savedAt, body: JSON.parse(decryptText(key, r.body, versionPlace(r.entryId, r.revision))) as unknown });
    byEntry.set(r.entryId, list);
  }
  return byEntry;
}

/** Delete one of the actor's entries with its history. Returns whether there was one. */
export async function deleteEntry(store: Store, actor: Actor | null, entryId: string): Promise<boolean> {
  const me = requireActor(actor);
  if (!isUuid(entryId)) return false;
  const deleted = await store.db
    .delete(toolkitEntries)
    .where(and(eq(toolkitEntries.id, entryId), eq(toolkitEntries.ownerId, me.userId)))
    .returning({ id: toolkitEntries.id });
  return deleted.length > 0;
}

/** Delete a whole tool's entries (e.g. every answer of one card), with their history. */
export async function deleteItem(store: Store, actor: Actor | null, item: ShareItem, requestId?: string): Promise<number> {
  const me = requireActor(actor);
  const toolList = toolsOf(item);
  const cardId = item.startsWith("card:") ? item.slice(5) : null;
  const rows = await store.db
    .select({ id: toolkitEntries.id, ref: toolkitEntries.ref })
    .from(toolkitEntries)
    .where(and(eq(toolkitEntries.ownerId, me.userId), inArray(toolkitEntries.tool, toolList)));
  const ids = rows.filter((r) => !cardId || r.ref.startsWith(`${cardId}:`)).map((r) => r.id);
  if (ids.length) await store.db.delete(toolkitEntries).where(inArray(toolkitEntries.id, ids));
  await recordAudit(store.db, {
    actorUserId: me.userId,
    action: "delete",
    subjectUserId: me.userId,
    entityType: auditEntity(item),
    entityId: cardId,
    details: { entries: ids.length },
    requestId,
  });
  return ids.length;
}

/**
 * Delete the whole toolkit: every entry, every share, the consent, and the data key itself, so that copies
 * in old backups can no longer be read. Using the toolkit again starts with a new consent and a new key.
 */
export async function deleteToolkit(store: Store, actor: Actor | null, requestId?: string) {
  const me = requireActor(actor);
  await store.db.transaction(async (tx) => {
    await tx.delete(toolkitEntries).where(eq(toolkitEntries.ownerId, me.userId));
    await tx.delete(toolkitShares).where(eq(toolkitShares.ownerId, me.userId));
    await tx.delete(toolkitKeys).where(eq(toolkitKeys.userId, me.userId));
    await tx.delete(toolkitConsents).where(eq(toolkitConsents.userId, me.userId));
    await recordAudit(tx as unknown as Db, {
      actorUserId: me.userId,
      action: "delete",
      subjectUserId: me.userId,
      entityType: "toolkit",
      requestId,
    });
  });
  // The rest of this request sees what the database now holds: no consent, no key.
  if (store.own?.userId === me.userId) Object.assign(store.own, { consent: false, wrappedKey: null });
}

// ---- Sharing --------------------------------------------------------------------------------------------

export function auditEntity(item: ShareItem): AuditEntityType {
  if (item.startsWith("card:")) return "toolkit_card";
  return `toolkit_${item as "values" | "dream" | "check_in" | "stages"}`;
}

async function membershipsOf(db: Db, userId: string) {
  const rows = await db.select({ centreId: memberships.centreId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
  return rows.map((r) => ({
    centreId: r.centreId,
    role: r.role as CentreRole,
  }));
}

/** Peer workers the actor can share with: those of every centre the actor belongs to. */
export async function sharingPeers(db: Db, actor: Actor | null) {
  const me = requireActor(actor);
  const centreIds = [...new Set(me.memberships.map((m) => m.centreId))];
  if (centreIds.length === 0) return [];
  const rows = await db
    .select({
      peerId: users.id,
      name: users.name,
      centreId: centres.id,
      centreName: centres.shortName,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(centres, eq(centres.id, memberships.centreId))
    // Only peer workers whose address is confirmed can be chosen (issue 9, finding 5).
    .where(and(inArray(memberships.centreId, centreIds), eq(memberships.role, "peer_worker"), isNotNull(users.emailVerifiedAt)))
    .orderBy(centres.shortName, users.name);
  return rows.filter((r) => r.peerId !== me.userId);
}

export type ShareRow = {
  id: string;
  item: ShareItem;
  mode: ShareMode;
  until: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  peerName: string;
  centreName: string;
  active: boolean;
};

/** The actor's shares (active first, then ended), with the peer worker's name. */
export async function myShares(db: Db, actor: Actor | null, today = osloToday()): Promise<ShareRow[]> {
  const me = requireActor(actor);
  const rows = await db
    .select({
      id: toolkitShares.id,
      item: toolkitShares.item,
      mode: toolkitShares.mode,
      until: toolkitShares.until,
      createdAt: toolkitShares.createdAt,
      revokedAt: toolkitShares.revokedAt,
      peerName: users.name,
      centreName: centres.shortName,
    })
    .from(toolkitShares)
    .innerJoin(users, eq(users.id, toolkitShares.peerId))
    .innerJoin(centres, eq(centres.id, toolkitShares.centreId))
    .where(eq(toolkitShares.ownerId, me.userId))
    .orderBy(desc(toolkitShares.createdAt));
  return rows
    .map((r) => ({
      ...r,
      item: r.item as ShareItem,
      mode: r.mode as ShareMode,
      active: shareActive(r, today),
    }))
    .sort((a, b) => Number(b.active) - Number(a.active));
}

export async function createShare(
  db: Db,
  actor: Actor | null,
  input: {
    item: ShareItem;
    peerId: string;
    centreId: string;
    mode: ShareMode;
    until: string | null;
  },
  requestId?: string,
  today = osloToday(),
): Promise<{ ok: true; id: string } | { ok: false; reason: "peer" | "mode" | "until" }> {
  const me = requireActor(actor);
  if (!modesFor(input.item).includes(input.mode)) return { ok: false, reason: "mode" };
  if (input.until !== null && input.until < today) return { ok: false, reason: "until" };
  if (!isUuid(input.peerId) || !isUuid(input.centreId)) return { ok: false, reason: "peer" };
  const peer = {
    id: input.peerId,
    memberships: await membershipsOf(db, input.peerId),
  };
  if (!canShareWith({ id: me.userId, memberships: me.memberships }, peer, input.centreId)) return { ok: false, reason: "peer" };
  if (!(await isEmailVerified(db, input.peerId))) return { ok: false, reason: "peer" };
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(toolkitShares).values({
      id,
      ownerId: me.userId,
      peerId: input.peerId,
      centreId: input.centreId,
      item: input.item,
      mode: input.mode,
      until: input.until,
    });
    await recordAudit(tx as unknown as Db, {
      actorUserId: me.userId,
      action: "create",
      subjectUserId: me.userId,
      entityType: "toolkit_share",
      entityId: id,
      details: { item: input.item, mode: input.mode },
      requestId,
    });
  });
  return { ok: true, id };
}

/** Revoke at once: the next request of the peer worker no longer sees the item. */
export async function revokeShare(db: Db, actor: Actor | null, shareId: string, requestId?: string): Promise<boolean> {
  const me = requireActor(actor);
  if (!isUuid(shareId)) return false;
  const revoked = await db
    .update(toolkitShares)
    .set({ revokedAt: new Date() })
    .where(and(eq(toolkitShares.id, shareId), eq(toolkitShares.ownerId, me.userId), isNull(toolkitShares.revokedAt)))
    .returning({ id: toolkitShares.id, item: toolkitShares.item });
  if (revoked[0]) {
    await recordAudit(db, {
      actorUserId: me.userId,
      action: "delete",
      subjectUserId: me.userId,
      entityType: "toolkit_share",
      entityId: shareId,
      details: { item: revoked[0].item },
      requestId,
    });
  }
  return revoked.length > 0;
}

/** The columns the access rule needs from a share, and the row as the rule's type. */
const grantColumns = {
  peerId: toolkitShares.peerId,
  centreId: toolkitShares.centreId,
  item: toolkitShares.item,
  mode: toolkitShares.mode,
  until: toolkitShares.until,
  revokedAt: toolkitShares.revokedAt,
};
const asGrant = <R extends { item: string; mode: string }>(row: R) => ({ ...row, item: row.item as ShareItem, mode: row.mode as ShareMode });

/** For a peer worker: the items shared with them that are in force now, with the owner's name. */
export async function sharedWithMe(db: Db, actor: Actor | null, today = osloToday()) {
  const me = requireActor(actor);
  const rows = await db
    .select({ ...grantColumns, id: toolkitShares.id, ownerId: toolkitShares.ownerId, ownerName: users.name, centreName: centres.shortName, createdAt: toolkitShares.createdAt, seenAt: toolkitShares.seenAt })
    .from(toolkitShares)
    .innerJoin(users, eq(users.id, toolkitShares.ownerId))
    .innerJoin(centres, eq(centres.id, toolkitShares.centreId))
    .where(and(eq(toolkitShares.peerId, me.userId), isNull(toolkitShares.revokedAt)))
    .orderBy(users.name, toolkitShares.createdAt);
  const ownerMemberships = new Map<string, Awaited<ReturnType<typeof membershipsOf>>>();
  const result = [];
  for (const row of rows) {
    if (!ownerMemberships.has(row.ownerId)) ownerMemberships.set(row.ownerId, await membershipsOf(db, row.ownerId));
    const grant = asGrant(row);
    if (!toolkitAccess(me, { id: row.ownerId, memberships: ownerMemberships.get(row.ownerId)! }, grant.item, [grant], today)) continue;
    result.push({ id: row.id, item: grant.item, mode: grant.mode, until: row.until, ownerName: row.ownerName, centreName: row.centreName, createdAt: row.createdAt, seenAt: row.seenAt });
  }
  return result;
}

/**
 * The peer worker has now seen these shares on "Delt med meg": from the next visit on they are no longer
 * "new". Only the actor's own shares, and only the first time (seen_at keeps when).
 */
export async function markSharesSeen(db: Db, actor: Actor | null, shareIds: readonly string[], now = new Date()) {
  const me = requireActor(actor);
  const ids = shareIds.filter(isUuid);
  if (ids.length === 0) return;
  await db
    .update(toolkitShares)
    .set({ seenAt: now })
    .where(and(eq(toolkitShares.peerId, me.userId), inArray(toolkitShares.id, ids), isNull(toolkitShares.seenAt)));
}

/**
 * For the owner's access log: what each of their share events was about and with whom ("Delte Drømmen
 * med Erfaring Demo"). Only the owner's own shares; a share gone with a deleted toolkit is left out.
 */
export async function shareLabels(db: Db, ownerId: string, shareIds: readonly string[], lang: Lang) {
  const ids = [...new Set(shareIds.filter(isUuid))];
  if (ids.length === 0) return new Map<string, { item: string; peer: string }>();
  const rows = await db
    .select({ id: toolkitShares.id, item: toolkitShares.item, peerName: users.name })
    .from(toolkitShares)
    .innerJoin(users, eq(users.id, toolkitShares.peerId))
    .where(and(eq(toolkitShares.ownerId, ownerId), inArray(toolkitShares.id, ids)));
  return new Map(rows.map((r) => [r.id, { item: itemInSentence(lang, r.item), peer: r.peerName }]));
}

/** An item's name inside a sentence: "Delte verdiene dine med …", but "Delte Drømmen med …" (a name). */
function itemInSentence(lang: Lang, item: string): string {
  const name = itemName(lang, item);
  if (item === "dream" && lang !== "en") return name;
  return name.charAt(0).toLocaleLowerCase(lang === "en" ? "en" : "nb") + name.slice(1);
}

/**
 * What the actor may do with an item of the owner's toolkit, from the database: every share the owner
 * made with the actor for that item, checked by the pure rule.
 */
export async function accessTo(db: Db, actor: Actor | null, ownerId: string, item: ShareItem, today = osloToday()): Promise<Access> {
  if (!actor) return null;
  if (actor.userId === ownerId) return "owner";
  const shares = await db
    .select(grantColumns)
    .from(toolkitShares)
    .where(and(eq(toolkitShares.ownerId, ownerId), eq(toolkitShares.peerId, actor.userId), eq(toolkitShares.item, item)));
  if (shares.length === 0) return null;
  const owner = { id: ownerId, memberships: await membershipsOf(db, ownerId) };
  return toolkitAccess(actor, owner, item, shares.map(asGrant), today);
}

/**
 * One share, by id, checked by the pure rule on its own: the link a peer worker follows works only while
 * that very share is in force (revoking it ends it, whatever else is shared).
 */
async function shareInForce(db: Db, actor: Actor, shareId: string, today: string) {
  if (!isUuid(shareId)) return null;
  const [share] = await db
    .select({ ...grantColumns, ownerId: toolkitShares.ownerId, ownerName: users.name })
    .from(toolkitShares)
    .innerJoin(users, eq(users.id, toolkitShares.ownerId))
    .where(eq(toolkitShares.id, shareId));
  if (!share || share.peerId !== actor.userId) return null;
  const grant = asGrant(share);
  const access = toolkitAccess(actor, { id: share.ownerId, memberships: await membershipsOf(db, share.ownerId) }, grant.item, [grant], today);
  return access === "read" || access === "suggest" ? { ...grant, access } : null;
}

/**
 * A peer worker reads a shared item through its share. Checked on every request (a revoked share stops at
 * once) and logged for the owner to see. Not found when there is no share in force: the same answer as
 * for an id that does not exist.
 */
export async function readSharedItem(store: Store, actor: Actor | null, shareId: string, requestId?: string, today = osloToday()) {
  const me = requireActor(actor);
  const share = await shareInForce(store.db, me, shareId, today);
  if (!share) throw new NotFoundError();
  const { item, access } = share;
  const entries = (await loadEntries(store, share.ownerId, toolsOf(item))).filter((e) => itemOf(e.tool, e.ref) === item);
  await recordAudit(store.db, {
    actorUserId: me.userId,
    actorCentreId: share.centreId,
    actorRole: "peer_worker",
    action: "read",
    subjectUserId: share.ownerId,
    entityType: auditEntity(item),
    entityId: item.startsWith("card:") ? item.slice(5) : null,
    requestId,
  });
  return {
    ownerId: share.ownerId,
    ownerName: share.ownerName,
    item,
    access,
    entries,
  };
}

/** A peer worker with a "may suggest" share on the dream adds a suggestion to the owner's toolkit. */
export async function addSuggestion(store: Store, actor: Actor | null, shareId: string, text: string, authorName: string, requestId?: string, today = osloToday()) {
  const me = requireActor(actor);
  const share = await shareInForce(store.db, me, shareId, today);
  if (!share || share.item !== "dream") throw new NotFoundError();
  if (share.access !== "suggest") throw new ForbiddenError();
  const saved = await saveEntry(store, me, {
    tool: "dream_suggestion",
    ref: randomUUID(),
    body: { text, authorName, status: "open" },
    baseRevision: null,
    authorId: me.userId,
    ownerId: share.ownerId,
  });
  await recordAudit(store.db, {
    actorUserId: me.userId,
    actorCentreId: share.centreId,
    actorRole: "peer_worker",
    action: "create",
    subjectUserId: share.ownerId,
    entityType: "toolkit_dream",
    requestId,
  });
  return saved.ok;
}
