import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoAccounts, demoCentres, demoPassword } from "../../app/modules/platform/demo.server";
import { limits } from "../../app/modules/platform/rate-limit.server";
import seedOffers from "../../app/modules/offers/data/seed-002.hsds.json";
import journal from "../../drizzle/meta/_journal.json";
import { withDatabase } from "../support/db-global-setup";
import { freePorts } from "../support/ports";

/**
 * Two app instances on one PostgreSQL database behave as one (docs/architecture.md, "Where state lives"):
 * both start at the same moment on a fresh empty database, the demo data is loaded once, a session made on
 * one is honoured (and ended) on the other, and a rate limit counts requests to both.
 * Runs as the Vitest project "instances", which exists only when TEST_DATABASE_URL is set.
 */

const root = path.resolve(import.meta.dirname, "../..");
const adminUrl = process.env.TEST_DATABASE_URL!;
const database = `kp_inst_${process.pid}_${randomBytes(3).toString("hex")}`;
const databaseUrl = withDatabase(adminUrl, database);
// Shared by both instances, as behind one load balancer.
const sessionSecret = randomBytes(32).toString("base64url");
const masterKey = randomBytes(32).toString("base64");
const publicUrl = "http://knutepunkt.test";
const startTimeoutMs = 45_000;

type Instance = {
  name: string;
  url: string;
  env: Record<string, string>;
  child: ChildProcess;
  output: string[];
  dataDir: string;
  exit: Promise<number | string>;
};
let a: Instance;
let b: Instance;
let sql: pg.Client;
const startProblems: string[] = [];

function startInstance(name: string, port: number, env: Record<string, string> = {}): Instance {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kp-inst-${name}-`));
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    // A clean environment: nothing from the shell (MAP_TILES_URL, TRUST_PROXY, …) leaks in.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? os.tmpdir(),
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: sessionSecret,
      MASTER_KEY: masterKey,
      DEMO: "1",
      PUBLIC_URL: publicUrl,
      SMTP_URL: "",
      LOG_LEVEL: "warn",
      DATA_DIR: dataDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk: Buffer) => output.push(`[${name} stdout] ${chunk}`));
  child.stderr!.on("data", (chunk: Buffer) => output.push(`[${name} stderr] ${chunk}`));
  const exit = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "?")));
  return { name, url: `http://127.0.0.1:${port}`, env, child, output, dataDir, exit };
}

/** What the servers wrote, from the given output positions on (all of it by default). */
function serverOutput(from: Record<string, number> = {}): string {
  return [a, b]
    .filter(Boolean)
    .map((i) => {
      const text = i.output
        .slice(from[i.name] ?? 0)
        .join("")
        .slice(-8000);
      return `--- instance ${i.name} (${i.url}, exit ${i.child.exitCode ?? i.child.signalCode ?? "running"}) ---\n${text || "(no output)"}`;
    })
    .join("\n");
}

