import { createHash } from "node:crypto";
import { parse as parseCsvText } from "csv-parse/sync";
import { restoreCell } from "~/lib/csv";
import { z } from "zod";
import type { HsdsService } from "./hsds-write.server";
import type { MessageKey, Params } from "~/i18n/i18n";
import { offerKinds, targetGroups } from "./offers";
import { findKommune, fylker } from "~/modules/centres/kommuner";
import { validateRrule, type RruleProblem } from "./schedule";
import { isValidOrgnr, normalizeOrgnr } from "./orgnr";

/**
 * Importing offers: HSDS 3.0 JSON (an array of services, an HSDS page with `contents`, one service, or
 * NDJSON — what our API and /tilbud/eksport produce) and HSDS tabular CSV (several files uploaded
 * together), with our Norwegian profile. Every service row is checked and gets a label, its source and a
 * list of problems (message keys, shown in the user's language). Pure: no database, no React Router.
 * A file that cannot be read at all gives one FileError instead.
 */

export const maxUploadBytes = 10_000_000;
export const maxServices = 10_000;

export type UploadedFile = { name: string; bytes: Uint8Array };
export type ProblemKey = Extract<MessageKey, `offers.import.problem.${string}`>;
export type FileErrorKey = Extract<MessageKey, `offers.import.file.${string}`>;
/** One problem: the field or column, the message key, the value (shortened) and, for CSV, the file and line. */
export type Problem = { where: string; message: ProblemKey; value?: string; file?: string; line?: number };
/** Where a service row came from: a CSV file and line, an NDJSON line, or a JSON item (1-based). */
export type RowSource = { file: string; line?: number; index?: number };
export type ImportRow = { source: RowSource; name: string; organization: string; problems: Problem[]; data?: HsdsService };
export type FileError = { message: FileErrorKey; params?: Params };
export type ImportFormat = "csv" | "json" | "ndjson";
export type ParsedImport = { format: ImportFormat; fileName: string; rows: ImportRow[]; fileProblems: Problem[]; ignoredFiles: string[] };
export type ParseResult = { ok: true; result: ParsedImport } | { ok: false; error: FileError };

const P = <K extends string>(key: K) => `offers.import.problem.${key}` as const;
const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/* ------------------------------------------------------------------------------------------------ */
/* Stable ids                                                                                        */
/* ------------------------------------------------------------------------------------------------ */

/** Our namespace for generated ids (RFC 4122 UUID v5). */
export const importNamespace = "3f8e6a52-4c1d-5b7e-9a21-6d0c4b8f2e17";

/** UUID v5 (SHA-1, RFC 4122) of a name in a namespace: the same name always gives the same id. */
export function uuidV5(name: string, namespace = importNamespace): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/* ------------------------------------------------------------------------------------------------ */
/* Field rules (Zod, messages are i18n keys)                                                         */
/* ------------------------------------------------------------------------------------------------ */

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const tidy = (v: unknown) => (isBlank(v) ? undefined : typeof v === "string" ? v.trim() : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(tidy, schema.optional());
const req = <T extends z.ZodType>(schema: T) => z.preprocess(tidy, schema);
const asText = (v: unknown) => (typeof v === "number" || typeof v === "boolean" ? String(v) : v);
const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);
const upper = (v: unknown) => (typeof v === "string" ? v.toUpperCase() : v);
const object = { error: P("object") };

const text = (max: number) =>
  z.preprocess(asText, z.string({ error: (issue) => (issue.input === undefined ? P("required") : P("text")) }).max(max, P("too_long")));

/** "12,5" (Norwegian Excel) and "12.5" are the same number; anything else is left for z.number to refuse. */
const toNumber = (v: unknown) => {
  if (typeof v !== "string") return v;
  const s = v.replace(/[\s\u00a0]/g, "").replace(",", ".");
  return s !== "" && Number.isFinite(Number(s)) ? Number(s) : v;
};
const number = (message: ProblemKey = P("number")) => z.preprocess(toNumber, z.number({ error: message }));
const integer = (min: number, max: number) =>
  z.preprocess(toNumber, z.number({ error: P("integer") }).int(P("integer")).min(min, P("integer")).max(max, P("integer")));

const truthy = new Set(["true", "ja", "yes", "1", "sann", "j", "y"]);
const falsy = new Set(["false", "nei", "no", "0", "usann", "n"]);
const boolean = () =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v;
    const word = v.toLowerCase();
    return truthy.has(word) ? true : falsy.has(word) ? false : v;
  }, z.boolean({ error: P("boolean") }));

/** ISO dates; "31.01.2026" (Norwegian Excel) is read as 2026-01-31, and a time after the date is dropped. */
const date = () =>
  z.preprocess((v) => {
    if (typeof v !== "string") return v;
    const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(v);
    if (norwegian) return `${norwegian[3]}-${norwegian[2]!.padStart(2, "0")}-${norwegian[1]!.padStart(2, "0")}`;
    return /^(\d{4}-\d{2}-\d{2})T/.exec(v)?.[1] ?? v;
  }, z.iso.date({ error: P("date") }));

