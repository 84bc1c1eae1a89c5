import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../support/ports";

/**
 * The e2e server of one test file. The e2e global setup (global-setup.ts) builds the app once and prepares
 * one seeded DATA_DIR (the demo data, the map's test places); before each spec file, file-setup.ts starts a
 * production `node server.mjs` on a copy of that folder, and stops it and removes the copy after the file.
 * So no file sees another file's data, sessions or rate-limit counts, and a failure stays in its file.
 */
export type FileServer = {
  url: string;
  /** The server's DATA_DIR (a copy of the seeded template): mail without SMTP is written to its outbox folder (ADR 0016). */
  dataDir: string;
  /** The server's stdout and stderr (JSON log lines), appended as they come. */
  log: string;
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");

/** The environment of every e2e server: production build, embedded PGlite, demo data, mail to the outbox, the test map. */
export function e2eEnv(port: number, dataDir: string, tilesTemplate: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    DATA_DIR: dataDir,
    DEMO: "1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: "",
    SMTP_URL: "",
    LOG_LEVEL: "warn",
    MAP_TILES_URL: tilesTemplate,
    MAP_ATTRIBUTION: "",
  };
}

/** Start `node server.mjs` on `dataDir` and wait until /healthz answers; its output goes to `log` (and stderr). */
export async function startServer(dataDir: string, tilesTemplate: string, log: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  fs.writeFileSync(log, "");
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], { cwd: root, env: e2eEnv(port, dataDir, tilesTemplate), stdio: ["ignore", "pipe", "pipe"] });
  // A test run that dies without afterAll must not leave the server running.
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      fs.appendFileSync(log, chunk);
      // Errors and anything that is not a log line (a crash) show in the run's output too; the warnings every
      // start writes (demo data on, no data controller) stay in the file.
      const text = chunk.toString("utf8");
      const shown = text.split("\n").filter((line) => line.trim() && (!line.startsWith("{") || line.includes('"level":"error"')));
      if (shown.length) process.stderr.write(`${shown.join("\n")}\n`);
    });
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`e2e server exited with ${child.exitCode}:\n${fs.readFileSync(log, "utf8")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`e2e server did not start in 60 s:\n${fs.readFileSync(log, "utf8")}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: async () => {
      process.off("exit", kill);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

/** A server of its own on a fresh copy of the seeded template folder. */
export async function startFileServer(template: string, tilesTemplate: string): Promise<FileServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-e2e-file-"));
  fs.cpSync(template, dataDir, { recursive: true });
  const log = `${dataDir}.server.log`;
  const server = await startServer(dataDir, tilesTemplate, log);
  return {
    url: server.url,
    dataDir,
    log,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(log, { force: true });
    },
  };
}

let current: FileServer | undefined;

/** This test file's server (started by file-setup.ts before the file's own hooks run). */
export function fileServer(): FileServer {
  if (!current) throw new Error("no e2e server for this file: tests/e2e/file-setup.ts starts it in beforeAll (vitest.config.ts, project e2e)");
  return current;
}

export function setFileServer(server: FileServer | undefined) {
  current = server;
}
