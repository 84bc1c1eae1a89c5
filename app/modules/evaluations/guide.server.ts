import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { Lang } from "~/i18n/i18n";
import { NotFoundError } from "~/modules/centres/centres.server";
import type { Actor } from "~/modules/centres/permissions";
import { requireProjectAction } from "./access.server";
import { themeGuideTemplate } from "./codebook";
import { evaluationGuideQuestions, evaluationGuideThemes, evaluationGuideVersions, evaluationProjects } from "./evaluations.schema";

/*
 * The theme guide (issue 13, item 2): versions of themes with open questions. A version a session used
 * (`in_use_at` set) is never changed: the first edit after that makes version n+1, copied from it, and the
 * edit goes there. Edits always go to the newest version; older ones are read only.
 */

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type GuideTheme = {
  id: string;
  title: string;
  templateId: string | null;
  questions: { id: string; text: string }[];
};
export type GuideVersion = {
  id: string;
  number: number;
  inUseAt: Date | null;
  createdAt: Date;
};

/** The versions (newest first) and one version's themes and questions (the newest unless a number is given). */
export async function getGuide(db: Db, actor: Actor, projectId: string, versionNumber?: number) {
  const access = await requireProjectAction(db, actor, projectId, "guide.edit");
  const versions: GuideVersion[] = await db
    .select({
      id: evaluationGuideVersions.id,
      number: evaluationGuideVersions.number,
      inUseAt: evaluationGuideVersions.inUseAt,
      createdAt: evaluationGuideVersions.createdAt,
    })
    .from(evaluationGuideVersions)
    .where(eq(evaluationGuideVersions.projectId, projectId))
    .orderBy(desc(evaluationGuideVersions.number));
  const newest = versions[0];
  const version = versionNumber === undefined ? newest : versions.find((v) => v.number === versionNumber);
  if (!version) throw new NotFoundError();
  const themes = await themesOf(db, version.id);
  return {
    access,
    versions,
    version,
    newest: version.id === newest?.id,
    themes,
  };
}

async function themesOf(db: Db | Tx, versionId: string): Promise<GuideTheme[]> {
  const themes = await db
    .select({
      id: evaluationGuideThemes.id,
      title: evaluationGuideThemes.title,
      templateId: evaluationGuideThemes.templateId,
    })
    .from(evaluationGuideThemes)
    .where(eq(evaluationGuideThemes.versionId, versionId))
    .orderBy(asc(evaluationGuideThemes.position));
  if (themes.length === 0) return [];
  const questions = await db
    .select({
      id: evaluationGuideQuestions.id,
      themeId: evaluationGuideQuestions.themeId,
      text: evaluationGuideQuestions.text,
    })
    .from(evaluationGuideQuestions)
    .where(
      inArray(
        evaluationGuideQuestions.themeId,
        themes.map((t) => t.id),
      ),
    )
    .orderBy(asc(evaluationGuideQuestions.position));
  return themes.map((t) => ({
    ...t,
    questions: questions.filter((q) => q.themeId === t.id).map((q) => ({ id: q.id, text: q.text })),
  }));
}

type Editable = {
  versionId: string;
  number: number;
  copied: boolean;
  theme: (oldId: string) => string;
  question: (oldId: string) => string;
};

/**
 * The version edits go to: the newest, or — when a session has used it — a new version n+1 copied from it.
 * Ids of the old version's themes and questions are mapped to the copy's, so an edit named by the old ids
 * lands on the same theme or question. Runs with the project row locked (one copy, however many save at once).
 */
