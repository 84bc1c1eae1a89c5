import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, settled, submit } from "./browser";

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
  await Promise.all([page.waitForURL((url) => url.pathname !== from), page.getByRole("link", { name, exact: true }).click()]);
  await settled(page);
};

/** An organisation of the demo data, by name, from the open API. */
async function organizationId(page: Page, name: string) {
  const response = await page.request.get(`/api/hsds/organizations?search=${encodeURIComponent(name)}`);
  const body = (await response.json()) as { contents: { id: string; name: string }[] };
  return body.contents.find((o) => o.name === name)!.id;
}

for (const js of [false, true]) {
  describe(`organisations with JavaScript ${js ? "on" : "off"}`, () => {
    it("the KBT coordinator creates an organisation (a bad field first), edits it, sees the history, archives and restores it", async () => {
      const context = await newContext(browser, { js, width: js ? 1280 : 360 });
      const page = await context.newPage();
      const name = `Recoverykollektivet ${js ? "JS" : "uten JS"}`;
      await logIn(page, "koordinator@example.org");

      // From the coordinator's tools to the list, and on to the new-organisation form.
      await page.goto("/tilbud/kontroll");
      await follow(page, "Organisasjoner");
      expect(new URL(page.url()).pathname).toBe("/tilbud/organisasjoner");
      await follow(page, "Ny organisasjon");
      expect(new URL(page.url()).pathname).toBe("/tilbud/organisasjoner/ny");
      // One centre to choose from: no select, the centre is named.
      expect(await page.locator("#field-centreId").count()).toBe(0);
      expect(await page.getByText(/^Senter: KBT/).count()).toBe(1);

      await page.locator("#field-name").fill(name);
      await page.locator("#field-description").fill("Et kollektiv for folk i bedring.");
      await page.locator("#field-organisasjonsnummer").fill("974 760 674");
      await page.locator("#field-website").fill("https://rk.example.org");
      await page.locator("#field-phone").fill("73 00 00 00");
      await press(page, "Opprett organisasjonen");
      expect(new URL(page.url()).pathname).toBe("/tilbud/organisasjoner/ny");
      expect(await page.getByTestId("error-summary").textContent()).toContain("Organisasjonsnummer: Organisasjonsnummeret er ikke gyldig");
      expect(await page.locator("#field-organisasjonsnummer-error").textContent()).toContain("Enhetsregisteret");
      expect(await page.locator("#field-organisasjonsnummer").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("#field-name").inputValue()).toBe(name);
      expect(await page.locator("#field-description").inputValue()).toBe("Et kollektiv for folk i bedring.");
      expect(await page.locator("#field-organisasjonsnummer").inputValue()).toBe("974 760 674");
      expect(await page.locator("#field-phone").inputValue()).toBe("73 00 00 00");
      await expectNoAxeViolations(page, "new organisation with errors");
      await screenshot(page, `organization-new-error-${js ? "1280-js" : "360-nojs"}-nb`);

      await page.locator("#field-organisasjonsnummer").fill("974 760 673");
      await press(page, "Opprett organisasjonen");
      const path = new URL(page.url()).pathname;
      expect(path).toMatch(/^\/tilbud\/organisasjoner\/[0-9a-f-]{36}$/);
      expect(await page.getByRole("status").textContent()).toContain("Organisasjonen er opprettet.");
      expect(await page.locator("#field-organisasjonsnummer").inputValue()).toBe("974 760 673");
      expect(await page.getByText("Senter: KBT – Kompetansesenter for brukererfaring og tjenesteutvikling · 0 aktive tilbud").count()).toBe(1);

      await page.locator("#field-alternateName").fill("RK");
      await page.locator("#field-description").fill("Et kollektiv i Trondheim.");
      await page.locator("#field-phone").fill("");
      await press(page, "Lagre");
      expect(new URL(page.url()).pathname).toBe(path);
      expect(await page.getByRole("status").textContent()).toContain("Endringene er lagret.");
      expect(await page.locator("#field-description").inputValue()).toBe("Et kollektiv i Trondheim.");
      const history = (await page.getByTestId("organization-history").textContent()) ?? "";
      // Field names in words (issue 11): "Annet navn", not alternate_name.
      for (const text of ["Koordinator Demo", "Annet navn", "RK", "Beskrivelse", "Et kollektiv i Trondheim.", "Telefonnumre", "73 00 00 00", "Organisasjonsnummer", "974760673"]) {
        expect(history, text).toContain(text);
      }
      await expectNoAxeViolations(page, "edit organisation");
      await screenshot(page, `organization-edit-${js ? "1280-js" : "360-nojs"}-nb`);

      await press(page, "Arkiver organisasjonen");
      expect(await page.getByTestId("organization-archived").textContent()).toContain("Organisasjonen er arkivert.");
      await page.goto("/tilbud/organisasjoner");
      const listed = page.getByTestId("organization").filter({ hasText: name });
      expect(await listed.textContent()).toContain("Arkivert");
      await page.goto(path);
      await press(page, "Gjenopprett organisasjonen");
      expect(await page.getByRole("status").textContent()).toContain("Organisasjonen er gjenopprettet.");
      expect(await page.getByTestId("organization-archived").count()).toBe(0);
      // Archived and restored, in words: the status went Aktivt → Arkivert → Aktivt.
      const after = (await page.getByTestId("organization-history").textContent()) ?? "";
      expect(after).toContain("Gjenopprettet");
      expect(after).toContain("StatusArkivertAktivt");
      expect(after).not.toContain("inactive");
      await context.close();
    });
  });
}

