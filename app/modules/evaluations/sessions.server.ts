import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { Actor } from "~/modules/centres/permissions";
import { NotFoundError } from "~/modules/centres/centres.server";
import { users } from "~/modules/accounts/accounts.schema";
import type { MessageKey } from "~/i18n/i18n";
import { findIdentifyingDetails, type IdentifyingDetail, type IdentifyingKind } from "~/lib/identifying-details";
import {
  evaluationGuideQuestions,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationNotes,
  evaluationProjects,
  evaluationQuotes,
  evaluationSessionInterviewers,
  evaluationSessions,
  evaluationSites,
  evaluationTeam,
} from "./evaluations.schema";
import { interviewerProblem, noteMaxLength, participantCountProblem, quoteMaxLength, sessionDateProblem, type SessionKind } from "./evaluations";
import { requireProjectAction, type ProjectAccess } from "./access.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { SessionInput } from "./sessions.forms";

/*
 * Interview sessions (issue 13, item 4): one record per group or individual interview, with notes per theme
 * of the guide version it used and quotes. Only the project's analysis team (lead, interviewers) reads or
 * writes them: every use case starts with requireProjectAction (404 for people with no role on the project,
 * 403 for service contacts, coordinators and administrators). Notes and quotes are screened for identifying
 * details before they are saved; the writer rewrites or confirms, and only the kinds confirmed are stored.
 */

export type AuditOptions = { requestId?: string | null };

/**
 * Reading or changing a session is recorded with the session id only: a session holds no one's personal
 * data, but it is the most sensitive read in the module (docs/evaluations-design.md, "Audit").
 */
async function auditSession(db: Db, access: ProjectAccess, actor: Actor, action: "read" | "create" | "update", sessionId: string, opts: AuditOptions = {}) {
  await recordAudit(db, {
    actorUserId: actor.userId,
    actorCentreId: access.project.centreId,
    actorRole: access.roles.includes("lead") ? "lead" : "interviewer",
    action,
    subjectUserId: null,
    entityType: "evaluation_session",
    entityId: sessionId,
    details: { projectId: access.project.id },
    requestId: opts.requestId ?? null,
  });
}

export type Finding = Pick<IdentifyingDetail, "kind" | "text" | "start" | "end">;
export type Screening = { findings: Finding[] };

/** The names screened for in this project: its sites and the names the team listed. */
async function screeningNames(db: Db, projectId: string): Promise<string[]> {
  const [project] = await db.select({ listed: evaluationProjects.listedNames }).from(evaluationProjects).where(eq(evaluationProjects.id, projectId));
  const sites = await db.select({ name: evaluationSites.name }).from(evaluationSites).where(eq(evaluationSites.projectId, projectId));
  return [...sites.map((s) => s.name), ...(project?.listed ?? [])].filter((n) => n.trim().length > 0);
}

/**
 * Screen a text. `confirmed` are the kinds the writer was shown and confirmed; what is found beyond them is
 * returned as unconfirmed (the form asks again), and `kinds` are what is stored when saved.
 */
export function screen(text: string, listedNames: readonly string[], confirmed: readonly IdentifyingKind[]) {
  const findings = findIdentifyingDetails(text, { listedNames });
  const kinds = [...new Set(findings.map((f) => f.kind))];
  const unconfirmed = kinds.some((k) => !confirmed.includes(k));
  return { findings: findings.map(({ kind, text, start, end }) => ({ kind, text, start, end })), kinds, unconfirmed };
}

// ---------------------------------------------------------------------------------------------------------
// Listing and creating sessions

export type SessionListRow = {
  id: string;
  heldOn: string;
  siteName: string;
  kind: SessionKind;
  participants: number;
  interviewers: string[];
  notes: number;
  statements: number;
};

