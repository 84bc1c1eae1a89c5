import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { users } from "~/modules/accounts/accounts.schema";
import { centres, memberships } from "~/modules/centres/centres.schema";
import { auditEvents } from "~/modules/audit/audit.schema";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { translate } from "~/i18n/i18n";
import { evaluationCodings, evaluationProjects, evaluationSessions, evaluationStatements, evaluationTeam } from "./evaluations.schema";
import { demoEvaluation, loadDemoEvaluations } from "./demo.server";
import { checkArchive, exportProject, importArchive } from "./archive.server";
import { archiveLimits, type ArchiveDocument } from "./archive.forms";

let handle: DbHandle;
let db: Db;
let finished: string;
let bikuben: string;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  await loadDemoEvaluations(db);
  const [p] = await db.select({ id: evaluationProjects.id }).from(evaluationProjects).where(eq(evaluationProjects.title, demoEvaluation.title));
  finished = p!.id;
  const [b] = await db.select({ id: centres.id }).from(centres).where(eq(centres.shortName, "Bikuben"));
  bikuben = b!.id;
  // Another centre's coordinator, who reads the archive in there.
  const [erfaring] = await db.select({ id: users.id }).from(users).where(eq(users.email, "erfaring@example.org"));
  await db.insert(memberships).values({ centreId: bikuben, userId: erfaring!.id, role: "coordinator" });
});
afterAll(async () => {
  await handle?.close();
});

const projectCount = async () => (await db.select({ n: count() }).from(evaluationProjects))[0]!.n;

/**
 * The file without what an import rightly changes: ids (replaced by their order of appearance, so the
 * references still have to match), the time of the export, and the people (accounts do not travel: the
 * importer is the lead, the team comes along as names in the agreement text).
 */
function comparable(doc: ArchiveDocument) {
  const ids = new Map<string, string>();
  const label = (id: string) => {
    if (!ids.has(id)) ids.set(id, `#${ids.size + 1}`);
    return ids.get(id)!;
  };
  const walk = (value: unknown, key = ""): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, key === "codeIds" ? "codeId" : key));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    if (typeof value === "string" && /^(id|siteId|guideVersionId|themeId|quoteId|codeId)$/.test(key)) return label(value);
    return value;
  };
  const { exportedAt: _time, team: _team, ...rest } = structuredClone(doc);
  const { id: _id, agreement: _agreement, ...project } = rest.project;
  return walk({
    ...rest,
    project,
    phaseChanges: rest.phaseChanges.map(({ by: _by, ...c }) => c),
    sessions: rest.sessions.map(({ interviewers: _who, ...s }) => s),
  });
}

