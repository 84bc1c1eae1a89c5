import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, settled, submit } from "./browser";

/**
 * The coordinator's whole round with JavaScript off on a phone: a new offer for their own centre, with a
 * place and a time, shown to visitors in plain language, found by the kommune filter, and every step in
 * the offer's history.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const press = (page: Page, name: string) => submit(page, page.getByRole("button", { name, exact: true }));
const follow = async (page: Page, name: string) => {
  const from = new URL(page.url()).pathname;
  await Promise.all([page.waitForURL((url) => url.pathname !== from), page.getByRole("link", { name, exact: true }).first().click()]);
  await settled(page);
};

describe("a coordinator keeps an offer of their own centre", () => {
  it("creates an offer with a place and a time (bad input first), visitors see it, and the history shows every step", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");

    // An organisation of KBT to put the offer under.
    await page.goto("/tilbud/organisasjoner/ny");
    await page.locator("#field-name").fill("Turlaget i Trondheim");
    await page.locator("#field-description").fill("Et lag som går tur sammen.");
    await press(page, "Opprett organisasjonen");

    await page.goto("/tilbud/kontroll");
    await follow(page, "Nytt tilbud");
    await page.locator("#field-organizationId").selectOption({ label: "Turlaget i Trondheim" });
    await page.locator("#field-name").fill("Søndagsturen");
    await page.locator("#field-description").fill("Vi går en rolig tur sammen hver uke. Alle kan bli med.");
    await page.locator("#field-url").fill("ikke en adresse");
    await press(page, "Lag tilbudet");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Skriv en nettadresse som begynner med https://");
    expect(await page.locator("#field-name").inputValue()).toBe("Søndagsturen");
    expect(await page.locator("#field-organizationId").inputValue()).not.toBe("");
    await page.locator("#field-url").fill("https://example.org/tur");
    await page.locator("#field-noReferral-yes").check();
    await press(page, "Lag tilbudet");
    expect(await page.locator("h1").textContent()).toBe("Søndagsturen");
    const offerPath = new URL(page.url()).pathname;

    // A place: a missing postcode is told, what was typed stays.
    await follow(page, "Steder");
    await page.locator("#field-kommune").selectOption("5001");
    await page.locator("#field-name").fill("Bymarka");
    await page.locator("#field-address1").fill("Skistuaveien 1");
    await page.locator("#field-city").fill("Trondheim");
    await press(page, "Legg til et sted");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Fyll ut gateadresse, postnummer og poststed");
    expect(await page.locator("#field-address1").inputValue()).toBe("Skistuaveien 1");
    await page.locator("#field-postalCode").fill("7027");
    await press(page, "Legg til et sted");
    expect(await page.getByTestId("places").textContent()).toContain("Skistuaveien 1, 7027 Trondheim");
    await expectNoAxeViolations(page, "offer places after adding");

    // A time: every Sunday 11–13.
    await follow(page, "Tider");
    await page.locator("#field-days-SU").check();
    await page.locator("#field-opensAt").fill("13:00");
    await page.locator("#field-closesAt").fill("11:00");
    await press(page, "Legg til en tid");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Sluttiden må være etter starttiden.");
    expect(await page.locator("#field-days-SU").isChecked()).toBe(true);
    await page.locator("#field-opensAt").fill("11:00");
    await page.locator("#field-closesAt").fill("13:00");
    await press(page, "Legg til en tid");
    expect(await page.getByTestId("schedules").textContent()).toContain("Søndager kl. 11–13");

    // Visitors: the offer page in plain language, and the kommune filter finds it.
    const visitor = await (await newContext(browser, { js: false, width: 360 })).newPage();
    await visitor.goto(offerPath);
    expect(await visitor.getByText("Søndager kl. 11–13").count()).toBe(1);
    expect(await visitor.getByText("Skistuaveien 1, 7027 Trondheim").count()).toBe(1);
    expect(await visitor.getByText("Du trenger ikke henvisning.").count()).toBe(1);
    await screenshot(visitor, "offer-made-by-coordinator");
    await visitor.goto("/tilbud?q=søndagsturen&kommune=5001");
    expect(await visitor.getByTestId("offer").count()).toBe(1);
    await visitor.context().close();

    // The history has every step, with who did it.
    await page.goto(`${offerPath}/historikk`);
    const history = (await page.getByTestId("offer-history").textContent()) ?? "";
    // Field names in words, not code names (issue 11).
    for (const field of ["Navn", "Steder", "Tider"]) expect(history).toContain(field);
    for (const code of ["service_at_locations", "schedules"]) expect(history).not.toContain(code);
    expect(history).toContain("Koordinator Demo");
    expect(history).toContain("Søndager kl. 11–13");
    await context.close();
  });
});
