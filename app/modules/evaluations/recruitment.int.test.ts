import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, NotFoundError } from "~/modules/centres/centres.server";
import type { Actor } from "~/modules/centres/permissions";
import { parseCount } from "./evaluations.forms";
import { addSite, createProject, setTeam } from "./projects.server";
import { getRecruitment, recruitmentProblems, saveRecruitment } from "./recruitment.server";

let handle: DbHandle;
let db: Db;
let lead: Actor;
let contact: Actor;
let projectId: string;
let otherSite: string;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  expect(await loadDemoData(db)).toBe(true);
  const kbt = (await listCentres(db)).find((c) => c.shortName === "KBT")!.id;
  lead = await actorFor(db, "koordinator@example.org");
  contact = await actorFor(db, "tjeneste@example.org");
  const make = async (title: string) => {
    const created = await createProject(
      db,
      lead,
      kbt,
      {
        title,
        serviceName: "Tjeneste",
        serviceKind: "ward",
        kommunenummer: null,
        periodStart: "2026-01-01",
        periodEnd: null,
        serviceId: null,
        leadId: lead.userId,
      },
      { lang: "nb" },
    );
    if (!created.ok) throw new Error("not created");
    return created.projectId;
  };
  projectId = await make("Rekruttering");
  await setTeam(db, lead, projectId, {
    leadId: lead.userId,
    interviewers: [],
    serviceContacts: [contact.userId],
  });
  await addSite(db, lead, projectId, "Døgnpost");
  await addSite(db, lead, projectId, "Ambulant team");
  const other = await make("Annen");
  await addSite(db, lead, other, "Annet sted");
  otherSite = (await getRecruitment(db, lead, other)).sites[0]!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe(`recruitment on ${dbKind}`, () => {
  it("reads the numbers a person types: whole numbers from 0, empty for not known", () => {
    expect(parseCount("12")).toBe(12);
    expect(parseCount(" 0 ")).toBe(0);
    expect(parseCount("")).toBeNull();
    expect(parseCount(null)).toBeNull();
    for (const bad of ["-1", "2.5", "tolv", "1e3"]) expect(parseCount(bad), bad).toBe("evaluations.recruitment.error.whole_number");
    expect(parseCount("10001")).toBe("evaluations.recruitment.error.too_many");
  });

  it("checks that no more came than were invited, and nothing below zero", () => {
    expect(recruitmentProblems([{ siteId: "a", invited: 5, came: 6 }])).toEqual({ "came-a": "evaluations.recruitment.error.came_over_invited" });
    expect(recruitmentProblems([{ siteId: "a", invited: null, came: 2 }])).toEqual({
      "came-a": "evaluations.recruitment.error.came_without_invited",
    });
    expect(recruitmentProblems([{ siteId: "a", invited: -1, came: null }])).toEqual({ "invited-a": "evaluations.recruitment.error.negative" });
    expect(
      recruitmentProblems([
        { siteId: "a", invited: 5, came: 5 },
        { siteId: "b", invited: 0, came: 0 },
        { siteId: "c", invited: 3, came: null },
      ]),
    ).toEqual({});
  });

  it("saves invited and came per site for the service contact; a bad row saves nothing", async () => {
    const { sites } = await getRecruitment(db, contact, projectId);
    const [ward, team] = sites;
    expect(
      await saveRecruitment(db, contact, projectId, [
        { siteId: ward!.id, invited: 12, came: 9 },
        { siteId: team!.id, invited: 4, came: 5 },
      ]),
    ).toEqual({
      ok: false,
      errors: {
        [`came-${team!.id}`]: "evaluations.recruitment.error.came_over_invited",
      },
    });
    expect((await getRecruitment(db, contact, projectId)).sites.map((s) => [s.invited, s.came])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(
      await saveRecruitment(db, contact, projectId, [
        { siteId: ward!.id, invited: 12, came: 9 },
        { siteId: team!.id, invited: 4, came: 4 },
      ]),
    ).toEqual({ ok: true });
    expect((await getRecruitment(db, lead, projectId)).sites.map((s) => [s.name, s.invited, s.came])).toEqual([
      ["Døgnpost", 12, 9],
      ["Ambulant team", 4, 4],
    ]);
  });

  it("refuses a site of another project with 404, and saves nothing", async () => {
    const { sites } = await getRecruitment(db, contact, projectId);
    await expect(
      saveRecruitment(db, contact, projectId, [
        { siteId: sites[0]!.id, invited: 1, came: 1 },
        { siteId: otherSite, invited: 3, came: 1 },
      ]),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await getRecruitment(db, lead, projectId)).sites[0]!.invited).toBe(12);
  });
});
