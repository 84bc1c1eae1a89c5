import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { locations, offerImports, offerMetadata, organizations, services } from "./offers.schema";
import { centres } from "~/modules/centres/centres.schema";
import { can, type Actor } from "~/modules/centres/permissions";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { log, errorFields } from "~/lib/log.server";
import { ForeignIdError, saveHsdsService, type HsdsService } from "./hsds-write.server";
import { parseImport, type FileError, type ImportFormat, type ImportRow, type Problem, type UploadedFile } from "./import";
import type { MessageKey } from "~/i18n/i18n";

/**
 * Importing offers for a centre (coordinators with offer.edit there) or for the network (administrators):
 * check the files and keep the checked rows as a preview; then, when asked, write them in batches while
 * the page shows the progress. Offers that belong to another centre are never overwritten.
 */

export { maxUploadBytes } from "./import";

/**
 * server.mjs turns an upload to /tilbud/import over its size limit into a GET with this header, so the
 * import page can answer 413 in the person's language (the header is removed from every incoming request).
 */
export const uploadTooLargeHeader = "x-knutepunkt-upload-too-large";

export const importBatchSize = 50;
/**
 * A pause between batches. Embedded PGlite runs one query at a time, so while a batch's transaction runs
 * every other request waits; the pause lets their queries through, and the progress page answer.
 */
const pauseBetweenBatches = 50;
const keepFor = 24 * 60 * 60 * 1000;

export type ImportPayload = { rows: ImportRow[]; fileProblems: Problem[]; ignoredFiles: string[] };
export type ImportStatus = "preview" | "running" | "done" | "failed";

/** Refused: the file has problems and the person did not choose "only the valid rows". */
export class ImportRefusedError extends Error {
  constructor() {
    super("import has problems");
  }
}
class ImportInterruptedError extends Error {
  constructor() {
    super("import no longer running");
  }
}

function canImportFor(actor: Actor | null, centreId: string | null): actor is Actor {
  return Boolean(actor && (centreId ? can(actor, "offer.edit", centreId) : actor.isAdmin));
}

/** The centres the person may import for; `network: true` when they may import the network's own offers. */
export async function importTargets(db: Db, actor: Actor | null) {
  if (!actor) throw new ForbiddenError();
  const rows = await db.select({ id: centres.id, name: centres.name }).from(centres).orderBy(asc(centres.name));
  const allowed = rows.filter((c) => can(actor, "offer.edit", c.id));
  if (!actor.isAdmin && allowed.length === 0) throw new ForbiddenError();
  return { centres: allowed, network: actor.isAdmin };
}

