import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routeTable from "../../app/routes";
import { baseUrl, demoPassword, serverLog } from "./browser";

/**
 * The route-table fuzz (issue 9, finding 6): every route in app/routes.ts — read from the table itself, so
 * a new route is covered without touching this file — gets GET and POST requests carrying hostile values
 * in its path, its query and its form fields, anonymously and as a logged-in administrator, with a valid
 * CSRF token and without one. No response may be a 5xx, carry a stack trace, or redirect off-site, and
 * the server may log no error while it runs. Each test checks the log lines of its own requests.
 *
 * Plain HTTP (node:http, no browser), a few requests at a time, against this file's own server (file-setup.ts).
 * The requests come from 127.0.0.2, so the per-IP rate limits they fill (log-in, sign-up) are not the ones
 * this file's other requests use from 127.0.0.1.
 * Real ids come from following the pages' links (and trying the ids seen on them), so handlers run past
 * their id checks. Every field of a form, `intent` included, gets the same hostile value: no real intent
 * (delete, confirm an import) runs, and the demo data stays as it is (the fuzz test checks it after). Routes
 * that end or endanger the session or the account (`guarded`) get only the values the boundary must refuse.
 */

type Res = { status: number; location: string | null; setCookies: string[]; body: string };
type Identity = { name: string; cookie: string; csrf: string };

const base = () => new URL(baseUrl());
const agent = new http.Agent({ keepAlive: true, maxSockets: 4, localAddress: "127.0.0.2" });

function send(method: string, path: string, init: { cookie?: string; type?: string; body?: Uint8Array | string } = {}): Promise<Res> {
  const body = typeof init.body === "string" ? Buffer.from(init.body, "latin1") : init.body ? Buffer.from(init.body) : undefined;
  const headers: Record<string, string> = {};
  if (init.cookie) headers.Cookie = init.cookie;
  if (init.type) headers["Content-Type"] = init.type;
  if (body) headers["Content-Length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: base().hostname, port: base().port, method, path, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        if (size < 300_000) chunks.push(chunk);
        size += chunk.length;
      });
      response.on("end", () => {
        const setCookie = response.headers["set-cookie"] ?? [];
        resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, setCookies: setCookie, body: Buffer.concat(chunks).toString("utf8") });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/* ------------------------------------------------------------------------------------------------ */
/* The route table                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

/** Every URL pattern in app/routes.ts, optional segments expanded: "/tilbud/:offerId/steder/:placeId", "/api/hsds/services", "/api/hsds/services/:id". */
function patterns(entries: RouteConfigEntry[], prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const path = entry.path ? `${prefix}/${entry.path}`.replace(/\/+/g, "/") : prefix;
    if (entry.index || (entry.path && !entry.children?.length)) out.push(...expandOptional(path || "/"));
    if (entry.children) out.push(...patterns(entry.children, path));
  }
  return [...new Set(out)];
}

function expandOptional(pattern: string): string[] {
  const segments = pattern.split("/");
  const i = segments.findIndex((s) => s.endsWith("?"));
  if (i === -1) return [pattern];
  const without = [...segments.slice(0, i), ...segments.slice(i + 1)].join("/") || "/";
  const withIt = [...segments.slice(0, i), segments[i]!.slice(0, -1), ...segments.slice(i + 1)].join("/");
  return [...expandOptional(without), ...expandOptional(withIt)];
}

const paramNames = (pattern: string) => pattern.split("/").filter((s) => s.startsWith(":") || s === "*");

function fill(pattern: string, values: Record<string, string>): string {
  return pattern
    .split("/")
    .map((s) => (s.startsWith(":") || s === "*" ? values[s] ?? "" : s))
    .join("/");
}

