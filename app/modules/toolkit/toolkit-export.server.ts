import { randomUUID } from "node:crypto";
import { z } from "zod";
import { and, count, eq, inArray } from "drizzle-orm";
import type { Actor } from "~/modules/centres/permissions";
import type { Db } from "~/db/client.server";
import { ForbiddenError } from "~/modules/centres/centres.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { users } from "~/modules/accounts/accounts.schema";
import { toolkitEntries, toolkitEntryVersions, toolkitKeys } from "./toolkit.schema";
import { bodySchemas, isPlausibleDate, isPlausibleTime } from "./toolkit.forms";
import { importLimits, tools, type Tool } from "./toolkit";
import { allHistory, dataKey, keepsHistory, myEntries, sealEntryBody, sealVersionBody, type Store } from "./toolkit.server";
import { masterKeyId, unwrapDataKey, wrapDataKey } from "./toolkit-crypto.server";
import { cards } from "./content/cards";
import { personalValues } from "./content/values";
import { areaIds, stageIds } from "./stages";
import { defaultPack, type InstrumentPack } from "./check-in";
import { availablePacks } from "./check-in.server";
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

const listValueIds: ReadonlySet<string> = new Set(personalValues.map((v) => v.id));
const ownValueId = /^own-[a-z0-9]{1,12}$/;

/** What the import is checked against beyond the file itself: the check-in packs the person can use, and now. */
export type ImportContext = { packs?: readonly InstrumentPack[]; now?: number };
type Known = { packs: readonly InstrumentPack[]; now: number };
type ContentProblem = { path: (string | number)[]; message: string };

/**
 * The rules the forms apply, applied to a body that has the right shape: ids that exist (life areas,
 * stages, values, check-in packs and their items), answers on the pack's scale, dates a person can mean.
 */
function contentProblems(tool: Tool, body: unknown, known: Known): ContentProblem[] {
  const problems: ContentProblem[] = [];
  switch (tool) {
    case "values": {
      const sort = body as z.infer<typeof bodySchemas.values>;
      const own = new Set(sort.own.map((v) => v.id));
      const exists = (id: string) => listValueIds.has(id) || own.has(id);
      for (const id of Object.keys(sort.piles)) if (!exists(id)) problems.push({ path: ["piles", id], message: "toolkit.import.error_value" });
      for (const [i, id] of sort.top.entries()) if (!exists(id)) problems.push({ path: ["top", i], message: "toolkit.import.error_value" });
      if (sort.finishedAt !== null && !isPlausibleTime(sort.finishedAt, known.now)) problems.push({ path: ["finishedAt"], message: "toolkit.import.error_date" });
      break;
    }
    case "dream": {
      const dream = body as z.infer<typeof bodySchemas.dream>;
      for (const [g, goal] of dream.goals.entries())
        for (const [i, step] of goal.steps.entries())
          if (step.due !== null && !isPlausibleDate(step.due)) problems.push({ path: ["goals", g, "steps", i, "due"], message: "toolkit.import.error_date" });
      break;
    }
    case "check_in": {
      // As the check-in form: a pack the person can use here, answers to its items, on its scale.
      const checkIn = body as z.infer<typeof bodySchemas.check_in>;
      const pack = known.packs.find((p) => p.id === checkIn.instrument && p.version === checkIn.version);
      if (!pack) {
        problems.push({ path: ["instrument"], message: "toolkit.import.error_instrument" });
        break;
      }
      const items = new Set(pack.items.map((i) => i.id));
      for (const [id, value] of Object.entries(checkIn.answers))
        if (!items.has(id) || (value !== null && (!Number.isInteger(value) || value < pack.scale.min || value > pack.scale.max)))
          problems.push({ path: ["answers", id], message: "toolkit.import.error_answer" });
      for (const id of Object.keys(checkIn.why)) if (!items.has(id)) problems.push({ path: ["why", id], message: "toolkit.import.error_answer" });
      break;
    }
    case "stages": {
      // As the stages form: a known life area ("overall" for life as a whole) and a known stage.
      const placement = body as z.infer<typeof bodySchemas.stages>;
      if (!areaIds.includes(placement.area)) problems.push({ path: ["area"], message: "toolkit.import.error_area" });
      if (!stageIds.includes(placement.stage)) problems.push({ path: ["stage"], message: "toolkit.import.error_stage" });
      break;
    }
    case "cards":
    case "value_reflection":
    case "dream_suggestion":
      break;
  }
  return problems;
}

const timestamp = z.string().datetime({ offset: true });