const email = () => z.preprocess(lower, z.email({ error: P("email") }).max(254, P("too_long")));
const url = () =>
  z.preprocess(
    (v) => (typeof v === "string" && /^www\./i.test(v) ? `https://${v}` : v),
    z.url({ protocol: /^https?$/, error: P("url") }).max(300, P("too_long")),
  );
const id = req(z.string({ error: (issue) => (issue.input === undefined ? P("required") : P("uuid")) }).regex(uuidRe, P("uuid")));

/** Codes as people write them: "Kurs og opplæring" and "kurs-og-opplaering" are the same kind. */
const code = (v: string) =>
  v
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const asCode = (v: unknown) => (typeof v === "string" ? code(v) : v);

/** Excel drops leading zeros: "301" is Oslo's 0301. */
const padded = (width: number) => (v: unknown) => {
  const s = typeof v === "number" ? String(v) : v;
  return typeof s === "string" && /^\d+$/.test(s) && s.length < width ? s.padStart(width, "0") : s;
};
const kommunenummer = () =>
  z.preprocess(padded(4), z.string({ error: P("kommunenummer") }).refine((v) => Boolean(findKommune(v)), P("kommunenummer")));
const fylkesnummer = () =>
  z.preprocess(padded(2), z.string({ error: P("fylkesnummer") }).refine((v) => fylker.some((f) => f.fylkesnummer === v), P("fylkesnummer")));
const organisasjonsnummer = () =>
  z.preprocess(
    (v) => (typeof v === "number" ? String(v) : typeof v === "string" ? normalizeOrgnr(v) : v),
    z.string({ error: P("organisasjonsnummer") }).refine(isValidOrgnr, P("organisasjonsnummer")),
  );
const list = <T extends z.ZodType>(item: T) => opt(z.array(item, { error: P("list") }));
const weekday = z.preprocess(upper, z.enum(["MO", "TU", "WE", "TH", "FR", "SA", "SU"], { error: P("wkst") }));

const language = z.object(
  {
    id,
    name: opt(text(100)),
    code: opt(z.preprocess(lower, z.string({ error: P("language_code") }).regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, P("language_code")))),
    note: opt(text(500)),
  },
  object,
);

const phone = z.object(
  {
    id,
    number: req(z.preprocess(asText, z.string({ error: (i) => (i.input === undefined ? P("required") : P("phone")) }).max(50, P("too_long")).regex(/\d/, P("phone")))),
    extension: opt(integer(0, 99_999_999)),
    type: opt(text(50)),
    description: opt(text(2000)),
    languages: list(language),
  },
  object,
);

const contact = z.object(
  { id, name: opt(text(200)), title: opt(text(200)), department: opt(text(200)), email: opt(email()), phones: list(phone) },
  object,
);

/** The RRULE parts are checked again, together, by validateRrule (see rruleProblems). */
const schedule = z.object(
  {
    id,
    valid_from: opt(date()),
    valid_to: opt(date()),
    dtstart: opt(date()),
    timezone: opt(number().pipe(z.number().min(-12, P("number")).max(14, P("number")))),
    until: opt(date()),
    count: opt(integer(1, 100_000)),
    wkst: opt(weekday),
    freq: opt(z.preprocess(upper, text(10))),
    interval: opt(integer(1, 1000)),
    byday: opt(z.preprocess(upper, text(100))),
    byweekno: opt(text(100)),
    bymonthday: opt(integer(-31, 31)),
    byyearday: opt(integer(-366, 366)),
    description: opt(text(2000)),
    opens_at: opt(text(20)),
    closes_at: opt(text(20)),
    schedule_link: opt(url()),
    attending_type: opt(text(200)),
    notes: opt(text(2000)),
  },
  object,
);

const address = z.object(
  {
    id,
    attention: opt(text(200)),
    address_1: req(text(200)),
    address_2: opt(text(200)),
    city: req(text(100)),
    region: opt(text(100)),
    state_province: opt(text(100)),
    postal_code: req(z.preprocess(padded(4), text(20))),
    country: opt(z.preprocess(upper, z.string({ error: P("country") }).regex(/^[A-Z]{2}$/, P("country")))),
    address_type: opt(z.preprocess(lower, z.enum(["physical", "postal", "virtual"], { error: P("address_type") }))),
  },
  object,
);

const location = z
  .object(
    {
      id,
      name: opt(text(200)),
      alternate_name: opt(text(200)),
      description: opt(text(2000)),
      location_type: opt(z.preprocess(lower, z.enum(["physical", "postal", "virtual"], { error: P("location_type") }))),
      url: opt(url()),
      transportation: opt(text(2000)),
      latitude: opt(number().pipe(z.number().min(-90, P("latitude")).max(90, P("latitude")))),
      longitude: opt(number().pipe(z.number().min(-180, P("longitude")).max(180, P("longitude")))),
      kommunenummer: opt(kommunenummer()),
      fylkesnummer: opt(fylkesnummer()),
      addresses: list(address),
      phones: list(phone),
      contacts: list(contact),
      schedules: list(schedule),
      languages: list(language),
      accessibility: list(z.object({ id, description: opt(text(2000)), details: opt(text(2000)), url: opt(url()) }, object)),
    },
    { error: (issue) => (issue.input === undefined ? P("required") : P("object")) },
  )
  .transform((l) => ({ ...l, fylkesnummer: l.kommunenummer ? findKommune(l.kommunenummer)?.fylkesnummer : l.fylkesnummer }));

