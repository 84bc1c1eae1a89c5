// Generate N made-up offers for benchmarks: `tsx scripts/generate-offers.ts 10000`.
// Uses the server's configuration (DATABASE_URL or DATA_DIR); migrates and loads demo data first if empty.
// Never run this against a real directory: every generated offer's source says "generert for benchmark".
// The generator is exported for tests (app/modules/offers/search-structure.int.test.ts); run as a script only when run directly.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { parseConfig } from "../app/lib/config";
import { migrateDb, openPglite, openPostgres, type Db } from "../app/db/client.server";
import { rowsOf } from "../app/db/rows";
import { loadDemoData } from "../app/modules/platform/demo.server";
import { kommuner } from "../app/modules/centres/kommuner";
import { offerKinds, targetGroups } from "../app/modules/offers/offers";
import { locations, organizations, serviceAtLocations, services } from "../app/modules/offers/offers.schema";

const words = ["sang", "kor", "kurs", "mestring", "treffsted", "likeperson", "arbeid", "aktivitet", "musikk", "samtale", "tur", "kafé", "verksted", "pårørende", "recovery", "håp", "fellesskap", "kunst", "trening", "matlaging"];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

/**
 * Adds `count` made-up offers (one place each) and their organizations; the same offers for the same count.
 * `indexesAfter`: the services' GIN indexes (the search's text, trigram and place arrays) are dropped first and
 * built again after the rows are in, from their own definitions (`pg_indexes.indexdef`, options included), so
 * the database ends with the same rows and the same indexes, each built once in bulk instead of row by row:
 * about half the time on PGlite (27.7 → 13.3 s for 10,000), less on PostgreSQL (11.9 → 9.7 s). The triggers run
 * as always. The same-results test uses it; the bench keeps the indexes in place, as on a running server.
 */
export async function generateOffers(db: Db, count: number, { indexesAfter = false }: { indexesAfter?: boolean } = {}) {
  const indexes = indexesAfter ? await ginIndexesOfServices(db) : [];
  for (const index of indexes) await db.execute(sql.raw(`drop index ${quoteIdent(index.indexname)}`));
  try {
    await insertOffers(db, count);
  } finally {
    for (const index of indexes) await db.execute(sql.raw(index.indexdef));
  }
  // Fresh statistics and no dead rows or pending index entries, as autovacuum would keep them on a server
  // (PGlite has no autovacuum); the trigger that fills services.fylker rewrites each new service once.
  await db.execute(sql`vacuum analyze`);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function ginIndexesOfServices(db: Db): Promise<{ indexname: string; indexdef: string }[]> {
  const result = await db.execute<{ indexname: string; indexdef: string }>(
    sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'services' and indexdef ~* ' using gin ' order by indexname`,
  );
  return rowsOf<{ indexname: string; indexdef: string }>(result);
}

async function insertOffers(db: Db, count: number) {
  seed = 42;
  const orgCount = Math.max(1, Math.round(count / 10));
  const orgIds = Array.from({ length: orgCount }, () => randomUUID());
  for (let i = 0; i < orgIds.length; i += 1000) {
    await db.insert(organizations).values(orgIds.slice(i, i + 1000).map((id, j) => ({ id, name: `Generert organisasjon ${i + j + 1}`, description: "Generert for benchmark." })));
  }
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) => {
      const kommune = pick(kommuner);
      const title = `${pick(words)}${pick(words)} ${pick(words)} ${i + j + 1}`;
      return {
        service: {
          id: randomUUID(),
          organizationId: pick(orgIds),
          name: title.charAt(0).toUpperCase() + title.slice(1),
          description: `Et generert tilbud om ${pick(words)}, ${pick(words)} og ${pick(words)} i ${kommune.navn}.`,
          kind: pick(offerKinds),
          targetGroups: [pick(targetGroups)],
          noReferral: random() < 0.5,
          free: random() < 0.5,
          source: "generert for benchmark",
        },
        location: { id: randomUUID(), name: kommune.navn, kommunenummer: kommune.kommunenummer, fylkesnummer: kommune.fylkesnummer },
      };
    });
    await db.transaction(async (tx) => {
      await tx.insert(services).values(batch.map((b) => b.service));
      await tx.insert(locations).values(batch.map((b) => ({ ...b.location, organizationId: b.service.organizationId })));
      await tx.insert(serviceAtLocations).values(batch.map((b) => ({ id: randomUUID(), serviceId: b.service.id, locationId: b.location.id })));
    });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const config = parseConfig(process.env);
  const handle = config.databaseUrl ? await openPostgres(config.databaseUrl, 2) : await openPglite(config.dataDir);
  try {
    await migrateDb(handle);
    await loadDemoData(handle.db);
    const started = Date.now();
    await generateOffers(handle.db, count);
    console.log(JSON.stringify({ generated: count, seconds: (Date.now() - started) / 1000 }));
  } finally {
    await handle.close();
  }
}
