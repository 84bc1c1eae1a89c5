import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, openPglite, pingDb } from "./client.server";
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
