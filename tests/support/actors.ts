import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/modules/accounts/accounts.schema";
import { memberships } from "~/modules/centres/centres.schema";
import type { Actor } from "~/modules/centres/permissions";

/** The Actor a logged-in person would be, read from the database by e-mail (demo accounts in tests). */
export async function actorFor(db: Db, email: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id, isAdmin: users.isAdmin }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`No account ${email}`);
  const held = await db.select({ centreId: memberships.centreId, role: memberships.role }).from(memberships).where(eq(memberships.userId, u.id));
  return { userId: u.id, isAdmin: u.isAdmin, memberships: held.map((m) => ({ centreId: m.centreId, role: m.role as Actor["memberships"][number]["role"] })) };
}
