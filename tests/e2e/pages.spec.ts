import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { translate, type Lang, type MessageKey } from "~/i18n/i18n";
import "~/modules/toolkit/i18n/register";
import "~/modules/evaluations/i18n/register";
import { axeRuns, expectNoAxeViolations, launch, loggedInState, logIn, newContext, screenshot } from "./browser";
import { createImportPreview } from "./import-files";

/**
 * Every page, as the role that can see it. Each visit must land on the URL it asked for (no redirect to
 * the log-in page or elsewhere), with the expected status, `<html lang>` in the requested language, and
 * exactly one h1 with that page's own heading in that language. axe (WCAG 2.0/2.1 A and AA) then reports
 * zero violations. Which language, width and JavaScript setting each page runs in: see `runsFor`.
 */
let browser: Browser;
const ids = { kbt: "", krafttak: "", importPreview: "", krafttakOrganization: "", krafttakPlace: "", sortId: "", sharedItem: "", publicReport: "" };

/** An attribute that must be there and match: a failed look-up fails the test instead of testing another page. */
async function href(link: Locator, pattern: RegExp, what: string): Promise<string> {
  const value = await link.getAttribute("href", { timeout: 10_000 });
  expect(value, what).toMatch(pattern);
  return value!;
}
const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** The evaluated service of the demo's finished evaluation, whose final report is public. */
const demoReportService = "DPS Fjordbyen, poliklinikk";

beforeAll(async () => {
  browser = await launch();
  const context = await newContext(browser, { js: false, width: 1280 });
  const page = await context.newPage();
  await page.goto("/sentre");
  ids.kbt = await href(page.getByRole("link", { name: /^KBT/ }), new RegExp(`^/sentre/${uuid}$`), "KBT's page");
  await page.goto("/tilbud?q=krafttak");
  ids.krafttak = await href(page.getByRole("link", { name: "Krafttak for sang" }), new RegExp(`^/tilbud/${uuid}$`), "Krafttak for sang");
  const organizations = (await (await page.request.get("/api/hsds/organizations?search=Krafttak")).json()) as { contents: { id: string; name: string }[] };
  const organization = organizations.contents.find((o) => o.name === "Krafttak for sang");
  expect(organization?.id, "the organisation Krafttak for sang").toMatch(new RegExp(`^${uuid}$`));
  ids.krafttakOrganization = `/tilbud/organisasjoner/${organization!.id}`;
  // The demo's finished evaluation has a final report published for everyone.
  await page.goto("/evalueringer/rapporter");
  ids.publicReport = await href(page.getByRole("link", { name: `Sluttrapport: ${demoReportService}` }), new RegExp(`^/evalueringer/rapporter/${uuid}$`), "the public report");
  await logIn(page, "admin@example.org");
  await page.goto(`${ids.krafttak}/steder`);
  ids.krafttakPlace = await href(page.getByTestId("places").getByRole("link").first(), new RegExp(`^${ids.krafttak}/steder/${uuid}$`), "a place of Krafttak for sang");
  await context.close();
  // Demo data: Deltaker Demo has a finished values sort and shares the values with Erfaring Demo.
  const toolkitIds: [string, (p: Page) => Promise<void>][] = [
    [
      "deltaker@example.org",
      async (p) => {
        await p.goto("/verktoy/verdier");
        const sort = await href(p.getByRole("link", { name: "Endre rekkefølgen" }), new RegExp(`^/verktoy/verdier/${uuid}/`), "the values sort");
        ids.sortId = sort.split("/")[3]!;
      },
    ],
    [
      "erfaring@example.org",
      async (p) => {
        await p.goto("/delt-med-meg");
        ids.sharedItem = await href(p.getByTestId("shared-with-me").getByRole("link").first(), new RegExp(`^/delt-med-meg/${uuid}$`), "the shared item");
      },
    ],
  ];
  for (const [email, read] of toolkitIds) {
    const c = await newContext(browser, { js: false, width: 1280 });
    const p = await c.newPage();
    await logIn(p, email);
    await read(p);
    await c.close();
  }
  ids.importPreview = await createImportPreview(browser);
  expect(ids.importPreview).toMatch(new RegExp(`^/tilbud/import/${uuid}$`));
});
afterAll(async () => {
  await browser?.close();
});

type Heading = (lang: Lang) => string;
/** The heading from the app's own catalogue, in each language. */
const key =
  (k: string): Heading =>
  (lang) =>
    translate(lang, k as MessageKey);
