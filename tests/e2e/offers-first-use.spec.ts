import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseUrl, expectNoAxeViolations, launch, logIn, newContext, screenshot, settled, submit } from "./browser";
import { uploadForPreview } from "./import-files";

/**
 * Issue 11, the offers' rough edges a first walk-through found, on a 360 px phone: archiving asks first and
 * can be undone, the coordinator's own list, no page wider than the phone, the history in words, a search
 * that lands at its results with "Mente du …?", the kommune list, the import's errors and CSV without UUIDs,
 * and the API's JSON answers. Each journey makes its own data, so the journeys run in any order.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const stamp = () => Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
const press = (page: Page, name: string) => submit(page, page.getByRole("button", { name, exact: true }));
const follow = async (page: Page, name: string) => {
  const from = page.url();
  await Promise.all([page.waitForURL((url) => url.href !== from), page.getByRole("link", { name, exact: true }).first().click()]);
  await settled(page);
};
/** The page is no wider than the phone: nothing to scroll sideways. */
async function expectPhoneWidth(page: Page, label: string) {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  expect(width, `${label}: page width at 360 px`).toBeLessThanOrEqual(360);
}
/** An element's top is in the first screen (740 px high), where the person is looking. */
async function expectInFirstScreen(page: Page, selector: string, label: string) {
  const top = await page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().top);
  expect(top, `${label}: top of ${selector} in the first screen`).toBeGreaterThanOrEqual(-2); // scrolled to: 0, give or take a subpixel
  expect(top, `${label}: top of ${selector} in the first screen`).toBeLessThan(740 - 60);
}

