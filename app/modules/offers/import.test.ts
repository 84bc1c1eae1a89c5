import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import seed from "./data/seed-002.hsds.json";
import fixture from "../../../tests/fixtures/full-service.hsds.json";
import { hsdsDir } from "../../../tests/support/hsds";
import { csvFiles, toCsv, toTabular } from "../../../tests/support/hsds-tabular";
import { maxServices, maxUploadBytes, parseImport, uuidV5, type ParseResult, type Problem, type UploadedFile } from "./import";
import { translate, languages } from "~/i18n/i18n";
import { csvRows } from "~/lib/csv";

const enc = (text: string) => new TextEncoder().encode(text);
const file = (name: string, content: string | Uint8Array): UploadedFile => ({ name, bytes: typeof content === "string" ? enc(content) : content });
const json = (name: string, value: unknown) => file(name, JSON.stringify(value));
const parse = (files: UploadedFile[], namespace = "network") => parseImport(files, { namespace });

function ok(result: ParseResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.result;
}
function failed(result: ParseResult) {
  if (result.ok) throw new Error("expected a file error");
  return result.error;
}
/** Problems as compact strings: "file:line where message-suffix" (CSV) or "where message-suffix" (JSON). */
const brief = (problems: Problem[]) =>
  problems.map((p) => `${p.file ? `${p.file}:${p.line} ` : ""}${p.where} ${p.message.replace("offers.import.problem.", "")}`).sort();

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
type Obj = Record<string, unknown>;
const fullService = () => clone(fixture[0]!) as unknown as Obj;

describe("stable ids", () => {
  it("computes RFC 4122 UUID v5 (the standard test vector) and the same id for the same name", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(uuidV5("kbt:services.csv:2")).toBe(uuidV5("kbt:services.csv:2"));
    expect(uuidV5("kbt:services.csv:2")).not.toBe(uuidV5("kbt:services.csv:3"));
  });
});

