import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Response } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { expect } from "vitest";
import { fileServer } from "./file-server";

/** This spec file's own server (file-setup.ts starts one per file, on a fresh copy of the seeded database). */
export const baseUrl = () => fileServer().url;
/** Its DATA_DIR: mail without SMTP is written to its outbox folder (ADR 0016). */
export const dataDir = () => fileServer().dataDir;
/** Its stdout and stderr (JSON log lines), appended as they come. */
export const serverLog = () => fileServer().log;
export const demoPassword = "demo-passord-2026";

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export type Mode = { js: boolean; width: number };
/** Cookies (a log-in) to start a context with: Playwright's storage state, e.g. from `loggedInState`. */
type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Contexts with JavaScript disabled (the browser's own switch): forms do full page loads. */
const jsOff = new WeakSet<BrowserContext>();

/** A fresh browser context: phone (360) or desktop (1280), with or without JavaScript. */
export async function newContext(browser: Browser, { js, width }: Mode, storageState?: StorageState): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: js,
    viewport: { width, height: width < 600 ? 740 : 900 },
    locale: "nb-NO",
    storageState,
  });
  if (!js) jsOff.add(context);
  return context;
}

const isJsOff = (page: Page) => jsOff.has(page.context());

/** Whether this page runs React Router in the browser (the toolkit's pages and JavaScript-off pages do not). */
async function hasReactRouter(page: Page): Promise<boolean> {
  if (isJsOff(page)) return false;
  return page.evaluate(() => "__reactRouterContext" in window);
}

/** React Router in the page: created on hydration, initialised, and idle. The app's own pages also
 * show it on <html data-navigation> (root.tsx); the error page (data-status) renders without App. */
const routerIdle = () => {
  const router = (window as unknown as { __reactRouterDataRouter?: { state: { initialized: boolean; navigation: { state: string } } } }).__reactRouterDataRouter;
  if (!router?.state.initialized || router.state.navigation.state !== "idle") return false;
  return document.documentElement.dataset.navigation === "idle" || document.querySelector("[data-status]") !== null;
};

/** Wait until React Router has hydrated the page and is idle (no-op for pages without it). */
async function hydrated(page: Page) {
  if (!(await hasReactRouter(page))) return;
  await page.waitForFunction(routerIdle);
}

/** The request a submit button sends: its form's method and action, with the button's own overrides. */
async function formRequest(button: Locator) {
  return button.evaluate((element) => {
    const b = element as HTMLButtonElement | HTMLInputElement;
    const form = b.form;
    if (!form) throw new Error("submit(): the button is not in a form");
    const method = (b.getAttribute("formmethod") ?? form.getAttribute("method") ?? "get").toUpperCase();
    const action = b.getAttribute("formaction") !== null ? b.formAction : form.action;
    return { method, action: new URL(action, document.baseURI).href };
  });
}

/** The first request of a redirect chain. */
function firstOf(response: Response) {
  let request = response.request();
  for (let from = request.redirectedFrom(); from; from = from.redirectedFrom()) request = from;
  return request;
}

/**
 * Click a submit button and wait for that form's request and what follows it:
 * - a full page load (JavaScript off, the toolkit's server-rendered pages, reloadDocument forms): the
 *   response to that form's method and action (after redirects), and the new document loaded;
 * - a React Router submission (JavaScript on): the `.data` response to that form's method and action,
 *   then React Router going busy and back to idle (the action's revalidation included).
 */
export async function submit(page: Page, button: Locator) {
  const { method, action } = await formRequest(button);
  const target = new URL(action);
  if (await hasReactRouter(page)) {
    // Before hydration a click would submit natively: wait until React Router runs and is idle, then
    // record its navigation states from now on, to see this submission start and end.
    await page.waitForFunction(routerIdle);
    await page.evaluate(() => {
      const w = window as unknown as { __kpStates?: string[]; __kpUnsubscribe?: () => void; __reactRouterDataRouter: { subscribe: (f: (s: { navigation: { state: string } }) => void) => () => void } };
      w.__kpUnsubscribe?.();
      const states: string[] = [];
      w.__kpStates = states;
      w.__kpUnsubscribe = w.__reactRouterDataRouter.subscribe((state) => states.push(state.navigation.state));
    });
  }
  const samePath = (url: URL) => {
    if (url.pathname === target.pathname) return true;
    // React Router's single fetch: /path.data, and /_root.data for "/".
    return url.pathname === (target.pathname === "/" ? "/_root.data" : `${target.pathname.replace(/\/$/, "")}.data`);
  };
  const formResponse = page.waitForResponse((response) => {
    const request = firstOf(response);
    if (request.method() !== method || request.frame() !== page.mainFrame()) return false;
    return samePath(new URL(request.url()));
  });
  // The new document's load event, if the submission loads one (it fires after the response).
  let loaded = false;
  const onLoad = () => (loaded = true);
  page.on("load", onLoad);
  try {
    const [response] = await Promise.all([formResponse, button.click()]);
    if (firstOf(response).isNavigationRequest()) {
      // A document: the response of the last redirect is the new page; wait until it has loaded.
      if (!loaded) await page.waitForEvent("load");
      await hydrated(page);
      return;
    }
  } finally {
    page.off("load", onLoad);
  }
  // React Router: it went busy, and is idle again.
  await page.waitForFunction(() => ((window as unknown as { __kpStates?: string[] }).__kpStates ?? []).some((s) => s !== "idle"));
  await page.waitForFunction(routerIdle);
}

