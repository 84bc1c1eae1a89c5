import { randomUUID } from "node:crypto";
import { osloToday } from "~/lib/oslo-date";
import { asc, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/modules/accounts/accounts.schema";
import { centres } from "~/modules/centres/centres.schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { can, type Actor } from "~/modules/centres/permissions";
import { translate, type Lang, type MessageKey } from "~/i18n/i18n";
import "./i18n/register";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideQuestions,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationNotes,
  evaluationPhaseChanges,
  evaluationProjects,
  evaluationQuotes,
  evaluationReportQuotes,
  evaluationReportSections,
  evaluationReports,
  evaluationSessionInterviewers,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
  evaluationTeam,
} from "./evaluations.schema";
import { projectRoles, type ProjectRole } from "./evaluations";
import { requireProjectAction } from "./access.server";
import { archiveFormat, archiveLimits, archiveSchema, archiveVersion, type ArchiveDocument } from "./archive.forms";

/**
 * The project archive (issue 13, item 8; docs/evaluation-export.md): a whole evaluation as one JSON file,
 * for the analysis team only (it holds notes, quotes and statements), and reading such a file into a centre
 * of this or another installation as a new project. The file's ids only tie its parts together; accounts of
 * one installation mean nothing in another, so people travel as names: the team, who held each session,
 * who changed the phase. On import the importer becomes the lead, and the file's team is written, as names
 * with their roles, at the end of the project's agreement text (the "formerTeam" note), where the project's
 * overview shows it to those who see the team anyway.
 */

const roleOrder = (role: string) => projectRoles.indexOf(role as ProjectRole);

