import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { eq } from "drizzle-orm";
import "./i18n/register";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import type { Actor } from "~/modules/centres/permissions";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationProjects,
  evaluationQuotes,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
  evaluationTeam,
} from "./evaluations.schema";
import {
  chooseQuote,
  listPublicReports,
  loadPublicReport,
  loadPublishedReport,
  loadReportForTeam,
  publishReport,
  removeQuote,
  saveSection,
  sectionKeys,
  withdrawReport,
  type SectionKey,
} from "./reports.server";
import { ReportBody, tFor } from "./components/report-view";
import { reportPdf } from "./report-pdf.server";

async function pdfText(data: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(data), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}

/*
 * The reports through their use cases: default sections, editing with revisions, quotes under a code,
 * publishing; and the anonymity of everything a reader outside the analysis team loads (ADR 0026).
 */

let handle: DbHandle;
let db: Db;
let lead: Actor;
let interviewer: Actor;
let contact: Actor;
let coordinator: Actor;
let admin: Actor;
let stranger: Actor;
let projectId: string;
let otherProjectId: string;
const ids = { small: "", big: "", quoteSmall: "", quoteBig: "", otherQuote: "", otherCode: "" };
const titles = Object.fromEntries(sectionKeys.map((k) => [k, `Tittel ${k}`])) as Record<SectionKey, string>;

/** A project with one session of 4 and one of 6: code "Liten" rests on 4 people, "Stor" on 10. */
async function makeProject(centreId: string, title: string) {
  const [p] = await db
    .insert(evaluationProjects)
    .values({ centreId, title, serviceName: "DPS Prøvebyen, poliklinikk", serviceKind: "dps", periodStart: "2026-01-01", periodEnd: "2026-12-31", k: 5, purpose: "Finne ut hva som virker.", questions: "Blir du hørt?" })
    .returning({ id: evaluationProjects.id });
  const project = p!.id;
  const [site] = await db.insert(evaluationSites).values({ projectId: project, name: "Ambulant team" }).returning({ id: evaluationSites.id });
  const [site2] = await db.insert(evaluationSites).values({ projectId: project, name: "Døgnpost", position: 1 }).returning({ id: evaluationSites.id });
  const [version] = await db.insert(evaluationGuideVersions).values({ projectId: project, number: 1 }).returning({ id: evaluationGuideVersions.id });
  const [theme] = await db.insert(evaluationGuideThemes).values({ versionId: version!.id, position: 0, title: "Respekt" }).returning({ id: evaluationGuideThemes.id });
  const sessions = await db
    .insert(evaluationSessions)
    .values([
      { projectId: project, siteId: site!.id, guideVersionId: version!.id, kind: "group", heldOn: "2026-03-01", participants: 4 },
      { projectId: project, siteId: site2!.id, guideVersionId: version!.id, kind: "group", heldOn: "2026-03-02", participants: 6 },
    ])
    .returning({ id: evaluationSessions.id });
  const [s1, s2] = sessions;
  const codes = await db
    .insert(evaluationCodes)
    .values([
      { projectId: project, name: "Liten", position: 0 },
      { projectId: project, name: "Stor", position: 1 },
    ])
    .returning({ id: evaluationCodes.id });
  const statements = await db
    .insert(evaluationStatements)
    .values([
      { projectId: project, sessionId: s1!.id, text: "Ble møtt med respekt", polarity: "positive" },
      { projectId: project, sessionId: s1!.id, text: "Ventetiden var lang", polarity: "negative" },
      { projectId: project, sessionId: s2!.id, text: "Mer informasjon", polarity: "suggestion" },
    ])
    .returning({ id: evaluationStatements.id });
  await db.insert(evaluationCodings).values([
    { statementId: statements[0]!.id, codeId: codes[0]!.id, projectId: project, sessionId: s1!.id },
    { statementId: statements[1]!.id, codeId: codes[1]!.id, projectId: project, sessionId: s1!.id },
    { statementId: statements[2]!.id, codeId: codes[1]!.id, projectId: project, sessionId: s2!.id },
  ]);
  const quotes = await db
    .insert(evaluationQuotes)
    .values([
      { sessionId: s1!.id, themeId: theme!.id, text: "Sitat fra en liten gruppe", position: 0 },
      { sessionId: s2!.id, themeId: theme!.id, text: "Sitat som mange står bak", position: 1 },
    ])
    .returning({ id: evaluationQuotes.id });
  return { project, codes: codes.map((c) => c.id), quotes: quotes.map((q) => q.id) };
}

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  expect(await loadDemoData(db)).toBe(true);
  const kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
  await signUpConfirmed(db, { name: "Leder Prøve", email: "leder-rapport@example.org", password: "et-langt-passord-2026" });
  await signUpConfirmed(db, { name: "Fremmed Prøve", email: "fremmed-rapport@example.org", password: "et-langt-passord-2026" });
  lead = await actorFor(db, "leder-rapport@example.org");
  stranger = await actorFor(db, "fremmed-rapport@example.org");
  interviewer = await actorFor(db, "intervjuer@example.org");
  contact = await actorFor(db, "tjeneste@example.org");
  coordinator = await actorFor(db, "koordinator@example.org");
  admin = await actorFor(db, "admin@example.org");
  const made = await makeProject(kbt, "Rapportprøve");
  projectId = made.project;
  [ids.small, ids.big] = made.codes as [string, string];
  [ids.quoteSmall, ids.quoteBig] = made.quotes as [string, string];
  await db.insert(evaluationTeam).values([
    { projectId, userId: lead.userId, role: "lead" },
    { projectId, userId: interviewer.userId, role: "interviewer" },
    { projectId, userId: contact.userId, role: "service_contact" },
  ]);
  const other = await makeProject(kbt, "Et annet prosjekt");
  otherProjectId = other.project;
  ids.otherQuote = other.quotes[0]!;
  ids.otherCode = other.codes[0]!;
});
afterAll(async () => {
  await handle?.close();
});

