import type { Route } from "./+types/profile";
import { getServices } from "~/lib/services.server";
import { json } from "../../api.server";
import { kindTaxonomy } from "../../hsds";
import { offerKinds, targetGroups } from "../../offers";

/**
 * GET /api/hsds/profile: the Knutepunkt Norwegian profile of HSDS 3.0 — what it adds, as HSDS profiles
 * describe modifications (JSON Merge Patch over the HSDS schemas).
 */
export function loader(_: Route.LoaderArgs) {
  const base = `${getServices().config.publicUrl}/api/hsds`;
  return json({
    name: "Knutepunkt — norsk profil for HSDS",
    version: "0.1.0",
    based_on: "HSDS 3.0",
    uri: `${base}/profile`,
    modifications: {
      "service.json": {
        properties: {
          tilbudstype: { type: "string", enum: offerKinds, description: "Knutepunkt offer kind; also an attribute with a term of the taxonomy " + kindTaxonomy.id },
          malgruppe: { type: "array", items: { type: "string", enum: targetGroups }, description: "Who the offer is for." },
          ingen_henvisning: { type: "boolean", description: "No referral needed." },
          gratis: { type: "boolean", description: "Free of charge." },
        },
      },
      "location.json": {
        properties: {
          kommunenummer: { type: "string", pattern: "^[0-9]{4}$", description: "SSB kommunenummer (2024 classification)." },
          fylkesnummer: { type: "string", pattern: "^[0-9]{2}$", description: "SSB fylkesnummer (2024 classification)." },
        },
      },
      "service_area.json": {
        properties: {
          kommunenummer: { type: "string", pattern: "^[0-9]{4}$", description: "The kommune the service covers (SSB 2024), when it covers one." },
          fylkesnummer: { type: "string", pattern: "^[0-9]{2}$", description: "The fylke the service covers (SSB 2024), when it covers one." },
        },
      },
      "organization.json": {
        properties: { organisasjonsnummer: { type: "string", pattern: "^[0-9]{9}$", description: "Norwegian organisation number (Enhetsregisteret)." } },
      },
      "openapi.json": { query_parameters: { "/services": ["kommunenummer", "fylkesnummer"], "/service_at_locations": ["kommunenummer", "fylkesnummer"] } },
    },
  });
}
