import type { Route } from "./+types/not-found";
import { apiError } from "../../api.server";

/** GET /api/hsds/<anything unknown>: a JSON 404 naming the endpoints there are, never the HTML page. */
export function loader(_: Route.LoaderArgs) {
  return apiError(404, "No such endpoint. The HSDS API has /, /services, /organizations, /service_at_locations, /taxonomies, /taxonomy_terms, /profile and /openapi.json.");
}