describe("a coordinator's offers on a phone without JavaScript", () => {
  it("archiving asks first, keeps the offer for its editors (marked, in their list) and can be undone; pages fit 360 px with a 200-letter name; the history reads in words", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    const id = stamp();
    const longName = `Organisasjonsnavnutenmellomrom${id}`.padEnd(200, "x");
    const offerName = `Førstebrukkafé ${id}`;

    // An organisation with a 200-letter name without spaces, and an offer under it.
    await page.goto("/tilbud/organisasjoner/ny");
    await page.locator("#field-name").fill(longName);
    await page.locator("#field-description").fill("Et lag med et veldig langt navn.");
    await press(page, "Opprett organisasjonen");
    await page.goto("/tilbud/organisasjoner");
    expect(await page.getByTestId("organizations").textContent()).toContain(longName);
    await expectPhoneWidth(page, "organisations");
    await screenshot(page, "first-use-organizations-long-name-360-nojs");

    await page.goto("/tilbud/ny");
    await page.locator("#field-organizationId").selectOption({ label: longName });
    await page.locator("#field-name").fill(offerName);
    await page.locator("#field-description").fill("Kaffe og prat for nye. Alle er velkomne.");
    await press(page, "Lag tilbudet");
    expect(await page.locator("h1").textContent()).toBe(offerName);
    const offerPath = new URL(page.url()).pathname;
    const offerId = offerPath.split("/").pop()!;
    await expectPhoneWidth(page, "offer page");

    // The coordinator's own list: reachable from the check list, with the new offer.
    await page.goto("/tilbud/kontroll");
    await follow(page, "Våre tilbud");
    expect(new URL(page.url()).pathname).toBe("/tilbud/mine");
    await page.locator("#field-q").fill(`Førstebrukkafé ${id}`);
    await press(page, "Søk");
    const listed = page.getByTestId("centre-offer").filter({ hasText: offerName });
    expect(await listed.count()).toBe(1);
    expect(await listed.textContent()).not.toContain("Arkivert");
    await expectPhoneWidth(page, "our offers");
    await expectNoAxeViolations(page, "our offers");
    await screenshot(page, "first-use-our-offers-360-nojs");

    // "Arkiver tilbudet" asks first; "Nei" leaves everything as it was.
    await page.goto(`${offerPath}/rediger`);
    await follow(page, "Arkiver tilbudet");
    expect(new URL(page.url()).search).toBe("?arkiver=1");
    expect(await page.locator("h1").textContent()).toBe(`Vil du arkivere «${offerName}»?`);
    await expectInFirstScreen(page, "button[value=archive]", "archive question");
    await expectNoAxeViolations(page, "archive question");
    await screenshot(page, "first-use-archive-question-360-nojs");
    await follow(page, "Nei, gå tilbake");
    expect((await fetch(`${baseUrl()}${offerPath}`)).status).toBe(200);

    // "Ja": archived. The visitor gets a 404 and no search hit; the API does not have it.
    await follow(page, "Arkiver tilbudet");
    await press(page, "Ja, arkiver tilbudet");
    expect(new URL(page.url()).pathname).toBe(offerPath);
    const archived = (await page.getByTestId("offer-archived").textContent()) ?? "";
    expect(archived).toContain("Arkivert");
    expect(archived).toContain("Tilbudet er arkivert. Du kan gjenopprette det her.");
    expect(await page.getByTestId("offer-tools").count()).toBe(0);
    await expectNoAxeViolations(page, "archived offer");
    await expectPhoneWidth(page, "archived offer");
    await screenshot(page, "first-use-archived-offer-360-nojs");
    expect((await fetch(`${baseUrl()}${offerPath}`)).status).toBe(404);
    expect((await fetch(`${baseUrl()}/api/hsds/services/${offerId}`)).status).toBe(404);
    const visitor = await (await newContext(browser, { js: false, width: 360 })).newPage();
    await visitor.goto(`/tilbud?q=${encodeURIComponent(`Førstebrukkafé ${id}`)}`);
    expect(await visitor.getByTestId("offer").count()).toBe(0);

    // Still in the coordinator's list of archived offers, marked, from the offer's own page.
    await follow(page, "Våre tilbud");
    expect(new URL(page.url()).search).toBe("?arkivert=1");
    expect(await page.getByTestId("centre-offers-views").textContent()).toMatch(/Aktive \(\d+\)Arkiverte \([1-9]\d*\)/);
    await page.locator("#field-q").fill(`Førstebrukkafé ${id}`);
    await press(page, "Søk");
    expect(await page.getByTestId("centre-offer").filter({ hasText: offerName }).textContent()).toContain("Arkivert");
    await expectNoAxeViolations(page, "our archived offers");
    await screenshot(page, "first-use-our-archived-offers-360-nojs");

    // Restore: back for everyone.
    await page.goto(offerPath);
    await press(page, "Gjenopprett tilbudet");
    expect(await page.getByText("Tilbudet er gjenopprettet og vises i søket igjen.").count()).toBe(1);
    expect(await page.getByTestId("offer-archived").count()).toBe(0);
    await visitor.goto(`/tilbud?q=${encodeURIComponent(`Førstebrukkafé ${id}`)}`);
    expect(await visitor.getByTestId("offer").count()).toBe(1);
    await expectPhoneWidth(visitor, "search with a long organisation name");
    await visitor.context().close();

    // The history in words, in the page's language: no code names.
    await press(page, "Marker som kontrollert");
    await page.goto(`${offerPath}/historikk`);
    const history = (await page.getByTestId("offer-history").textContent()) ?? "";
    for (const words of ["Navn", "Status", "Arkivert", "Aktivt", "Sist kontrollert", "Koordinator Demo"]) expect(history).toContain(words);
    for (const code of ["assured_date", "status", "inactive", "name"]) expect(history).not.toContain(code);
    await expectPhoneWidth(page, "history");
    await expectNoAxeViolations(page, "history in words");
    await screenshot(page, "first-use-history-360-nojs");
    await page.goto(`${offerPath}/historikk?lang=en`);
    const english = (await page.getByTestId("offer-history").textContent()) ?? "";
    for (const words of ["Name", "Archived", "Active", "Last checked"]) expect(english).toContain(words);

    // The other pages a coordinator uses fit the phone too.
    for (const path of ["/tilbud/kontroll", `${offerPath}/rediger`, `${offerPath}/steder`, `${offerPath}/tider`, `${offerPath}/kontakt`, "/tilbud/import"]) {
      await page.goto(path);
      await expectPhoneWidth(page, path);
    }
    await context.close();
  });

  it("the import's error summary opens in view and focused; a CSV set with short ids and an organisation's name imports without UUIDs", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    await page.goto("/tilbud/import");
    await press(page, "Sjekk filene");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Velg");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("error-summary");
    await expectInFirstScreen(page, "[data-testid=error-summary]", "import errors");
    await screenshot(page, "first-use-import-error-360-nojs");

    const id = stamp();
    const csv = (text: string) => Buffer.from(text, "utf8");
    await uploadForPreview(page, [
      { name: "organizations.csv", mimeType: "text/csv", buffer: csv(`id,name,description\n1,Kortid-laget ${id},Et lag\n`) },
      {
        name: "services.csv",
        mimeType: "text/csv",
        buffer: csv(`id,name,description,organization_id\nA,Kortid-kafé ${id},Kaffe og prat,1\nB,Kortid-kurs ${id},Et kurs,Kortid-laget ${id}\n`),
      },
    ]);
    expect(await page.getByTestId("import-summary").textContent()).toMatch(/Tilbud i filene: 2.*Uten problemer: 2.*Med problemer: 0/);
    await expectPhoneWidth(page, "import preview");
    await screenshot(page, "first-use-import-short-ids-360-nojs");
    // Imported, both under the one organisation: the short id "1" and its name named the same one.
    await press(page, "Importer");
    await page.getByTestId("import-result").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-result").textContent()).toContain("2 tilbud er importert.");
    await page.goto(`/tilbud?q=${encodeURIComponent(id)}`);
    const found = page.getByTestId("offer");
    expect(await found.count()).toBe(2);
    for (const text of await found.allTextContents()) expect(text).toContain(`Kortid-laget ${id}`);
    await page.goto(`/tilbud/organisasjoner?lang=nb`);
    expect(await page.getByTestId("organization").filter({ hasText: `Kortid-laget ${id}` }).count()).toBe(1);
    await context.close();
  });
});

