import type { Route } from "./+types/taxonomy-terms";
import { kindTaxonomy, taxonomyTermParams, termObject } from "../../hsds";
import { offerKinds } from "../../offers";
import { hsdsEndpoint } from "../../api.server";

/** GET /api/hsds/taxonomy_terms(/{id}): the offer kinds as taxonomy terms (all top level). */
export function loader({ request, params }: Route.LoaderArgs) {
  const all = offerKinds.map(termObject);
  return hsdsEndpoint(request, params.id, {
    params: taxonomyTermParams,
    list: async (_db, p) => {
      const matching = all.filter(
        (t) =>
          (!p.search || t.name.toLowerCase().includes(p.search.toLowerCase())) &&
          (!p.taxonomy_id || p.taxonomy_id === kindTaxonomy.id) &&
          !p.parent_id,
      );
      return { total: matching.length, items: matching.slice((p.page - 1) * p.per_page, p.page * p.per_page) };
    },
    one: async (_db, id) => all.find((t) => t.id === id),
  });
}
