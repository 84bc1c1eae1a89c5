import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { logIn, newContext, submit } from "./browser";

/**
 * Files for the import journeys and the page checks. Names are unlike anything other tests search for
 * (no "sang", no "treffsted" kind), since every browser test shares one database.
 */
export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

const csv = (name: string, text: string): FilePayload => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

const today = () => new Date().toISOString().slice(0, 10);
const fillerId = (prefix: string, i: number) => `6d2b8f0e-1a2b-4c3d-${prefix === "csv" ? "9" : "a"}e4f-${String(i).padStart(12, "0")}`;

/**
 * A CSV set as Norwegian Excel saves it (BOM, semicolons, CRLF) with two offers; the second says
 * gratis=kanskje, which is neither yes nor no. `filler` more valid offers after them make the import
 * take a few seconds (checked today, so they stay off the lists of offers to check).
 */
export function csvSetWithOneBadRow(prefix = "Importtest", filler = 0): FilePayload[] {
  const org = "6d2b8f0e-1a2b-4c3d-8e4f-000000000001";
  const more = Array.from({ length: filler }, (_, i) => `${fillerId("csv", i + 1)};${org};Mengdetest ${i + 1};;kurs-og-opplaering;bruker;;;${today()}\r\n`).join("");
  return [
    csv("organizations.csv", `\uFEFFid;name;organisasjonsnummer\r\n${org};${prefix}-foreningen;123456785\r\n`),
    csv(
      "services.csv",
      "\uFEFFid;organization_id;name;description;tilbudstype;malgruppe;gratis;ingen_henvisning;assured_date\r\n" +
        `6d2b8f0e-1a2b-4c3d-8e4f-000000000011;${org};${prefix} Fjelltur;"Vi går tur sammen hver onsdag.\r\nAlle kan bli med.";arbeid-og-aktivitet;bruker, pårørende;ja;ja;\r\n` +
        `6d2b8f0e-1a2b-4c3d-8e4f-000000000012;${org};${prefix} Strikkekafé;Vi strikker.;kurs-og-opplaering;bruker;kanskje;nei;\r\n` +
        more,
    ),
    csv("locations.csv", "\uFEFFid;name;kommunenummer\r\n6d2b8f0e-1a2b-4c3d-8e4f-000000000021;Frivilligsentralen;3201\r\n"),
    csv(
      "service_at_locations.csv",
      "\uFEFFid;service_id;location_id\r\n6d2b8f0e-1a2b-4c3d-8e4f-000000000031;6d2b8f0e-1a2b-4c3d-8e4f-000000000011;6d2b8f0e-1a2b-4c3d-8e4f-000000000021\r\n",
    ),
  ];
}

/** One valid HSDS service as JSON, the way our export writes it, and `filler` more (see csvSetWithOneBadRow). */
export function validJson(filler = 0): FilePayload {
  const service = {
    id: "6d2b8f0e-1a2b-4c3d-8e4f-000000000101",
    name: "Importtest Lesesirkel",
    description: "Vi leser en bok i måneden og snakker om den.",
    status: "active",
    tilbudstype: "kurs-og-opplaering",
    malgruppe: ["bruker"],
    ingen_henvisning: true,
    gratis: true,
    organization: { id: "6d2b8f0e-1a2b-4c3d-8e4f-000000000102", name: "Lesesirkelen i Tromsø" },
    service_at_locations: [
      {
        id: "6d2b8f0e-1a2b-4c3d-8e4f-000000000103",
        location: { id: "6d2b8f0e-1a2b-4c3d-8e4f-000000000104", name: "Biblioteket", location_type: "physical", kommunenummer: "5501" },
        schedules: [{ id: "6d2b8f0e-1a2b-4c3d-8e4f-000000000105", freq: "MONTHLY", byday: "1TU", opens_at: "18:00", closes_at: "20:00" }],
      },
    ],
  };
  const more = Array.from({ length: filler }, (_, i) => ({
    id: fillerId("json", i + 1),
    name: `Mengdetest JSON ${i + 1}`,
    tilbudstype: "kurs-og-opplaering",
    assured_date: today(),
    organization: service.organization,
  }));
  return { name: "lesesirkel.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify([service, ...more], null, 2), "utf8") };
}

/** Upload files on /tilbud/import (already logged in) and return the preview's path. */
export async function uploadForPreview(page: Page, files: FilePayload[]) {
  await page.goto("/tilbud/import");
  await page.locator("#field-files").setInputFiles(files);
  await submit(page, page.getByRole("button", { name: "Sjekk filene" }));
  const path = new URL(page.url()).pathname;
  expect(path).toMatch(/^\/tilbud\/import\/[0-9a-f-]{36}$/);
  return path;
}

/** A preview with one bad row, made by the demo coordinator (for the page checks); returns its path. */
export async function createImportPreview(browser: Browser) {
  const context = await newContext(browser, { js: false, width: 1280 });
  const page = await context.newPage();
  await logIn(page, "koordinator@example.org");
  const path = await uploadForPreview(page, csvSetWithOneBadRow("Sidetest"));
  await context.close();
  return path;
}
