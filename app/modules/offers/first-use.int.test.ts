import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { listCentres, ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";
import { centres, memberships } from "~/modules/centres/centres.schema";
import { users } from "~/modules/accounts/accounts.schema";
import type { Actor } from "~/modules/centres/permissions";
import { services } from "./offers.schema";
import { archiveOffer, centreOffers, countEditableOffers, getOfferForEdit, offerHistory, restoreOffer, uncheckedOffers, updateOffer } from "./manage.server";
import { getOfferPage } from "./offer-page.server";
import { getService, listServices } from "./hsds.server";
import { searchOffers } from "./offers.server";
import { offerSchema, searchSchema } from "./offers.forms";
import { offerVocabulary, suggestSearch } from "./suggest.server";
import { serviceParams } from "./hsds";

/** Issue 11 (items 7, 11, 12) on a real database: archive and restore, the centre's own list, "Mente du …?". */

let handle: DbHandle;
let db: Db;
let romCoordinator: Actor;
let kbtCoordinator: Actor;
let admin: Actor;
let emptyCoordinator: Actor;
let kjokkenpraten: string;

const search = (query: Record<string, string>) => {
  const parsed = searchSchema.safeParse(query);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  await loadDemoData(db);
  const rom = (await listCentres(db)).find((c) => c.shortName === "ROM Agder")!;
  const [intervjuer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "intervjuer@example.org"));
  await db.insert(memberships).values({ centreId: rom.id, userId: intervjuer!.id, role: "coordinator" });
  // A new centre with no offers at all, and its coordinator.
  const [empty] = await db.insert(centres).values({ name: "Nytt senter", shortName: "Nytt", kommunenummer: "1508", fylkesnummer: "15" }).returning({ id: centres.id });
  const [tjeneste] = await db.select({ id: users.id }).from(users).where(eq(users.email, "tjeneste@example.org"));
  await db.insert(memberships).values({ centreId: empty!.id, userId: tjeneste!.id, role: "coordinator" });
  romCoordinator = await actorFor(db, "intervjuer@example.org");
  kbtCoordinator = await actorFor(db, "koordinator@example.org");
  admin = await actorFor(db, "admin@example.org");
  emptyCoordinator = await actorFor(db, "tjeneste@example.org");
  const [row] = await db.select({ id: services.id }).from(services).where(eq(services.name, "Kjøkkenpraten"));
  kjokkenpraten = row!.id;
});
afterAll(async () => {
  await handle?.close();
});

