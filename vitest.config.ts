import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };
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
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["app/**/*.test.ts"], exclude: ["app/**/*.int.test.ts"] } },
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
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