const organization = z.object(
  {
    id,
    name: req(text(200)),
    alternate_name: opt(text(200)),
    description: opt(text(5000)),
    website: opt(url()),
    email: opt(email()),
    organisasjonsnummer: opt(organisasjonsnummer()),
    organization_identifiers: list(
      z.object({ id, identifier_scheme: opt(text(50)), identifier_type: req(text(100)), identifier: req(text(100)) }, object),
    ),
    phones: list(phone),
    contacts: list(contact),
  },
  { error: (issue) => (issue.input === undefined ? P("organization_missing") : P("object")) },
);

const serviceArea = z
  .object(
    {
      id,
      name: opt(text(200)),
      description: opt(text(2000)),
      extent: opt(text(50_000)),
      extent_type: opt(text(50)),
      uri: opt(url()),
      kommunenummer: opt(kommunenummer()),
      fylkesnummer: opt(fylkesnummer()),
    },
    object,
  )
  .transform((a) => ({ ...a, fylkesnummer: a.kommunenummer ? findKommune(a.kommunenummer)?.fylkesnummer : a.fylkesnummer }));

const costOption = z.object(
  {
    id,
    valid_from: opt(date()),
    valid_to: opt(date()),
    option: opt(text(200)),
    currency: opt(z.preprocess(upper, z.string({ error: P("currency") }).regex(/^[A-Z]{3}$/, P("currency")))),
    amount: opt(number().pipe(z.number().min(0, P("number")).max(1e9, P("number")))),
    amount_description: opt(text(200)),
  },
  object,
);

/** One HSDS service with our Norwegian profile, as saveHsdsService writes it. Limits follow the edit form. */
export const serviceSchema = z.object(
  {
    id,
    name: req(text(200)),
    alternate_name: opt(text(200)),
    description: opt(text(5000)),
    url: opt(url()),
    email: opt(email()),
    status: opt(z.preprocess(lower, z.enum(["active", "inactive", "defunct", "temporarily closed"], { error: P("status") }))),
    application_process: opt(text(2000)),
    eligibility_description: opt(text(2000)),
    fees_description: opt(text(500)),
    assured_date: opt(date()),
    organization,
    service_at_locations: list(
      z.object({ id, description: opt(text(2000)), location, phones: list(phone), contacts: list(contact), schedules: list(schedule) }, object),
    ),
    phones: list(phone),
    contacts: list(contact),
    schedules: list(schedule),
    languages: list(language),
    service_areas: list(serviceArea),
    cost_options: list(costOption),
    tilbudstype: opt(z.preprocess(asCode, z.enum(offerKinds, { error: P("tilbudstype") }))),
    malgruppe: opt(
      z
        .preprocess(
          (v) => (typeof v === "string" ? v.split(/[;,]/).map((s) => s.trim()).filter(Boolean) : v),
          z.array(z.preprocess(asCode, z.enum(targetGroups, { error: P("malgruppe") })), { error: P("malgruppe") }),
        )
        .transform((groups) => [...new Set(groups)]),
    ),
    ingen_henvisning: opt(boolean()),
    gratis: opt(boolean()),
    kilde: opt(text(200)),
  },
  object,
);

// The checked service is exactly what the writer takes.
const _writable: (s: z.output<typeof serviceSchema>) => HsdsService = (s) => s;
void _writable;

/* ------------------------------------------------------------------------------------------------ */
/* The shape of a nested service: which keys hold which kind of HSDS object                          */
/* ------------------------------------------------------------------------------------------------ */

type Kind =
  | "service"
  | "organization"
  | "organization_identifier"
  | "service_at_location"
  | "location"
  | "address"
  | "phone"
  | "contact"
  | "schedule"
  | "language"
  | "accessibility"
  | "service_area"
  | "cost_option";

const childKinds: Partial<Record<Kind, Record<string, Kind>>> = {
  service: {
    organization: "organization",
    service_at_locations: "service_at_location",
    phones: "phone",
    contacts: "contact",
    schedules: "schedule",
    languages: "language",
    service_areas: "service_area",
    cost_options: "cost_option",
  },
  organization: { organization_identifiers: "organization_identifier", phones: "phone", contacts: "contact" },
  service_at_location: { location: "location", phones: "phone", contacts: "contact", schedules: "schedule" },
  location: { addresses: "address", phones: "phone", contacts: "contact", schedules: "schedule", languages: "language", accessibility: "accessibility" },
  contact: { phones: "phone" },
  phone: { languages: "language" },
};