describe("searching on a phone", () => {
  for (const js of [false, true]) {
    it(`lands at its results, offers «Mente du …?» for a typo, and lists kommuner by fylke (JavaScript ${js ? "on" : "off"})`, async () => {
      const context = await newContext(browser, { js, width: 360 });
      const page = await context.newPage();
      await page.goto("/tilbud");
      await settled(page);

      // The kommune list: grouped by fylke, each name once ("Herøy (Møre og Romsdal)", not twice).
      expect(await page.locator("#field-kommune optgroup").count()).toBe(15);
      expect(await page.locator("#field-kommune option", { hasText: "Herøy (Møre og Romsdal)" }).count()).toBe(1);
      const labels = await page.locator("#field-kommune option").allTextContents();
      expect(labels.filter((l) => /\(([^)]+)\) \(\1\)/.test(l))).toEqual([]);

      // A typo: nothing found, and the offers' own word offered; the page opens at the results.
      await page.locator("#field-q").fill("fontenhus");
      await press(page, "Søk");
      expect(new URL(page.url()).hash).toBe("#treff");
      expect(await page.locator("#treff").textContent()).toBe("0 tilbud");
      await expectInFirstScreen(page, "#treff", "results after a search");
      expect(await page.getByTestId("did-you-mean").textContent()).toBe("Mente du fontenehus?");
      await expectNoAxeViolations(page, "search with a suggestion");
      await screenshot(page, `first-use-did-you-mean-360-${js ? "js" : "nojs"}`);
      await follow(page, "fontenehus");
      expect(new URL(page.url()).searchParams.get("q")).toBe("fontenehus");
      expect(await page.getByTestId("offer").count()).toBeGreaterThan(0);
      await expectInFirstScreen(page, "#treff", "results after the suggestion");
      await expectInFirstScreen(page, "[data-testid=offer]", "first result");
      await expectPhoneWidth(page, "search results");

      // A fylke narrows the kommune list after "Søk": the search page loads no JavaScript (ADR 0022), so
      // with it on too. (The map's form, hydrated, narrows it at once.)
      await page.locator("#field-fylke").selectOption({ label: "Nordland" });
      await press(page, "Søk");
      expect(await page.locator("#field-kommune optgroup").count()).toBe(0);
      expect(await page.locator("#field-kommune option", { hasText: "Bodø" }).count()).toBe(1);
      expect(await page.locator("#field-kommune option", { hasText: "Oslo" }).count()).toBe(0);
      expect(await page.locator("#field-kommune option", { hasText: "Herøy (Nordland)" }).count()).toBe(1);
      // A kommune of another fylke left chosen (without JavaScript) is let go, not searched with the fylke.
      await page.goto("/tilbud?fylke=18&kommune=0301");
      await settled(page);
      expect(new URL(page.url()).searchParams.get("kommune")).toBeNull();
      expect(await page.locator("#field-fylke").inputValue()).toBe("18");
      await context.close();
    });
  }
});

