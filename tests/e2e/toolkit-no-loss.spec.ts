import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, submit } from "./browser";

/**
 * Issue 11 on a phone without JavaScript (360 px): saving one answer never throws away what was typed
 * elsewhere on the page (item 2), deleting one's own text asks first and stands apart from saving (item 3),
 * a new values sort keeps the current values in view and "Start" picks up an unfinished sort (item 10), an
 * error below the fold opens the page at the error summary (item 5), an answer of spaces is no answer
 * (item 14). One fresh participant for the whole file, so the demo accounts' data stays as other files expect.
 */
let browser: Browser;
const password = "et-langt-passord-2026";
const email = `ingenting-tapt.${Date.now()}@example.org`;

beforeAll(async () => {
  browser = await launch();
  const context = await newContext(browser, { js: false, width: 360 });
  const page = await context.newPage();
  await page.goto("/registrer");
  await page.locator("#field-name").fill("Ingenting Tapt");
  await page.locator("#field-email").fill(email);
  await page.locator("#field-password").fill(password);
  await submit(page, page.getByRole("button", { name: /^Lag konto$/ }));
  await logIn(page, email, password);
  await page.goto("/verktoy/samtykke");
  await page.getByLabel(/Ja, jeg vil bruke verktøykassen/).check();
  await submit(page, page.getByRole("button", { name: "Start", exact: true }));
  expect(new URL(page.url()).pathname).toBe("/verktoy");
  await context.close();
});
afterAll(async () => {
  await browser?.close();
});

async function phone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { js: false, width: 360 });
  const page = await context.newPage();
  await logIn(page, email, password);
  return { context, page };
}

const button = (scope: Page | Locator, name: string | RegExp) => scope.getByRole("button", { name, exact: typeof name === "string" }).first();
const press = (page: Page, name: string | RegExp, scope?: Locator) => submit(page, button(scope ?? page, name));

/** The element with focus: its test id, id or tag. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id ?? document.activeElement?.tagName ?? "");

/** Within the first screen (the viewport as the page opened, not scrolled by the test). */
async function inFirstScreen(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= 0 && box.y < height;
}