type Obj = Record<string, unknown>;
type Path = (string | number)[];
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Visit every HSDS object of a nested service, parents before children. */
function eachEntity(node: unknown, kind: Kind, path: Path, visit: (node: Obj, kind: Kind, path: Path) => void) {
  if (!isObj(node)) return;
  visit(node, kind, path);
  for (const [key, childKind] of Object.entries(childKinds[kind] ?? {})) {
    const value = node[key];
    if (Array.isArray(value)) value.forEach((item, i) => eachEntity(item, childKind, [...path, key, i], visit));
    else eachEntity(value, childKind, [...path, key], visit);
  }
}

function formatPath(path: Path) {
  return path.reduce<string>((s, part) => (typeof part === "number" ? `${s}[${part}]` : s ? `${s}.${part}` : part), "");
}

const shorten = (v: unknown): string | undefined => {
  if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") return undefined;
  const s = String(v).replace(/\s+/g, " ").trim();
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
};

/**
 * Strings the database can store: no NUL characters, no lone surrogates. HSDS nests a few levels deep;
 * anything deeper than maxDepth is dropped (and then fails validation), so a hostile file of deeply
 * nested arrays cannot exhaust the stack here or in `canonical`.
 */
const maxDepth = 32;
function sanitize(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(/\u0000/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  if (depth >= maxDepth && (Array.isArray(value) || isObj(value))) return null;
  if (Array.isArray(value)) return value.map((v) => sanitize(v, depth + 1));
  if (isObj(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitize(v, depth + 1)]));
  return value;
}

/** Key order does not matter when comparing two copies of the same object. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObj(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined && value[k] !== null)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Ids in lower case (compared and stored alike); the organisasjonsnummer taken from the identifiers when only they carry it. */
function normalizeIds(service: Obj) {
  eachEntity(service, "service", [], (node, kind) => {
    for (const key of Object.keys(node)) {
      const v = node[key];
      if ((key === "id" || key.endsWith("_id")) && typeof v === "string") node[key] = v.trim().toLowerCase();
    }
    if (kind === "organization" && isBlank(node.organisasjonsnummer) && Array.isArray(node.organization_identifiers)) {
      const orgnr = node.organization_identifiers.find(
        (i) => isObj(i) && (String(i.identifier_type ?? "").toLowerCase() === "organisasjonsnummer" || String(i.identifier_scheme ?? "").toUpperCase() === "NO-BRC"),
      );
      if (isObj(orgnr) && !isBlank(orgnr.identifier)) node.organisasjonsnummer = String(orgnr.identifier);
    }
  });
}

/* ------------------------------------------------------------------------------------------------ */
/* Checking one service                                                                              */
/* ------------------------------------------------------------------------------------------------ */

type CsvSource = { file: string; line: number };

const rruleMessages: Record<RruleProblem, ProblemKey> = {
  freq: P("freq"),
  interval: P("positive_integer"),
  count: P("positive_integer"),
  byday: P("byday"),
  bymonthday: P("bymonthday"),
  opens_at: P("time"),
  closes_at: P("closes_at"),
  dtstart: P("date"),
  until: P("date"),
  valid_from: P("date"),
  valid_to: P("date"),
};

/**
 * Where a problem is: for JSON the path inside the service ("service_at_locations[0].location.kommunenummer");
 * for CSV the column and the file and line of the row the object came from.
 */
function locate(root: Obj, path: Path, sources: WeakMap<object, CsvSource> | undefined): Pick<Problem, "where" | "value" | "file" | "line"> {
  let node: unknown = root;
  let source = sources?.get(root);
  let rest = path;
  for (let i = 0; i < path.length; i++) {
    // A CSV cell holds a list as text ("bruker;ungdom"): the problem is in that cell.
    if (!isObj(node) && !Array.isArray(node)) break;
    node = (node as Record<string | number, unknown>)[path[i]!];
    if (sources && isObj(node) && sources.has(node)) {
      source = sources.get(node);
      rest = path.slice(i + 1);
    }
  }
  if (sources && source) return { where: String(rest.find((p) => typeof p === "string") ?? "id"), value: shorten(node), file: source.file, line: source.line };
  return { where: formatPath(path) || "id", value: shorten(node) };
}

function isProblemKey(message: string): message is ProblemKey {
  return message.startsWith("offers.import.problem.");
}

/** Check one nested service: Zod for every field, validateRrule for every schedule. */
function checkService(raw: Obj, sources: WeakMap<object, CsvSource> | undefined, extra: Problem[]): { problems: Problem[]; data?: HsdsService } {
  const problems: Problem[] = [];
  eachEntity(raw, "service", [], (node, kind, path) => {
    if (kind !== "schedule") return;
    for (const field of validateRrule(node as Parameters<typeof validateRrule>[0])) {
      problems.push({ ...locate(raw, [...path, field], sources), message: rruleMessages[field] });
    }
  });
  const result = serviceSchema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const last = path.at(-1);
      // In CSV a missing organization or location is already a reference that points nowhere.
      if (sources && (last === "organization" || last === "location")) continue;
      problems.push({ ...locate(raw, path, sources), message: isProblemKey(issue.message) ? issue.message : P("invalid") });
    }
  }
  problems.push(...extra);
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.file ?? ""}:${p.line ?? ""}:${p.where}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { problems: unique, data: result.success && unique.length === 0 ? result.data : undefined };
}

