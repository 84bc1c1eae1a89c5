import { afterAll, beforeAll, inject } from "vitest";
import { setFileServer, startFileServer, type FileServer } from "./file-server";

/**
 * Runs before every e2e spec file (vitest.config.ts, project e2e, setupFiles): the file gets a server of its
 * own on a fresh copy of the seeded DATA_DIR the global setup prepared, before the file's own beforeAll
 * hooks, and it is stopped and removed after them. browser.ts's baseUrl(), dataDir() and serverLog() name it.
 */
let server: FileServer | undefined;

beforeAll(async () => {
  server = await startFileServer(inject("templateDir"), inject("tilesTemplate"));
  setFileServer(server);
}, 90_000);

afterAll(async () => {
  setFileServer(undefined);
  await server?.stop();
});
