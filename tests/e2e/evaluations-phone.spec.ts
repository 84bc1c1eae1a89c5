import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { translate, type MessageKey } from "~/i18n/i18n";
import "~/modules/evaluations/i18n/register";
import { expectNoAxeViolations, launch, loggedInState, newContext, screenshot, type Mode } from "./browser";

/**
 * The evaluation pages on a 360 px phone without JavaScript (issue 13, follow-up): the analysis page, the final
 * report (as its lead sees it, with the preview) and the public report. On each: nothing makes the whole page
 * scroll sideways; the chart of statements per code is readable (its smallest text, as rendered, at least
 * 12 px, no name cut off at its edge) and draws the same codes and counts as the table beside it; every table
 * wider than the screen scrolls inside a named, focusable region that the keyboard scrolls, with the
 * scroll shadows; the project's menu fits and marks the current page; axe finds nothing.
 */
let browser: Browser;
let lead: BrowserContext;
let visitor: BrowserContext;
beforeAll(async () => {
  browser = await launch();
  lead = await newContext(browser, phone, await loggedInState(browser, "koordinator@example.org"));
  visitor = await newContext(browser, phone);
});
afterAll(async () => {
  await browser?.close();
});

const phone: Mode = { js: false, width: 360 };
const demoTitle = "Bruker Spør Bruker ved DPS Fjordbyen, poliklinikk";
const nb = (key: string) => translate("nb", key as MessageKey);

/** The demo's finished evaluation (the coordinator leads it). */
async function demoProject(page: Page): Promise<string> {
  await page.goto("/evalueringer");
  const href = await page.getByRole("link", { name: demoTitle, exact: true }).getAttribute("href");
  expect(href, "the demo evaluation is listed").toMatch(/^\/evalueringer\/[0-9a-f-]{36}$/);
  return href!;
}

/** Nothing on the page is wider than the screen: the page itself never scrolls sideways. */
async function noPageOverflow(page: Page, label: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(clientWidth, `${label}: the viewport`).toBe(360);
  expect(scrollWidth, `${label}: the page does not scroll sideways`).toBeLessThanOrEqual(360);
}

/**
 * A chart as a sighted reader gets it: every text's rendered size (its computed font size times the scale the
 * SVG is drawn at, from getBoundingClientRect against the text's own box), whether any text reaches past the
 * chart's edges, the legend, and the names and counts it draws; and the codes and counts of its table.
 */
async function measureChart(figure: Locator) {
  return figure.evaluate((element) => {
    const svg = element.querySelector("svg")!;
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll("text")].map((text) => {
      const rect = text.getBoundingClientRect();
      const own = (text as SVGTextElement).getBBox();
      const scale = own.height > 0 ? rect.height / own.height : 0;
      return {
        text: text.textContent ?? "",
        px: parseFloat(getComputedStyle(text).fontSize) * scale,
        inside: rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5,
        lines: [...text.querySelectorAll("tspan")].map((t) => t.textContent ?? ""),
      };
    });
    const legend = [...element.querySelectorAll(".kp-chart__legend li")].map((li) => ({ text: li.textContent ?? "", px: parseFloat(getComputedStyle(li).fontSize) }));
    // The table beside it (StatementChart's next element): each row's code (row header) and statements (first cell).
    const rows = [...(element.nextElementSibling?.querySelectorAll("tbody tr") ?? [])].map((r) => ({ name: (r.querySelector("th")?.textContent ?? "").trim(), statements: (r.querySelector("td")?.textContent ?? "").trim() }));
    return { width: box.width, texts, legend, rows };
  });
}

async function chartsAreReadable(page: Page, label: string, count: number) {
  const figures = await page.getByTestId("statement-chart-figure").all();
  expect(figures.length, `${label}: charts`).toBe(count);
  for (const [i, figure] of figures.entries()) {
    const which = `${label}, chart ${i + 1}`;
    const chart = await measureChart(figure);
    expect(chart.width, `${which}: takes the phone's width`).toBeGreaterThan(300);
    expect(chart.texts.length, `${which}: has text`).toBeGreaterThan(0);
    const smallest = Math.min(...chart.texts.map((t) => t.px), ...chart.legend.map((l) => l.px));
    expect(smallest, `${which}: its smallest text, as rendered`).toBeGreaterThanOrEqual(12);
    expect(chart.texts.filter((t) => !t.inside).map((t) => t.text), `${which}: no text cut off at its edges`).toEqual([]);
    expect(chart.legend.map((l) => l.text), `${which}: the legend`).toEqual(["positive", "negative", "suggestion", "unrated"].map((k) => nb(`evaluations.polarity.${k}`)));
    // The same codes and counts as the table beside it: each code's name (on one line or more, a word longer
    // than a line cut in two), then its count.
    expect(chart.rows.length, `${which}: its table has rows`).toBeGreaterThan(0);
    const bare = (s: string) => s.replace(/\s+/g, "");
    const names = chart.texts.filter((t) => t.lines.length > 0).map((t) => bare(t.lines.join("")));
    const counts = chart.texts.filter((t) => t.lines.length === 0).map((t) => t.text);
    expect(names, `${which}: its codes are the table's`).toEqual(chart.rows.map((r) => bare(r.name)));
    expect(counts, `${which}: its counts are the table's`).toEqual(chart.rows.map((r) => r.statements));
  }
}

/**
 * Every table wider than the screen is inside a named region that scrolls sideways, can be focused and is
 * scrolled by the arrow keys, and shows the scroll shadows (backgrounds that scroll with the table, and
 * ones that stay at the edges). At least `atLeast` tables are that wide, so the check cannot pass empty.
 */
