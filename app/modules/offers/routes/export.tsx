import type { Route } from "./+types/export";
import { z } from "zod";
import { getServices } from "~/lib/services.server";
import { getRequestState } from "~/lib/request.server";
import { parseForm, queryAsForm } from "~/lib/forms";
import { translate } from "~/i18n/i18n";
import { searchSchema } from "../offers.forms";
import { exportOffers, type ExportFormat } from "../export.server";
import { csvContentType } from "~/lib/csv";

const exportSchema = searchSchema.extend({ format: z.enum(["json", "ndjson", "csv"], { error: "error.invalid" }) });

const types: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
  csv: csvContentType,
};

/** GET /tilbud/eksport?format=json|ndjson|csv&…search filters: all matching offers as an HSDS download, streamed. */
export function loader({ request, context }: Route.LoaderArgs) {
  const parsed = parseForm(exportSchema, queryAsForm(new URL(request.url)));
  if (!parsed.ok) {
    const lang = getRequestState(context).lang;
    const lines = Object.entries(parsed.errors).map(([field, key]) => `${field}: ${translate(lang, key)}`);
    return new Response(lines.join("\n") + "\n", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const { format, q, fylke, kommune, type, malgruppe, ingen_henvisning, gratis } = parsed.data;
  const stream = exportOffers(getServices().db, { q, fylke, kommune, kind: type, targetGroup: malgruppe, noReferral: Boolean(ingen_henvisning), free: Boolean(gratis) }, format);
  return new Response(stream, {
    headers: {
      "Content-Type": types[format],
      "Content-Disposition": `attachment; filename="knutepunkt-tilbud.${format}"`,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    },
  });
}
