import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { seedMapPlaces, startTileServer } from "./map-setup";
import { startServer } from "./file-server";
import { buildOnce } from "../support/build";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded DATA_DIR each spec file's server starts on a copy of (file-setup.ts). */
    templateDir: string;
    /** MAP_TILES_URL for the servers: the local tile server (map-setup.ts). */
    tilesTemplate: string;
    tilesOrigin: string;
  }
}


/**
 * Build the app once, start the test tile server, and prepare one DATA_DIR for every spec file's server: the
 * demo data with the map's test places, then one start and stop of the production server on it (migrations,
 * session secret, the demo toolkit's keys), so a copy starts as a server that has run before.
 */
export default async function setup(project: TestProject) {
  // A production build, as `npm start` serves; once per run (the instances tests may have built it already).
  buildOnce();
  const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-e2e-template-"));
  // The map view is on, with tiles from a local test server; a few demo places get test-only coordinates.
  const tiles = await startTileServer();
  await seedMapPlaces(templateDir);
  const log = `${templateDir}.server.log`;
  try {
    const server = await startServer(templateDir, tiles.template, log);
    await server.stop();
  } finally {
    fs.rmSync(log, { force: true });
  }
  for (const left of ["knutepunkt.lock", "outbox"]) fs.rmSync(path.join(templateDir, left), { recursive: true, force: true });
  project.provide("templateDir", templateDir);
  project.provide("tilesTemplate", tiles.template);
  project.provide("tilesOrigin", tiles.origin);
  return async () => {
    await tiles.close();
    fs.rmSync(templateDir, { recursive: true, force: true });
  };
}