describe("one save keeps everything typed on the page", () => {
  it("a card: two answers typed, “save” under the first keeps and saves both; an unchanged answer gets no new version; spaces are no answer", async () => {
    const { context, page } = await phone();
    await page.goto("/verktoy/kort/tilhorighet");
    const q = (id: string) => page.locator(`section#${id}`);
    await q("q1").locator("textarea").fill("Koret på onsdager.");
    await q("q2").locator("textarea").fill("Søsteren min, alltid.");
    await press(page, "Lagre svarene", q("q1"));
    expect(await q("q1").locator("textarea").inputValue()).toBe("Koret på onsdager.");
    expect(await q("q2").locator("textarea").inputValue(), "the other answer survives the save").toBe("Søsteren min, alltid.");
    expect(await q("q1").getByRole("status").textContent()).toContain("Svaret er lagret");
    expect(await q("q2").getByRole("status").textContent()).toContain("Svaret er lagret");
    await screenshot(page, "no-loss-card-saved-360");

    // Both are kept: a fresh visit shows them.
    await page.goto("/verktoy/kort/tilhorighet");
    expect(await q("q2").locator("textarea").inputValue()).toBe("Søsteren min, alltid.");

    // Change only q1 and save under q2: q1 gets one earlier version, q2 none.
    await q("q1").locator("textarea").fill("Koret på onsdager, og naboen.");
    await press(page, "Lagre svarene", q("q2"));
    expect(await q("q1").locator("details").last().textContent()).toContain("Én tidligere versjon");
    expect(await q("q2").locator("details").count(), "only the tags, no history: the unchanged answer got no new version").toBe(1);

    // An answer of spaces is not saved as an answer, and the page says so.
    await q("q3").locator("textarea").fill("   \n   ");
    await press(page, "Lagre svarene", q("q3"));
    expect(await q("q3").getByRole("status").textContent()).toContain("bare mellomrom");
    expect(await q("q3").textContent(), "nothing saved for q3").not.toContain("Sist lagret");
    await page.goto("/verktoy/mappe");
    expect(await page.locator("main").textContent()).toContain("Søsteren min, alltid.");
    await context.close();
  });

  it("the value reflection: two values written, “save” under the first keeps and saves both (after a sort whose too-many error opens at the summary)", async () => {
    const { context, page } = await phone();
    // A sort of twelve "very important" values.
    await page.goto("/verktoy/verdier");
    await press(page, "Start sorteringen");
    for (const radio of await page.getByLabel("Svært viktig for meg", { exact: true }).all()) await radio.check();
    await press(page, "Lagre og neste side");
    const page2 = await page.getByLabel("Svært viktig for meg", { exact: true }).all();
    for (const radio of page2.slice(0, 2)) await radio.check();
    await press(page, "Lagre og velg de viktigste");
    expect(new URL(page.url()).pathname).toMatch(/\/velg$/);

    // Item 5: twelve ticked and submitted — the page opens at the summary, in the first screen and focused.
    const boxes = page.locator("#field-top input[type=checkbox]");
    expect(await boxes.count()).toBe(12);
    for (const box of await boxes.all()) await box.check();
    await press(page, "Lagre og sett i rekkefølge");
    const summary = page.getByTestId("error-summary");
    expect(await summary.textContent()).toContain("Velg høyst 10 verdier.");
    expect(await focused(page), "the summary has focus").toBe("error-summary");
    expect(await inFirstScreen(page, summary), "the summary is in view").toBe(true);
    // In the first screen of the page itself (not only scrolled to), and before the list of values.
    const top = await summary.evaluate((el) => ({
      y: el.getBoundingClientRect().top + window.scrollY,
      height: window.innerHeight,
      beforeList: Boolean(el.compareDocumentPosition(document.querySelector("#field-top")!) & Node.DOCUMENT_POSITION_FOLLOWING),
    }));
    expect(top.y, "the summary's place on the page").toBeLessThan(top.height);
    expect(top.beforeList, "the summary comes before the values").toBe(true);
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#field-top");
    expect(await page.locator("#field-top input:checked").count(), "the ticks are kept").toBe(12);
    await screenshot(page, "no-loss-choose-too-many-360");
    await expectNoAxeViolations(page, "values choose with too many");

    for (const box of (await boxes.all()).slice(5)) await box.uncheck();
    await press(page, "Lagre og sett i rekkefølge");
    await press(page, "Ferdig");
    expect(await page.getByTestId("my-values").locator("li").count()).toBe(5);

    await page.goto("/verktoy/verdier/refleksjon");
    await page.locator("#value-meaning-1").fill("Det betyr at jeg blir godtatt.");
    await page.locator("#value-obstacles-2").fill("Tiden strekker ikke til.");
    await page.locator("#value-meaning-3").fill("   \n  ");
    await press(page, "Lagre svarene", page.locator("section#value-1"));
    expect(await page.locator("#value-meaning-1").inputValue()).toBe("Det betyr at jeg blir godtatt.");
    expect(await page.locator("#value-obstacles-2").inputValue(), "the other value's text survives the save").toBe("Tiden strekker ikke til.");
    expect(await page.locator("section#value-2").getByRole("status").textContent()).toContain("Svaret er lagret");
    expect(await page.locator("section#value-3").getByRole("status").count(), "spaces only: nothing saved for the third value").toBe(0);
    await page.goto("/verktoy/verdier/refleksjon");
    expect(await page.locator("#value-obstacles-2").inputValue()).toBe("Tiden strekker ikke til.");
    expect(await page.locator("#value-meaning-3").inputValue(), "spaces are no answer").toBe("");
    await screenshot(page, "no-loss-reflection-360");
    await expectNoAxeViolations(page, "value reflection");
    await context.close();
  });
});

