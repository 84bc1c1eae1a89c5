import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import pg from "pg";
import * as schema from "./schema";

/** The one database type: both the PGlite and the node-postgres driver satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  /**
   * Where imports and other long requests run (ADR 0017). On PostgreSQL a small pool of its own, so they can
   * never hold the connections /healthz and the pages need; on PGlite the one connection there is. `slots`:
   * how many of them may run at once in this process (one per connection, so none waits for one).
   */
  long: { db: Db; slots: number };
  close: () => Promise<void>;
};

/**
 * PostgreSQL limits (ADR 0017). A normal request's statement ends after 10 s and a transaction left idle
 * (a request that stopped half-way) after 30 s, so no request holds a connection or a lock for minutes.
 * Long requests get their own pool of 2 connections, with a minute per statement.
 */
export const postgresLimits = {
  statementTimeoutMs: 10_000,
  idleInTransactionMs: 30_000,
  /** How long a request waits for one of the pool's connections (ADR 0021). */
  connectTimeoutMs: 10_000,
  long: { connections: 2, statementTimeoutMs: 60_000, idleInTransactionMs: 60_000, connectTimeoutMs: 10_000 },
};

export const migrationsFolder = path.resolve(process.cwd(), "drizzle");

export class DataDirLockedError extends Error {}

/**
 * PGlite has no lock between processes: two processes on one data folder silently lose rows.
 * We take a lock file holding our pid and refuse to open a folder a live process holds.
 */
function acquireLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "knutepunkt.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(fs.readFileSync(lockFile, "utf8"));
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by another process (pid ${pid}). Stop it first, or set DATA_DIR to another folder.`,
        );
      }
      fs.unlinkSync(lockFile); // stale lock from a process that is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function openPglite(dataDir: string | undefined, options: { loadDataDir?: Blob } = {}): Promise<DbHandle> {
  const release = dataDir ? acquireLock(dataDir) : () => {};
  try {
    const client = new PGlite({
      dataDir: dataDir ? path.join(dataDir, "pglite") : undefined,
      loadDataDir: options.loadDataDir,
      // The offers search's trigram index (ADR 0023): PostgreSQL contrib, loaded when the database opens.
      extensions: { pg_trgm },
    });
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      // One connection: an import runs alone, and is short (a few seconds for the largest file allowed).
      long: { db, slots: 1 },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Pools by their Drizzle database, for the migration (which must not be cut off by a statement timeout). */
const pools = new WeakMap<Db, pg.Pool>();

export async function openPostgres(url: string, poolSize = 10): Promise<DbHandle> {
  // The timeouts go in the connection's start-up parameters: every session of the pool has them.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    statement_timeout: postgresLimits.statementTimeoutMs,
    idle_in_transaction_session_timeout: postgresLimits.idleInTransactionMs,
    // No unbounded wait for a connection (ADR 0021): after 10 s the request gets the friendly 503 page.
    connectionTimeoutMillis: postgresLimits.connectTimeoutMs,
  });
  const { long } = postgresLimits;
  const longPool = new pg.Pool({
    connectionString: url,
    max: long.connections,
    statement_timeout: long.statementTimeoutMs,
    idle_in_transaction_session_timeout: long.idleInTransactionMs,
    connectionTimeoutMillis: long.connectTimeoutMs,
  });
  for (const p of [pool, longPool])
    p.on("error", () => {
      /* idle client errors are reported by the next query; never crash the process */
    });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  pools.set(db, pool);
  return {
    db,
    kind: "postgres",
    long: { db: drizzlePg(longPool, { schema }) as unknown as Db, slots: long.connections },
    close: async () => {
      await Promise.all([pool.end(), longPool.end()]);
    },
  };
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
  } else {
    // A migration may rightly run longer than a request: on a connection of its own without the timeout,
    // thrown away afterwards so the setting never reaches a request.
    const pool = pools.get(handle.db);
    if (!pool) throw new Error("Not a database opened by openPostgres");
    // Instances that start together on one database take turns: the migrator itself takes no lock, and two
    // at once fail on PostgreSQL's catalogue (tests/instances/two-instances.spec.ts). The lock ends with
    // the connection.
    const client = await pool.connect();
    try {
      await client.query("set statement_timeout = 0");
      await client.query("select pg_advisory_lock(4242000)");
      await migratePg(drizzlePg(client, { schema }) as never, { migrationsFolder });
    } finally {
      client.release(true);
    }
  }
}

export async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
