import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/**
 * Vitest for `npm run mutation` (stryker.config.mjs) only: the unit tests of the pure rules that Stryker
 * mutates, without the integration and e2e projects (they need databases and a build, and are slow).
 * Add a rule file's unit test here when its file joins `mutate` in stryker.config.mjs.
 */
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    name: "mutation",
    environment: "node",
    include: [
      "app/modules/centres/permissions.test.ts",
      "app/modules/toolkit/toolkit.test.ts",
      "app/lib/safe-redirect.test.ts",
      "app/modules/offers/schedule.test.ts",
    ],
  },
});
