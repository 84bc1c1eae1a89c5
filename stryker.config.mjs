// Mutation testing of the pure rules (ADR 0018): `npm run mutation`. Not part of `npm test`.
// A new pure rule file joins `mutate`, and its unit test joins vitest.mutation.config.ts.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    "app/modules/centres/permissions.ts",
    "app/modules/toolkit/toolkit.ts",
    "app/lib/safe-redirect.ts",
    "app/modules/offers/schedule.ts",
  ],
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  coverageAnalysis: "perTest",
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  concurrency: 2,
  thresholds: { high: 90, low: 85, break: null },
  // Not needed in the sandbox that Stryker copies the repository into.
  ignorePatterns: ["build", "data", "test-results", ".react-router", "reports"],
};
