import type { Route } from "./+types/root";
import { getServices } from "~/lib/services.server";
import { hsdsVersion } from "../../hsds";
import { json } from "../../api.server";

/** GET /api/hsds: the HSDS version, our profile's URI and the OpenAPI description. */
export function loader(_: Route.LoaderArgs) {
  const base = `${getServices().config.publicUrl}/api/hsds`;
  return json({ version: hsdsVersion, profile: `${base}/profile`, openapi_url: `${base}/openapi.json` });
}
