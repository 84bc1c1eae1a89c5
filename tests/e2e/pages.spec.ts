import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, noScriptContext, screenshot } from "./browser";
import { createImportPreview } from "./import-files";

/**
 * Every page, as the role that can see it: axe (WCAG 2.1 A/AA) reports zero violations
 * at 360 px and 1280 px, with JavaScript running and with the app's scripts blocked,
 * and the page is in the requested language.
 */
let browser: Browser;
let kbt = "";
let krafttak = "";
let importPreview = "";
let krafttakOrganization = "";
let krafttakPlace = "";
let sortId = "";
let sharedItem = "";
beforeAll(async () => {
  browser = await launch();
  const context = await newContext(browser, { js: true, width: 1280 });
  const page = await context.newPage();
  await page.goto("/sentre");
  kbt = (await page.getByRole("link", { name: /^KBT/ }).getAttribute("href")) ?? "";
  await page.goto("/tilbud?q=krafttak");
  krafttak = (await page.getByRole("link", { name: "Krafttak for sang" }).getAttribute("href")) ?? "";
  const organizations = (await (await page.request.get("/api/hsds/organizations?search=Krafttak")).json()) as { contents: { id: string }[] };
  krafttakOrganization = `/tilbud/organisasjoner/${organizations.contents[0]?.id ?? ""}`;
  await logIn(page, "admin@example.org");
  await page.goto(`${krafttak}/steder`);
  krafttakPlace = (await page.getByTestId("places").getByRole("link").first().getAttribute("href")) ?? "";
  await context.close();
  // Demo data: Deltaker Demo has a finished values sort and shares the values with Erfaring Demo.
  const toolkitIds: [string, (p: Page) => Promise<void>][] = [
    [
      "deltaker@example.org",
      async (p) => {
        await p.goto("/verktoy/verdier");
        sortId = ((await p.getByRole("link", { name: "Endre rekkefølgen" }).getAttribute("href")) ?? "").split("/")[3] ?? "";
      },
    ],
    [
      "erfaring@example.org",
      async (p) => {
        await p.goto("/delt-med-meg");
        sharedItem = (await p.getByTestId("shared-with-me").getByRole("link").first().getAttribute("href")) ?? "";
      },
    ],
  ];
  for (const [email, read] of toolkitIds) {
    const c = await newContext(browser, { js: true, width: 1280 });
    const p = await c.newPage();
    await logIn(p, email);
    await read(p);
    await c.close();
  }
  importPreview = await createImportPreview(browser);
});
afterAll(async () => {
  await browser?.close();
});