/** Everything of the project, as the archive file. Only for the analysis team (`project.export`); recorded in the audit log. */
export async function exportProject(db: Db, actor: Actor | null, projectId: string, options: { requestId?: string } = {}): Promise<ArchiveDocument> {
  const access = await requireProjectAction(db, actor, projectId, "project.export");
  const [p] = await db
    .select({
      title: evaluationProjects.title,
      serviceName: evaluationProjects.serviceName,
      serviceKind: evaluationProjects.serviceKind,
      kommunenummer: evaluationProjects.kommunenummer,
      purpose: evaluationProjects.purpose,
      questions: evaluationProjects.questions,
      periodStart: evaluationProjects.periodStart,
      periodEnd: evaluationProjects.periodEnd,
      agreementDate: evaluationProjects.agreementDate,
      agreementText: evaluationProjects.agreementText,
      k: evaluationProjects.k,
      listedNames: evaluationProjects.listedNames,
      phase: evaluationProjects.phase,
      dialogueConferenceDate: evaluationProjects.dialogueConferenceDate,
    })
    .from(evaluationProjects)
    .where(eq(evaluationProjects.id, projectId));
  if (!p) throw new NotFoundError();

  const [sites, team, phaseChanges, versions, themes, questions, codes, sessions, interviewers, notes, quotes, statements, codings, reports, sections, reportQuotes] =
    await Promise.all([
      db
        .select({ id: evaluationSites.id, name: evaluationSites.name, invited: evaluationSites.invited, came: evaluationSites.came })
        .from(evaluationSites)
        .where(eq(evaluationSites.projectId, projectId))
        .orderBy(asc(evaluationSites.position), asc(evaluationSites.createdAt), asc(evaluationSites.id)),
      db
        .select({ name: users.name, role: evaluationTeam.role })
        .from(evaluationTeam)
        .innerJoin(users, eq(users.id, evaluationTeam.userId))
        .where(eq(evaluationTeam.projectId, projectId)),
      db
        .select({ from: evaluationPhaseChanges.fromPhase, to: evaluationPhaseChanges.toPhase, by: users.name, at: evaluationPhaseChanges.changedAt })
        .from(evaluationPhaseChanges)
        .leftJoin(users, eq(users.id, evaluationPhaseChanges.changedBy))
        .where(eq(evaluationPhaseChanges.projectId, projectId))
        .orderBy(asc(evaluationPhaseChanges.changedAt), asc(evaluationPhaseChanges.id)),
      db
        .select({ id: evaluationGuideVersions.id, number: evaluationGuideVersions.number })
        .from(evaluationGuideVersions)
        .where(eq(evaluationGuideVersions.projectId, projectId))
        .orderBy(asc(evaluationGuideVersions.number)),
      db
        .select({ id: evaluationGuideThemes.id, versionId: evaluationGuideThemes.versionId, title: evaluationGuideThemes.title, templateId: evaluationGuideThemes.templateId })
        .from(evaluationGuideThemes)
        .innerJoin(evaluationGuideVersions, eq(evaluationGuideVersions.id, evaluationGuideThemes.versionId))
        .where(eq(evaluationGuideVersions.projectId, projectId))
        .orderBy(asc(evaluationGuideThemes.position), asc(evaluationGuideThemes.id)),
      db
        .select({ themeId: evaluationGuideQuestions.themeId, text: evaluationGuideQuestions.text })
        .from(evaluationGuideQuestions)
        .innerJoin(evaluationGuideThemes, eq(evaluationGuideThemes.id, evaluationGuideQuestions.themeId))
        .innerJoin(evaluationGuideVersions, eq(evaluationGuideVersions.id, evaluationGuideThemes.versionId))
        .where(eq(evaluationGuideVersions.projectId, projectId))
        .orderBy(asc(evaluationGuideQuestions.position), asc(evaluationGuideQuestions.id)),
      db
        .select({ id: evaluationCodes.id, shippedId: evaluationCodes.shippedId, name: evaluationCodes.name, description: evaluationCodes.description, archivedAt: evaluationCodes.archivedAt })
        .from(evaluationCodes)
        .where(eq(evaluationCodes.projectId, projectId))
        .orderBy(asc(evaluationCodes.position), asc(evaluationCodes.createdAt), asc(evaluationCodes.id)),
      db
        .select({
          id: evaluationSessions.id,
          siteId: evaluationSessions.siteId,
          guideVersionId: evaluationSessions.guideVersionId,
          kind: evaluationSessions.kind,
          heldOn: evaluationSessions.heldOn,
          participants: evaluationSessions.participants,
          round: evaluationSessions.round,
        })
        .from(evaluationSessions)
        .where(eq(evaluationSessions.projectId, projectId))
        .orderBy(asc(evaluationSessions.heldOn), asc(evaluationSessions.round), asc(evaluationSessions.createdAt), asc(evaluationSessions.id)),
      db
        .select({ sessionId: evaluationSessionInterviewers.sessionId, name: users.name })
        .from(evaluationSessionInterviewers)
        .innerJoin(users, eq(users.id, evaluationSessionInterviewers.userId))
        .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationSessionInterviewers.sessionId))
        .where(eq(evaluationSessions.projectId, projectId))
        .orderBy(asc(users.name)),
      db
        .select({ sessionId: evaluationNotes.sessionId, themeId: evaluationNotes.themeId, text: evaluationNotes.text, screeningConfirmed: evaluationNotes.screeningConfirmed })
        .from(evaluationNotes)
        .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationNotes.sessionId))
        .innerJoin(evaluationGuideThemes, eq(evaluationGuideThemes.id, evaluationNotes.themeId))
        .where(eq(evaluationSessions.projectId, projectId))
        .orderBy(asc(evaluationGuideThemes.position), asc(evaluationNotes.id)),
      db
        .select({ id: evaluationQuotes.id, sessionId: evaluationQuotes.sessionId, themeId: evaluationQuotes.themeId, text: evaluationQuotes.text, screeningConfirmed: evaluationQuotes.screeningConfirmed })
        .from(evaluationQuotes)
        .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationQuotes.sessionId))
        .where(eq(evaluationSessions.projectId, projectId))
        .orderBy(asc(evaluationQuotes.position), asc(evaluationQuotes.createdAt), asc(evaluationQuotes.id)),
      db
        .select({ id: evaluationStatements.id, sessionId: evaluationStatements.sessionId, text: evaluationStatements.text, polarity: evaluationStatements.polarity, themeId: evaluationNotes.themeId })
        .from(evaluationStatements)
        .leftJoin(evaluationNotes, eq(evaluationNotes.id, evaluationStatements.noteId))
        .where(eq(evaluationStatements.projectId, projectId))
        .orderBy(asc(evaluationStatements.position), asc(evaluationStatements.createdAt), asc(evaluationStatements.id)),
      db
        .select({ statementId: evaluationCodings.statementId, codeId: evaluationCodings.codeId })
        .from(evaluationCodings)
        .innerJoin(evaluationCodes, eq(evaluationCodes.id, evaluationCodings.codeId))
        .where(eq(evaluationCodings.projectId, projectId))
        .orderBy(asc(evaluationCodes.position), asc(evaluationCodes.createdAt), asc(evaluationCodes.id)),
      db
        .select({ id: evaluationReports.id, kind: evaluationReports.kind, publishedAt: evaluationReports.publishedAt, public: evaluationReports.public })
        .from(evaluationReports)
        .where(eq(evaluationReports.projectId, projectId)),
      db
        .select({ reportId: evaluationReportSections.reportId, key: evaluationReportSections.key, title: evaluationReportSections.title, body: evaluationReportSections.body })
        .from(evaluationReportSections)
        .innerJoin(evaluationReports, eq(evaluationReports.id, evaluationReportSections.reportId))
        .where(eq(evaluationReports.projectId, projectId))
        .orderBy(asc(evaluationReportSections.position), asc(evaluationReportSections.id)),
      db
        .select({ reportId: evaluationReportQuotes.reportId, quoteId: evaluationReportQuotes.quoteId, codeId: evaluationReportQuotes.codeId })
        .from(evaluationReportQuotes)
        .innerJoin(evaluationReports, eq(evaluationReports.id, evaluationReportQuotes.reportId))
        .where(eq(evaluationReports.projectId, projectId))
        .orderBy(asc(evaluationReportQuotes.position), asc(evaluationReportQuotes.quoteId)),
    ]);

  const byKey = <T, K>(rows: readonly T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return map;
  };
  const questionsOf = byKey(questions, (q) => q.themeId);
  const themesOf = byKey(themes, (t) => t.versionId);
  const interviewersOf = byKey(interviewers, (i) => i.sessionId);
  const notesOf = byKey(notes, (n) => n.sessionId);
  const quotesOf = byKey(quotes, (q) => q.sessionId);
  const statementsOf = byKey(statements, (s) => s.sessionId);
  const codingsOf = byKey(codings, (c) => c.statementId);
  const sectionsOf = byKey(sections, (s) => s.reportId);
  const reportQuotesOf = byKey(reportQuotes, (q) => q.reportId);

  const doc: ArchiveDocument = {
    format: archiveFormat,
    version: archiveVersion,
    exportedAt: new Date().toISOString(),
    project: {
      id: projectId,
      title: p.title,
      service: { name: p.serviceName, kind: p.serviceKind as ArchiveDocument["project"]["service"]["kind"], kommunenummer: p.kommunenummer },
      purpose: p.purpose,
      questions: p.questions,
      period: { start: p.periodStart, end: p.periodEnd },
      agreement: { date: p.agreementDate, text: p.agreementText },
      k: p.k,
      listedNames: p.listedNames,
      phase: p.phase as ArchiveDocument["project"]["phase"],
      dialogueConferenceDate: p.dialogueConferenceDate,
    },
    sites: sites.map((s) => ({ id: s.id, name: s.name, recruitment: { invited: s.invited, came: s.came } })),
    team: team
      .map((m) => ({ name: m.name, role: m.role as ProjectRole }))
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name, "nb")),
    phaseChanges: phaseChanges.map((c) => ({ from: c.from as ArchiveDocument["project"]["phase"], to: c.to as ArchiveDocument["project"]["phase"], by: c.by, at: c.at.toISOString() })),
    guideVersions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      themes: (themesOf.get(v.id) ?? []).map((t) => ({ id: t.id, title: t.title, templateId: t.templateId, questions: (questionsOf.get(t.id) ?? []).map((q) => q.text) })),
    })),
    codes: codes.map((c) => ({ id: c.id, shippedId: c.shippedId, name: c.name, description: c.description, archived: c.archivedAt !== null })),
    sessions: sessions.map((s) => ({
      id: s.id,
      siteId: s.siteId,
      guideVersionId: s.guideVersionId,
      kind: s.kind as "group" | "individual",
      heldOn: s.heldOn,
      participants: s.participants,
      round: s.round,
      interviewers: (interviewersOf.get(s.id) ?? []).map((i) => i.name),
      notes: (notesOf.get(s.id) ?? []).map((n) => ({ themeId: n.themeId, text: n.text, screeningConfirmed: n.screeningConfirmed })),
      quotes: (quotesOf.get(s.id) ?? []).map((q) => ({ id: q.id, themeId: q.themeId, text: q.text, screeningConfirmed: q.screeningConfirmed })),
      statements: (statementsOf.get(s.id) ?? []).map((st) => ({
        text: st.text,
        polarity: st.polarity as "positive" | "negative" | "suggestion" | null,
        themeId: st.themeId,
        codeIds: (codingsOf.get(st.id) ?? []).map((c) => c.codeId),
      })),
    })),
    reports: reports
      .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "process" ? -1 : 1))
      .map((r) => ({
        kind: r.kind as "process" | "final",
        publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
        public: r.public,
        sections: (sectionsOf.get(r.id) ?? []).map((s) => ({ key: s.key as ArchiveDocument["reports"][number]["sections"][number]["key"], title: s.title, body: s.body })),
        quotes: (reportQuotesOf.get(r.id) ?? []).map((q) => ({ quoteId: q.quoteId, codeId: q.codeId })),
      })),
  };

  const role = access.roles.includes("lead") ? "lead" : "interviewer";
  await recordAudit(db, {
    actorUserId: actor!.userId,
    actorCentreId: access.project.centreId,
    actorRole: role,
    action: "read",
    subjectUserId: null,
    entityType: "evaluation_project",
    entityId: projectId,
    details: { export: true, sessions: doc.sessions.length, statements: statements.length },
    requestId: options.requestId ?? null,
  });
  return doc;
}