async function waitUp(instance: Instance, deadline: number) {
  for (;;) {
    if (instance.child.exitCode !== null || instance.child.signalCode !== null)
      throw new Error(`instance ${instance.name} exited while starting\n${serverOutput()}`);
    try {
      if ((await fetch(`${instance.url}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`instance ${instance.name} did not answer /healthz in ${startTimeoutMs / 1000} s\n${serverOutput()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stopInstance(instance: Instance, ms: number): Promise<number | string> {
  if (instance.child.exitCode === null && instance.child.signalCode === null) instance.child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([instance.exit, new Promise<string>((r) => (timer = setTimeout(() => r("timeout"), ms)))]);
  clearTimeout(timer);
  if (result === "timeout") {
    instance.child.kill("SIGKILL");
    await instance.exit;
  }
  return result;
}

/** A minimal cookie jar: what a browser would send back. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attr) => {
        const [k = "", v = ""] = attr.trim().split("=");
        return (k.toLowerCase() === "max-age" && Number(v) <= 0) || (k.toLowerCase() === "expires" && Date.parse(v) < Date.now());
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  names() {
    return [...this.cookies.keys()];
  }
}

async function get(instance: Instance, pathname: string, jar?: Jar, cookie?: string) {
  const res = await fetch(`${instance.url}${pathname}`, { redirect: "manual", headers: { Cookie: cookie ?? jar?.header() ?? "" } });
  jar?.take(res);
  return { status: res.status, location: res.headers.get("Location"), html: await res.text() };
}

function csrfOf(html: string): string {
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no CSRF field in the page:\n${html.slice(0, 500)}`);
  return token;
}

/** A form POST without an Origin header, as the CSRF check allows; the token comes from the jar's cookie. */
async function post(instance: Instance, pathname: string, fields: Record<string, string>, jar: Jar) {
  const res = await fetch(`${instance.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams(fields),
  });
  jar.take(res);
  return { status: res.status, location: res.headers.get("Location"), html: await res.text() };
}

async function count(query: string, params: unknown[] = []): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(`select count(*)::int as n from ${query}`, params);
  return rows[0]!.n;
}

describe("two app instances on one PostgreSQL database", () => {
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    const [portA, portB] = await freePorts(2);
    // Both at the same moment, on the empty database: both migrate and both try to load the demo data.
    a = startInstance("A", portA!);
    b = startInstance("B", portB!);
    const deadline = Date.now() + startTimeoutMs;
    const started = await Promise.allSettled([waitUp(a, deadline), waitUp(b, deadline)]);
    // An instance that exited while starting is reported by the first test, then started again (as a
    // supervisor would), so that the other checks still run.
    for (const [index, result] of started.entries()) {
      if (result.status === "fulfilled") continue;
      const crashed = index === 0 ? a : b;
      if (crashed.child.exitCode === null && crashed.child.signalCode === null) throw result.reason;
      startProblems.push(
        `instance ${crashed.name} exited with ${crashed.child.exitCode ?? crashed.child.signalCode} while starting:\n${crashed.output.join("")}`,
      );
      fs.rmSync(crashed.dataDir, { recursive: true, force: true });
      const again = startInstance(crashed.name, Number(new URL(crashed.url).port), crashed.env);
      if (index === 0) a = again;
      else b = again;
      await waitUp(again, Date.now() + startTimeoutMs);
    }
    sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
  });

  beforeEach(({ onTestFailed }) => {
    const from = { A: a.output.length, B: b.output.length };
    onTestFailed(() => console.error(`During this test the servers said:\n${serverOutput(from)}`));
  });

  afterAll(async () => {
    await sql?.end().catch(() => undefined);
    await Promise.all([a, b].filter(Boolean).map((i) => stopInstance(i, 12_000)));
    for (const i of [a, b].filter(Boolean)) fs.rmSync(i.dataDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it("starts both at the same moment on a fresh empty database", () => {
    expect(startProblems.join("\n"), "an instance failed to start beside the other").toBe("");
  });

  it("applies the migrations once and loads the demo data exactly once", async () => {
    expect(await count(`drizzle.__drizzle_migrations`)).toBe(journal.entries.length);
    expect(await count(`users`)).toBe(demoAccounts.length);
    expect(await count(`centres`)).toBe(demoCentres.length);
    expect(await count(`(select distinct short_name from centres) c`)).toBe(demoCentres.length);
    expect(await count(`memberships`)).toBe(demoAccounts.filter((x) => x.role !== "administrator").length);
    expect(await count(`services`)).toBe(seedOffers.length);
    // The demo toolkit is loaded by the instance that loaded the demo data, and only by it.
    expect(await count(`toolkit_consents`)).toBe(1);
    expect(await count(`toolkit_keys`)).toBe(1);
    expect(await count(`toolkit_entries where ref = 'drommen:q1'`)).toBe(1);
  });

  it("serves the same pages from both instances", async () => {
    // The page without what differs per response: scripts (hydration data with the CSRF token), nonces, the CSRF field.
    const page = (html: string) =>
      html
        .replace(/<script\b[\s\S]*?<\/script>/g, "")
        .replace(/ nonce="[^"]*"/g, "")
        .replace(/(name="csrf" value=")[^"]*"/g, '$1"');
    for (const pathname of ["/", "/sentre", "/tilbud"]) {
      const [onA, onB] = await Promise.all([get(a, pathname), get(b, pathname)]);
      expect([onA.status, onB.status], pathname).toEqual([200, 200]);
      expect(page(onB.html), `${pathname} differs between A and B`).toBe(page(onA.html));
      if (pathname === "/sentre") for (const centre of demoCentres) expect(onA.html).toContain(centre.name);
    }
  });

  it("honours a session made on A on B, and a logout on B on A", async () => {
    const jar = new Jar();
    const form = await get(a, "/logg-inn", jar);
    const login = await post(a, "/logg-inn", { csrf: csrfOf(form.html), email: "deltaker@example.org", password: demoPassword, redirectTo: "/min-side" }, jar);
    expect(login.status, "the login on A").toBe(302);
    expect(jar.names().some((n) => n.endsWith("kp_session"))).toBe(true);
    const sessionCookie = jar.header();

    const onB = await get(b, "/min-side", jar);
    expect(onB.status, "B accepts the session made on A").toBe(200);
    expect(onB.html).toContain("Deltaker Demo");
    // B also reads the toolkit A's demo loader wrote, encrypted under the shared MASTER_KEY.
    const toolkit = await get(b, "/verktoy/kort/drommen", jar);
    expect(toolkit.status, "B shows the toolkit").toBe(200);
    expect(toolkit.html).toContain("gitaren");
    expect((await get(a, "/min-side", jar)).status, "A still accepts its own session").toBe(200);

    const logout = await post(b, "/logg-ut", { csrf: csrfOf(onB.html) }, jar);
    expect(logout.status, "the logout on B").toBe(302);
    expect(await count(`sessions s join users u on u.id = s.user_id where u.email = $1`, ["deltaker@example.org"])).toBe(0);
    // The old cookie, replayed on A (and B), is no longer a session.
    for (const instance of [a, b]) {
      const after = await get(instance, "/min-side", undefined, sessionCookie);
      expect(after.status, `${instance.name} still accepts the ended session`).toBe(302);
      expect(after.location).toMatch(/^\/logg-inn/);
    }
  });

  it("shares the per-account limit on reset requests between the instances", async () => {
    const jar = new Jar();
    const csrf = csrfOf((await get(a, "/glemt-passord", jar)).html);
    const email = `grense-${randomBytes(4).toString("hex")}@example.org`;
    // Alternating A, B, A, …: the first `max` requests are answered, the next two (one on each) refused.
    const { max } = limits.resetPerAccount;
    const order = Array.from({ length: max + 2 }, (_, i) => (i % 2 === 0 ? a : b));
    const statuses: string[] = [];
    for (const instance of order) statuses.push(`${instance.name}:${(await post(instance, "/glemt-passord", { csrf, email }, jar)).status}`);
    const expected = order.map((instance, i) => `${instance.name}:${i < max ? 200 : 429}`);
    expect(statuses, "instance:status of each reset request for one address, in order").toEqual(expected);
  });

  it("stops both instances cleanly on SIGTERM", async () => {
    const [exitA, exitB] = await Promise.all([stopInstance(a, 12_000), stopInstance(b, 12_000)]);
    expect({ A: exitA, B: exitB }).toEqual({ A: 0, B: 0 });
  });
});
