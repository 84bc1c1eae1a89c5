import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseUrl, expectNoAxeViolations, launch, logIn, newContext, screenshot, settled, submit } from "./browser";
import { startOwnServer, type OwnServer } from "./own-server";

/**
 * Issue 11, first use on a phone and a first start: the compact header and its menu without JavaScript
 * (item 4), error summaries the page opens at (item 5), the data controller on /personvern and in the footer
 * (item 6), a front page that links what exists (item 8), and a quiet, honest server (item 16: 431 page,
 * aborted requests).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const phone = { width: 360, height: 740 };

/** Where an element starts and ends on the page (document coordinates). */
async function box(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: Math.round(r.top + window.scrollY), bottom: Math.round(r.bottom + window.scrollY) };
  });
}

const activeTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? null);

for (const js of [false, true]) {
  const mode = js ? "js" : "nojs";
  describe(`first use on a 360 × 740 phone, JavaScript ${js ? "on" : "off"}`, () => {
    it("shows every page's heading, and the conversation's text box, in the first screen", async () => {
      const context = await newContext(browser, { js, width: phone.width });
      const page = await context.newPage();
      for (const path of ["/", "/tilbud", "/sentre", "/personvern", "/logg-inn", "/registrer"]) {
        await page.goto(path);
        const h1 = await box(page, "h1");
        expect(h1.bottom, `h1 of ${path} ends within the first screen`).toBeLessThanOrEqual(phone.height);
        expect(await page.locator("header").evaluate((h) => h.getBoundingClientRect().height), `header of ${path}`).toBeLessThanOrEqual(140);
      }
      await logIn(page, "deltaker@example.org");
      for (const path of ["/min-side", "/verktoy"]) {
        await page.goto(path);
        expect((await box(page, "h1")).bottom, `h1 of ${path}`).toBeLessThanOrEqual(phone.height);
      }
      // Conversation mode ("stor tekst"): the question and the box to answer in, without scrolling.
      await page.goto("/verktoy/kort/drommen/samtale?sporsmal=2");
      expect((await box(page, "h1")).bottom).toBeLessThanOrEqual(phone.height);
      const textBox = await box(page, "main textarea");
      expect(textBox.top, "the text box starts at least a line above the fold").toBeLessThanOrEqual(phone.height - 48);
      await screenshot(page, `first-use-conversation-360-${mode}`);
      await context.close();
    });

    it("opens the menu without JavaScript, by pointer and keyboard, and its links work", async () => {
      const context = await newContext(browser, { js, width: phone.width });
      const page = await context.newPage();
      await logIn(page, "erfaring@example.org");
      await page.goto("/tilbud");
      const menu = page.getByTestId("menu");
      const summary = menu.locator("summary");
      expect(await summary.textContent()).toBe("Meny");
      // Folded away: the links are not shown until the menu is opened; the wide row of links is not shown.
      expect(await menu.getByRole("link", { name: "Sentrene" }).isVisible()).toBe(false);
      expect(await page.locator("nav.kp-nav").isVisible()).toBe(false);
      expect(await page.getByRole("navigation", { name: "Hovedmeny" }).count()).toBe(0);
      await summary.click();
      expect(await menu.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      // One main menu for assistive technology, with the peer worker's "Delt med meg" in it.
      const nav = page.getByRole("navigation", { name: "Hovedmeny" });
      expect(await nav.count()).toBe(1);
      expect(await nav.getByRole("link").allTextContents()).toEqual(["Forside", "Finn tilbud", "Sentrene", "Min side", "Verktøykassen", "Delt med meg"]);
      expect(await nav.getByRole("link", { name: "Finn tilbud" }).getAttribute("aria-current")).toBe("page");
      await expectNoAxeViolations(page, `menu open at 360 px (${mode})`);
      await screenshot(page, `first-use-menu-open-360-${mode}`);
      await Promise.all([page.waitForURL(/\/delt-med-meg$/), nav.getByRole("link", { name: "Delt med meg" }).click()]);
      await settled(page);
      expect(await page.locator("h1").textContent()).toBe("Delt med meg");
      // A new page starts with the menu folded.
      expect(await page.getByTestId("menu").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);

      // By keyboard: the menu button takes focus, Enter opens it, Tab goes into its links.
      await page.goto("/sentre");
      await page.getByTestId("menu").locator("summary").focus();
      await page.keyboard.press("Enter");
      expect(await page.getByTestId("menu").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Forside");
      await Promise.all([page.waitForURL((url) => url.pathname === "/"), page.keyboard.press("Enter")]);
      expect(await page.locator("h1").count()).toBe(1);
      if (js) {
        // On a hydrated page (the map; visitor and participant pages load no JavaScript, ADR 0022), Escape
        // also closes it and puts focus back on its button.
        await page.goto("/tilbud/kart");
        await settled(page);
        await page.getByTestId("menu").locator("summary").click();
        await page.keyboard.press("Escape");
        expect(await page.getByTestId("menu").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("SUMMARY");
      }
      await context.close();
    });

    it("opens a failed log-in at its error summary, and sign-up keeps what was typed", async () => {
      const context = await newContext(browser, { js, width: phone.width });
      const page = await context.newPage();
      await page.goto("/logg-inn");
      await page.locator("#field-email").fill("deltaker@example.org");
      await page.locator("#field-password").fill("feil-passord-helt-sikkert");
      await submit(page, page.getByRole("button", { name: "Logg inn" }));
      await expect.poll(() => activeTestId(page), { timeout: 5000 }).toBe("error-summary");
      const summary = await box(page, "[data-testid=error-summary]");
      const scrolled = await page.evaluate(() => window.scrollY);
      expect(summary.top - scrolled, "the summary is on screen").toBeGreaterThanOrEqual(0);
      expect(summary.top - scrolled).toBeLessThan(phone.height);
      expect(await page.getByTestId("error-summary").getByRole("link").first().getAttribute("href")).toBe("#field-password");
      expect(await page.locator("#field-email").inputValue()).toBe("deltaker@example.org");
      await expectNoAxeViolations(page, `log-in failed (${mode})`);
      await screenshot(page, `first-use-login-failed-360-${mode}`);

      await page.goto("/registrer");
      await page.locator("#field-name").fill("Ny Person");
      await page.locator("#field-email").fill("ny.person@example.org");
      await page.locator("#field-password").fill("kort");
      await submit(page, page.getByRole("button", { name: "Lag konto" }));
      await expect.poll(() => activeTestId(page), { timeout: 5000 }).toBe("error-summary");
      expect(await page.locator("#field-name").inputValue()).toBe("Ny Person");
      expect(await page.locator("#field-email").inputValue()).toBe("ny.person@example.org");
      expect(await page.getByTestId("error-summary").getByRole("link").allTextContents()).toEqual([expect.stringContaining("minst 12 tegn")]);
      await context.close();
    });

    it("shows a coordinator's refused role change in a summary that links to that person's roles", async () => {
      const context = await newContext(browser, { js, width: phone.width });
      const page = await context.newPage();
      await logIn(page, "koordinator@example.org");
      await page.getByTestId("menu").locator("summary").click();
      await Promise.all([page.waitForURL(/\/medlemmer$/), page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Medlemmer" }).click()]);
      await settled(page);
      // Someone else's card: untick every role and save (refused: choose a role or remove the person).
      const card = page.getByTestId("member").filter({ hasNotText: "(deg)" }).first();
      for (const box of await card.getByRole("checkbox").all()) if (await box.isChecked()) await box.uncheck();
      await submit(page, card.getByRole("button", { name: "Lagre roller" }));
      await expect.poll(() => activeTestId(page), { timeout: 5000 }).toBe("error-summary");
      const link = page.getByTestId("error-summary").getByRole("link");
      expect(await link.textContent()).toContain("Velg minst én rolle, eller fjern personen fra senteret.");
      const target = (await link.getAttribute("href"))!;
      expect(target).toMatch(/^#m-[0-9a-f-]{36}-roles$/);
      expect(await page.locator(target).count()).toBe(1);
      await expectNoAxeViolations(page, `members, refused role change (${mode})`);
      await context.close();
    });
  });
}

describe("the wide header at 1280 px", () => {
  it("shows the menu as a row of links, without the phone's menu button, for each role", async () => {
    const context = await newContext(browser, { js: true, width: 1280 });
    const page = await context.newPage();
    await page.goto("/");
    expect(await page.getByTestId("menu").isVisible()).toBe(false);
    expect(await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link").allTextContents()).toEqual(["Forside", "Finn tilbud", "Sentrene"]);
    await logIn(page, "deltaker@example.org");
    await page.goto("/");
    expect(await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link").allTextContents()).toEqual(["Forside", "Finn tilbud", "Sentrene", "Min side", "Verktøykassen"]);
    await screenshot(page, "first-use-home-1280");
    await context.close();
  });
});

describe("the front page tells what exists (item 8)", () => {
  for (const loggedIn of [false, true]) {
    it(`links the toolkit and the offers, and names what is coming, ${loggedIn ? "logged in" : "as a visitor"}`, async () => {
      const context = await newContext(browser, { js: false, width: 360 });
      const page = await context.newPage();
      if (loggedIn) await logIn(page, "deltaker@example.org");
      await page.goto("/");
      const available = page.getByTestId("modules-available");
      expect(await available.getByRole("link").allTextContents()).toEqual(["Verktøykasse", "Tilbud"]);
      expect(await available.getByRole("link", { name: "Verktøykasse" }).getAttribute("href")).toBe("/verktoy");
      expect(await available.getByText("Kommer snart").count()).toBe(0);
      expect(await available.getByText("Logg inn for å bruke den").count()).toBe(loggedIn ? 0 : 1);
      const coming = page.getByTestId("modules-coming");
      expect(await coming.getByRole("heading").allTextContents()).toEqual(["Bruker spør bruker", "Kurs og aktiviteter", "Erfaringskunnskap"]);
      expect(await coming.getByText("Kommer snart").count()).toBe(3);
      expect(await coming.getByRole("link").count()).toBe(0);
      await expectNoAxeViolations(page, `front page ${loggedIn ? "logged in" : "visitor"}`);
      await screenshot(page, `first-use-home-360-${loggedIn ? "user" : "visitor"}`);
      if (loggedIn) {
        await Promise.all([page.waitForURL(/\/verktoy$/), available.getByRole("link", { name: "Verktøykasse" }).click()]);
        expect(await page.locator("h1").count()).toBe(1);
      }
      await context.close();
    });
  }
});

describe("the data controller on /personvern and in the footer (item 6)", () => {
  it("shows the demo's example details, marked as such, in nb, nn and en", async () => {
    for (const [lang, heading, marker] of [
      ["nb", "Behandlingsansvarlig", "Demo: dette er eksempelopplysninger"],
      ["nn", "Behandlingsansvarleg", "Demo: dette er døme-opplysningar"],
      ["en", "Data controller", "Demo: these are example details"],
    ] as const) {
      for (const width of [360, 1280]) {
        const context = await newContext(browser, { js: width === 1280, width });
        const page = await context.newPage();
        await page.goto(`/personvern?lang=${lang}`);
        const section = page.getByTestId("controller");
        expect(await section.getByRole("heading", { level: 2 }).textContent()).toBe(heading);
        expect(await section.textContent()).toContain(marker);
        expect(await section.textContent()).toContain("Eksempelsenteret (demo)");
        expect(await section.getByRole("link", { name: "personvern@example.org" }).getAttribute("href")).toBe("mailto:personvern@example.org");
        const footer = page.getByTestId("footer-controller");
        expect(await footer.textContent()).toContain("Eksempelsenteret (demo)");
        expect(await footer.textContent()).toContain(marker);
        // The footer is on every page, not only this one.
        await expectNoAxeViolations(page, `personvern ${lang} ${width}`);
        await screenshot(page, `first-use-privacy-${lang}-${width}`);
        await page.goto(`/sentre?lang=${lang}`);
        expect(await page.getByTestId("footer-controller").textContent()).toContain("Eksempelsenteret (demo)");
        await context.close();
      }
    }
  });

  describe("on servers of their own", () => {
    let configured: OwnServer | undefined;
    let unset: OwnServer | undefined;
    beforeAll(async () => {
      [configured, unset] = await Promise.all([
        startOwnServer({
          DEMO: "0",
          CONTROLLER_NAME: "KBT – Kompetansesenter for brukererfaring",
          CONTROLLER_ORG_NUMBER: "991825827",
          CONTROLLER_ADDRESS: "Eksempelgata 2, 7011 Trondheim",
          CONTROLLER_EMAIL: "personvern@kbt.example.no",
          CONTROLLER_DPO_NAME: "Kari Ombud",
          CONTROLLER_DPO_EMAIL: "ombud@kbt.example.no",
        }),
        startOwnServer({ DEMO: "0" }),
      ]);
    }, 120_000);
    afterAll(async () => {
      await Promise.all([configured?.stop(), unset?.stop()]);
    });

    it("shows the configured controller and no demo marker", async () => {
      const context = await browser.newContext({ baseURL: configured!.url, viewport: phone, javaScriptEnabled: false, locale: "nb-NO" });
      const page = await context.newPage();
      await page.goto("/personvern");
      const text = await page.getByTestId("controller").textContent();
      for (const part of ["KBT – Kompetansesenter for brukererfaring", "Organisasjonsnummer", "991 825 827", "Eksempelgata 2, 7011 Trondheim", "personvern@kbt.example.no", "Personvernombud", "Kari Ombud", "ombud@kbt.example.no"]) {
        expect(text).toContain(part);
      }
      expect(text).not.toContain("Demo");
      expect(await page.getByTestId("footer-controller").textContent()).toBe("Behandlingsansvarlig: KBT – Kompetansesenter for brukererfaring · Organisasjonsnummer 991 825 827 · personvern@kbt.example.no");
      await screenshot(page, "first-use-privacy-configured-360");
      await context.close();
      expect(configured!.output()).not.toContain("config.controller_unset");
    });

    it("says plainly that it is not set, and the start warns in production", async () => {
      const res = await fetch(`${unset!.url}/personvern`);
      const html = await res.text();
      expect(html).toContain("Ikke oppgitt ennå");
      expect(unset!.output()).toMatch(/"level":"warn","msg":"config.controller_unset"/);
    });

    it("logs a log-in the client gave up on as aborted, not as a 500 or an error", async () => {
      const url = new URL(unset!.url);
      const page = await fetch(`${unset!.url}/logg-inn`);
      const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const cookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const body = new URLSearchParams({ csrf, email: "noen@example.org", password: "et-langt-passord-som-er-feil" }).toString();
      for (const delay of [1, 10, 30, 60]) {
        await new Promise<void>((resolve) => {
          const socket = net.connect(Number(url.port), url.hostname, () => {
            socket.write(
              `POST /logg-inn HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${unset!.url}\r\nCookie: ${cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
            );
            setTimeout(() => {
              socket.destroy();
              resolve();
            }, delay);
          });
        });
      }
      // Let the server finish whatever it was doing for them.
      await expect.poll(() => unset!.output().match(/"msg":"request\.aborted"[^\n]*"path":"\/logg-inn"/g)?.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
      const lines = unset!.output().split("\n").filter((l) => l.includes('"method":"POST"') && l.includes("/logg-inn"));
      for (const line of lines) {
        expect(line).not.toMatch(/"status":500/);
        expect(line).not.toMatch(/"level":"error"/);
      }
      expect(unset!.output()).not.toMatch(/"level":"error"/);
    });
  });
});

describe("a search URL over Node's header limit (item 16)", () => {
  it("answers 431 with the app's own error page, in the person's language, not a blank one", async () => {
    const long = "krafttak ".repeat(2000); // ≈ 18 KB once encoded: over Node's usual 16 KB
    const res = await fetch(`${baseUrl()}/tilbud?q=${encodeURIComponent(long)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('<html lang="nb"');
    expect(html).toMatch(/<h1[^>]*>Adressen er for lang<\/h1>/);
    const en = await fetch(`${baseUrl()}/tilbud?q=${encodeURIComponent(long)}`, { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
    expect(await en.text()).toMatch(/<h1[^>]*>The address is too long<\/h1>/);
    const nn = await fetch(`${baseUrl()}/tilbud?lang=nn&q=${encodeURIComponent(long)}`);
    expect(await nn.text()).toMatch(/<h1[^>]*>Adressa er for lang<\/h1>/);
    // A marker a client sends itself is ignored.
    const forged = await fetch(`${baseUrl()}/tilbud`, { headers: { "x-knutepunkt-too-long": "1" } });
    expect(forged.status).toBe(200);

    for (const js of [false, true]) {
      for (const width of [360, 1280]) {
        const context = await newContext(browser, { js, width });
        const page = await context.newPage();
        const response = await page.goto(`/tilbud?q=${encodeURIComponent(long)}`);
        expect(response?.status()).toBe(431);
        expect(await page.locator("h1").allTextContents()).toEqual(["Adressen er for lang"]);
        // The app's own page: its header with the menu, and its footer (which, answered before the root loader
        // ran, does not claim that no data controller is set).
        expect(await page.getByTestId("menu").count()).toBe(1);
        expect(await page.locator("footer").getByRole("link", { name: "Personvern" }).count()).toBe(1);
        expect(await page.locator("footer").textContent()).not.toContain("Ikke oppgitt");
        expect(await page.getByRole("link", { name: "Gå til søket etter tilbud" }).getAttribute("href")).toBe("/tilbud");
        await expectNoAxeViolations(page, `431 page at ${width} (${js ? "js" : "nojs"})`);
        await screenshot(page, `first-use-431-${width}-${js ? "js" : "nojs"}`);
        await context.close();
      }
    }
  });

  it("answers headers over 64 KB, which never reach the app, with a small page of its own", async () => {
    const huge = "krafttak ".repeat(8000); // ≈ 72 KB once encoded
    const res = await fetch(`${baseUrl()}/tilbud?q=${encodeURIComponent(huge)}`, { headers: { "Accept-Language": "nn-NO" } });
    expect(res.status).toBe(431);
    const html = await res.text();
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain("<h1>Adressa er for lang</h1>");
    expect(html).toContain('<a href="/tilbud">Gå til søket etter tilbod</a>');
  });
});