/** A name for the file: the project's title in plain ascii letters, and the day it was downloaded. */
export function archiveFileName(title: string, day = osloToday()) {
  const slug = title
    .normalize("NFKD")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/[åÅ]/g, "a")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `evaluering-${slug || "prosjekt"}-${day}.json`;
}

/** A problem of an archive file, in the reader's language: `message` is an i18n key, `where` the place in the file. */
export type ArchiveProblem = {
  where: string;
  /** The part of the file in words, e.g. the third session: an i18n key and its number (none for the file as a whole). */
  part?: { key: MessageKey; n: number };
  message: MessageKey;
  values?: Record<string, number>;
};

const parts: Record<string, string> = {
  project: "evaluations.archive.part.project",
  sites: "evaluations.archive.part.site",
  team: "evaluations.archive.part.team",
  phaseChanges: "evaluations.archive.part.phase_change",
  guideVersions: "evaluations.archive.part.guide_version",
  codes: "evaluations.archive.part.code",
  sessions: "evaluations.archive.part.session",
  reports: "evaluations.archive.part.report",
};

function partOf(path: readonly PropertyKey[]): ArchiveProblem["part"] {
  const [first, index] = path;
  const key = typeof first === "string" ? parts[first] : undefined;
  if (!key) return undefined;
  return { key: key as MessageKey, n: typeof index === "number" ? index + 1 : 0 };
}

