import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { translate, type Lang, type MessageKey } from "~/i18n/i18n";
import "~/modules/evaluations/i18n/register";
import { expectNoAxeViolations, launch, loggedInState, newContext, screenshot, submit, type Mode } from "./browser";

/**
 * Bruker Spør Bruker in the browser (issue 13, "Tests"): the whole evaluation from a new project to the
 * published final report, by the people who do each part, and the demo evaluation's secret note. The pages
 * are server-rendered without JavaScript files (handle.hydrate = false), so every form is a full page load.
 *
 * The two settings are split between the people, not run twice: in the journey the coordinator (project lead)
 * works at 360 px with JavaScript off, the interviewer, the service contact and a visitor at 1280 px with it
 * on; in the second test every page kind is visited again with the other setting, in nynorsk or English
 * (`?lang=`), so each page kind is checked by axe at both widths, with JavaScript on and off, and in nb and
 * in nn or en.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const phone: Mode = { js: false, width: 360 };
const desktop: Mode = { js: true, width: 1280 };
const secret = "Dette notatet er bare for analysegruppen.";
const demoTitle = "Bruker Spør Bruker ved DPS Fjordbyen, poliklinikk";
const uuid = "[0-9a-f-]{36}";

/** A date `days` from today (UTC): dates in the past by at least a day, so the server's today never differs. */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const nb = (key: string, values?: Record<string, string | number>) => translate("nb", key as MessageKey, values);

async function person(email: string | null, mode: Mode): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, mode, email ? await loggedInState(browser, email) : undefined);
  return { context, page: await context.newPage() };
}

/** Press a submit button (by its exact name) and wait for the page the form leads to. */
const press = (page: Page, name: string, scope?: ReturnType<Page["locator"]>) => submit(page, (scope ?? page).getByRole("button", { name, exact: true }).first());
const pathname = (page: Page) => new URL(page.url()).pathname;
const h1 = async (page: Page) => (await page.locator("h1").allTextContents()).map((s) => s.trim());
const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

/** Go to `url`, expect a 200 and the heading, and run axe (unless the page is checked again in a moment). */
async function check(page: Page, url: string, heading: string | RegExp, label: string, axe = true) {
  const response = await page.goto(url);
  expect(response?.status(), `${label}: ${url}`).toBe(200);
  const headings = await h1(page);
  expect(headings.length, `${label}: one h1`).toBe(1);
  if (typeof heading === "string") expect(headings[0], `${label}: h1`).toBe(heading);
  else expect(headings[0], `${label}: h1`).toMatch(heading);
  expect(await page.locator("script[src], script[type=module], link[rel=modulepreload]").count(), `${label}: no script files`).toBe(0);
  if (axe) await expectNoAxeViolations(page, label);
}

/**
 * Every link of the page's error summary leads to a field that is there (soft: the journey goes on, the test
 * fails at the end).
 */
