import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import routes from "./routes";

/**
 * HTML-first pages (issue 12, item 5; ADR 0022): every page is server-rendered with no script files
 * (`export const handle = { hydrate: false };` in the route module or its layout), except the pages named
 * here, where JavaScript earns its place. A new page is server-only unless it is added to this list on
 * purpose. The browser test (tests/e2e/pages.spec.ts) checks that the server-only pages load no script file.
 */
const hydrated = new Set([
  // The map.
  "modules/offers/routes/offer-map.tsx",
  // Staff tools: offers, import, organisations.
  "modules/offers/routes/unchecked-offers.tsx",
  "modules/offers/routes/centre-offers.tsx",
  "modules/offers/routes/import.tsx",
  "modules/offers/routes/import-preview.tsx",
  "modules/offers/routes/organizations.tsx",
  "modules/offers/routes/new-organization.tsx",
  "modules/offers/routes/edit-organization.tsx",
  "modules/offers/routes/new-offer.tsx",
  "modules/offers/routes/edit-offer.tsx",
  "modules/offers/routes/offer-history.tsx",
  "modules/offers/routes/offer-places.tsx",
  "modules/offers/routes/edit-place.tsx",
  "modules/offers/routes/offer-schedules.tsx",
  "modules/offers/routes/offer-contact.tsx",
  // Staff tools: centres, members, check-in packs, admin.
  "modules/centres/routes/edit-centre.tsx",
  "modules/centres/routes/members.tsx",
  "modules/toolkit/routes/centre-instruments.tsx",
  "modules/centres/routes/admin.tsx",
  "modules/centres/routes/new-centre.tsx",
  "modules/platform/routes/outbox.tsx",
]);

type Entry = { file: string; children?: Entry[] };
const source = (file: string) => readFileSync(fileURLToPath(new URL(file, import.meta.url)), "utf8");
const serverOnlyHandle = /^export const handle = \{ hydrate: false \};$/m;
const isPage = (file: string) => /^export default /m.test(source(file));

/** Every page module with whether it (or a layout around it) is server-only. */
function pages(entries: Entry[], inServerOnlyLayout = false): { file: string; serverOnly: boolean }[] {
  return entries.flatMap((entry) => {
    const serverOnly = inServerOnlyLayout || serverOnlyHandle.test(source(entry.file));
    const own = isPage(entry.file) ? [{ file: entry.file, serverOnly }] : [];
    return [...own, ...pages(entry.children ?? [], serverOnly)];
  });
}

describe("which pages load JavaScript", () => {
  const all = pages(routes as Entry[]);

  it("finds the pages", () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it("renders every page on the server only, except the map and the staff tools", () => {
    const wrong = all.filter((p) => p.serverOnly === hydrated.has(p.file)).map((p) => `${p.file}: ${p.serverOnly ? "server-only but listed as hydrated" : "hydrated but not listed"}`);
    expect(wrong).toEqual([]);
  });

  it("lists only pages that exist", () => {
    const files = new Set(all.map((p) => p.file));
    expect([...hydrated].filter((f) => !files.has(f))).toEqual([]);
  });
});