const label = (v: unknown) => (typeof v === "string" ? v.trim().slice(0, 200) : typeof v === "number" ? String(v) : "");

/* ------------------------------------------------------------------------------------------------ */
/* Reading the files                                                                                 */
/* ------------------------------------------------------------------------------------------------ */

function decode(file: UploadedFile): { ok: true; text: string } | { ok: false; error: FileError } {
  const b = file.bytes;
  const params = { file: file.name };
  if ((b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) || (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0)) {
    return { ok: false, error: { message: "offers.import.file.excel", params } };
  }
  let text: string;
  try {
    if (b[0] === 0xff && b[1] === 0xfe) text = new TextDecoder("utf-16le", { fatal: true }).decode(b);
    else if (b[0] === 0xfe && b[1] === 0xff) text = new TextDecoder("utf-16be", { fatal: true }).decode(b);
    else text = new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return { ok: false, error: { message: "offers.import.file.encoding", params } };
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.includes("\u0000")) return { ok: false, error: { message: "offers.import.file.binary", params } };
  return { ok: true, text };
}

function kindOf(file: UploadedFile, text: string): "csv" | "json" | "ndjson" | "other" {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) return "ndjson";
  if (name.endsWith(".json")) return "json";
  if (/\.[a-z0-9]{1,5}$/.test(name) && !name.endsWith(".txt")) return "other";
  return /^\s*[[{]/.test(text) ? "json" : "csv";
}

/**
 * Check uploaded files. `namespace` (the centre, or "network") goes into the ids generated for rows and
 * objects without one, so importing the same file again for the same centre updates the same offers.
 */
export function parseImport(files: UploadedFile[], options: { namespace: string }): ParseResult {
  const chosen = files.filter((f) => f.name || f.bytes.length);
  if (chosen.length === 0) return { ok: false, error: { message: "offers.import.file.none" } };
  const total = chosen.reduce((sum, f) => sum + f.bytes.length, 0);
  if (total > maxUploadBytes) return { ok: false, error: { message: "offers.import.file.too_big", params: { max: maxUploadBytes / 1_000_000 } } };
  const texts: { file: UploadedFile; text: string; kind: "csv" | "json" | "ndjson" }[] = [];
  for (const file of chosen) {
    const decoded = decode(file);
    if (!decoded.ok) return decoded;
    const kind = kindOf(file, decoded.text);
    if (kind === "other") return { ok: false, error: { message: "offers.import.file.type", params: { file: file.name } } };
    texts.push({ file, text: decoded.text, kind });
  }
  const csv = texts.filter((t) => t.kind === "csv");
  if (csv.length && csv.length !== texts.length) return { ok: false, error: { message: "offers.import.file.mixed" } };
  const result = csv.length ? readCsv(csv, options.namespace) : readJson(texts, options.namespace);
  if (!result.ok) return result;
  if (result.result.rows.length === 0) return { ok: false, error: { message: "offers.import.file.empty" } };
  if (result.result.rows.length > maxServices) {
    return { ok: false, error: { message: "offers.import.file.too_many", params: { count: result.result.rows.length, max: maxServices } } };
  }
  return result;
}

/* ------------------------------------------------------------------------------------------------ */
/* HSDS JSON and NDJSON                                                                              */
/* ------------------------------------------------------------------------------------------------ */

/** Where JSON.parse stopped, as well as V8 says it: a position, or a short excerpt around the bad token. */
function jsonErrorPosition(text: string, message: string): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.trimEnd().length;
  const excerpt = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!excerpt) return undefined;
  const at = text.indexOf(excerpt[2]!);
  return at === -1 ? undefined : at + Math.max(0, excerpt[2]!.indexOf(excerpt[1]!));
}

function jsonError(file: string, text: string, error: unknown, lineOffset = 0): FileError {
  const position = jsonErrorPosition(text, error instanceof Error ? error.message : "");
  if (position !== undefined) {
    const line = text.slice(0, position).split("\n").length + lineOffset;
    return { message: "offers.import.file.json_line", params: { file, line } };
  }
  return lineOffset ? { message: "offers.import.file.json_line", params: { file, line: lineOffset + 1 } } : { message: "offers.import.file.json", params: { file } };
}