function matcher(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((s) => (s.startsWith(":") ? "([^/?#]+)" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

/* ------------------------------------------------------------------------------------------------ */
/* Hostile values                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

/** The made-up instrument pack with an escaped NUL in its name: refused by the pack's own check, not the boundary. */
const madeUpPack = JSON.parse(fs.readFileSync(new URL("../fixtures/made-up-instrument.json", import.meta.url), "utf8")) as { name: Record<string, string> };
const nulPack = JSON.stringify({ ...madeUpPack, id: "fuzz-pack", name: { ...madeUpPack.name, nb: "Fuzz\u0000" } });

/** Values as they go on the wire (percent-encoded where needed); `refused` ones must get the boundary's 400. */
const values: { label: string; raw: string; refused?: boolean }[] = [
  { label: "NUL", raw: "Kari%00Nordmann", refused: true },
  { label: "C0 control", raw: "a%1B%5B31mb%07", refused: true },
  { label: "invalid UTF-8", raw: "%FF%FE", refused: true },
  { label: "encoded lone surrogate", raw: "%ED%A0%80", refused: true },
  { label: "overlong UTF-8", raw: "%C0%AF", refused: true },
  { label: "stray percent", raw: "100%25%ZZ%" },
  { label: "long", raw: "x".repeat(3000) },
  { label: "path traversal", raw: "..%2F..%2F..%2Fetc%2Fpasswd" },
  { label: "protocol-relative URL", raw: "%2F%2Fevil.example%2F" },
  { label: "backslash URL", raw: "%2F%5Cevil.example" },
  { label: "script", raw: "%3Cscript%3Ealert(1)%3C%2Fscript%3E" },
  { label: "huge number", raw: "99999999999999999999999999" },
  { label: "negative", raw: "-1" },
  { label: "float overflow", raw: "1e309" },
  { label: "empty", raw: "" },
  { label: "formula", raw: encodeURIComponent('=HYPERLINK("http://evil.example/?x","klikk")') },
  { label: "JSON with an escaped NUL", raw: encodeURIComponent(nulPack) },
];
const bodyOnly: { label: string; raw: string; refused?: boolean }[] = [{ label: "very long", raw: "y".repeat(150_000) }];
/** Path segments: as sent, so %FF and %00 reach the server as bytes the app must refuse or not find. */
const pathValues = [
  "%00",
  "%FF",
  "%ED%A0%80",
  "a%1Bb",
  "..",
  "..%2F..%2Fadmin",
  "%2F%2Fevil.example",
  "%3Cscript%3E",
  "99999999999999999999",
  "-1",
  "x".repeat(2000),
  "00000000-0000-0000-0000-000000000000",
  "%",
];
const commonQuery = ["q", "page", "redirectTo", "id", "format", "fylke", "kommune", "type", "per_page"];

const stackTrace = /\n\s+at .+\(.+:\d+:\d+\)|node_modules\/|\.server\.ts|\.tsx?:\d+:\d+/;

/* ------------------------------------------------------------------------------------------------ */

const problems: string[] = [];
let requests = 0;

/** Where the server's log ends now: pass it to `errorsLoggedSince` after the requests. */
const logEnd = () => fs.statSync(serverLog()).size;
/** Error lines (and objects logged as "[object Object]") the server wrote from `offset` (a byte offset) on. */
async function errorsLoggedSince(offset: number): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 200)); // the last lines reach the file
  const log = fs.readFileSync(serverLog()).subarray(offset).toString("utf8");
  return log.split("\n").filter((l) => /"level":"error"/.test(l) || l.includes("[object Object]"));
}
/** Where the log stood before the id discovery in beforeAll: the fuzz test checks the lines from there on. */
let discoveryLogStart = 0;

let relogins = 0;

/** Some routes end the session (POST /laas, /logg-ut): log in again, so the rest of the fuzz runs logged in. */
async function keepLoggedIn(who: Identity, res: Res) {
  if (who.name === "anonymous" || !res.setCookies.some((c) => /^(__Host-)?kp_session=;/.test(c))) return;
  relogins++;
  const fresh = await loggedIn(who.name);
  who.cookie = fresh.cookie;
  who.csrf = fresh.csrf;
}

/** A request with the identity's cookie; the identity logs in again if the response ended its session. */
async function as(who: Identity, method: string, path: string, init: { type?: string; body?: Uint8Array | string } = {}): Promise<Res> {
  const res = await send(method, path, { ...init, cookie: who.cookie });
  await keepLoggedIn(who, res);
  return res;
}

function check(what: string, res: Res) {
  requests++;
  if (res.status >= 500) problems.push(`${res.status} ${what}`);
  if (stackTrace.test(res.body)) problems.push(`stack trace in ${res.status} ${what}`);
  if (res.status >= 300 && res.status < 400 && res.location) {
    const target = new URL(res.location, baseUrl());
    if (target.origin !== base().origin) problems.push(`off-site redirect to ${res.location}: ${what}`);
  }
}

const cookieOf = (setCookies: string[]) => setCookies.map((c) => c.split(";")[0]!);
const csrfIn = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

