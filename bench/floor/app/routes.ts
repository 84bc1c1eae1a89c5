import { type RouteConfig, type RouteConfigEntry, index, route } from "@react-router/dev/routes";
import appRoutes from "../../../app/routes";

/**
 * The floor's routes: Knutepunkt's own route tree (app/routes.ts), read at build time, with every page
 * replaced by one module with a constant loader and every layout by a bare <Outlet />. Same paths, same
 * nesting, same number of routes, so React Router's per-request route work is the app's (ADR 0020).
 * `bench-sql/:set` runs SQL the bench captured from one of the app's pages: the floor plus the same SQL.
 */
function floorEntry(entry: RouteConfigEntry): RouteConfigEntry {
  const id = entry.id ?? entry.file.replace(/\.[cm]?[jt]sx?$/, "");
  if (entry.children?.length) return { ...entry, id, file: "routes/layout.tsx", children: entry.children.map(floorEntry) };
  return { ...entry, id, file: "routes/page.tsx" };
}

const oneRoute = process.env.BENCH_FLOOR_ROUTES === "1";

export default (oneRoute
  ? [index("routes/page.tsx")]
  : [...appRoutes.map(floorEntry), route("bench-sql/:set", "routes/sql.tsx")]) satisfies RouteConfig;
