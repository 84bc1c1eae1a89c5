import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, settled, submit } from "./browser";
import { csvSetWithOneBadRow, uploadForPreview, validJson } from "./import-files";

/**
 * What the import page shows right now, read in one go: the progress while the import runs, or its result.
 * How long an import runs is not ours to choose (a fast machine may finish before the page is read), so the
 * journeys check the running page when they find it running, and always wait for the result.
 */
async function importShown(page: Page): Promise<{ progress: string | null; max: string | null; result: string | null }> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.waitForLoadState("domcontentloaded");
      const shown = await page.evaluate(() => ({
        progress: document.querySelector('[data-testid="import-progress"]')?.textContent ?? null,
        max: document.querySelector("progress")?.getAttribute("max") ?? null,
        result: document.querySelector('[data-testid="import-result"]')?.textContent ?? null,
      }));
      if (shown.progress !== null || shown.result !== null) return shown;
    } catch (error) {
      // Without JavaScript the running page reloads itself every 2 s: a reload can replace it under us.
      if (attempt > 50 || !/context was destroyed|navigat/i.test(String(error))) throw error;
    }
    await page.waitForTimeout(100);
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("importing offers", () => {
  it("without JavaScript: a CSV set with one bad row shows its problem in Norwegian, imports only the valid row, and the offer is in the directory", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    await page.goto("/tilbud/kontroll");
    await Promise.all([page.waitForURL(/\/tilbud\/import$/), page.getByRole("link", { name: "Importer tilbud fra fil" }).click()]);
    expect(await page.getByText("Tilbudene blir lagt til KBT").count()).toBe(1);

    // A file it cannot read: one clear message, no stack trace.
    await page.locator("#field-files").setInputFiles([{ name: "tilbud.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) }]);
    await submit(page, page.getByRole("button", { name: "Sjekk filene" }));
    expect(await page.getByTestId("error-summary").textContent()).toContain("tilbud.xlsx er en Excel-fil. Lagre den som «CSV UTF-8»");
    await screenshot(page, "offer-import-error-360-nojs");

    // The CSV set: nothing is saved before the person chooses.
    const preview = await uploadForPreview(page, csvSetWithOneBadRow("Importtest", 148));
    expect(await page.getByTestId("import-summary").textContent()).toMatch(/Tilbud i filene: 150.*Uten problemer: 149.*Med problemer: 1/);
    // Every row is listed, 100 to a page.
    expect(await page.getByTestId("import-row").count()).toBe(100);
    expect(await page.getByText("Side 1 av 2").count()).toBe(1);
    const bad = page.getByTestId("import-row").filter({ hasText: "Importtest Strikkekafé" });
    const badText = (await bad.textContent()) ?? "";
    expect(badText).toContain("services.csv, linje 4");
    expect(badText).toContain("gratis");
    expect(badText).toContain("Må være ja eller nei (true eller false).");
    expect(badText).toContain("«kanskje»");
    expect(await page.getByTestId("import-row").filter({ hasText: "Importtest Fjelltur" }).textContent()).toContain("Klar");
    expect(await page.getByRole("button", { name: "Importer", exact: true }).count()).toBe(0);
    await screenshot(page, "offer-import-preview-360-nojs");
    await page.goto("/tilbud?q=Fjelltur");
    expect(await page.getByTestId("offer").count()).toBe(0);

    await page.goto(`${preview}?problemer=1`);
    expect(await page.getByTestId("import-row").count()).toBe(1);
    await submit(page, page.getByRole("button", { name: "Importer bare de gyldige radene (149)" }));
    // Without JavaScript the progress page reloads itself (meta refresh) until the import is done.
    const shown = await importShown(page);
    console.log(`[offer import] without JavaScript: ${shown.progress === null ? "done before the page was read" : `running page checked (${shown.progress})`}`);
    if (shown.progress !== null) {
      expect(shown.progress).toMatch(/^\d+ av 149$/);
      expect(shown.max).toBe("149");
      await screenshot(page, "offer-import-running-360-nojs");
    }
    await page.getByTestId("import-result").waitFor({ timeout: 60_000 });
    const result = (await page.getByTestId("import-result").textContent()) ?? "";
    expect(result).toContain("149 tilbud er importert.");
    expect(result).toContain("1 rad ble ikke importert");
    await screenshot(page, "offer-import-done-360-nojs");

    await Promise.all([page.waitForURL(/\/tilbud$/), page.getByRole("link", { name: "Se tilbudene i katalogen" }).click()]);
    await page.goto("/tilbud?q=Fjelltur");
    expect(await page.getByTestId("offer").count()).toBe(1);
    await Promise.all([page.waitForURL(/\/tilbud\/[0-9a-f-]{36}$/), page.getByRole("link", { name: "Importtest Fjelltur" }).click()]);
    expect(await page.getByText("Bærum").count()).toBeGreaterThan(0);
    await page.goto(`${new URL(page.url()).pathname}/historikk`);
    const history = (await page.getByTestId("offer-history").textContent()) ?? "";
    expect(history).toContain("Importert fra fil");
    expect(history).toContain("services.csv");
    await context.close();
  });

  it("with JavaScript: a valid JSON file imports without problems, and a file over 10 MB is stopped before it is sent", async () => {
    const context = await newContext(browser, { js: true, width: 1280 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    await page.goto("/tilbud/import");
    await settled(page);
    await page.locator("#field-files").setInputFiles([{ name: "stor.json", mimeType: "application/json", buffer: Buffer.alloc(10_000_001, 0x20) }]);
    let posted = false;
    page.on("request", (r) => {
      if (r.method() === "POST") posted = true;
    });
    await page.getByRole("button", { name: "Sjekk filene" }).click();
    await page.getByTestId("error-summary").waitFor();
    expect(await page.getByTestId("error-summary").textContent()).toContain("Filene er for store. Du kan laste opp høyst 10 MB om gangen.");
    expect(posted).toBe(false);

    await page.locator("#field-files").setInputFiles([validJson(119)]);
    await submit(page, page.getByRole("button", { name: "Sjekk filene" }));
    await page.waitForURL(/\/tilbud\/import\/[0-9a-f-]{36}$/);
    await settled(page);
    expect(await page.getByText("Vi fant ingen problemer.").count()).toBe(1);
    expect(await page.getByTestId("import-row").first().textContent()).toContain("lesesirkel.json, nr. 1");
    await expectNoAxeViolations(page, "import preview without problems");
    // With JavaScript the page asks for the progress every 2 s until the import is done. Once the page after
    // "Importer" is there, those requests are held while it is read and checked, so it cannot turn into the
    // result page half-way.
    let holding = false;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/tilbud\/import\/[0-9a-f-]{36}\.data/, async (route) => {
      if (holding && route.request().method() === "GET") await held;
      await route.continue();
    });
    await submit(page, page.getByRole("button", { name: "Importer", exact: true }));
    holding = true;
    const shown = await importShown(page);
    console.log(`[offer import] with JavaScript: ${shown.progress === null ? "done before the page was read" : `running page checked (${shown.progress})`}`);
    if (shown.progress !== null) {
      expect(shown.progress).toMatch(/^\d+ av 120$/);
      await expectNoAxeViolations(page, "import running");
    }
    release();
    await page.getByTestId("import-result").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-result").textContent()).toContain("120 tilbud er importert.");
    await page.goto("/tilbud?q=Lesesirkel");
    expect(await page.getByTestId("offer").count()).toBe(1);
    await context.close();
  });

  it("without JavaScript: a file over 10 MB gets the import page back with a 413, in the person's language", async () => {
    const context = await newContext(browser, { js: false, width: 360 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    await page.goto("/tilbud/import?lang=en");
    await page.locator("#field-files").setInputFiles([{ name: "huge.json", mimeType: "application/json", buffer: Buffer.alloc(11_000_000, 0x20) }]);
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Check the files" }).click()]);
    expect(response?.status()).toBe(413);
    expect(await page.getByTestId("error-summary").textContent()).toContain("The files are too large. You can upload at most 10 MB at a time.");
    expect(await page.locator("h1").textContent()).toBe("Import offers");
    await screenshot(page, "offer-import-413-360-nojs-en");
    // Every other request keeps the 1 MB limit.
    const other = await context.request.post("/min-side", { multipart: { file: { name: "x.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(1_100_000) } } });
    expect(other.status()).toBe(413);
    await context.close();
  });

  it("is only for coordinators and administrators, and an import only for the person who made it", async () => {
    const context = await newContext(browser, { js: false, width: 1280 });
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    const preview = await uploadForPreview(page, csvSetWithOneBadRow("Tilgangstest"));
    await context.close();

    const participant = await (await newContext(browser, { js: false, width: 1280 })).newPage();
    await logIn(participant, "deltaker@example.org");
    expect((await participant.goto("/tilbud/import"))?.status()).toBe(403);
    expect((await participant.goto(preview))?.status()).toBe(403);
    await participant.context().close();

    const admin = await (await newContext(browser, { js: false, width: 1280 })).newPage();
    await logIn(admin, "admin@example.org");
    expect((await admin.goto(preview))?.status()).toBe(200);
    await admin.goto("/tilbud/import");
    expect(await admin.locator("#field-centre option").first().textContent()).toBe("Nettverkets egne");
    await admin.context().close();
  });
});
