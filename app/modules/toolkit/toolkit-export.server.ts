import { z } from "zod";
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "~/modules/centres/permissions";
import type { Db } from "~/db/client.server";
import { ForbiddenError } from "~/modules/centres/centres.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { toolkitEntries, toolkitEntryVersions, toolkitKeys } from "./toolkit.schema";
import { bodySchemas } from "./toolkit.forms";
import { tools, type Tool } from "./toolkit";
import { entryHistory, myEntries, saveEntry, type Store } from "./toolkit.server";
import { masterKeyId, unwrapDataKey, wrapDataKey } from "./toolkit-crypto.server";
import { cards } from "./content/cards";
import { log } from "~/lib/log.server";

/**
 * The toolkit's export format, documented in docs/toolkit-export.md: everything the participant wrote,
 * readable JSON, re-importable into any Knutepunkt installation. Ids of people (a suggestion's author) and
 * of this installation are left out; a suggestion keeps its author's name as written.
 */
export const exportFormat = "knutepunkt-toolkit";
export const exportVersion = 1;

const refPattern: Record<Tool, RegExp> = {
  cards: /^[a-z0-9-]{1,64}:q\d{1,2}$/,
  values: /^[0-9a-f-]{36}$/,
  value_reflection: /^[a-z0-9-]{1,64}$/,
  dream: /^dream$/,
  dream_suggestion: /^[0-9a-f-]{36}$/,
  check_in: /^[0-9a-f-]{36}$/,
  stages: /^[0-9a-f-]{36}$/,
};

const timestamp = z.string().datetime({ offset: true });

const exportedEntry = z
  .object({
    tool: z.enum(tools),
    ref: z.string().max(100),
    createdAt: timestamp,
    updatedAt: timestamp,
    body: z.unknown(),
    history: z
      .array(z.object({ savedAt: timestamp, body: z.unknown() }))
      .max(1000)
      .default([]),
  })
  .superRefine((entry, ctx) => {
    if (!refPattern[entry.tool].test(entry.ref))
      ctx.addIssue({
        code: "custom",
        path: ["ref"],
        message: "toolkit.import.error_ref",
      });
    if (entry.tool === "cards") {
      const [cardId, question] = entry.ref.split(":");
      const card = cards.find((c) => c.id === cardId);
      if (!card?.questions.some((q) => q.id === question))
        ctx.addIssue({
          code: "custom",
          path: ["ref"],
          message: "toolkit.import.error_ref",
        });
    }
    const schema = bodySchemas[entry.tool];
    for (const [i, body] of [entry.body, ...entry.history.map((h) => h.body)].entries()) {
      if (!schema.safeParse(body).success)
        ctx.addIssue({
          code: "custom",
          path: i === 0 ? ["body"] : ["history", i - 1, "body"],
          message: "toolkit.import.error_body",
        });
    }
  });

export const exportDocument = z.object({
  format: z.literal(exportFormat),
  version: z.literal(exportVersion),
  exportedAt: timestamp,
  entries: z.array(exportedEntry).max(20_000),
});
export type ExportDocument = z.infer<typeof exportDocument>;

/** Everything in the actor's toolkit, with each entry's history (oldest version first). */
export async function exportToolkit(store: Store, actor: Actor | null, requestId?: string): Promise<ExportDocument> {
  if (!actor) throw new ForbiddenError();
  const entries = await myEntries(store, actor, tools);
  const out: ExportDocument["entries"] = [];
  for (const entry of entries) {
    const history = (await entryHistory(store, actor, entry.id)).reverse();
    out.push({
      tool: entry.tool,
      ref: entry.ref,
      createdAt: entry.createdAt.toISOString(),
      updatedAt: entry.updatedAt.toISOString(),
      body: entry.body,
      history: history.map((h) => ({
        savedAt: h.savedAt.toISOString(),
        body: h.body,
      })),
    });
  }
  await recordAudit(store.db, {
    actorUserId: actor.userId,
    action: "read",
    subjectUserId: actor.userId,
    entityType: "toolkit",
    details: { export: true, entries: out.length },
    requestId,
  });
  return {
    format: exportFormat,
    version: exportVersion,
    exportedAt: new Date().toISOString(),
    entries: out,
  };
}

export type ImportProblem = {
  entry: number | null;
  field: string;
  message: string;
};

