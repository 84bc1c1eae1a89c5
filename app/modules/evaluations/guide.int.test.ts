import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, NotFoundError } from "~/modules/centres/centres.server";
import type { Actor } from "~/modules/centres/permissions";
import { themeGuideTemplate } from "./codebook";
import { createProject, setTeam } from "./projects.server";
import { editGuide, getGuide } from "./guide.server";
import { evaluationGuideVersions } from "./evaluations.schema";

let handle: DbHandle;
let db: Db;
let kbt: string;
let lead: Actor;
let contact: Actor;

async function newProject(title: string) {
  const created = await createProject(
    db,
    lead,
    kbt,
    {
      title,
      serviceName: "Tjeneste",
      serviceKind: "other",
      kommunenummer: null,
      periodStart: "2026-01-01",
      periodEnd: null,
      serviceId: null,
      leadId: lead.userId,
    },
    { lang: "nb" },
  );
  if (!created.ok) throw new Error("not created");
  await setTeam(db, lead, created.projectId, {
    leadId: lead.userId,
    interviewers: [],
    serviceContacts: [contact.userId],
  });
  return created.projectId;
}

const titles = (themes: { title: string }[]) => themes.map((t) => t.title);

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  expect(await loadDemoData(db)).toBe(true);
  kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
  lead = await actorFor(db, "koordinator@example.org");
  contact = await actorFor(db, "tjeneste@example.org");
});
afterAll(async () => {
  await handle?.close();
});

describe(`the theme guide on ${dbKind}`, () => {
  it("starts from the template in the user's language, only while the guide is empty", async () => {
    const id = await newProject("Mal");
    expect(await editGuide(db, lead, id, { kind: "template", lang: "nn" })).toEqual({ ok: true, version: 1, copied: false });
    const guide = await getGuide(db, contact, id);
    expect(titles(guide.themes)).toEqual(themeGuideTemplate.map((t) => t.title.nn));
    expect(guide.themes[0]!.questions.map((q) => q.text)).toEqual(themeGuideTemplate[0]!.questions.map((q) => q.text.nn));
    expect(await editGuide(db, lead, id, { kind: "template", lang: "nb" })).toEqual({
      ok: false,
      error: "evaluations.guide.error.template_not_empty",
    });
  });

  it("adds, renames, reorders and removes themes and questions", async () => {
    const id = await newProject("Redigering");
    await editGuide(db, lead, id, { kind: "add_theme", title: "A" });
    await editGuide(db, contact, id, { kind: "add_theme", title: "B" });
    await editGuide(db, lead, id, { kind: "add_theme", title: "C" });
    let guide = await getGuide(db, lead, id);
    const [a, b, c] = guide.themes;
    await editGuide(db, lead, id, {
      kind: "move_theme",
      themeId: c!.id,
      direction: "up",
    });
    await editGuide(db, lead, id, {
      kind: "move_theme",
      themeId: a!.id,
      direction: "up",
    }); // already first: nothing moves
    await editGuide(db, lead, id, {
      kind: "rename_theme",
      themeId: b!.id,
      title: "B2",
    });
    await editGuide(db, lead, id, {
      kind: "add_question",
      themeId: a!.id,
      text: "Spørsmål 1",
    });
    await editGuide(db, lead, id, {
      kind: "add_question",
      themeId: a!.id,
      text: "Spørsmål 2",
    });
    guide = await getGuide(db, lead, id);
    expect(titles(guide.themes)).toEqual(["A", "C", "B2"]);
    const [q1, q2] = guide.themes[0]!.questions;
    await editGuide(db, lead, id, {
      kind: "move_question",
      questionId: q2!.id,
      direction: "up",
    });
    await editGuide(db, lead, id, {
      kind: "edit_question",
      questionId: q1!.id,
      text: "Spørsmål 1b",
    });
    await editGuide(db, lead, id, { kind: "remove_theme", themeId: c!.id });
    guide = await getGuide(db, lead, id);
    expect(titles(guide.themes)).toEqual(["A", "B2"]);
    expect(guide.themes[0]!.questions.map((q) => q.text)).toEqual(["Spørsmål 2", "Spørsmål 1b"]);
    await editGuide(db, lead, id, {
      kind: "remove_question",
      questionId: q2!.id,
    });
    expect((await getGuide(db, lead, id)).themes[0]!.questions.map((q) => q.text)).toEqual(["Spørsmål 1b"]);
    expect(guide.versions.map((v) => v.number)).toEqual([1]);
  });

  it("never changes a version a session used: the edit makes version n+1, copied from it", async () => {
    const id = await newProject("Versjoner");
    await editGuide(db, lead, id, { kind: "add_theme", title: "Respekt" });
    const v1 = await getGuide(db, lead, id);
    await editGuide(db, lead, id, {
      kind: "add_question",
      themeId: v1.themes[0]!.id,
      text: "Hvordan ble du møtt?",
    });
    // A session records version 1.
    await db.update(evaluationGuideVersions).set({ inUseAt: new Date() }).where(eq(evaluationGuideVersions.id, v1.version.id));
    const before = await getGuide(db, lead, id);
    const questionId = before.themes[0]!.questions[0]!.id;
    // The edit names version 1's question; it lands on version 2's copy of it.
    expect(
      await editGuide(db, lead, id, {
        kind: "edit_question",
        questionId,
        text: "Hvordan ble du møtt første gang?",
      }),
    ).toEqual({ ok: true, version: 2, copied: true });
    const old = await getGuide(db, lead, id, 1);
    expect(old.themes[0]!.questions.map((q) => q.text)).toEqual(["Hvordan ble du møtt?"]);
    expect(old.newest).toBe(false);
    const v2 = await getGuide(db, lead, id);
    expect(v2.version.number).toBe(2);
    expect(v2.newest).toBe(true);
    expect(v2.themes.map((t) => [t.title, t.questions.map((q) => q.text)])).toEqual([["Respekt", ["Hvordan ble du møtt første gang?"]]]);
    expect(v2.versions.map((v) => v.number)).toEqual([2, 1]);
    // Version 2 is not in use yet: the next edit changes it in place.
    expect(
      await editGuide(db, lead, id, {
        kind: "add_theme",
        title: "Informasjon",
      }),
    ).toMatchObject({ version: 2, copied: false });
    // An id of version 1 that the copy does not hold, or of another project, is 404 — never an edit elsewhere.
    const other = await newProject("Annen");
    await editGuide(db, lead, other, { kind: "add_theme", title: "X" });
    const foreign = (await getGuide(db, lead, other)).themes[0]!.id;
    await expect(
      editGuide(db, lead, id, {
        kind: "rename_theme",
        themeId: foreign,
        title: "Y",
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGuide(db, lead, id, 9)).rejects.toBeInstanceOf(NotFoundError);
  });
});