/** A heading that is data (an offer's or a centre's name): the same in every language. */
const text =
  (t: string): Heading =>
  () =>
    t;
const texts =
  (t: Record<Lang, string>): Heading =>
  (lang) =>
    t[lang];

type PageCase = {
  name: string;
  /** The URL to visit, which is also the URL the visit must end on. */
  path: () => string;
  h1: Heading;
  as?: string;
  status?: number;
  /** A test id only this page shows, when its heading is another page's too. */
  marker?: string;
};
const deltaker = "deltaker@example.org";
const koordinator = "koordinator@example.org";
const admin = "admin@example.org";
const pages: PageCase[] = [
  { name: "home", path: () => "/", h1: key("home.heading") },
  {
    name: "privacy",
    path: () => "/personvern",
    h1: texts({ nb: "Personvernerklæring", nn: "Personvernerklæring", en: "Privacy statement" }),
  },
  {
    name: "accessibility",
    path: () => "/tilgjengelighet",
    h1: texts({ nb: "Tilgjengelighetserklæring", nn: "Tilgjengelegheitserklæring", en: "Accessibility statement" }),
  },
  { name: "login", path: () => "/logg-inn", h1: key("login.title") },
  { name: "signup", path: () => "/registrer", h1: key("signup.title") },
  { name: "forgot", path: () => "/glemt-passord", h1: key("forgot.title") },
  { name: "reset-invalid", path: () => "/nytt-passord/ugyldig", h1: key("reset.invalid_title") },
  { name: "confirm-invalid", path: () => "/bekreft-e-post/ugyldig", h1: key("confirm.invalid_title") },
  { name: "offers", path: () => "/tilbud", h1: key("offers.title"), marker: "offer" },
  { name: "offers-filtered", path: () => "/tilbud?q=sang&fylke=50&ingen_henvisning=", h1: key("offers.title"), marker: "offer" },
  { name: "offers-none", path: () => "/tilbud?q=finnesikkeiheleverden", h1: key("offers.title") },
  { name: "offers-bad-filter", path: () => "/tilbud?fylke=99&q=sang", status: 400, h1: key("offers.title"), marker: "error-summary" },
  { name: "offer-map", path: () => "/tilbud/kart", h1: key("offers.map.title"), marker: "map-places" },
  { name: "offer-map-filtered", path: () => "/tilbud/kart?q=krafttak&fylke=50", h1: key("offers.map.title"), marker: "map-places" },
  { name: "offer", path: () => ids.krafttak, h1: text("Krafttak for sang") },
  { name: "centres", path: () => "/sentre", h1: key("centres.title") },
  { name: "centre", path: () => ids.kbt, h1: text("KBT – Kompetansesenter for brukererfaring og tjenesteutvikling") },
  { name: "invitation-invalid", path: () => "/invitasjon/ugyldig", h1: key("invite.invalid_title") },
  { name: "not-found", path: () => "/finnes-ikke", status: 404, h1: key("error_page.404.title") },
  { name: "my-page", path: () => "/min-side", as: deltaker, h1: key("my.title") },
  { name: "change-password", path: () => "/min-side/passord", as: deltaker, h1: key("password.title") },
  { name: "delete-account", path: () => "/min-side/slett", as: deltaker, h1: key("delete.title") },
  { name: "access-log", path: () => "/min-side/innsyn", as: deltaker, h1: key("access.title"), marker: "access-log" },
  { name: "forbidden", path: () => "/admin", as: deltaker, status: 403, h1: key("error_page.403.title") },
  { name: "members", path: () => `${ids.kbt}/medlemmer`, as: koordinator, h1: key("members.title"), marker: "member" },
  { name: "edit-centre", path: () => `${ids.kbt}/rediger`, as: koordinator, h1: key("centre.edit_title") },
  { name: "admin", path: () => "/admin", as: admin, h1: key("admin.title") },
  { name: "new-centre", path: () => "/admin/sentre/ny", as: admin, h1: key("centre.new_title") },
  { name: "outbox", path: () => "/admin/utboks", as: admin, h1: key("outbox.title") },
  { name: "edit-offer", path: () => `${ids.krafttak}/rediger`, as: admin, h1: key("offers.edit.title") },
  { name: "offer-history", path: () => `${ids.krafttak}/historikk`, as: admin, h1: key("offers.history.title") },
  { name: "new-offer", path: () => "/tilbud/ny", as: admin, h1: key("offers.new.title") },
  { name: "offer-places", path: () => `${ids.krafttak}/steder`, as: admin, h1: key("offers.place.title"), marker: "places" },
  { name: "edit-place", path: () => ids.krafttakPlace, as: admin, h1: key("offers.place.edit") },
  { name: "offer-times", path: () => `${ids.krafttak}/tider`, as: admin, h1: key("offers.schedule.title") },
  { name: "offer-contact", path: () => `${ids.krafttak}/kontakt`, as: admin, h1: key("offers.contact.title") },
  { name: "unchecked-offers", path: () => "/tilbud/kontroll", as: admin, h1: key("offers.unchecked.title") },
  { name: "unchecked-offers-coordinator", path: () => "/tilbud/kontroll", as: koordinator, h1: key("offers.unchecked.title") },
  { name: "centre-offers", path: () => "/tilbud/mine", as: koordinator, h1: key("offers.mine.title"), marker: "centre-offers-views" },
  { name: "centre-offers-admin", path: () => "/tilbud/mine", as: admin, h1: key("offers.mine.title"), marker: "centre-offer" },
  { name: "archive-offer-question", path: () => `${ids.krafttak}/rediger?arkiver=1`, as: admin, h1: (lang) => translate(lang, "offers.edit.archive_confirm_title", { name: "Krafttak for sang" }) },
  { name: "offer-import", path: () => "/tilbud/import", as: koordinator, h1: key("offers.import.title") },
  { name: "offer-import-admin", path: () => "/tilbud/import", as: admin, h1: key("offers.import.title") },
  { name: "offer-import-preview", path: () => ids.importPreview, as: koordinator, h1: key("offers.import.preview.title") },
  { name: "organizations", path: () => "/tilbud/organisasjoner", as: admin, h1: key("offers.org.list_title"), marker: "organization" },
  { name: "organizations-coordinator", path: () => "/tilbud/organisasjoner", as: koordinator, h1: key("offers.org.list_title") },
  { name: "new-organization", path: () => "/tilbud/organisasjoner/ny", as: admin, h1: key("offers.org.new_title") },
  { name: "new-organization-coordinator", path: () => "/tilbud/organisasjoner/ny", as: koordinator, h1: key("offers.org.new_title") },
  { name: "edit-organization", path: () => ids.krafttakOrganization, as: admin, h1: key("offers.org.edit_title") },
  { name: "toolkit", path: () => "/verktoy", as: deltaker, h1: key("toolkit.title") },
  { name: "toolkit-cards", path: () => "/verktoy/kort", as: deltaker, h1: key("toolkit.cards.title") },
  { name: "toolkit-card", path: () => "/verktoy/kort/drommen", as: deltaker, h1: texts({ nb: "Drømmen", nn: "Draumen", en: "The dream" }) },
  {
    name: "toolkit-conversation",
    path: () => "/verktoy/kort/drommen/samtale?sporsmal=2",
    as: deltaker,
    h1: texts({
      nb: "Hvordan ser en god dag i livet ditt ut om noen år?",
      nn: "Korleis ser ein god dag i livet ditt ut om nokre år?",
      en: "What does a good day in your life look like a few years from now?",
    }),
  },
  { name: "toolkit-values", path: () => "/verktoy/verdier", as: deltaker, h1: key("toolkit.values.title") },
  { name: "toolkit-values-sort", path: () => `/verktoy/verdier/${ids.sortId}/sorter`, as: deltaker, h1: key("toolkit.values.sort_title") },
  { name: "toolkit-values-choose", path: () => `/verktoy/verdier/${ids.sortId}/velg`, as: deltaker, h1: key("toolkit.values.choose_title") },
  { name: "toolkit-values-rank", path: () => `/verktoy/verdier/${ids.sortId}/ranger`, as: deltaker, h1: key("toolkit.values.rank_title") },
  { name: "toolkit-value-reflection", path: () => "/verktoy/verdier/refleksjon", as: deltaker, h1: key("toolkit.reflection.title") },
  { name: "toolkit-dream", path: () => "/verktoy/drommen", as: deltaker, h1: key("toolkit.dream.title") },
  { name: "toolkit-check-ins", path: () => "/verktoy/sjekk", as: deltaker, h1: key("toolkit.checkin.title") },
  { name: "toolkit-check-in", path: () => "/verktoy/sjekk/knutepunkt-sjekk", as: deltaker, h1: texts({ nb: "Min sjekk", nn: "Min sjekk", en: "My check-in" }) },
  { name: "toolkit-stages", path: () => "/verktoy/stadier", as: deltaker, h1: key("toolkit.stages.title") },
  { name: "toolkit-folder", path: () => "/verktoy/mappe", as: deltaker, h1: key("toolkit.folder.title") },
  { name: "toolkit-sharing", path: () => "/verktoy/deling", as: deltaker, h1: key("toolkit.sharing.title") },
  { name: "toolkit-data", path: () => "/verktoy/data", as: deltaker, h1: key("toolkit.data.title") },
  { name: "toolkit-consent", path: () => "/verktoy/samtykke", as: koordinator, h1: key("toolkit.consent.title") },
  { name: "locked", path: () => "/laas", h1: key("toolkit.lock.title") },
  { name: "shared-with-me", path: () => "/delt-med-meg", as: "erfaring@example.org", h1: key("toolkit.shared.title"), marker: "shared-with-me" },
  {
    name: "shared-item",
    path: () => ids.sharedItem,
    as: "erfaring@example.org",
    h1: (lang) => translate(lang, "toolkit.shared.heading" as MessageKey, { item: translate(lang, "toolkit.item.values" as MessageKey), name: "Deltaker Demo" }),
  },
  { name: "centre-instruments", path: () => `${ids.kbt}/sjekker`, as: koordinator, h1: key("toolkit.packs.title") },
  { name: "public-reports", path: () => "/evalueringer/rapporter", h1: key("evaluations.public_reports.title"), marker: "public-reports" },
  { name: "public-report", path: () => ids.publicReport, h1: (lang) => `${translate(lang, "evaluations.report.title.final" as MessageKey)}: ${demoReportService}` },
];

