import { randomUUID } from "node:crypto";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Application-generated primary key (UUID v4), so ids are known before insert. */
export const id = () =>
  uuid("id")
    .primaryKey()
    .$defaultFn(() => randomUUID());

export const timestamps = () => ({
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date()),
});
