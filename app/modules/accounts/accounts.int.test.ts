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
  sendSignUpMail,
  sendVerificationMail,
  confirmEmail,
  isEmailVerified,
  isVerificationTokenValid,
} from "./accounts.server";
import { memoryMailer } from "../../../tests/support/actors";
import { createMailer, listOutbox, maskLinks } from "~/modules/platform/mail.server";
import { attemptLogin, rememberDevice } from "./login.server";
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

// Mail as the person receives it (the administrators' outbox masks links: see the outbox test below).
const inbox = memoryMailer();
const mailer = () => inbox;
const received = () => [...inbox.sent].reverse().map((m) => ({ to: m.to, subject: m.subject, body: m.text }));

describe(`accounts on ${dbKind}`, () => {
  it("signs up, stores only an argon2id hash, and refuses a second account with the same e-mail", async () => {
    const result = await signUp(handle.db, { name: "Kari", email: "Kari@Example.org", password: "et-langt-passord-1" });
    expect(result.created).toBe(true);
    const [row] = await handle.db.select({ email: users.email, hash: users.passwordHash }).from(users).where(eq(users.email, "kari@example.org"));
    expect(row?.hash).toMatch(/^\$argon2id\$/);
    expect(row?.hash).not.toContain("et-langt-passord-1");
    const again = await signUp(handle.db, { name: "Kari 2", email: "kari@example.org", password: "et-annet-passord-2" });
    expect(again).toEqual({ created: false, userId: result.userId });
    // The existing account is untouched: same name, same password.
    const [kept] = await handle.db.select({ name: users.name }).from(users).where(eq(users.email, "kari@example.org"));
    expect(kept?.name).toBe("Kari");
    expect(await checkCredentials(handle.db, "kari@example.org", "et-annet-passord-2")).toBeUndefined();
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
    const mails = received();
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
    const body = received()[0]!.body;
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
    const pending = /\/nytt-passord\/([A-Za-z0-9_-]+)/.exec(received()[0]!.body)![1]!;
    expect(await changePassword(db, id, { currentPassword: "heilt-nytt-passord-3", password: "byttet-passord-66" })).toEqual({ ok: true });
    expect(await getSessionUser(db, session, 30)).toBeUndefined();
    // A reset link asked for before the change no longer works.
    expect((await resetPassword(db, pending, "noko-heilt-anna-7")).ok).toBe(false);
  });

  it("deletes an account: gone, sessions gone, and the audit trail shows who deleted what", async () => {
    const { db } = handle;
    const signed = await signUp(db, { name: "Ola", email: "ola@example.org", password: "olas-passord-123" });
    if (!signed.created) throw new Error("sign up failed");
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

  it("tells the truth about a sign-up by e-mail only: a link for a new address, a note for a known one", async () => {
    const { db } = handle;
    const context = { publicUrl: "http://localhost:3000", lang: "nb" as const, siteName: "Knutepunkt" };
    const fresh = await signUp(db, { name: "Nina", email: "nina@example.org", password: "ninas-passord-12" });
    const known = await signUp(db, { name: "Falsk Nina", email: "NINA@example.org", password: "en-gjetning-1234" });
    expect(fresh.created).toBe(true);
    expect(known).toEqual({ created: false, userId: fresh.userId });
    const before = inbox.sent.length;
    await sendSignUpMail(db, inbox, fresh, context);
    await sendSignUpMail(db, inbox, known, context);
    const [confirm, exists] = inbox.sent.slice(before);
    expect(confirm!.to).toBe("nina@example.org");
    expect(confirm!.text).toMatch(/\/bekreft-e-post\/[A-Za-z0-9_-]{20,}/);
    expect(exists!.to).toBe("nina@example.org");
    expect(exists!.subject).toContain("allerede en konto");
    expect(exists!.text).toContain("http://localhost:3000/glemt-passord");
    expect(exists!.text).not.toMatch(/bekreft-e-post|nytt-passord\//);

    // Unconfirmed until the link is used once; a new link voids the old one.
    expect(await isEmailVerified(db, fresh.userId)).toBe(false);
    const first = /\/bekreft-e-post\/([A-Za-z0-9_-]+)/.exec(confirm!.text)![1]!;
    await sendVerificationMail(db, inbox, fresh.userId, context);
    const second = /\/bekreft-e-post\/([A-Za-z0-9_-]+)/.exec(inbox.sent.at(-1)!.text)![1]!;
    expect(await isVerificationTokenValid(db, first)).toBe(false);
    expect(await confirmEmail(db, first)).toEqual({ ok: false });
    expect(await confirmEmail(db, second)).toEqual({ ok: true, userId: fresh.userId });
    expect(await isEmailVerified(db, fresh.userId)).toBe(true);
    // A confirmed address gets no more links.
    const count = inbox.sent.length;
    await sendVerificationMail(db, inbox, fresh.userId, context);
    expect(inbox.sent.length).toBe(count);
  });

  it("counts a used reset link as a confirmed address", async () => {
    const { db } = handle;
    const signed = await signUp(db, { name: "Per", email: "per@example.org", password: "pers-passord-123" });
    expect(await isEmailVerified(db, signed.userId)).toBe(false);
    await requestPasswordReset(db, inbox, { email: "per@example.org", publicUrl: "http://x", lang: "nb", siteName: "K" });
    const token = /\/nytt-passord\/([A-Za-z0-9_-]+)/.exec(received()[0]!.body)![1]!;
    expect(await resetPassword(db, token, "pers-nye-passord-9")).toMatchObject({ ok: true, email: "per@example.org" });
    expect(await isEmailVerified(db, signed.userId)).toBe(true);
  });

  it("never lets a stranger's wrong passwords lock the owner out (issue 9, finding 8)", async () => {
    const { db } = handle;
    const secret = "test-secret-that-is-long-enough-000";
    await signUp(db, { name: "Mål", email: "maal@example.org", password: "maals-passord-12" });
    const owner = await attemptLogin(db, secret, { email: "maal@example.org", password: "maals-passord-12", ip: "10.0.0.1", device: null });
    if (!owner.ok) throw new Error("owner could not log in");
    const device = owner.device;

    // A stranger from another address: refused after 5 wrong guesses…
    const stranger = (password: string, ip = "203.0.113.9") => attemptLogin(db, secret, { email: "maal@example.org", password, ip, device: null });
    for (let i = 0; i < 5; i++) expect(await stranger(`gjett-${i}-xxxxxxx`)).toEqual({ ok: false, reason: "failed" });
    expect(await stranger("gjett-5-xxxxxxx")).toEqual({ ok: false, reason: "rate_limited" });
    // …even with the right password from there (that is the brute-force protection)…
    expect(await stranger("maals-passord-12")).toEqual({ ok: false, reason: "rate_limited" });
    // …while the owner, from their own address without a device cookie, still logs in,
    expect((await attemptLogin(db, secret, { email: "maal@example.org", password: "maals-passord-12", ip: "10.0.0.1", device: null })).ok).toBe(true);

    // Guesses spread over many addresses fill the count for unknown clients…
    for (let i = 0; i < 30; i++) await stranger(`spredt-${i}-xxxxxx`, `198.51.100.${i}`);
    expect(await attemptLogin(db, secret, { email: "maal@example.org", password: "maals-passord-12", ip: "192.0.2.77", device: null })).toEqual({ ok: false, reason: "rate_limited" });
    // …but the owner's own browser has its own count and still gets in, from any address.
    expect((await attemptLogin(db, secret, { email: "maal@example.org", password: "maals-passord-12", ip: "192.0.2.77", device })).ok).toBe(true);
    // A device cookie of another account, or a forged tag, counts as unknown.
    const forged = { id: device.id, tags: ["x".repeat(22)] };
    expect(await attemptLogin(db, secret, { email: "maal@example.org", password: "maals-passord-12", ip: "192.0.2.77", device: forged })).toEqual({ ok: false, reason: "rate_limited" });
    // The browser where a reset link was used counts as the owner's.
    const afterReset = rememberDevice(secret, null, "maal@example.org");
    expect((await attemptLogin(db, secret, { email: "maal@example.org", password: "maals-passord-12", ip: "192.0.2.78", device: afterReset })).ok).toBe(true);
  });

  it("keeps a known browser's own count: 10 wrong passwords there stop it too", async () => {
    const { db } = handle;
    const secret = "test-secret-that-is-long-enough-000";
    await signUp(db, { name: "Kjent", email: "kjent@example.org", password: "kjent-passord-12" });
    const device = rememberDevice(secret, null, "kjent@example.org");
    const tryWith = (password: string) => attemptLogin(db, secret, { email: "kjent@example.org", password, ip: "10.0.0.2", device });
    for (let i = 0; i < 10; i++) expect((await tryWith(`feil-${i}-xxxxxxxx`)).ok).toBe(false);
    expect(await tryWith("kjent-passord-12")).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("masks one-time links in the administrators' outbox, also in mail kept before the change", async () => {
    const { db } = handle;
    const { outbox } = await import("~/modules/platform/platform.schema");
    await db.insert(outbox).values({ to: "gammel@example.org", subject: "Gammel", body: "Lenke: http://x/nytt-passord/AbC_123-xyz og http://x/invitasjon/QQQ_1 og http://x/bekreft-e-post/ZZZ" });
    await createMailer(db, undefined, "x").send({ to: "ny@example.org", subject: "Ny", text: "http://x/nytt-passord/LiveToken_42" });
    const shown = (await listOutbox(db)).map((m) => m.body).join("\n");
    expect(shown).not.toMatch(/AbC_123|QQQ_1|ZZZ|LiveToken_42/);
    expect(shown).toContain("/nytt-passord/••••••");
    expect(maskLinks("se http://x/tilbud/123")).toBe("se http://x/tilbud/123");
  });
});