async function wideTablesScroll(page: Page, label: string, atLeast: number) {
  const tables = await page.locator("main table").evaluateAll((all) =>
    all.map((table, index) => {
      const region = table.parentElement!;
      const style = getComputedStyle(region);
      return {
        index,
        caption: (table.querySelector("caption")?.textContent ?? table.querySelector("th")?.textContent ?? "").trim(),
        // Wider than the page's column (360 px less the page's margins): a table that fits is exactly as wide.
        wide: table.getBoundingClientRect().width > document.documentElement.clientWidth - 31,
        role: region.getAttribute("role"),
        name: region.getAttribute("aria-label") ?? "",
        tabIndex: region.tabIndex,
        scrolls: region.scrollWidth > region.clientWidth && (style.overflowX === "auto" || style.overflowX === "scroll"),
        regionRight: region.getBoundingClientRect().right,
        attachments: style.backgroundAttachment,
      };
    }),
  );
  const wide = tables.filter((t) => t.wide);
  expect(wide.length, `${label}: tables wider than the screen`).toBeGreaterThanOrEqual(atLeast);
  for (const t of wide) {
    const which = `${label}, table «${t.caption}»`;
    expect(t.role, `${which}: a region`).toBe("region");
    expect(t.name, `${which}: a named region`).not.toBe("");
    expect(t.tabIndex, `${which}: focusable`).toBe(0);
    expect(t.scrolls, `${which}: scrolls sideways inside its region`).toBe(true);
    expect(t.regionRight, `${which}: the region fits the screen`).toBeLessThanOrEqual(360);
    expect(t.attachments.split(/,\s*/), `${which}: scroll shadows`).toEqual(expect.arrayContaining(["local", "scroll"]));
  }
  // The keyboard scrolls the first wide table's region.
  const region = page.locator("main table").nth(wide[0]!.index).locator("xpath=..");
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((r) => r.scrollLeft), { message: `${label}: the arrow key scrolls the table`, timeout: 2_000 }).toBeGreaterThan(0);
  await region.evaluate((r) => (r.scrollLeft = 0));
}

/**
 * The project's menu: every link on the screen (it wraps, nothing hidden to the side), the current one marked —
 * aria-current="page" on the link to this very page, "true" on the part a page without an entry belongs to.
 */
async function menuFits(page: Page, label: string, current: string, as: "page" | "true" = "page") {
  const nav = page.getByRole("navigation", { name: nb("evaluations.nav.label") });
  const links = await nav.locator("a").evaluateAll((as) => as.map((a) => ({ text: (a.textContent ?? "").trim(), right: a.getBoundingClientRect().right, current: a.getAttribute("aria-current"), weight: getComputedStyle(a).fontWeight })));
  expect(links.length, `${label}: the project's menu`).toBeGreaterThan(4);
  expect(links.filter((l) => l.right > 360).map((l) => l.text), `${label}: menu links past the screen's edge`).toEqual([]);
  const marked = links.filter((l) => l.current !== null);
  expect(marked.map((l) => `${l.text}: ${l.current}`), `${label}: the current page in the menu`).toEqual([`${current}: ${as}`]);
  expect(Number(marked[0]!.weight), `${label}: the current page is bold`).toBeGreaterThanOrEqual(700);
}

describe("the evaluation pages on a 360 px phone without JavaScript", () => {
  it("analysis, final report and public report: no sideways page, a readable chart with its table, tables that scroll in their own regions, axe clean", async () => {
    const page = await lead.newPage();
    const project = await demoProject(page);

    await page.goto(`${project}/analyse`);
    expect(await page.locator("h1").textContent()).toBe(nb("evaluations.analysis.title"));
    await noPageOverflow(page, "analysis");
    await menuFits(page, "analysis", nb("evaluations.nav.analysis"));
    await chartsAreReadable(page, "analysis", 1);
    await wideTablesScroll(page, "analysis", 2);
    await screenshot(page, "evaluations-phone-analysis-360");
    await expectNoAxeViolations(page, "analysis at 360 px");

    // The codes have no entry of their own: the menu marks "Analyse", the part they belong to.
    await page.goto(`${project}/koder`);
    expect(await page.locator("h1").textContent()).toBe(nb("evaluations.codes.title"));
    await menuFits(page, "codes", nb("evaluations.nav.analysis"), "true");

    await page.goto(`${project}/sluttrapport`);
    await noPageOverflow(page, "final report (lead)");
    await menuFits(page, "final report (lead)", nb("evaluations.nav.final_report"));
    // The team's figures and the preview of the report as its readers get it.
    await chartsAreReadable(page, "final report (lead)", 2);
    await wideTablesScroll(page, "final report (lead)", 2);
    await expectNoAxeViolations(page, "final report (lead) at 360 px");

    // A visitor reads the public final report, in bokmål and in English (longer words in the tables' heads).
    const reader = await visitor.newPage();
    await reader.goto("/evalueringer/rapporter?lang=nb");
    const href = await reader.locator("main a[href^='/evalueringer/rapporter/']").first().getAttribute("href");
    expect(href).toMatch(/^\/evalueringer\/rapporter\/[0-9a-f-]{36}$/);
    await reader.goto(href!);
    await noPageOverflow(reader, "public report");
    await chartsAreReadable(reader, "public report", 1);
    await wideTablesScroll(reader, "public report", 1);
    await screenshot(reader, "evaluations-phone-public-report-360");
    await expectNoAxeViolations(reader, "public report at 360 px");

    await reader.goto(`${href}?lang=en`);
    await noPageOverflow(reader, "public report (en)");
    await wideTablesScroll(reader, "public report (en)", 1);
    await expectNoAxeViolations(reader, "public report (en) at 360 px");
  });
});
