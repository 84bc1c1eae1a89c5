import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "~/db/columns";
import { centres } from "~/modules/centres/centres.schema";

/** HSDS organization. `centre_id` is the user-led centre that maintains it (null: the network's own). */
export const organizations = pgTable("organizations", {
  id: id(),
  centreId: uuid("centre_id").references(() => centres.id, { onDelete: "set null" }),
  name: text("name").notNull(),
  alternateName: text("alternate_name"),
  description: text("description").notNull().default(""),
  email: text("email"),
  website: text("website"),
  /** Norwegian profile: organisasjonsnummer (9 digits), when known. */
  organisasjonsnummer: text("organisasjonsnummer"),
  archivedAt: timestamp("archived_at", { withTimezone: true }),
  ...timestamps(),
});

/** HSDS service, with the Norwegian profile's fields. */
export const services = pgTable(
  "services",
  {
    id: id(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    centreId: uuid("centre_id").references(() => centres.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    alternateName: text("alternate_name"),
    description: text("description").notNull().default(""),
    url: text("url"),
    email: text("email"),
    status: text("status").notNull().default("active"),
    applicationProcess: text("application_process"),
    eligibilityDescription: text("eligibility_description"),
    feesDescription: text("fees_description"),
    /** "Sist kontrollert": when someone last checked the entry is right. */
    assuredDate: date("assured_date"),
    kind: text("kind"),
    targetGroups: text("target_groups").array().notNull().default(sql`'{}'::text[]`),
    /** Norwegian profile: no referral needed (null: not known). */
    noReferral: boolean("no_referral"),
    /** Norwegian profile: free of charge (null: not known). */
    free: boolean("free"),
    source: text("source"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("services_search_idx").using("gin", sql`to_tsvector('norwegian', ${t.name} || ' ' || coalesce(${t.alternateName}, '') || ' ' || ${t.description})`),
    index("services_org_idx").on(t.organizationId),
    index("services_centre_idx").on(t.centreId),
  ],
);

/** HSDS location, with kommunenummer and fylkesnummer from the SSB reference data. */
export const locations = pgTable(
  "locations",
  {
    id: id(),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    locationType: text("location_type").notNull().default("physical"),
    name: text("name"),
    alternateName: text("alternate_name"),
    description: text("description"),
    kommunenummer: text("kommunenummer"),
    fylkesnummer: text("fylkesnummer"),
    ...timestamps(),
  },
  (t) => [index("locations_kommune_idx").on(t.kommunenummer), index("locations_fylke_idx").on(t.fylkesnummer)],
);

/** HSDS service_at_location: where a service is offered. */
export const serviceAtLocations = pgTable(
  "service_at_locations",
  {
    id: id(),
    serviceId: uuid("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    locationId: uuid("location_id")
      .notNull()
      .references(() => locations.id, { onDelete: "cascade" }),
    description: text("description"),
    ...timestamps(),
  },
  (t) => [index("sal_service_idx").on(t.serviceId), index("sal_location_idx").on(t.locationId)],
);

/**
 * HSDS metadata: the field-level change log of the directory — who changed what, when, old and new value.
 * `updated_by` is the user id (no FK: the log outlives accounts); pages show the name while the account exists.
 */
export const offerMetadata = pgTable(
  "offer_metadata",
  {
    id: id(),
    resourceId: uuid("resource_id").notNull(),
    resourceType: text("resource_type").notNull(),
    lastActionDate: timestamp("last_action_date", { withTimezone: true }).notNull().defaultNow(),
    lastActionType: text("last_action_type").notNull(),
    fieldName: text("field_name").notNull(),
    previousValue: text("previous_value").notNull().default(""),
    replacementValue: text("replacement_value").notNull().default(""),
    updatedBy: uuid("updated_by"),
  },
  (t) => [index("offer_metadata_resource_idx").on(t.resourceId, t.lastActionDate)],
);
