import type { Route } from "./+types/services";
import { serviceParams } from "../../hsds";
import { getService, listServices } from "../../hsds.server";
import { hsdsEndpoint } from "../../api.server";

/** GET /api/hsds/services and /api/hsds/services/{id}. */
export function loader({ request, params }: Route.LoaderArgs) {
  return hsdsEndpoint(request, params.id, { params: serviceParams, list: listServices, one: getService });
}
