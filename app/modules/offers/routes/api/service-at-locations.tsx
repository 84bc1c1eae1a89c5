import type { Route } from "./+types/service-at-locations";
import { serviceParams } from "../../hsds";
import { getServiceAtLocation, listServiceAtLocations } from "../../hsds.server";
import { hsdsEndpoint } from "../../api.server";

/** GET /api/hsds/service_at_locations and /api/hsds/service_at_locations/{id}. */
export function loader({ request, params }: Route.LoaderArgs) {
  return hsdsEndpoint(request, params.id, { params: serviceParams, list: listServiceAtLocations, one: getServiceAtLocation });
}
