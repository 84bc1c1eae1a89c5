import type { PlatformModule } from "~/lib/platform-module";
import { pruneSessions } from "./accounts.server";

export const accountsModule: PlatformModule = {
  name: "accounts",
  // Expired sessions, and password-reset links a day past their expiry.
  housekeeping: pruneSessions,
};
