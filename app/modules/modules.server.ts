import type { PlatformModule } from "~/lib/platform-module";
import { platformModule } from "./platform/module.server";
import { accountsModule } from "./accounts/module.server";
import { offersModule } from "./offers/module.server";
import { toolkitModule } from "./toolkit/module.server";
import { evaluationsModule } from "./evaluations/module.server";

/**
 * Every module that asks something of the platform's start (app/lib/platform-module.ts), in the order their
 * start-up work and demo data run: a module's demo may use what the modules before it loaded. A new module
 * adds its `module.server.ts` and one entry here; services.server.ts does not change.
 * (modules.test.ts checks that every module.server.ts is listed.)
 */
export const platformModules: readonly PlatformModule[] = [platformModule, accountsModule, offersModule, toolkitModule, evaluationsModule];
