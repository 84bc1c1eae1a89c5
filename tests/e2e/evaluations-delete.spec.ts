import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, submit } from "./browser";

/**
 * Deleting an evaluation (ADR 0027): a coordinator creates a small evaluation and deletes it from the quiet
 * link at the bottom of its overview — with no title, a wrong title, then the right one — on a phone with
 * JavaScript off; a second tab still holding the form is told the evaluation is gone. Then the lead deletes
 * the demo's finished evaluation, and its public report leaves /evalueringer/rapporter, its page and its PDF.
 * The pages are server-rendered forms (no JavaScript files), so JavaScript off is the case that matters.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const phone = { js: false, width: 360 };
const confirmButton = "Slett evalueringen for godt";

/** Press a submit button and wait for the new page; the status of the form's answer (after redirects). */
async function press(page: Page, name: string): Promise<number> {
  let status = 0;
  const record = (response: { status(): number; request(): { isNavigationRequest(): boolean; method(): string } }) => {
    if (response.request().isNavigationRequest()) status = response.status();
  };
  page.on("response", record);
  try {
    await submit(page, page.getByRole("button", { name, exact: true }));
  } finally {
    page.off("response", record);
  }
  return status;
}

describe("deleting an evaluation", () => {
  it("a coordinator creates a small evaluation and deletes it: no title, a wrong title, then the right one (JavaScript off, 360 px)", async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    const title = "Evaluering som skal slettes";
    await page.goto("/evalueringer/ny");
    await page.locator("#field-title").fill(title);
    await page.locator("#field-serviceName").fill("Testbyen lavterskel");
    await page.locator("#field-serviceKind").selectOption("drop_in");
    await page.locator("#field-periodStart").fill("2026-01-01");
    await page.locator("#field-leadId").selectOption({ label: "Koordinator Demo" });
    await press(page, "Opprett evalueringen");
    const base = new URL(page.url()).pathname;
    expect(base).toMatch(/^\/evalueringer\/[0-9a-f-]{36}$/);

    // The way there: a quiet link at the bottom of the overview, not in the project's menu.
    const link = page.getByRole("link", { name: "Slett evalueringen", exact: true });
    expect(await link.count()).toBe(1);
    expect(await page.getByRole("navigation", { name: "Evalueringen" }).getByRole("link", { name: "Slett evalueringen" }).count()).toBe(0);
    await expectNoAxeViolations(page, "overview with the delete link");
    await Promise.all([page.waitForURL(`**${base}/slett`), link.click()]);

    // What goes, in numbers; the archive to download first (this person leads the project).
    expect(await page.locator("h1").allTextContents()).toEqual(["Slett evalueringen"]);
    const counts = await page.getByTestId("delete-counts").textContent();
    expect(counts).toContain("0 intervjuer");
    expect(counts).toContain("0 notater");
    expect(counts).toContain("0 rapporter");
    expect(await page.getByRole("link", { name: "Last ned prosjektarkivet (JSON)" }).getAttribute("href")).toBe(`${base}/eksport`);
    await expectNoAxeViolations(page, "delete evaluation");
    await screenshot(page, "evaluations-delete-360");
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "evaluations-delete-1280");
    await page.setViewportSize({ width: 360, height: 740 });

    // A second tab with the same form, used after the evaluation is gone.
    const stale = await context.newPage();
    await stale.goto(`${base}/slett`);

    // No title: nothing deleted, the reason at the top and at the field.
    expect(await press(page, confirmButton)).toBe(400);
    expect(await page.getByTestId("error-summary").textContent()).toContain("Skriv navnet på evalueringen for å bekrefte at den skal slettes.");
    // A wrong title: the same, and what was typed stays.
    await page.locator("#field-confirmTitle").fill("Evaluering som skal slette");
    expect(await press(page, confirmButton)).toBe(400);
    expect(await page.getByTestId("error-summary").textContent()).toContain("Navnet stemmer ikke.");
    expect(await page.locator("#field-confirmTitle-error").textContent()).toContain("Ingenting er slettet.");
    expect(await page.locator("#field-confirmTitle").inputValue()).toBe("Evaluering som skal slette");
    await expectNoAxeViolations(page, "delete evaluation with a wrong title");
    await screenshot(page, "evaluations-delete-wrong-360");
    expect((await page.request.get(base)).status()).toBe(200);

    // The right title (letter case does not matter): gone, and back on the list without it.
    await page.locator("#field-confirmTitle").fill("evaluering som skal slettes");
    await press(page, confirmButton);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/evalueringer?slettet=1");
    expect(await page.locator("main").textContent()).not.toContain(title);
    expect((await page.goto(base))!.status()).toBe(404);

    // The other tab's form: a clear page saying it is not there (any more), no error.
    await stale.locator("#field-confirmTitle").fill(title);
    expect(await press(stale, confirmButton)).toBe(404);
    expect(await stale.locator("h1").allTextContents()).toEqual(["Evalueringen finnes ikke"]);
    expect(await stale.locator("main").textContent()).toContain("Den kan allerede være slettet");
    await context.close();
  });

  it("says on the list of evaluations that the evaluation was deleted", async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    await logIn(page, "koordinator@example.org");
    await page.goto("/evalueringer?slettet=1");
    expect((await page.getByRole("status").allTextContents()).join(" ")).toContain("Evalueringen er slettet.");
    await context.close();
  });

  it("deleting the demo's finished evaluation takes its public report off the list, and its page and PDF answer 404", async () => {
    const context = await newContext(browser, { js: true, width: 1280 });
    const page = await context.newPage();
    const list = async () => (await (await page.request.get("/evalueringer/rapporter")).text()).match(/\/evalueringer\/rapporter\/([0-9a-f-]{36})/g) ?? [];
    const [reportPath] = await list();
    expect(reportPath).toBeDefined();
    expect((await page.request.get(reportPath!)).status()).toBe(200);
    expect((await page.request.get(`${reportPath}/pdf`)).status()).toBe(200);

    await logIn(page, "koordinator@example.org");
    const html = await (await page.request.get("/evalueringer")).text();
    const ids = [...new Set([...html.matchAll(/\/evalueringer\/([0-9a-f-]{36})/g)].map((m) => m[1]!))];
    let projectId = "";
    for (const id of ids) if ((await (await page.request.get(`/evalueringer/${id}`)).text()).includes("DPS Fjordbyen, poliklinikk")) projectId = id;
    expect(projectId).not.toBe("");
    // An interviewer on the project may not delete it.
    const interviewer = await newContext(browser, phone);
    const interviewerPage = await interviewer.newPage();
    await logIn(interviewerPage, "intervjuer@example.org");
    expect((await interviewerPage.request.get(`/evalueringer/${projectId}/slett`)).status()).toBe(403);
    await interviewer.close();

    await page.goto(`/evalueringer/${projectId}/slett`);
    expect(await page.getByTestId("delete-counts").textContent()).toContain("5 intervjuer");
    expect(await page.getByTestId("delete-public").textContent()).toContain("Sluttrapporten er åpen for alle");
    await page.locator("#field-confirmTitle").fill("Bruker Spør Bruker ved DPS Fjordbyen, poliklinikk");
    await press(page, confirmButton);
    expect(new URL(page.url()).pathname).toBe("/evalueringer");

    expect(await list()).not.toContain(reportPath);
    expect((await page.request.get(reportPath!)).status()).toBe(404);
    expect((await page.request.get(`${reportPath}/pdf`)).status()).toBe(404);
    await context.close();
  });
});