async function editableVersion(tx: Tx, projectId: string, createdBy: string): Promise<Editable> {
  await tx.select({ id: evaluationProjects.id }).from(evaluationProjects).where(eq(evaluationProjects.id, projectId)).for("update");
  const [newest] = await tx
    .select({
      id: evaluationGuideVersions.id,
      number: evaluationGuideVersions.number,
      inUseAt: evaluationGuideVersions.inUseAt,
    })
    .from(evaluationGuideVersions)
    .where(eq(evaluationGuideVersions.projectId, projectId))
    .orderBy(desc(evaluationGuideVersions.number))
    .limit(1);
  const same = (id: string) => id;
  if (newest && !newest.inUseAt)
    return {
      versionId: newest.id,
      number: newest.number,
      copied: false,
      theme: same,
      question: same,
    };
  const number = (newest?.number ?? 0) + 1;
  const [created] = await tx.insert(evaluationGuideVersions).values({ projectId, number, createdBy }).returning({ id: evaluationGuideVersions.id });
  const themeMap = new Map<string, string>();
  const questionMap = new Map<string, string>();
  if (newest) {
    const themes = await themesOf(tx, newest.id);
    for (const [position, t] of themes.entries()) {
      const [copy] = await tx
        .insert(evaluationGuideThemes)
        .values({
          versionId: created!.id,
          position,
          title: t.title,
          templateId: t.templateId,
        })
        .returning({ id: evaluationGuideThemes.id });
      themeMap.set(t.id, copy!.id);
      if (t.questions.length > 0) {
        const copies = await tx
          .insert(evaluationGuideQuestions)
          .values(
            t.questions.map((q, i) => ({
              themeId: copy!.id,
              position: i,
              text: q.text,
            })),
          )
          .returning({
            id: evaluationGuideQuestions.id,
            position: evaluationGuideQuestions.position,
          });
        for (const c of copies) questionMap.set(t.questions[c.position]!.id, c.id);
      }
    }
  }
  return {
    versionId: created!.id,
    number,
    copied: true,
    theme: (id) => themeMap.get(id) ?? id,
    question: (id) => questionMap.get(id) ?? id,
  };
}

export type GuideEdit =
  | { kind: "template"; lang: Lang }
  | { kind: "add_theme"; title: string }
  | { kind: "rename_theme"; themeId: string; title: string }
  | { kind: "remove_theme"; themeId: string }
  | { kind: "move_theme"; themeId: string; direction: "up" | "down" }
  | { kind: "add_question"; themeId: string; text: string }
  | { kind: "edit_question"; questionId: string; text: string }
  | { kind: "remove_question"; questionId: string }
  | { kind: "move_question"; questionId: string; direction: "up" | "down" };

export type GuideEditResult = { ok: true; version: number; copied: boolean } | { ok: false; error: "evaluations.guide.error.template_not_empty" };

/**
 * One edit of the guide, on the newest version (or its copy when it is in use). Ids in the edit must belong
 * to that version of this project: anything else is 404, never a change somewhere else.
 */
