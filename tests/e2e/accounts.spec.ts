import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, submit } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const press = (page: Page, name: RegExp | string) => submit(page, page.getByRole("button", { name }));
const h1 = (page: Page) => page.locator("h1").textContent();

for (const js of [true, false]) {
  describe(`accounts with JavaScript ${js ? "on" : "off"}`, () => {
    it("signs up, logs out, logs in, switches to nynorsk, and logs out", async () => {
      const context = await newContext(browser, { js, width: 360 });
      const page = await context.newPage();
      const email = `ny-${js ? "js" : "nojs"}-${Date.now()}@example.org`;

      await page.goto("/registrer");
      // Bad input first: errors in bokmål, typed values kept.
      await page.locator("#field-name").fill("Sol Test");
      await page.locator("#field-email").fill("ikke-en-epost");
      await page.locator("#field-password").fill("kort");
      await press(page, /^Lag konto$/);
      await expect.poll(() => page.getByTestId("error-summary").isVisible()).toBe(true);
      expect(await page.locator("#field-email-error").textContent()).toContain("Skriv en e-postadresse");
      expect(await page.locator("#field-password-error").textContent()).toContain("minst 12 tegn");
      expect(await page.locator("#field-name").inputValue()).toBe("Sol Test");
      expect(await page.locator("#field-email").inputValue()).toBe("ikke-en-epost");
      await expectNoAxeViolations(page, "sign-up with errors");
      await screenshot(page, `signup-errors-${js ? "js" : "nojs"}`);

      await page.locator("#field-email").fill(email);
      await page.locator("#field-password").fill("et-godt-langt-passord");
      await press(page, /^Lag konto$/);
      expect(new URL(page.url()).pathname).toBe("/min-side");
      expect(await h1(page)).toBe("Min side");
      expect(await page.getByText("Hei, Sol Test!").count()).toBe(1);

      await press(page, /^Logg ut$/);
      expect(new URL(page.url()).pathname).toBe("/");
      expect(await page.getByText("Du er logget ut.").count()).toBe(1);

      await logIn(page, email, "et-godt-langt-passord");
      expect(new URL(page.url()).pathname).toBe("/min-side");

      await page.locator('[data-lang-switch="nn"]').click();
      await page.waitForURL(/lang=nn/);
      expect(await page.locator("html").getAttribute("lang")).toBe("nn");
      expect(await page.getByRole("button", { name: "Logg ut" }).count()).toBe(1);
      expect(await page.getByText("Sentera dine").count() + (await page.getByText("Sentra dine").count())).toBeGreaterThan(0);
      // The choice is remembered without the parameter.
      await page.goto("/min-side");
      expect(await page.locator("html").getAttribute("lang")).toBe("nn");
      await screenshot(page, `my-page-nn-${js ? "js" : "nojs"}`);

      await press(page, /^Logg ut$/);
      expect(new URL(page.url()).pathname).toBe("/");
      await page.goto("/min-side");
      expect(new URL(page.url()).pathname).toBe("/logg-inn");
      await context.close();
    });

    it("resets a forgotten password through the outbox", async () => {
      const context = await newContext(browser, { js, width: 1280 });
      const page = await context.newPage();
      const email = `glemsk-${js ? "js" : "nojs"}-${Date.now()}@example.org`;
      await page.goto("/registrer");
      await page.locator("#field-name").fill("Glemsk");
      await page.locator("#field-email").fill(email);
      await page.locator("#field-password").fill("det-gamle-passordet");
      await press(page, /^Lag konto$/);
      expect(new URL(page.url()).pathname).toBe("/min-side");
      await press(page, /^Logg ut$/);

      await page.goto("/glemt-passord");
      await page.locator("#field-email").fill(email);
      await press(page, /^Send lenke$/);
      expect(await page.getByRole("status").textContent()).toContain(email);

      // The administrator reads the mail in the development outbox.
      const admin = await (await newContext(browser, { js, width: 1280 })).newPage();
      await logIn(admin, "admin@example.org");
      await admin.goto("/admin/utboks");
      const mail = admin.getByTestId("outbox-mail").filter({ hasText: email }).first();
      const body = (await mail.textContent()) ?? "";
      const link = /https?:\/\/[^\s]+\/nytt-passord\/[A-Za-z0-9_-]+/.exec(body)?.[0];
      expect(link).toBeTruthy();
      await admin.context().close();

      await page.goto(new URL(link!).pathname);
      await page.locator("#field-password").fill("kort");
      await press(page, /^Lagre nytt passord$/);
      expect(await page.locator("#field-password-error").textContent()).toContain("minst 12 tegn");
      await page.locator("#field-password").fill("det-nye-passordet-2");
      await press(page, /^Lagre nytt passord$/);
      expect(page.url()).toMatch(/\/logg-inn\?reset=1$/);

      // The link is single use.
      await page.goto(new URL(link!).pathname);
      expect(await h1(page)).toBe("Lenken virker ikke lenger");

      // Old password refused with a message that does not say whether the account exists; new one works.
      await page.goto("/logg-inn");
      await page.locator("#field-email").fill(email);
      await page.locator("#field-password").fill("det-gamle-passordet");
      await press(page, /^Logg inn$/);
      const wrong = await page.getByTestId("error-summary").textContent();
      await page.locator("#field-email").fill(`finnes-ikke-${Date.now()}@example.org`);
      await page.locator("#field-password").fill("det-gamle-passordet");
      await press(page, /^Logg inn$/);
      expect(await page.getByTestId("error-summary").textContent()).toBe(wrong);
      await logIn(page, email, "det-nye-passordet-2");
      expect(new URL(page.url()).pathname).toBe("/min-side");
      await context.close();
    });
  });
}