/** After a client-side navigation (a link click with JavaScript), wait until React Router is idle. */
export async function settled(page: Page) {
  await hydrated(page);
}

/** How many axe checks actually ran (a check that did not run fails its test; this counts those that did). */
export const axeRuns = { jsOn: 0, jsOff: 0 };

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * A JavaScript-off page's HTML, rendered again for axe. Timers never fire in a page with JavaScript
 * disabled, so axe (which waits on setTimeout) cannot finish there. The page's HTML as the browser built
 * it (`page.content()`) is served under the same URL, in a context of the same width with JavaScript on
 * for axe only: the response carries `script-src 'none'`, so none of the page's own scripts (inline or
 * files) run, and script files are not even fetched. Stylesheets, images and fonts come from the server.
 * What a `<noscript>` holds is shown when JavaScript is off, but would be inert text in a browser with
 * JavaScript on: it becomes a plain element (`<kp-noscript>`), so axe checks it as shown. Navigations the
 * HTML itself starts (a meta refresh) are aborted, so the page stays put while axe runs.
 * One renderer per browser: it holds no cookies and no state between checks (each check puts its HTML in,
 * renders it and takes it out again), so the tests' own contexts stay theirs alone.
 */
type Renderer = { page: Page; documents: Map<string, string> };
const renderers = new WeakMap<Browser, Promise<Renderer>>();

async function rendererFor(source: BrowserContext): Promise<Renderer> {
  const browser = source.browser();
  if (!browser) throw new Error("no browser");
  const existing = renderers.get(browser);
  if (existing) {
    const renderer = await existing.catch(() => undefined);
    if (renderer && !renderer.page.isClosed()) return renderer;
    await renderer?.page.context().close().catch(() => undefined);
  }
  const renderer = (async () => {
    const context = await browser.newContext({ javaScriptEnabled: true, locale: "nb-NO" });
    const documents = new Map<string, string>();
    await context.route("**/*", async (route) => {
      const request = route.request();
      if (request.isNavigationRequest()) {
        const body = documents.get(request.url());
        if (body === undefined) return route.abort();
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "content-security-policy": "script-src 'none'" }, body });
      }
      if (request.resourceType() === "script") return route.abort();
      return route.continue();
    });
    const page = await context.newPage();
    // A renderer page that crashed is replaced at the next check.
    page.once("crash", () => void page.close().catch(() => undefined));
    return { page, documents };
  })();
  renderers.set(browser, renderer);
  return renderer;
}

async function axe(page: Page) {
  // Legacy mode runs axe.run() in the page itself (no blank page per check); the app has no iframes.
  return new AxeBuilder({ page }).withTags(wcagTags).setLegacyMode().analyze();
}

/**
 * axe with WCAG 2.0/2.1 A and AA rules must report zero violations, and must have run: results without a
 * single passed or inapplicable rule fail the test.
 * With JavaScript on, axe runs in the page after React Router has hydrated it. With JavaScript off, axe
 * runs on the same HTML rendered again with no script of the page's own (see Renderer above).
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  let results;
  if (isJsOff(page)) {
    const url = page.url().split("#")[0]!;
    const html = (await page.content()).replace(/<(\/?)noscript\b/gi, "<$1kp-noscript");
    const { page: render, documents } = await rendererFor(page.context());
    const viewport = page.viewportSize();
    if (viewport) await render.setViewportSize(viewport);
    documents.set(url, html);
    try {
      await render.goto(url);
    } finally {
      documents.delete(url);
    }
    // The page rendered is the one checked: same URL, title and headings, and no script ran.
    expect(render.url(), `${label}: axe page`).toBe(url);
    expect(await render.title(), `${label}: axe page title`).toBe(await page.title());
    expect(await render.locator("h1").allTextContents(), `${label}: axe page h1`).toEqual(await page.locator("h1").allTextContents());
    results = await axe(render);
    axeRuns.jsOff += 1;
  } else {
    await hydrated(page);
    results = await axe(page);
    axeRuns.jsOn += 1;
  }
  expect(results.passes.length + results.inapplicable.length, `${label}: axe ran`).toBeGreaterThan(0);
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function logIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/logg-inn");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await submit(page, page.getByRole("button", { name: /^(Logg inn|Log in)$/ }));
  expect(new URL(page.url()).pathname, "logged in").not.toBe("/logg-inn");
}

/**
 * The cookies of a fresh log-in as `email`, made in a context of its own that is then closed: start each
 * test's own context with them (`newContext(browser, mode, state)`), so no test uses another test's context.
 */
export async function loggedInState(browser: Browser, email: string, password = demoPassword): Promise<StorageState> {
  const context = await newContext(browser, { js: false, width: 1280 });
  try {
    const page = await context.newPage();
    await logIn(page, email, password);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export async function screenshot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  const dir = path.resolve(process.env.SCREENSHOTS);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