describe("a new values sort", () => {
  it("keeps the current values in view while it is under way, and “Start” picks it up instead of adding another", async () => {
    const { context, page } = await phone();
    await page.goto("/verktoy/verdier");
    const values = await page.getByTestId("my-values").locator("li strong").allTextContents();
    expect(values).toHaveLength(5);
    const csrf = await page.locator("input[name=csrf]").first().inputValue();
    await press(page, "Start en ny sortering");
    const sortUrl = new URL(page.url()).pathname;
    expect(sortUrl).toMatch(/\/sorter$/);
    await page.getByLabel("Svært viktig for meg", { exact: true }).first().check();
    await press(page, "Lagre og neste side");

    await page.goto("/verktoy/verdier");
    expect(await page.getByTestId("my-values").locator("li strong").allTextContents(), "the values in force are still shown").toEqual(values);
    expect(await page.getByTestId("unfinished-sort").textContent()).toContain("1 verdi sortert");
    expect(await page.getByRole("button", { name: /Start/ }).count(), "no second sort to start").toBe(0);
    await screenshot(page, "no-loss-values-under-way-360");
    await expectNoAxeViolations(page, "values with a sort under way");
    // A "Start" from a page opened earlier (another tab) picks up the same sort.
    const again = await page.request.post("/verktoy/verdier", { form: { csrf }, maxRedirects: 0 });
    expect(new URL(again.headers().location!, page.url()).pathname).toBe(sortUrl);
    await page.goto("/verktoy/verdier");
    expect(await page.locator("#sorts summary").textContent()).toContain("(2)");

    // Deleting a sort asks first.
    await page.locator("#sorts summary").click();
    await page.getByRole("link", { name: "Slett denne sorteringen" }).first().click();
    await page.waitForLoadState();
    const confirm = page.getByTestId("confirm-delete");
    expect(await confirm.textContent()).toContain("Slette sorteringen fra");
    expect(await inFirstScreen(page, confirm.getByRole("heading")), "the question is in view").toBe(true);
    await screenshot(page, "no-loss-values-confirm-360");
    await expectNoAxeViolations(page, "confirm deleting a sort");
    await press(page, "Ja, slett sorteringen");
    expect(await page.getByRole("status").textContent()).toContain("Sorteringen er slettet");
    expect(await page.getByTestId("my-values").locator("li strong").allTextContents()).toEqual(values);
    await context.close();
  });
});

