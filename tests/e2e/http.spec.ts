import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { baseUrl, demoPassword } from "./browser";

/** Bad input at the HTTP level: always a clear 4xx in the user's language, never a 500 or a stack trace. */

const root = path.resolve(import.meta.dirname, "../..");

async function csrfSession(lang = "nb") {
  const res = await fetch(`${baseUrl()}/logg-inn?lang=${lang}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]!);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await res.text())![1]!;
  return { cookie: cookies.join("; "), csrf };
}

async function post(pathname: string, fields: Record<string, string>, session?: { cookie: string }) {
  return fetch(`${baseUrl()}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: session?.cookie ?? "" },
    body: new URLSearchParams(fields),
  });
}

const noStackTrace = (html: string) => expect(html).not.toMatch(/at \w+ \(|node_modules|\.server\.ts|Error:/);

describe("HTTP: bad input and security", () => {
  it("answers /healthz with the database status", async () => {
    const res = await fetch(`${baseUrl()}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("refuses a form without a CSRF token with a friendly 403 page", async () => {
    const res = await post("/logg-inn", { email: "deltaker@example.org", password: demoPassword });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Skjemaet kunne ikke sendes");
    noStackTrace(html);
  });

  it("refuses a wrong CSRF token and a foreign Origin", async () => {
    const session = await csrfSession();
    expect((await post("/logg-inn", { csrf: "feil-token-feil-token-feil", email: "a@b.no", password: "x" }, session)).status).toBe(403);
    const foreign = await fetch(`${baseUrl()}/logg-inn`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: session.cookie, Origin: "https://evil.example" },
      body: new URLSearchParams({ csrf: session.csrf, email: "a@b.no", password: "x" }),
    });
    // React Router refuses a cross-origin action itself (400) before our middleware's Origin check (403).
    expect([400, 403]).toContain(foreign.status);
  });

  it("answers over-long input with 400 and the field's message, keeping what was typed", async () => {
    const session = await csrfSession();
    const res = await post("/registrer", { csrf: session.csrf, name: "N".repeat(5000), email: "lang@example.org", password: "p".repeat(500) }, session);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Teksten er for lang.");
    expect(html).toContain("Passordet kan ha høyst 128 tegn.");
    expect(html).toContain('value="lang@example.org"');
    noStackTrace(html);
  });

  it("answers unexpected field shapes with 400, in English when the person chose English", async () => {
    const session = await csrfSession("en");
    const body = new URLSearchParams([
      ["csrf", session.csrf],
      ["email", "a@example.org"],
      ["email", "b@example.org"],
      ["password[]", "x"],
    ]);
    const res = await fetch(`${baseUrl()}/logg-inn`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: session.cookie },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Fill in this field.");
  });

  it("answers an unknown language code with 400", async () => {
    const res = await fetch(`${baseUrl()}/?lang=de`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Vi kjenner ikke det språket");
  });

  it("answers a huge body with 413", async () => {
    const session = await csrfSession();
    const res = await post("/registrer", { csrf: session.csrf, name: "x".repeat(2_000_000) }, session);
    expect(res.status).toBe(413);
  });

  it("answers unknown and malformed URLs with 404", async () => {
    expect((await fetch(`${baseUrl()}/sentre/ikke-en-id`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/sentre/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/finnes/ikke`)).status).toBe(404);
  });

  it("says the same for a wrong password and an unknown account, and limits attempts per account", async () => {
    const session = await csrfSession();
    // A throwaway account, so the lock-out does not touch accounts other tests use.
    const email = `laast-${Date.now()}@example.org`;
    const signup = await post("/registrer", { csrf: session.csrf, name: "Låst Ute", email, password: "et-riktig-passord-1" }, session);
    expect(signup.status).toBe(302);
    const wrong = await (await post("/logg-inn", { csrf: session.csrf, email, password: "galt-passord" }, session)).text();
    const unknown = await (await post("/logg-inn", { csrf: session.csrf, email: "ingen@example.org", password: "galt-passord" }, session)).text();
    const message = (html: string) => /E-postadressen eller passordet stemmer ikke[^<]*/.exec(html)?.[0];
    expect(message(wrong)).toBeTruthy();
    expect(message(unknown)).toBe(message(wrong));
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) last = await post("/logg-inn", { csrf: session.csrf, email, password: "galt-passord" }, session);
    expect(last!.status).toBe(429);
    expect(await last!.text()).toContain("for mange forsøk");
    // The right password is refused too while limited: the limit is not an oracle.
    const right = await post("/logg-inn", { csrf: session.csrf, email, password: "et-riktig-passord-1" }, session);
    expect(right.status).toBe(429);
  });

  it("sets HttpOnly SameSite=Lax cookies, a fresh session id at each login, and security headers", async () => {
    const session = await csrfSession();
    const login = async () => {
      const res = await post("/logg-inn", { csrf: session.csrf, email: "intervjuer@example.org", password: demoPassword }, session);
      expect(res.status).toBe(302);
      return res.headers.getSetCookie().find((c) => c.startsWith("kp_session="))!;
    };
    const first = await login();
    const second = await login();
    expect(first).toMatch(/HttpOnly/i);
    expect(first).toMatch(/SameSite=Lax/i);
    expect(first.split(";")[0]).not.toBe(second.split(";")[0]);
    const home = await fetch(`${baseUrl()}/`);
    expect(home.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(home.headers.get("x-frame-options")).toBe("DENY");
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    expect(home.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("stops with one clear line naming the variable when configuration is invalid", () => {
    const result = spawnSync(process.execPath, ["server.mjs"], {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", PORT: "not-a-port", DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("Invalid configuration: PORT has an invalid value");
  });
});
