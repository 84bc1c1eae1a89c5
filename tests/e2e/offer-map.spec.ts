import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations, launch, newContext, screenshot, settled, submit } from "./browser";

/**
 * The map view (/tilbud/kart). The test server runs with MAP_TILES_URL pointing at a local tile server on
 * another origin, and three of "Krafttak for sang"'s places have test-only coordinates (global-setup.ts).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Collect CSP violations (the event fires in the page) and console errors that mention the policy. */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
async function cspProblems(page: Page, consoleErrors: string[]) {
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  return [...violations, ...consoleErrors.filter((m) => /Content Security Policy/i.test(m))];
}

const markers = (page: Page) => page.locator("[data-testid=offer-map] .leaflet-marker-icon");

describe("the map with JavaScript", () => {
  it("shows the offers' places as markers, with tiles from MAP_TILES_URL and no CSP violation", async () => {
    const context = await newContext(browser, { js: true, width: 1280 });
    await watchCsp(context);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    const response = await page.goto("/tilbud/kart?q=krafttak");
    expect(response?.status()).toBe(200);
    // The tile server's origin is allowed for images, and nothing else changed.
    expect(response?.headers()["content-security-policy"]).toContain(`img-src 'self' data: ${inject("tilesOrigin")};`);

    const map = page.getByRole("region", { name: "Kart over tilbudene" });
    await map.waitFor();
    await markers(page).first().waitFor();
    expect(await markers(page).count()).toBe(3);
    expect(await page.getByRole("button", { name: "Krafttak for sang, Steinkjer" }).count()).toBe(1);
    await page.locator(`img.leaflet-tile-loaded[src^="${inject("tilesOrigin")}/tiles/"]`).first().waitFor();
    expect(await map.locator(".leaflet-control-attribution").textContent()).toContain("© OpenStreetMap");
    expect(await page.getByTestId("map-needs-js").count()).toBe(0);
    // The list is there too, with the same offers.
    expect(await page.getByTestId("map-places").textContent()).toContain("Krafttak for sang – Bergen, Namsos, Steinkjer");

    await expectNoAxeViolations(page, "map 1280 js");
    await screenshot(page, "offer-map-1280-js-nb");
    expect(await cspProblems(page, consoleErrors)).toEqual([]);
    await context.close();
  });

  it("is usable with the keyboard: a marker opens its popup, Escape closes it, the link opens the offer", async () => {
    const context = await newContext(browser, { js: true, width: 360 });
    const page = await context.newPage();
    await page.goto("/tilbud/kart?q=krafttak");
    await markers(page).first().waitFor();
    const steinkjer = page.getByRole("button", { name: "Krafttak for sang, Steinkjer" });
    await steinkjer.focus();
    await page.keyboard.press("Enter");
    const popup = page.locator(".leaflet-popup");
    await popup.waitFor();
    expect(await popup.textContent()).toContain("Steinkjer");
    // The focus moved into the popup, to the offer's link.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Krafttak for sang");
    expect(await page.getByRole("button", { name: "Lukk" }).count()).toBe(1);
    await expectNoAxeViolations(page, "map popup 360 js");
    await screenshot(page, "offer-map-360-js-popup-nb");

    await page.keyboard.press("Escape");
    await popup.waitFor({ state: "detached" });
    expect(await steinkjer.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.press("Enter");
    await popup.waitFor();
    await Promise.all([page.waitForURL(/\/tilbud\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
    await settled(page);
    expect(await page.locator("h1").textContent()).toBe("Krafttak for sang");
    await context.close();
  });

  it("filters with the same form as the search, in the URL, and links to the list with the same filters", async () => {
    const context = await newContext(browser, { js: true, width: 1280 });
    const page = await context.newPage();
    await page.goto("/tilbud/kart");
    await markers(page).first().waitFor();
    await page.locator("#field-q").fill("krafttak");
    await page.locator("#field-fylke").selectOption({ label: "Trøndelag" });
    await submit(page, page.getByRole("button", { name: "Søk", exact: true }));
    const url = new URL(page.url());
    expect(url.pathname).toBe("/tilbud/kart");
    expect(url.searchParams.get("q")).toBe("krafttak");
    expect(url.searchParams.get("fylke")).toBe("50");
    // Only the chosen fylke's places.
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=offer-map] .leaflet-marker-icon").length === 2);
    expect(await page.getByTestId("map-places").textContent()).toContain("Krafttak for sang – Namsos, Steinkjer");
    expect(await page.getByTestId("show-as-list").getAttribute("href")).toBe("/tilbud?q=krafttak&fylke=50");
    await context.close();
  });

  it("shows the same page in English", async () => {
    const context = await newContext(browser, { js: true, width: 360 });
    const page = await context.newPage();
    await page.goto("/tilbud/kart?q=krafttak&lang=en");
    await page.getByRole("region", { name: "Map of the services" }).waitFor();
    await markers(page).first().waitFor();
    expect(await page.locator("h1").textContent()).toBe("Services on a map");
    expect(await page.getByRole("button", { name: "Zoom in" }).count()).toBe(1);
    await expectNoAxeViolations(page, "map en 360");
    await screenshot(page, "offer-map-360-js-en");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "offer-map-1280-js-en");
    await context.close();
  });
});

describe("the map without JavaScript", () => {
  it("says the map needs JavaScript, links to the list with the same filters, and lists the places", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    const response = await page.goto("/tilbud/kart?q=krafttak");
    expect(response?.status()).toBe(200);
    const message = page.getByTestId("map-needs-js");
    expect(await message.textContent()).toContain("Kartet trenger JavaScript");
    expect(await message.getByRole("link", { name: "Vis tilbudene som liste" }).getAttribute("href")).toBe("/tilbud?q=krafttak");
    expect(await page.getByTestId("offer-map").count()).toBe(0);
    expect(await page.getByTestId("map-places").getByRole("link").allTextContents()).toEqual(["Krafttak for sang"]);
    await screenshot(page, "offer-map-360-nojs-nb");

    // The filter form works as a plain GET form.
    await page.locator("#field-fylke").selectOption({ label: "Vestland" });
    await submit(page, page.getByRole("button", { name: "Søk", exact: true }));
    expect(new URL(page.url()).search).toBe("?q=krafttak&fylke=46&kommune=&type=&malgruppe=");
    expect(await page.getByTestId("map-places").textContent()).toContain("Krafttak for sang – Bergen");
    await context.close();
  });

  it("is reached from the search page with the same filters", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await page.goto("/tilbud?q=krafttak&fylke=50");
    await Promise.all([page.waitForURL(/\/tilbud\/kart/), page.getByRole("link", { name: "Vis på kart" }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get("q")).toBe("krafttak");
    expect(url.searchParams.get("fylke")).toBe("50");
    await context.close();
  });

  it("passes axe with JavaScript off, in bokmål and English, at 360 and 1280 px", async () => {
    for (const width of [360, 1280]) {
      const context = await newContext(browser, { js: false, width });
      const page = await context.newPage();
      for (const lang of ["nb", "en"] as const) {
        await page.goto(`/tilbud/kart?q=krafttak&lang=${lang}`);
        expect(new URL(page.url()).pathname).toBe("/tilbud/kart");
        expect(await page.getByTestId("map-needs-js").count()).toBe(1);
        await expectNoAxeViolations(page, `map no-js ${width} ${lang}`);
        await screenshot(page, `offer-map-${width}-nojs-${lang}`);
      }
      await context.close();
    }
  });

  it("answers a bad filter with 400, the message and what was typed", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    const response = await page.goto("/tilbud/kart?q=sang&kommune=9999");
    expect(response?.status()).toBe(400);
    expect(await page.getByTestId("error-summary").textContent()).toContain("Velg en kommune fra listen.");
    expect(await page.locator("#field-q").inputValue()).toBe("sang");
    await context.close();
  });
});
