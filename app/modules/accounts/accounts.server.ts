import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { emailVerifications, passwordResets, sessions, users } from "./accounts.schema";
import { memberships, centres } from "~/modules/centres/centres.schema";
import { toolkitConsents, toolkitKeys } from "~/modules/toolkit/toolkit.schema";
import { hashPassword, verifyPassword, dummyHash } from "./password.server";
import { randomToken, sha256 } from "~/lib/crypto.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Actor, CentreRole } from "~/modules/centres/permissions";
import type { Mailer } from "~/modules/platform/mail.server";
import { translate, type Lang } from "~/i18n/i18n";

export type SessionUser = { id: string; name: string; email: string; isAdmin: boolean; emailVerified: boolean };
export type CurrentUser = SessionUser & {
  memberships: { centreId: string; centreName: string; role: CentreRole }[];
};

import { resetLinkMinutes, sessionAbsoluteHours, verifyLinkHours } from "./accounts";

export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
  return row?.id;
}

/**
 * Create an account whose address is not yet confirmed — or find the one that already has this address.
 * Both paths hash the password and touch the users table once, so the request takes the same time
 * either way; the caller answers the same either way and tells the truth by e-mail (`sendSignUpMail`).
 */
export async function signUp(
  db: Db,
  input: { name: string; email: string; password: string },
  requestId?: string,
): Promise<{ created: true; userId: string } | { created: false; userId: string }> {
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const inserted = await db
    .insert(users)
    .values({ name: input.name, email, passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  const userId = inserted[0]?.id;
  if (!userId) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) return { created: false, userId: existing.id };
    throw new Error("sign-up: the address was taken and is gone again"); // deleted in between; the person tries again
  }
  await recordAudit(db, { actorUserId: userId, action: "create", subjectUserId: userId, entityType: "user", entityId: userId, requestId });
  return { created: true, userId };
}

type MailContext = { publicUrl: string; lang: Lang; siteName: string };

/**
 * The mail after a sign-up (sent outside the request): a new account gets a link that confirms its address;
 * an address that already had an account is told so, with the way to log in or reset the password.
 */
export async function sendSignUpMail(db: Db, mailer: Mailer, result: { created: boolean; userId: string }, context: MailContext) {
  const [user] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, result.userId));
  if (!user) return;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(context.lang, key, params);
  if (!result.created) {
    await mailer.send({
      to: user.email,
      subject: t("mail.account_exists.subject", { site: context.siteName }),
      text: t("mail.account_exists.body", { name: user.name, login: `${context.publicUrl}/logg-inn`, reset: `${context.publicUrl}/glemt-passord`, site: context.siteName }),
    });
    return;
  }
  await sendVerificationMail(db, mailer, result.userId, context);
}

/** A fresh one-time link that confirms the account's address (earlier links stop working). */
export async function sendVerificationMail(db: Db, mailer: Mailer, userId: string, context: MailContext) {
  const [user] = await db.select({ name: users.name, email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  if (!user || user.verifiedAt) return;
  const token = randomToken();
  await db.transaction(async (tx) => {
    await tx.delete(emailVerifications).where(eq(emailVerifications.userId, userId));
    await tx.insert(emailVerifications).values({ id: sha256(token), userId, expiresAt: new Date(Date.now() + verifyLinkHours * 3600_000) });
  });
  await mailer.send({
    to: user.email,
    subject: translate(context.lang, "mail.verify.subject", { site: context.siteName }),
    text: translate(context.lang, "mail.verify.body", { name: user.name, link: `${context.publicUrl}/bekreft-e-post/${token}`, hours: verifyLinkHours, site: context.siteName }),
  });
}

/** Whether an address-confirmation link is usable (for showing its page). */
export async function isVerificationTokenValid(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: emailVerifications.id })
    .from(emailVerifications)
    .where(and(eq(emailVerifications.id, sha256(token)), gt(emailVerifications.expiresAt, new Date())));
  return Boolean(row);
}