export async function listSessions(db: Db, actor: Actor | null, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "session.read");
  const rows = await db
    .select({
      id: evaluationSessions.id,
      heldOn: evaluationSessions.heldOn,
      siteName: evaluationSites.name,
      kind: evaluationSessions.kind,
      participants: evaluationSessions.participants,
      interviewers: sql<string[]>`coalesce((select array_agg(u.name order by u.name) from ${evaluationSessionInterviewers} si
        join ${users} u on u.id = si.user_id where si.session_id = ${evaluationSessions.id}), '{}')`,
      notes: sql<number>`(select count(*) from ${evaluationNotes} n where n.session_id = ${evaluationSessions.id} and n.text <> '')::int`,
      statements: sql<number>`(select count(*) from evaluation_statements st where st.session_id = ${evaluationSessions.id})::int`,
    })
    .from(evaluationSessions)
    .innerJoin(evaluationSites, eq(evaluationSites.id, evaluationSessions.siteId))
    .where(eq(evaluationSessions.projectId, projectId))
    .orderBy(desc(evaluationSessions.heldOn), asc(evaluationSites.name));
  return { access, sessions: rows.map((r) => ({ ...r, kind: r.kind as SessionKind })) satisfies SessionListRow[] };
}

/** What the session form offers: the project's sites, the team's interviewers, the guide version to use. */
export async function sessionFormOptions(db: Db, actor: Actor | null, projectId: string) {
  const access = await requireProjectAction(db, actor, projectId, "session.write");
  const sites = await db
    .select({ id: evaluationSites.id, name: evaluationSites.name })
    .from(evaluationSites)
    .where(eq(evaluationSites.projectId, projectId))
    .orderBy(asc(evaluationSites.position), asc(evaluationSites.name));
  const interviewers = await db
    .selectDistinct({ id: users.id, name: users.name })
    .from(evaluationTeam)
    .innerJoin(users, eq(users.id, evaluationTeam.userId))
    .where(and(eq(evaluationTeam.projectId, projectId), inArray(evaluationTeam.role, ["lead", "interviewer"])))
    .orderBy(asc(users.name));
  const [guide] = await db
    .select({ id: evaluationGuideVersions.id, number: evaluationGuideVersions.number })
    .from(evaluationGuideVersions)
    .where(eq(evaluationGuideVersions.projectId, projectId))
    .orderBy(desc(evaluationGuideVersions.number))
    .limit(1);
  return { access, sites, interviewers, guide: guide ?? null };
}

export type SessionErrors = Partial<Record<"kind" | "heldOn" | "siteId" | "participants" | "interviewers" | "_form", MessageKey>>;

/** The session rules of evaluations.ts against this project: its period, sites and team. */
function sessionProblems(input: SessionInput, options: Awaited<ReturnType<typeof sessionFormOptions>>): SessionErrors {
  const errors: SessionErrors = {};
  const { project } = options.access;
  const count = participantCountProblem(input.kind, input.participants);
  if (count) errors.participants = count;
  const date = sessionDateProblem(input.heldOn, { start: project.periodStart, end: project.periodEnd });
  if (date) errors.heldOn = date;
  if (!options.sites.some((s) => s.id === input.siteId)) errors.siteId = "evaluations.session.error.site";
  const who = interviewerProblem(
    input.kind,
    input.interviewers,
    options.interviewers.map((i) => i.id),
  );
  if (who) errors.interviewers = who;
  return errors;
}

export type CreateSessionResult = { ok: true; id: string } | { ok: false; errors: SessionErrors };

/**
 * Record a session. It uses the newest guide version, which is marked as in use (a version in use is never
 * changed; the guide page makes a new version instead).
 */
export async function createSession(db: Db, actor: Actor | null, projectId: string, input: SessionInput, opts: AuditOptions = {}): Promise<CreateSessionResult> {
  const options = await sessionFormOptions(db, actor, projectId);
  const errors = sessionProblems(input, options);
  if (!options.guide) errors._form = "evaluations.session.error.no_guide";
  if (Object.keys(errors).length > 0 || !options.guide) return { ok: false, errors };
  const guideId = options.guide.id;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evaluationSessions)
      .values({
        projectId,
        siteId: input.siteId,
        guideVersionId: guideId,
        kind: input.kind,
        heldOn: input.heldOn,
        participants: input.participants,
        createdBy: actor!.userId,
      })
      .returning({ id: evaluationSessions.id });
    await tx.insert(evaluationSessionInterviewers).values(input.interviewers.map((userId) => ({ sessionId: row!.id, userId })));
    await tx
      .update(evaluationGuideVersions)
      .set({ inUseAt: sql`now()` })
      .where(and(eq(evaluationGuideVersions.id, guideId), isNull(evaluationGuideVersions.inUseAt)));
    return row!.id;
  });
  await auditSession(db, options.access, actor!, "create", id, opts);
  return { ok: true, id };
}

// ---------------------------------------------------------------------------------------------------------
// One session

