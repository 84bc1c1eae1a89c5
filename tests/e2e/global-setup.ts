import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedMapPlaces, startTileServer } from "./map-setup";
import { freePort } from "../support/ports";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    tilesOrigin: string;
    /** The e2e server's stdout and stderr (JSON log lines), appended as they come. */
    serverLog: string;
    /** The server's DATA_DIR: mail without SMTP is written to its outbox folder (ADR 0016). */
    dataDir: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

/** Build the app, start the production server on embedded PGlite with demo data in a throwaway folder. */
export default async function setup(project: TestProject) {
  // Vitest sets NODE_ENV=test; the build must be a production build, as `npm start` serves.
  const build = spawnSync("npx", ["react-router", "build"], { cwd: root, stdio: "pipe", encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-e2e-"));
  // The map view is on, with tiles from a local test server; a few demo places get test-only coordinates.
  const tiles = await startTileServer();
  await seedMapPlaces(dataDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO: "1",
      PUBLIC_URL: baseUrl,
      DATABASE_URL: "",
      SMTP_URL: "",
      LOG_LEVEL: "warn",
      MAP_TILES_URL: tiles.template,
      MAP_ATTRIBUTION: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server's log lines go to the console as before, and to a file the specs can read (fuzz.spec.ts
  // checks that bad input never logs an error).
  const serverLog = `${dataDir}.server.log`;
  fs.writeFileSync(serverLog, "");
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    stream?.on("data", (chunk: Buffer) => {
      out.write(chunk);
      fs.appendFileSync(serverLog, chunk);
    });
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("server did not start in 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  project.provide("baseUrl", baseUrl);
  project.provide("tilesOrigin", tiles.origin);
  project.provide("serverLog", serverLog);
  project.provide("dataDir", dataDir);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    await tiles.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(serverLog, { force: true });
  };
}