/** Use an address-confirmation link once: the account's address counts as the person's from now on. */
export async function confirmEmail(db: Db, token: string, requestId?: string): Promise<{ ok: true; userId: string } | { ok: false }> {
  return db.transaction(async (tx) => {
    const [used] = await tx
      .delete(emailVerifications)
      .where(and(eq(emailVerifications.id, sha256(token)), gt(emailVerifications.expiresAt, new Date())))
      .returning({ userId: emailVerifications.userId });
    if (!used) return { ok: false as const };
    await tx.update(users).set({ emailVerifiedAt: new Date() }).where(and(eq(users.id, used.userId), isNull(users.emailVerifiedAt)));
    await recordAudit(tx as unknown as Db, { actorUserId: used.userId, action: "update", subjectUserId: used.userId, entityType: "user", entityId: used.userId, details: { fields: ["email_verified"] }, requestId });
    return { ok: true as const, userId: used.userId };
  });
}

export async function isEmailVerified(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ at: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return Boolean(row?.at);
}

/** Verify credentials. Takes the same time whether the account exists or not. */
export async function checkCredentials(db: Db, email: string, password: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  if (!row) {
    await verifyPassword(await dummyHash(), password);
    return undefined;
  }
  return (await verifyPassword(row.passwordHash, password)) ? row.id : undefined;
}

/** A new session with a fresh random id (rotation at login). Returns the cookie token. */
export async function createSession(db: Db, userId: string): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    expiresAt: new Date(Date.now() + sessionAbsoluteHours * 3600_000),
  });
  return token;
}

/**
 * What the session query reads of the person's toolkit besides: whether they consented, and their data key
 * as stored (wrapped under the master key; null before the first write). A toolkit page then needs no
 * statement of its own for either (ADR 0021). Never sent to a browser.
 */
export type SessionToolkit = { userId: string; consent: boolean; wrappedKey: string | null };

/** The user behind a session token (getSession), without the toolkit part. */
export async function getSessionUser(db: Db, token: string, idleMinutes: number): Promise<CurrentUser | undefined> {
  return (await getSession(db, token, idleMinutes))?.user;
}

/**
 * The user behind a session token, with their memberships, their toolkit consent and wrapped data key, in
 * one query — if the session is neither expired nor idle too long. Touches last_seen_at at most once a
 * minute so page views do not each write.
 */