function documentSchema(known: Known) {
  const writtenAt = timestamp.refine((v) => isPlausibleTime(v, known.now), "toolkit.import.error_date");
  const exportedEntry = z
    .object({
      tool: z.enum(tools),
      ref: z.string().max(100),
      createdAt: writtenAt,
      updatedAt: writtenAt,
      body: z.unknown(),
      history: z
        .array(z.object({ savedAt: writtenAt, body: z.unknown() }))
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
      // A reflection belongs to a value of the list or to one of the person's own.
      if (entry.tool === "value_reflection" && !listValueIds.has(entry.ref) && !ownValueId.test(entry.ref))
        ctx.addIssue({ code: "custom", path: ["ref"], message: "toolkit.import.error_value" });
      const schema = bodySchemas[entry.tool];
      for (const [i, body] of [entry.body, ...entry.history.map((h) => h.body)].entries()) {
        const path = i === 0 ? ["body"] : ["history", i - 1, "body"];
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", path, message: "toolkit.import.error_body" });
          continue;
        }
        for (const problem of contentProblems(entry.tool, parsed.data, known)) ctx.addIssue({ code: "custom", path: [...path, ...problem.path], message: problem.message });
      }
    });
  return z.object({
    format: z.literal(exportFormat),
    version: z.literal(exportVersion),
    exportedAt: writtenAt,
    // Whose toolkit it is, as the account said when it was downloaded (files from before have none).
    owner: z.object({ name: z.string().max(200), email: z.string().max(320) }).optional(),
    entries: z.array(exportedEntry).max(importLimits.entries),
  });
}

export type ExportDocument = z.infer<ReturnType<typeof documentSchema>>;

/** Everything in the actor's toolkit, with each entry's history (oldest version first). */
export async function exportToolkit(store: Store, actor: Actor | null, requestId?: string): Promise<ExportDocument> {
  if (!actor) throw new ForbiddenError();
  const entries = await myEntries(store, actor, tools);
  const histories = await allHistory(store, actor);
  const [owner] = await store.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actor.userId));
  const out: ExportDocument["entries"] = entries.map((entry) => ({
    tool: entry.tool,
    ref: entry.ref,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
    body: entry.body,
    history: (histories.get(entry.id) ?? []).map((h) => ({
      savedAt: h.savedAt.toISOString(),
      body: h.body,
    })),
  }));
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
    ...(owner ? { owner: { name: owner.name, email: owner.email } } : {}),
    entries: out,
  };
}

/** One problem of an import, shown in the person's language: `message` is an i18n key, `values` its placeholders. */
export type ImportProblem = {
  entry: number | null;
  field: string;
  message: string;
  values?: Record<string, number>;
};

const fileProblem = (message: string, values?: Record<string, number>): ImportProblem => ({ entry: null, field: "", message, ...(values ? { values } : {}) });

/**
 * Parse and check an export file against the file's bounds and the rules the forms use. Nothing is saved
 * here. The bounds are checked first: a file over them is refused before the costly entry by entry check.
 */
export function checkImport(text: string, context: ImportContext = {}): { ok: true; doc: ExportDocument } | { ok: false; problems: ImportProblem[] } {
  if (Buffer.byteLength(text, "utf8") > importLimits.bytes) return { ok: false, problems: [fileProblem("toolkit.import.error_too_big", { max: importLimits.bytes / 1_000_000 })] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problems: [{ entry: null, field: "", message: "toolkit.import.error_json" }],
    };
  }
  const entries = (json as { entries?: unknown } | null)?.entries;
  if (Array.isArray(entries)) {
    if (entries.length > importLimits.entries) return { ok: false, problems: [fileProblem("toolkit.import.error_too_many", { max: importLimits.entries })] };
    const versions = entries.reduce((sum: number, e: { history?: unknown }) => sum + (Array.isArray(e?.history) ? e.history.length : 0), 0);
    if (versions > importLimits.versions) return { ok: false, problems: [fileProblem("toolkit.import.error_too_many_versions", { max: importLimits.versions })] };
  }
  const known: Known = { packs: context.packs ?? [defaultPack], now: context.now ?? Date.now() };
  const result = documentSchema(known).safeParse(json);
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

export type ImportResult =
  | { ok: true; imported: number; skipped: number }
  /** The file is not (or does not say it is) the person's own: nothing is saved until they say yes. */
  | { ok: false; reason: "confirm"; owner: { name: string; email: string } | null; entries: number; problems: [] }
  | {
      ok: false;
      /** problems: the file; limit: the toolkit would hold too much; busy: no free slot; interrupted: cancelled or out of time. */
      reason: "problems" | "limit" | "busy" | "interrupted";
      problems: ImportProblem[];
    };