describe("HSDS JSON", () => {
  it("imports the seed file (seed 002) with zero problems", () => {
    const result = ok(parse([json("seed-002.hsds.json", seed)]));
    expect(result.format).toBe("json");
    expect(result.rows).toHaveLength(seed.length);
    expect(result.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(result.rows.every((r) => r.data)).toBe(true);
    const krafttak = result.rows.find((r) => r.name === "Krafttak for sang")!;
    expect(krafttak.source).toEqual({ file: "seed-002.hsds.json", index: seed.findIndex((s) => s.name === "Krafttak for sang") + 1 });
    expect(krafttak.data!.service_at_locations!.map((s) => s.location.fylkesnummer)).toContain("50");
  });

  it("imports our full fixture with every attached object, and derives the fylkesnummer", () => {
    const [row] = ok(parse([json("full.json", fixture)])).rows;
    expect(row!.problems).toEqual([]);
    expect(row).toMatchObject({ name: "Syngende fellesskap", organization: "Testforeningen for sang", source: { file: "full.json", index: 1 } });
    const data = row!.data!;
    expect(data.malgruppe).toEqual(["bruker", "parorende"]);
    expect(data.organization.organisasjonsnummer).toBe("123456785");
    expect(data.organization.contacts![0]!.email).toBe("styret@example.org");
    const location = data.service_at_locations![0]!.location;
    expect(location).toMatchObject({ kommunenummer: "5001", fylkesnummer: "50", latitude: 63.4305 });
    expect(location.addresses![0]).toMatchObject({ address_1: "Testgata 1", postal_code: "7011" });
    expect(data.phones![0]!.languages![0]!.code).toBe("en");
    expect(data.contacts![0]!.phones![0]!.number).toBe("+47 900 00 004");
    expect(data.schedules![0]).toMatchObject({ freq: "MONTHLY", byday: "1TH" });
    expect(data.service_areas![0]).toMatchObject({ kommunenummer: "5001", fylkesnummer: "50" });
    expect(data.cost_options![0]).toMatchObject({ currency: "NOK", amount: 200 });
  });

  it("reads what our API and export produce: an HSDS page, one service, NDJSON (also saved as .json)", () => {
    const list = ok(parse([json("list.json", seed)])).rows.map((r) => r.data);
    const page = { total_items: seed.length, total_pages: 1, page_number: 1, size: seed.length, first_page: true, last_page: true, empty: false, contents: seed };
    expect(ok(parse([json("page.json", page)])).rows.map((r) => r.data)).toEqual(list);
    const ndjson = seed.map((s) => JSON.stringify(s)).join("\n") + "\n";
    const fromNdjson = ok(parse([file("knutepunkt-tilbud.ndjson", ndjson)]));
    expect(fromNdjson.format).toBe("ndjson");
    expect(fromNdjson.rows.map((r) => r.data)).toEqual(list);
    expect(fromNdjson.rows[2]!.source).toEqual({ file: "knutepunkt-tilbud.ndjson", line: 3 });
    expect(ok(parse([file("saved-as.json", ndjson)])).rows).toHaveLength(seed.length);
    const one = ok(parse([json("one.json", fixture[0])]));
    expect(one.rows).toHaveLength(1);
    expect(one.rows[0]!.problems).toEqual([]);
  });

  it("lists every problem of a row with where it is, the message key and the value", () => {
    const s = fullService();
    s.email = "ikke-en-epost";
    s.url = "ftp://example.org";
    s.tilbudstype = "dans";
    s.malgruppe = ["bruker", "besteforeldre"];
    s.gratis = "kanskje";
    s.assured_date = "2026-02-30";
    (s.organization as Obj).organisasjonsnummer = "123456789";
    const sal = (s.service_at_locations as Obj[])[0]!;
    (sal.location as Obj).kommunenummer = "9999";
    (sal.location as Obj).latitude = 95;
    (sal.schedules as Obj[])[0]!.freq = "SOMETIMES";
    (sal.schedules as Obj[])[0]!.closes_at = "17:00";
    (s.phones as Obj[])[0]!.number = "ring oss";
    s.description = "x".repeat(5001);
    const [row] = ok(parse([json("bad.json", [s])])).rows;
    expect(row!.data).toBeUndefined();
    expect(brief(row!.problems)).toEqual(
      [
        "assured_date date",
        "description too_long",
        "email email",
        "gratis boolean",
        "malgruppe[1] malgruppe",
        "organization.organisasjonsnummer organisasjonsnummer",
        "phones[0].number phone",
        "service_at_locations[0].location.kommunenummer kommunenummer",
        "service_at_locations[0].location.latitude latitude",
        "service_at_locations[0].schedules[0].closes_at closes_at",
        "service_at_locations[0].schedules[0].freq freq",
        "tilbudstype tilbudstype",
        "url url",
      ].sort(),
    );
    const kommune = row!.problems.find((p) => p.where.endsWith("kommunenummer"))!;
    expect(kommune.value).toBe("9999");
    expect(row!.problems.find((p) => p.where === "description")!.value).toHaveLength(60);
    // Every message exists in all three languages.
    for (const lang of languages) for (const p of row!.problems) expect(translate(lang, p.message)).not.toBe(p.message);
  });

  it("finds missing required fields, bad ids, a missing organization, duplicate and conflicting ids", () => {
    const a = fullService();
    const b = fullService();
    (b.organization as Obj).name = "Et annet navn på samme id";
    const c = { id: "ikke-en-uuid", name: "", organization_id: "0b7a1c52-1111-4c3e-9a10-0000000000a1" };
    const rows = ok(parse([json("many.json", [a, b, c, 42])])).rows;
    expect(rows[0]!.problems).toEqual([]);
    expect(brief(rows[1]!.problems)).toEqual(["id duplicate_id", "organization.id conflicting_id"]);
    expect(brief(rows[2]!.problems)).toEqual(["id uuid", "name required", "organization organization_missing"]);
    expect(brief(rows[3]!.problems)).toEqual([" object"]);
  });

  it("gives objects without an id a stable UUID v5 from the centre, the file and the row", () => {
    const s = fullService();
    delete s.id;
    delete (s.organization as Obj).id;
    for (const phone of s.phones as Obj[]) delete phone.id;
    const first = ok(parse([json("uten-id.json", [s])], "centre-a")).rows[0]!;
    const again = ok(parse([json("uten-id.json", [s])], "centre-a")).rows[0]!;
    const other = ok(parse([json("uten-id.json", [s])], "centre-b")).rows[0]!;
    expect(first.problems).toEqual([]);
    expect(first.data!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(again.data).toEqual(first.data);
    expect(other.data!.id).not.toBe(first.data!.id);
    expect(first.data!.organization.id).not.toBe(first.data!.id);
  });

  it("accepts the profile's values as people write them", () => {
    const s = fullService();
    Object.assign(s, { tilbudstype: "Kurs og opplæring", malgruppe: "bruker, Pårørende", gratis: "ja", ingen_henvisning: "Nei", status: "Active", url: "www.example.org" });
    (s.organization as Obj).organisasjonsnummer = "123 456 785";
    const data = ok(parse([json("loose.json", [s])])).rows[0]!.data!;
    expect(data).toMatchObject({ tilbudstype: "kurs-og-opplaering", malgruppe: ["bruker", "parorende"], gratis: true, ingen_henvisning: false, status: "active", url: "https://www.example.org" });
    expect(data.organization.organisasjonsnummer).toBe("123456785");
  });
});

/** examples/tabular.json of HSDS 3.0: each file's rows, as CSV. */
function hsdsTabularExample(): UploadedFile[] {
  const example = JSON.parse(fs.readFileSync(path.join(hsdsDir, "examples", "tabular.json"), "utf8")) as Record<string, Obj[]>;
  return csvFiles(example);
}

describe("HSDS tabular CSV", () => {
  it("reads the HSDS 3.0 tabular example and reports exactly its inconsistencies", () => {
    const result = ok(parse(hsdsTabularExample()));
    expect(result.format).toBe("csv");
    expect(result.ignoredFiles.sort()).toEqual(
      ["attributes.csv", "funding.csv", "meta_table_descriptions.csv", "metadata.csv", "programs.csv", "required_documents.csv", "taxonomies.csv", "taxonomy_terms.csv"].sort(),
    );
    expect(result.fileProblems).toEqual([]);
    expect(result.rows).toHaveLength(1);
    const [row] = result.rows;
    expect(row).toMatchObject({ name: "Community Counselling", organization: "Example Organization Inc.", source: { file: "services.csv", line: 2 } });
    expect(brief(row!.problems)).toEqual([
      "contacts.csv:2 organization_id ref_missing",
      "contacts.csv:2 service_at_location_id ref_missing",
      "locations.csv:2 latitude latitude",
      "locations.csv:2 organization_id ref_missing",
      "schedules.csv:2 bymonthday bymonthday",
      "schedules.csv:2 byyearday integer",
    ]);
    expect(row!.problems.find((p) => p.where === "latitude")!.value).toBe("100");
  });

  it("needs no UUIDs: short ids of the spreadsheet's own, or the organisation's name in organization_id (issue 11)", () => {
    const files = [
      file("organizations.csv", "id,name,description\n1,Fontenehuset Demo,Et arbeidsfellesskap\n,Kafé Demo,Uten id\n"),
      file(
        "services.csv",
        "id,name,description,organization_id,status\nkafe,Kafékveld,Mat og prat,Kafé Demo,active\nkurs,Kurs i mestring,Et kurs,1,active\nsang,Korsang,Vi synger,fontenehuset demo,active\n",
      ),
      file("locations.csv", "id,name,organization_id\nhuset,Huset,1\n"),
      file("service_at_locations.csv", "id,service_id,location_id\n,kurs,huset\n"),
    ];
    const result = ok(parse(files, "centre-a"));
    expect(result.fileProblems).toEqual([]);
    expect(result.rows.flatMap((r) => r.problems)).toEqual([]);
    const [kafe, kurs, sang] = result.rows.map((r) => r.data!);
    expect(kafe!.organization.name).toBe("Kafé Demo");
    expect(kurs!.organization.name).toBe("Fontenehuset Demo");
    expect(sang!.organization.id).toBe(kurs!.organization.id);
    for (const data of [kafe, kurs, sang]) expect(data!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(kurs!.service_at_locations![0]!.location.name).toBe("Huset");
    // The same file again gives the same ids (an update, not a copy); another centre's are its own.
    expect(ok(parse(files, "centre-a")).rows.map((r) => r.data!.id)).toEqual([kafe!.id, kurs!.id, sang!.id]);
    expect(ok(parse(files, "centre-b")).rows[1]!.data!.id).not.toBe(kurs!.id);
    // A name that is not there is still a missing reference, said at its row.
    const missing = ok(parse([files[0]!, file("services.csv", "id,name,description,organization_id\nx,Noe,Tekst,Finnes ikke\n")]));
    expect(brief(missing.rows[0]!.problems)).toEqual(["services.csv:2 organization_id ref_missing"]);
  });

  it("builds the same services from CSV as from JSON: the seed and the full fixture", () => {
    for (const source of [seed, fixture] as unknown as Obj[][]) {
      const fromJson = ok(parse([json("x.json", source)])).rows;
      const fromCsv = ok(parse(csvFiles(toTabular(source)))).rows;
      expect(fromCsv.flatMap((r) => r.problems)).toEqual([]);
      expect(fromCsv.map((r) => r.data)).toEqual(fromJson.map((r) => r.data));
    }
  });

  it("reads Norwegian Excel files: BOM, semicolons, decimal commas, ja/nei, quoted line breaks, lost leading zeros", () => {
    const organizations = "\uFEFFid;name;organisasjonsnummer\r\nb1f0a9e2-0000-4000-8000-000000000001;Oslo-foreningen;123456785\r\n";
    const services =
      "\uFEFFid;organization_id;name;description;tilbudstype;malgruppe;gratis;ingen_henvisning\r\n" +
      ';b1f0a9e2-0000-4000-8000-000000000001;Kafé Fri;"Åpen kafé.\r\nAlle er velkomne; ta med en venn.";Treffsted;bruker, pårørende;ja;nei\r\n' +
      ';;;;;;;\r\n' +
      'b1f0a9e2-0000-4000-8000-0000000000aa;b1f0a9e2-0000-4000-8000-000000000001;Turgruppa;;arbeid-og-aktivitet;"bruker;ungdom";NEI;Ja\r\n';
    const locations = "id;name;kommunenummer;latitude;longitude\r\nb1f0a9e2-0000-4000-8000-000000000101;Grünerløkka;301;59,9226;10,7590\r\n";
    const sal = "service_id;location_id\r\nb1f0a9e2-0000-4000-8000-0000000000aa;b1f0a9e2-0000-4000-8000-000000000101\r\n";
    const files = [file("organizations.csv", organizations), file("services.csv", services), file("locations.csv", locations), file("service_at_locations.csv", sal)];
    const result = ok(parse(files, "kbt"));
    expect(result.rows.flatMap((r) => r.problems)).toEqual([]);
    const [kafe, tur] = result.rows;
    expect(kafe!.source).toEqual({ file: "services.csv", line: 2 });
    expect(tur!.source).toEqual({ file: "services.csv", line: 5 });
    expect(kafe!.data).toMatchObject({ name: "Kafé Fri", description: "Åpen kafé.\nAlle er velkomne; ta med en venn.", tilbudstype: "treffsted", malgruppe: ["bruker", "parorende"], gratis: true, ingen_henvisning: false });
    expect(kafe!.data!.id).toBe(uuidV5("kbt:services.csv:2"));
    expect(tur!.data).toMatchObject({ malgruppe: ["bruker", "ungdom"], gratis: false, ingen_henvisning: true });
    expect(tur!.data!.service_at_locations![0]!.location).toMatchObject({ kommunenummer: "0301", fylkesnummer: "03", latitude: 59.9226, longitude: 10.759 });
    // The same file again gives the same ids: a re-import updates instead of adding.
    expect(ok(parse(files, "kbt")).rows.map((r) => r.data!.id)).toEqual(result.rows.map((r) => r.data!.id));
  });

  it("reads our own CSV export back: the quote that neutralises a formula is taken away (app/lib/csv.ts)", () => {
    const org = "b1f0a9e2-0000-4000-8000-000000000001";
    const organizations = csvRows([["id", "name"], [org, "@Oslo-foreningen"]]);
    const services = csvRows([
      ["id", "organization_id", "name", "description", "tilbudstype", "malgruppe"],
      ["b1f0a9e2-0000-4000-8000-0000000000aa", org, "=1+1", "-5 kr for kaffe", "treffsted", "bruker"],
      ["b1f0a9e2-0000-4000-8000-0000000000ab", org, "'Sjå oss'", "+47 22 33 44 55", "treffsted", "bruker"],
    ]);
    expect(services).toContain(`"'=1+1","'-5 kr for kaffe"`);
    const result = ok(parse([file("organizations.csv", organizations), file("services.csv", services)]));
    expect(result.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(result.rows.map((r) => [r.data!.name, r.data!.description, r.organization])).toEqual([
      ["=1+1", "-5 kr for kaffe", "@Oslo-foreningen"],
      ["'Sjå oss'", "+47 22 33 44 55", "@Oslo-foreningen"],
    ]);
  });

  it("never lets an escaped NUL or a lone surrogate in JSON through to the database (issue 9, finding 6)", () => {
    const text = String.raw`[{"name":"Kaf\u0000é\ud800","organization":{"name":"Org\u0000"},"description":"a\u0000b","x\u0000":1}]`;
    const result = ok(parse([file("a.json", text)]));
    expect(result.rows[0]!.name).toBe("Kafé\uFFFD");
    expect(result.rows[0]!.data).toMatchObject({ name: "Kafé\uFFFD", description: "ab", organization: { name: "Org" } });
    expect(JSON.stringify(result)).not.toMatch(/\\u0000|\u0000|\\ud800/i);
  });

  it("reports problems in other files against every service that uses the row, and rows that belong nowhere", () => {
    const tables = toTabular(clone(seed) as unknown as Obj[]);
    const location = tables["locations.csv"]![0]!;
    location.kommunenummer = "9999";
    const users = tables["service_at_locations.csv"]!.filter((s) => s.location_id === location.id).map((s) => s.service_id);
    tables["service_at_locations.csv"]!.push({ id: "6a1d2d8e-0000-4000-8000-000000000001", service_id: "6a1d2d8e-0000-4000-8000-0000000000ff", location_id: location.id });
    tables["phones.csv"] = [{ id: "6a1d2d8e-0000-4000-8000-000000000002", number: "+47 22 00 00 00" }];
    tables["services.csv"]!.push({ ...tables["services.csv"]![1]!, name: "Kopi" });
    tables["services.csv"]!.push({ id: "6a1d2d8e-0000-4000-8000-000000000003", organization_id: "6a1d2d8e-0000-4000-8000-000000000004", name: "Uten organisasjon" });
    const result = ok(parse(csvFiles(tables)));
    const bad = result.rows.filter((r) => r.problems.length);
    const locationLine = 2;
    for (const id of users) {
      const row = result.rows.find((r) => r.data?.id === id || r.name === seed.find((s) => s.id === id)?.name)!;
      expect(brief(row.problems)).toContain(`locations.csv:${locationLine} kommunenummer kommunenummer`);
    }
    expect(brief(result.rows.find((r) => r.name === "Kopi")!.problems)).toContain(`services.csv:${seed.length + 2} id duplicate_id`);
    expect(brief(result.rows.find((r) => r.name === "Uten organisasjon")!.problems)).toEqual([`services.csv:${seed.length + 3} organization_id ref_missing`]);
    expect(bad).toHaveLength(users.length + 2);
    expect(brief(result.fileProblems)).toEqual([
      `phones.csv:2 contact_id, service_at_location_id, service_id, location_id, organization_id unlinked`,
      `service_at_locations.csv:${tables["service_at_locations.csv"]!.length + 1} service_id ref_missing`,
    ]);
  });

  it("marks rows with a wrong number of columns", () => {
    const tables = toTabular(clone(fixture) as unknown as Obj[]);
    const files = csvFiles(tables).map((f) => (f.name === "services.csv" ? file("services.csv", new TextDecoder().decode(f.bytes).trimEnd() + ",ekstra\n") : f));
    const [row] = ok(parse(files)).rows;
    expect(brief(row!.problems)).toEqual(["services.csv:2  columns"]);
  });
});

describe("files that cannot be read give one clear message", () => {
  const services = toCsv([{ id: "6a1d2d8e-0000-4000-8000-000000000001", organization_id: "6a1d2d8e-0000-4000-8000-000000000002", name: "Kafé" }]);
  const cases: [string, UploadedFile[], string, Record<string, unknown>?][] = [
    ["no file", [], "none"],
    ["an empty file", [file("services.csv", "")], "empty"],
    ["only a header", [file("services.csv", "id,name\n")], "empty"],
    ["an Excel workbook", [file("tilbud.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))], "excel", { file: "tilbud.xlsx" }],
    ["a PDF", [file("tilbud.pdf", "%PDF-1.7")], "type", { file: "tilbud.pdf" }],
    ["Latin-1 text (not UTF-8)", [file("services.csv", new Uint8Array([0x69, 0x64, 0x0a, 0x4b, 0x61, 0x66, 0xe9, 0x0a]))], "encoding", { file: "services.csv" }],
    ["binary with NUL bytes", [file("services.csv", new Uint8Array([0x69, 0x00, 0x64]))], "binary"],
    ["CSV without services.csv", [file("organizations.csv", "id,name\n")], "no_services"],
    ["CSV and JSON together", [file("services.csv", services), json("a.json", fixture)], "mixed"],
    ["a quote that is never closed", [file("services.csv", 'id,name\n1,"Kafé\n2,Tur\n')], "csv", { file: "services.csv", line: 2 }],
    ["broken JSON", [file("tilbud.json", '[\n  {"name": "Kafé",\n  "id": }\n]')], "json_line", { file: "tilbud.json", line: 3 }],
    ["a broken NDJSON line", [file("tilbud.ndjson", '{"name":"a"}\n{"name":\n')], "json_line", { file: "tilbud.ndjson", line: 2 }],
    ["JSON that is not services", [json("tall.json", 42)], "json_shape"],
    ["an empty JSON list", [json("tom.json", [])], "empty"],
  ];
  for (const [what, files, key, params] of cases) {
    it(what, () => {
      const error = failed(parse(files));
      expect(error.message).toBe(`offers.import.file.${key}`);
      if (params) expect(error.params).toMatchObject(params);
      for (const lang of languages) expect(translate(lang, error.message, error.params)).not.toMatch(/offers\.import|\{/);
    });
  }

  it("too big, and too many offers", () => {
    expect(failed(parse([file("stor.json", new Uint8Array(maxUploadBytes + 1))])).message).toBe("offers.import.file.too_big");
    const many = Array.from({ length: maxServices + 1 }, (_, i) => JSON.stringify({ name: `T${i}` })).join("\n");
    expect(failed(parse([file("mange.ndjson", many)]))).toEqual({ message: "offers.import.file.too_many", params: { count: maxServices + 1, max: maxServices } });
  });

  it("reads UTF-16 files with a byte order mark (Excel's «Unicode text»)", () => {
    const text = JSON.stringify(fixture);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(ok(parse([file("utf16.json", bytes)])).rows[0]!.problems).toEqual([]);
  });
});