describe("roles", () => {
  it("gives every demo account what its role allows", async () => {
    const cases: [string, { members: boolean; admin: boolean }][] = [
      ["deltaker@example.org", { members: false, admin: false }],
      ["erfaring@example.org", { members: false, admin: false }],
      ["koordinator@example.org", { members: true, admin: false }],
      ["intervjuer@example.org", { members: false, admin: false }],
      ["tjeneste@example.org", { members: false, admin: false }],
      ["admin@example.org", { members: true, admin: true }],
    ];
    const context = await newContext(browser, { js: true, width: 1280 });
    const page = await context.newPage();
    await page.goto("/sentre");
    const kbtHref = await page.getByRole("link", { name: /^KBT/ }).getAttribute("href");
    for (const [email, allowed] of cases) {
      await context.clearCookies();
      await logIn(page, email);
      const members = await page.goto(`${kbtHref}/medlemmer`);
      expect(members?.status(), `${email} members`).toBe(allowed.members ? 200 : 403);
      const admin = await page.goto("/admin");
      expect(admin?.status(), `${email} admin`).toBe(allowed.admin ? 200 : 403);
    }
    await context.close();
  });

  it("lets a coordinator invite a person who accepts, then change the role", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    await page.goto("/min-side");
    await Promise.all([page.waitForNavigation(), page.getByRole("link", { name: "Medlemmer og roller" }).first().click()]);
    expect(page.url()).toMatch(/\/medlemmer$/);
    const email = `invitert-${Date.now()}@example.org`;
    await page.locator("#field-email").fill(email);
    await page.locator("#field-roles-interviewer").check();
    await press(page, "Send invitasjon");
    expect(await page.getByRole("status").textContent()).toContain(email);
    await screenshot(page, "members-360-nojs");
    await expectNoAxeViolations(page, "members after invite");

    const admin = await (await newContext(browser, { js: true, width: 1280 })).newPage();
    await logIn(admin, "admin@example.org");
    await admin.goto("/admin/utboks");
    const body = (await admin.getByTestId("outbox-mail").filter({ hasText: email }).first().textContent()) ?? "";
    const link = /https?:\/\/[^\s]+\/invitasjon\/[A-Za-z0-9_-]+/.exec(body)![0];
    await admin.context().close();

    const invited = await (await newContext(browser, { js: false, width: 360 })).newPage();
    await invited.goto(new URL(link).pathname);
    await Promise.all([invited.waitForNavigation(), invited.getByRole("link", { name: "Lag en konto" }).click()]);
    await invited.locator("#field-name").fill("Invitert Person");
    await invited.locator("#field-email").fill(email);
    await invited.locator("#field-password").fill("invitert-passord-1");
    await press(invited, "Lag konto");
    expect(invited.url()).toMatch(/\/invitasjon\//);
    await press(invited, "Takk ja, bli med");
    expect(new URL(invited.url()).pathname).toBe("/min-side");
    expect(await invited.getByText("Intervjuer", { exact: true }).count()).toBeGreaterThan(0);

    await page.reload();
    const card = page.getByTestId("member").filter({ hasText: "Invitert Person" });
    await card.getByLabel("Erfaringsmedarbeider").check();
    await card.getByLabel("Intervjuer").uncheck();
    await submit(page, card.getByRole("button", { name: "Lagre roller" }));
    expect(await page.getByRole("status").textContent()).toContain("Rollene er lagret");

    // The invited person sees the coordinator's read and change in their own access log.
    await invited.goto("/min-side/innsyn");
    const log = (await invited.getByTestId("access-log").textContent()) ?? "";
    expect(log).toContain("Koordinator Demo");
    expect(log).toContain("Endret rollene dine i senteret");
    await invited.context().close();
    await context.close();
  });
});
