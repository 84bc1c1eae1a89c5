import type { Route } from "./+types/openapi";
import { getServices } from "~/lib/services.server";
import openapi from "../../data/hsds-openapi.json";
import { json } from "../../api.server";
import { hsdsVersion } from "../../hsds";

/**
 * GET /api/hsds/openapi.json: the HSDS 3.0 OpenAPI description (CC BY-SA 4.0, Open Referral), kept unchanged
 * in data/, served with this installation's own title, description, contact and server in place of the
 * template's placeholders ("REQUIRED -- TITLE OF YOUR API HERE"). The paths and schemas are HSDS's own.
 */
function openapiDocument(publicUrl: string, siteName: string) {
  const base = `${publicUrl}/api/hsds`;
  return {
    ...openapi,
    info: {
      title: `${siteName} – Tilbud: Open Referral HSDS ${hsdsVersion} API`,
      version: `${hsdsVersion}`,
      summary: "Read-only HSDS 3.0 API over the national directory of recovery offers (tilbud) in Norway.",
      description: [
        `The offers in ${siteName}'s directory of recovery offers, as Open Referral Human Services Data Specification (HSDS) ${hsdsVersion}:`,
        "services, organizations, service_at_locations, taxonomies and taxonomy_terms, as JSON pages or NDJSON (format=ndjson).",
        `Open to all: no key, GET only, CORS open. Norwegian additions (offer kind, target group, no referral, free, kommunenummer, fylkesnummer, organisasjonsnummer) are described by the profile at ${base}/profile.`,
        "This description is the HSDS 3.0 OpenAPI file by Open Referral (CC BY-SA 4.0) with this information block filled in.",
      ].join(" "),
      contact: { name: siteName, url: publicUrl },
      license: { name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
    },
    servers: [{ url: base, description: siteName }],
  };
}

export function loader(_: Route.LoaderArgs) {
  const { publicUrl, siteName } = getServices().config;
  return json(openapiDocument(publicUrl, siteName));
}
