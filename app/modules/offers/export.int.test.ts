import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import type { DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { exportOffers } from "./export.server";
import { hsdsValidator } from "../../../tests/support/hsds";

let handle: DbHandle;
beforeAll(async () => {
  handle = await freshDb();
  await loadDemoData(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe(`export of offers on ${dbKind}`, () => {
  it("streams every offer as valid HSDS JSON, in batches, each offer once", async () => {
    const all = JSON.parse(await read(exportOffers(handle.db, {}, "json", 5)));
    expect(all.length).toBe(28);
    expect(new Set(all.map((s: { id: string }) => s.id)).size).toBe(28);
    const validate = hsdsValidator("service.json");
    expect(all.filter((s: unknown) => !validate(s))).toEqual([]);
    expect(all.find((s: { name: string }) => s.name === "Krafttak for sang").service_at_locations.length).toBe(22);
  });

  it("exports a search result as NDJSON and CSV with the same offers", async () => {
    const filters = { q: "fontenehus", noReferral: true };
    const lines = (await read(exportOffers(handle.db, filters, "ndjson", 4))).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.length).toBe(12);
    expect(lines.every((s) => s.name === "Fontenehus" && s.ingen_henvisning === true)).toBe(true);
    const rows = parse(await read(exportOffers(handle.db, filters, "csv", 4)), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual(lines.map((s) => s.id).sort());
    expect(rows[0]).toMatchObject({ name: "Fontenehus", ingen_henvisning: "true", tilbudstype: "arbeid-og-aktivitet" });
    expect(rows.map((r) => r.kommunenummer)).toContain("0301");
  });

  it("gives an empty but well-formed file when nothing matches", async () => {
    expect(JSON.parse(await read(exportOffers(handle.db, { q: "finnesikke" }, "json")))).toEqual([]);
    expect(await read(exportOffers(handle.db, { q: "finnesikke" }, "ndjson"))).toBe("");
    expect((await read(exportOffers(handle.db, { q: "finnesikke" }, "csv"))).trim().split("\n")).toHaveLength(1);
  });
});
