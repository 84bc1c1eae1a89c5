import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { logIn, newContext, submit } from "./browser";

/**
 * Files for the import journeys and the page checks. Names are unlike anything other tests search for
 * (no "sang", no "treffsted" kind), since the tests of one spec file share its server's database; every
 * call makes new ids, so no test's file meets rows another test imported.
 */
export type FilePayload = { name: string; mimeType: string; buffer: Buffer };

const csv = (name: string, text: string): FilePayload => ({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

const today = () => new Date().toISOString().slice(0, 10);
const id = () => randomUUID();

/**
 * A CSV set as Norwegian Excel saves it (BOM, semicolons, CRLF) with two offers; the second says
 * gratis=kanskje, which is neither yes nor no. `filler` more valid offers after them fill more than one
 * page of the preview (checked today, so they stay off the lists of offers to check). No test counts on
 * them to keep an import running: the import journeys wait for the state they look at.
 */
export function csvSetWithOneBadRow(prefix = "Importtest", filler = 0): FilePayload[] {
  const [org, fjelltur, strikkekafe, location] = [id(), id(), id(), id()];
  const more = Array.from({ length: filler }, (_, i) => `${id()};${org};Mengdetest ${i + 1};;kurs-og-opplaering;bruker;;;${today()}\r\n`).join("");
  return [
    csv("organizations.csv", `\uFEFFid;name;organisasjonsnummer\r\n${org};${prefix}-foreningen;123456785\r\n`),
    csv(
      "services.csv",
      "\uFEFFid;organization_id;name;description;tilbudstype;malgruppe;gratis;ingen_henvisning;assured_date\r\n" +
        `${fjelltur};${org};${prefix} Fjelltur;"Vi går tur sammen hver onsdag.\r\nAlle kan bli med.";arbeid-og-aktivitet;bruker, pårørende;ja;ja;\r\n` +
        `${strikkekafe};${org};${prefix} Strikkekafé;Vi strikker.;kurs-og-opplaering;bruker;kanskje;nei;\r\n` +
        more,
    ),
    csv("locations.csv", `\uFEFFid;name;kommunenummer\r\n${location};Frivilligsentralen;3201\r\n`),
    csv("service_at_locations.csv", `\uFEFFid;service_id;location_id\r\n${id()};${fjelltur};${location}\r\n`),
  ];
}

/** One valid HSDS service as JSON, the way our export writes it, and `filler` more (see csvSetWithOneBadRow). */
export function validJson(filler = 0): FilePayload {
  const service = {
    id: id(),
    name: "Importtest Lesesirkel",
    description: "Vi leser en bok i måneden og snakker om den.",
    status: "active",
    tilbudstype: "kurs-og-opplaering",
    malgruppe: ["bruker"],
    ingen_henvisning: true,
    gratis: true,
    organization: { id: id(), name: "Lesesirkelen i Tromsø" },
    service_at_locations: [
      {
        id: id(),
        location: { id: id(), name: "Biblioteket", location_type: "physical", kommunenummer: "5501" },
        schedules: [{ id: id(), freq: "MONTHLY", byday: "1TU", opens_at: "18:00", closes_at: "20:00" }],
      },
    ],
  };
  const more = Array.from({ length: filler }, (_, i) => ({
    id: id(),
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