describe(`the project archive on ${dbKind}`, () => {
  it("exports the whole project for the analysis team, and records it in the audit log", async () => {
    const lead = await actorFor(db, "koordinator@example.org");
    const doc = await exportProject(db, lead, finished, { requestId: "req-export" });
    expect(doc).toMatchObject({ format: "knutepunkt-evaluation", version: 1, project: { title: demoEvaluation.title, phase: "follow_up", k: 5, service: { name: "DPS Fjordbyen, poliklinikk", kind: "dps" } } });
    expect(doc.sites.map((s) => s.name)).toContain("Ambulant team");
    expect(doc.team.map((m) => `${m.name}:${m.role}`)).toEqual(["Koordinator Demo:lead", "Intervjuer Demo:interviewer", "Intervjuer To:interviewer", "Tjeneste Demo:service_contact"]);
    expect(doc.sessions).toHaveLength(5);
    expect(doc.sessions[0]!.interviewers).toEqual(["Intervjuer Demo", "Intervjuer To"]);
    expect(doc.sessions.flatMap((s) => s.notes.map((n) => n.text)).join("\n")).toContain(demoEvaluation.secretSentence);
    expect(doc.sessions.reduce((n, s) => n + s.statements.length, 0)).toBe(37);
    expect(doc.phaseChanges).toHaveLength(8);
    expect(doc.phaseChanges[0]).toMatchObject({ from: "agreement", to: "theme_guide", by: "Koordinator Demo" });
    expect(doc.reports.map((r) => `${r.kind}:${r.public}:${r.sections.length}:${r.quotes.length}`)).toEqual(["process:false:6:2", "final:true:6:4"]);
    // The file it makes is one the import accepts.
    expect(checkArchive(JSON.stringify(doc)).ok).toBe(true);
    const logged = await db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, finished), eq(auditEvents.requestId, "req-export")));
    expect(logged).toEqual([{ action: "read", actor: lead.userId, details: { export: true, sessions: 5, statements: 37 } }]);
    // The interviewers may export too: it is the analysis team's data.
    expect((await exportProject(db, await actorFor(db, "intervjuer2@example.org"), finished)).sessions).toHaveLength(5);
  });

  it("is for the analysis team only: service contacts and administrators are refused, others do not learn it exists", async () => {
    await expect(exportProject(db, await actorFor(db, "tjeneste@example.org"), finished)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportProject(db, await actorFor(db, "admin@example.org"), finished)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportProject(db, await actorFor(db, "deltaker@example.org"), finished)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportProject(db, await actorFor(db, "erfaring@example.org"), finished)).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportProject(db, null, finished)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("round trip: export, import into another centre, export again — the same file but for ids, times and people", async () => {
    const first = await exportProject(db, await actorFor(db, "koordinator@example.org"), finished);
    const importer = await actorFor(db, "erfaring@example.org");
    const result = await importArchive(db, importer, { centreId: bikuben, text: JSON.stringify(first) }, { lang: "nb" });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.projectId).not.toBe(finished);
    const [project] = await db.select({ centreId: evaluationProjects.centreId, agreementText: evaluationProjects.agreementText }).from(evaluationProjects).where(eq(evaluationProjects.id, result.projectId));
    expect(project!.centreId).toBe(bikuben);
    const team = await db.select({ userId: evaluationTeam.userId, role: evaluationTeam.role }).from(evaluationTeam).where(eq(evaluationTeam.projectId, result.projectId));
    expect(team).toEqual([{ userId: importer.userId, role: "lead" }]);

    const second = await exportProject(db, importer, result.projectId);
    expect(comparable(second)).toEqual(comparable(first));
    // New ids everywhere: nothing of the first file's ids is in the second.
    const firstIds = new Set([...first.sites, ...first.codes, ...first.sessions, ...first.guideVersions].map((x) => x.id));
    expect([...second.sites, ...second.codes, ...second.sessions, ...second.guideVersions].filter((x) => firstIds.has(x.id))).toEqual([]);
    // The people: the importer leads; the file's team is kept as names under the agreement text.
    expect(second.team).toEqual([{ name: "Erfaring Demo", role: "lead" }]);
    expect(second.project.agreement.text.startsWith(first.project.agreement.text)).toBe(true);
    expect(project!.agreementText).toContain(translate("nb", "evaluations.archive.former_team.heading"));
    expect(project!.agreementText).toContain("- Koordinator Demo (prosjektleder)");
    expect(project!.agreementText).toContain("- Intervjuer To (intervjuer)");
    expect(project!.agreementText).toContain("- Tjeneste Demo (kontaktperson i tjenesten)");
    expect(second.sessions.every((s) => s.interviewers.length === 0)).toBe(true);
    expect(second.phaseChanges.every((c) => c.by === null)).toBe(true);
  });

  it("refuses a broken file with every problem listed, and saves nothing", async () => {
    const doc = await exportProject(db, await actorFor(db, "koordinator@example.org"), finished);
    const before = await projectCount();
    const broken = structuredClone(doc) as unknown as Record<string, any>;
    broken.project.k = 2;
    broken.sessions[0].participants = 9; // a group of nine
    broken.sessions[1].heldOn = "1999-01-01"; // before the period
    broken.sessions[2].siteId = "no-such-site";
    broken.sessions[3].notes[0].text = "x".repeat(20_001);
    broken.sessions[3].statements[0].codeIds = ["no-such-code"];
    broken.reports[1].quotes[0].quoteId = "no-such-quote";
    broken.sites[0].recruitment = { invited: 3, came: 4 };
    const result = await importArchive(db, await actorFor(db, "erfaring@example.org"), { centreId: bikuben, text: JSON.stringify(broken) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.where} ${p.message}`).sort()).toEqual(
      [
        "project.k evaluations.archive.error.k",
        "sessions.1.participants evaluations.archive.error.group_size",
        "sessions.2.heldOn evaluations.archive.error.outside_period",
        "sessions.3.siteId evaluations.archive.error.unknown_site",
        "sessions.4.notes.1.text evaluations.archive.error.note_too_long",
        "sessions.4.statements.1.codeIds.1 evaluations.archive.error.unknown_code",
        "reports.2.quotes.1.quoteId evaluations.archive.error.unknown_quote",
        "sites.1.recruitment.came evaluations.archive.error.came_over_invited",
      ].sort(),
    );
    // Each problem says which part of the file it is in, in words too ("I intervju 1 (sessions.1.participants): …").
    expect(result.problems.find((p) => p.where === "sessions.1.participants")!.part).toEqual({ key: "evaluations.archive.part.session", n: 1 });
    expect(result.problems.find((p) => p.where === "project.k")!.part).toEqual({ key: "evaluations.archive.part.project", n: 0 });
    // Every message exists in every language.
    for (const p of result.problems) for (const lang of ["nb", "nn", "en"] as const) expect(translate(lang, p.message)).not.toBe(p.message);
    expect(await projectCount()).toBe(before);
  });

  it("refuses an over-large file, a file that is not JSON, and a file that is not an archive, with a message", async () => {
    const importer = await actorFor(db, "erfaring@example.org");
    const before = await projectCount();
    const big = JSON.stringify({ format: "knutepunkt-evaluation", padding: "x".repeat(archiveLimits.bytes) });
    const tooBig = await importArchive(db, importer, { centreId: bikuben, text: big });
    expect(tooBig).toEqual({ ok: false, problems: [{ where: "", message: "evaluations.archive.error.too_big", values: { max: 10 } }] });
    expect(translate("nb", "evaluations.archive.error.too_big", { max: 10 })).toBe("Filen er større enn 10 MB, og kan ikke leses inn.");
    expect(await importArchive(db, importer, { centreId: bikuben, text: "{ not json" })).toEqual({ ok: false, problems: [{ where: "", message: "evaluations.archive.error.json" }] });
    const other = await importArchive(db, importer, { centreId: bikuben, text: JSON.stringify({ format: "knutepunkt-toolkit", version: 1, entries: [] }) });
    expect(other.ok === false && other.problems.map((p) => p.message)).toEqual(["evaluations.archive.error.format"]);
    const later = await importArchive(db, importer, { centreId: bikuben, text: JSON.stringify({ format: "knutepunkt-evaluation", version: 2 }) });
    expect(later.ok === false && later.problems.map((p) => p.message)).toEqual(["evaluations.archive.error.version"]);
    expect(await projectCount()).toBe(before);
  });

  it("lets only a coordinator of the centre read an archive in", async () => {
    const doc = JSON.stringify(await exportProject(db, await actorFor(db, "koordinator@example.org"), finished));
    // The demo coordinator coordinates KBT, not Bikuben; an interviewer coordinates nothing.
    await expect(importArchive(db, await actorFor(db, "koordinator@example.org"), { centreId: bikuben, text: doc })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importArchive(db, await actorFor(db, "intervjuer@example.org"), { centreId: bikuben, text: doc })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importArchive(db, null, { centreId: bikuben, text: doc })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("imports a large project in one go (200 sessions, 20,000 statements) and all of it is there", async () => {
    const doc = await exportProject(db, await actorFor(db, "koordinator@example.org"), finished);
    const template = doc.sessions[0]!;
    const codeIds = doc.codes.map((c) => c.id);
    const big: ArchiveDocument = {
      ...doc,
      sessions: Array.from({ length: 200 }, (_, i) => ({
        ...template,
        id: `s${i}`,
        quotes: template.quotes.map((q) => ({ ...q, id: `q${i}` })),
        statements: Array.from({ length: 100 }, (_, j) => ({ text: `Utsagn ${j}`, polarity: "positive" as const, themeId: null, codeIds: [codeIds[j % codeIds.length]!] })),
      })),
      reports: doc.reports.map((r) => ({ ...r, quotes: r.quotes.map((q, i) => ({ ...q, quoteId: `q${i}` })) })),
    };
    const text = JSON.stringify(big);
    expect(Buffer.byteLength(text)).toBeLessThan(archiveLimits.bytes);
    const result = await importArchive(db, await actorFor(db, "erfaring@example.org"), { centreId: bikuben, text });
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    const [statements] = await db.select({ n: count() }).from(evaluationStatements).where(eq(evaluationStatements.projectId, result.projectId));
    const [sessions] = await db.select({ n: count() }).from(evaluationSessions).where(eq(evaluationSessions.projectId, result.projectId));
    expect({ sessions: sessions!.n, statements: statements!.n }).toEqual({ sessions: 200, statements: 20_000 });
    const [codings] = await db.select({ n: count() }).from(evaluationCodings).where(eq(evaluationCodings.projectId, result.projectId));
    expect(codings!.n).toBe(20_000);
  }, 180_000);
});
