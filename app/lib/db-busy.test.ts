import { spawnSync } from "node:child_process";
import path from "node:path";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { isPoolTimeout } from "./db-busy.server";

describe("a database connection that did not come in time", () => {
  it("is recognised from pg-pool's errors, bare (a transaction's connect) or wrapped by Drizzle (a query)", () => {
    const waited = new Error("timeout exceeded when trying to connect");
    const connecting = new Error("Connection terminated due to connection timeout", { cause: new Error("Connection terminated unexpectedly") });
    expect(isPoolTimeout(waited)).toBe(true);
    expect(isPoolTimeout(connecting)).toBe(true);
    expect(isPoolTimeout(new DrizzleQueryError("select 1", [], waited))).toBe(true);
  });

  it("is not confused with other database errors, which stay the 500 page", () => {
    expect(isPoolTimeout(new Error("canceling statement due to statement timeout"))).toBe(false);
    expect(isPoolTimeout(new DrizzleQueryError("select 1", [], new Error("Connection terminated unexpectedly")))).toBe(false);
    expect(isPoolTimeout("timeout exceeded when trying to connect")).toBe(false);
    expect(isPoolTimeout(undefined)).toBe(false);
  });
});

describe("WEB_CONCURRENCY (server.mjs)", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const workers = (env: Record<string, string>) => {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", 'const { webConcurrency } = await import("./server.mjs"); try { console.log(webConcurrency(process.env)); } catch (e) { console.log(e.message); }'], {
      cwd: root,
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", ...env },
    });
    return result.stdout.trim();
  };

  it("runs several processes only with PostgreSQL: the embedded database belongs to one process", () => {
    expect(workers({})).toBe("1");
    expect(workers({ WEB_CONCURRENCY: "2", DATABASE_URL: "postgres://x@127.0.0.1/db" })).toBe("2");
    expect(workers({ WEB_CONCURRENCY: "2" })).toBe("1");
    expect(workers({ WEB_CONCURRENCY: "two", DATABASE_URL: "postgres://x@127.0.0.1/db" })).toBe("Invalid configuration: WEB_CONCURRENCY must be a whole number from 1 to 16");
  });
});