describe(`reports on ${dbKind}`, () => {
  it("makes both reports with the six default sections for the team, and lets no one else edit them", async () => {
    for (const kind of ["process", "final"] as const) {
      const team = await loadReportForTeam(db, lead, projectId, kind, titles);
      expect(team.report.sections.map((s) => s.key)).toEqual([...sectionKeys]);
      expect(team.report.publishedAt).toBeNull();
      // Opening it again makes nothing twice.
      expect((await loadReportForTeam(db, interviewer, projectId, kind, titles)).report.id).toBe(team.report.id);
    }
    await expect(loadReportForTeam(db, contact, projectId, "final", titles)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadReportForTeam(db, coordinator, projectId, "final", titles)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadReportForTeam(db, admin, projectId, "final", titles)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadReportForTeam(db, stranger, projectId, "final", titles)).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadReportForTeam(db, null, projectId, "final", titles)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("saves a section; a save from an older revision is told, gets the other text, and can save over it", async () => {
    const team = await loadReportForTeam(db, lead, projectId, "final", titles);
    const background = team.report.sections.find((s) => s.key === "background")!;
    const first = await saveSection(db, lead, projectId, "final", { sectionId: background.id, body: "Ledelsens tekst", revision: background.revision });
    expect(first).toEqual({ ok: true, revision: background.revision + 1 });
    const late = await saveSection(db, interviewer, projectId, "final", { sectionId: background.id, body: "Intervjuerens tekst", revision: background.revision });
    expect(late).toEqual({ ok: false, conflict: { body: "Ledelsens tekst", revision: background.revision + 1 } });
    const forced = await saveSection(db, interviewer, projectId, "final", { sectionId: background.id, body: "Intervjuerens tekst", revision: background.revision, force: true });
    expect(forced.ok).toBe(true);
    const again = await loadReportForTeam(db, lead, projectId, "final", titles);
    expect(again.report.sections.find((s) => s.key === "background")!.body).toBe("Intervjuerens tekst");
    // A section of another report (or project) is not found.
    const otherSection = (await loadReportForTeam(db, lead, projectId, "process", titles)).report.sections[0]!;
    await expect(saveSection(db, lead, projectId, "final", { sectionId: otherSection.id, body: "x", revision: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveSection(db, contact, projectId, "final", { sectionId: background.id, body: "x", revision: 9 })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("chooses quotes under the project's codes only", async () => {
    expect(await chooseQuote(db, interviewer, projectId, "final", { quoteId: ids.quoteSmall, codeId: ids.small })).toEqual({ ok: true });
    expect(await chooseQuote(db, interviewer, projectId, "final", { quoteId: ids.quoteBig, codeId: ids.small })).toEqual({ ok: true });
    // Moved to the right code: one row per quote.
    expect(await chooseQuote(db, interviewer, projectId, "final", { quoteId: ids.quoteBig, codeId: ids.big })).toEqual({ ok: true });
    await expect(chooseQuote(db, interviewer, projectId, "final", { quoteId: ids.otherQuote, codeId: ids.big })).rejects.toBeInstanceOf(NotFoundError);
    expect(await chooseQuote(db, interviewer, projectId, "final", { quoteId: ids.quoteBig, codeId: ids.otherCode })).toEqual({ ok: false, error: "evaluations.report.error.code" });
    const team = await loadReportForTeam(db, lead, projectId, "final", titles);
    expect(team.report.quotes.map((q) => [q.quoteId, q.codeId])).toEqual([
      [ids.quoteSmall, ids.small],
      [ids.quoteBig, ids.big],
    ]);
    expect(team.availableQuotes.map((q) => q.id).sort()).toEqual([ids.quoteSmall, ids.quoteBig].sort());
    expect(team.codes.map((c) => c.id)).toEqual([ids.small, ids.big]);
  });

  it("publishes only by the lead; service contacts and coordinators read it with the k rule, the team sees all", async () => {
    expect((await loadPublishedReport(db, contact, projectId, "final")).report).toBeNull();
    await expect(publishReport(db, interviewer, projectId, "final", { public: false })).rejects.toBeInstanceOf(ForbiddenError);
    await publishReport(db, lead, projectId, "final", { public: false });

    for (const reader of [contact, coordinator]) {
      const { report } = await loadPublishedReport(db, reader, projectId, "final");
      expect(report!.publishedAt).not.toBeNull();
      const small = report!.figures.codes.find((c) => c.codeId === ids.small)!;
      const big = report!.figures.codes.find((c) => c.codeId === ids.big)!;
      expect(small).toMatchObject({ shown: false, statements: null, participants: null, positive: null });
      expect(big).toMatchObject({ shown: true, statements: 2, participants: 10, negative: 1, suggestion: 1 });
      expect(report!.quotes.map((q) => q.text)).toEqual(["Sitat som mange står bak"]);
      expect(report!.quotesWithheld).toBe(1);
      expect(report!.figures.totals).toEqual({ shown: true, sessions: 2, participants: 10 });
      // By site: 4 and 6 — one under k, so the other is withheld to protect it.
      expect(report!.figures.bySite.map((r) => [r.label, r.shown, r.participants])).toEqual(
        expect.arrayContaining([
          ["Ambulant team", false, null],
          ["Døgnpost", false, null],
        ]),
      );
      expect(JSON.stringify(report)).not.toContain("Sitat fra en liten gruppe");
    }
    await expect(loadPublishedReport(db, admin, projectId, "final")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadPublishedReport(db, stranger, projectId, "final")).rejects.toBeInstanceOf(NotFoundError);

    const team = await loadReportForTeam(db, interviewer, projectId, "final", titles);
    expect(team.report.figures.codes.find((c) => c.codeId === ids.small)).toMatchObject({ shown: true, statements: 1, participants: 4, positive: 1 });
    expect(team.report.quotes).toHaveLength(2);
    // The preview is what the service will read.
    expect(team.preview.figures.codes.find((c) => c.codeId === ids.small)).toMatchObject({ shown: false, statements: null });
    expect(team.preview.quotes).toHaveLength(1);
  });

  it("renders the service contact's report saying what is withheld, without the figure or the quote", async () => {
    const { report } = await loadPublishedReport(db, contact, projectId, "final");
    const html = renderToStaticMarkup(createElement(ReportBody, { content: report!, t: tFor("nb") }));
    expect(html).toContain("Noe er holdt tilbake fordi færre enn 5 personer står bak.");
    expect(html).toContain("Holdt tilbake: færre enn 5 personer står bak dette temaet.");
    expect(html).toContain("Intervjuer: 2. Deltakere: 10.");
    expect(html).toContain("Sitat som mange står bak");
    expect(html).not.toContain("Sitat fra en liten gruppe");
    expect(html).not.toContain("Intervjuer: 1. Deltakere: 4.");
    expect(html).toContain("Intervjuerens tekst");
    // At k 3 the small code reaches k, and its quote is shown with it.
    await db.update(evaluationProjects).set({ k: 3 }).where(eq(evaluationProjects.id, projectId));
    const at3 = (await loadPublishedReport(db, contact, projectId, "final")).report!;
    const html3 = renderToStaticMarkup(createElement(ReportBody, { content: at3, t: tFor("nb") }));
    expect(html3).toContain("Sitat fra en liten gruppe");
    expect(html3).toContain("Utsagn: 1 (");
    expect(html3).toContain("Intervjuer: 1. Deltakere: 4.");
    expect(html3).not.toContain("Noe er holdt tilbake");
    await db.update(evaluationProjects).set({ k: 5 }).where(eq(evaluationProjects.id, projectId));
  });

  it("prints the service contact's report as a PDF with the same withholding: contents, page numbers, no hidden figure or quote", async () => {
    const { report } = await loadPublishedReport(db, contact, projectId, "final");
    const pdf = await reportPdf("nb", report!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    expect(text).toContain("Sluttrapport: DPS Prøvebyen, poliklinikk");
    expect(text).toContain("Innhold");
    expect(text).toContain("Funn per tema");
    expect(text).toContain("Holdt tilbake: færre enn 5 personer står bak dette temaet.");
    expect(text).toContain("Sitat som mange står bak");
    expect(text).not.toContain("Sitat fra en liten gruppe");
    expect(text).not.toContain("med 4 deltakere");
    expect(text).toMatch(/1 \/ \d/);
  });

  it("lists a report for everyone only when published and public, and serves it with the k rule", async () => {
    const finalId = (await loadReportForTeam(db, lead, projectId, "final", titles)).report.id;
    expect((await listPublicReports(db)).map((r) => r.id)).not.toContain(finalId);
    await expect(loadPublicReport(db, finalId)).rejects.toBeInstanceOf(NotFoundError);
    await publishReport(db, lead, projectId, "final", { public: true });
    expect((await listPublicReports(db)).find((r) => r.id === finalId)).toMatchObject({ kind: "final", title: "Rapportprøve", serviceName: "DPS Prøvebyen, poliklinikk" });
    const publicReport = await loadPublicReport(db, finalId);
    expect(publicReport.figures.codes.find((c) => c.codeId === ids.small)).toMatchObject({ shown: false, statements: null });
    expect(JSON.stringify(publicReport)).not.toContain("Sitat fra en liten gruppe");
    // The process report was never published: not public.
    const processId = (await loadReportForTeam(db, lead, projectId, "process", titles)).report.id;
    await expect(loadPublicReport(db, processId)).rejects.toBeInstanceOf(NotFoundError);
    await removeQuote(db, lead, projectId, "final", { quoteId: ids.quoteBig });
    expect((await loadPublicReport(db, finalId)).quotes).toEqual([]);
    await withdrawReport(db, lead, projectId, "final");
    expect((await listPublicReports(db)).map((r) => r.id)).not.toContain(finalId);
    expect((await loadPublishedReport(db, contact, projectId, "final")).report).toBeNull();
    void otherProjectId;
  });
});