export type ImportOptions = {
  requestId?: string;
  /** The request's signal: a request the person cancelled (or that timed out) is rolled back, never committed. */
  signal?: AbortSignal;
  /** How long the import may take before it is rolled back (default importLimits.timeMs). */
  timeMs?: number;
  /**
   * The person reading the file in. When given, a file that is someone else's (another e-mail address),
   * or does not say whose it is, is not merged until `confirmed`: the answer is reason "confirm".
   */
  person?: { email: string; confirmed: boolean };
};

/** Whether a checked file is the person's own: the e-mail address it was downloaded under is theirs. */
export function isOwnFile(doc: Pick<ExportDocument, "owner">, email: string): boolean {
  return doc.owner !== undefined && doc.owner.email.trim().toLowerCase() === email.trim().toLowerCase();
}

class ImportInterruptedError extends Error {
  constructor() {
    super("import cancelled or out of time");
  }
}
class ImportLimitError extends Error {
  constructor(readonly problem: ImportProblem) {
    super("import over the toolkit's limit");
  }
}

const interruptedResult = (): ImportResult => ({ ok: false, reason: "interrupted", problems: [fileProblem("toolkit.import.error_interrupted")] });

/**
 * Imports running in this process. A small counting semaphore: an import that finds no free slot is
 * answered at once ("try again in a moment") rather than queued, so imports never pile up behind each
 * other holding requests, memory and connections.
 */
let importsRunning = 0;

/** A slot for one import, or null when `slots` imports are running already. Call the result to free it. */
export function takeImportSlot(slots: number): (() => void) | null {
  if (importsRunning >= slots) return null;
  importsRunning++;
  let freed = false;
  return () => {
    if (freed) return;
    freed = true;
    importsRunning--;
  };
}

/**
 * Read in an uploaded export file: take a slot (`slots`: how many may run at once, the long lane's), check
 * the file against the forms' rules and the packs the person can use, and write it. The whole import is
 * one short transaction; every answer but `ok` means nothing was saved.
 */
export async function importFile(store: Store, actor: Actor | null, text: string, options: ImportOptions & { slots: number }): Promise<ImportResult> {
  if (!actor) throw new ForbiddenError();
  // Taken before the first await: the bound holds however many requests arrive together.
  const free = takeImportSlot(options.slots);
  if (!free) {
    log.warn("toolkit.import.busy", { running: importsRunning });
    return { ok: false, reason: "busy", problems: [fileProblem("toolkit.import.busy")] };
  }
  try {
    const packs = await availablePacks(store.db, actor, true);
    const checked = checkImport(text, { packs });
    if (!checked.ok) return { ok: false, reason: "problems", problems: checked.problems };
    const { person } = options;
    if (person && !person.confirmed && !isOwnFile(checked.doc, person.email))
      return { ok: false, reason: "confirm", owner: checked.doc.owner ?? null, entries: checked.doc.entries.length, problems: [] };
    return await importToolkit(store, actor, checked.doc, options);
  } finally {
    free();
  }
}

type EntryRow = typeof toolkitEntries.$inferInsert & { id: string };
type VersionRow = typeof toolkitEntryVersions.$inferInsert;

/**
 * Rows per multi-row insert, and at most ~4 MB of text per statement: 2,000 entries are 18,000 parameters
 * (PostgreSQL allows 65,535). Fewer, larger statements: 20,000 entries are ten inserts, not 20,000.
 */