/**
 * Pages rendered on the server only (handle.hydrate = false): they load no script file, so with
 * JavaScript on and off they are the same HTML (the test checks that they load none). Every visitor and
 * participant page is one (issue 12, item 5; ADR 0022): add a new one here. Hydrated are only the map
 * and the staff tools (offers, import, organisations, members, admin) and the 403 page they give.
 */
const visitorPages = new Set([
  "home",
  "privacy",
  "accessibility",
  "login",
  "signup",
  "forgot",
  "reset-invalid",
  "confirm-invalid",
  "offers",
  "offers-filtered",
  "offers-none",
  "offers-bad-filter",
  "offer",
  "centres",
  "centre",
  "invitation-invalid",
  "not-found",
  "my-page",
  "change-password",
  "delete-account",
  "access-log",
  "public-reports",
  "public-report",
]);
const serverOnly = (name: string) => visitorPages.has(name) || /^(toolkit|shared|locked)/.test(name);

type Run = { lang: Lang; width: number; js: boolean };
const languages = ["nb", "nn", "en"] as const satisfies readonly Lang[];
/** The four visits of every page: each width once with JavaScript off and once on. */
const slots = [
  { width: 360, js: false },
  { width: 1280, js: true },
  { width: 360, js: true },
  { width: 1280, js: false },
] as const;
/**
 * Four visits per page, hydrated or server-only alike: at 360 px and at 1280 px, each once with JavaScript off
 * and once on, so every page meets both widths with both settings. The languages go round over the four
 * visits (page i: language i, i+1, i+2, i, in the order of `slots`), so every page is seen in nb, nn and en,
 * and, over the pages, every language meets every width and setting (the first test checks this).
 * Server-only pages give the same HTML with JavaScript on and off (checked: they load no script), but axe
 * runs in the page itself with it on and on the re-rendered HTML (<noscript> shown) with it off.
 */
