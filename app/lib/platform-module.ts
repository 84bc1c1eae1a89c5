import type { Config } from "./config";
import type { Db } from "~/db/client.server";

/** What a module's start-up work gets: the database, the configuration and the toolkit's master keys. */
export type StartContext = { db: Db; config: Config; masterKeys: Buffer[] };

/**
 * What one module asks of the platform's start (app/lib/services.server.ts), declared in the module's own
 * `module.server.ts` and listed once in app/modules/modules.server.ts. Start-up runs these in list order; it
 * never names a module itself.
 */
export type PlatformModule = {
  /** The module's folder name under app/modules (for logs and the registry's test). */
  name: string;
  /**
   * The module's demo data, when DEMO is on and the platform's own demo (accounts, centres, offers) has just
   * been loaded into an empty database. Runs once per database, after the modules listed before it.
   */
  loadDemo?: (ctx: StartContext) => Promise<void>;
  /** Work at every start, after the migrations: repairs after a stop, key rotation. Log what was done here. */
  atStart?: (ctx: StartContext) => Promise<void>;
  /**
   * Pruning of expired rows, every 10 minutes while the server runs. (The job queue of Bruker Spør Bruker
   * part 2 takes this over; until then this is the platform's only timer.)
   */
  housekeeping?: (db: Db) => Promise<void>;
};
