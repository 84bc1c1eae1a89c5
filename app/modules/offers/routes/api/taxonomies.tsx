import type { Route } from "./+types/taxonomies";
import { kindTaxonomy, taxonomyParams } from "../../hsds";
import { hsdsEndpoint } from "../../api.server";

/** GET /api/hsds/taxonomies(/{id}): the Knutepunkt taxonomy of offer kinds. */
export function loader({ request, params }: Route.LoaderArgs) {
  const all = [{ ...kindTaxonomy }];
  return hsdsEndpoint(request, params.id, {
    params: taxonomyParams,
    list: async (_db, p) => {
      const matching = all.filter((t) => !p.search || t.name.toLowerCase().includes(p.search.toLowerCase()));
      return { total: matching.length, items: matching.slice((p.page - 1) * p.per_page, p.page * p.per_page) };
    },
    one: async (_db, id) => all.find((t) => t.id === id),
  });
}
