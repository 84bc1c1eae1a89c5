import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { baseUrl } from "./browser";
import { hsdsDir, hsdsValidator } from "../support/hsds";

/** HSDS 3.0 conformance of every endpoint: responses validate against the HSDS schemas, paging, AND of filters, 4xx on bad input. */

const api = (p: string) => fetch(`${baseUrl()}/api/hsds${p}`);
const getJson = async (p: string) => {
  const res = await api(p);
  expect(res.status, p).toBe(200);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  return res.json();
};

const pageSchema = (() => {
  const openapi = JSON.parse(fs.readFileSync(path.join(hsdsDir, "openapi.json"), "utf8"));
  const ajv = new Ajv2020({ strict: false });
  const schema = structuredClone(openapi.components.schemas.Page);
  schema.required = ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"];
  schema.properties.contents = { type: "array" };
  return ajv.compile(schema);
})();

function expectValid(validate: ReturnType<typeof hsdsValidator>, items: unknown[], label: string) {
  const failures = items.filter((item) => !validate(item)).map(() => JSON.stringify(validate.errors?.slice(0, 2)));
  expect(failures, label).toEqual([]);
}

const validators = {
  service: hsdsValidator("service.json"),
  serviceList: hsdsValidator("service_list.json"),
  organization: hsdsValidator("organization.json"),
  organizationList: hsdsValidator("organization_list.json"),
  sal: hsdsValidator("service_at_location.json"),
  salList: hsdsValidator("service_at_location_list.json"),
};

/** Validator for a top-level HSDS object schema; the other top-level schemas resolve its $refs. */
function looseValidator(file: string) {
  const ajv = new Ajv2020({ strict: false });
  for (const other of fs.readdirSync(hsdsDir).filter((f) => f.endsWith(".json") && f !== "openapi.json" && f !== file)) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(hsdsDir, other), "utf8")), other);
  }
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(hsdsDir, file), "utf8")));
}

