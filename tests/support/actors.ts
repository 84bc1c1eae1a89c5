import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/modules/accounts/accounts.schema";
import { memberships } from "~/modules/centres/centres.schema";
import type { Actor } from "~/modules/centres/permissions";
import { confirmEmail, sendSignUpMail, signUp } from "~/modules/accounts/accounts.server";
import type { Mail, Mailer } from "~/modules/platform/mail.server";

/** The Actor a logged-in person would be, read from the database by e-mail (demo accounts in tests). */
export async function actorFor(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`No account ${email}`);
  const held = await db.select({ centreId: memberships.centreId, role: memberships.role }).from(memberships).where(eq(memberships.userId, u.id));
  return { userId: u.id, isAdmin: u.isAdmin, memberships: held.map((m) => ({ centreId: m.centreId, role: m.role as Actor["memberships"][number]["role"] })) };
}

/** A mailer that keeps what it sends in memory: for tests that follow a mailed link. */
export function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return { kind: "outbox", sent, send: async (mail) => void sent.push(mail) };
}

/** Sign up and confirm the address through the mailed link, as a person would. */
export async function signUpConfirmed(db: Db, input: { name: string; email: string; password: string }): Promise<{ userId: string }> {
  const result = await signUp(db, input);
  if (!result.created) throw new Error(`${input.email} is taken`);
  const mailer = memoryMailer();
  await sendSignUpMail(db, mailer, result, { publicUrl: "http://localhost", lang: "nb", siteName: "Knutepunkt" });
  const token = /\/bekreft-e-post\/([A-Za-z0-9_-]+)/.exec(mailer.sent[0]?.text ?? "")?.[1];
  if (!token || !(await confirmEmail(db, token)).ok) throw new Error("confirmation failed");
  return { userId: result.userId };
}
