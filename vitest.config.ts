import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import pg from "pg";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };

/**
 * Where the PostgreSQL projects run (integration-postgres, instances): TEST_DATABASE_URL when set (CI), else a
 * PostgreSQL answering on 127.0.0.1:5432 as PGUSER (default postgres), as on a developer's machine; with
 * TEST_DATABASE_URL=none, nowhere. The address is only for connecting: the tests create their own databases
 * there (a migrated template, one clone per test file, one for the instances) and drop them. Decided here,
 * before the projects, and passed on in the environment, so the test workers and the summary see the same.
 */
async function findPostgres(): Promise<string> {
  if (process.env.KP_TEST_POSTGRES !== undefined) return process.env.KP_TEST_POSTGRES; // already decided (config loaded again)
  const given = process.env.TEST_DATABASE_URL;
  if (given === "none") {
    delete process.env.TEST_DATABASE_URL;
    return "PostgreSQL: left out (TEST_DATABASE_URL=none) — integration tests run on PGlite only, instances tests left out";
  }
  if (given) return `PostgreSQL: ${where(given)} (TEST_DATABASE_URL)`;
  const url = `postgres://${encodeURIComponent(process.env.PGUSER ?? "postgres")}@127.0.0.1:5432/postgres`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    await client.query("select 1");
    process.env.TEST_DATABASE_URL = url;
    return `PostgreSQL: ${where(url)} (found on 127.0.0.1:5432; TEST_DATABASE_URL unset)`;
  } catch (error) {
    return `PostgreSQL: none usable on 127.0.0.1:5432 (${(error as Error).message || (error as { code?: string }).code}) and TEST_DATABASE_URL unset — integration tests run on PGlite only, instances tests left out`;
  } finally {
    await client.end().catch(() => {});
  }
}
const where = (url: string) => {
  const u = new URL(url);
  return `${u.username || "(default user)"}@${u.host}${u.pathname}`;
};
process.env.KP_TEST_POSTGRES = await findPostgres();
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

const integration = (kind: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `integration-${kind}`,
    include: ["app/**/*.int.test.ts"],
    env: { TEST_DB: kind },
    globalSetup: ["tests/support/db-global-setup.ts"],
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    // The default reporter's closing lines (Test Files / Tests) stay as they are; the layer summary comes after them.
    reporters: ["default", "./tests/support/layer-summary.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["app/**/*.test.ts", "bench/**/*.test.mjs"], exclude: ["app/**/*.int.test.ts"] } },
      integration("pglite"),
      ...(withPostgres ? [integration("postgres")] : []),
      // Two `node server.mjs` instances on one PostgreSQL database (tests/instances/), built first.
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: { name: "instances", include: ["tests/instances/**/*.spec.ts"], globalSetup: ["tests/support/build-global-setup.ts"], testTimeout: 60_000 },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.spec.ts"],
          // One build and one seeded DATA_DIR for the run; each file gets a server of its own on a copy of it.
          globalSetup: ["tests/e2e/global-setup.ts"],
          setupFiles: ["tests/e2e/file-setup.ts"],
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