export async function getSession(db: Db, actor: Actor | null, projectId: string, sessionId: string, opts: AuditOptions & { audit?: boolean } = {}) {
  const access = await requireProjectAction(db, actor, projectId, "session.read");
  const [session] = await db
    .select({
      id: evaluationSessions.id,
      siteId: evaluationSessions.siteId,
      siteName: evaluationSites.name,
      guideVersionId: evaluationSessions.guideVersionId,
      guideNumber: evaluationGuideVersions.number,
      kind: evaluationSessions.kind,
      heldOn: evaluationSessions.heldOn,
      participants: evaluationSessions.participants,
      revision: evaluationSessions.revision,
      updatedAt: evaluationSessions.updatedAt,
    })
    .from(evaluationSessions)
    .innerJoin(evaluationSites, eq(evaluationSites.id, evaluationSessions.siteId))
    .innerJoin(evaluationGuideVersions, eq(evaluationGuideVersions.id, evaluationSessions.guideVersionId))
    .where(and(eq(evaluationSessions.id, sessionId), eq(evaluationSessions.projectId, projectId)));
  if (!session) throw new NotFoundError();
  if (opts.audit !== false) await auditSession(db, access, actor!, "read", sessionId, opts);
  const interviewers = await db
    .select({ id: users.id, name: users.name })
    .from(evaluationSessionInterviewers)
    .innerJoin(users, eq(users.id, evaluationSessionInterviewers.userId))
    .where(eq(evaluationSessionInterviewers.sessionId, sessionId))
    .orderBy(asc(users.name));
  const themes = await db
    .select({ id: evaluationGuideThemes.id, title: evaluationGuideThemes.title })
    .from(evaluationGuideThemes)
    .where(eq(evaluationGuideThemes.versionId, session.guideVersionId))
    .orderBy(asc(evaluationGuideThemes.position));
  const questions = themes.length
    ? await db
        .select({ themeId: evaluationGuideQuestions.themeId, text: evaluationGuideQuestions.text })
        .from(evaluationGuideQuestions)
        .where(
          inArray(
            evaluationGuideQuestions.themeId,
            themes.map((t) => t.id),
          ),
        )
        .orderBy(asc(evaluationGuideQuestions.position))
    : [];
  const notes = await db
    .select({
      id: evaluationNotes.id,
      themeId: evaluationNotes.themeId,
      text: evaluationNotes.text,
      revision: evaluationNotes.revision,
      updatedAt: evaluationNotes.updatedAt,
      screeningConfirmed: evaluationNotes.screeningConfirmed,
    })
    .from(evaluationNotes)
    .where(eq(evaluationNotes.sessionId, sessionId));
  const quotes = await db
    .select({ id: evaluationQuotes.id, themeId: evaluationQuotes.themeId, text: evaluationQuotes.text, revision: evaluationQuotes.revision })
    .from(evaluationQuotes)
    .where(eq(evaluationQuotes.sessionId, sessionId))
    .orderBy(asc(evaluationQuotes.position), asc(evaluationQuotes.createdAt));
  return {
    access,
    session: { ...session, kind: session.kind as SessionKind, interviewers },
    themes: themes.map((t) => ({
      ...t,
      questions: questions.filter((q) => q.themeId === t.id).map((q) => q.text),
      note: notes.find((n) => n.themeId === t.id) ?? null,
      quotes: quotes.filter((q) => q.themeId === t.id),
    })),
  };
}

/** The session of this project, or NotFoundError (ids from a form or a URL are never trusted alone). */
async function sessionOf(db: Db, projectId: string, sessionId: string) {
  const [row] = await db
    .select({ id: evaluationSessions.id, guideVersionId: evaluationSessions.guideVersionId, revision: evaluationSessions.revision })
    .from(evaluationSessions)
    .where(and(eq(evaluationSessions.id, sessionId), eq(evaluationSessions.projectId, projectId)));
  if (!row) throw new NotFoundError();
  return row;
}

export type Conflict<T> = { ok: false; conflict: T };