/** The place of a problem in the file, for people: 1-based positions ("sessions.3.notes.1.text"). */
function placeOf(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === "number" ? String(p + 1) : String(p))).join(".");
}

const maxProblems = 100;

/** Parse and check an archive file. Nothing is saved. The size is checked first, then the JSON, then everything else. */
export function checkArchive(text: string): { ok: true; doc: ArchiveDocument } | { ok: false; problems: ArchiveProblem[] } {
  if (Buffer.byteLength(text, "utf8") > archiveLimits.bytes)
    return { ok: false, problems: [{ where: "", message: "evaluations.archive.error.too_big", values: { max: archiveLimits.bytes / 1_000_000 } }] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ where: "", message: "evaluations.archive.error.json" }] };
  }
  const result = archiveSchema.safeParse(json);
  if (result.success) return { ok: true, doc: result.data };
  // The format and version first: a file that is not an archive has no other problem worth listing.
  const issues = result.error.issues;
  const notArchive = issues.find((i) => i.path[0] === "format" || i.path[0] === "version");
  if (notArchive) return { ok: false, problems: [{ where: "", message: (notArchive.path[0] === "format" ? "evaluations.archive.error.format" : "evaluations.archive.error.version") as MessageKey, values: { version: archiveVersion } }] };
  const problems: ArchiveProblem[] = issues.slice(0, maxProblems).map((issue) => ({
    where: placeOf(issue.path),
    ...(partOf(issue.path) ? { part: partOf(issue.path) } : {}),
    message: (/^evaluations\.archive\.error\.[a-z_]+$/.test(issue.message) ? issue.message : "evaluations.archive.error.invalid") as MessageKey,
  }));
  if (issues.length > maxProblems) problems.push({ where: "", message: "evaluations.archive.error.more", values: { count: issues.length - maxProblems } });
  return { ok: false, problems };
}