function runsFor(name: string): Run[] {
  const i = pages.findIndex((p) => p.name === name);
  return slots.map((slot, k) => ({ lang: languages[(i + k) % languages.length]!, ...slot }));
}

/**
 * Each account's log-in, made once for this file in a context of its own (browser.ts, loggedInState). Every
 * test opens a fresh context with those cookies and closes it: no test runs in a context another test used.
 * A log-in that failed is tried again by the next test that needs it.
 */
const states = new Map<string, ReturnType<typeof loggedInState>>();
function stateFor(email: string) {
  let state = states.get(email);
  if (!state) {
    state = loggedInState(browser, email);
    states.set(email, state);
    state.catch(() => states.delete(email));
  }
  return state;
}

/** A fresh context for one visit: the run's width and JavaScript setting, logged in as the page's role. */
async function contextFor(p: PageCase, run: Run): Promise<BrowserContext> {
  return newContext(browser, { js: run.js, width: run.width }, p.as ? await stateFor(p.as) : undefined);
}

/** The URL with ?lang= (every visit names its language, so a context's remembered choice never matters). */
const withLang = (path: string, lang: Lang) => `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;

async function visit(context: BrowserContext, p: PageCase, run: Run): Promise<Page> {
  const page = await context.newPage();
  // Every script file the page asks for (a <script src>, a module it imports, a modulepreload), whatever starts it.
  const scriptFiles: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scriptFiles.push(new URL(request.url()).pathname);
  });
  const url = withLang(p.path(), run.lang);
  const response = await page.goto(url);
  const landed = new URL(page.url());
  expect(landed.pathname + landed.search, `${p.name}: the URL it landed on`).toBe(url);
  expect(response?.status(), url).toBe(p.status ?? 200);
  expect(await page.locator("html").getAttribute("lang"), `${p.name}: html lang`).toBe(run.lang);
  expect((await page.locator("h1").allTextContents()).map((t) => t.trim()), `${p.name}: its one h1`).toEqual([p.h1(run.lang)]);
  if (p.marker) expect(await page.getByTestId(p.marker).count(), `${p.name}: ${p.marker}`).toBeGreaterThan(0);
  if (serverOnly(p.name)) {
    await page.waitForLoadState("load");
    expect(await page.locator("script[src], script[type=module], link[rel=modulepreload]").count(), `${p.name}: no script elements`).toBe(0);
    expect(scriptFiles, `${p.name}: no script files loaded`).toEqual([]);
  } else if (!run.js) {
    // JavaScript is really off: React Router never started.
    expect(await page.evaluate(() => "__reactRouterDataRouter" in window), `${p.name}: no React Router`).toBe(false);
  }
  return page;
}

describe("the visits", () => {
  it("see every page in nb, nn and en, at 360 and 1280 px each with JavaScript off and on; over the pages, every combination", () => {
    expect(new Set(pages.map((p) => p.name)).size, "page names are unique").toBe(pages.length);
    const key = (r: Run) => `${r.lang} ${r.width} ${r.js ? "on" : "off"}`;
    for (const p of pages) {
      const runs = runsFor(p.name);
      expect(new Set(runs.map((r) => r.lang)), p.name).toEqual(new Set(languages));
      expect(new Set(runs.map((r) => `${r.width} ${r.js}`)), p.name).toEqual(new Set(["360 false", "360 true", "1280 false", "1280 true"]));
    }
    const all = languages.flatMap((lang) => [360, 1280].flatMap((width) => [false, true].map((js) => key({ lang, width, js }))));
    for (const kind of [true, false]) {
      const seen = new Set(pages.filter((p) => serverOnly(p.name) === kind).flatMap((p) => runsFor(p.name).map(key)));
      expect([...seen].sort(), kind ? "server-only pages" : "hydrated pages").toEqual([...all].sort());
    }
  });
});

for (const run of [
  { lang: "nb", width: 360, js: true },
  { lang: "nb", width: 360, js: false },
  { lang: "nb", width: 1280, js: true },
  { lang: "nb", width: 1280, js: false },
  { lang: "nn", width: 360, js: true },
  { lang: "nn", width: 360, js: false },
  { lang: "nn", width: 1280, js: true },
  { lang: "nn", width: 1280, js: false },
  { lang: "en", width: 360, js: true },
  { lang: "en", width: 360, js: false },
  { lang: "en", width: 1280, js: true },
  { lang: "en", width: 1280, js: false },
] satisfies Run[]) {
  const here = pages.filter((p) => runsFor(p.name).some((r) => r.lang === run.lang && r.width === run.width && r.js === run.js));
  if (here.length === 0) continue;
  describe(`every page in ${run.lang} at ${run.width} px, JavaScript ${run.js ? "on" : "off"}`, () => {
    for (const p of here) {
      it(`${p.name}: the page itself, and no axe violations`, async () => {
        const context = await contextFor(p, run);
        try {
          const page = await visit(context, p, run);
          const before = axeRuns.jsOn + axeRuns.jsOff;
          const beforeOff = axeRuns.jsOff;
          await expectNoAxeViolations(page, `${p.name} ${run.lang} ${run.width}px js=${run.js}`);
          expect(axeRuns.jsOn + axeRuns.jsOff, "axe ran once").toBe(before + 1);
          expect(axeRuns.jsOff - beforeOff, "axe ran on the JavaScript-off HTML").toBe(run.js ? 0 : 1);
          await screenshot(page, `${p.name}-${run.width}-${run.js ? "js" : "nojs"}-${run.lang}`);
        } finally {
          await context.close();
        }
      });
    }
  });
}

describe("error pages", () => {
  it("answers an unknown language code with a clear 400 page, in the language the person had", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
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
