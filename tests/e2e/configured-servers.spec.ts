import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "./browser";
import { Client, startOwnServer, type OwnServer } from "./own-server";

/**
 * Promises that need a server configured for them (each starts its own `node server.mjs` with its own
 * DATA_DIR): COOKIE_SECURE; the rate limits per IP address, told apart with X-Forwarded-For behind
 * TRUST_PROXY=1; a log with no personal data or tokens after a whole journey; MASTER_KEY_PREVIOUS at
 * start; /healthz when the database is gone (PostgreSQL only).
 */

const limited = "for mange forsøk";

describe("COOKIE_SECURE, rate limits behind a proxy, and a log without personal data", () => {
  let server: OwnServer;
  /** Everything a person typed or was sent on this server: none of it may reach the log. */
  const personal = new Set<string>();
  const ipCounter = { n: 0 };
  /** A browser of its own behind the proxy, at a fresh client address unless one is given. */
  const client = (ip = `198.51.100.${++ipCounter.n}`) => new Client(server.url, { "X-Forwarded-For": ip });
  const logIn = async (c: Client, email: string, password = demoPassword) => {
    const res = await c.post("/logg-inn", { email, password });
    expect(res.status, `log-in ${email}`).toBe(302);
    return res;
  };
  const mailText = (to: string, kind: string) => {
    for (const file of server.mails().reverse()) {
      const text = fs.readFileSync(file, "utf8");
      if (text.startsWith(`To: ${to}\n`) && text.includes(`/${kind}/`)) return text;
    }
    throw new Error(`no ${kind} mail to ${to}`);
  };
  const linkPath = async (to: string, kind: string) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        const text = mailText(to, kind);
        return new URL(new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_-]+`).exec(text)![0]).pathname;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };

  beforeAll(async () => {
    server = await startOwnServer({ COOKIE_SECURE: "1", TRUST_PROXY: "1", LOG_LEVEL: "debug", SMTP_URL: "" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("COOKIE_SECURE: every cookie is Secure, session, CSRF and device cookies carry __Host-, and responses carry HSTS", async () => {
    const c = client();
    const page = await c.get("/logg-inn?lang=en");
    expect(page.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const set = page.headers.getSetCookie();
    const csrf = set.find((s) => s.startsWith("__Host-kp_csrf="));
    const lang = set.find((s) => s.startsWith("kp_lang="));
    expect(csrf).toMatch(/; Secure/i);
    expect(csrf).toMatch(/; Path=\//);
    expect(csrf).not.toMatch(/Domain=/i);
    expect(lang).toMatch(/; Secure/i);
    expect(set.some((s) => s.startsWith("kp_csrf="))).toBe(false);
    const login = await logIn(c, "deltaker@example.org");
    const afterLogin = login.headers.getSetCookie();
    const session = afterLogin.find((s) => s.startsWith("__Host-kp_session="));
    const device = afterLogin.find((s) => s.startsWith("__Host-kp_device="));
    for (const cookie of [session, device]) {
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
    }
    expect(afterLogin.some((s) => /^kp_(session|device)=/.test(s))).toBe(false);
    // The logged-in session works under its prefixed name; HSTS is on every kind of response.
    expect((await c.get("/min-side")).status).toBe(200);
    expect((await fetch(`${server.url}/healthz`)).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect((await fetch(`${server.url}/api/hsds/services`)).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("limits reset requests to 30 per IP address and 3 per account, per hour", async () => {
    const ip = client().headers["X-Forwarded-For"]!;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const email = `reset-ip-${i}@example.org`;
      personal.add(email);
      statuses.push((await client(ip).post("/glemt-passord", { email })).status);
    }
    expect(statuses).toEqual([...Array(30).fill(200), 429]);
    // Another address is not held back by that one.
    expect((await client().post("/glemt-passord", { email: "reset-ip-other@example.org" })).status).toBe(200);
    // Per account, from a new address each time.
    const account = "intervjuer@example.org";
    const perAccount: number[] = [];
    for (let i = 0; i < 4; i++) perAccount.push((await client().post("/glemt-passord", { email: account })).status);
    expect(perAccount).toEqual([200, 200, 200, 429]);
    const refused = await client().post("/glemt-passord", { email: account });
    expect(await refused.text()).toContain(limited);
  });

  it("limits sign-ups to 50 per IP address per hour", async () => {
    const ip = client().headers["X-Forwarded-For"]!;
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) {
      const email = `signup-ip-${i}@example.org`;
      personal.add(email);
      statuses.push((await client(ip).post("/registrer", { name: `Registrert Nummer${i}`, email, password: "et-riktig-passord-1" })).status);
    }
    expect(statuses).toEqual([...Array(50).fill(200), 429]);
    expect((await client().post("/registrer", { name: "Annen Adresse", email: "signup-ip-other@example.org", password: "et-riktig-passord-1" })).status).toBe(200);
  });

  it("limits current-password checks to 5 per account per 15 minutes, shared by change password and delete account", async () => {
    const c = client();
    await logIn(c, "tjeneste@example.org");
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await c.post("/min-side/passord", { currentPassword: `feil-passord-${i}`, password: "et-nytt-passord-2026" })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    // The sixth is refused before the password is checked, even the right one, and so is delete account.
    const right = await c.post("/min-side/passord", { currentPassword: demoPassword, password: "et-nytt-passord-2026" });
    expect(right.status).toBe(429);
    expect(await right.text()).toContain(limited);
    const deleting = await c.post("/min-side/slett", { password: demoPassword, confirm: "yes" });
    expect(deleting.status).toBe(429);
    expect(await deleting.text()).toContain(limited);
    // Another browser of the same account is held back too (the count is per account)…
    const other = client();
    await logIn(other, "tjeneste@example.org");
    expect((await other.post("/min-side/passord", { currentPassword: demoPassword, password: "et-nytt-passord-2026" })).status).toBe(429);
    // …but another account is not.
    const someoneElse = client();
    await logIn(someoneElse, "intervjuer@example.org");
    expect((await someoneElse.post("/min-side/passord", { currentPassword: "feil-passord", password: "et-nytt-passord-2026" })).status).toBe(400);
  });

  it("limits new confirmation links to 5 per account per hour", async () => {
    const c = client();
    const email = "ubekreftet@example.org";
    personal.add(email);
    expect((await c.post("/registrer", { name: "Ubekreftet Person", email, password: "et-riktig-passord-1" })).status).toBe(200);
    await logIn(c, email, "et-riktig-passord-1");
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) outcomes.push((await c.post("/bekreft-e-post", { back: "/min-side" }, { csrfFrom: "/min-side" })).headers.get("location") ?? "");
    expect(outcomes).toEqual([...Array(5).fill("/min-side?lenke=sendt"), "/min-side?lenke=vent"]);
  });

  it("limits invitations to 50 per inviting account per hour", async () => {
    const c = client();
    await logIn(c, "koordinator@example.org");
    const members = await c.get("/sentre");
    const kbt = /href="\/sentre\/([0-9a-f-]{36})"[^>]*>[^<]*KBT/.exec(await members.text())?.[1];
    expect(kbt).toBeTruthy();
    const pathname = `/sentre/${kbt}/medlemmer`;
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) {
      const email = `invitert-${i}@example.org`;
      personal.add(email);
      statuses.push((await c.post(pathname, { intent: "invite", email, roles: "participant" })).status);
    }
    expect(statuses).toEqual([...Array(50).fill(200), 429]);
  });

  it("limits wrong log-ins to 100 per IP address per 15 minutes; the count of an account and IP is cleared by a success", async () => {
    // Counter cleared on success: 4 wrong, the right one, then 4 wrong again and the right one still works
    // (without the clearing, the count of this account and address would be full after the fifth wrong).
    const ip = client().headers["X-Forwarded-For"]!;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await client(ip).post("/logg-inn", { email: "erfaring@example.org", password: "galt-passord" })).status).toBe(401);
      await logIn(client(ip), "erfaring@example.org");
    }
    // Without a success, the fifth wrong one fills the count and the sixth attempt is refused.
    for (let i = 0; i < 5; i++) expect((await client(ip).post("/logg-inn", { email: "erfaring@example.org", password: "galt-passord" })).status).toBe(401);
    expect((await client(ip).post("/logg-inn", { email: "erfaring@example.org", password: demoPassword })).status).toBe(429);

    // Per IP: 100 wrong passwords from one address (5 each for 20 addresses, under the per-account count)…
    const busy = client().headers["X-Forwarded-For"]!;
    const guesses = Array.from({ length: 100 }, (_, i) => `gjett-${i % 20}@example.org`);
    const statuses: number[] = [];
    for (const email of guesses) statuses.push((await client(busy).post("/logg-inn", { email, password: "galt-passord" })).status);
    expect(statuses).toEqual(Array(100).fill(401));
    // …and the next attempt from that address is refused, even the right password of another account…
    const refused = await client(busy).post("/logg-inn", { email: "deltaker@example.org", password: demoPassword });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain(limited);
    // …while the same account logs in from another address.
    await logIn(client(), "deltaker@example.org");
  });

  it("a whole journey: sign-up, confirmation, log-in, profile, toolkit, reset and invitation", async () => {
    const name = "Solveig Loggsporsen";
    const email = "solveig.loggsporsen@example.org";
    const password = "Passord-Loggsporsen-77";
    const newName = "Solveig Navnebyttesen";
    const newPassword = "Nytt-Loggsporsen-88";
    const dream = "Drømmetekst-Kvitfjellsporet om en hytte";
    const goal = "Målsetting-Tindeklatring";
    for (const value of [name, email, password, newName, newPassword, dream, goal]) personal.add(value);

    const c = client();
    expect((await c.post("/registrer", { name, email, password })).status).toBe(200);
    const confirm = await linkPath(email, "bekreft-e-post");
    expect((await c.get(confirm)).status).toBe(200);
    expect((await c.post(confirm, {})).status).toBe(302);
    // A wrong password and a form error with the address in it.
    expect((await c.post("/logg-inn", { email, password: "feil-Loggsporsen" })).status).toBe(401);
    expect((await c.post("/registrer", { name, email, password: "kort" })).status).toBe(400);
    await logIn(c, email, password);
    expect((await c.post("/min-side", { name: newName })).status).toBe(200);
    expect((await c.post("/verktoy/samtykke", { consent: "yes" })).status).toBe(302);
    expect((await c.post("/verktoy/drommen", { intent: "text", dream, helps: "", hinders: "" })).status).toBe(302);
    expect((await c.post("/verktoy/drommen", { intent: "goal", text: goal })).status).toBeLessThan(400);
    const mappe = await c.get("/verktoy/mappe");
    expect(await mappe.text()).toContain(dream);
    expect((await c.get("/verktoy/mappe/pdf")).status).toBe(200);
    expect((await c.post("/verktoy/eksport", {}, { csrfFrom: "/verktoy/data" })).status).toBe(200);
    expect((await c.get("/min-side/innsyn")).status).toBe(200);

    // A forgotten password: the link, the new password.
    const stranger = client();
    expect((await stranger.post("/glemt-passord", { email })).status).toBe(200);
    const reset = await linkPath(email, "nytt-passord");
    expect((await stranger.get(reset)).status).toBe(200);
    expect((await stranger.post(reset, { password: newPassword })).status).toBe(302);
    await logIn(client(), email, newPassword);

    // A coordinator invites the person; they open the link and accept.
    const coordinator = client();
    await logIn(coordinator, "koordinator@example.org");
    const kbt = /href="\/sentre\/([0-9a-f-]{36})"[^>]*>[^<]*KBT/.exec(await (await coordinator.get("/sentre")).text())![1]!;
    // The coordinator's own invitation limit was used up above: the administrator invites.
    const admin = client();
    await logIn(admin, "admin@example.org");
    expect((await admin.post(`/sentre/${kbt}/medlemmer`, { intent: "invite", email, roles: "participant" })).status).toBe(200);
    expect((await coordinator.get(`/sentre/${kbt}/medlemmer`)).status).toBe(200);
    expect((await admin.get("/admin")).status).toBe(200);
    expect((await admin.get("/admin/utboks")).status).toBe(200);
    const invitation = await linkPath(email, "invitasjon");
    const invited = client();
    await logIn(invited, email, newPassword);
    expect((await invited.get(invitation)).status).toBe(200);
    expect((await invited.post(invitation, {})).status).toBeLessThan(400);
    // The log saw all of it (so the check below is not vacuous), with one-time tokens replaced.
    await new Promise((r) => setTimeout(r, 300));
    const log = server.output();
    expect(log).toContain('"path":"/bekreft-e-post/:token"');
    expect(log).toContain('"path":"/nytt-passord/:token"');
    expect(log).toContain('"path":"/invitasjon/:token"');
    expect(log).toContain('"path":"/verktoy/drommen"');
  });

  it("the server's log holds no name, e-mail address, password, toolkit text or one-time token from any of the above", async () => {
    const log = server.output();
    expect(log.split("\n").length).toBeGreaterThan(50); // request lines at debug level: the log was written
    const tokens = server.mails().flatMap((file) => [...fs.readFileSync(file, "utf8").matchAll(/\/(?:nytt-passord|invitasjon|bekreft-e-post)\/([A-Za-z0-9_-]{16,})/g)].map((m) => m[1]!));
    expect(tokens.length).toBeGreaterThanOrEqual(3); // at least the journey's confirmation, reset and invitation
    const found = [...personal, ...tokens].filter((value) => log.includes(value));
    expect(found).toEqual([]);
    // Nor any address at all, and no local part of one of them (e.g. "solveig.loggsporsen").
    expect(log).not.toMatch(/[A-Za-z0-9._-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
    expect(log.toLowerCase()).not.toContain("loggsporsen");
  });
});

describe("MASTER_KEY_PREVIOUS: keys are re-wrapped at start", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-rotate-"));
  const oldKey = randomBytes(32).toString("base64");
  const newKey = randomBytes(32).toString("base64");
  const env = { SMTP_URL: "", SESSION_SECRET: randomBytes(32).toString("base64url") };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const folder = async (server: OwnServer) => {
    const c = new Client(server.url);
    expect((await c.post("/logg-inn", { email: "deltaker@example.org", password: demoPassword })).status).toBe(302);
    const res = await c.get("/verktoy/mappe");
    const main = /<main[\s\S]*<\/main>/.exec(await res.text())?.[0] ?? "";
    return { status: res.status, main: main.replace(/name="csrf" value="[^"]+"/g, "").replace(/nonce="[^"]+"/g, "") };
  };

  it("reads every toolkit under the new key alone after one start with both", async () => {
    // 1. The demo participant's toolkit is written under the old key.
    let server = await startOwnServer({ ...env, MASTER_KEY: oldKey }, { dataDir, keepDataDir: true });
    const before = await folder(server);
    await server.stop();
    expect(before.status).toBe(200);
    expect(before.main.length).toBeGreaterThan(1_000);
    // 2. Rotation: the new key, the old one as previous; the start re-wraps.
    server = await startOwnServer({ ...env, MASTER_KEY: newKey, MASTER_KEY_PREVIOUS: oldKey }, { dataDir, keepDataDir: true });
    expect(server.output()).toMatch(/"msg":"toolkit\.keys_rewrapped","count":[1-9]/);
    await server.stop();
    // 3. The old key retired: the same folder, read with the new key alone.
    server = await startOwnServer({ ...env, MASTER_KEY: newKey }, { dataDir, keepDataDir: true });
    const after = await folder(server);
    await server.stop();
    expect(after).toEqual(before);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("/healthz when the database is gone (PostgreSQL)", () => {
  it("answers 503 with the database status", async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `kp_health_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const server = await startOwnServer({
      DATABASE_URL: url.toString(),
      SESSION_SECRET: randomBytes(32).toString("base64url"),
      MASTER_KEY: randomBytes(32).toString("base64"),
      DEMO: "0",
      SMTP_URL: "",
    });
    try {
      const ok = await fetch(`${server.url}/healthz`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ status: "ok", database: "ok" });
      // The database goes away under the running server.
      await admin.query(`drop database ${name} with (force)`);
      const down = await fetch(`${server.url}/healthz`);
      expect(down.status).toBe(503);
      expect(down.headers.get("cache-control")).toBe("no-store");
      expect(await down.json()).toEqual({ status: "error", database: "error" });
    } finally {
      await server.stop();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