/** May the actor read an archive into this centre? A coordinator of the centre (`evaluation.import`; not administrators). */
export function mayImportInto(actor: Actor | null, centreId: string): boolean {
  return can(actor, "evaluation.import", centreId);
}

/** The centres the actor may read an archive into (coordinators), by name. */
export async function importTargets(db: Db, actor: Actor | null) {
  if (!actor) throw new ForbiddenError();
  const rows = await db.select({ id: centres.id, name: centres.name }).from(centres).orderBy(asc(centres.name));
  const allowed = rows.filter((c) => mayImportInto(actor, c.id));
  if (allowed.length === 0) throw new ForbiddenError();
  return allowed;
}

/** The file's team as names with roles, written under the agreement text of the imported project. */
export function formerTeamNote(team: ArchiveDocument["team"], lang: Lang): string {
  if (team.length === 0) return "";
  const byName = new Map<string, ProjectRole[]>();
  for (const m of team) byName.set(m.name, [...(byName.get(m.name) ?? []), m.role]);
  const lines = [...byName].map(([name, roles]) => `- ${name} (${roles.map((r) => translate(lang, `evaluations.archive.former_team.${r}` as MessageKey)).join(", ")})`);
  return [translate(lang, "evaluations.archive.former_team.heading" as MessageKey), ...lines].join("\n");
}

/** Rows per multi-row insert: PostgreSQL takes at most 65,535 parameters in one statement. */
function chunked<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export type ImportResult = { ok: true; projectId: string } | { ok: false; problems: ArchiveProblem[] };

/**
 * Read an archive file into a centre as a new project: the whole file is checked first and every problem
 * listed; then one transaction writes it, with new ids for everything, the importer as the project's lead,
 * and the file's team as names in the agreement text. Nothing is saved unless all of it is.
 */
