import pg from "pg";
import type { Db } from "../../app/db/client.server";
import { dbKind, postgresDatabaseOf } from "./test-db";

/** What a race holds the contenders at: a statement run in a transaction of its own, then `release` ("commit" or "rollback"). */
export type Hold = {
  sql: string;
  params?: unknown[];
  release: "commit" | "rollback";
};

/**
 * Start `contenders` together and, on PostgreSQL, make them truly overlap.
 *
 * On PostgreSQL each contender runs on its own connection of the test database's pool. A connection of the
 * race's own first runs `hold` in an open transaction: a statement that takes what the contenders need (the
 * row's lock, or an uncommitted row with the same unique key). The contenders are then started together, and
 * the hold is let go only when every one of them is waiting for a lock in this database (pg_stat_activity).
 * So all of them are inside their transactions, past their first read, before any of them commits; if the code
 * under test did not serialise them itself (`for update`, a unique key), every one of them would get through.
 * A contender that never waits (the code under test does not touch what is held) fails the race after 5 s.
 *
 * On PGlite there is one connection: the contenders run one after another and only the outcome can be checked.
 */
export async function race<T>(db: Db, hold: Hold, contenders: (() => Promise<T>)[]): Promise<T[]> {
  if (dbKind !== "postgres") return Promise.all(contenders.map((start) => start()));
  const database = postgresDatabaseOf(db);
  if (!database) throw new Error("race(): not a database from freshDb()");
  if (contenders.length > database.poolSize) throw new Error(`race(): ${contenders.length} contenders, but the pool has ${database.poolSize} connections`);
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  // Inside a transaction pg_stat_activity is read once and kept: each look clears that snapshot first.
  const others = async () => {
    await holder.query("select pg_stat_clear_snapshot()");
    const { rows } = await holder.query<{ lock: boolean; s: string }>(
      `select wait_event_type = 'Lock' as lock, concat_ws(' ', state, wait_event_type, wait_event, left(query, 60)) as s
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
    );
    return rows;
  };
  try {
    await holder.query("begin");
    const held = await holder.query(hold.sql, hold.params);
    if (held.rowCount === 0) throw new Error(`race(): the hold took nothing (${hold.sql})`);
    const running = Promise.allSettled(contenders.map((start) => start()));
    let seen = await others();
    const deadline = Date.now() + 5_000;
    while (seen.filter((r) => r.lock).length < contenders.length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
      seen = await others();
    }
    const waiting = seen.filter((r) => r.lock).length;
    await holder.query(hold.release);
    const results = await running;
    if (waiting < contenders.length) {
      throw new Error(`race(): only ${waiting} of ${contenders.length} contenders were waiting at the same time: ${JSON.stringify(seen.map((r) => r.s))}`);
    }
    return results.map((r) => {
      if (r.status === "rejected") throw r.reason;
      return r.value;
    });
  } finally {
    await holder.end();
  }
}
