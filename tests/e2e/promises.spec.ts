import { describe, expect, it } from "vitest";
import type { RouteConfigEntry } from "@react-router/dev/routes";
import routeTable from "../../app/routes";
import { baseUrl, demoPassword } from "./browser";
import { Client } from "./own-server";

/**
 * Promises of the README, docs/architecture.md (Security) and the privacy statement, checked over plain
 * HTTP against the shared e2e server (docs/security.md names each test).
 */

async function loggedIn(email: string): Promise<Client> {
  const c = new Client(baseUrl());
  const res = await c.post("/logg-inn", { email, password: demoPassword });
  expect(res.status, `log-in ${email}`).toBe(302);
  return c;
}

/** Every URL pattern of app/routes.ts (as tests/e2e/fuzz.spec.ts reads it), optional segments expanded. */
function patterns(entries: RouteConfigEntry[], prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of entries) {
    const path = entry.path ? `${prefix}/${entry.path}`.replace(/\/+/g, "/") : prefix;
    if (entry.index || (entry.path && !entry.children?.length)) {
      const p = path || "/";
      out.push(p.replace(/\/:[^/]+\?$/, "") || "/", p.replace(/\?$/, ""));
    }
    if (entry.children) out.push(...patterns(entry.children, path));
  }
  return [...new Set(out)];
}

describe("access: only administrators read the outbox", () => {
  it("answers every non-administrator with 403 on /admin/utboks and /admin, an anonymous visitor with the log-in page", async () => {
    for (const email of ["deltaker@example.org", "erfaring@example.org", "koordinator@example.org", "intervjuer@example.org", "tjeneste@example.org"]) {
      const c = await loggedIn(email);
      for (const pathname of ["/admin/utboks", "/admin"]) {
        const res = await c.get(pathname);
        expect(res.status, `${email} ${pathname}`).toBe(403);
        const html = await res.text();
        expect(html, `${email} ${pathname}`).not.toContain("/nytt-passord/");
        expect(html).not.toContain("noreply@");
      }
    }
    const anonymous = await fetch(`${baseUrl()}/admin/utboks`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/logg-inn?redirectTo=%2Fadmin%2Futboks");
    const admin = await loggedIn("admin@example.org");
    const page = await admin.get("/admin/utboks");
    expect(page.status).toBe(200);
  });
});

describe("a shared computer: no logged-in page is ever stored (Cache-Control: private, no-store)", () => {
  it("sends private, no-store on every route of app/routes.ts for a participant, a coordinator and an administrator", async () => {
    const admin = await loggedIn("admin@example.org");
    // Real ids for the routes' parameters.
    const kbt = /href="\/sentre\/([0-9a-f-]{36})"[^>]*>[^<]*KBT/.exec(await (await admin.get("/sentre")).text())?.[1];
    const offerId = /href="\/tilbud\/([0-9a-f-]{36})"/.exec(await (await admin.get("/tilbud")).text())?.[1];
    const placeId = new RegExp(`href="/tilbud/${offerId}/steder/([0-9a-f-]{36})"`).exec(await (await admin.get(`/tilbud/${offerId}/steder`)).text())?.[1];
    const organizationId = /href="\/tilbud\/organisasjoner\/([0-9a-f-]{36})"/.exec(await (await admin.get("/tilbud/organisasjoner")).text())?.[1];
    const participant = await loggedIn("deltaker@example.org");
    const packId = /href="\/verktoy\/sjekk\/([^"/?]+)"/.exec(await (await participant.get("/verktoy/sjekk")).text())?.[1];
    const values: Record<string, string | undefined> = {
      ":centreId": kbt,
      ":offerId": offerId,
      ":placeId": placeId,
      ":organizationId": organizationId,
      ":cardId": "ansvar",
      ":packId": packId,
      // Ids that do not exist still answer a logged-in person (a 404 page): it must not be stored either.
      ":sortId": "00000000-0000-4000-8000-000000000000",
      ":importId": "00000000-0000-4000-8000-000000000000",
      ":shareId": "00000000-0000-4000-8000-000000000000",
      ":token": "ikke-en-gyldig-lenke-0000000000000000",
      "*": "finnes/ikke",
    };
    for (const [k, v] of Object.entries(values)) expect(v, k).toBeTruthy();
    // The public API sets no cookies and reads no session (checked below); /logg-ut is POST only.
    const pages = patterns(routeTable)
      .filter((p) => !p.startsWith("/api/") && p !== "/api")
      .map((p) =>
        p
          .split("/")
          .map((s) => (s.startsWith(":") || s === "*" ? values[s]! : s))
          .join("/"),
      );
    expect(pages.length).toBeGreaterThan(50);
    // A client-side navigation's data request as well.
    pages.push("/min-side.data", "/verktoy/mappe/pdf", "/verktoy/eksport");
    const coordinator = await loggedIn("koordinator@example.org");
    for (const [who, c] of [
      ["participant", participant],
      ["coordinator", coordinator],
      ["administrator", admin],
    ] as const) {
      for (const pathname of pages) {
        const res = await c.get(pathname);
        await res.arrayBuffer();
        expect(res.headers.get("cache-control"), `${who} ${pathname} (${res.status})`).toBe("private, no-store");
      }
      // Still logged in after the round (no page above logged the person out).
      expect((await c.get("/min-side")).status, who).toBe(200);
    }
  });
});

