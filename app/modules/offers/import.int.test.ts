import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, inArray } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import { csvFiles, toTabular } from "../../../tests/support/hsds-tabular";
import fixture from "../../../tests/fixtures/full-service.hsds.json";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, ForbiddenError } from "~/modules/centres/centres.server";
import { memberships } from "~/modules/centres/centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import type { Actor } from "~/modules/centres/permissions";
import { languages, offerImports, offerMetadata, organizations, phones, schedules, services } from "./offers.schema";
import { fullServices } from "./hsds.server";
import { offerHistory } from "./manage.server";
import { cancelImport, failInterruptedImports, getImport, ImportRefusedError, importTargets, previewImport, runImport, startImport } from "./import.server";
import { uuidV5, type UploadedFile } from "./import";

let handle: DbHandle;
let db: Db;
let kbt: string;
let rom: string;
let kbtCoordinator: Actor;
let romCoordinator: Actor;
let admin: Actor;
let participant: Actor;

const actor = (email: string) => actorFor(db, email);

type Obj = Record<string, unknown>;
const enc = (text: string) => new TextEncoder().encode(text);
const jsonFile = (name: string, value: unknown): UploadedFile => ({ name, bytes: enc(JSON.stringify(value)) });
const id = (n: number) => uuidV5(`import-int-test:${n}`);
/** Arrays of records in id order, at every depth: the file's order of languages or phones is not kept. */
const byId = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(byId).sort((a, b) => String((a as Obj)?.id ?? JSON.stringify(a)).localeCompare(String((b as Obj)?.id ?? JSON.stringify(b))))
    : value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, byId(v)]))
      : value;

/** `n` small services of one organization, with unique ids and names. */
function generated(n: number, prefix: string, orgId = id(100_000)): Obj[] {
  return Array.from({ length: n }, (_, i) => ({
    id: id(i + 1),
    name: `${prefix} ${i + 1}`,
    description: "Generert for en test av importen.",
    tilbudstype: "treffsted",
    organization: { id: orgId, name: `${prefix}-foreningen` },
  }));
}

async function existing(ids: string[]) {
  return db.select({ id: services.id, name: services.name, centreId: services.centreId }).from(services).where(inArray(services.id, ids));
}

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  const all = await listCentres(db);
  kbt = all.find((c) => c.shortName === "KBT")!.id;
  rom = all.find((c) => c.shortName === "ROM Agder")!.id;
  const [intervjuer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "intervjuer@example.org"));
  await db.insert(memberships).values({ centreId: rom, userId: intervjuer!.id, role: "coordinator" });
  kbtCoordinator = await actor("koordinator@example.org");
  romCoordinator = await actor("intervjuer@example.org");
  admin = await actor("admin@example.org");
  participant = await actor("deltaker@example.org");
});
afterAll(async () => {
  await handle?.close();
});