export async function importArchive(
  db: Db,
  actor: Actor | null,
  input: { centreId: string; text: string },
  options: { lang?: Lang; requestId?: string } = {},
): Promise<ImportResult> {
  if (!actor || !mayImportInto(actor, input.centreId)) throw new ForbiddenError();
  const checked = checkArchive(input.text);
  if (!checked.ok) return checked;
  const doc = checked.doc;
  const lang = options.lang ?? "nb";
  const now = Date.now();

  const projectId = randomUUID();
  const newId = new Map<string, string>();
  const idFor = (kind: string, old: string) => {
    const key = `${kind}:${old}`;
    let id = newId.get(key);
    if (!id) newId.set(key, (id = randomUUID()));
    return id;
  };
  const note = formerTeamNote(doc.team, lang);
  const agreementText = note ? (doc.project.agreement.text ? `${doc.project.agreement.text}\n\n${note}` : note) : doc.project.agreement.text;

  const usedVersions = new Set(doc.sessions.map((s) => s.guideVersionId));
  const siteRows = doc.sites.map((s, i) => ({ id: idFor("site", s.id), projectId, name: s.name, position: i, invited: s.recruitment.invited, came: s.recruitment.came }));
  const versionRows = doc.guideVersions.map((v) => ({ id: idFor("version", v.id), projectId, number: v.number, createdBy: actor.userId, inUseAt: usedVersions.has(v.id) ? new Date(now) : null }));
  const themeRows = doc.guideVersions.flatMap((v) => v.themes.map((t, i) => ({ id: idFor("theme", t.id), versionId: idFor("version", v.id), position: i, title: t.title, templateId: t.templateId })));
  const questionRows = doc.guideVersions.flatMap((v) => v.themes.flatMap((t) => t.questions.map((text, i) => ({ themeId: idFor("theme", t.id), position: i, text }))));
  const codeRows = doc.codes.map((c, i) => ({ id: idFor("code", c.id), projectId, shippedId: c.shippedId, name: c.name, description: c.description, position: i, archivedAt: c.archived ? new Date(now) : null }));
  const sessionRows = doc.sessions.map((s, i) => ({
    id: idFor("session", s.id),
    projectId,
    siteId: idFor("site", s.siteId),
    guideVersionId: idFor("version", s.guideVersionId),
    kind: s.kind,
    heldOn: s.heldOn,
    participants: s.participants,
    round: s.round,
    createdBy: actor.userId,
    // Sessions held on the same day keep the file's order.
    createdAt: new Date(now + i),
  }));
  const noteRows = doc.sessions.flatMap((s) =>
    s.notes.map((n) => ({ id: idFor("note", `${s.id}|${n.themeId}`), sessionId: idFor("session", s.id), themeId: idFor("theme", n.themeId), text: n.text, screeningConfirmed: n.screeningConfirmed, updatedBy: actor.userId })),
  );
  const hasNote = new Set(doc.sessions.flatMap((s) => s.notes.map((n) => `${s.id}|${n.themeId}`)));
  const quoteRows = doc.sessions.flatMap((s) =>
    s.quotes.map((q, i) => ({ id: idFor("quote", q.id), sessionId: idFor("session", s.id), themeId: idFor("theme", q.themeId), text: q.text, position: i, screeningConfirmed: q.screeningConfirmed })),
  );
  const statementRows: (typeof evaluationStatements.$inferInsert & { id: string })[] = [];
  const codingRows: (typeof evaluationCodings.$inferInsert)[] = [];
  for (const s of doc.sessions) {
    const sessionId = idFor("session", s.id);
    s.statements.forEach((st, i) => {
      const id = randomUUID();
      const noteKey = st.themeId === null ? null : `${s.id}|${st.themeId}`;
      statementRows.push({ id, projectId, sessionId, noteId: noteKey && hasNote.has(noteKey) ? idFor("note", noteKey) : null, position: i, text: st.text, polarity: st.polarity });
      for (const c of st.codeIds) codingRows.push({ statementId: id, codeId: idFor("code", c), projectId, sessionId });
    });
  }
  const reportRows = doc.reports.map((r) => ({ id: randomUUID(), projectId, kind: r.kind, publishedAt: r.publishedAt ? new Date(r.publishedAt) : null, public: r.public }));
  const sectionRows = doc.reports.flatMap((r, i) => r.sections.map((s, j) => ({ reportId: reportRows[i]!.id, key: s.key, position: j, title: s.title, body: s.body })));
  const reportQuoteRows = doc.reports.flatMap((r, i) => r.quotes.map((q, j) => ({ reportId: reportRows[i]!.id, quoteId: idFor("quote", q.quoteId), codeId: idFor("code", q.codeId), position: j })));

  await db.transaction(async (txDb) => {
    const tx = txDb as unknown as Db;
    await tx.insert(evaluationProjects).values({
      id: projectId,
      centreId: input.centreId,
      title: doc.project.title,
      serviceName: doc.project.service.name,
      serviceKind: doc.project.service.kind,
      kommunenummer: doc.project.service.kommunenummer,
      purpose: doc.project.purpose,
      questions: doc.project.questions,
      periodStart: doc.project.period.start,
      periodEnd: doc.project.period.end,
      agreementDate: doc.project.agreement.date,
      agreementText,
      k: doc.project.k,
      listedNames: doc.project.listedNames,
      phase: doc.project.phase,
      dialogueConferenceDate: doc.project.dialogueConferenceDate,
      createdBy: actor.userId,
    });
    await tx.insert(evaluationTeam).values({ projectId, userId: actor.userId, role: "lead" });
    if (doc.phaseChanges.length)
      await tx.insert(evaluationPhaseChanges).values(doc.phaseChanges.map((c) => ({ projectId, fromPhase: c.from, toPhase: c.to, changedBy: null, changedAt: new Date(c.at) })));
    const insertAll = async <T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) => {
      for (const chunk of chunked(rows, size)) await write(chunk);
    };
    await insertAll(siteRows, 1_000, (c) => tx.insert(evaluationSites).values(c));
    await insertAll(versionRows, 1_000, (c) => tx.insert(evaluationGuideVersions).values(c));
    await insertAll(themeRows, 2_000, (c) => tx.insert(evaluationGuideThemes).values(c));
    await insertAll(questionRows, 2_000, (c) => tx.insert(evaluationGuideQuestions).values(c));
    await insertAll(codeRows, 1_000, (c) => tx.insert(evaluationCodes).values(c));
    await insertAll(sessionRows, 1_000, (c) => tx.insert(evaluationSessions).values(c));
    await insertAll(noteRows, 1_000, (c) => tx.insert(evaluationNotes).values(c));
    await insertAll(quoteRows, 1_000, (c) => tx.insert(evaluationQuotes).values(c));
    await insertAll(statementRows, 2_000, (c) => tx.insert(evaluationStatements).values(c));
    await insertAll(codingRows, 5_000, (c) => tx.insert(evaluationCodings).values(c));
    await insertAll(reportRows, 10, (c) => tx.insert(evaluationReports).values(c));
    await insertAll(sectionRows, 1_000, (c) => tx.insert(evaluationReportSections).values(c));
    await insertAll(reportQuoteRows, 2_000, (c) => tx.insert(evaluationReportQuotes).values(c));
    await recordAudit(tx, {
      actorUserId: actor.userId,
      actorCentreId: input.centreId,
      actorRole: "coordinator",
      action: "create",
      subjectUserId: null,
      entityType: "evaluation_project",
      entityId: projectId,
      details: { import: true, sessions: sessionRows.length, statements: statementRows.length },
      requestId: options.requestId ?? null,
    });
  });
  return { ok: true, projectId };
}
