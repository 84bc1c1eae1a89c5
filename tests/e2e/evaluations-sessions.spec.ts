import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, type Mode } from "./browser";

/**
 * Bruker Spør Bruker, interview sessions and the analysis in the browser (issue 13, items 4 and 5). The
 * pages are server-rendered HTML without React on the client, so every form is a full page load, with
 * JavaScript on or off: the interviewer records a session (a bad number first), is warned about a name in
 * a quote and rewrites it, writes notes, splits them into statements and codes one; the analysis shows it.
 * The service contact cannot open the session.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function go(page: Page, click: () => Promise<unknown>) {
  await Promise.all([page.waitForNavigation(), click()]);
}
const press = (page: Page, name: string) => go(page, () => page.getByRole("button", { name, exact: true }).first().click());

/** The demo project in the interviews phase (the interviewer is on it). */
async function interviewsProject(page: Page): Promise<string> {
  await page.goto("/evalueringer");
  const hrefs = await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "").filter((h) => /^\/evalueringer\/[0-9a-f-]{36}$/.test(h)));
  for (const href of [...new Set(hrefs)]) {
    await page.goto(`${href}/intervju/ny`);
    if ((await page.locator("body").textContent())?.includes("Fase: Intervjuer")) return href;
  }
  throw new Error("no project in the interviews phase");
}

const modes: Mode[] = [
  { js: false, width: 360 },
  { js: true, width: 1280 },
];

describe("interview sessions and coding", () => {
  for (const mode of modes) {
    it(`records a session, screens a quote, codes a statement (JavaScript ${mode.js ? "on" : "off"}, ${mode.width} px)`, async () => {
      const context = await newContext(browser, mode);
      const page = await context.newPage();
      await logIn(page, "intervjuer@example.org");
      const project = await interviewsProject(page);
      expect(await page.locator("h1").allTextContents()).toEqual(["Nytt intervju"]);
      await expectNoAxeViolations(page, "new session");

      // Eight in a group: refused with a message, what was typed kept.
      const today = new Date().toISOString().slice(0, 10);
      await page.locator("#field-heldOn").fill(today);
      await page.locator("#field-siteId").selectOption({ index: 1 });
      await page.locator("#field-participants").fill("8");
      const boxes = page.locator("input[name=interviewers]");
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await press(page, "Registrer intervjuet");
      expect(await page.getByTestId("error-summary").textContent()).toContain("Et gruppeintervju har 3–7 deltakere");
      expect(await page.locator("#field-participants").inputValue()).toBe("8");
      await expectNoAxeViolations(page, "new session refused");
      await page.locator("#field-participants").fill("5");
      await press(page, "Registrer intervjuet");
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${project}/intervju/[0-9a-f-]{36}$`));
      const session = new URL(page.url()).pathname;
      await expectNoAxeViolations(page, "session");

      // A quote with a first name: warned, with the name shown; rewritten, saved.
      await page.locator("#quote-themeId").selectOption({ index: 1 });
      await page.locator("#quote-text").fill("Kari på resepsjonen hjalp meg alltid.");
      await press(page, "Lagre sitatet");
      const warning = page.getByTestId("screening-findings");
      expect(await warning.textContent()).toContain("Fornavn: «Kari»");
      expect(await page.locator("#quote-text").inputValue()).toBe("Kari på resepsjonen hjalp meg alltid.");
      await expectNoAxeViolations(page, "quote warned");
      await page.locator("#quote-text").fill("Hun på resepsjonen hjalp meg alltid.");
      await press(page, "Lagre sitatet");
      expect(await page.locator("blockquote").allTextContents()).toContain("«Hun på resepsjonen hjalp meg alltid.»");

      // Notes, one statement per line (27: the coding form shows 25 a page); then split and code in the analysis.
      const filler = Array.from({ length: 25 }, (_, i) => `Utsagn om dagen, nummer ${i + 3}`);
      await page.locator("textarea[name^=note-]").first().fill(["Ble møtt med respekt", "Ventetiden var for lang", ...filler].join("\n"));
      await press(page, "Lagre notatene");
      expect(await page.getByRole("status").first().textContent()).toContain("Notatene er lagret");
      await page.goto(session.replace("/intervju/", "/analyse/"));
      await press(page, "Del 1 notat i utsagn");
      expect(await page.locator("textarea[name^=text-]").count()).toBe(25);
      expect(await page.locator("main").textContent()).toContain("Utsagn 1–25 av 27");
      const first = page.locator("fieldset").filter({ hasText: "Utsagn 1" }).first();
      await first.getByLabel("Positivt", { exact: true }).check();
      await first.getByLabel("Respekt", { exact: true }).check();
      await press(page, "Lagre kodingen");
      expect(await page.getByRole("status").first().textContent()).toContain("Kodingen er lagret");
      await expectNoAxeViolations(page, "coding");
      // The second page: statements 26 and 27; coded and saved, it stays on that page.
      await go(page, () => page.getByRole("link", { name: "Neste side" }).click());
      expect(await page.locator("textarea[name^=text-]").count()).toBe(2);
      const last = page.locator("fieldset").filter({ hasText: "Utsagn 27" }).first();
      expect(await last.locator("textarea").inputValue()).toBe("Utsagn om dagen, nummer 27");
      await last.getByLabel("Forslag", { exact: true }).check();
      await press(page, "Lagre kodingen");
      expect(new URL(page.url()).searchParams.get("side")).toBe("2");
      expect(await page.getByRole("status").first().textContent()).toContain("Kodingen er lagret");
      expect(await page.locator("fieldset").filter({ hasText: "Utsagn 27" }).first().getByLabel("Forslag", { exact: true }).isChecked()).toBe(true);
      await page.goto(`${project}/analyse`);
      expect(await page.locator("table").first().locator("tr", { hasText: "Respekt" }).locator("td").first().textContent()).not.toBe("0");
      expect(await page.getByTestId("statement-chart").count()).toBe(1);
      await expectNoAxeViolations(page, "analysis");
      await context.close();

      // The service contact is refused the session and the analysis.
      const other = await newContext(browser, mode);
      const contact = await other.newPage();
      await logIn(contact, "tjeneste@example.org");
      for (const path of [session, `${project}/intervju`, `${project}/analyse`]) {
        const response = await contact.goto(path);
        expect([403, 404], path).toContain(response?.status());
      }
      await other.close();
    });
  }
});