describe("deleting asks first, and never throws away what was typed", () => {
  it("a card answer with its earlier version: asked, cancelled, asked again, deleted; the other answer typed meanwhile is kept", async () => {
    const { context, page } = await phone();
    await page.goto("/verktoy/kort/identitet");
    const q = (id: string) => page.locator(`section#${id}`);
    await q("q1").locator("textarea").fill("Jeg er en som lager mat.");
    await press(page, "Lagre svarene", q("q1"));
    await q("q1").locator("textarea").fill("Jeg er en som lager mat til mange.");
    await press(page, "Lagre svarene", q("q1"));

    // The delete button stands apart from the save button on a phone.
    const save = await button(q("q1"), "Lagre svarene").boundingBox();
    const del = await button(q("q1"), "Slett svaret").boundingBox();
    expect(del!.y - (save!.y + save!.height), "space between “Lagre” and “Slett”").toBeGreaterThanOrEqual(24);

    await q("q2").locator("textarea").fill("Skrevet, ikke lagret ennå.");
    await press(page, "Slett svaret", q("q1"));
    const confirm = page.getByTestId("confirm-delete");
    expect(await confirm.textContent()).toContain("Slette svaret ditt og den ene tidligere versjonen av det?");
    expect(await inFirstScreen(page, confirm), "the page opens at the question").toBe(true);
    expect(await q("q1").locator("textarea").inputValue()).toBe("Jeg er en som lager mat til mange.");
    expect(await q("q2").locator("textarea").inputValue(), "typed text kept while asking").toBe("Skrevet, ikke lagret ennå.");
    await screenshot(page, "no-loss-card-confirm-360");
    await expectNoAxeViolations(page, "confirm deleting a card answer");

    await press(page, "Nei, ikke slett", q("q1"));
    expect(await q("q1").locator("textarea").inputValue(), "nothing deleted").toBe("Jeg er en som lager mat til mange.");
    expect(await q("q2").locator("textarea").inputValue()).toBe("Skrevet, ikke lagret ennå.");

    await q("q2").locator("textarea").fill("Skrevet igjen.");
    await press(page, "Slett svaret", q("q1"));
    await press(page, "Ja, slett svaret", q("q1"));
    expect(await q("q1").locator("textarea").inputValue()).toBe("");
    expect(await q("q1").getByRole("status").textContent()).toContain("er slettet");
    expect(await q("q1").locator("details").count(), "the earlier version went too").toBe(1);
    expect(await q("q2").locator("textarea").inputValue()).toBe("Skrevet igjen.");
    await page.goto("/verktoy/kort/identitet");
    expect(await q("q2").locator("textarea").inputValue(), "and it was saved").toBe("Skrevet igjen.");
    await context.close();
  });

  it("the dream: a step and a goal are deleted only after a yes; the dream text and a new goal typed meanwhile are kept", async () => {
    const { context, page } = await phone();
    await page.goto("/verktoy/drommen");
    // A goal of only spaces is refused with a message at the top, linking to the field (items 5 and 14).
    await page.locator("#dream-goal").fill("   ");
    await press(page, "Legg til målet");
    const summary = page.getByTestId("error-summary");
    expect(await summary.textContent()).toContain("Fyll ut dette feltet.");
    expect(await summary.getByRole("link").getAttribute("href")).toBe("#dream-goal");
    expect(await focused(page)).toBe("error-summary");
    expect(await page.locator("li.kp-goal").count(), "no empty goal").toBe(0);
    await page.locator("#dream-goal").fill("Lære å seile");
    await press(page, "Legg til målet");
    const goal = page.locator("li.kp-goal", { hasText: "Lære å seile" });
    await goal.getByLabel("Nytt steg").fill("Melde meg på kurs");
    await press(page, "Legg til steget", goal);

    await page.locator("#dream-dream").fill("Å bo ved sjøen.");
    await page.locator("#dream-goal").fill("Kjøpe en jolle");
    await press(page, "Slett steget: Melde meg på kurs");
    expect(await page.getByTestId("confirm-delete").textContent()).toContain("Slette steget «Melde meg på kurs»?");
    expect(await page.locator("#dream-goal").inputValue(), "a new goal typed is kept").toBe("Kjøpe en jolle");
    await screenshot(page, "no-loss-dream-confirm-step-360");
    await expectNoAxeViolations(page, "confirm deleting a step");
    await press(page, "Ja, slett steget");
    expect(await page.getByRole("status").first().textContent()).toContain("Steget er slettet");
    expect(await goal.textContent()).not.toContain("Melde meg på kurs");
    expect(await page.locator("#dream-dream").inputValue()).toBe("Å bo ved sjøen.");
    expect(await page.locator("#dream-goal").inputValue()).toBe("Kjøpe en jolle");

    await goal.getByLabel("Nytt steg").fill("Låne en båt");
    await press(page, "Legg til steget", goal);
    expect(await page.locator("#dream-goal").inputValue(), "still kept").toBe("Kjøpe en jolle");
    await press(page, "Slett målet: Lære å seile");
    expect(await page.getByTestId("confirm-delete").textContent()).toContain("Slette målet «Lære å seile» og det ene steget?");
    await press(page, "Nei, ikke slett");
    expect(await goal.count()).toBe(1);
    await press(page, "Slett målet: Lære å seile");
    await press(page, "Ja, slett målet");
    expect(await page.locator("li.kp-goal", { hasText: "Lære å seile" }).count()).toBe(0);
    expect(await page.locator("#dream-goal").inputValue()).toBe("Kjøpe en jolle");
    await page.goto("/verktoy/drommen");
    expect(await page.locator("#dream-dream").inputValue(), "the dream text was saved on the way").toBe("Å bo ved sjøen.");
    // "Lagre" with nothing changed says so, instead of reloading without a word.
    await press(page, "Lagre");
    expect(await page.getByRole("status").first().textContent()).toContain("Ingen endringer å lagre");
    expect(await page.locator("#dream-dream").inputValue()).toBe("Å bo ved sjøen.");
    await screenshot(page, "no-loss-dream-360");
    await context.close();
  });

  it("a stage entry: asked first; a note typed meanwhile is kept", async () => {
    const { context, page } = await phone();
    await page.goto("/verktoy/stadier");
    await page.getByLabel("Forberede").check();
    await press(page, "Lagre");
    expect(await page.getByTestId("stage-timeline").locator("li").count()).toBe(1);
    await page.getByLabel("Vokse").check();
    await page.locator("#field-note").fill("Et notat jeg ikke har lagret.");
    await press(page, /^Slett:/);
    const confirm = page.getByTestId("confirm-delete");
    expect(await confirm.textContent()).toContain("Slette det du valgte");
    expect(await page.locator("#field-note").inputValue()).toBe("Et notat jeg ikke har lagret.");
    await screenshot(page, "no-loss-stages-confirm-360");
    await expectNoAxeViolations(page, "confirm deleting a stage entry");
    await press(page, "Ja, slett det");
    expect(await page.getByTestId("stage-timeline").count()).toBe(0);
    expect(await page.locator("#field-note").inputValue()).toBe("Et notat jeg ikke har lagret.");
    expect(await page.getByLabel("Vokse").isChecked()).toBe(true);
    await context.close();
  });
});
