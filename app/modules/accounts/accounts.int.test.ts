import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { freshDb, dbKind } from "../../../tests/support/test-db";
import type { DbHandle } from "~/db/client.server";
import {
  changePassword,
  checkCredentials,
  createSession,
  deleteAccount,
  getSessionUser,
  requestPasswordReset,
  resetPassword,
  signUp,
} from "./accounts.server";
import { createMailer } from "~/modules/platform/mail.server";
import { listOutbox } from "~/modules/platform/mail.server";
import { listAccessToMyData, listEntityEvents } from "~/modules/audit/audit.server";
import { sessions, users } from "./accounts.schema";
import { hit } from "~/modules/platform/rate-limit.server";

let handle: DbHandle;
beforeAll(async () => {
  handle = await freshDb();
});
afterAll(async () => {
  await handle?.close();
});

const mailer = () => createMailer(handle.db, undefined, "Knutepunkt <noreply@localhost>");

describe(`accounts on ${dbKind}`, () => {
  it("signs up, stores only an argon2id hash, and refuses a second account with the same e-mail", async () => {
    const result = await signUp(handle.db, { name: "Kari", email: "Kari@Example.org", password: "et-langt-passord-1" });
    expect(result.ok).toBe(true);
    const [row] = await handle.db.select({ email: users.email, hash: users.passwordHash }).from(users).where(eq(users.email, "kari@example.org"));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
    expect(row?.hash).not.toContain("et-langt-passord-1");
    const again = await signUp(handle.db, { name: "Kari 2", email: "kari@example.org", password: "et-annet-passord-2" });
    expect(again).toEqual({ ok: false, reason: "email_taken" });
  });

  it("logs in with the right password only, and a session ends when idle too long", async () => {
    const { db } = handle;
    const id = await checkCredentials(db, "kari@example.org", "et-langt-passord-1");
    expect(id).toBeTruthy();
    expect(await checkCredentials(db, "kari@example.org", "feil-passord-123")).toBeUndefined();
    expect(await checkCredentials(db, "finnes-ikke@example.org", "et-langt-passord-1")).toBeUndefined();

    const token = await createSession(db, id!);
    expect((await getSessionUser(db, token, 30))?.name).toBe("Kari");
    // Two logins give two different session ids (rotation), and the stored id is not the cookie token.
    const token2 = await createSession(db, id!);
    expect(token2).not.toBe(token);
    const stored = await db.select({ id: sessions.id }).from(sessions);
    expect(stored.map((s) => s.id)).not.toContain(token);

    await db.update(sessions).set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) });
    expect(await getSessionUser(db, token, 30)).toBeUndefined();
  });

  it("resets a password by a one-time link sent by mail, and ends every session", async () => {
    const { db } = handle;
    const id = (await checkCredentials(db, "kari@example.org", "et-langt-passord-1"))!;
    const session = await createSession(db, id);
    await requestPasswordReset(db, mailer(), { email: "kari@example.org", publicUrl: "http://localhost:3000", lang: "nn", siteName: "Knutepunkt" });
    // No mail, and no error, for an unknown address.
    await requestPasswordReset(db, mailer(), { email: "ukjent@example.org", publicUrl: "http://localhost:3000", lang: "nb", siteName: "Knutepunkt" });
    const mails = await listOutbox(db);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe("kari@example.org");
    expect(mails[0]!.subject).toContain("Nytt passord"); // nynorsk subject
    const token = /\/nytt-passord\/([A-Za-z0-9_-]+)/.exec(mails[0]!.body)![1]!;

    expect((await resetPassword(db, token, "heilt-nytt-passord-3")).ok).toBe(true);
    expect((await resetPassword(db, token, "enda-eit-passord-4")).ok).toBe(false); // single use
    expect(await checkCredentials(db, "kari@example.org", "heilt-nytt-passord-3")).toBe(id);
    expect(await getSessionUser(db, session, 30)).toBeUndefined();
  });

  it("refuses an expired reset link", async () => {
    const { db } = handle;
    await requestPasswordReset(db, mailer(), { email: "kari@example.org", publicUrl: "http://x", lang: "nb", siteName: "K" });
    const body = (await listOutbox(db))[0]!.body;
    const token = /\/nytt-passord\/([A-Za-z0-9_-]+)/.exec(body)![1]!;
    const { passwordResets } = await import("./accounts.schema");
    await db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await resetPassword(db, token, "ikkje-lov-passord-5")).ok).toBe(false);
  });

  it("changes password only with the current one, and ends all sessions", async () => {
    const { db } = handle;
    const id = (await checkCredentials(db, "kari@example.org", "heilt-nytt-passord-3"))!;
    const session = await createSession(db, id);
    expect(await changePassword(db, id, { currentPassword: "galt-passord-000", password: "byttet-passord-66" })).toEqual({ ok: false, reason: "wrong_password" });
    expect(await getSessionUser(db, session, 30)).toBeTruthy();
    await requestPasswordReset(db, mailer(), { email: "kari@example.org", publicUrl: "http://x", lang: "nb", siteName: "K" });
    const pending = /\/nytt-passord\/([A-Za-z0-9_-]+)/.exec((await listOutbox(db))[0]!.body)![1]!;
    expect(await changePassword(db, id, { currentPassword: "heilt-nytt-passord-3", password: "byttet-passord-66" })).toEqual({ ok: true });
    expect(await getSessionUser(db, session, 30)).toBeUndefined();
    // A reset link asked for before the change no longer works.
    expect((await resetPassword(db, pending, "noko-heilt-anna-7")).ok).toBe(false);
  });

  it("deletes an account: gone, sessions gone, and the audit trail shows who deleted what", async () => {
    const { db } = handle;
    const signed = await signUp(db, { name: "Ola", email: "ola@example.org", password: "olas-passord-123" });
    if (!signed.ok) throw new Error("sign up failed");
    const session = await createSession(db, signed.userId);
    expect(await deleteAccount(db, signed.userId, "feil-feil-feil-1")).toEqual({ ok: false, reason: "wrong_password" });
    expect(await deleteAccount(db, signed.userId, "olas-passord-123")).toEqual({ ok: true });
    expect(await db.select().from(users).where(eq(users.id, signed.userId))).toHaveLength(0);
    expect(await getSessionUser(db, session, 30)).toBeUndefined();
    expect(await checkCredentials(db, "ola@example.org", "olas-passord-123")).toBeUndefined();
    const trail = await listEntityEvents(db, "user", signed.userId);
    expect(trail.map((e) => e.action)).toEqual(["create", "delete"]);
    expect(trail[1]).toMatchObject({ actorUserId: signed.userId, details: { by: "self" } });
    // The trail holds ids only: no name or e-mail.
    expect(JSON.stringify(trail)).not.toMatch(/Ola|ola@example/);
  });

  it("shows the person their own access log, newest first", async () => {
    const { db } = handle;
    const id = (await checkCredentials(db, "kari@example.org", "byttet-passord-66"))!;
    const { events } = await listAccessToMyData(db, id);
    expect(events[0]).toMatchObject({ action: "update", entityType: "password", bySelf: true });
    expect(events.at(-1)).toMatchObject({ action: "create", entityType: "user" });
  });

  it("rate-limits per key in a fixed window shared through the database", async () => {
    const limit = { max: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await hit(handle.db, "test-key", limit));
    expect(results).toEqual([true, true, true, false, false]);
    expect(await hit(handle.db, "other-key", limit)).toBe(true);
  });
});
