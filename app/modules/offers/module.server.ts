import type { PlatformModule } from "~/lib/platform-module";
import { failInterruptedImports } from "./import.server";

export const offersModule: PlatformModule = {
  name: "offers",
  // Offer imports left "running" by a process that stopped cannot finish: say so on their page (it logs).
  atStart: async ({ db }) => void (await failInterruptedImports(db)),
};