/** Parse and check an export file. Nothing is saved here. */
export function checkImport(text: string): { ok: true; doc: ExportDocument } | { ok: false; problems: ImportProblem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problems: [{ entry: null, field: "", message: "toolkit.import.error_json" }],
    };
  }
  const result = exportDocument.safeParse(json);
  if (result.success) return { ok: true, doc: result.data };
  const problems = result.error.issues.slice(0, 50).map((issue) => {
    const [first, index, ...rest] = issue.path;
    const inEntry = first === "entries" && typeof index === "number";
    return {
      entry: inEntry ? index + 1 : null,
      field: (inEntry ? rest : issue.path).join("."),
      message: /^toolkit\./.test(issue.message) ? issue.message : first === "format" || first === "version" ? "toolkit.import.error_format" : "toolkit.import.error_body",
    };
  });
  return { ok: false, problems };
}

/**
 * Import a checked export into the actor's toolkit. An entry that already exists (same tool and ref) is
 * left as it is and counted as skipped: importing the same file twice changes nothing.
 */
export async function importToolkit(store: Store, actor: Actor | null, doc: ExportDocument, requestId?: string) {
  if (!actor) throw new ForbiddenError();
  // All or nothing: one transaction (each entry's saves become savepoints inside it).
  return store.db.transaction(async (tx) => {
    const txStore: Store = { db: tx as unknown as Db, masters: store.masters };
    const existing = await txStore.db.select({ tool: toolkitEntries.tool, ref: toolkitEntries.ref }).from(toolkitEntries).where(eq(toolkitEntries.ownerId, actor.userId));
    const have = new Set(existing.map((e) => `${e.tool}|${e.ref}`));
    let imported = 0;
    let skipped = 0;
    for (const entry of doc.entries) {
      if (have.has(`${entry.tool}|${entry.ref}`)) {
        skipped++;
        continue;
      }
      have.add(`${entry.tool}|${entry.ref}`);
      const versions = [...entry.history, { savedAt: entry.updatedAt, body: entry.body }];
      let base: number | null = null;
      for (const version of versions) {
        const saved: Awaited<ReturnType<typeof saveEntry>> = await saveEntry(txStore, actor, {
          tool: entry.tool,
          ref: entry.ref,
          body: version.body,
          baseRevision: base,
        });
        if (!saved.ok) throw new Error("Import conflict");
        base = saved.entry.revision;
      }
      // Keep the dates the person wrote things, not the date of the import.
      const [row] = await txStore.db
        .update(toolkitEntries)
        .set({
          createdAt: new Date(entry.createdAt),
          updatedAt: new Date(entry.updatedAt),
        })
        .where(and(eq(toolkitEntries.ownerId, actor.userId), eq(toolkitEntries.tool, entry.tool), eq(toolkitEntries.ref, entry.ref)))
        .returning({ id: toolkitEntries.id });
      for (const [i, h] of entry.history.entries()) {
        await txStore.db
          .update(toolkitEntryVersions)
          .set({ savedAt: new Date(h.savedAt) })
          .where(and(eq(toolkitEntryVersions.entryId, row!.id), eq(toolkitEntryVersions.revision, i + 1)));
      }
      imported++;
    }
    await recordAudit(txStore.db, {
      actorUserId: actor.userId,
      action: "create",
      subjectUserId: actor.userId,
      entityType: "toolkit",
      details: { import: true, entries: imported },
      requestId,
    });
    return { imported, skipped };
  });
}

/**
 * Master-key rotation: re-wrap every data key still wrapped under an older master key with the current one.
 * Run at start when MASTER_KEY_PREVIOUS is set; once every key is re-wrapped and the backups that hold
 * the old wrapping have expired, the old master key is removed and a deleted person's key is gone from
 * every copy that can still be read.
 */
export async function rewrapDataKeys(store: Store): Promise<number> {
  const [current, ...older] = store.masters;
  if (!current || older.length === 0) return 0;
  const rows = await store.db.select({ userId: toolkitKeys.userId, wrapped: toolkitKeys.wrappedKey }).from(toolkitKeys);
  const prefix = `v1.${masterKeyId(current)}.`;
  const stale = rows.filter((r) => !r.wrapped.startsWith(prefix));
  let done = 0;
  let unreadable = 0;
  for (const row of stale) {
    // One key that no configured master key opens must not stop the start: report it and go on.
    let key: Buffer;
    try {
      key = unwrapDataKey(store.masters, row.wrapped, row.userId);
    } catch {
      unreadable++;
      continue;
    }
    await store.db
      .update(toolkitKeys)
      .set({ wrappedKey: wrapDataKey(current, key, row.userId) })
      .where(and(eq(toolkitKeys.userId, row.userId), inArray(toolkitKeys.wrappedKey, [row.wrapped])));
    done++;
  }
  // No ids in the operational log: the count is enough to go looking.
  if (unreadable) log.error("toolkit.keys_unreadable", { count: unreadable });
  return done;
}
