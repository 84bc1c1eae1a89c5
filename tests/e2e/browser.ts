import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, inject } from "vitest";

export const baseUrl = () => inject("baseUrl");
export const demoPassword = "demo-passord-2026";

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export type Mode = { js: boolean; width: number };

/** A fresh browser context: phone (360) or desktop (1280), with or without JavaScript. */
/** Contexts with JavaScript disabled, and contexts whose app scripts are blocked: forms do full page loads. */
const jsOff = new WeakSet<BrowserContext>();
const scriptsBlocked = new WeakSet<BrowserContext>();

export async function newContext(browser: Browser, { js, width }: Mode): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    javaScriptEnabled: js,
    viewport: { width, height: width < 600 ? 740 : 900 },
    locale: "nb-NO",
  });
  if (!js) jsOff.add(context);
  return context;
}

/**
 * Click a submit button and wait until the result is on screen: a full page load without JavaScript,
 * or the form's request and the data loads after it with JavaScript.
 */
export async function submit(page: Page, button: Locator) {
  if (jsOff.has(page.context()) || scriptsBlocked.has(page.context())) {
    await Promise.all([page.waitForNavigation(), button.click()]);
    return;
  }
  // A POST (native or React Router's), or the data request of a client-side GET form navigation.
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" || new URL(r.url()).pathname.endsWith(".data")), button.click()]);
  await page.waitForFunction(() => document.documentElement.dataset.navigation === "idle");
}

/**
 * axe with WCAG 2.0/2.1 A and AA rules must report zero violations.
 * Without JavaScript: axe itself needs JS, so the page's own scripts are blocked instead (STACK-NOTES 4).
 */
export async function expectNoAxeViolations(page: Page, label: string) {
  // axe runs as JavaScript: in a context with JavaScript disabled it would never finish (see noScriptContext).
  if (jsOff.has(page.context())) return;
  // Note: AxeBuilder.options() would replace the tag selection (runOnly) and run best-practice rules too.
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** A context where the app's JavaScript never runs but axe can: script files are blocked. */
export async function noScriptContext(browser: Browser, width: number): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport: { width, height: 800 }, locale: "nb-NO" });
  await context.route("**/*.js", (route) => route.abort());
  scriptsBlocked.add(context);
  return context;
}

/** After a client-side navigation (a link click with JavaScript), wait until React Router is idle. */
export async function settled(page: Page) {
  if (jsOff.has(page.context()) || scriptsBlocked.has(page.context())) return;
  await page.waitForFunction(() => document.documentElement.dataset.navigation === "idle");
}

export async function logIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/logg-inn");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await submit(page, page.getByRole("button", { name: /^(Logg inn|Log in)$/ }));
  expect(new URL(page.url()).pathname, "logged in").not.toBe("/logg-inn");
}

export async function screenshot(page: Page, name: string) {
  if (!process.env.SCREENSHOTS) return;
  const dir = path.resolve(process.env.SCREENSHOTS);
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