describe(`archiving an offer is not the end of it, on ${dbKind}`, () => {
  it("archived: gone from search and API, still there for its editors (marked), restorable, all in the history", async () => {
    const found = async () => (await searchOffers(db, search({ q: "Kjøkkenpraten" }))).offers.map((o) => o.id);
    expect(await found()).toContain(kjokkenpraten);

    await archiveOffer(db, romCoordinator, kjokkenpraten);

    // The public: not in the search, not in the API, no page.
    expect(await found()).not.toContain(kjokkenpraten);
    expect(await getService(db, kjokkenpraten)).toBeUndefined();
    const api = await listServices(db, serviceParams.parse({ search: "Kjøkkenpraten", per_page: "100" }));
    expect(api.items.map((s) => (s as { id: string }).id)).not.toContain(kjokkenpraten);
    expect(await getOfferPage(db, kjokkenpraten)).toBeUndefined();

    // Its editors: the page with the archive mark, and their own list's archived view (not the active one).
    const hidden = await getOfferPage(db, kjokkenpraten, undefined, { includeArchived: true });
    expect(hidden?.service.name).toBe("Kjøkkenpraten");
    expect(hidden?.archivedAt).toBeInstanceOf(Date);
    const mine = await centreOffers(db, romCoordinator, { archived: true });
    expect(mine.offers.map((o) => o.id)).toEqual([kjokkenpraten]);
    expect(mine.offers[0]!.archivedAt).toBeInstanceOf(Date);
    expect(mine.archived).toBe(1);
    expect((await centreOffers(db, romCoordinator)).offers.map((o) => o.id)).not.toContain(kjokkenpraten);
    expect((await centreOffers(db, romCoordinator, { archived: true, q: "kjøkkenprat" })).total).toBe(1);
    expect((await centreOffers(db, romCoordinator, { archived: true, q: "100%_" })).total).toBe(0);
    // Not editable while archived (restore first), and not restorable by another centre's coordinator.
    await expect(getOfferForEdit(db, romCoordinator, kjokkenpraten)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreOffer(db, kbtCoordinator, kjokkenpraten)).rejects.toBeInstanceOf(ForbiddenError);

    await restoreOffer(db, romCoordinator, kjokkenpraten);
    expect(await found()).toContain(kjokkenpraten);
    expect((await getService(db, kjokkenpraten))?.status).toBe("active");
    const history = await offerHistory(db, romCoordinator, kjokkenpraten);
    expect(history.slice(0, 2).map((h) => [h.action, h.field, h.before, h.after])).toEqual([
      ["restore", "status", "inactive", "active"],
      ["archive", "status", "active", "inactive"],
    ]);
    // Restoring twice changes nothing and logs nothing.
    await restoreOffer(db, romCoordinator, kjokkenpraten);
    expect((await offerHistory(db, romCoordinator, kjokkenpraten)).length).toBe(history.length);
  });

  it("an offer that does not exist is a 404 for restore too", async () => {
    await expect(restoreOffer(db, admin, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe(`the coordinator's own offers and the check list, on ${dbKind}`, () => {
  it("lists exactly their centres' offers (administrators: all), and says so when there are none", async () => {
    const rom = await centreOffers(db, romCoordinator);
    const [romCentre] = romCoordinator.memberships.filter((m) => m.role === "coordinator");
    const inDb = await db.select({ id: services.id }).from(services).where(and(eq(services.centreId, romCentre!.centreId), isNull(services.archivedAt)));
    expect(rom.total).toBe(inDb.length);
    expect(new Set(rom.offers.map((o) => o.id))).toEqual(new Set(inDb.map((r) => r.id)));
    const all = await centreOffers(db, admin, {}, 1000);
    expect(all.total).toBe((await db.select({ id: services.id }).from(services).where(isNull(services.archivedAt))).length);
    expect(all.offers.length).toBe(all.total);
    const paged = await centreOffers(db, admin, { page: 2 }, 5);
    expect(paged.offers.map((o) => o.id)).toEqual(all.offers.slice(5, 10).map((o) => o.id));
    expect(all.manyCentres).toBe(true);
    await expect(centreOffers(db, await actorFor(db, "deltaker@example.org"))).rejects.toBeInstanceOf(ForbiddenError);

    // A centre with no offers: nothing to check is not "all checked".
    expect(await uncheckedOffers(db, emptyCoordinator)).toEqual([]);
    expect(await countEditableOffers(db, emptyCoordinator)).toBe(0);
    expect((await centreOffers(db, emptyCoordinator)).total).toBe(0);
    expect(await countEditableOffers(db, romCoordinator)).toBeGreaterThan(0);
  });
});

describe(`"Mente du …?" from the offers' own words, on ${dbKind}`, () => {
  it("suggests «fontenehus» for «fontenhus», only what finds something, and keeps the filters", async () => {
    expect((await searchOffers(db, search({ q: "fontenhus" }))).total).toBe(0);
    expect(await suggestSearch(db, search({ q: "fontenhus" }))).toBe("fontenehus");
    expect((await searchOffers(db, search({ q: "fontenehus" }))).total).toBeGreaterThan(0);
    // Two words, one of them right: only the wrong one changes.
    const two = await suggestSearch(db, search({ q: "fontenhus asker" }));
    expect(two).toBe("fontenehus asker");
    // Nothing near enough: no suggestion; a suggestion that would find nothing with the filters: none either.
    expect(await suggestSearch(db, search({ q: "xqzvw" }))).toBeUndefined();
    expect(await suggestSearch(db, search({ q: "fontenhus", fylke: "56" }))).toBeUndefined();
  });

  it("keeps the vocabulary up to date: a renamed offer's new word is suggested, an archived offer's words are not", async () => {
    const opened = await getOfferForEdit(db, romCoordinator, kjokkenpraten);
    const form = offerSchema.parse({ ...opened, name: "Kjøkkenpraten Trollmannskaffe", alternateName: opened.alternateName ?? "", description: opened.description, kind: opened.kind ?? "", targetGroups: opened.targetGroups, noReferral: "unknown", free: "unknown", url: opened.url ?? "", email: opened.email ?? "", applicationProcess: "", eligibilityDescription: "", feesDescription: "", version: opened.version });
    expect(await updateOffer(db, romCoordinator, kjokkenpraten, form)).toEqual({ ok: true });
    expect((await offerVocabulary(db)).has("trollmannskaffe")).toBe(true);
    expect(await suggestSearch(db, search({ q: "trolmanskaffe" }))).toBe("trollmannskaffe");
    await archiveOffer(db, romCoordinator, kjokkenpraten);
    expect((await offerVocabulary(db)).has("trollmannskaffe")).toBe(false);
    expect(await suggestSearch(db, search({ q: "trolmanskaffe" }))).toBeUndefined();
    await restoreOffer(db, romCoordinator, kjokkenpraten);
  });
});