describe(`importing offers on ${dbKind}`, () => {
  it("previews every row with its problems and saves nothing", async () => {
    const good = generated(2, "Forhåndsvisning");
    const bad: Obj = { ...generated(3, "Forhåndsvisning")[2]!, email: "ikke-en-epost", tilbudstype: "dans" };
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("forhandsvisning.json", [...good, bad])] });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const preview = await getImport(db, kbtCoordinator, result.id);
    expect(preview).toMatchObject({ status: "preview", totalRows: 3, validRows: 2, hasProblems: true, centreName: expect.stringContaining("KBT"), fileName: "forhandsvisning.json", format: "json" });
    const rows = preview.preview!.rows;
    expect(rows.map((r) => r.problems.length)).toEqual([0, 0, 2]);
    expect(rows[2]!.problems.map((p) => p.message).sort()).toEqual(["offers.import.problem.email", "offers.import.problem.tilbudstype"]);
    expect(rows[2]).toMatchObject({ name: "Forhåndsvisning 3", organization: "Forhåndsvisning-foreningen", source: { file: "forhandsvisning.json", index: 3 }, number: 3 });
    expect((await getImport(db, kbtCoordinator, result.id, { onlyProblems: true })).preview!.rows.map((r) => r.number)).toEqual([3]);
    expect(await existing([...good, bad].map((s) => s.id as string))).toEqual([]);
    const [metadata] = await db.select({ n: count() }).from(offerMetadata).where(eq(offerMetadata.lastActionType, "import"));
    expect(metadata!.n).toBe(0);
  });

  it("gives one clear message for a file it cannot read, and stores nothing", async () => {
    const before = await db.select({ n: count() }).from(offerImports);
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [{ name: "tilbud.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]) }] });
    expect(result).toEqual({ ok: false, error: { message: "offers.import.file.excel", params: { file: "tilbud.xlsx" } } });
    expect(await db.select({ n: count() }).from(offerImports)).toEqual(before);
  });

  it("refuses a file with problems, and with 'only the valid rows' imports exactly those, with a change-log row each", async () => {
    const list = generated(3, "Bare gyldige");
    (list[1] as Obj).url = "ikke en adresse";
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("gyldige.json", list)] });
    if (!result.ok) throw new Error("unreadable");
    await expect(runImport(db, kbtCoordinator, result.id, { onlyValid: false })).rejects.toBeInstanceOf(ImportRefusedError);
    expect((await getImport(db, kbtCoordinator, result.id)).status).toBe("preview");
    expect(await existing(list.map((s) => s.id as string))).toEqual([]);

    await runImport(db, kbtCoordinator, result.id, { onlyValid: true });
    const done = await getImport(db, kbtCoordinator, result.id);
    expect(done).toMatchObject({ status: "done", totalRows: 3, validRows: 2, processedRows: 2, importedRows: 2, error: null });
    expect(done.finishedAt).toBeInstanceOf(Date);
    const saved = await existing(list.map((s) => s.id as string));
    expect(saved.map((s) => s.name).sort()).toEqual(["Bare gyldige 1", "Bare gyldige 3"]);
    expect(saved.every((s) => s.centreId === kbt)).toBe(true);
    const history = await offerHistory(db, kbtCoordinator, list[0]!.id as string);
    expect(history).toEqual([expect.objectContaining({ action: "import", field: "import", before: "", after: "gyldige.json", by: "Koordinator Demo" })]);
  });

  it("imports a file without problems straight away, and importing it again changes nothing but what changed", async () => {
    const source = JSON.parse(JSON.stringify(fixture)) as Obj[];
    const files = csvFiles(toTabular(source));
    const first = await previewImport(db, kbtCoordinator, { centreId: kbt, files });
    if (!first.ok) throw new Error("unreadable");
    expect((await getImport(db, kbtCoordinator, first.id)).hasProblems).toBe(false);
    await runImport(db, kbtCoordinator, first.id, { onlyValid: false });
    const serviceId = source[0]!.id as string;
    const counts = async () => ({
      services: (await db.select({ n: count() }).from(services))[0]!.n,
      phones: (await db.select({ n: count() }).from(phones))[0]!.n,
      schedules: (await db.select({ n: count() }).from(schedules))[0]!.n,
      languages: (await db.select({ n: count() }).from(languages))[0]!.n,
    });
    const after = await counts();
    const [saved] = await fullServices(db, [serviceId]);
    expect(saved).toMatchObject({ name: "Syngende fellesskap", gratis: true, malgruppe: ["bruker", "parorende"] });
    expect(saved!.service_at_locations[0]!.location).toMatchObject({ kommunenummer: "5001", fylkesnummer: "50" });

    // The same files again, with one change: the same offers, updated.
    source[0]!.alternate_name = "Korsang hver tirsdag";
    const second = await previewImport(db, kbtCoordinator, { centreId: kbt, files: csvFiles(toTabular(source)) });
    if (!second.ok) throw new Error("unreadable");
    await runImport(db, kbtCoordinator, second.id, { onlyValid: false });
    expect(await counts()).toEqual(after);
    const [again] = await fullServices(db, [serviceId]);
    expect(again).toEqual({ ...saved, alternate_name: "Korsang hver tirsdag" });
    // Not only unchanged: what was saved is what the file says. Every field of the file comes back as it
    // was (records in id order), with what the app adds: link ids, fylke from kommune, taxonomy
    // attributes, and the organisation number as an identifier of its own.
    const file = JSON.parse(JSON.stringify((fixture as Obj[])[0])) as Obj;
    const org = file.organization as Obj;
    expect(org.id).toBe("0b7a1c52-1111-4c3e-9a10-0000000000a1");
    org.organization_identifiers = [
      ...(org.organization_identifiers as Obj[]),
      { id: org.id, identifier: "123456785", identifier_scheme: "NO-BRC", identifier_type: "organisasjonsnummer", organization_id: org.id },
    ];
    expect(byId(saved)).toMatchObject(byId(file) as Obj);
    expect(byId(again)).toMatchObject(byId({ ...file, alternate_name: "Korsang hver tirsdag" }) as Obj);
    expect((await offerHistory(db, kbtCoordinator, serviceId)).filter((h) => h.action === "import")).toHaveLength(2);
  });

  it("never lets a coordinator import into another centre or overwrite another centre's offer", async () => {
    const files = [jsonFile("andre.json", generated(1, "Annet senter"))];
    await expect(previewImport(db, kbtCoordinator, { centreId: rom, files })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewImport(db, kbtCoordinator, { centreId: null, files })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewImport(db, participant, { centreId: kbt, files })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewImport(db, null, { centreId: kbt, files })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(importTargets(db, participant)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await importTargets(db, kbtCoordinator)).toEqual({ centres: [{ id: kbt, name: expect.stringContaining("KBT") }], network: false });
    expect((await importTargets(db, admin)).centres).toHaveLength(5);

    // ROM Agder's own offer, in KBT's file: a problem, and left as it is even when the rest is imported.
    const [kjokken] = await db.select({ id: services.id }).from(services).where(and(eq(services.name, "Kjøkkenpraten"), eq(services.centreId, rom)));
    const [theirs] = await fullServices(db, [kjokken!.id]);
    const taken = { ...theirs, name: "Overtatt av KBT" };
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("overta.json", [taken, ...generated(1, "Eget tilbud", id(200_000))])] });
    if (!result.ok) throw new Error("unreadable");
    const preview = await getImport(db, kbtCoordinator, result.id);
    expect(preview.preview!.rows[0]!.problems.map((p) => [p.where, p.message])).toEqual([
      ["id", "offers.import.problem.other_centre"],
      ["organization", "offers.import.problem.other_centre"],
      ...(theirs!.service_at_locations.length ? [["location", "offers.import.problem.other_centre"]] : []),
    ]);
    await runImport(db, kbtCoordinator, result.id, { onlyValid: true });
    expect((await existing([kjokken!.id]))[0]).toMatchObject({ name: "Kjøkkenpraten", centreId: rom });
    expect((await getImport(db, kbtCoordinator, result.id)).importedRows).toBe(1);

    // An administrator may import for any centre and for the network, but not take ROM's offer for KBT either.
    const network = await previewImport(db, admin, { centreId: null, files: [jsonFile("nettverk.json", generated(1, "Nettverkets", id(300_000)).map((s) => ({ ...s, id: id(300_001) })))] });
    expect(network.ok).toBe(true);
    const forRom = await previewImport(db, admin, { centreId: rom, files: [jsonFile("rom.json", [taken])] });
    if (!forRom.ok) throw new Error("unreadable");
    expect((await getImport(db, admin, forRom.id)).hasProblems).toBe(false);
  });

  it("shows an import only to the person who made it, or an administrator", async () => {
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("privat.json", generated(1, "Privat"))] });
    if (!result.ok) throw new Error("unreadable");
    await expect(getImport(db, romCoordinator, result.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startImport(db, romCoordinator, result.id, { onlyValid: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelImport(db, romCoordinator, result.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getImport(db, admin, result.id)).status).toBe("preview");
    await cancelImport(db, kbtCoordinator, result.id);
    expect(await db.select().from(offerImports).where(eq(offerImports.id, result.id))).toEqual([]);
  });

  it("writes in batches and counts progress up to every row", async () => {
    const list = generated(120, "Mange", id(400_000)).map((s, i) => ({ ...s, id: id(500_000 + i) }));
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("mange.json", list)] });
    if (!result.ok) throw new Error("unreadable");
    const { finished } = await startImport(db, kbtCoordinator, result.id, { onlyValid: false });
    const running = await getImport(db, kbtCoordinator, result.id);
    expect(running.status).toBe("running");
    expect(running.preview).toBeUndefined();
    // A second click while it runs does nothing.
    await (await startImport(db, kbtCoordinator, result.id, { onlyValid: false })).finished;
    await finished;
    expect(await getImport(db, kbtCoordinator, result.id)).toMatchObject({ status: "done", totalRows: 120, validRows: 120, processedRows: 120, importedRows: 120 });
    expect(await existing(list.map((s) => s.id))).toHaveLength(120);
    const [org] = await db.select({ centreId: organizations.centreId }).from(organizations).where(eq(organizations.id, id(400_000)));
    expect(org!.centreId).toBe(kbt);
  });

  it("records a failure with a message, keeping what was written, and fails imports a stopped process left running", async () => {
    const list = generated(60, "Feiler", id(600_000)).map((s, i) => ({ ...s, id: id(700_000 + i) }));
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("feiler.json", list)] });
    if (!result.ok) throw new Error("unreadable");
    // Spoil the stored row 55 (second batch) so the database refuses it.
    const [stored] = await db.select({ payload: offerImports.payload }).from(offerImports).where(eq(offerImports.id, result.id));
    const payload = stored!.payload as { rows: { data: Obj }[] };
    payload.rows[54]!.data.assured_date = "ikke en dato";
    await db.update(offerImports).set({ payload }).where(eq(offerImports.id, result.id));
    await runImport(db, kbtCoordinator, result.id, { onlyValid: false });
    expect(await getImport(db, kbtCoordinator, result.id)).toMatchObject({ status: "failed", error: "offers.import.error.failed", processedRows: 50, importedRows: 50 });
    expect(await existing(list.map((s) => s.id))).toHaveLength(50);

    const stuck = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("stoppet.json", generated(1, "Stoppet", id(800_000)))] });
    if (!stuck.ok) throw new Error("unreadable");
    await db.update(offerImports).set({ status: "running" }).where(eq(offerImports.id, stuck.id));
    expect(await failInterruptedImports(db)).toBe(1);
    expect(await getImport(db, kbtCoordinator, stuck.id)).toMatchObject({ status: "failed", error: "offers.import.error.interrupted" });
  });

  it("removes imports older than a day when a new one is made", async () => {
    const [old] = await db
      .insert(offerImports)
      .values({ centreId: kbt, createdBy: kbtCoordinator.userId, fileName: "gammel.json", format: "json", payload: {}, createdAt: new Date(Date.now() - 25 * 3600_000) })
      .returning({ id: offerImports.id });
    await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("ny.json", generated(1, "Ny"))] });
    expect(await db.select().from(offerImports).where(eq(offerImports.id, old!.id))).toEqual([]);
  });

  it("never attaches imported data to another centre's records through a borrowed id", async () => {
    // ROM Agder's Kjøkkenpraten has a place link (service_at_location) with a public id.
    const [kjokken] = await db.select({ id: services.id }).from(services).where(eq(services.name, "Kjøkkenpraten"));
    const { serviceAtLocations } = await import("./offers.schema");
    const [theirs] = await db.select({ id: serviceAtLocations.id, locationId: serviceAtLocations.locationId }).from(serviceAtLocations).where(eq(serviceAtLocations.serviceId, kjokken!.id));
    const intruder = {
      id: id(900_001),
      name: "Lånt sted",
      organization: { id: id(900_002), name: "Lånelaget" },
      service_at_locations: [
        {
          id: theirs!.id,
          location: { id: id(900_003), name: "Vårt sted", kommunenummer: "5001" },
          phones: [{ id: id(900_004), number: "+47 99 99 99 99" }],
        },
      ],
    };
    const result = await previewImport(db, kbtCoordinator, { centreId: kbt, files: [jsonFile("laant.json", [intruder])] });
    if (!result.ok) throw new Error("unreadable");
    await runImport(db, kbtCoordinator, result.id, { onlyValid: true });
    const done = await getImport(db, kbtCoordinator, result.id);
    expect(done).toMatchObject({ status: "failed", error: "offers.import.error.id_conflict" });
    // Nothing landed on their place link, and nothing of the batch was kept.
    expect(await db.select({ id: phones.id }).from(phones).where(eq(phones.serviceAtLocationId, theirs!.id))).toEqual([]);
    expect(await existing([intruder.id])).toEqual([]);
  });
});