const sameCentre = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null);

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Offers, organizations and places that already exist under another centre (or the network, for a
 * centre's import): a problem on every row that would touch them.
 */
async function otherCentreProblems(db: Db, items: HsdsService[], centreId: string | null) {
  const serviceIds = [...new Set(items.map((s) => s.id))];
  const orgIds = [...new Set(items.map((s) => s.organization.id))];
  const locationIds = [...new Set(items.flatMap((s) => (s.service_at_locations ?? []).map((sal) => sal.location.id)))];
  const taken = { services: new Set<string>(), organizations: new Set<string>(), locations: new Set<string>() };
  for (const ids of chunks(serviceIds, 1000)) {
    for (const r of await db.select({ id: services.id, centreId: services.centreId }).from(services).where(inArray(services.id, ids))) {
      if (!sameCentre(r.centreId, centreId)) taken.services.add(r.id);
    }
  }
  for (const ids of chunks(orgIds, 1000)) {
    for (const r of await db.select({ id: organizations.id, centreId: organizations.centreId }).from(organizations).where(inArray(organizations.id, ids))) {
      if (!sameCentre(r.centreId, centreId)) taken.organizations.add(r.id);
    }
  }
  for (const ids of chunks(locationIds, 1000)) {
    const rows = await db
      .select({ id: locations.id, centreId: organizations.centreId })
      .from(locations)
      .innerJoin(organizations, eq(organizations.id, locations.organizationId))
      .where(inArray(locations.id, ids));
    for (const r of rows) if (!sameCentre(r.centreId, centreId)) taken.locations.add(r.id);
  }
  return (item: HsdsService): Problem[] => {
    const problems: Problem[] = [];
    if (taken.services.has(item.id)) problems.push({ where: "id", message: "offers.import.problem.other_centre", value: item.id });
    if (taken.organizations.has(item.organization.id)) problems.push({ where: "organization", message: "offers.import.problem.other_centre", value: item.organization.name });
    for (const sal of item.service_at_locations ?? []) {
      if (taken.locations.has(sal.location.id)) problems.push({ where: "location", message: "offers.import.problem.other_centre", value: sal.location.name ?? sal.location.id });
    }
    return problems;
  };
}

/**
 * Check uploaded files and keep the checked rows as a preview. Nothing is written to the directory.
 * Returns the import's id, or one message when the files cannot be read at all.
 */
export async function previewImport(
  db: Db,
  actor: Actor | null,
  input: { centreId: string | null; files: UploadedFile[] },
): Promise<{ ok: true; id: string } | { ok: false; error: FileError }> {
  if (!canImportFor(actor, input.centreId)) throw new ForbiddenError();
  if (input.centreId) {
    const [centre] = await db.select({ id: centres.id }).from(centres).where(eq(centres.id, input.centreId));
    if (!centre) throw new NotFoundError();
  }
  const parsed = parseImport(input.files, { namespace: input.centreId ?? "network" });
  if (!parsed.ok) return parsed;
  const { rows, fileProblems, ignoredFiles, fileName, format } = parsed.result;
  const conflicts = await otherCentreProblems(db, rows.flatMap((r) => (r.data ? [r.data] : [])), input.centreId);
  const checked = rows.map((row): ImportRow => {
    const problems = row.data ? [...row.problems, ...conflicts(row.data)] : row.problems;
    return problems.length ? { ...row, problems, data: undefined } : row;
  });
  const validRows = checked.filter((r) => r.data).length;
  await db.delete(offerImports).where(lt(offerImports.createdAt, new Date(Date.now() - keepFor)));
  const payload: ImportPayload = { rows: checked, fileProblems, ignoredFiles };
  const [created] = await db
    .insert(offerImports)
    .values({ centreId: input.centreId, createdBy: actor.userId, fileName, format, status: "preview", totalRows: checked.length, validRows, payload })
    .returning({ id: offerImports.id });
  log.info("offers.import.preview", { importId: created!.id, format, rows: checked.length, valid: validRows, fileProblems: fileProblems.length });
  return { ok: true, id: created!.id };
}

const summaryColumns = {
  id: offerImports.id,
  centreId: offerImports.centreId,
  createdBy: offerImports.createdBy,
  fileName: offerImports.fileName,
  format: offerImports.format,
  status: offerImports.status,
  totalRows: offerImports.totalRows,
  validRows: offerImports.validRows,
  processedRows: offerImports.processedRows,
  importedRows: offerImports.importedRows,
  error: offerImports.error,
  createdAt: offerImports.createdAt,
  finishedAt: offerImports.finishedAt,
};

/** Only the person who uploaded the files, or an administrator, sees an import. */
async function loadOwn(db: Db, actor: Actor | null, importId: string) {
  const [row] = await db.select(summaryColumns).from(offerImports).where(eq(offerImports.id, importId));
  if (!row) throw new NotFoundError();
  if (!actor || (row.createdBy !== actor.userId && !actor.isAdmin)) throw new ForbiddenError();
  return { ...row, status: row.status as ImportStatus, format: row.format as ImportFormat, error: row.error as MessageKey | null };
}

async function loadPayload(db: Db, importId: string) {
  const [row] = await db.select({ payload: offerImports.payload }).from(offerImports).where(eq(offerImports.id, importId));
  return (row?.payload ?? { rows: [], fileProblems: [], ignoredFiles: [] }) as ImportPayload;
}

/**
 * An import as its page shows it: the counts, and in preview one page of rows (in file order, or only
 * those with problems).
 */
export async function getImport(db: Db, actor: Actor | null, importId: string, options: { page?: number; onlyProblems?: boolean; pageSize?: number } = {}) {
  const summary = await loadOwn(db, actor, importId);
  const [centre] = summary.centreId ? await db.select({ name: centres.name }).from(centres).where(eq(centres.id, summary.centreId)) : [];
  const pageSize = options.pageSize ?? 100;
  let preview: (Omit<ImportPayload, "rows"> & { rows: (Omit<ImportRow, "data"> & { number: number })[]; page: number; pages: number; shown: number }) | undefined;
  if (summary.status === "preview") {
    const payload = await loadPayload(db, importId);
    const numbered = payload.rows.map(({ data: _data, ...row }, i) => ({ ...row, number: i + 1 }));
    const shownRows = options.onlyProblems ? numbered.filter((r) => r.problems.length > 0) : numbered;
    const pages = Math.max(1, Math.ceil(shownRows.length / pageSize));
    const page = Math.min(Math.max(1, options.page ?? 1), pages);
    preview = {
      rows: shownRows.slice((page - 1) * pageSize, page * pageSize),
      fileProblems: payload.fileProblems,
      ignoredFiles: payload.ignoredFiles,
      page,
      pages,
      shown: shownRows.length,
    };
  }
  const hasProblems = summary.validRows < summary.totalRows || (preview?.fileProblems.length ?? 0) > 0;
  return { ...summary, centreName: centre?.name ?? null, hasProblems, preview };
}

/**
 * Start writing a previewed import: refuses (ImportRefusedError) when it has problems and `onlyValid` is
 * false. Returns once the import is marked running; `finished` settles when the last batch is written
 * (it never rejects: a failure is logged and recorded on the import). An import that is already running
 * or finished is left alone.
 */
export async function startImport(db: Db, actor: Actor | null, importId: string, options: { onlyValid: boolean }): Promise<{ finished: Promise<void> }> {
  const summary = await loadOwn(db, actor, importId);
  if (!canImportFor(actor, summary.centreId)) throw new ForbiddenError();
  if (summary.status !== "preview") return { finished: Promise.resolve() };
  const payload = await loadPayload(db, importId);
  if ((summary.validRows < summary.totalRows || payload.fileProblems.length > 0) && !options.onlyValid) throw new ImportRefusedError();
  const items = payload.rows.flatMap((r) => (r.data && r.problems.length === 0 ? [r.data] : []));
  const [claimed] = await db
    .update(offerImports)
    .set({ status: "running", processedRows: 0, importedRows: 0, validRows: items.length })
    .where(and(eq(offerImports.id, importId), eq(offerImports.status, "preview")))
    .returning({ id: offerImports.id });
  if (!claimed) return { finished: Promise.resolve() };
  log.info("offers.import.started", { importId, rows: items.length });
  return { finished: writeImport(db, actor, { ...summary, id: importId }, items) };
}

/** Write a previewed import and wait until it is done (tests, scripts). */
export async function runImport(db: Db, actor: Actor | null, importId: string, options: { onlyValid: boolean }) {
  const { finished } = await startImport(db, actor, importId, options);
  await finished;
}

async function writeImport(db: Db, actor: Actor, target: { id: string; centreId: string | null; fileName: string }, items: HsdsService[]): Promise<void> {
  const started = Date.now();
  try {
    for (const batch of chunks(items, importBatchSize)) {
      await db.transaction(async (txDb) => {
        const tx = txDb as unknown as Db;
        // Checked again at write time: something may have moved to another centre since the preview.
        const blocked = await otherCentreProblems(tx, batch, target.centreId);
        const written: string[] = [];
        for (const item of batch) {
          if (blocked(item).length) continue;
          await saveHsdsService(tx, item, target.centreId, { replace: true });
          written.push(item.id);
        }
        if (written.length) {
          await tx.insert(offerMetadata).values(
            written.map((id) => ({
              resourceId: id,
              resourceType: "service",
              lastActionType: "import",
              fieldName: "import",
              replacementValue: target.fileName,
              updatedBy: actor.userId,
            })),
          );
        }
        const progressed = await tx
          .update(offerImports)
          .set({ processedRows: sql`${offerImports.processedRows} + ${batch.length}`, importedRows: sql`${offerImports.importedRows} + ${written.length}` })
          .where(and(eq(offerImports.id, target.id), eq(offerImports.status, "running")))
          .returning({ id: offerImports.id });
        // Marked failed meanwhile (another instance started and cleaned up): stop without this batch.
        if (progressed.length === 0) throw new ImportInterruptedError();
      });
      await new Promise((resolve) => setTimeout(resolve, pauseBetweenBatches));
    }
    await db.update(offerImports).set({ status: "done", finishedAt: new Date() }).where(and(eq(offerImports.id, target.id), eq(offerImports.status, "running")));
    log.info("offers.import.done", { importId: target.id, rows: items.length, ms: Date.now() - started });
  } catch (error) {
    const interrupted = error instanceof ImportInterruptedError;
    const conflict = error instanceof ForeignIdError;
    log.error("offers.import.failed", { importId: target.id, ...errorFields(error) });
    try {
      await db
        .update(offerImports)
        .set({ status: "failed", error: interrupted ? "offers.import.error.interrupted" : conflict ? "offers.import.error.id_conflict" : "offers.import.error.failed", finishedAt: new Date() })
        .where(eq(offerImports.id, target.id));
    } catch (second) {
      log.error("offers.import.fail_record_failed", { importId: target.id, ...errorFields(second) });
    }
  }
}

/** Throw away a preview ("Avbryt"). Nothing was written, so there is nothing else to undo. */
export async function cancelImport(db: Db, actor: Actor | null, importId: string) {
  await loadOwn(db, actor, importId);
  await db.delete(offerImports).where(and(eq(offerImports.id, importId), eq(offerImports.status, "preview")));
}

/**
 * At start: imports left "running" by a process that stopped (a crash, a restart) can no longer finish.
 * Mark them failed so their page says so; what they wrote is kept, and importing again is idempotent.
 */
export async function failInterruptedImports(db: Db) {
  const rows = await db
    .update(offerImports)
    .set({ status: "failed", error: "offers.import.error.interrupted", finishedAt: new Date() })
    .where(eq(offerImports.status, "running"))
    .returning({ id: offerImports.id });
  if (rows.length) log.warn("offers.import.interrupted", { imports: rows.length });
  return rows.length;
}
