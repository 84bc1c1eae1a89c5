import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "~/db/columns";
import { users } from "~/modules/accounts/accounts.schema";

export const centres = pgTable("centres", {
  id: id(),
  name: text("name").notNull(),
  /** Short name shown in the header, e.g. "KBT". */
  shortName: text("short_name").notNull(),
  kommunenummer: text("kommunenummer").notNull(),
  fylkesnummer: text("fylkesnummer").notNull(),
  email: text("email"),
  phone: text("phone"),
  website: text("website"),
  address: text("address"),
  ...timestamps(),
});

/** One row per (centre, user, role): a person can hold several roles at a centre. */
export const memberships = pgTable(
  "memberships",
  {
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.userId, t.role] }), index("memberships_user_idx").on(t.userId)],
);

/** Invitations sent by e-mail; the link carries a random token whose SHA-256 is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    roles: text("roles").array().notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index("invitations_centre_idx").on(t.centreId)],
);
