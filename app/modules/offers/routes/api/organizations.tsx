import type { Route } from "./+types/organizations";
import { organizationParams } from "../../hsds";
import { getOrganization, listOrganizations } from "../../hsds.server";
import { hsdsEndpoint } from "../../api.server";

/** GET /api/hsds/organizations and /api/hsds/organizations/{id}. */
export function loader({ request, params }: Route.LoaderArgs) {
  return hsdsEndpoint(request, params.id, { params: organizationParams, list: listOrganizations, one: getOrganization });
}
