import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, settled, submit } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

for (const js of [false, true]) {
  describe(`finding offers with JavaScript ${js ? "on" : "off"}`, () => {
    it("finds Krafttak for sang in Trøndelag, shares the search as a URL, and opens the offer", async () => {
      const context = await newContext(browser, { js, width: 360 });
      const page = await context.newPage();
      await page.goto("/tilbud");
      await page.locator("#field-q").fill("sang");
      await page.locator("#field-fylke").selectOption({ label: "Trøndelag" });
      await submit(page, page.getByRole("button", { name: "Søk", exact: true }));
      const url = new URL(page.url());
      expect(url.searchParams.get("q")).toBe("sang");
      expect(url.searchParams.get("fylke")).toBe("50");
      const offers = page.getByTestId("offer");
      expect(await offers.count()).toBe(1);
      expect(await offers.first().textContent()).toContain("Steinkjer");
      // With a fylke chosen, the kommune list holds that fylke's kommuner only (by name: the fylke is chosen).
      expect(await page.locator("#field-kommune option", { hasText: "Steinkjer" }).count()).toBe(1);
      expect(await page.locator("#field-kommune option", { hasText: "Oslo" }).count()).toBe(0);
      await screenshot(page, `offers-trondelag-${js ? "js" : "nojs"}`);

      // The same URL gives the same result to someone else.
      const other = await (await newContext(browser, { js, width: 1280 })).newPage();
      await other.goto(url.pathname + url.search);
      expect(await other.getByTestId("offer").count()).toBe(1);
      await other.context().close();

      await Promise.all([page.waitForURL(/\/tilbud\/[0-9a-f-]{36}$/), page.getByRole("link", { name: "Krafttak for sang" }).click()]);
      await settled(page);
      expect(await page.locator("h1").textContent()).toBe("Krafttak for sang");
      expect(await page.getByText("Namsos (Trøndelag)").count()).toBe(1);
      expect(await page.getByText("Ikke kontrollert ennå").count()).toBe(1);
      await context.close();
    });

    it("keeps a bad filter's message and what was typed", async () => {
      const context = await newContext(browser, { js, width: 360 });
      const page = await context.newPage();
      const response = await page.goto("/tilbud?q=kurs&kommune=9999");
      expect(response?.status()).toBe(400);
      expect(await page.getByTestId("error-summary").textContent()).toContain("Velg en kommune fra listen.");
      expect(await page.locator("#field-q").inputValue()).toBe("kurs");
      await context.close();
    });
  });
}

describe("finding offers in other languages", () => {
  it("shows the search in nynorsk and English, with the offers' own text as written", async () => {
    const context = await newContext(browser, { js: false, width: 1280 });
    const page = await context.newPage();
    await page.goto("/tilbud?q=fontenehus&ingen_henvisning=1&lang=nn");
    expect(await page.locator("h1").textContent()).toBe("Finn tilbod");
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toMatch(/^1[0-9] tilbod$/);
    await page.goto("/tilbud?q=fontenehus&ingen_henvisning=1&lang=en");
    expect(await page.locator("h1").textContent()).toBe("Find support");
    expect(await page.getByText("No referral", { exact: true }).count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe("editing offers", () => {
  it("an administrator edits an offer with bad input first, marks it checked and sees the history; another centre's coordinator cannot", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await logIn(page, "admin@example.org");
    await page.goto("/tilbud?q=kjøkkenpraten");
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Kjøkkenpraten", exact: true }).click()]);
    const offerPath = new URL(page.url()).pathname;
    await Promise.all([page.waitForNavigation(), page.getByTestId("offer-tools").getByRole("link", { name: "Endre" }).click()]);
    await page.locator("#field-description").fill("Vi møtes rundt kjøkkenbordet.");
    await page.locator("#field-url").fill("ikke en adresse");
    await submit(page, page.getByRole("button", { name: "Lagre" }));
    expect(await page.locator("#field-url-error").textContent()).toContain("https://");
    expect(await page.locator("#field-description").inputValue()).toBe("Vi møtes rundt kjøkkenbordet.");
    await expectNoAxeViolations(page, "edit offer with errors");
    await page.locator("#field-url").fill("");
    await page.locator("#field-free-yes").check();
    await submit(page, page.getByRole("button", { name: "Lagre" }));
    expect(new URL(page.url()).pathname).toBe(offerPath);
    expect(await page.getByRole("status").textContent()).toContain("Endringene er lagret");
    expect(await page.getByText("Vi møtes rundt kjøkkenbordet.").count()).toBe(1);
    await submit(page, page.getByRole("button", { name: "Marker som kontrollert" }));
    expect(await page.getByText(/^Sist kontrollert \d/).count()).toBe(1);
    await page.goto(`${offerPath}/historikk`);
    const history = (await page.getByTestId("offer-history").textContent()) ?? "";
    expect(history).toContain("Admin Demo");
    // Field names in words, not code names (issue 11).
    expect(history).toContain("Beskrivelse");
    expect(history).toContain("Er det gratis?");
    expect(history).toContain("Sist kontrollert");
    expect(history).not.toContain("assured_date");
    await screenshot(page, "offer-history-360-nojs");

    const coordinator = await (await newContext(browser, { js: true, width: 1280 })).newPage();
    await logIn(coordinator, "koordinator@example.org");
    await coordinator.goto(offerPath);
    expect(await coordinator.getByTestId("offer-tools").count()).toBe(0);
    expect((await coordinator.goto(`${offerPath}/rediger`))?.status()).toBe(403);
    expect((await coordinator.goto(`${offerPath}/historikk`))?.status()).toBe(403);
    await coordinator.context().close();
    await context.close();
  });
});
