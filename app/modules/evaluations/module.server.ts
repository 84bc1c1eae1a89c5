import type { PlatformModule } from "~/lib/platform-module";
import { loadDemoEvaluations } from "./demo.server";

export const evaluationsModule: PlatformModule = {
  name: "evaluations",
  // DPS Fjordbyen (finished, reports published) and a project in the interview phase (issue 13).
  loadDemo: async ({ db }) => void (await loadDemoEvaluations(db)),
};