function readJson(texts: { file: UploadedFile; text: string; kind: "csv" | "json" | "ndjson" }[], namespace: string): ParseResult {
  const items: { value: unknown; source: RowSource }[] = [];
  let format: ImportFormat = "json";
  for (const { file, text, kind } of texts) {
    let whole: unknown;
    let parsed = false;
    if (kind === "json") {
      try {
        whole = JSON.parse(text);
        parsed = true;
      } catch (error) {
        // NDJSON saved as .json: one object per line.
        const lines = text.split("\n").filter((l) => l.trim());
        if (lines.length < 2 || !lines.every((l) => l.trim().startsWith("{"))) return { ok: false, error: jsonError(file.name, text, error) };
      }
    }
    if (parsed) {
      const list = Array.isArray(whole) ? whole : isObj(whole) && Array.isArray(whole.contents) ? whole.contents : isObj(whole) && ("name" in whole || "organization" in whole) ? [whole] : undefined;
      if (!list) return { ok: false, error: { message: "offers.import.file.json_shape", params: { file: file.name } } };
      list.forEach((value, i) => items.push({ value, source: { file: file.name, index: i + 1 } }));
      continue;
    }
    format = "ndjson";
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        items.push({ value: JSON.parse(line), source: { file: file.name, line: i + 1 } });
      } catch (error) {
        return { ok: false, error: jsonError(file.name, line, error, i) };
      }
    }
  }
  if (items.length > maxServices) return { ok: false, error: { message: "offers.import.file.too_many", params: { count: items.length, max: maxServices } } };

  const seen = new Map<string, { canon: string; row: number }>();
  const rows = items.map(({ value, source }, rowIndex): ImportRow => {
    if (!isObj(value)) return { source, name: "", organization: "", problems: [{ where: "", message: P("object"), value: shorten(value) }] };
    const raw = sanitize(value) as Obj;
    normalizeIds(raw);
    const origin = `${namespace}:${source.file}:${source.index ?? source.line}`;
    eachEntity(raw, "service", [], (node, _kind, path) => {
      if (isBlank(node.id)) node.id = uuidV5(`${origin}:${formatPath(path)}`);
    });
    const extra: Problem[] = [];
    eachEntity(raw, "service", [], (node, kind, path) => {
      if (typeof node.id !== "string" || !uuidRe.test(node.id)) return;
      const key = `${kind}:${node.id}`;
      const canon = kind === "service" ? "" : canonical(node);
      const before = seen.get(key);
      if (!before) seen.set(key, { canon, row: rowIndex });
      else if (kind === "service") extra.push({ where: formatPath([...path, "id"]) || "id", message: P("duplicate_id"), value: node.id });
      else if (before.canon !== canon) extra.push({ where: formatPath([...path, "id"]), message: P("conflicting_id"), value: node.id });
    });
    const organization = isObj(raw.organization) ? raw.organization : undefined;
    if (organization && typeof raw.organization_id === "string" && raw.organization_id && raw.organization_id !== organization.id) {
      extra.push({ where: "organization_id", message: P("organization_mismatch"), value: raw.organization_id });
    }
    const checked = checkService(raw, undefined, extra);
    return { source, name: label(raw.name), organization: label(organization?.name), ...checked };
  });
  return { ok: true, result: { format, fileName: fileNames(texts.map((t) => t.file.name)), rows, fileProblems: [], ignoredFiles: [] } };
}

function fileNames(names: string[]) {
  const all = names.join(", ");
  return all.length > 300 ? `${all.slice(0, 299)}…` : all;
}

/* ------------------------------------------------------------------------------------------------ */
/* HSDS tabular CSV                                                                                  */
/* ------------------------------------------------------------------------------------------------ */

type Table =
  | "organizations"
  | "services"
  | "locations"
  | "service_at_locations"
  | "addresses"
  | "phones"
  | "schedules"
  | "contacts"
  | "languages"
  | "accessibility"
  | "service_areas"
  | "cost_options"
  | "organization_identifiers";

/** The CSV files we read, by every name HSDS and people give them (examples/tabular.json says service_at_location.csv). */
export const csvFiles: Record<string, Table> = {
  "organizations.csv": "organizations",
  "organization.csv": "organizations",
  "services.csv": "services",
  "service.csv": "services",
  "locations.csv": "locations",
  "location.csv": "locations",
  "service_at_locations.csv": "service_at_locations",
  "service_at_location.csv": "service_at_locations",
  "addresses.csv": "addresses",
  "address.csv": "addresses",
  "phones.csv": "phones",
  "phone.csv": "phones",
  "schedules.csv": "schedules",
  "schedule.csv": "schedules",
  "contacts.csv": "contacts",
  "contact.csv": "contacts",
  "languages.csv": "languages",
  "language.csv": "languages",
  "accessibility.csv": "accessibility",
  "accessibilities.csv": "accessibility",
  "accessibility_for_disabilities.csv": "accessibility",
  "service_areas.csv": "service_areas",
  "service_area.csv": "service_areas",
  "cost_options.csv": "cost_options",
  "cost_option.csv": "cost_options",
  "organization_identifiers.csv": "organization_identifiers",
  "organization_identifier.csv": "organization_identifiers",
};

/**
 * The columns of each file that point at rows of another file, in order of preference: a row hangs off
 * the first parent that exists (a phone with both contact_id and service_id belongs to the contact).
 */
