// Give (or take away) installation administrator rights: `npm run make-admin -- person@example.org [--remove]`.
// Uses the same configuration as the server (DATABASE_URL or the embedded database in DATA_DIR).
// The person must have signed up first. With the embedded database, stop the server first.
import { eq } from "drizzle-orm";
import { parseConfig, ConfigError } from "../app/lib/config";
import { migrateDb, openPglite, openPostgres } from "../app/db/client.server";
import { users } from "../app/modules/accounts/accounts.schema";
import { recordAudit } from "../app/modules/audit/audit.server";

const [email, flag] = process.argv.slice(2);
if (!email || (flag && flag !== "--remove")) {
  console.error("Usage: npm run make-admin -- person@example.org [--remove]");
  process.exit(2);
}

try {
  const config = parseConfig(process.env);
  const handle = config.databaseUrl ? await openPostgres(config.databaseUrl, 1) : await openPglite(config.dataDir);
  try {
    await migrateDb(handle);
    const isAdmin = flag !== "--remove";
    const [user] = await handle.db.update(users).set({ isAdmin }).where(eq(users.email, email.toLowerCase())).returning({ id: users.id });
    if (!user) {
      console.error(`No account with that e-mail address. Sign up first.`);
      process.exitCode = 1;
    } else {
      await recordAudit(handle.db, { actorUserId: null, action: isAdmin ? "create" : "delete", subjectUserId: user.id, entityType: "admin_right", entityId: user.id, details: { via: "command line" } });
      console.log(isAdmin ? "The account is now an administrator." : "The account is no longer an administrator.");
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : (error as Error).message);
  process.exit(1);
}
