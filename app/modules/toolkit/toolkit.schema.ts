import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "~/db/columns";
import { users } from "~/modules/accounts/accounts.schema";
import { centres } from "~/modules/centres/centres.schema";

/**
 * The participant's data key, wrapped under the installation's master key. Deleting this row
 * ("crypto-shredding") makes every toolkit value of the person unreadable, also in old backups.
 */
export const toolkitKeys = pgTable("toolkit_keys", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  wrappedKey: text("wrapped_key").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One thing a participant wrote or chose: an answer to a card's question, a values sort, a value
 * reflection, the dream, a check-in, a stage placement, a suggestion on the dream.
 * `body` is JSON encrypted with the owner's data key (bound to the row id); only `tool`, `ref` and times are
 * in the clear. `ref` is never free text: a card and question id, a value id, "dream", or a random id.
 * `revision` counts saves (optimistic concurrency: a save names the revision it started from).
 */
export const toolkitEntries = pgTable(
  "toolkit_entries",
  {
    id: id(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tool: text("tool").notNull(),
    ref: text("ref").notNull(),
    revision: integer("revision").notNull().default(1),
    body: text("body").notNull(),
    /** Who wrote it when not the owner (a peer worker's suggestion); null when the owner did. */
    authorId: uuid("author_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("toolkit_entries_ref_uq").on(t.ownerId, t.tool, t.ref), index("toolkit_entries_owner_idx").on(t.ownerId, t.tool, t.updatedAt)],
);

/** Earlier versions of an entry (an answer's history), encrypted like the entry, bound to entry and revision. */
export const toolkitEntryVersions = pgTable(
  "toolkit_entry_versions",
  {
    entryId: uuid("entry_id")
      .notNull()
      .references(() => toolkitEntries.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    body: text("body").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("toolkit_entry_versions_pk").on(t.entryId, t.revision)],
);

/**
 * One item of a participant's toolkit shared with one peer worker of a centre both belong to.
 * `item`: "card:<card id>", "values", "dream", "check_in" or "stages". `mode`: "read" or "suggest".
 * Revoking sets revoked_at (kept, so the participant sees what was shared when).
 */
export const toolkitShares = pgTable(
  "toolkit_shares",
  {
    id: id(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    peerId: uuid("peer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    item: text("item").notNull(),
    mode: text("mode").notNull(),
    /** Last day the share holds (Oslo date), or null for "until I revoke it". */
    until: date("until", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** When the peer worker first saw the share on "Delt med meg" (null: new to them). */
    seenAt: timestamp("seen_at", { withTimezone: true }),
  },
  (t) => [index("toolkit_shares_owner_idx").on(t.ownerId), index("toolkit_shares_peer_idx").on(t.peerId)],
);

/**
 * Check-in instrument packs a centre has installed (for example a validated instrument it holds a licence
 * for). The pack is data (items, scale, scoring, licence), checked by `instrumentPack` in check-in.ts.
 * Removing hides it for new check-ins; answers given with it still show with its texts.
 */
export const instrumentPacks = pgTable(
  "instrument_packs",
  {
    id: id(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    packId: text("pack_id").notNull(),
    version: integer("version").notNull(),
    pack: jsonb("pack").notNull(),
    installedBy: uuid("installed_by").references(() => users.id, {
      onDelete: "set null",
    }),
    installedAt: timestamp("installed_at", { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("instrument_packs_uq").on(t.centreId, t.packId, t.version)],
);

/**
 * The participant's explicit consent to keep what they write in the toolkit (GDPR art. 6(1)(a) and
 * 9(2)(a): it may be health data). Nothing is saved without it; "delete everything" withdraws it.
 */
export const toolkitConsents = pgTable("toolkit_consents", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Which wording the person agreed to (toolkit.consent.* texts); raise it when the meaning changes. */
  version: integer("version").notNull(),
  consentedAt: timestamp("consented_at", { withTimezone: true }).notNull().defaultNow(),
});
