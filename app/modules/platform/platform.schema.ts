import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id } from "~/db/columns";

/** Fixed-window counters for rate limits, shared by every app instance. Keys are HMACs, never raw e-mail or IP. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/** Mail kept when no SMTP_URL is configured (development outbox, visible to administrators). */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    to: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_created_idx").on(t.createdAt)],
);
