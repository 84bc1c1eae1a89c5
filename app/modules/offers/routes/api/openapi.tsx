import type { Route } from "./+types/openapi";
import { getServices } from "~/lib/services.server";
import openapi from "../../data/hsds-openapi.json";
import { json } from "../../api.server";

/** GET /api/hsds/openapi.json: the HSDS 3.0 OpenAPI description (CC BY-SA 4.0, Open Referral), with our server. */
export function loader(_: Route.LoaderArgs) {
  return json({
    ...openapi,
    servers: [{ url: `${getServices().config.publicUrl}/api/hsds`, description: "Knutepunkt" }],
  });
}
