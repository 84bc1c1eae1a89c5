import { isDeepStrictEqual } from "node:util";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { can, type Actor } from "~/modules/centres/permissions";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { instrumentPacks } from "./toolkit.schema";
import { defaultPack, instrumentPack, type InstrumentPack } from "./check-in";
import { isUuid } from "./toolkit";

export type PackRef = { pack: InstrumentPack; centreName: string | null };

/**
 * The packs the actor can use for a new check-in: our own, then those installed by any centre the actor
 * belongs to (one per pack id and version).
 */
export async function availablePacks(db: Db, actor: Actor | null, includeRemoved = false): Promise<InstrumentPack[]> {
  if (!actor) throw new ForbiddenError();
  const centreIds = [...new Set(actor.memberships.map((m) => m.centreId))];
  const rows = centreIds.length
    ? await db
        .select({ pack: instrumentPacks.pack })
        .from(instrumentPacks)
        .where(and(inArray(instrumentPacks.centreId, centreIds), includeRemoved ? undefined : isNull(instrumentPacks.removedAt)))
        .orderBy(instrumentPacks.installedAt)
    : [];
  const packs = [defaultPack];
  for (const row of rows) {
    const parsed = instrumentPack.safeParse(row.pack);
    if (parsed.success && !packs.some((p) => p.id === parsed.data.id && p.version === parsed.data.version)) packs.push(parsed.data);
  }
  return packs;
}

/** Newest version of a pack the actor can use now. */
export async function packForNewCheckIn(db: Db, actor: Actor | null, packId: string) {
  const packs = (await availablePacks(db, actor)).filter((p) => p.id === packId);
  const pack = packs.sort((a, b) => b.version - a.version)[0];
  if (!pack) throw new NotFoundError();
  return pack;
}

export async function centrePacks(db: Db, actor: Actor | null, centreId: string) {
  if (!can(actor, "centre.manage_instruments", centreId)) throw new ForbiddenError();
  const rows = await db
    .select({
      id: instrumentPacks.id,
      pack: instrumentPacks.pack,
      installedAt: instrumentPacks.installedAt,
      removedAt: instrumentPacks.removedAt,
    })
    .from(instrumentPacks)
    .where(eq(instrumentPacks.centreId, centreId))
    .orderBy(instrumentPacks.installedAt);
  return rows.map((r) => ({
    id: r.id,
    pack: r.pack as InstrumentPack,
    installedAt: r.installedAt,
    removedAt: r.removedAt,
  }));
}

export type InstallResult = { ok: true } | { ok: false; problems: string[] };

/** Install a pack (JSON text) for a centre. Every problem is named; nothing is saved unless all is well. */
export async function installPack(db: Db, actor: Actor | null, centreId: string, json: string): Promise<InstallResult> {
  if (!can(actor, "centre.manage_instruments", centreId)) throw new ForbiddenError();
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problems: ["json"] };
  }
  const parsed = instrumentPack.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`),
    };
  if (parsed.data.id === defaultPack.id) return { ok: false, problems: ["id: reserved"] };
  const inserted = await db
    .insert(instrumentPacks)
    .values({
      centreId,
      packId: parsed.data.id,
      version: parsed.data.version,
      pack: parsed.data,
      installedBy: actor!.userId,
    })
    .onConflictDoNothing()
    .returning({ id: instrumentPacks.id });
  if (inserted.length === 0) {
    // Already installed: the same content comes back (if it was removed); other content needs a new version.
    const where = and(eq(instrumentPacks.centreId, centreId), eq(instrumentPacks.packId, parsed.data.id), eq(instrumentPacks.version, parsed.data.version));
    const [existing] = await db.select({ pack: instrumentPacks.pack }).from(instrumentPacks).where(where);
    // jsonb does not keep key order: compare the content, not the text.
    if (!isDeepStrictEqual(existing?.pack, parsed.data))
      return {
        ok: false,
        problems: ["version: already installed with other content; raise the version"],
      };
    await db.update(instrumentPacks).set({ removedAt: null }).where(where);
  }
  return { ok: true };
}

export async function removePack(db: Db, actor: Actor | null, centreId: string, id: string) {
  if (!can(actor, "centre.manage_instruments", centreId)) throw new ForbiddenError();
  if (!isUuid(id)) throw new NotFoundError();
  await db
    .update(instrumentPacks)
    .set({ removedAt: new Date() })
    .where(and(eq(instrumentPacks.id, id), eq(instrumentPacks.centreId, centreId)));
}
