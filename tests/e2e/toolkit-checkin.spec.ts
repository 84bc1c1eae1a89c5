import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expectNoAxeViolations, launch, logIn, newContext, screenshot, submit } from "./browser";

/**
 * Issue 11, items 9, 3 (check-ins), 14 and 15, as a participant and a peer worker meet them on a phone:
 * a clear way to a new check-in, a 0–10 scale in even rows, a trend on a time axis with dates, answers that
 * read without words broken letter by letter, deleting only after a question; an import that says whose
 * file it is and asks; dates as people type them; a peer worker's list with dates and what is new; the
 * access log saying what was shared with whom. With JavaScript off and on (the toolkit pages run no script
 * of their own either way).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function as(email: string, js: boolean, width = 360): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { js, width });
  const page = await context.newPage();
  await logIn(page, email);
  return { context, page };
}

/** Words in these elements that the browser broke over two lines (a word drawn in more than one box). */
async function brokenWords(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((nodes) => {
    const broken: string[] = [];
    for (const node of nodes) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
        const value = text.data;
        for (const match of value.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** A table's width over its sideways-scrolling wrap's (0 or less: no column hidden on a phone). */
const overflow = (table: Locator) => table.evaluate((el) => el.getBoundingClientRect().width - el.closest(".kp-table-wrap")!.clientWidth);

describe.each([
  { js: false, mode: "JavaScript off" },
  { js: true, mode: "JavaScript on" },
])("a check-in on a 360 px phone ($mode)", ({ js }) => {
  it("starts from a clear 'Ny sjekk', answers 0–10 in two even rows, shows dated trends and deletes only after a question", async () => {
    const { context, page } = await as("deltaker@example.org", js);
    const tag = js ? "js" : "nojs";
    await page.goto("/verktoy/sjekk");
    // The way in is a button-like link in the first screen, not a grey card.
    const start = page.getByRole("link", { name: "Ny sjekk", exact: true });
    await expect.poll(() => start.count()).toBe(1);
    const startBox = await box(start);
    expect(startBox.y + startBox.height, "'Ny sjekk' within the first screen").toBeLessThan(740);
    expect(await start.evaluate((a) => a.classList.contains("ds-button"))).toBe(true);
    await screenshot(page, `toolkit-checkins-360-${tag}`);
    await expectNoAxeViolations(page, `check-ins ${tag}`);

    // The trend: dated ticks on a time axis; the demo's check-ins 60, 30 and 3 days ago are placed by time.
    const chart = page.getByTestId("trend-chart").first();
    const labels = await chart.locator("text").allTextContents();
    expect(labels.filter((l) => /^\d{1,2}\. (jan|feb|mar|apr|mai|jun|jul|aug|sep|okt|nov|des)\. \d{4}$/.test(l)).length, labels.join(" | ")).toBeGreaterThanOrEqual(2);
    const xs = await chart.locator("circle").evaluateAll((cs) => cs.map((c) => Number(c.getAttribute("cx"))));
    expect(xs).toHaveLength(3);
    const [a, b, c] = xs as [number, number, number];
    // 30 days, then 27: the gaps differ by about 3/57 of the width (evenly spaced would be equal).
    expect((b - a) / (c - a)).toBeCloseTo(30 / 57, 1);

    // The answers read on a phone: no word broken over two lines, nothing wider than the screen.
    const list = page.getByTestId("check-ins-knutepunkt-sjekk-1");
    expect(await brokenWords(list.locator("dt, dd"))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A new check-in: the 0–10 buttons in two rows of 6 and 5 (never 5 + 5 + 1).
    await start.click();
    await page.waitForURL("**/verktoy/sjekk/knutepunkt-sjekk");
    const first = page.locator("fieldset").first();
    const tops = await first.locator(".kp-scale input[type=radio]").evaluateAll((inputs) => inputs.map((i) => Math.round(i.getBoundingClientRect().top)));
    const rows = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
    expect(rows).toEqual([6, 5]);
    for (const input of await first.locator(".kp-scale .ds-field").all()) {
      const r = await box(input);
      expect(r.x + r.width, "scale inside the screen").toBeLessThanOrEqual(360 - 16);
    }
    await screenshot(page, `toolkit-checkin-form-360-${tag}`);
    await expectNoAxeViolations(page, `check-in form ${tag}`);
    await first.getByLabel("7", { exact: true }).check();
    await page.locator("fieldset").nth(1).getByLabel("8", { exact: true }).check();
    await page.locator("fieldset").nth(1).getByLabel("Hva ligger bak tallet? (valgfritt)").fill("Sommerferien nærmer seg.");
    await submit(page, page.getByRole("button", { name: "Lagre sjekken" }));
    expect(await page.getByRole("status").first().textContent()).toContain("Sjekken er lagret.");
    const checkIns = list.locator("li.kp-checkin");
    const before = await checkIns.count();
    expect(await checkIns.first().textContent()).toContain("Sommerferien nærmer seg.");
    expect(await checkIns.first().textContent()).toContain("7 av 10");

    // Deleting asks first, and the page opens at the question; "No" keeps it.
    await Promise.all([page.waitForURL(/\?slett=/), checkIns.first().getByRole("link", { name: /^Slett sjekken fra / }).click()]);
    const question = page.getByTestId("confirm-delete");
    expect(await question.textContent()).toMatch(/Vil du slette sjekken fra .*\?.*Det kan ikke angres\./);
    const q = await box(question);
    expect(q.y, "the question is on the screen").toBeLessThan(740);
    expect(q.y + q.height).toBeGreaterThan(0);
    expect(await checkIns.count(), "nothing deleted by the first tap").toBe(before);
    // The delete button touches nothing else that can be pressed.
    const yes = await box(question.getByRole("button", { name: "Ja, slett sjekken" }));
    const no = await box(question.getByRole("link", { name: "Nei, behold den" }));
    const apart = Math.max(no.x - (yes.x + yes.width), no.y - (yes.y + yes.height), yes.x - (no.x + no.width), yes.y - (no.y + no.height));
    expect(apart, "space between 'Ja, slett' and 'Nei'").toBeGreaterThanOrEqual(8);
    await screenshot(page, `toolkit-checkin-delete-question-360-${tag}`);
    await expectNoAxeViolations(page, `check-in delete question ${tag}`);
    await Promise.all([page.waitForURL((url) => url.pathname === "/verktoy/sjekk" && !url.search), question.getByRole("link", { name: "Nei, behold den" }).click()]);
    expect(await checkIns.count()).toBe(before);

    // "Yes" deletes that one check-in, and says so.
    await Promise.all([page.waitForURL(/\?slett=/), checkIns.first().getByRole("link", { name: /^Slett sjekken fra / }).click()]);
    await submit(page, page.getByRole("button", { name: "Ja, slett sjekken" }));
    expect(await page.getByRole("status").first().textContent()).toContain("Sjekken er slettet.");
    expect(await checkIns.count()).toBe(before - 1);
    expect(await list.textContent()).not.toContain("Sommerferien nærmer seg.");
    await context.close();
  });
});

describe("a delete request without the question's yes deletes nothing", () => {
  it("a bare POST (an old page, a double tap) goes back to the question", async () => {
    const { context, page } = await as("deltaker@example.org", true, 1280);
    await page.goto("/verktoy/sjekk");
    const list = page.getByTestId("check-ins-knutepunkt-sjekk-1").locator("li.kp-checkin");
    const before = await list.count();
    const href = await list.first().getByRole("link", { name: /^Slett sjekken fra / }).getAttribute("href");
    const entryId = /slett=([0-9a-f-]{36})/.exec(href ?? "")?.[1];
    expect(entryId).toBeTruthy();
    const csrf = await page.locator("input[name=csrf]").first().inputValue();
    const response = await page.request.post("/verktoy/sjekk", { form: { csrf, entryId: entryId! }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers().location).toBe(`/verktoy/sjekk?slett=${entryId}#bekreft-sletting`);
    await page.goto("/verktoy/sjekk");
    expect(await list.count()).toBe(before);
    await context.close();
  });
});

describe("reading in a file that is someone else's (JavaScript off)", () => {
  it("says whose file it is against who is logged in, and reads it in only after yes", async () => {
    const { context, page } = await as("deltaker@example.org", false);
    await page.goto("/verktoy/data");
    const intro = await page.locator("h1 + p").textContent();
    const file = {
      format: "knutepunkt-toolkit",
      version: 1,
      exportedAt: new Date().toISOString(),
      owner: { name: "Kari Nordmann", email: "kari@example.org" },
      entries: [
        { tool: "stages", ref: "2f1d6c1e-4a38-4c55-9a43-0d4b3f7d9a10", createdAt: "2026-11-01T10:00:00.000Z", updatedAt: "2026-11-01T10:00:00.000Z", body: { area: "overall", stage: "growth", note: "Fra Karis fil" }, history: [] },
      ],
    };
    await page.locator("#import-file").setInputFiles({ name: "verktoykasse.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await submit(page, page.getByRole("button", { name: "Les inn", exact: true }));
    const question = page.getByTestId("confirm-import");
    const text = await question.textContent();
    expect(text).toContain("Er dette din fil?");
    expect(text).toContain("Filen er lastet ned av Kari Nordmann (kari@example.org). Du er logget inn som Deltaker Demo (deltaker@example.org).");
    expect(text).toContain("Filen har én oppføring.");
    const q = await box(question);
    expect(q.y, "the question is in the first screen").toBeLessThan(740);
    await screenshot(page, "toolkit-import-question-360-nojs");
    await expectNoAxeViolations(page, "import question");
    // Nothing read in yet.
    await page.goto("/verktoy/stadier");
    expect(await page.locator("main").textContent()).not.toContain("Fra Karis fil");
    await page.goto("/verktoy/data");
    expect(await page.locator("h1 + p").textContent()).toBe(intro);

    // Again, and yes: read in.
    await page.locator("#import-file").setInputFiles({ name: "verktoykasse.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await submit(page, page.getByRole("button", { name: "Les inn", exact: true }));
    await submit(page, page.getByRole("button", { name: "Ja, les inn i min verktøykasse" }));
    expect(await page.getByRole("status").first().textContent()).toContain("Lest inn: 1 nye oppføringer.");
    await page.goto("/verktoy/stadier");
    expect(await page.locator("main").textContent()).toContain("Fra Karis fil");
    await context.close();
  });
});

describe("dates as people type them (sharing until a date)", () => {
  it("an impossible date shows 31.01.2027 as the example; a typed 31.01.2027 is taken", async () => {
    const { context, page } = await as("deltaker@example.org", true);
    await page.goto("/verktoy/deling");
    const share = async (until: string) => {
      await page.getByLabel("Hva", { exact: true }).selectOption({ label: "Stadiene dine" });
      await page.getByLabel("Med hvem").selectOption({ index: 1 });
      await page.getByLabel("Kan lese", { exact: true }).check();
      // As in a browser without a date picker: the field takes what is typed.
      await page.getByLabel("Delt til og med").evaluate((el) => ((el as HTMLInputElement).type = "text"));
      await page.getByLabel("Delt til og med").fill(until);
      await submit(page, page.getByRole("button", { name: "Del", exact: true }));
    };
    await share("31.02.2027");
    expect(await page.locator("main").textContent()).toContain("Skriv datoen som dag.måned.år, for eksempel 31.01.2027.");
    expect(await page.locator("main").textContent()).not.toContain("2027-01-31");
    await screenshot(page, "toolkit-sharing-date-error-360-js");
    await share("31.01.2027");
    expect(await page.locator("main").textContent()).toContain("Delt til og med 31. januar 2027");
    await context.close();
  });
});

describe("a peer worker's 'Delt med meg', and the participant's access log", () => {
  it("shows when each share started and what is new since the last look; the log says what and with whom", async () => {
    const { context, page } = await as("erfaring@example.org", false);
    await page.goto("/delt-med-meg");
    const table = page.getByTestId("shared-with-me");
    expect(await table.locator("th").allTextContents()).toContain("Delt fra");
    const row = table.locator("tbody tr", { hasText: "Deltaker Demo" }).first();
    expect(await row.textContent()).toMatch(/\d{1,2}\. \p{L}+ \d{4}/u);
    expect(await page.getByTestId("shared-new").textContent()).toMatch(/ting er delt med deg siden sist du så her/);
    expect(await row.textContent()).toContain("Ny");
    expect(await overflow(table), "every column on the screen").toBeLessThanOrEqual(0);
    await screenshot(page, "toolkit-shared-with-me-new-360-nojs");
    await expectNoAxeViolations(page, "shared with me, new");
    // Seen now: the next look has no notice.
    await page.reload();
    expect(await page.getByTestId("shared-new").count()).toBe(0);
    await context.close();

    const participant = await as("deltaker@example.org", false);
    await participant.page.goto("/min-side/innsyn");
    const log = participant.page.getByTestId("access-log");
    expect(await log.textContent()).toContain("Delte verdiene dine med Erfaring Demo");
    expect(await overflow(log), "'what' is not hidden behind a sideways scroll").toBeLessThanOrEqual(0);
    await screenshot(participant.page, "access-log-share-named-360-nojs");
    await expectNoAxeViolations(participant.page, "access log with named shares");
    await participant.context.close();
  });
});
