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
    // The same fields as columns of HSDS tabular CSV, as the import at /tilbud/import reads them.
    tabular: {
      files: [
        "organizations.csv",
        "services.csv",
        "locations.csv",
        "service_at_locations.csv (also service_at_location.csv)",
        "addresses.csv",
        "phones.csv",
        "schedules.csv",
        "contacts.csv",
        "languages.csv",
        "accessibility.csv",
        "service_areas.csv",
        "cost_options.csv",
        "organization_identifiers.csv",
      ],
      columns: {
        "services.csv": {
          tilbudstype: "An offer kind code (see service.json above). Written-out names are read too: \"Kurs og opplæring\" is kurs-og-opplaering.",
          malgruppe: "Target group codes separated by \";\" or \",\", for example \"bruker;parorende\".",
          ingen_henvisning: "true or false (also ja/nei, yes/no, 1/0).",
          gratis: "true or false (also ja/nei, yes/no, 1/0).",
        },
        "locations.csv": { kommunenummer: "Four digits, a kommune of the SSB 2024 classification (\"301\" is read as 0301). fylkesnummer is derived from it." },
        "service_areas.csv": { kommunenummer: "As in locations.csv.", fylkesnummer: "Two digits (SSB 2024), when no kommunenummer is given." },
        "organizations.csv": { organisasjonsnummer: "Nine digits with a valid modulus-11 check digit; spaces are ignored. Also taken from organization_identifiers.csv (identifier_type organisasjonsnummer or scheme NO-BRC)." },
      },
      notes: [
        "The first row holds the column names. Files may be separated by commas, semicolons or tabs (found from the first row), in UTF-8 (with or without BOM) or UTF-16 with BOM.",
        "Rows point at each other by the HSDS *_id columns. A row without an id gets a stable UUID v5 from the centre, the file name and the line, so importing the same file again updates the same offers.",
        "Decimal commas (59,91) and Norwegian dates (31.01.2026) are read as numbers and ISO dates.",
      ],
    },
  });
}
