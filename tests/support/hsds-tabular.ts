import { stringify } from "csv-stringify/sync";

/**
 * Test helper: HSDS services (nested JSON) as the HSDS tabular CSV files, one row per object with the
 * *_id columns pointing at its parent — the way a spreadsheet user would write them. Profile columns
 * (tilbudstype, malgruppe, …) go in as our profile describes: malgruppe separated by ";".
 */
type Obj = Record<string, unknown>;
type Tables = Record<string, Obj[]>;

const scalar = (v: unknown) => v === null || v === undefined || typeof v !== "object";

function own(o: Obj, parent: Obj) {
  const row: Obj = { ...parent };
  for (const [k, v] of Object.entries(o)) if (scalar(v)) row[k] = v;
  return row;
}

export function toTabular(services: Obj[]): Tables {
  const t: Tables = {};
  const seen = new Set<string>();
  const add = (file: string, row: Obj) => {
    const key = `${file}:${String(row.id)}`;
    if (seen.has(key)) return;
    seen.add(key);
    (t[file] ??= []).push(row);
  };
  const list = (v: unknown) => (Array.isArray(v) ? (v as Obj[]) : []);
  const languages = (o: Obj, parent: Obj) => list(o.languages).forEach((l) => add("languages.csv", own(l, parent)));
  const phones = (o: Obj, parent: Obj) =>
    list(o.phones).forEach((p) => {
      add("phones.csv", own(p, parent));
      languages(p, { phone_id: p.id });
    });
  const contacts = (o: Obj, parent: Obj) =>
    list(o.contacts).forEach((c) => {
      add("contacts.csv", own(c, parent));
      phones(c, { contact_id: c.id });
    });
  const schedules = (o: Obj, parent: Obj) => list(o.schedules).forEach((s) => add("schedules.csv", own(s, parent)));
  for (const s of services) {
    const org = s.organization as Obj;
    add("organizations.csv", own(org, {}));
    list(org.organization_identifiers).forEach((i) => add("organization_identifiers.csv", own(i, { organization_id: org.id })));
    phones(org, { organization_id: org.id });
    contacts(org, { organization_id: org.id });
    const service = own(s, { organization_id: org.id });
    if (Array.isArray(s.malgruppe)) service.malgruppe = s.malgruppe.join(";");
    add("services.csv", service);
    for (const sal of list(s.service_at_locations)) {
      const location = sal.location as Obj;
      add("locations.csv", own(location, { organization_id: org.id }));
      list(location.addresses).forEach((a) => add("addresses.csv", own(a, { location_id: location.id })));
      list(location.accessibility).forEach((a) => add("accessibility.csv", own(a, { location_id: location.id })));
      phones(location, { location_id: location.id });
      contacts(location, { location_id: location.id });
      schedules(location, { location_id: location.id });
      languages(location, { location_id: location.id });
      add("service_at_locations.csv", own(sal, { service_id: s.id, location_id: location.id }));
      phones(sal, { service_at_location_id: sal.id });
      contacts(sal, { service_at_location_id: sal.id });
      schedules(sal, { service_at_location_id: sal.id });
    }
    phones(s, { service_id: s.id });
    contacts(s, { service_id: s.id });
    schedules(s, { service_id: s.id });
    languages(s, { service_id: s.id });
    list(s.service_areas).forEach((a) => add("service_areas.csv", own(a, { service_id: s.id })));
    list(s.cost_options).forEach((c) => add("cost_options.csv", own(c, { service_id: s.id })));
  }
  return t;
}

/** Tables as CSV text: a header with every column used, then one line per row. */
export function toCsv(rows: Obj[], delimiter = ","): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return stringify([columns, ...rows.map((r) => columns.map((c) => (r[c] === undefined || r[c] === null ? "" : String(r[c]))))], { delimiter });
}

/** Every table as an uploaded file. */
export function csvFiles(tables: Tables, delimiter = ","): { name: string; bytes: Uint8Array }[] {
  return Object.entries(tables).map(([name, rows]) => ({ name, bytes: new TextEncoder().encode(toCsv(rows, delimiter)) }));
}