describe("headers on every kind of response", () => {
  it("sends a CSP with frame-ancestors 'none' and form-action 'self', Referrer-Policy and Permissions-Policy", async () => {
    const participant = await loggedIn("deltaker@example.org");
    const responses: [string, Response][] = [
      ["/", await fetch(`${baseUrl()}/`)],
      ["/tilbud", await fetch(`${baseUrl()}/tilbud?q=kor`)],
      ["/logg-inn", await fetch(`${baseUrl()}/logg-inn`)],
      ["404", await fetch(`${baseUrl()}/finnes/ikke`)],
      ["/verktoy (toolkit, logged in)", await participant.get("/verktoy")],
      ["/admin (403)", await participant.get("/admin")],
    ];
    for (const [name, res] of responses) {
      const csp = (res.headers.get("content-security-policy") ?? "").split(";").map((d) => d.trim());
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).toContain("form-action 'self'");
      expect(csp, name).toContain("base-uri 'none'");
      expect(csp, name).toContain("object-src 'none'");
      expect(csp, name).toContain("default-src 'self'");
      expect(csp.find((d) => d.startsWith("script-src")), name).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+'$/);
    }
    // The server-wide headers, also on the health check, files and the API.
    const more: [string, Response][] = [
      ["/healthz", await fetch(`${baseUrl()}/healthz`)],
      ["/favicon.ico", await fetch(`${baseUrl()}/favicon.ico`)],
      ["/api/hsds/services", await fetch(`${baseUrl()}/api/hsds/services`)],
    ];
    for (const [name, res] of [...responses, ...more]) {
      expect(res.headers.get("referrer-policy"), name).toBe("same-origin");
      expect(res.headers.get("permissions-policy"), name).toBe("camera=(), microphone=(), geolocation=(), interest-cohort=()");
      expect(res.headers.get("x-frame-options"), name).toBe("DENY");
      expect(res.headers.get("x-content-type-options"), name).toBe("nosniff");
      // Without COOKIE_SECURE (this server): no HSTS. configured-servers.spec.ts checks it with.
      expect(res.headers.get("strict-transport-security"), name).toBeNull();
    }
  });
});

describe("the open HSDS API", () => {
  it("sets no cookies and ignores a session, on every endpoint, with or without ?lang=", async () => {
    const participant = await loggedIn("deltaker@example.org");
    const list = (await (await fetch(`${baseUrl()}/api/hsds/services?per_page=1`)).json()) as { contents: { id: string }[] };
    const id = list.contents[0]!.id;
    const endpoints = [
      "/api/hsds",
      "/api/hsds/profile",
      "/api/hsds/openapi.json",
      "/api/hsds/services",
      `/api/hsds/services/${id}`,
      "/api/hsds/organizations",
      "/api/hsds/service_at_locations",
      "/api/hsds/taxonomies",
      "/api/hsds/taxonomy_terms",
      "/api/hsds/services?lang=en",
      "/api/hsds/services/ikke-en-id",
    ];
    for (const pathname of endpoints) {
      for (const [who, headers] of [
        ["anonymous", {}],
        ["logged in", { Cookie: participant.cookieHeader() }],
      ] as const) {
        const res = await fetch(`${baseUrl()}${pathname}`, { headers });
        await res.arrayBuffer();
        expect(res.status, `${who} ${pathname}`).toBeLessThan(500);
        expect(res.headers.getSetCookie(), `${who} ${pathname}`).toEqual([]);
        expect(res.headers.get("access-control-allow-origin"), pathname).toBe("*");
      }
    }
  });
});
