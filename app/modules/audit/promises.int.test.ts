import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import { actorFor, signUpConfirmed } from "../../../tests/support/actors";
import type { Db, DbHandle } from "~/db/client.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { createMailer } from "~/modules/platform/mail.server";
import { createSession, getSessionUser, updateProfile } from "~/modules/accounts/accounts.server";
import { sessions, users } from "~/modules/accounts/accounts.schema";
import { invitations } from "~/modules/centres/centres.schema";
import { acceptInvitation, ForbiddenError, getCentre, getInvitation, inviteMember, listCentres, listMembers, listUsersForAdmin, updateCentre } from "~/modules/centres/centres.server";
import { auditEvents } from "./audit.schema";
import { listAccessToMyData } from "./audit.server";
import { giveConsent, myEntries, myEntry, saveEntry, type Store } from "~/modules/toolkit/toolkit.server";
import { buildFolder } from "~/modules/toolkit/folder.server";
import { exportToolkit } from "~/modules/toolkit/toolkit-export.server";
import { tools } from "~/modules/toolkit/toolkit";

/**
 * Promises of docs/architecture.md (Security, Audit log) and the privacy statement that had no test
 * (issue 10, item 3): the 12-hour session limit, invitations that expire after 14 days, a coordinator
 * editing their own centre, the audit lines of profile edits and the administrator's user list, and
 * "your own reads are not logged".
 */

let handle: DbHandle;
let db: Db;
let kbt: string;
let bikuben: string;

beforeAll(async () => {
  handle = await freshDb();
  db = handle.db;
  expect(await loadDemoData(db)).toBe(true);
  const centres = await listCentres(db);
  kbt = centres.find((c) => c.shortName === "KBT")!.id;
  bikuben = centres.find((c) => c.shortName === "Bikuben")!.id;
});
afterAll(async () => {
  await handle?.close();
});

const eventsAbout = (userId: string) => db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, userId));
const countEvents = async () => Number((await db.select({ n: sql<number>`count(*)` }).from(auditEvents))[0]!.n);

