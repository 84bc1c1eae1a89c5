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
    // React Router refuses a cross-origin post to a page itself (400), before the app's middleware runs.
    expect(foreign.status).toBe(400);
  });

  it("refuses a foreign Origin with the app's own check where React Router has none (a resource route's action)", async () => {
    // React Router checks Origin only for posts to pages and their .data requests. A resource route's action
    // (POST /verktoy/eksport, the toolkit download) reaches the app's root middleware, whose Origin check is
    // the only one: a valid session and CSRF token from a foreign page must still be refused.
    const session = await csrfSession();
    const login = await post("/logg-inn", { csrf: session.csrf, email: "deltaker@example.org", password: demoPassword }, session);
    expect(login.status).toBe(302);
    const cookie = `${session.cookie}; ${login.headers.getSetCookie().find((c) => c.startsWith("kp_session="))!.split(";")[0]}`;
    const exportWith = (origin?: string) =>
      fetch(`${baseUrl()}/verktoy/eksport`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...(origin ? { Origin: origin } : {}) },
        body: new URLSearchParams({ csrf: session.csrf }),
      });
    for (const origin of ["https://evil.example", "null", `${baseUrl()}.evil.example`, baseUrl().replace("127.0.0.1", "localhost")]) {
      const refused = await exportWith(origin);
      expect(refused.status, origin).toBe(403);
      expect(await refused.text(), origin).not.toContain('"format":"knutepunkt-toolkit"');
    }
    // The same request from our own origin, or with no Origin (older browsers), is served.
    for (const origin of [baseUrl(), undefined]) {
      const served = await exportWith(origin);
      expect(served.status, String(origin)).toBe(200);
      expect(((await served.json()) as { format: string }).format).toBe("knutepunkt-toolkit");
    }
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

  it("says the same for a wrong password and an unknown account, and limits guesses without locking the owner out", async () => {
    // A throwaway account, so the limits do not touch accounts other tests use.
    const email = `laast-${Date.now()}@example.org`;
    const owner = await csrfSession();
    const signup = await post("/registrer", { csrf: owner.csrf, name: "Låst Ute", email, password: "et-riktig-passord-1" }, owner);
    expect(signup.status).toBe(200);
    // The owner logs in once in their own browser, which then keeps a device cookie.
    const first = await post("/logg-inn", { csrf: owner.csrf, email, password: "et-riktig-passord-1" }, owner);
    expect(first.status).toBe(302);
    const device = first.headers.getSetCookie().find((c) => c.startsWith("kp_device="))!;
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/Max-Age=31536000/);
    expect(device).not.toContain(encodeURIComponent(email)); // no address in it

    // A stranger (another browser; in this test the same IP address) guesses.
    const stranger = await csrfSession();
    const wrong = await (await post("/logg-inn", { csrf: stranger.csrf, email, password: "galt-passord" }, stranger)).text();
    const unknown = await (await post("/logg-inn", { csrf: stranger.csrf, email: "ingen@example.org", password: "galt-passord" }, stranger)).text();
    const message = (html: string) => /E-postadressen eller passordet stemmer ikke[^<]*/.exec(html)?.[0];
    expect(message(wrong)).toBeTruthy();
    expect(message(unknown)).toBe(message(wrong));
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) last = await post("/logg-inn", { csrf: stranger.csrf, email, password: "galt-passord" }, stranger);
    expect(last!.status).toBe(429);
    expect(await last!.text()).toContain("for mange forsøk");
    // The right password is refused too for the stranger while limited: the limit is not an oracle.
    expect((await post("/logg-inn", { csrf: stranger.csrf, email, password: "et-riktig-passord-1" }, stranger)).status).toBe(429);

    // The owner's browser is not locked out by the stranger's guesses (issue 9, finding 8).
    const again = await csrfSession();
    const ownerBrowser = { cookie: `${again.cookie}; ${device.split(";")[0]}` };
    expect((await post("/logg-inn", { csrf: again.csrf, email, password: "et-riktig-passord-1" }, ownerBrowser)).status).toBe(302);
  });

  it("signs up with the same answer whether or not the address has an account (no account enumeration)", async () => {
    const answer = async (email: string) => {
      const session = await csrfSession();
      const res = await post("/registrer", { csrf: session.csrf, name: "Samme Svar", email, password: "et-riktig-passord-1" }, session);
      const html = (await res.text()).replace(new RegExp(email.replace(/[.]/g, "\\."), "g"), "EMAIL").replace(/name="csrf" value="[^"]+"/g, "").replace(/nonce="[^"]+"/g, "");
      return { status: res.status, main: /<main[\s\S]*<\/main>/.exec(html)?.[0] };
    };
    const known = await answer("deltaker@example.org");
    const fresh = await answer(`ny-${Date.now()}@example.org`);
    expect(known.status).toBe(200);
    expect(fresh).toEqual(known);
    expect(known.main).toContain("Sjekk e-posten din");
  });

  it("limits sign-ups naming one address, the same whether or not it has an account (no mail flood)", async () => {
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        const session = await csrfSession();
        out.push((await post("/registrer", { csrf: session.csrf, name: "Flom", email, password: "et-riktig-passord-1" }, session)).status);
      }
      return out;
    };
    expect(await statuses("tjeneste@example.org")).toEqual([200, 200, 200, 429]);
    expect(await statuses(`flom-${Date.now()}@example.org`)).toEqual([200, 200, 200, 429]);
  });

  it("answers a reset request before any mail is made, the same either way", async () => {
    const session = await csrfSession();
    const known = await post("/glemt-passord", { csrf: session.csrf, email: "koordinator@example.org" }, session);
    const unknown = await post("/glemt-passord", { csrf: session.csrf, email: `ingen-${Date.now()}@example.org` }, session);
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
  });

  it("never redirects off-site after log-in (issue 9, finding 1)", async () => {
    const hostile = ["/.//evil.example", "/.//evil.example/x", "//evil.example", "/\\evil.example", "/%2e//evil.example", "/./\\evil.example", "/..//evil.example", "https://evil.example", "/\t/evil.example"];
    const session = await csrfSession();
    const login = await post("/logg-inn", { csrf: session.csrf, email: "deltaker@example.org", password: demoPassword }, session);
    const sessionCookie = login.headers.getSetCookie().find((c) => c.startsWith("kp_session="))!.split(";")[0]!;
    const loggedIn = { cookie: `${session.cookie}; ${sessionCookie}` };
    for (const target of hostile) {
      // GET /logg-inn while logged in redirects at once…
      const get = await fetch(`${baseUrl()}/logg-inn?redirectTo=${encodeURIComponent(target)}`, { redirect: "manual", headers: { Cookie: loggedIn.cookie } });
      expect(get.status, target).toBe(302);
      const location = get.headers.get("Location")!;
      expect(new URL(location, "https://knutepunkt.example").host, `${target} → ${location}`).toBe("knutepunkt.example");
      // …and so does a log-in and a sign-up with the target in the form.
      const fresh = await csrfSession();
      const post1 = await post("/logg-inn", { csrf: fresh.csrf, email: "deltaker@example.org", password: demoPassword, redirectTo: target }, fresh);
      const loc = post1.headers.get("Location") ?? "";
      expect(new URL(loc, "https://knutepunkt.example").host, `${target} → ${loc}`).toBe("knutepunkt.example");
    }
    // A sign-up page's log-in link keeps only on-site targets.
    const signup = await csrfSession();
    const html = await (await post("/registrer", { csrf: signup.csrf, name: "Omdirigert", email: `omdir-${Date.now()}@example.org`, password: "et-riktig-passord-1", redirectTo: "/.//evil.example/x" }, signup)).text();
    expect(html).not.toMatch(/evil\.example/);
  });

  it("sets HttpOnly SameSite=Lax cookies, a fresh session id at each login that ends the old one, and security headers", async () => {
    const session = await csrfSession();
    const login = async () => {
      const res = await post("/logg-inn", { csrf: session.csrf, email: "intervjuer@example.org", password: demoPassword }, session);
      expect(res.status).toBe(302);
      return res.headers.getSetCookie().find((c) => c.startsWith("kp_session="))!;
    };
    const first = await login();
    expect(first).toMatch(/HttpOnly/i);
    expect(first).toMatch(/SameSite=Lax/i);
    expect(first).not.toMatch(/Max-Age|Expires/i); // a browser-session cookie: closing the browser ends it
    const withCookie = (sessionCookie: string) => `${session.cookie}; ${sessionCookie.split(";")[0]}`;
    const myPage = (sessionCookie: string) => fetch(`${baseUrl()}/min-side`, { redirect: "manual", headers: { Cookie: withCookie(sessionCookie) } });
    expect((await myPage(first)).status).toBe(200);
    // Logging in again from the same browser, which sends its old session cookie, gives a new session id
    // and ends the old one: whoever kept a copy of the old cookie is logged out.
    const again = await post("/logg-inn", { csrf: session.csrf, email: "intervjuer@example.org", password: demoPassword }, { cookie: withCookie(first) });
    expect(again.status).toBe(302);
    const second = again.headers.getSetCookie().find((c) => c.startsWith("kp_session="))!;
    expect(second.split(";")[0]).not.toBe(first.split(";")[0]);
    const old = await myPage(first);
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe("/logg-inn?redirectTo=%2Fmin-side");
    expect((await myPage(second)).status).toBe(200);
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
