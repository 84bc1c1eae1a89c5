import type { PlatformModule } from "~/lib/platform-module";
import { pruneRateLimits } from "./rate-limit.server";

export const platformModule: PlatformModule = {
  name: "platform",
  // Rate-limit windows older than a day. (The platform's base demo — accounts, centres, offers — is loaded by
  // services.server.ts itself, since every module's demo builds on it.)
  housekeeping: pruneRateLimits,
};
