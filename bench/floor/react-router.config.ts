import type { Config } from "@react-router/dev/config";
import appConfig from "../../react-router.config";

// The floor app (ADR 0020): a bare React Router app built with the repository's own @react-router/dev and
// the app's own framework settings (SSR, future flags, route discovery), so the only difference from
// Knutepunkt is the app's code. BENCH_FLOOR_ROUTES=1 builds the one-route variant (see app/routes.ts).

export default {
  ssr: appConfig.ssr,
  future: appConfig.future,
  ...("routeDiscovery" in appConfig ? { routeDiscovery: (appConfig as Config).routeDiscovery } : {}),
  appDirectory: "app",
  buildDirectory: "build",
} satisfies Config;