async function anonymous(): Promise<Identity> {
  const res = await send("GET", "/logg-inn");
  return { name: "anonymous", cookie: cookieOf(res.setCookies).join("; "), csrf: csrfIn(res.body)! };
}

async function loggedIn(email: string): Promise<Identity> {
  const first = await anonymous();
  const body = new URLSearchParams({ csrf: first.csrf, email, password: demoPassword }).toString();
  const res = await send("POST", "/logg-inn", { cookie: first.cookie, type: "application/x-www-form-urlencoded", body });
  expect(res.status, `log in as ${email}`).toBe(302);
  const jar = new Map(first.cookie.split("; ").map((c) => [c.split("=")[0]!, c] as const));
  for (const c of cookieOf(res.setCookies)) jar.set(c.split("=")[0]!, c);
  const cookie = [...jar.values()].join("; ");
  const page = await send("GET", "/min-side", { cookie });
  expect(page.status, "the session works").toBe(200);
  return { name: email, cookie, csrf: csrfIn(page.body) ?? first.csrf };
}

/** Run tasks a few at a time. */
async function pool<T>(items: T[], size: number, task: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

/** Names of the form fields on a page (without the CSRF token), and whether one of its forms is multipart. */
function formFields(html: string): { fields: string[]; files: string[]; multipart: boolean } {
  const fields = new Set<string>();
  const files = new Set<string>();
  for (const m of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    if (!name || name === "csrf") continue;
    if (/\btype="file"/.test(m[0])) files.add(name);
    else fields.add(name);
  }
  return { fields: [...fields], files: [...files], multipart: /enctype="multipart\/form-data"/.test(html) };
}

const urlencoded = (fields: string[], raw: string, csrf?: string) =>
  [...(csrf ? [`csrf=${csrf}`] : []), ...fields.map((f) => `${encodeURIComponent(f)}=${raw}`)].join("&");

function percentBytes(raw: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === "%" && /^[0-9a-f]{2}$/i.test(raw.slice(i + 1, i + 3))) {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(raw[i]!, "utf8"));
  }
  return bytes;
}