function chunks<T extends { body: string }>(rows: T[], maxRows: number, maxChars = 4_000_000): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let chars = 0;
  for (const row of rows) {
    if (current.length && (current.length >= maxRows || chars + row.body.length > maxChars)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += row.body.length;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Import a checked export into the actor's toolkit (the writing half of importFile; a request goes through
 * importFile, which bounds how many run at once). An entry that already exists (same tool and ref) is left
 * as it is and counted as skipped: importing the same file twice changes nothing.
 *
 * Fast and all or nothing: every body is encrypted in memory first; then one transaction writes the rows
 * with multi-row inserts, checks the toolkit's bounds under a lock on the person's key, and commits only
 * if the request is still wanted and within its time. Before, each entry was its own read, save and
 * savepoint, and 20,000 entries held a connection for minutes.
 */
export async function importToolkit(store: Store, actor: Actor | null, doc: ExportDocument, options: ImportOptions = {}): Promise<ImportResult> {
  if (!actor) throw new ForbiddenError();
  const started = Date.now();
  const deadline = started + (options.timeMs ?? importLimits.timeMs);
  const { signal } = options;
  const stillWanted = () => !signal?.aborted && Date.now() < deadline;
  if (signal?.aborted) return interruptedResult();
  const key = (await dataKey(store, actor.userId, true))!;
  const existing = await store.db.select({ tool: toolkitEntries.tool, ref: toolkitEntries.ref }).from(toolkitEntries).where(eq(toolkitEntries.ownerId, actor.userId));
  const have = new Set(existing.map((e) => `${e.tool}|${e.ref}`));

  // Everything is worked out and encrypted before the transaction: inside it, only writes.
  const entryRows: EntryRow[] = [];
  const versionRows: VersionRow[] = [];
  for (const entry of doc.entries) {
    const name = `${entry.tool}|${entry.ref}`;
    if (have.has(name)) continue;
    have.add(name);
    const createdAt = new Date(entry.createdAt);
    const updatedAt = new Date(entry.updatedAt);
    const history = entry.history.map((h) => ({ savedAt: new Date(h.savedAt), body: h.body }));
    // checkImport refuses these; a document that did not go through it must not reach the database half-read.
    if ([createdAt, updatedAt, ...history.map((h) => h.savedAt)].some((d) => Number.isNaN(d.getTime()))) throw new Error("Import document not checked: a time is not a time");
    const id = randomUUID();
    // As if saved once per version: the revision counts the saves, and the tools that keep history keep it.
    entryRows.push({ id, ownerId: actor.userId, tool: entry.tool, ref: entry.ref, revision: history.length + 1, body: sealEntryBody(key, id, entry.body), authorId: null, createdAt, updatedAt });
    if (keepsHistory.has(entry.tool))
      for (const [i, h] of history.entries()) versionRows.push({ entryId: id, revision: i + 1, body: sealVersionBody(key, id, i + 1, h.body), savedAt: h.savedAt });
  }

  try {
    const result = await store.db.transaction(async (txDb) => {
      const tx = txDb as unknown as Db;
      // One import per person at a time (the bounds below are counted under this lock), and none into a
      // toolkit deleted meanwhile: the key the bodies were encrypted with must still be the person's key.
      const [locked] = await tx.select({ wrapped: toolkitKeys.wrappedKey }).from(toolkitKeys).where(eq(toolkitKeys.userId, actor.userId)).for("update");
      if (!locked || !unwrapDataKey(store.masters, locked.wrapped, actor.userId).equals(key)) throw new ImportInterruptedError();
      const [entries] = await tx.select({ n: count() }).from(toolkitEntries).where(eq(toolkitEntries.ownerId, actor.userId));
      const [versions] = await tx
        .select({ n: count() })
        .from(toolkitEntryVersions)
        .innerJoin(toolkitEntries, eq(toolkitEntries.id, toolkitEntryVersions.entryId))
        .where(eq(toolkitEntries.ownerId, actor.userId));
      const entriesAfter = (entries?.n ?? 0) + entryRows.length;
      const versionsAfter = (versions?.n ?? 0) + versionRows.length;
      if (entriesAfter > importLimits.toolkitEntries) throw new ImportLimitError(fileProblem("toolkit.import.error_toolkit_full", { max: importLimits.toolkitEntries, total: entriesAfter }));
      if (versionsAfter > importLimits.toolkitVersions)
        throw new ImportLimitError(fileProblem("toolkit.import.error_toolkit_full_versions", { max: importLimits.toolkitVersions, total: versionsAfter }));

      const inserted = new Set<string>();
      for (const chunk of chunks(entryRows, 2000)) {
        // An entry saved meanwhile (another tab) stays as it is: the import's is skipped.
        const rows = await tx.insert(toolkitEntries).values(chunk).onConflictDoNothing().returning({ id: toolkitEntries.id });
        for (const row of rows) inserted.add(row.id);
        if (!stillWanted()) throw new ImportInterruptedError();
      }
      for (const chunk of chunks(
        versionRows.filter((v) => inserted.has(v.entryId)),
        4000,
      )) {
        await tx.insert(toolkitEntryVersions).values(chunk);
        if (!stillWanted()) throw new ImportInterruptedError();
      }
      await recordAudit(tx, {
        actorUserId: actor.userId,
        action: "create",
        subjectUserId: actor.userId,
        entityType: "toolkit",
        details: { import: true, entries: inserted.size },
        requestId: options.requestId,
      });
      // The last look before the commit: a request cancelled or out of time is rolled back, so nothing lands
      // after the person was told it failed.
      if (!stillWanted()) throw new ImportInterruptedError();
      return { ok: true as const, imported: inserted.size, skipped: doc.entries.length - inserted.size };
    });
    log.info("toolkit.import.done", { entries: result.imported, skipped: result.skipped, ms: Date.now() - started });
    return result;
  } catch (error) {
    if (error instanceof ImportInterruptedError) {
      log.warn("toolkit.import.interrupted", { aborted: Boolean(signal?.aborted), ms: Date.now() - started });
      return interruptedResult();
    }
    if (error instanceof ImportLimitError) return { ok: false, reason: "limit", problems: [error.problem] };
    throw error;
  }
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