type PageCase = { name: string; path: () => string; as?: string; status?: number };
const pages: PageCase[] = [
  { name: "home", path: () => "/" },
  { name: "privacy", path: () => "/personvern" },
  { name: "accessibility", path: () => "/tilgjengelighet" },
  { name: "login", path: () => "/logg-inn" },
  { name: "signup", path: () => "/registrer" },
  { name: "forgot", path: () => "/glemt-passord" },
  { name: "reset-invalid", path: () => "/nytt-passord/ugyldig" },
  { name: "confirm-invalid", path: () => "/bekreft-e-post/ugyldig" },
  { name: "offers", path: () => "/tilbud" },
  { name: "offers-filtered", path: () => "/tilbud?q=sang&fylke=50&ingen_henvisning=" },
  { name: "offers-none", path: () => "/tilbud?q=finnesikkeiheleverden" },
  { name: "offers-bad-filter", path: () => "/tilbud?fylke=99&q=sang", status: 400 },
  { name: "offer-map", path: () => "/tilbud/kart" },
  { name: "offer-map-filtered", path: () => "/tilbud/kart?q=krafttak&fylke=50" },
  { name: "offer", path: () => krafttak },
  { name: "centres", path: () => "/sentre" },
  { name: "centre", path: () => kbt },
  { name: "invitation-invalid", path: () => "/invitasjon/ugyldig" },
  { name: "not-found", path: () => "/finnes-ikke", status: 404 },
  { name: "my-page", path: () => "/min-side", as: "deltaker@example.org" },
  { name: "change-password", path: () => "/min-side/passord", as: "deltaker@example.org" },
  { name: "delete-account", path: () => "/min-side/slett", as: "deltaker@example.org" },
  { name: "access-log", path: () => "/min-side/innsyn", as: "deltaker@example.org" },
  { name: "forbidden", path: () => "/admin", as: "deltaker@example.org", status: 403 },
  { name: "members", path: () => `${kbt}/medlemmer`, as: "koordinator@example.org" },
  { name: "edit-centre", path: () => `${kbt}/rediger`, as: "koordinator@example.org" },
  { name: "admin", path: () => "/admin", as: "admin@example.org" },
  { name: "new-centre", path: () => "/admin/sentre/ny", as: "admin@example.org" },
  { name: "outbox", path: () => "/admin/utboks", as: "admin@example.org" },
  { name: "edit-offer", path: () => `${krafttak}/rediger`, as: "admin@example.org" },
  { name: "offer-history", path: () => `${krafttak}/historikk`, as: "admin@example.org" },
  { name: "new-offer", path: () => "/tilbud/ny", as: "admin@example.org" },
  { name: "offer-places", path: () => `${krafttak}/steder`, as: "admin@example.org" },
  { name: "edit-place", path: () => krafttakPlace, as: "admin@example.org" },
  { name: "offer-times", path: () => `${krafttak}/tider`, as: "admin@example.org" },
  { name: "offer-contact", path: () => `${krafttak}/kontakt`, as: "admin@example.org" },
  { name: "unchecked-offers", path: () => "/tilbud/kontroll", as: "admin@example.org" },
  { name: "unchecked-offers-coordinator", path: () => "/tilbud/kontroll", as: "koordinator@example.org" },
  { name: "offer-import", path: () => "/tilbud/import", as: "koordinator@example.org" },
  { name: "offer-import-admin", path: () => "/tilbud/import", as: "admin@example.org" },
  { name: "offer-import-preview", path: () => importPreview, as: "koordinator@example.org" },
  { name: "organizations", path: () => "/tilbud/organisasjoner", as: "admin@example.org" },
  { name: "organizations-coordinator", path: () => "/tilbud/organisasjoner", as: "koordinator@example.org" },
  { name: "new-organization", path: () => "/tilbud/organisasjoner/ny", as: "admin@example.org" },
  { name: "new-organization-coordinator", path: () => "/tilbud/organisasjoner/ny", as: "koordinator@example.org" },
  { name: "edit-organization", path: () => krafttakOrganization, as: "admin@example.org" },
  { name: "toolkit", path: () => "/verktoy", as: "deltaker@example.org" },
  { name: "toolkit-cards", path: () => "/verktoy/kort", as: "deltaker@example.org" },
  { name: "toolkit-card", path: () => "/verktoy/kort/drommen", as: "deltaker@example.org" },
  { name: "toolkit-conversation", path: () => "/verktoy/kort/drommen/samtale?sporsmal=2", as: "deltaker@example.org" },
  { name: "toolkit-values", path: () => "/verktoy/verdier", as: "deltaker@example.org" },
  { name: "toolkit-values-sort", path: () => `/verktoy/verdier/${sortId}/sorter`, as: "deltaker@example.org" },
  { name: "toolkit-values-choose", path: () => `/verktoy/verdier/${sortId}/velg`, as: "deltaker@example.org" },
  { name: "toolkit-values-rank", path: () => `/verktoy/verdier/${sortId}/ranger`, as: "deltaker@example.org" },
  { name: "toolkit-value-reflection", path: () => "/verktoy/verdier/refleksjon", as: "deltaker@example.org" },
  { name: "toolkit-dream", path: () => "/verktoy/drommen", as: "deltaker@example.org" },
  { name: "toolkit-check-ins", path: () => "/verktoy/sjekk", as: "deltaker@example.org" },
  { name: "toolkit-check-in", path: () => "/verktoy/sjekk/knutepunkt-sjekk", as: "deltaker@example.org" },
  { name: "toolkit-stages", path: () => "/verktoy/stadier", as: "deltaker@example.org" },
  { name: "toolkit-folder", path: () => "/verktoy/mappe", as: "deltaker@example.org" },
  { name: "toolkit-sharing", path: () => "/verktoy/deling", as: "deltaker@example.org" },
  { name: "toolkit-data", path: () => "/verktoy/data", as: "deltaker@example.org" },
  { name: "toolkit-consent", path: () => "/verktoy/samtykke", as: "koordinator@example.org" },
  { name: "locked", path: () => "/laas" },
  { name: "shared-with-me", path: () => "/delt-med-meg", as: "erfaring@example.org" },
  { name: "shared-item", path: () => sharedItem, as: "erfaring@example.org" },
  { name: "centre-instruments", path: () => `${kbt}/sjekker`, as: "koordinator@example.org" },
];