export async function editGuide(db: Db, actor: Actor, projectId: string, edit: GuideEdit): Promise<GuideEditResult> {
  await requireProjectAction(db, actor, projectId, "guide.edit");
  return db.transaction(async (tx) => {
    const [newest] = await tx
      .select({
        id: evaluationGuideVersions.id,
        inUseAt: evaluationGuideVersions.inUseAt,
      })
      .from(evaluationGuideVersions)
      .where(eq(evaluationGuideVersions.projectId, projectId))
      .orderBy(desc(evaluationGuideVersions.number))
      .limit(1);
    const current = newest ? await themesOf(tx, newest.id) : [];
    // Check the ids against the newest version before anything is copied.
    const theme = "themeId" in edit ? current.find((t) => t.id === edit.themeId) : undefined;
    if ("themeId" in edit && !theme) throw new NotFoundError();
    const questionTheme = "questionId" in edit ? current.find((t) => t.questions.some((q) => q.id === edit.questionId)) : undefined;
    if ("questionId" in edit && !questionTheme) throw new NotFoundError();
    if (edit.kind === "template" && current.length > 0)
      return {
        ok: false,
        error: "evaluations.guide.error.template_not_empty",
      } as const;

    const target = await editableVersion(tx, projectId, actor.userId);
    const themes = target.copied ? await themesOf(tx, target.versionId) : current;
    switch (edit.kind) {
      case "template":
        for (const [position, t] of themeGuideTemplate.entries()) {
          const [row] = await tx
            .insert(evaluationGuideThemes)
            .values({
              versionId: target.versionId,
              position,
              title: t.title[edit.lang],
              templateId: t.id,
            })
            .returning({ id: evaluationGuideThemes.id });
          await tx.insert(evaluationGuideQuestions).values(
            t.questions.map((q, i) => ({
              themeId: row!.id,
              position: i,
              text: q.text[edit.lang],
            })),
          );
        }
        break;
      case "add_theme":
        await tx.insert(evaluationGuideThemes).values({
          versionId: target.versionId,
          position: themes.length,
          title: edit.title,
        });
        break;
      case "rename_theme":
        await tx
          .update(evaluationGuideThemes)
          .set({ title: edit.title })
          .where(eq(evaluationGuideThemes.id, target.theme(edit.themeId)));
        break;
      case "remove_theme":
        await tx.delete(evaluationGuideThemes).where(eq(evaluationGuideThemes.id, target.theme(edit.themeId)));
        await renumberThemes(tx, target.versionId);
        break;
      case "move_theme": {
        const ids = themes.map((t) => t.id);
        await reorder(ids, target.theme(edit.themeId), edit.direction, (id, position) => tx.update(evaluationGuideThemes).set({ position }).where(eq(evaluationGuideThemes.id, id)));
        break;
      }
      case "add_question": {
        const themeId = target.theme(edit.themeId);
        await tx.insert(evaluationGuideQuestions).values({
          themeId,
          text: edit.text,
          position: sql`coalesce((select max(${evaluationGuideQuestions.position}) + 1 from ${evaluationGuideQuestions} where ${evaluationGuideQuestions.themeId} = ${themeId}), 0)`,
        });
        break;
      }
      case "edit_question":
        await tx
          .update(evaluationGuideQuestions)
          .set({ text: edit.text })
          .where(eq(evaluationGuideQuestions.id, target.question(edit.questionId)));
        break;
      case "remove_question":
        await tx.delete(evaluationGuideQuestions).where(eq(evaluationGuideQuestions.id, target.question(edit.questionId)));
        break;
      case "move_question": {
        const themeId = target.theme(questionTheme!.id);
        const ids = (
          await tx.select({ id: evaluationGuideQuestions.id }).from(evaluationGuideQuestions).where(eq(evaluationGuideQuestions.themeId, themeId)).orderBy(asc(evaluationGuideQuestions.position))
        ).map((q) => q.id);
        await reorder(ids, target.question(edit.questionId), edit.direction, (id, position) => tx.update(evaluationGuideQuestions).set({ position }).where(eq(evaluationGuideQuestions.id, id)));
        break;
      }
    }
    return { ok: true, version: target.number, copied: target.copied } as const;
  });
}

async function renumberThemes(tx: Tx, versionId: string) {
  const rows = await tx.select({ id: evaluationGuideThemes.id }).from(evaluationGuideThemes).where(eq(evaluationGuideThemes.versionId, versionId)).orderBy(asc(evaluationGuideThemes.position));
  for (const [position, r] of rows.entries())
    await tx
      .update(evaluationGuideThemes)
      .set({ position })
      .where(and(eq(evaluationGuideThemes.id, r.id)));
}

/** Move one id up or down a list and write every position (lists are short: a guide has about ten themes). */
async function reorder(ids: string[], id: string, direction: "up" | "down", write: (id: string, position: number) => Promise<unknown>) {
  const from = ids.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= ids.length) return;
  [ids[from], ids[to]] = [ids[to]!, ids[from]!];
  for (const [position, x] of ids.entries()) await write(x, position);
}
