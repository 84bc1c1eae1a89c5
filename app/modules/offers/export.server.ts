import { and, asc, gt, type SQL } from "drizzle-orm";
import { csvRows } from "~/lib/csv";
import type { Db } from "~/db/client.server";
import { services } from "./offers.schema";
import { offerConditions, type OfferFilters } from "./offers.server";
import { fullServices } from "./hsds.server";

export type ExportFormat = "json" | "ndjson" | "csv";

/** HSDS tabular columns of the service table, then our Norwegian profile's columns. */
const csvColumns = [
  "id",
  "organization_id",
  "name",
  "alternate_name",
  "description",
  "url",
  "email",
  "status",
  "application_process",
  "eligibility_description",
  "fees_description",
  "assured_date",
  "tilbudstype",
  "malgruppe",
  "ingen_henvisning",
  "gratis",
  "kommunenummer",
] as const;


/**
 * Stream every offer matching the filters as HSDS JSON (an array), NDJSON (one service per line) or CSV
 * (HSDS tabular service columns; written by csvRows, so no cell runs as a spreadsheet formula). Reads in keyset
 * batches, so memory stays flat however many offers there are.
 */
export function exportOffers(db: Db, filters: OfferFilters, format: ExportFormat, batchSize = 500): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const conditions: SQL[] = offerConditions(filters);
  let lastId: string | undefined;
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (first && format === "csv") controller.enqueue(encoder.encode(csvRows([csvColumns])));
      if (first && format === "json") controller.enqueue(encoder.encode("["));
      const rows = await db
        .select({ id: services.id })
        .from(services)
        .where(and(...conditions, lastId ? gt(services.id, lastId) : undefined))
        .orderBy(asc(services.id))
        .limit(batchSize);
      const items = await fullServices(db, rows.map((r) => r.id));
      let chunk = "";
      for (const item of items) {
        if (format === "ndjson") chunk += JSON.stringify(item) + "\n";
        else if (format === "json") chunk += (first ? "" : ",") + JSON.stringify(item);
        else chunk += csvRows([csvRow(item)]);
        first = false;
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      lastId = rows.at(-1)?.id;
      if (rows.length < batchSize) {
        if (format === "json") controller.enqueue(encoder.encode("]\n"));
        done = true;
        controller.close();
      }
      first = false;
    },
  });
}

type FullService = Awaited<ReturnType<typeof fullServices>>[number];

function csvRow(item: FullService): string[] {
  const record = item as Record<string, unknown>;
  const kommuner = [...new Set((item.service_at_locations ?? []).map((s) => (s.location as { kommunenummer?: string } | undefined)?.kommunenummer).filter(Boolean))];
  return csvColumns.map((column) => {
    if (column === "kommunenummer") return kommuner.join(";");
    const value = record[column];
    if (value === undefined || value === null) return "";
    return Array.isArray(value) ? value.join(";") : String(value);
  });
}