const parentColumns: Partial<Record<Table, [string, Table][]>> = {
  service_at_locations: [["service_id", "services"]],
  phones: [
    ["contact_id", "contacts"],
    ["service_at_location_id", "service_at_locations"],
    ["service_id", "services"],
    ["location_id", "locations"],
    ["organization_id", "organizations"],
  ],
  contacts: [
    ["service_at_location_id", "service_at_locations"],
    ["service_id", "services"],
    ["location_id", "locations"],
    ["organization_id", "organizations"],
  ],
  schedules: [
    ["service_at_location_id", "service_at_locations"],
    ["service_id", "services"],
    ["location_id", "locations"],
  ],
  languages: [
    ["phone_id", "phones"],
    ["service_id", "services"],
    ["location_id", "locations"],
  ],
  addresses: [["location_id", "locations"]],
  accessibility: [["location_id", "locations"]],
  service_areas: [["service_id", "services"]],
  cost_options: [["service_id", "services"]],
  organization_identifiers: [["organization_id", "organizations"]],
};
/** References that are not parents: checked, and followed to build the service. */
const otherRefs: Partial<Record<Table, [string, Table, boolean][]>> = {
  services: [["organization_id", "organizations", true]],
  locations: [["organization_id", "organizations", false]],
  service_at_locations: [["location_id", "locations", true]],
};

type CsvRow = { table: Table; file: string; line: number; values: Record<string, string>; id: string; problems: Problem[] };

function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ",";
}

/**
 * A CSV row's id as stored: a UUID as given; any other text ("1", "kbt-kafe") is a spreadsheet's own id, made
 * into a stable UUID v5 from the centre, the table and that text, so the same file imported again updates the
 * same records and its *_id columns can use the same short ids.
 */
function csvId(namespace: string, table: Table, given: string) {
  const id = given.trim().toLowerCase();
  return uuidRe.test(id) ? id : uuidV5(`${namespace}:${table}:${id}`);
}

function readCsvFile(name: string, table: Table, rawText: string, namespace: string): { ok: true; rows: CsvRow[] } | { ok: false; error: FileError } {
  const text = rawText.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n")));
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  let lastGoodLine = 0;
  try {
    records = parseCsvText(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (record, context) => {
        lastGoodLine = context.lines;
        return record;
      },
    }) as unknown as typeof records;
  } catch {
    // The broken record (an unclosed quote, say) starts after the last one that was read.
    return { ok: false, error: { message: "offers.import.file.csv", params: { file: name, line: lastGoodLine + 1 } } };
  }
  const [header, ...body] = records;
  if (!header) return { ok: true, rows: [] };
  const columns = header.record.map((c) => c.replace(/^\uFEFF/, "").trim().toLowerCase());
  const rows: CsvRow[] = [];
  for (const { record, raw, info } of body) {
    if (record.every((v) => !v.trim())) continue; // Excel's ";;;;" lines
    const line = info.lines - Math.max(0, (raw.replace(/^\n+/, "").match(/\n/g)?.length ?? 0) - (raw.endsWith("\n") ? 1 : 0));
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      // Our own export writes '=…, '+…, '-… and '@… so spreadsheets do not run them (app/lib/csv.ts): read them back as written.
      if (column) values[column] = restoreCell(record[i] ?? "");
    });
    const problems: Problem[] = [];
    const extra = record.slice(columns.length);
    if (record.length < columns.length || extra.some((v) => v.trim())) {
      problems.push({ where: "", message: P("columns"), value: String(record.length), file: name, line });
    }
    const given = (values.id ?? "").trim();
    rows.push({ table, file: name, line, values, id: given ? csvId(namespace, table, given) : uuidV5(`${namespace}:${name}:${line}`), problems });
  }
  return { ok: true, rows };
}

