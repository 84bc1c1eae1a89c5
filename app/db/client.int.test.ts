import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { DataDirLockedError, openPglite, pingDb } from "./client.server";
import { rowsOf } from "./rows";
import { freshDb, dbKind } from "../../tests/support/test-db";

describe(`database layer on ${dbKind}`, () => {
  it("answers a ping while open and reports failure once closed (what /healthz shows)", async () => {
    const handle = await freshDb();
    expect(await pingDb(handle.db)).toBe(true);
    await handle.close();
    expect(await pingDb(handle.db)).toBe(false);
  });

  // The lock only concerns the embedded database: defined for the PGlite run alone.
  if (dbKind === "pglite") it("refuses to open an embedded data folder another live process holds", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-lock-"));
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      fs.writeFileSync(path.join(dir, "knutepunkt.lock"), String(other.pid));
      await expect(openPglite(dir)).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(openPglite(dir)).rejects.toThrow(/in use by another process/);
    } finally {
      other.kill();
      await new Promise((r) => other.once("exit", r));
    }
    // A lock left by a process that is gone is taken over.
    const handle = await openPglite(dir);
    expect(await pingDb(handle.db)).toBe(true);
    await handle.close();
    expect(fs.existsSync(path.join(dir, "knutepunkt.lock"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe(`rows of db.execute on ${dbKind}`, () => {
  it("reads the rows of a raw query the same way on both drivers, in and out of a transaction, and refuses other shapes", async () => {
    const handle = await freshDb();
    try {
      const query = sql`select n, n % 2 = 0 as even, 'år ' || n as label from generate_series(1, 3) as n order by n`;
      const expected = [
        { n: 1, even: false, label: "år 1" },
        { n: 2, even: true, label: "år 2" },
        { n: 3, even: false, label: "år 3" },
      ];
      expect(rowsOf(await handle.db.execute(query))).toEqual(expected);
      expect(await handle.db.transaction(async (tx) => rowsOf(await tx.execute(query)))).toEqual(expected);
      expect(rowsOf(await handle.db.execute(sql`select 1 as n where false`))).toEqual([]);
      // A statement that returns nothing still gives an empty list, not an error.
      expect(rowsOf(await handle.db.execute(sql`set local statement_timeout = 1000`))).toEqual([]);
    } finally {
      await handle.close();
    }
    for (const shape of [undefined, null, 42, "rows", [], [{ rows: [] }], {}, { rows: "x" }]) expect(() => rowsOf(shape), JSON.stringify(shape)).toThrow(TypeError);
  });
});
