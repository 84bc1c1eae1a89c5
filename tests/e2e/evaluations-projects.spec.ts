import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, submit, type Mode } from "./browser";

/**
 * Bruker Spør Bruker, projects (issue 13, items 1–3): a coordinator creates an evaluation, fills in the
 * agreement and a site, moves it on (and is told what is missing first), starts the theme guide from the
 * template and names the team; the service contact records recruitment numbers and cannot open the team;
 * a participant gets 404. The pages are server-rendered forms, so the same journey runs with JavaScript on
 * (1280 px) and off (360 px).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const press = (page: Page, name: string | RegExp) => submit(page, page.getByRole("button", { name, exact: typeof name === "string" }).first());

async function as(email: string, mode: Mode) {
  const context = await newContext(browser, mode);
  const page = await context.newPage();
  await logIn(page, email);
  return { context, page };
}

describe.each([
  { js: false, width: 360 },
  { js: true, width: 1280 },
])("an evaluation from creation to recruitment (JavaScript $js, $width px)", (mode) => {
  it("creates the project, explains a refused phase change, builds the guide, names the team; the service contact records numbers", async () => {
    const tag = `${mode.width}`;
    const { context, page } = await as("koordinator@example.org", mode);
    await page.goto("/evalueringer");
    await expectNoAxeViolations(page, "project list");
    await page.goto("/evalueringer/ny");
    await expectNoAxeViolations(page, "new project");

    // Bad input: an empty form, then an end before the start. What was typed stays.
    await press(page, "Opprett evalueringen");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Skriv et navn på evalueringen.");
    const title = `Evaluering av DPS Testby ${tag}`;
    await page.locator("#field-title").fill(title);
    await page.locator("#field-serviceName").fill("DPS Testby, poliklinikk");
    await page.locator("#field-serviceKind").selectOption("dps");
    await page.locator("#field-periodStart").fill("2026-01-01");
    await page.locator("#field-periodEnd").fill("2025-06-30");
    await page.locator("#field-leadId").selectOption({ label: "Koordinator Demo" });
    await press(page, "Opprett evalueringen");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Sluttdatoen kan ikke være før startdatoen.");
    expect(await page.locator("#field-title").inputValue()).toBe(title);
    await expectNoAxeViolations(page, "new project with errors");
    await page.locator("#field-periodEnd").fill("2026-12-31");
    await press(page, "Opprett evalueringen");
    const base = new URL(page.url()).pathname;
    expect(base).toMatch(/^\/evalueringer\/[0-9a-f-]{36}$/);
    expect(await page.locator("h1").textContent()).toBe("Om evalueringen");

    // Moving on before the agreement and a site: refused, with what is missing.
    await press(page, "Gå videre til «Temaguide»");
    const refused = await page.getByRole("alert").textContent();
    expect(refused).toContain("Avtalen med tjenesten må være registrert");
    expect(refused).toContain("minst ett sted");
    await expectNoAxeViolations(page, "overview with a refused phase change");

    // The agreement and a site.
    await page.goto(`${base}/rediger`);
    await page.locator("#field-agreementDate").fill("2026-01-15");
    await page.locator("#field-agreementText").fill("KBT og DPS Testby er enige om evalueringen.");
    await page.locator("#field-k").fill("2");
    await press(page, "Lagre");
    expect(await page.getByTestId("error-summary").textContent()).toContain("Grensen kan ikke være lavere enn 3.");
    expect(await page.locator("#field-agreementText").inputValue()).toBe("KBT og DPS Testby er enige om evalueringen.");
    await page.locator("#field-k").fill("5");
    await press(page, "Lagre");
    await page.locator("#new-site-name").fill("Ambulant team");
    await press(page, "Legg til stedet");
    await expectNoAxeViolations(page, "edit project");
    await screenshot(page, `evaluations-edit-${tag}`);

    await page.goto(base);
    await press(page, "Gå videre til «Temaguide»");
    expect(await page.getByRole("status").first().textContent()).toContain("«Temaguide»");

    // An empty guide cannot leave its phase; the template fills it.
    await press(page, "Gå videre til «Rekruttering»");
    expect(await page.getByRole("alert").textContent()).toContain("minst ett tema med minst ett spørsmål");
    await page.goto(`${base}/temaguide`);
    await press(page, "Start med malen");
    expect(await page.locator("main h2").allTextContents()).toContain("Respekt");
    await expectNoAxeViolations(page, "theme guide");
    await screenshot(page, `evaluations-guide-${tag}`);

    // The team: the centre's interviewer and service contact.
    await page.goto(`${base}/team`);
    await page.getByLabel("Intervjuer Demo").check();
    await page.getByLabel("Tjeneste Demo").check();
    await press(page, "Lagre");
    expect(await page.getByRole("status").first().textContent()).toContain("Teamet er lagret.");
    await expectNoAxeViolations(page, "team");
    await context.close();

    // The service contact records numbers only; more came than invited is refused, nothing typed lost.
    const contact = await as("tjeneste@example.org", mode);
    await contact.page.goto(`${base}/rekruttering`);
    await contact.page.locator("input[name^=invited-]").fill("6");
    await contact.page.locator("input[name^=came-]").fill("8");
    await press(contact.page, "Lagre");
    expect(await contact.page.getByTestId("error-summary").textContent()).toContain("Flere kan ikke ha kommet enn det som ble invitert.");
    expect(await contact.page.locator("input[name^=came-]").inputValue()).toBe("8");
    await expectNoAxeViolations(contact.page, "recruitment with an error");
    await contact.page.locator("input[name^=came-]").fill("5");
    await press(contact.page, "Lagre");
    expect(await contact.page.getByRole("status").first().textContent()).toContain("Tallene er lagret.");
    expect((await contact.page.goto(`${base}/team`))!.status()).toBe(403);
    await contact.context.close();

    // Someone with no role on the project does not learn it exists.
    const participant = await as("deltaker@example.org", mode);
    expect((await participant.page.goto(base))!.status()).toBe(404);
    expect((await participant.page.goto(`${base}/temaguide`))!.status()).toBe(404);
    await participant.context.close();
  });
});
