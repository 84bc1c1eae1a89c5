import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../support/ports";

/**
 * A `node server.mjs` of a spec's own, with its own configuration and DATA_DIR, for promises the file's e2e
 * server (file-setup.ts, with the test configuration) cannot show (COOKIE_SECURE, TRUST_PROXY, a lost
 * database, a master-key rotation, the whole log). The e2e global setup has already built the app. Stop it in afterAll.
 */
export type OwnServer = {
  url: string;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Paths of the mails written to DATA_DIR/outbox, oldest first. */
  mails: () => string[];
  stop: () => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "../..");

export async function startOwnServer(env: Record<string, string>, { dataDir, keepDataDir = false }: { dataDir?: string; keepDataDir?: boolean } = {}): Promise<OwnServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "kp-own-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const chunks: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    // A clean environment: nothing from the shell (MAP_TILES_URL, TRUST_PROXY, SMTP_URL, …) leaks in.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: dir,
      DEMO: "1",
      PUBLIC_URL: url,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  child.stderr?.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`own server exited with ${child.exitCode}:\n${chunks.join("")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`own server did not start in 60 s:\n${chunks.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const outbox = path.join(dir, "outbox");
  return {
    url,
    dataDir: dir,
    output: () => chunks.join(""),
    mails: () => (fs.existsSync(outbox) ? fs.readdirSync(outbox).sort().map((f) => path.join(outbox, f)) : []),
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      if (!keepDataDir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tiny cookie jar over fetch: cookies by name, sent back on every request (no path or Secure rules). */
export class Client {
  cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  protected take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (/Max-Age=0/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(pathname: string): Promise<Response> {
    const res = await fetch(`${this.base}${pathname}`, { redirect: "manual", headers: { ...this.headers, Cookie: this.cookieHeader() } });
    this.take(res);
    return res;
  }

  /** The CSRF token of a page's form (fetches the page). */
  async csrf(pathname = "/logg-inn"): Promise<string> {
    const res = await this.get(pathname);
    const token = /name="csrf" value="([^"]+)"/.exec(await res.text())?.[1];
    if (!token) throw new Error(`no CSRF field on ${pathname} (status ${res.status})`);
    return token;
  }

  async post(pathname: string, fields: Record<string, string | string[]>, { csrfFrom }: { csrfFrom?: string } = {}): Promise<Response> {
    const csrf = await this.csrf(csrfFrom ?? pathname);
    const body = new URLSearchParams([["csrf", csrf]]);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await fetch(`${this.base}${pathname}`, {
      method: "POST",
      redirect: "manual",
      headers: { ...this.headers, "Content-Type": "application/x-www-form-urlencoded", Cookie: this.cookieHeader() },
      body,
    });
    this.take(res);
    return res;
  }
}