function multipart(csrf: string, fields: string[], files: string[], v: { label: string; raw: string }) {
  const raw = v.raw;
  const boundary = "----kpFuzzBoundary42";
  const chunks: Buffer[] = [];
  const part = (name: string, content: Buffer, filename?: string) => {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ""}\r\n${filename ? "Content-Type: application/json\r\n" : ""}\r\n`));
    chunks.push(content, Buffer.from("\r\n"));
  };
  part("csrf", Buffer.from(csrf));
  for (const f of fields) part(f, Buffer.from(percentBytes(raw)));
  // Files carry the hostile bytes raw, and an instrument pack with an escaped NUL.
  for (const f of files) part(f, v.label === "JSON with an escaped NUL" ? Buffer.from(nulPack) : Buffer.from(percentBytes(raw)), "fuzz.json");
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

/**
 * Routes whose POST ends or endangers the logged-in session or account, or changes the demo account the
 * other specs log in as (its name on Min side): only values the boundary refuses go there.
 */
const guarded = new Set(["/logg-ut", "/laas", "/min-side", "/min-side/slett", "/min-side/passord"]);
const adminEmail = "admin@example.org";

/* ------------------------------------------------------------------------------------------------ */

const all = patterns(routeTable);
const started = Date.now();
let identities: Identity[] = [];
const real = new Map<string, Record<string, string>>();

beforeAll(async () => {
  discoveryLogStart = logEnd();
  identities = [await anonymous(), await loggedIn(adminEmail)];
  // Real ids: follow links from the pages without parameters, as the administrator, and match them to the table.
  const dynamic = all.filter((p) => p.includes(":"));
  const fixed = new Set(all.filter((p) => !p.includes(":") && !p.includes("*")));
  const queue = [...fixed];
  const seen = new Set<string>();
  const uuids = new Set<string>();
  const admin = identities[1]!;
  while (queue.length && seen.size < 80 && real.size < dynamic.length) {
    const page = queue.shift()!;
    if (seen.has(page)) continue;
    seen.add(page);
    const res = await send("GET", page, { cookie: admin.cookie });
    for (const m of res.body.matchAll(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)) uuids.add(m[0]);
    for (const m of res.body.matchAll(/href="(\/[^"?#]*)/g)) {
      const href = m[1]!;
      if (fixed.has(href)) continue; // /tilbud/kart is not an offer id
      for (const pattern of dynamic) {
        if (real.has(pattern)) continue;
        const found = matcher(pattern).exec(href);
        if (!found) continue;
        const names = paramNames(pattern);
        real.set(pattern, Object.fromEntries(names.map((n, i) => [n, found[i + 1]!])));
        queue.push(href);
      }
    }
  }
  // Routes no page links to (the HSDS API by id, a centre's check-in packs): try ids seen on the pages.
  for (const pattern of dynamic.filter((p) => !real.has(p) && paramNames(p).length === 1)) {
    for (const id of [...uuids].slice(0, 40)) {
      const name = paramNames(pattern)[0]!;
      if ((await send("GET", fill(pattern, { [name]: id }), { cookie: admin.cookie })).status === 200) {
        real.set(pattern, { [name]: id });
        break;
      }
    }
  }
}, 60_000);

afterAll(() => {
  agent.destroy();
});

describe("route-table fuzz", () => {
  it("covers every route of app/routes.ts", () => {
    expect(all.length).toBeGreaterThan(60);
    expect(all).toContain("/tilbud/:offerId/steder/:placeId");
    // Most dynamic routes got a real id from a link, so their handlers run past the id check.
    expect(real.size).toBeGreaterThan(15);
  });

  it("never answers hostile paths, queries and forms with a 5xx, a stack trace or an off-site redirect, logs no error, and leaves the demo data as it was", async () => {
    type Job = () => Promise<void>;
    const jobs: Job[] = [];
    const fallback = (name: string) => (name === "*" ? "finnes/ikke" : "00000000-0000-4000-8000-000000000000");
    for (const pattern of all) {
      const names = paramNames(pattern);
      const known = real.get(pattern) ?? Object.fromEntries(names.map((n) => [n, fallback(n)]));
      const path = fill(pattern, known);
      for (const who of identities) {
        jobs.push(async () => {
          const page = await as(who, "GET", path, {});
          check(`GET ${path} as ${who.name}`, page);
          const { fields, files, multipart: isMultipart } = formFields(page.body);
          const queryFields = [...new Set([...commonQuery, ...fields])];
          const postFields = fields.length ? fields : ["name", "intent", "id"];
          const mayPost = !(who.name !== "anonymous" && guarded.has(pattern));
          for (const v of values) {
            // Long values in two fields only: a URL over 16 KB gets Node's 431 before the app sees it.
            const inQuery = v.raw.length > 500 ? queryFields.slice(0, 2) : queryFields;
            const query = `${path}?${inQuery.map((f) => `${f}=${v.raw}`).join("&")}&${inQuery[0]}=${v.raw}`;
            const res = await as(who, "GET", query, {});
            check(`GET ${path}?…${v.label} as ${who.name}`, res);
            if (v.refused && res.status !== 400) problems.push(`GET ${path}?…${v.label} as ${who.name}: ${res.status}, not the boundary's 400`);
          }
          for (const v of [...values, ...bodyOnly]) {
            if (!mayPost && !v.refused) continue;
            // A body over 1 MB gets the server's 413 before the app sees it: very long values in a few fields only.
            const inBody = v.raw.length > 10_000 ? postFields.slice(0, 5) : postFields;
            const res = await as(who, "POST", path, { type: "application/x-www-form-urlencoded", body: urlencoded(inBody, v.raw, who.csrf) });
            check(`POST ${path} (${v.label}) as ${who.name}`, res);
            if (v.refused && res.status !== 400) problems.push(`POST ${path} (${v.label}) as ${who.name}: ${res.status}, not the boundary's 400`);
          }
          // Arrays where one value is expected, and a form without the CSRF token.
          if (mayPost) {
            const arrays = postFields.flatMap((f) => [`${f}=a`, `${f}=b`, `${f}%5B%5D=c`]).join("&");
            check(`POST ${path} (arrays) as ${who.name}`, await as(who, "POST", path, { type: "application/x-www-form-urlencoded", body: `csrf=${who.csrf}&${arrays}` }));
          }
          check(`POST ${path} (no CSRF) as ${who.name}`, await as(who, "POST", path, { type: "application/x-www-form-urlencoded", body: urlencoded(postFields, "%00") }));
          // Multipart, as the forms with file fields send it.
          if (isMultipart || files.length) {
            for (const v of values.filter((x) => x.refused || x.label === "JSON with an escaped NUL" || x.label === "long")) {
              if (!mayPost && !v.refused) continue;
              const form = multipart(who.csrf, postFields, files, v);
              const res = await as(who, "POST", path, { ...form });
              check(`POST multipart ${path} (${v.label}) as ${who.name}`, res);
              if (v.refused && res.status !== 400) problems.push(`POST multipart ${path} (${v.label}) as ${who.name}: ${res.status}, not the boundary's 400`);
            }
          }
        });
      }
      // Hostile values in each dynamic segment, the others real.
      for (const name of names) {
        for (const segment of pathValues) {
          const path = fill(pattern, { ...known, [name]: segment });
          for (const who of identities) {
            jobs.push(async () => {
              check(`GET ${path} as ${who.name}`, await as(who, "GET", path, {}));
            });
          }
          jobs.push(async () => {
            const who = identities[1]!;
            if (guarded.has(pattern)) return;
            check(`POST ${path} as ${who.name}`, await as(who, "POST", path, { type: "application/x-www-form-urlencoded", body: `csrf=${who.csrf}&name=x` }));
          });
        }
      }
    }
    // Bad bytes in static paths and in paths no route knows.
    for (const raw of ["/tilbud/%FF", "/%ED%A0%80", "/x%FF.js", "/assets/%FF.js", "/favicon%00.svg", "/%00", "/api/hsds/services/%FF", "/api/hsds/services?page=%00", "/tilbud/eksport?format=csv&q=%FF"]) {
      for (const who of identities) jobs.push(async () => check(`GET ${raw} as ${who.name}`, await as(who, "GET", raw, {})));
    }
    await pool(jobs, 4, (job) => job());

    // The logged-in session survived the fuzz (no route logged it out or broke it).
    expect((await send("GET", "/min-side", { cookie: identities[1]!.cookie })).status).toBe(200);
    const seconds = (Date.now() - started) / 1000;
    console.log(`route-table fuzz: ${all.length} routes, ${real.size} with real ids, ${requests} requests in ${seconds.toFixed(1)} s (${relogins} new log-ins after a route ended the session)`);
    const serverErrors = problems.filter((p) => /^5\d\d /.test(p));
    const others = problems.filter((p) => !/^5\d\d /.test(p));
    expect({ serverErrors: serverErrors.length, others: others.length, first: [...serverErrors, ...others].slice(0, 40) }).toEqual({ serverErrors: 0, others: 0, first: [] });

    // Bad input is the client's mistake, logged as such: no error line while the ids were found or the fuzz ran (finding 9).
    expect((await errorsLoggedSince(discoveryLogStart)).slice(0, 10)).toEqual([]);
    // The demo data is as it was: the administrator's name, the centres.
    expect((await send("GET", "/min-side", { cookie: identities[1]!.cookie })).body).toContain("Hei, Admin Demo!");
    const centres = (await send("GET", "/sentre")).body;
    for (const name of ["KBT – Kompetansesenter for brukererfaring og tjenesteutvikling", "Bikuben regionalt brukerstyrt senter"]) expect(centres).toContain(name);
  }, 240_000);

  it("answers bad bytes with a 400 page in the person's language, never a 500, and logs no error (findings 6 and 9)", async () => {
    const logStart = logEnd();
    const nynorsk = await send("GET", "/tilbud/%FF?lang=nn");
    expect(nynorsk.status).toBe(400);
    expect(nynorsk.body).toContain("Vi kunne ikkje lese det du sende");
    expect((await send("GET", "/%ED%A0%80")).status).toBe(400);
    expect((await send("GET", "/tilbud?q=%00")).body).toContain("Vi kunne ikke lese det du sendte");
    const api = await send("GET", "/api/hsds/services?page=%FF");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ status: 400 });
    // A form with a NUL, in English: refused before the route runs, so nothing reaches the database.
    const en = await send("GET", "/registrer?lang=en");
    const cookie = cookieOf(en.setCookies).join("; ");
    const body = `csrf=${csrfIn(en.body)}&name=Kari%00&email=kari.nul%40example.org&password=et-langt-passord-2026`;
    const refused = await send("POST", "/registrer", { cookie, type: "application/x-www-form-urlencoded", body });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("We could not read what you sent");
    // A POST to a page without an action is the client's mistake: 405, not an error (finding 9).
    const privacy = await send("POST", "/personvern", { cookie, type: "application/x-www-form-urlencoded", body: `csrf=${csrfIn(en.body)}` });
    expect(privacy.status).toBe(405);
    expect((await errorsLoggedSince(logStart)).slice(0, 10)).toEqual([]);
  });
});