describe("the HSDS API answers as an API", () => {
  it("JSON 404 for an unknown path, an empty page past the end, and a real title in the OpenAPI description", async () => {
    for (const path of ["/api/hsds/x", "/api/hsds/services/extra/path", "/api/hsds/tjenester"]) {
      const response = await fetch(`${baseUrl()}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type"), path).toMatch(/^application\/json/);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toMatchObject({ status: 404 });
    }
    const past = await (await fetch(`${baseUrl()}/api/hsds/services?page=999&per_page=10`)).json();
    expect(past).toMatchObject({ page_number: 999, size: 0, empty: true, contents: [], last_page: true });
    expect(past.total_items).toBeGreaterThan(0);
    const first = await (await fetch(`${baseUrl()}/api/hsds/services?per_page=10`)).json();
    expect(first.empty).toBe(false);
    const openapi = await (await fetch(`${baseUrl()}/api/hsds/openapi.json`)).json();
    expect(JSON.stringify(openapi.info)).not.toMatch(/REQUIRED|HERE/);
    expect(openapi.info.title).toMatch(/HSDS 3\.0/);
    expect(openapi.info.license.name).toBe("CC BY-SA 4.0");
    expect(openapi.servers[0].url).toMatch(/\/api\/hsds$/);
  });
});

/**
 * Every offers form that comes back with errors opens at its error summary (item 5): the summary is at the top
 * of the page, in the first screen at 360 px, focused (read out first), and each of its links names a field on the
 * page. Without JavaScript the server's `autofocus` does this; with JavaScript React does.
 */
async function expectSummaryAtTop(page: Page, label: string) {
  const summary = page.getByTestId("error-summary");
  expect(await summary.count(), `${label}: one error summary`).toBe(1);
  // The summary comes before every form on the page: "at the top", not above the form further down.
  const first = await page.evaluate(() => {
    const s = document.querySelector("[data-testid=error-summary]")!;
    return [...document.querySelectorAll("main form[method=post]")].every((f) => s.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  expect(first, `${label}: summary before the forms`).toBe(true);
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "error-summary");
  await expectInFirstScreen(page, "[data-testid=error-summary]", label);
  const targets = await summary.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(targets.length, `${label}: links to the fields`).toBeGreaterThan(0);
  for (const href of targets) {
    expect(href, label).toMatch(/^#./);
    const field = await page.evaluate((id) => {
      const element = document.getElementById(id);
      return element ? element.matches("input, select, textarea") || Boolean(element.querySelector("input, select, textarea")) : false;
    }, decodeURIComponent(href.slice(1)));
    expect(field, `${label}: ${href} is a field on the page`).toBe(true);
  }
}

describe("every offers form opens at its error summary", () => {
  for (const js of [false, true]) {
    it(`new and edited offer, organisation, place, time, contact and import (JavaScript ${js ? "on" : "off"})`, async () => {
      const context = await newContext(browser, { js, width: 360 });
      const page = await context.newPage();
      await logIn(page, "koordinator@example.org");
      const id = stamp();

      // Organisation: new, empty; then made, and its name cleared.
      await page.goto("/tilbud/organisasjoner/ny");
      await settled(page);
      await press(page, "Opprett organisasjonen");
      await expectSummaryAtTop(page, "new organisation");
      await screenshot(page, `first-use-summary-new-organization-360-${js ? "js" : "nojs"}`);
      await page.locator("#field-name").fill(`Feillaget ${id}`);
      await page.locator("#field-description").fill("Et lag.");
      await press(page, "Opprett organisasjonen");
      expect(new URL(page.url()).pathname).toMatch(/^\/tilbud\/organisasjoner\/[0-9a-f-]{36}$/);
      await page.locator("#field-name").fill("");
      await press(page, "Lagre");
      await expectSummaryAtTop(page, "edit organisation");

      // Offer: new, empty; then made, and its name cleared.
      await page.goto("/tilbud/ny");
      await settled(page);
      await press(page, "Lag tilbudet");
      await expectSummaryAtTop(page, "new offer");
      await screenshot(page, `first-use-summary-new-offer-360-${js ? "js" : "nojs"}`);
      await page.locator("#field-organizationId").selectOption({ label: `Feillaget ${id}` });
      await page.locator("#field-name").fill(`Feilkafé ${id}`);
      await page.locator("#field-description").fill("Kaffe og prat.");
      await press(page, "Lag tilbudet");
      const offerPath = new URL(page.url()).pathname;
      expect(offerPath).toMatch(/^\/tilbud\/[0-9a-f-]{36}$/);
      await page.goto(`${offerPath}/rediger`);
      await settled(page);
      await page.locator("#field-name").fill("");
      await press(page, "Lagre");
      await expectSummaryAtTop(page, "edit offer");

      // A place: empty; then one added, and its postcode made wrong.
      await page.goto(`${offerPath}/steder`);
      await settled(page);
      await page.locator("#field-address1").fill("Kirkegata 1");
      await press(page, "Legg til et sted");
      await expectSummaryAtTop(page, "new place");
      await screenshot(page, `first-use-summary-place-360-${js ? "js" : "nojs"}`);
      await page.locator("#field-kommune").selectOption("5001");
      await page.locator("#field-postalCode").fill("7011");
      await page.locator("#field-city").fill("Trondheim");
      await press(page, "Legg til et sted");
      expect(await page.getByTestId("places").textContent()).toContain("Kirkegata 1");
      const placeHref = await page.getByTestId("places").getByRole("link").first().getAttribute("href");
      await page.goto(placeHref!);
      await settled(page);
      await page.locator("#field-postalCode").fill("70");
      await press(page, "Lagre");
      await expectSummaryAtTop(page, "edit place");

      // A time that ends before it starts.
      await page.goto(`${offerPath}/tider`);
      await settled(page);
      await page.locator("#field-days-SU").check();
      await page.locator("#field-opensAt").fill("13:00");
      await page.locator("#field-closesAt").fill("11:00");
      await press(page, "Legg til en tid");
      await expectSummaryAtTop(page, "new time");
      await screenshot(page, `first-use-summary-time-360-${js ? "js" : "nojs"}`);

      // Contact: a phone without a number, a contact with a wrong e-mail address (the second form on the page).
      await page.goto(`${offerPath}/kontakt`);
      await settled(page);
      await press(page, "Legg til nummeret");
      await expectSummaryAtTop(page, "new phone");
      await page.locator("#contact-title").fill("Daglig leder");
      await page.locator("#contact-email").fill("ikke-en-adresse");
      await press(page, "Legg til kontakten");
      await expectSummaryAtTop(page, "new contact");
      expect(await page.locator("#contact-email").inputValue()).toBe("ikke-en-adresse");
      await screenshot(page, `first-use-summary-contact-360-${js ? "js" : "nojs"}`);

      // Import without files.
      await page.goto("/tilbud/import");
      await settled(page);
      await press(page, "Sjekk filene");
      await expectSummaryAtTop(page, "import");
      await context.close();
    });
  }
});