async function summaryLinksResolve(page: Page, label: string) {
  const hrefs = await page.locator("[data-testid=error-summary] a[href^='#']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length, `${label}: the error summary has links`).toBeGreaterThan(0);
  for (const href of hrefs) expect.soft(await page.locator(`[id="${href.slice(1)}"]`).count(), `${label}: error summary link ${href} leads to a field`).toBe(1);
}

/** The project's overview: move one phase forward, and see it said. */
async function moveForward(page: Page, project: string, to: string) {
  if (pathname(page) !== project) await page.goto(project);
  const phase = nb(`evaluations.phase.${to}`);
  await press(page, nb("evaluations.overview.move_forward", { phase }));
  expect(await page.getByRole("status").first().textContent(), `moved to ${to}`).toContain(nb("evaluations.overview.moved_forward", { phase }));
}

describe("Bruker Spør Bruker from a new project to the published final report", () => {
  it("coordinator creates the project and its guide; the interviewer records a session, rewrites a quote with a name, codes; the lead publishes; the service contact reads it and its PDF, and cannot open the session", async () => {
    const title = `Bruker Spør Bruker ved Sjøbakken døgnpost ${Date.now()}`;
    const service = "Sjøbakken døgnpost";

    // -- The coordinator, on a phone without JavaScript, creates the project and leads it.
    const { context: leadContext, page: lead } = await person("koordinator@example.org", phone);
    await check(lead, "/evalueringer", nb("evaluations.projects.title"), "project list (coordinator)");
    await check(lead, "/evalueringer/ny", nb("evaluations.new.title"), "new project", false);
    // Nothing filled in: told at the fields, nothing lost.
    await lead.locator("#field-serviceName").fill(service);
    await press(lead, nb("evaluations.new.submit"));
    expect(await lead.getByTestId("error-summary").count(), "new project: errors listed").toBe(1);
    expect(await lead.locator("#field-serviceName").inputValue()).toBe(service);
    await summaryLinksResolve(lead, "new project refused");
    await expectNoAxeViolations(lead, "new project refused");
    await lead.locator("#field-title").fill(title);
    await lead.locator("#field-serviceKind").selectOption("ward");
    await lead.locator("#field-periodStart").fill(day(-40));
    await lead.locator("#field-periodEnd").fill(day(60));
    await lead.locator("#field-leadId").selectOption({ label: "Koordinator Demo" });
    await press(lead, nb("evaluations.new.submit"));
    expect(pathname(lead)).toMatch(new RegExp(`^/evalueringer/${uuid}$`));
    const project = pathname(lead);
    expect(await h1(lead)).toEqual([nb("evaluations.overview.title")]);
    expect(await lead.locator("li[aria-current=step]").textContent()).toContain(nb("evaluations.phase.agreement"));
    await expectNoAxeViolations(lead, "project overview");
    await screenshot(lead, "evaluations-overview-360");

    // Not yet: the guide phase needs the agreement and a site, and says so.
    await press(lead, nb("evaluations.overview.move_forward", { phase: nb("evaluations.phase.theme_guide") }));
    const refused = (await lead.locator("#phase-refused").textContent()) ?? "";
    expect(refused).toContain(nb("evaluations.phase.needs.agreement"));
    expect(refused).toContain(nb("evaluations.phase.needs.site"));

    await check(lead, `${project}/rediger`, nb("evaluations.edit.title"), "edit project", false);
    await lead.locator("#field-agreementDate").fill(day(-30));
    await lead.locator("#field-agreementText").fill("Vi evaluerer døgnposten sammen med tjenesten. Tjenesten ser aldri notater eller hvem som sa hva.");
    await lead.locator("#field-purpose").fill("Finne ut hvordan brukerne opplever døgnposten.");
    await press(lead, nb("form.save"));
    await lead.locator("#new-site-name").fill("Sengeposten");
    await press(lead, nb("evaluations.edit.site_add"));
    expect(await mainText(lead)).toContain("Sengeposten");
    await expectNoAxeViolations(lead, "edit project, site added");

    await check(lead, `${project}/temaguide`, nb("evaluations.guide.heading", { number: 1 }), "empty theme guide", false);
    await press(lead, nb("evaluations.guide.use_template"));
    expect(await lead.locator("main h2, main h3").allTextContents()).toEqual(expect.arrayContaining(["Respekt", "Informasjon"]));
    await expectNoAxeViolations(lead, "theme guide from the template");
    await screenshot(lead, "evaluations-guide-360");

    await check(lead, `${project}/team`, nb("evaluations.team.title"), "team", false);
    for (const name of ["Intervjuer Demo", "Intervjuer To", "Tjeneste Demo"]) await lead.getByLabel(name, { exact: true }).check();
    await press(lead, nb("form.save"));
    expect(await lead.getByRole("status").first().textContent()).toContain(nb("evaluations.team.saved"));
    await expectNoAxeViolations(lead, "team saved");

    for (const to of ["theme_guide", "recruitment", "interviews"]) await moveForward(lead, project, to);
    await expectNoAxeViolations(lead, "overview, moved to the interviews phase");

    // -- The interviewer, at a desk with JavaScript on, records a session.
    const { context: interviewerContext, page: interviewer } = await person("intervjuer@example.org", desktop);
    await check(interviewer, "/evalueringer", nb("evaluations.projects.title"), "project list (interviewer)");
    expect(await interviewer.getByRole("link", { name: title }).count(), "the interviewer sees the project").toBeGreaterThan(0);
    await check(interviewer, `${project}/intervju`, nb("evaluations.sessions.title"), "sessions, none yet");
    await check(interviewer, `${project}/intervju/ny`, nb("evaluations.new_session.title"), "new session");
    await interviewer.locator("#field-heldOn").fill(day(-2));
    await interviewer.locator("#field-siteId").selectOption({ label: "Sengeposten" });
    await interviewer.locator("#field-participants").fill("5");
    await interviewer.getByLabel("Intervjuer Demo", { exact: true }).check();
    await interviewer.getByLabel("Intervjuer To", { exact: true }).check();
    await press(interviewer, nb("evaluations.new_session.submit"));
    expect(pathname(interviewer)).toMatch(new RegExp(`^${project}/intervju/${uuid}$`));
    const session = pathname(interviewer);
    const sessionId = session.split("/").at(-1)!;
    expect((await h1(interviewer))[0]).toContain("Sengeposten");

    // A quote with a first name: warned, with the name shown and the text kept; rewritten, saved.
    const named = "Kari på vakta satte seg alltid ned og hørte på meg.";
    const rewritten = "En på vakta satte seg alltid ned og hørte på meg.";
    // No theme chosen first: told, the text kept.
    await interviewer.locator("#quote-text").fill(named);
    await press(interviewer, nb("evaluations.session.save_quote"));
    expect(await interviewer.getByTestId("error-summary").count(), "quote without a theme: refused").toBe(1);
    expect(await interviewer.locator("#quote-text").inputValue()).toBe(named);
    await summaryLinksResolve(interviewer, "quote without a theme");
    await interviewer.locator("#quote-themeId").selectOption({ label: "Respekt" });
    await press(interviewer, nb("evaluations.session.save_quote"));
    const warning = interviewer.getByTestId("screening-findings");
    expect(await warning.count(), "screening warning shown").toBe(1);
    expect(await warning.textContent()).toContain(nb("evaluations.screening.kind.first_name"));
    expect(await warning.textContent()).toContain("Kari");
    expect.soft(await interviewer.locator("[role=status]", { hasText: nb("evaluations.session.created") }).count(), "quote warned: no success message beside the warning").toBe(0);
    expect(await interviewer.locator("#quote-text").inputValue(), "the quote is kept").toBe(named);
    await expectNoAxeViolations(interviewer, "quote warned");
    await screenshot(interviewer, "evaluations-quote-warned-1280");
    await interviewer.locator("#quote-text").fill(rewritten);
    await press(interviewer, nb("evaluations.session.save_quote"));
    expect(await interviewer.getByTestId("screening-findings").count(), "no warning after the rewrite").toBe(0);
    expect(await interviewer.locator("blockquote").allTextContents()).toContain(`«${rewritten}»`);
    expect(await mainText(interviewer)).not.toContain("Kari");

    // Notes under the guide's first theme, one statement per line: a phone number is caught first.
    const note = interviewer.locator("textarea[name^=note-]").first();
    await note.fill("Ring vakta på 912 34 567 hvis du lurer på noe.");
    await press(interviewer, nb("evaluations.session.save_notes"));
    expect(await interviewer.getByTestId("screening-findings").textContent(), "note warned").toContain(nb("evaluations.screening.kind.phone"));
    expect(await note.inputValue()).toBe("Ring vakta på 912 34 567 hvis du lurer på noe.");
    await summaryLinksResolve(interviewer, "note warned");
    await note.fill("De ansatte hilser og ser deg i øynene.\nBesøkstiden er for kort.\nLa pårørende komme på kveldstid.");
    await press(interviewer, nb("evaluations.session.save_notes"));
    expect(await interviewer.getByRole("status").first().textContent()).toContain(nb("evaluations.session.saved_notes"));
    await expectNoAxeViolations(interviewer, "session with notes and a quote");

    // Split into statements and code them.
    await check(interviewer, `${project}/analyse/${sessionId}`, /Sengeposten/, "coding, notes not split", false);
    await press(interviewer, nb("evaluations.coding.split", { count: 1 }));
    expect(await interviewer.locator("textarea[name^=text-]").count(), "three statements").toBe(3);
    const codings: [number, string, string][] = [
      [1, "positive", "Respekt"],
      [2, "negative", "Fleksibilitet"],
      [3, "suggestion", "Samhandling"],
    ];
    for (const [n, polarity, code] of codings) {
      const statement = interviewer.locator("fieldset").filter({ has: interviewer.locator("legend", { hasText: new RegExp(`^${nb("evaluations.coding.statement_n", { n })}$`) }) }).first();
      await statement.getByLabel(nb(`evaluations.polarity.${polarity}`), { exact: true }).check();
      await statement.getByLabel(code, { exact: true }).check();
    }
    await press(interviewer, nb("evaluations.coding.save"));
    expect(await interviewer.getByRole("status").first().textContent()).toContain(nb("evaluations.coding.saved"));
    await expectNoAxeViolations(interviewer, "coding saved");
    await screenshot(interviewer, "evaluations-coding-1280");
    await check(interviewer, `${project}/analyse`, nb("evaluations.analysis.title"), "analysis");
    expect(await interviewer.getByTestId("statement-chart").count(), "chart").toBe(1);
    const respect = interviewer.locator("table").first().locator("tr", { hasText: "Respekt" });
    expect(await respect.locator("td").first().textContent(), "one statement under Respekt").toBe("1");
    await screenshot(interviewer, "evaluations-analysis-1280");
    await check(interviewer, `${project}/koder`, nb("evaluations.codes.title"), "codes");

    // -- The lead takes it on to the final report: the process report first, then the dialogue conference.
    await moveForward(lead, project, "analysis");
    await moveForward(lead, project, "process_report");
    await check(lead, `${project}/prosessrapport`, nb("evaluations.report.title.process"), "process report, team");
    await press(lead, nb("evaluations.report.publish"));
    expect(await lead.getByRole("status").first().textContent()).toContain(nb("evaluations.report.published_done"));
    await moveForward(lead, project, "dialogue_conference");
    await lead.goto(`${project}/rediger`);
    await lead.locator("#field-dialogueConferenceDate").fill(day(-1));
    await press(lead, nb("form.save"));
    await moveForward(lead, project, "final_report");

    await check(lead, `${project}/sluttrapport`, nb("evaluations.report.title.final"), "final report, team");
    const suggestions = "Utvid besøkstiden, og la pårørende komme på kveldstid.";
    const section = lead.locator("form", { has: lead.getByLabel(nb("evaluations.report.section.suggestions"), { exact: true }) });
    await section.locator("textarea").fill(suggestions);
    await press(lead, nb("evaluations.report.save_section", { section: nb("evaluations.report.section.suggestions") }), section);
    expect(await lead.getByRole("status").first().textContent()).toContain(nb("evaluations.report.saved"));
    const quote = lead.locator("li[id^=quote-]", { hasText: rewritten });
    await quote.locator("select").selectOption({ label: "Respekt" });
    await press(lead, nb("evaluations.report.add_quote"), quote);
    expect(await lead.getByRole("status").first().textContent()).toContain(nb("evaluations.report.quote_done"));
    await lead.locator("#publish-public").check();
    await press(lead, nb("evaluations.report.publish"));
    expect(await lead.getByRole("status").first().textContent()).toContain(nb("evaluations.report.published_done"));
    await expectNoAxeViolations(lead, "final report published");
    await screenshot(lead, "evaluations-final-report-team-360");
    await moveForward(lead, project, "follow_up");
    await leadContext.close();

    // -- The service contact reads the final report and its PDF, and gets no session, notes or statements.
    const { context: contactContext, page: contact } = await person("tjeneste@example.org", desktop);
    await check(contact, project, nb("evaluations.overview.title"), "overview (service contact)");
    await check(contact, `${project}/sluttrapport`, nb("evaluations.report.title.final"), "final report, service contact");
    const report = await mainText(contact);
    expect(report).toContain(suggestions);
    expect(report, "the quote rests on 5 participants (k = 5): shown").toContain(rewritten);
    expect(report).not.toContain("Besøkstiden er for kort.");
    await screenshot(contact, "evaluations-final-report-contact-1280");
    const pdfLink = contact.getByRole("link", { name: nb("evaluations.report.pdf") });
    expect(await pdfLink.getAttribute("href")).toBe(`${project}/sluttrapport/pdf`);
    const pdf = await contact.request.get(`${project}/sluttrapport/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const body = await pdf.body();
    if (process.env.SCREENSHOTS) fs.writeFileSync(path.join(process.env.SCREENSHOTS, "evaluations-final-report.pdf"), body);
    const pdfText = flat((await pdfPages(body)).join("\n"));
    for (const text of [nb("evaluations.report.title.final"), service, suggestions, rewritten]) expect(pdfText, `PDF: ${text}`).toContain(flat(text));
    expect(pdfText).not.toContain(flat("Besøkstiden er for kort."));
    for (const url of [session, `${project}/intervju`, `${project}/intervju/ny`, `${project}/analyse`, `${project}/analyse/${sessionId}`, `${project}/koder`, `${project}/eksport`]) {
      const response = await contact.goto(url);
      expect([403, 404], `service contact: ${url}`).toContain(response?.status());
      expect(await contact.locator("body").textContent(), url).not.toContain("Besøkstiden er for kort.");
    }
    await contactContext.close();

    // -- A visitor finds it among the public reports, and its PDF.
    const { context: visitorContext, page: visitor } = await person(null, desktop);
    await check(visitor, "/evalueringer/rapporter", nb("evaluations.public_reports.title"), "public reports");
    const link = visitor.getByRole("link", { name: `${nb("evaluations.report.title.final")}: ${service}` });
    expect(await link.count(), "the new report is listed").toBe(1);
    const publicReport = (await link.getAttribute("href")) ?? "";
    expect(publicReport).toMatch(new RegExp(`^/evalueringer/rapporter/${uuid}$`));
    await check(visitor, publicReport, `${nb("evaluations.report.title.final")}: ${service}`, "public report");
    expect(await mainText(visitor)).toContain(rewritten);
    const publicPdf = await visitor.request.get(`${publicReport}/pdf`);
    expect(publicPdf.status()).toBe(200);
    expect(publicPdf.headers()["content-type"]).toBe("application/pdf");
    const response = await visitor.goto(session);
    expect(pathname(visitor), "a visitor is sent to log in").toBe("/logg-inn");
    expect(response?.status()).toBe(200);
    await visitorContext.close();
    await interviewerContext.close();
  }, 120_000);
});

describe("the demo evaluation, every page kind in nynorsk or English with the other setting", () => {
  it("the secret note is read by the project's interviewer and by nobody outside the analysis team; axe on every page kind", async () => {
    // -- The interviewer, on a phone without JavaScript, in nynorsk: the analysis team's pages.
    const { context: interviewerContext, page: interviewer } = await person("intervjuer@example.org", phone);
    const nn = (key: string, values?: Record<string, string | number>) => translate("nn", key as MessageKey, values);
    const en = (key: string, values?: Record<string, string | number>) => translate("en", key as MessageKey, values);
    const withLang = (url: string, lang: Lang) => `${url}${url.includes("?") ? "&" : "?"}lang=${lang}`;
    const projectIds = async (page: Page) => {
      const html = await (await page.request.get("/evalueringer?lang=nb")).text();
      return [...new Set([...html.matchAll(new RegExp(`/evalueringer/(${uuid})`, "g"))].map((m) => m[1]!))];
    };
    let demo = "";
    for (const id of await projectIds(interviewer)) {
      if ((await (await interviewer.request.get(`/evalueringer/${id}?lang=nb`)).text()).includes(demoTitle)) demo = `/evalueringer/${id}`;
    }
    expect(demo, "the demo evaluation is on the interviewer's list").not.toBe("");
    await check(interviewer, withLang(`${demo}/intervju`, "nn"), nn("evaluations.sessions.title"), "sessions (nn)");
    expect(await interviewer.locator("html").getAttribute("lang")).toBe("nn");
    const sessions = [...new Set(await interviewer.locator("main a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? "")))].filter((h) => new RegExp(`^${demo}/intervju/${uuid}$`).test(h));
    expect(sessions.length, "five demo sessions").toBe(5);
    let secretSession = "";
    for (const s of sessions) if ((await (await interviewer.request.get(s)).text()).includes(secret)) secretSession = s;
    expect(secretSession, "one demo session holds the secret note").not.toBe("");
    await check(interviewer, withLang(secretSession, "nn"), /Poliklinikken/, "session with the secret note (nn)");
    expect(await interviewer.locator("main").textContent(), "the interviewer reads the note").toContain(secret);
    await screenshot(interviewer, "evaluations-demo-session-360");
    const secretId = secretSession.split("/").at(-1)!;
    await check(interviewer, withLang(`${demo}/intervju/ny`, "en"), en("evaluations.new_session.title"), "new session (en)");
    await check(interviewer, withLang(`${demo}/analyse`, "en"), en("evaluations.analysis.title"), "analysis (en)");
    await screenshot(interviewer, "evaluations-demo-analysis-360");
    await check(interviewer, withLang(`${demo}/analyse/${secretId}`, "nn"), new RegExp("Poliklinikken"), "coding (nn)");
    await check(interviewer, withLang(`${demo}/koder`, "en"), en("evaluations.codes.title"), "codes (en)");
    await interviewerContext.close();

    // -- Nobody outside the analysis team gets a page with the note: the service contact, a participant, a
    // visitor; not the session, its coding, the lists, the export, nor the pages they may read.
    const outsiders: [string, string | null][] = [
      ["service contact", "tjeneste@example.org"],
      ["participant", "deltaker@example.org"],
      ["visitor", null],
    ];
    const urls = [
      secretSession,
      `${demo}/analyse/${secretId}`,
      `${demo}/intervju`,
      `${demo}/analyse`,
      `${demo}/eksport`,
      demo,
      `${demo}/prosessrapport`,
      `${demo}/sluttrapport`,
      "/evalueringer",
      "/evalueringer/rapporter",
    ];
    for (const [who, email] of outsiders) {
      const context = await newContext(browser, desktop, email ? await loggedInState(browser, email) : undefined);
      for (const url of urls) {
        const response = await context.request.get(url, { maxRedirects: 0 });
        expect(await response.text(), `${who}: ${url} (${response.status()})`).not.toContain(secret);
        if (url === secretSession || url.includes("/analyse") || url.endsWith("/intervju") || url.endsWith("/eksport")) {
          expect(response.status(), `${who}: ${url}`).not.toBe(200);
        }
      }
      await context.close();
    }

    // -- The lead (the coordinator), at a desk with JavaScript on: the lead's pages, in nynorsk and English.
    const { context: leadContext, page: lead } = await person("koordinator@example.org", desktop);
    const leadPages: [string, Lang, string | RegExp, string][] = [
      ["/evalueringer", "nn", nn("evaluations.projects.title"), "project list"],
      ["/evalueringer/ny", "en", en("evaluations.new.title"), "new project"],
      [demo, "nn", nn("evaluations.overview.title"), "overview"],
      [`${demo}/rediger`, "en", en("evaluations.edit.title"), "edit project"],
      [`${demo}/team`, "nn", nn("evaluations.team.title"), "team"],
      [`${demo}/temaguide`, "en", en("evaluations.guide.heading", { number: 1 }), "theme guide"],
      [`${demo}/rekruttering`, "en", en("evaluations.recruitment.title"), "recruitment"],
      [`${demo}/prosessrapport`, "nn", nn("evaluations.report.title.process"), "process report, team"],
      [`${demo}/sluttrapport`, "en", en("evaluations.report.title.final"), "final report, team"],
      ["/evalueringer/importer", "nn", nn("evaluations.archive.import.title"), "archive import"],
    ];
    for (const [url, lang, heading, label] of leadPages) {
      await check(lead, withLang(url, lang), heading, `${label} (${lang})`);
      expect(await lead.locator("html").getAttribute("lang"), label).toBe(lang);
      if (label === "overview") await screenshot(lead, "evaluations-demo-overview-1280");
      if (label === "final report, team") await screenshot(lead, "evaluations-demo-final-report-team-1280");
    }
    await leadContext.close();

    // -- The service contact, on a phone without JavaScript, in English; a visitor in nynorsk.
    const { context: contactContext, page: contact } = await person("tjeneste@example.org", phone);
    await check(contact, withLang(`${demo}/rekruttering`, "en"), en("evaluations.recruitment.title"), "recruitment, service contact (en)");
    await check(contact, withLang(`${demo}/sluttrapport`, "en"), en("evaluations.report.title.final"), "final report, service contact (en)");
    await screenshot(contact, "evaluations-demo-final-report-contact-360");
    await contactContext.close();

    const { context: visitorContext, page: visitor } = await person(null, phone);
    await check(visitor, withLang("/evalueringer/rapporter", "nn"), nn("evaluations.public_reports.title"), "public reports (nn)");
    const demoReport = visitor.getByRole("link", { name: `${nn("evaluations.report.title.final")}: DPS Fjordbyen, poliklinikk` });
    expect(await demoReport.count(), "the demo's final report is public").toBe(1);
    await check(visitor, withLang((await demoReport.getAttribute("href"))!, "en"), `${en("evaluations.report.title.final")}: DPS Fjordbyen, poliklinikk`, "public report (en)");
    await screenshot(visitor, "evaluations-demo-public-report-360");
    await visitorContext.close();
  }, 120_000);
});

/** Text without whitespace (lines wrap in a PDF). */
const flat = (s: string) => s.replace(/\s+/g, "");

/** The text of each page of a PDF (pdf.js, as a reader would get it). */
async function pdfPages(data: Buffer): Promise<string[]> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages;
}
