import fs from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openPglite, openPostgres, type Db, type DbHandle } from "../../app/db/client.server";
import { withDatabase } from "./db-global-setup";

export const dbKind = (process.env.TEST_DB ?? "pglite") as "pglite" | "postgres";

/** Each PostgreSQL test database's address and pool size, for helpers that need a connection of their own (race.ts). */
const postgresDatabases = new WeakMap<Db, { url: string; poolSize: number }>();
export const postgresDatabaseOf = (db: Db) => postgresDatabases.get(db);
const poolSize = 4;

/**
 * A fresh, migrated database for one test file: a copy of the migrated PGlite snapshot,
 * or a clone of the migrated PostgreSQL template. Real databases, never mocks.
 */
export async function freshDb(): Promise<DbHandle> {
  if (dbKind === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `kp_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject("postgresTemplate")}`);
    await admin.end();
    const handle = await openPostgres(withDatabase(url, name), poolSize);
    postgresDatabases.set(handle.db, { url: withDatabase(url, name), poolSize });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const snapshot = fs.readFileSync(inject("pgliteSnapshot"));
  return openPglite(undefined, { loadDataDir: new Blob([snapshot]) });
}