export async function getSession(db: Db, token: string, idleMinutes: number): Promise<{ user: CurrentUser; toolkit: SessionToolkit } | undefined> {
  const id = sha256(token);
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      isAdmin: users.isAdmin,
      emailVerifiedAt: users.emailVerifiedAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      memberships: sql<{ centreId: string; centreName: string; role: CentreRole }[]>`coalesce((
        select json_agg(json_build_object('centreId', m.centre_id, 'centreName', c.short_name, 'role', m.role) order by c.short_name, m.role)
        from ${memberships} m join ${centres} c on c.id = m.centre_id
        where m.user_id = ${users.id}
      ), '[]'::json)`,
      toolkitConsent: sql<boolean>`exists (select 1 from ${toolkitConsents} tc where tc.user_id = ${users.id})`,
      toolkitKey: sql<string | null>`(select tk.wrapped_key from ${toolkitKeys} tk where tk.user_id = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return undefined;
  const lastSeenAt = new Date(row.lastSeenAt);
  const expiresAt = new Date(row.expiresAt);
  const now = Date.now();
  if (expiresAt.getTime() <= now || lastSeenAt.getTime() + idleMinutes * 60_000 <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return undefined;
  }
  if (now - lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, id));
  }
  const held = typeof row.memberships === "string" ? (JSON.parse(row.memberships) as CurrentUser["memberships"]) : row.memberships;
  return {
    user: { id: row.id, name: row.name, email: row.email, isAdmin: row.isAdmin, emailVerified: Boolean(row.emailVerifiedAt), memberships: held },
    toolkit: { userId: row.id, consent: Boolean(row.toolkitConsent), wrappedKey: row.toolkitKey ?? null },
  };
}

export async function loadMemberships(db: Db, userId: string): Promise<CurrentUser["memberships"]> {
  const rows = await db
    .select({ centreId: memberships.centreId, centreName: centres.shortName, role: memberships.role })
    .from(memberships)
    .innerJoin(centres, eq(centres.id, memberships.centreId))
    .where(eq(memberships.userId, userId))
    .orderBy(centres.shortName, memberships.role);
  return rows.map((r) => ({ ...r, role: r.role as CentreRole }));
}

export function toActor(user: CurrentUser): Actor {
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    memberships: user.memberships.map(({ centreId, role }) => ({ centreId, role })),
  };
}

export async function endSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}

export async function endAllSessions(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function pruneSessions(db: Db) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  await db.delete(passwordResets).where(lt(passwordResets.expiresAt, sql`now() - interval '1 day'`));
}

/**
 * Send a one-time reset link if the account exists. The caller answers the same either way.
 */
export async function requestPasswordReset(
  db: Db,
  mailer: Mailer,
  input: { email: string } & MailContext,
): Promise<void> {
  const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, input.email.toLowerCase()));
  if (!user) return;
  const token = randomToken();
  await db.insert(passwordResets).values({
    id: sha256(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + resetLinkMinutes * 60_000),
  });
  const link = `${input.publicUrl}/nytt-passord/${token}`;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(input.lang, key, params);
  await mailer.send({
    to: input.email,
    subject: t("mail.reset.subject", { site: input.siteName }),
    text: t("mail.reset.body", { name: user.name, link, minutes: resetLinkMinutes, site: input.siteName }),
  });
}

/** Whether a reset token is currently usable (for showing the form). */
export async function isResetTokenValid(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.id, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())));
  return Boolean(row);
}

/** Use a reset token once: set the new password and end every session of the account. */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  requestId?: string,
): Promise<{ ok: true; userId: string; email: string } | { ok: false }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.id, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning({ userId: passwordResets.userId });
    if (!used) return { ok: false as const };
    // The link reached the person through this address: that confirms it too.
    const [account] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, used.userId))
      .returning({ email: users.email });
    await tx.delete(sessions).where(eq(sessions.userId, used.userId));
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, used.userId), isNull(passwordResets.usedAt)));
    await recordAudit(tx as unknown as Db, {
      actorUserId: used.userId,
      action: "update",
      subjectUserId: used.userId,
      entityType: "password",
      entityId: used.userId,
      details: { via: "reset_link" },
      requestId,
    });
    return { ok: true as const, userId: used.userId, email: account?.email ?? "" };
  });
}

/** Change password knowing the current one; ends all sessions (the caller starts a new one). */
export async function changePassword(
  db: Db,
  userId: string,
  input: { currentPassword: string; password: string },
  requestId?: string,
): Promise<{ ok: true } | { ok: false; reason: "wrong_password" }> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) return { ok: false, reason: "wrong_password" };
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    // Reset links asked for before the change stop working too.
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
    await recordAudit(tx as unknown as Db, {
      actorUserId: userId,
      action: "update",
      subjectUserId: userId,
      entityType: "password",
      entityId: userId,
      requestId,
    });
  });
  return { ok: true };
}

export async function updateProfile(db: Db, userId: string, input: { name: string }, requestId?: string) {
  await db.update(users).set({ name: input.name }).where(eq(users.id, userId));
  await recordAudit(db, { actorUserId: userId, action: "update", subjectUserId: userId, entityType: "user", entityId: userId, details: { fields: ["name"] }, requestId });
}

/**
 * Delete the account and everything tied to it (sessions, memberships, reset links).
 * The audit trail keeps that this id was deleted, and by whom, without name or e-mail.
 */
export async function deleteAccount(
  db: Db,
  userId: string,
  password: string,
  requestId?: string,
): Promise<{ ok: true } | { ok: false; reason: "wrong_password" }> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!row || !(await verifyPassword(row.passwordHash, password))) return { ok: false, reason: "wrong_password" };
  await db.transaction(async (tx) => {
    await recordAudit(tx as unknown as Db, {
      actorUserId: userId,
      action: "delete",
      subjectUserId: userId,
      entityType: "user",
      entityId: userId,
      details: { by: "self" },
      requestId,
    });
    await tx.delete(users).where(eq(users.id, userId));
  });
  return { ok: true };
}