describe("HSDS API", () => {
  it("GET / names the version, our profile and the OpenAPI description, all reachable", async () => {
    const root = await getJson("");
    expect(root.version).toBe("3.0");
    expect(root.profile).toMatch(/\/api\/hsds\/profile$/);
    const profile = await (await fetch(root.profile.replace(/^https?:\/\/[^/]+/, baseUrl()))).json();
    expect(Object.keys(profile.modifications)).toContain("service.json");
    const openapi = await (await fetch(root.openapi_url.replace(/^https?:\/\/[^/]+/, baseUrl()))).json();
    expect(openapi.openapi).toMatch(/^3\.1/);
    expect(openapi.paths["/services"]).toBeTruthy();
  });

  it("GET /services: a valid page of valid services, and every page together gives every service once", async () => {
    const first = await getJson("/services?per_page=10");
    expect(pageSchema(first), JSON.stringify(pageSchema.errors)).toBe(true);
    expect(first).toMatchObject({ page_number: 1, size: 10, first_page: true, last_page: false, empty: false });
    expectValid(validators.serviceList, first.contents, "service list");
    const ids = new Set<string>();
    for (let p = 1; p <= first.total_pages; p++) {
      const page = await getJson(`/services?per_page=10&page=${p}`);
      for (const s of page.contents) ids.add(s.id);
      if (p === first.total_pages) expect(page.last_page).toBe(true);
    }
    expect(ids.size).toBe(first.total_items);
  });

  it("GET /services?full=true and /services/{id}: full services validate, with organization, locations and taxonomy attribute", async () => {
    const full = await getJson("/services?full=true&per_page=50");
    expectValid(validators.service, full.contents, "full services");
    const krafttak = full.contents.find((s: { name: string }) => s.name === "Krafttak for sang");
    const one = await getJson(`/services/${krafttak.id}`);
    expectValid(validators.service, [one], "one service");
    expect(one.organization.name).toBe("Krafttak for sang");
    expect(one.service_at_locations.map((s: { location: { kommunenummer: string } }) => s.location.kommunenummer)).toContain("5006");
    expect(one.attributes[0].taxonomy_term.code).toBe("kultur-musikk-og-sang");
    const minimal = await getJson("/services?minimal=true&per_page=3");
    expect(Object.keys(minimal.contents[0]).sort()).toEqual(["id", "name", "organization_id", "status"]);
  });

  it("combines filters as AND, including the profile's kommunenummer and fylkesnummer", async () => {
    const names = async (q: string) => (await getJson(`/services?${q}`)).contents.map((s: { name: string }) => s.name);
    expect(await names("search=sang&fylkesnummer=50")).toEqual(["Krafttak for sang"]);
    expect(await names("search=sang&fylkesnummer=42")).toEqual([]);
    expect(await names("kommunenummer=5006")).toContain("Krafttak for sang");
    const terms = await getJson("/taxonomy_terms?per_page=100");
    const treffsted = terms.contents.find((t: { code: string }) => t.code === "treffsted");
    const meetingPlaces = await names(`taxonomy_term_id=${treffsted.id}`);
    expect(meetingPlaces.length).toBeGreaterThan(0);
    expect(meetingPlaces.every((n: string) => /Treffsted/i.test(n))).toBe(true);
    expect(await names(`taxonomy_term_id=${treffsted.id}&fylkesnummer=50`)).toEqual(["Treffsted"]); // Vårres, Trondheim
    const orgs = await getJson("/organizations?per_page=100");
    const rom = orgs.contents.find((o: { name: string }) => o.name === "ROM Agder");
    expect((await names(`organization_id=${rom.id}`)).sort()).toEqual(["Kjøkkenpraten", "Kjøkkenpratlederkurs"]);
    expect(await names(`organization_id=${rom.id}&search=leder`)).toEqual(["Kjøkkenpratlederkurs"]);
    expect(await names(`modified_after=2999-01-01`)).toEqual([]);
  });

  it("GET /organizations(/{id}) and /service_at_locations(/{id}) validate", async () => {
    const orgs = await getJson("/organizations?per_page=5");
    expect(pageSchema(orgs)).toBe(true);
    expectValid(validators.organizationList, orgs.contents, "organization list");
    const org = await getJson(`/organizations/${orgs.contents[0].id}`);
    expectValid(validators.organization, [org], "organization");
    const sals = await getJson("/service_at_locations?fylkesnummer=50&per_page=50");
    expect(pageSchema(sals)).toBe(true);
    expectValid(validators.salList, sals.contents, "service_at_location list");
    expect(sals.contents.every((s: { location: { fylkesnummer: string } }) => s.location.fylkesnummer === "50")).toBe(true);
    const sal = await getJson(`/service_at_locations/${sals.contents[0].id}`);
    expectValid(validators.sal, [sal], "service_at_location");
    expect(sal.service.id).toBe(sal.service_id);
  });

  it("GET /taxonomies(/{id}) and /taxonomy_terms(/{id}) validate", async () => {
    const taxonomy = looseValidator("taxonomy.json");
    const term = looseValidator("taxonomy_term.json");
    const taxonomies = await getJson("/taxonomies");
    expect(pageSchema(taxonomies)).toBe(true);
    expect(taxonomies.contents.every((t: unknown) => taxonomy(t))).toBe(true);
    expect(taxonomy(await getJson(`/taxonomies/${taxonomies.contents[0].id}`))).toBe(true);
    const terms = await getJson(`/taxonomy_terms?taxonomy_id=${taxonomies.contents[0].id}`);
    expect(terms.total_items).toBe(9);
    expect(terms.contents.every((t: unknown) => term(t))).toBe(true);
    expect(term(await getJson(`/taxonomy_terms/${terms.contents[0].id}`))).toBe(true);
  });

  it("streams NDJSON: one valid service per line", async () => {
    const res = await api("/services?format=ndjson&per_page=1000");
    expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.length).toBe((await getJson("/services")).total_items);
    expectValid(validators.serviceList, lines, "ndjson");
  });

  it.each([
    ["/services?unknown=1", "unknown"],
    ["/services?page=0", "page"],
    ["/services?per_page=abc", "per_page"],
    ["/services?per_page=5000", "per_page"],
    ["/services?format=xml", "format"],
    ["/services?fylkesnummer=99", "fylkesnummer"],
    ["/services?taxonomy_term_id=not-a-uuid", "taxonomy_term_id"],
    ["/services?modified_after=yesterday", "modified_after"],
    ["/services?minimal=maybe", "minimal"],
    ["/services?page=1&page=2", "page"],
    ["/organizations?kommunenummer=5001", "kommunenummer"],
  ])("answers %s with 400 and a JSON body naming %s", async (p, parameter) => {
    const res = await api(p);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
  });

  it("exports a search from the search page as a streamed download; a bad format is a clear 400", async () => {
    const html = await (await fetch(`${baseUrl()}/tilbud?q=sang&fylke=50`)).text();
    const link = /href="(\/tilbud\/eksport\?[^"]*format=ndjson[^"]*)"/.exec(html)![1]!.replaceAll("&amp;", "&");
    const res = await fetch(`${baseUrl()}${link}`);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="knutepunkt-tilbud\.ndjson"/);
    const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((s) => s.name)).toEqual(["Krafttak for sang"]);
    expectValid(validators.service, lines, "export");
    const bad = await fetch(`${baseUrl()}/tilbud/eksport?format=xml`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("format:");
  });

  it("answers unknown and malformed ids with 404 and 400 JSON", async () => {
    expect((await api("/services/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const bad = await api("/services/abc");
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/UUID/);
  });
});
