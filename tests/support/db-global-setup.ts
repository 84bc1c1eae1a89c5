import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDb, openPglite, openPostgres } from "../../app/db/client.server";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string;
  }
}

/**
 * Migrate once per run: a PGlite data-dir snapshot that each test file loads a copy of,
 * and (with TEST_DATABASE_URL) a PostgreSQL template database each test file clones.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env?.TEST_DB ?? "pglite";
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error("TEST_DATABASE_URL is not set");
    const template = `kp_tmpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    await admin.end();
    const handle = await openPostgres(withDatabase(url, template), 1);
    await migrateDb(handle);
    await handle.close();
    project.provide("postgresTemplate", template);
    project.provide("pgliteSnapshot", "");
    return async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${template} with (force)`);
      await client.end();
    };
  }
  const handle = await openPglite(undefined);
  await migrateDb(handle);
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir("none");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kp-pglite-")), "snapshot.tar");
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide("pgliteSnapshot", file);
  project.provide("postgresTemplate", "");
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