describe("organisation forms in other languages and at other widths", () => {
  const cases = [
    { width: 360, lang: "nb", as: "koordinator@example.org", required: "Fyll ut dette feltet.", orgnr: "Et organisasjonsnummer har ni siffer", centre: undefined },
    { width: 1280, lang: "en", as: "admin@example.org", required: "Fill in this field", orgnr: "An organisation number has nine digits", centre: "Choose a centre from the list." },
  ] as const;
  for (const c of cases) {
    it(`shows the messages in ${c.lang} at ${c.width} px without JavaScript, and keeps what was typed (${c.as})`, async () => {
      const context = await newContext(browser, { js: false, width: c.width });
      const page = await context.newPage();
      await logIn(page, c.as);
      await page.goto(`/tilbud/organisasjoner/ny?lang=${c.lang}`);
      expect(new URL(page.url()).pathname).toBe("/tilbud/organisasjoner/ny");
      expect(await page.locator("html").getAttribute("lang")).toBe(c.lang);
      // Administrators choose the centre, or the network's own.
      expect(await page.locator("#field-centreId").count()).toBe(c.centre ? 1 : 0);
      await page.locator("#field-alternateName").fill("Kortnavn");
      await page.locator("#field-organisasjonsnummer").fill("12345");
      await page.locator("#field-email").fill("post@example.org");
      await submit(page, page.getByRole("button", { name: /^(Opprett organisasjonen|Create the organisation)$/ }));
      expect(await page.locator("#field-name-error").textContent()).toContain(c.required);
      expect(await page.locator("#field-organisasjonsnummer-error").textContent()).toContain(c.orgnr);
      if (c.centre) expect(await page.locator("#field-centreId-error").textContent()).toBe(c.centre);
      expect(await page.locator("#field-alternateName").inputValue()).toBe("Kortnavn");
      expect(await page.locator("#field-organisasjonsnummer").inputValue()).toBe("12345");
      expect(await page.locator("#field-email").inputValue()).toBe("post@example.org");
      await expectNoAxeViolations(page, `new organisation with errors ${c.lang}`);
      await screenshot(page, `organization-new-error-${c.width}-noscript-${c.lang}`);
      await page.goto(`/tilbud/organisasjoner?lang=${c.lang}`);
      await screenshot(page, `organizations-${c.width}-noscript-${c.lang}`);
      await context.close();
    });
  }
});

describe("who may see organisations", () => {
  it("sends visitors to log in, refuses participants, and keeps a coordinator out of another centre's organisation", async () => {
    const context = await newContext(browser, { js: false, width: 1280 });
    const page = await context.newPage();
    await page.goto("/tilbud/organisasjoner");
    expect(new URL(page.url()).pathname).toBe("/logg-inn");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/tilbud/organisasjoner");
    const romAgder = await organizationId(page, "ROM Agder");

    await logIn(page, "deltaker@example.org");
    expect((await page.goto("/tilbud/organisasjoner"))?.status()).toBe(403);
    expect((await page.goto("/tilbud/organisasjoner/ny"))?.status()).toBe(403);
    expect((await page.goto(`/tilbud/organisasjoner/${romAgder}`))?.status()).toBe(403);
    await context.close();

    const coordinator = await (await newContext(browser, { js: false, width: 1280 })).newPage();
    await logIn(coordinator, "koordinator@example.org");
    expect((await coordinator.goto(`/tilbud/organisasjoner/${romAgder}`))?.status()).toBe(403);
    expect(await coordinator.getByRole("heading", { level: 1 }).textContent()).toBe("Du har ikke tilgang til denne siden");
    expect((await coordinator.goto("/tilbud/organisasjoner/00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
    expect((await coordinator.goto("/tilbud/organisasjoner/ikke-en-id"))?.status()).toBe(404);
    await coordinator.goto("/tilbud/organisasjoner");
    expect(await coordinator.getByText("ROM Agder").count()).toBe(0);
    await coordinator.context().close();

    const admin = await (await newContext(browser, { js: false, width: 1280 })).newPage();
    await logIn(admin, "admin@example.org");
    expect((await admin.goto(`/tilbud/organisasjoner/${romAgder}`))?.status()).toBe(200);
    expect(await admin.getByText("Senter: ROM Agder · 2 aktive tilbud").count()).toBe(1);
    await admin.goto("/tilbud/organisasjoner");
    expect(await admin.getByTestId("organization").filter({ hasText: "Krafttak for sang" }).textContent()).toContain("Nettverket (ikke et senter) · 1 aktivt tilbud");
    await admin.context().close();
  });
});
