import { sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { rateLimits } from "./platform.schema";

export type Limit = { max: number; windowSeconds: number };

export const limits = {
  /**
   * Log-in (ADR 0016): these count *wrong* passwords, per account and client, so a stranger's guesses never
   * lock the owner out. A browser where the person logged in before (device cookie) has its own count; all
   * other clients together have a larger one per account, against guessing from many addresses.
   */
  loginPerAccountAndIp: { max: 5, windowSeconds: 15 * 60 },
  loginPerDevice: { max: 10, windowSeconds: 15 * 60 },
  loginPerAccountUnknownClients: { max: 30, windowSeconds: 60 * 60 },
  // Per IP is generous: a centre's shared network puts many people behind one address.
  loginPerIp: { max: 100, windowSeconds: 15 * 60 },
  resetPerAccount: { max: 3, windowSeconds: 60 * 60 },
  resetPerIp: { max: 30, windowSeconds: 60 * 60 },
  signupPerIp: { max: 50, windowSeconds: 60 * 60 },
  /** Sign-ups naming one address, whether or not it has an account (so the answer tells nothing): no mail flood. */
  signupPerAddress: { max: 3, windowSeconds: 60 * 60 },
  /** New links that confirm an address, per logged-in account. */
  verifyPerAccount: { max: 5, windowSeconds: 60 * 60 },
  /** Checks of the current password (change password, delete account) per logged-in account. */
  passwordCheckPerAccount: { max: 5, windowSeconds: 15 * 60 },
  invitesPerAccount: { max: 50, windowSeconds: 60 * 60 },
} satisfies Record<string, Limit>;

/**
 * Count one attempt against a fixed window, in PostgreSQL so every app instance shares it.
 * Returns whether the attempt is within the limit. `key` must already be an HMAC (no raw e-mail/IP).
 */
export async function hit(db: Db, key: string, limit: Limit): Promise<boolean> {
  const result = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} < now() - make_interval(secs => ${limit.windowSeconds}) then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${rateLimits.windowStart} < now() - make_interval(secs => ${limit.windowSeconds}) then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return (result[0]?.count ?? 1) <= limit.max;
}

/** Whether `key` has used up `limit` in its current window, without counting anything (count failures with `hit`). */
export async function isLimited(db: Db, key: string, limit: Limit): Promise<boolean> {
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(sql`${rateLimits.key} = ${key} and ${rateLimits.windowStart} >= now() - make_interval(secs => ${limit.windowSeconds})`);
  return (row?.count ?? 0) >= limit.max;
}

export async function clear(db: Db, key: string) {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`);
}

export async function pruneRateLimits(db: Db) {
  await db.delete(rateLimits).where(sql`${rateLimits.windowStart} < now() - interval '1 day'`);
}