const sessions = new Map<string, BrowserContext>();
async function contextFor(as: string | undefined, width: number, js: boolean): Promise<BrowserContext> {
  const key = `${as ?? "visitor"}-${width}-${js}`;
  const existing = sessions.get(key);
  if (existing) return existing;
  const context = js ? await newContext(browser, { js: true, width }) : await noScriptContext(browser, width);
  if (as) {
    const page = await context.newPage();
    await logIn(page, as);
    await page.close();
  }
  sessions.set(key, context);
  return context;
}

async function visit(context: BrowserContext, path: string, expectedStatus: number): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(expectedStatus);
  return page;
}

/** The toolkit's pages are checked in every language on the phone too (issue 4). */
const toolkitPage = (name: string) => /^(toolkit|shared|locked|centre-instruments)/.test(name);
/** Pages that load no JavaScript at all: with scripts blocked they are the same page, so one run covers both. */
const serverOnly = (name: string) => /^(toolkit|shared|locked)/.test(name);

for (const width of [360, 1280]) {
  for (const js of [true, false]) {
    describe(`every page at ${width} px, JavaScript ${js ? "on" : "off"}`, () => {
      for (const p of pages.filter((page) => js || !serverOnly(page.name))) {
        it(`${p.name}: no axe violations`, async () => {
          const page = await visit(await contextFor(p.as, width, js), p.path(), p.status ?? 200);
          expect(await page.locator("html").getAttribute("lang")).toBe("nb");
          expect(await page.locator("h1").count()).toBe(1);
          await expectNoAxeViolations(page, `${p.name} ${width}px js=${js}`);
          await screenshot(page, `${p.name}-${width}-${js ? "js" : "nojs"}-nb`);
          await page.close();
        });
      }
    });
  }
}

for (const lang of ["nn", "en"] as const) {
  describe(`every page in ${lang}`, () => {
    for (const p of pages.flatMap((page) => (toolkitPage(page.name) ? [360, 1280] : [1280]).map((width) => ({ ...page, width })))) {
      it(`${p.name} in ${lang} at ${p.width} px: html lang and no axe violations`, async () => {
        const context = await contextFor(p.as, p.width, true);
        const path = p.path();
        const page = await visit(context, `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`, p.status ?? 200);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        await expectNoAxeViolations(page, `${p.name} ${lang} ${p.width}px`);
        await screenshot(page, `${p.name}-${p.width}-js-${lang}`);
        await page.close();
        // Back to bokmål for the other tests sharing this context.
        const reset = await context.newPage();
        await reset.goto("/?lang=nb");
        await reset.close();
      });
    }
  });
}

describe("error pages", () => {
  it("answers an unknown language code with a clear 400 page, in the language the person had", async () => {
    const context = await noScriptContext(browser, 360);
    const page = await context.newPage();
    await page.goto("/?lang=en");
    const response = await page.goto("/?lang=xx");
    expect(response?.status()).toBe(400);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("We do not know that language");
    await expectNoAxeViolations(page, "unknown language");
    await context.close();
  });
});