/** Change a session's facts; `revision` is the one the form started from (a later save is told). */
export async function updateSession(
  db: Db,
  actor: Actor | null,
  projectId: string,
  sessionId: string,
  input: SessionInput & { revision: number | null },
  opts: AuditOptions = {},
): Promise<{ ok: true } | { ok: false; errors: SessionErrors } | Conflict<{ revision: number }>> {
  const options = await sessionFormOptions(db, actor, projectId);
  await sessionOf(db, projectId, sessionId);
  const errors = sessionProblems(input, options);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(evaluationSessions)
      .set({
        siteId: input.siteId,
        kind: input.kind,
        heldOn: input.heldOn,
        participants: input.participants,
        revision: sql`${evaluationSessions.revision} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(evaluationSessions.id, sessionId), eq(evaluationSessions.revision, input.revision ?? -1)))
      .returning({ id: evaluationSessions.id });
    if (updated.length === 0) {
      const [now] = await tx.select({ revision: evaluationSessions.revision }).from(evaluationSessions).where(eq(evaluationSessions.id, sessionId));
      return { ok: false as const, conflict: { revision: now!.revision } };
    }
    await tx.delete(evaluationSessionInterviewers).where(eq(evaluationSessionInterviewers.sessionId, sessionId));
    await tx.insert(evaluationSessionInterviewers).values(input.interviewers.map((userId) => ({ sessionId, userId })));
    await auditSession(tx as unknown as Db, options.access, actor!, "update", sessionId, opts);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Notes

export type NoteDraft = {
  themeId: string;
  text: string;
  /** The note's revision the form started from; null when the theme had no note. */
  revision: number | null;
  /** Kinds of identifying detail the writer was shown and confirmed. */
  confirmed: IdentifyingKind[];
  /** Keep mine after a conflict: the writer has seen the other version. */
  force?: boolean;
  /** `textDigest` of the text the form showed: a note the writer did not touch is left alone. */
  started?: string | null;
};

/** A short digest of a text as a form showed it (a hidden field), to tell a note the writer left untouched. */
export function textDigest(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64url").slice(0, 22);
}

export type NoteOutcome =
  | { themeId: string; status: "saved" | "unchanged" }
  | { themeId: string; status: "too_long" }
  | { themeId: string; status: "screening"; findings: Finding[] }
  | { themeId: string; status: "conflict"; theirs: { text: string; revision: number; updatedAt: Date } };

/**
 * Save the notes of a session, one per theme of its guide version. Nothing is saved while any note is too
 * long or has identifying details not confirmed (the writer gets every note back as typed, with what was
 * found). Then each changed note is saved if nobody else saved it since the form was opened; a note someone
 * else saved meanwhile is not overwritten: the writer is told and sees the other version.
 */
export async function saveNotes(db: Db, actor: Actor | null, projectId: string, sessionId: string, drafts: NoteDraft[]): Promise<{ ok: boolean; outcomes: NoteOutcome[] }> {
  await requireProjectAction(db, actor, projectId, "session.write");
  const session = await sessionOf(db, projectId, sessionId);
  const themes = await db.select({ id: evaluationGuideThemes.id }).from(evaluationGuideThemes).where(eq(evaluationGuideThemes.versionId, session.guideVersionId));
  const themeIds = new Set(themes.map((t) => t.id));
  if (drafts.some((d) => !themeIds.has(d.themeId))) throw new NotFoundError();
  const stored = await db
    .select({ id: evaluationNotes.id, themeId: evaluationNotes.themeId, text: evaluationNotes.text, revision: evaluationNotes.revision, updatedAt: evaluationNotes.updatedAt })
    .from(evaluationNotes)
    .where(eq(evaluationNotes.sessionId, sessionId));
  const names = await screeningNames(db, projectId);
  const outcomes: NoteOutcome[] = [];
  const toSave: { draft: NoteDraft; kinds: IdentifyingKind[] }[] = [];
  for (const draft of drafts) {
    const current = stored.find((n) => n.themeId === draft.themeId);
    if ((current?.text ?? "") === draft.text || (draft.started && draft.started === textDigest(draft.text))) {
      outcomes.push({ themeId: draft.themeId, status: "unchanged" });
      continue;
    }
    if (draft.text.length > noteMaxLength) {
      outcomes.push({ themeId: draft.themeId, status: "too_long" });
      continue;
    }
    const screened = screen(draft.text, names, draft.confirmed);
    if (screened.unconfirmed) {
      outcomes.push({ themeId: draft.themeId, status: "screening", findings: screened.findings });
      continue;
    }
    toSave.push({ draft, kinds: screened.kinds });
  }
  if (outcomes.some((o) => o.status === "too_long" || o.status === "screening")) {
    return { ok: false, outcomes: [...outcomes, ...toSave.map(({ draft }) => ({ themeId: draft.themeId, status: "unchanged" as const }))] };
  }
  await db.transaction(async (tx) => {
    for (const { draft, kinds } of toSave) {
      const current = stored.find((n) => n.themeId === draft.themeId);
      if (!current) {
        const inserted = await tx
          .insert(evaluationNotes)
          .values({ sessionId, themeId: draft.themeId, text: draft.text, screeningConfirmed: kinds, updatedBy: actor!.userId })
          .onConflictDoNothing()
          .returning({ id: evaluationNotes.id });
        if (inserted.length === 0) {
          const [theirs] = await tx
            .select({ text: evaluationNotes.text, revision: evaluationNotes.revision, updatedAt: evaluationNotes.updatedAt })
            .from(evaluationNotes)
            .where(and(eq(evaluationNotes.sessionId, sessionId), eq(evaluationNotes.themeId, draft.themeId)));
          outcomes.push({ themeId: draft.themeId, status: "conflict", theirs: theirs! });
        } else outcomes.push({ themeId: draft.themeId, status: "saved" });
        continue;
      }
      const expected = draft.force ? current.revision : draft.revision;
      const updated = await tx
        .update(evaluationNotes)
        .set({ text: draft.text, screeningConfirmed: kinds, updatedBy: actor!.userId, revision: sql`${evaluationNotes.revision} + 1`, updatedAt: sql`now()` })
        .where(and(eq(evaluationNotes.id, current.id), eq(evaluationNotes.revision, expected ?? -1)))
        .returning({ id: evaluationNotes.id });
      if (updated.length === 0) outcomes.push({ themeId: draft.themeId, status: "conflict", theirs: { text: current.text, revision: current.revision, updatedAt: current.updatedAt } });
      else outcomes.push({ themeId: draft.themeId, status: "saved" });
    }
  });
  return { ok: !outcomes.some((o) => o.status === "conflict"), outcomes };
}

// ---------------------------------------------------------------------------------------------------------
// Quotes

export type QuoteResult = { ok: true; id: string } | { ok: false; findings: Finding[] } | { ok: false; error: MessageKey };

/** Add a quote under a theme of the session's guide version, screened as notes are. */
export async function addQuote(
  db: Db,
  actor: Actor | null,
  projectId: string,
  sessionId: string,
  input: { themeId: string; text: string; confirmed: IdentifyingKind[] },
): Promise<QuoteResult> {
  await requireProjectAction(db, actor, projectId, "session.write");
  const session = await sessionOf(db, projectId, sessionId);
  const [theme] = await db
    .select({ id: evaluationGuideThemes.id })
    .from(evaluationGuideThemes)
    .where(and(eq(evaluationGuideThemes.id, input.themeId), eq(evaluationGuideThemes.versionId, session.guideVersionId)));
  if (!theme) return { ok: false, error: "evaluations.session.error.theme" };
  if (input.text.length > quoteMaxLength) return { ok: false, error: "evaluations.session.error.quote_too_long" };
  const screened = screen(input.text, await screeningNames(db, projectId), input.confirmed);
  if (screened.unconfirmed) return { ok: false, findings: screened.findings };
  const [row] = await db
    .insert(evaluationQuotes)
    .values({
      sessionId,
      themeId: input.themeId,
      text: input.text,
      screeningConfirmed: screened.kinds,
      position: sql`(select coalesce(max(position), 0) + 1 from ${evaluationQuotes} where session_id = ${sessionId})`,
    })
    .returning({ id: evaluationQuotes.id });
  return { ok: true, id: row!.id };
}

export async function deleteQuote(db: Db, actor: Actor | null, projectId: string, sessionId: string, quoteId: string): Promise<void> {
  await requireProjectAction(db, actor, projectId, "session.write");
  await sessionOf(db, projectId, sessionId);
  await db.delete(evaluationQuotes).where(and(eq(evaluationQuotes.id, quoteId), eq(evaluationQuotes.sessionId, sessionId)));
}

/** What the project menu above each page needs (ProjectNav). */
export function projectHeader(access: Awaited<ReturnType<typeof requireProjectAction>>) {
  const { id, title, serviceName, phase } = access.project;
  return { id, title, serviceName, phase, roles: access.roles };
}
