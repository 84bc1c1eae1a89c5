import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launch, loggedInState, newContext, settled } from "./browser";
import { languages } from "~/i18n/i18n";

/**
 * Hydrated pages (staff tools, the map) load the catalogue of their own language only, a chunk of its own,
 * and hydrate without an error: the browser's first render has the server's texts, dates and numbers
 * (issue 12, item 5; ADR 0025). A hydration error (React's #418) would mean React threw the server's HTML
 * away and showed the browser's rendering instead, e.g. nynorsk dates in English where the browser has no
 * nynorsk formats (Chromium has none).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const catalogueChunk = /\/assets\/(nb|nn|en)-[\w-]+\.js$/;

describe("hydrated pages in each language", () => {
  for (const lang of languages) {
    it(`${lang}: hydrate without an error, with only the ${lang} catalogue and Designsystemet's elements in use`, async () => {
      const context = await newContext(browser, { js: true, width: 1280 }, await loggedInState(browser, "admin@example.org"));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      const catalogues: string[] = [];
      page.on("request", (request) => {
        const match = catalogueChunk.exec(new URL(request.url()).pathname);
        if (match) catalogues.push(match[1]!);
      });
      // The admin page shows dates (the centres' and the users' times), the outbox too; the map and an
      // offer's new-offer form are the other kinds of hydrated page.
      for (const path of [`/admin?lang=${lang}`, "/admin/utboks", "/tilbud/ny", "/tilbud/kontroll"]) {
        catalogues.length = 0;
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await settled(page);
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe(lang);
        expect(catalogues, `${path}: catalogue chunks fetched`).toEqual([lang]);
        expect(errors, `${path}: page errors`).toEqual([]);
        // No message key in place of a text.
        expect(await page.locator("main").innerText(), path).not.toMatch(/\b(shell|offers|admin|centres|error)\.[a-z_]+\b/);
      }
      // The custom elements our components render are defined; the unused ones (combobox, tabs) are not loaded.
      const elements = await page.evaluate(() => ["ds-field", "ds-error-summary", "u-combobox", "ds-tabs"].map((name) => customElements.get(name) !== undefined));
      expect(elements).toEqual([true, true, false, false]);
      await context.close();
    });
  }
});
