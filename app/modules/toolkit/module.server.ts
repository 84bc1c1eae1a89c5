import type { PlatformModule } from "~/lib/platform-module";
import { log } from "~/lib/log.server";
import { loadDemoToolkit } from "./demo.server";
import { rewrapDataKeys } from "./toolkit-export.server";

export const toolkitModule: PlatformModule = {
  name: "toolkit",
  loadDemo: ({ db, masterKeys }) => loadDemoToolkit({ db, masters: masterKeys }),
  // Master-key rotation: data keys still wrapped under MASTER_KEY_PREVIOUS are re-wrapped under MASTER_KEY.
  atStart: async ({ db, masterKeys }) => {
    const rewrapped = await rewrapDataKeys({ db, masters: masterKeys });
    if (rewrapped) log.info("toolkit.keys_rewrapped", { count: rewrapped });
  },
};