function readCsv(texts: { file: UploadedFile; text: string }[], namespace: string): ParseResult {
  const tables = new Map<Table, CsvRow[]>();
  const ignoredFiles: string[] = [];
  for (const { file, text } of texts) {
    const base = file.name.split(/[\\/]/).pop()!.toLowerCase();
    const table = csvFiles[base];
    if (!table) {
      ignoredFiles.push(file.name);
      continue;
    }
    const read = readCsvFile(file.name, table, text, namespace);
    if (!read.ok) return read;
    tables.set(table, [...(tables.get(table) ?? []), ...read.rows]);
  }
  const serviceRows = tables.get("services");
  if (!serviceRows) return { ok: false, error: { message: "offers.import.file.no_services" } };
  if (serviceRows.length > maxServices) return { ok: false, error: { message: "offers.import.file.too_many", params: { count: serviceRows.length, max: maxServices } } };
  const fileName = fileNames(texts.filter((t) => !ignoredFiles.includes(t.file.name)).map((t) => t.file.name));

  // Every row by id (the first one is used; later ones are duplicates).
  const byId = new Map<Table, Map<string, CsvRow[]>>();
  for (const [table, rows] of tables) {
    const index = new Map<string, CsvRow[]>();
    for (const row of rows) {
      const same = index.get(row.id);
      if (same) {
        row.problems.push({ where: "id", message: P("duplicate_id"), value: row.id, file: row.file, line: row.line });
        same.push(row);
      } else index.set(row.id, [row]);
    }
    byId.set(table, index);
  }
  // An organisation may also be named by its name in organization_id (one organisation per name; a name that
  // two rows share is left to their ids).
  const orgNames = new Map<string, CsvRow[] | null>();
  for (const row of tables.get("organizations") ?? []) {
    const name = (row.values.name ?? "").trim().toLowerCase();
    if (name) orgNames.set(name, orgNames.has(name) ? null : [row]);
  }
  const find = (table: Table, ref: string) =>
    byId.get(table)?.get(csvId(namespace, table, ref)) ?? (table === "organizations" ? (orgNames.get(ref.trim().toLowerCase()) ?? undefined) : undefined);
  const fileProblems: Problem[] = [];

  const checkRef = (row: CsvRow, column: string, target: Table, required = false) => {
    const value = (row.values[column] ?? "").trim();
    if (!value) {
      if (required) row.problems.push({ where: column, message: P("required"), file: row.file, line: row.line });
      return undefined;
    }
    const found = find(target, value);
    if (!found) row.problems.push({ where: column, message: P("ref_missing"), value: shorten(value), file: row.file, line: row.line });
    return found?.[0];
  };

  // Hang every row off its parent.
  const children = new Map<string, CsvRow[]>();
  for (const [table, rows] of tables) {
    for (const row of rows) for (const [column, target, required] of otherRefs[table] ?? []) checkRef(row, column, target, required);
    const parents = parentColumns[table];
    if (!parents) continue;
    for (const row of rows) {
      let parent: CsvRow | undefined;
      for (const [column, target] of parents) {
        const found = checkRef(row, column, target);
        parent ??= found;
      }
      if (parent) {
        const key = `${parent.table}:${parent.id}:${table}`;
        children.set(key, [...(children.get(key) ?? []), row]);
      } else if (row.problems.length) {
        fileProblems.push(...row.problems);
      } else {
        fileProblems.push({ where: parents.map(([c]) => c).join(", "), message: P("unlinked"), file: row.file, line: row.line });
      }
    }
  }

  // Build each service as nested HSDS, remembering which CSV row every object came from.
  const sources = new WeakMap<object, CsvSource>();
  const rowOf = new WeakMap<object, CsvRow[]>();
  const built = new Map<CsvRow, Obj>();
  const childKeys: Partial<Record<Table, [string, Table][]>> = {
    organizations: [
      ["organization_identifiers", "organization_identifiers"],
      ["phones", "phones"],
      ["contacts", "contacts"],
    ],
    services: [
      ["service_at_locations", "service_at_locations"],
      ["phones", "phones"],
      ["contacts", "contacts"],
      ["schedules", "schedules"],
      ["languages", "languages"],
      ["service_areas", "service_areas"],
      ["cost_options", "cost_options"],
    ],
    service_at_locations: [
      ["phones", "phones"],
      ["contacts", "contacts"],
      ["schedules", "schedules"],
    ],
    locations: [
      ["addresses", "addresses"],
      ["phones", "phones"],
      ["contacts", "contacts"],
      ["schedules", "schedules"],
      ["languages", "languages"],
      ["accessibility", "accessibility"],
    ],
    contacts: [["phones", "phones"]],
    phones: [["languages", "languages"]],
  };
  const build = (row: CsvRow, same: CsvRow[] = [row]): Obj => {
    const done = built.get(row);
    if (done) return done;
    const node: Obj = { ...sanitizeRecord(row.values), id: row.id };
    // References as the ids they resolved to (a short id or an organisation's name becomes that row's UUID).
    for (const [column, target] of [...(parentColumns[row.table] ?? []), ...(otherRefs[row.table] ?? [])]) {
      const found = row.values[column]?.trim() ? find(target, row.values[column]!) : undefined;
      if (found) node[column] = found[0]!.id;
    }
    built.set(row, node);
    sources.set(node, { file: row.file, line: row.line });
    rowOf.set(node, same);
    for (const [key, table] of childKeys[row.table] ?? []) {
      const list = children.get(`${row.table}:${row.id}:${table}`) ?? [];
      if (list.length) node[key] = list.map((child) => build(child));
    }
    if (row.table === "service_at_locations") {
      const locations = find("locations", row.values.location_id ?? "");
      if (locations) node.location = build(locations[0]!, locations);
    }
    if (row.table === "services") {
      const organizations = find("organizations", row.values.organization_id ?? "");
      if (organizations) node.organization = build(organizations[0]!, organizations);
    }
    return node;
  };

  const rows = serviceRows.map((serviceRow): ImportRow => {
    const raw = build(serviceRow);
    normalizeIds(raw);
    const extra: Problem[] = [];
    eachEntity(raw, "service", [], (node) => {
      for (const row of rowOf.get(node) ?? []) extra.push(...row.problems);
    });
    const organization = isObj(raw.organization) ? raw.organization : undefined;
    return { source: { file: serviceRow.file, line: serviceRow.line }, name: label(raw.name), organization: label(organization?.name), ...checkService(raw, sources, extra) };
  });
  return { ok: true, result: { format: "csv", fileName, rows, fileProblems, ignoredFiles } };
}

function sanitizeRecord(values: Record<string, string>): Obj {
  return sanitize(values) as Obj;
}
