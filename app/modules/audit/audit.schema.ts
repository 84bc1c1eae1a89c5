import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "~/db/columns";

/**
 * Who read or changed whose personal data, when, and in which role.
 * No foreign keys: the trail outlives the accounts it mentions.
 * `details` never holds personal data, only ids and field names.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorCentreId: uuid("actor_centre_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    subjectUserId: uuid("subject_user_id"),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    details: jsonb("details").$type<Record<string, string | number | boolean | string[]>>(),
    requestId: text("request_id"),
  },
  (t) => [index("audit_subject_idx").on(t.subjectUserId, t.at), index("audit_entity_idx").on(t.entityType, t.entityId)],
);