describe(`sessions, invitations and centres on ${dbKind}`, () => {
  it("ends a session 12 hours after log-in, however active the person is", async () => {
    const { userId } = await signUpConfirmed(db, { name: "Aktiv Hele Dagen", email: "aktiv@example.org", password: "et-langt-passord-2026" });
    const token = await createSession(db, userId);
    const id = (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)))[0]!.id;
    // The clock moves 20 minutes at a time (less than the 30-minute idle limit) and the person makes a
    // request each time. After 11 h 40 min they are still logged in; at 12 h they are not.
    const advance = () => db.execute(sql`update sessions set expires_at = expires_at - interval '20 minutes', last_seen_at = last_seen_at - interval '20 minutes' where id = ${id}`);
    for (let step = 1; step <= 35; step++) {
      await advance();
      expect((await getSessionUser(db, token, 30))?.id, `after ${step * 20} minutes`).toBe(userId);
    }
    await advance();
    expect(await getSessionUser(db, token, 30)).toBeUndefined();
    expect(await db.select().from(sessions).where(eq(sessions.id, id))).toEqual([]); // gone, not only refused
  });

  it("lets an invitation be used for 14 days, not a minute more", async () => {
    const coordinator = await actorFor(db, "koordinator@example.org");
    const email = "fjorten-dager@example.org";
    const { userId } = await signUpConfirmed(db, { name: "Fjorten Dager", email, password: "et-langt-passord-2026" });
    const before = Date.now();
    const { token } = await inviteMember(db, createMailer(db, undefined, "x"), coordinator, kbt, { email, roles: ["participant"] }, { publicUrl: "http://localhost", lang: "nb", siteName: "Knutepunkt", inviterName: "Koordinator" });
    const [row] = await db.select({ id: invitations.id, expiresAt: invitations.expiresAt }).from(invitations).where(eq(invitations.email, email));
    const fourteenDays = 14 * 86_400_000;
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + fourteenDays);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + fourteenDays);
    // 13 days and 23 hours 59 minutes later: still valid.
    await db.execute(sql`update invitations set expires_at = expires_at - interval '14 days' + interval '1 minute' where id = ${row!.id}`);
    expect(await getInvitation(db, token)).toMatchObject({ centreId: kbt, roles: ["participant"] });
    // Two minutes on: expired, for reading and for accepting.
    await db.execute(sql`update invitations set expires_at = expires_at - interval '2 minutes' where id = ${row!.id}`);
    expect(await getInvitation(db, token)).toBeUndefined();
    expect((await acceptInvitation(db, userId, token)).ok).toBe(false);
  });

  it("lets a coordinator edit their own centre, and no other; a participant edits none", async () => {
    const coordinator = await actorFor(db, "koordinator@example.org");
    const participant = await actorFor(db, "deltaker@example.org");
    const valid = { name: "KBT, endret av koordinatoren", shortName: "KBT", kommunenummer: "5001", email: "post@kbt.example.org", phone: "+47 73 00 00 00", website: null, address: "Brukergata 1, 7011 Trondheim" };
    await updateCentre(db, coordinator, kbt, valid);
    const after = await getCentre(db, kbt);
    expect(after).toEqual({ id: kbt, ...valid, fylkesnummer: "50", kommune: "Trondheim", fylke: "Trøndelag" });
    const bikubenBefore = await getCentre(db, bikuben);
    await expect(updateCentre(db, coordinator, bikuben, { ...valid, shortName: "Overtatt" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCentre(db, participant, kbt, { ...valid, shortName: "Overtatt" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getCentre(db, bikuben)).toEqual(bikubenBefore);
    expect((await getCentre(db, kbt))!.shortName).toBe("KBT");
  });
});

describe(`audit lines on ${dbKind}`, () => {
  it("records a profile edit as an update of the person's name, with no value in the record", async () => {
    const { userId } = await signUpConfirmed(db, { name: "Gammelt Navn", email: "profil@example.org", password: "et-langt-passord-2026" });
    const before = (await eventsAbout(userId)).length;
    await updateProfile(db, userId, { name: "Nytt Navnesen" }, "11111111-1111-4111-8111-111111111111");
    expect((await db.select({ name: users.name }).from(users).where(eq(users.id, userId)))[0]!.name).toBe("Nytt Navnesen");
    const events = await eventsAbout(userId);
    expect(events).toHaveLength(before + 1);
    const last = events.find((e) => e.requestId === "11111111-1111-4111-8111-111111111111")!;
    expect(last).toMatchObject({ actorUserId: userId, action: "update", subjectUserId: userId, entityType: "user", entityId: userId, details: { fields: ["name"] } });
    expect(JSON.stringify(last)).not.toMatch(/Navn/);
    const shown = await listAccessToMyData(db, userId);
    expect(JSON.stringify(shown)).toContain("update");
  });

  it("records the administrator's user list as one read per person listed, in each person's own log, not the administrator's own", async () => {
    const admin = await actorFor(db, "admin@example.org");
    const listed = await listUsersForAdmin(db, admin, { requestId: "22222222-2222-4222-8222-222222222222" });
    const others = listed.filter((u) => u.id !== admin.userId);
    expect(listed.some((u) => u.id === admin.userId)).toBe(true);
    const lines = await db.select().from(auditEvents).where(eq(auditEvents.requestId, "22222222-2222-4222-8222-222222222222"));
    expect(lines.map((l) => l.subjectUserId).sort()).toEqual(others.map((u) => u.id).sort());
    for (const line of lines) {
      expect(line).toMatchObject({ actorUserId: admin.userId, actorRole: "administrator", action: "read", entityType: "user", details: { fields: ["name", "email"] } });
      expect(line.entityId).toBe(line.subjectUserId);
    }
    const participant = others.find((u) => u.email === "deltaker@example.org")!;
    const log = await listAccessToMyData(db, participant.id);
    expect(JSON.stringify(log)).toContain("Admin");
  });

  it("does not record a person's reads of their own data", async () => {
    const master = randomBytes(32);
    const store: Store = { db, masters: [master] };
    const participant = await actorFor(db, "deltaker@example.org");
    await giveConsent(db, participant);
    await saveEntry(store, participant, { tool: "dream", ref: "dream", body: { dream: "Min egen drøm", helps: "", hinders: "", goals: [] }, baseRevision: null, force: true });
    const coordinator = await actorFor(db, "koordinator@example.org");
    const admin = await actorFor(db, "admin@example.org");
    const before = await countEvents();
    // The participant reads everything of their own.
    expect((await myEntry<{ dream: string }>(store, participant, "dream", "dream"))?.body.dream).toBe("Min egen drøm");
    await myEntries(store, participant, tools);
    await buildFolder(store, participant, "nb");
    await listAccessToMyData(db, participant.userId);
    expect(await countEvents(), "the owner's own reads").toBe(before);
    // The one exception, by design (docs/architecture.md, Audit log): an export is recorded, so a person
    // sees when everything was downloaded (a shared computer).
    await exportToolkit(store, participant, "55555555-5555-4555-8555-555555555555");
    const exported = await db.select().from(auditEvents).where(eq(auditEvents.requestId, "55555555-5555-4555-8555-555555555555"));
    expect(exported).toHaveLength(1);
    expect(exported[0]).toMatchObject({ actorUserId: participant.userId, subjectUserId: participant.userId, action: "read", entityType: "toolkit", details: { export: true } });
    // A coordinator's member list logs the other members, not the coordinator; the same for the admin's list.
    const members = await listMembers(db, coordinator, kbt, { requestId: "33333333-3333-4333-8333-333333333333" });
    const memberLines = await db.select().from(auditEvents).where(eq(auditEvents.requestId, "33333333-3333-4333-8333-333333333333"));
    expect(memberLines).toHaveLength(members.length - 1);
    expect(memberLines.some((l) => l.subjectUserId === coordinator.userId)).toBe(false);
    await listUsersForAdmin(db, admin, { requestId: "44444444-4444-4444-8444-444444444444" });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.requestId, "44444444-4444-4444-8444-444444444444"), eq(auditEvents.subjectUserId, admin.userId)))).toEqual([]);
    // Nowhere in the whole log is anyone recorded reading their own data, but for exports.
    const selfReads = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "read"), sql`${auditEvents.actorUserId} = ${auditEvents.subjectUserId}`));
    expect(selfReads.map((e) => e.details)).toEqual([{ export: true, entries: 1 }]);
  });
});
