// The one Drizzle schema: every module's tables, re-exported for drizzle-kit and the Db type.
export * from "~/modules/accounts/accounts.schema";
export * from "~/modules/centres/centres.schema";
export * from "~/modules/audit/audit.schema";
export * from "~/modules/platform/platform.schema";
export * from "~/modules/offers/offers.schema";
export * from "~/modules/toolkit/toolkit.schema";
export * from "~/modules/evaluations/evaluations.schema";
