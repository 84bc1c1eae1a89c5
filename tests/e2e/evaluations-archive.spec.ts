import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot } from "./browser";

/**
 * The project archive of an evaluation (issue 13, item 8; docs/evaluation-export.md): the analysis team
 * downloads the demo's finished evaluation, a coordinator reads it in again, and a broken file is refused
 * with every problem listed. Server-rendered pages: the same with JavaScript on and off.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const demoTitle = "Bruker Spør Bruker ved DPS Fjordbyen, poliklinikk";

/** The demo's finished evaluation, found on the person's project list. */
async function finishedProjectId(page: Page): Promise<string> {
  const html = await (await page.request.get("/evalueringer")).text();
  const ids = [...new Set([...html.matchAll(/\/evalueringer\/([0-9a-f-]{36})/g)].map((m) => m[1]!))];
  for (const id of ids) {
    const res = await page.request.get(`/evalueringer/${id}`);
    if ((await res.text()).includes(demoTitle)) return id;
  }
  throw new Error("the demo evaluation is not on the list");
}

async function upload(page: Page, name: string, body: string) {
  await page.locator("#field-file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(body) });
  await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Les inn", exact: true }).click()]);
}

describe("the project archive in the browser", () => {
  for (const mode of [
    { js: false, width: 360 },
    { js: true, width: 1280 },
  ]) {
    it(`downloads the demo evaluation, refuses a broken copy with every problem, reads in a good one (JS ${mode.js ? "on" : "off"}, ${mode.width} px)`, async () => {
      const context = await newContext(browser, mode);
      const page = await context.newPage();
      await logIn(page, "koordinator@example.org");
      const id = await finishedProjectId(page);

      const res = await page.request.get(`/evalueringer/${id}/eksport`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="evaluering-bruker-spor-bruker-ved-dps-fjordbyen-poliklinikk-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(res.headers()["cache-control"]).toContain("no-store");
      const file = await res.json();
      expect(file).toMatchObject({ format: "knutepunkt-evaluation", version: 1, project: { title: demoTitle } });
      expect(JSON.stringify(file)).toContain("Dette notatet er bare for analysegruppen.");

      await page.goto("/evalueringer/importer");
      expect(await page.locator("h1").allTextContents()).toEqual(["Les inn et prosjektarkiv"]);
      await expectNoAxeViolations(page, "archive import page");

      // Nothing chosen: the form says so at the field.
      await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Les inn", exact: true }).click()]);
      expect(await page.getByTestId("error-summary").textContent()).toContain("Velg en fil å lese inn.");

      // A broken copy: each problem listed, in words, and nothing saved.
      const broken = structuredClone(file);
      broken.sessions[0].participants = 9;
      broken.sessions[1].heldOn = "1999-01-01";
      await upload(page, "broken.json", JSON.stringify(broken));
      const problems = page.getByTestId("archive-problems");
      expect(await problems.textContent()).toContain("Filen ble ikke lest inn. Ingenting er lagret.");
      expect(await problems.locator("li").allTextContents()).toEqual([
        "I intervju 1 (sessions.1.participants): Et gruppeintervju har 3 til 7 deltakere.",
        "I intervju 2 (sessions.2.heldOn): Intervjuet er datert utenfor prosjektets periode.",
      ]);
      await expectNoAxeViolations(page, "archive import with problems");
      await screenshot(page, `archive-import-problems-${mode.width}`);

      // A good copy becomes a new project led by the person who read it in.
      const copy = { ...file, project: { ...file.project, title: `Arkivkopi ${mode.width}` } };
      await upload(page, "arkiv.json", JSON.stringify(copy));
      expect(await page.getByRole("status").textContent()).toContain(`Prosjektet «Arkivkopi ${mode.width}» er lest inn, og du er prosjektleder.`);
      await expectNoAxeViolations(page, "archive imported");
      await screenshot(page, `archive-import-done-${mode.width}`);
      await context.close();
    }, 120_000);
  }

  it("is for the analysis team only: the service contact gets 403, a participant 404, the import page is for coordinators", async () => {
    const lead = await newContext(browser, { js: false, width: 1280 });
    const leadPage = await lead.newPage();
    await logIn(leadPage, "koordinator@example.org");
    const id = await finishedProjectId(leadPage);
    await lead.close();
    for (const [email, exportStatus] of [
      ["tjeneste@example.org", 403],
      ["deltaker@example.org", 404],
      ["admin@example.org", 403],
      ["intervjuer@example.org", 200],
    ] as const) {
      const context = await newContext(browser, { js: false, width: 1280 });
      const page = await context.newPage();
      await logIn(page, email);
      expect((await page.request.get(`/evalueringer/${id}/eksport`)).status(), `${email} export`).toBe(exportStatus);
      expect((await page.request.get("/evalueringer/importer")).status(), `${email} import page`).toBe(403);
      await context.close();
    }
  }, 120_000);
});
