import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import { eq, sql } from "drizzle-orm";
import { freshDb, dbKind } from "../../tests/support/test-db";
import { actorFor } from "../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { rowsOf } from "~/db/rows";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres } from "~/modules/centres/centres.server";
import { centrePacks, installPack } from "~/modules/toolkit/check-in.server";
import { services } from "~/modules/offers/offers.schema";
import { exportOffers } from "~/modules/offers/export.server";
import { parse } from "csv-parse/sync";
import { hasForbiddenChars } from "./text";

/**
 * Issue 9, findings 6 and 7, on the real databases: what the boundary refuses is exactly what PostgreSQL
 * cannot store, what it lets through is stored unchanged, uploaded instrument packs never carry NUL into
 * jsonb, and the public CSV export neutralises formulas.
 */
let handle: DbHandle;
let db: Db;
beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
});
afterAll(async () => {
  await handle?.close();
});


describe(`bad bytes on ${dbKind}`, () => {
  it("PostgreSQL refuses NUL in text and jsonb (the 500s of finding 6); the boundary refuses it too", async () => {
    await expect(db.execute(sql`select ${"a\u0000b"}::text as v`)).rejects.toThrow();
    await expect(db.execute(sql`select ${JSON.stringify({ a: "\u0000" })}::jsonb as v`)).rejects.toThrow();
    expect(hasForbiddenChars("a\u0000b")).toBe(true);
  });

  it("stores every text the boundary lets through unchanged, in text and jsonb", async () => {
    const allowed = [
      "\t\n\r",
      "\u007f\u0080\u009f",
      "Blåbær 😀 \u202e \ufffd \ufeff",
      "<script>alert(1)</script>",
      "../../etc/passwd",
      "x".repeat(100_000),
    ];
    for (const value of allowed) {
      expect(hasForbiddenChars(value)).toBe(false);
      const [text] = rowsOf(await db.execute(sql`select ${value}::text as v`));
      expect(text!.v).toBe(value);
      const [json] = rowsOf(await db.execute(sql`select (${JSON.stringify({ v: value })}::jsonb)->>'v' as v`));
      expect(json!.v).toBe(value);
    }
  });

  it("refuses an instrument pack whose JSON escapes a NUL or a control character, naming where, and saves nothing", async () => {
    const kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
    const coordinator = await actorFor(db, "koordinator@example.org");
    const madeUp = JSON.parse(fs.readFileSync(new URL("../../tests/fixtures/made-up-instrument.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const before = (await centrePacks(db, coordinator, kbt)).length;
    const hostile = JSON.stringify({ ...madeUp, name: { ...(madeUp.name as object), nb: "Sjekk\u0000" }, intro: { ...(madeUp.intro as object), en: "a\u001bb" } });
    expect(hostile).toContain("\\u0000");
    const result = await installPack(db, coordinator, kbt, hostile);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual([
        "name.nb: characters that are not allowed (NUL or other control characters)",
        "intro.en: characters that are not allowed (NUL or other control characters)",
      ]);
    }
    expect((await centrePacks(db, coordinator, kbt)).length).toBe(before);
    // The same pack without them installs.
    expect(await installPack(db, coordinator, kbt, JSON.stringify(madeUp))).toEqual({ ok: true });
  });

  it("neutralises formulas in the public CSV export, and only there: JSON keeps the name as it is", async () => {
    const [first] = await db.select({ id: services.id }).from(services).limit(1);
    const hostile = '=HYPERLINK("http://evil.example/?x",A1)';
    await db.update(services).set({ name: hostile, description: "-2+3" }).where(eq(services.id, first!.id));
    const text = await new Response(exportOffers(db, {}, "csv")).text();
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/?x"",A1)"`);
    const row = (parse(text, { columns: true }) as Record<string, string>[]).find((r) => r.id === first!.id)!;
    expect(row.name).toBe(`'${hostile}`);
    expect(row.description).toBe("'-2+3");
    const json = JSON.parse(await new Response(exportOffers(db, {}, "json")).text()) as { id: string; name: string }[];
    expect(json.find((s) => s.id === first!.id)!.name).toBe(hostile);
  });
});
