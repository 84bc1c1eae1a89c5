import { sql } from "drizzle-orm";
import { boolean, customType, date, doublePrecision, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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

/** PostgreSQL's text search document type (Drizzle has none built in). */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The text the offers search matches (ADR 0012): name, alternate name and description. */
const searchDocument = sql`name || ' ' || coalesce(alternate_name, '') || ' ' || description`;

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
    /*
     * The search's own columns (ADR 0023). Never written by the app: the fylke and kommune numbers of the
     * service's places are kept by triggers on service_at_locations and locations (drizzle/0007), the
     * search document and its tsvector are generated from the row.
     */
    fylker: text("fylker").array().notNull().default(sql`'{}'::text[]`),
    kommuner: text("kommuner").array().notNull().default(sql`'{}'::text[]`),
    searchText: text("search_text").generatedAlwaysAs(sql`lower(${searchDocument})`),
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('norwegian'::regconfig, ${searchDocument})`),
    ...timestamps(),
  },
  (t) => [
    // Each search scans a GIN index's whole pending list (until vacuum merges it), so it is kept short:
    // none for the place arrays (a key or two per row), at most 256 kB for the text indexes, whose rows
    // have a hundred keys each and would make bulk writes several times slower without one (ADR 0023).
    index("services_search_vector_idx").using("gin", t.searchVector).with({ gin_pending_list_limit: 256 }),
    index("services_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")).with({ gin_pending_list_limit: 256 }),
    index("services_fylker_idx").using("gin", t.fylker).with({ fastupdate: false }),
    index("services_kommuner_idx").using("gin", t.kommuner).with({ fastupdate: false }),
    index("services_kind_idx").on(t.kind),
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
    url: text("url"),
    transportation: text("transportation"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
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

/*
 * The HSDS objects that hang off services, locations and organizations. Each row belongs to exactly one
 * parent through a nullable foreign key per possible parent (as HSDS's tabular format has them), and goes
 * with it when the parent is deleted. None of them carries personal data: contacts are roles
 * ("Koordinator"), not private persons, and the edit forms say so.
 */
const serviceRef = () => uuid("service_id").references(() => services.id, { onDelete: "cascade" });
const locationRef = () => uuid("location_id").references(() => locations.id, { onDelete: "cascade" });
const organizationRef = () => uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" });
const salRef = () => uuid("service_at_location_id").references(() => serviceAtLocations.id, { onDelete: "cascade" });

/** HSDS address of a location. Norway: state_province is the fylke, country "NO". */
export const addresses = pgTable(
  "addresses",
  {
    id: id(),
    locationId: locationRef().notNull(),
    attention: text("attention"),
    address1: text("address_1").notNull(),
    address2: text("address_2"),
    city: text("city").notNull(),
    region: text("region"),
    stateProvince: text("state_province").notNull().default(""),
    postalCode: text("postal_code").notNull(),
    country: text("country").notNull().default("NO"),
    addressType: text("address_type").notNull().default("physical"),
    ...timestamps(),
  },
  (t) => [index("addresses_location_idx").on(t.locationId)],
);

/** HSDS contact: a role or a named contact point of an organization, service or location. */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    organizationId: organizationRef(),
    serviceId: serviceRef(),
    locationId: locationRef(),
    serviceAtLocationId: salRef(),
    name: text("name"),
    title: text("title"),
    department: text("department"),
    email: text("email"),
    ...timestamps(),
  },
  (t) => [index("contacts_service_idx").on(t.serviceId), index("contacts_location_idx").on(t.locationId), index("contacts_org_idx").on(t.organizationId)],
);

/** HSDS phone of an organization, service, location or contact. */
export const phones = pgTable(
  "phones",
  {
    id: id(),
    organizationId: organizationRef(),
    serviceId: serviceRef(),
    locationId: locationRef(),
    contactId: uuid("contact_id").references(() => contacts.id, { onDelete: "cascade" }),
    serviceAtLocationId: salRef(),
    number: text("number").notNull(),
    extension: integer("extension"),
    type: text("type"),
    description: text("description"),
    ...timestamps(),
  },
  (t) => [index("phones_service_idx").on(t.serviceId), index("phones_location_idx").on(t.locationId), index("phones_org_idx").on(t.organizationId), index("phones_contact_idx").on(t.contactId)],
);

/** HSDS schedule: iCalendar RRULE parts plus opening times (local Norwegian time) and a free-text note. */
export const schedules = pgTable(
  "schedules",
  {
    id: id(),
    serviceId: serviceRef(),
    locationId: locationRef(),
    serviceAtLocationId: salRef(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    dtstart: date("dtstart"),
    timezone: numeric("timezone"),
    until: date("until"),
    count: integer("count"),
    wkst: text("wkst"),
    freq: text("freq"),
    interval: integer("interval"),
    byday: text("byday"),
    byweekno: text("byweekno"),
    bymonthday: integer("bymonthday"),
    byyearday: integer("byyearday"),
    description: text("description"),
    opensAt: text("opens_at"),
    closesAt: text("closes_at"),
    scheduleLink: text("schedule_link"),
    attendingType: text("attending_type"),
    notes: text("notes"),
    ...timestamps(),
  },
  (t) => [index("schedules_service_idx").on(t.serviceId), index("schedules_location_idx").on(t.locationId), index("schedules_sal_idx").on(t.serviceAtLocationId)],
);

/** HSDS language a service, location or phone is offered in (ISO 639-1 code). */
export const languages = pgTable(
  "languages",
  {
    id: id(),
    serviceId: serviceRef(),
    locationId: locationRef(),
    phoneId: uuid("phone_id").references(() => phones.id, { onDelete: "cascade" }),
    name: text("name"),
    code: text("code"),
    note: text("note"),
    ...timestamps(),
  },
  (t) => [index("languages_service_idx").on(t.serviceId), index("languages_location_idx").on(t.locationId)],
);

/** HSDS accessibility of a location (step-free access, hearing loop, …). */
export const accessibilities = pgTable(
  "accessibilities",
  {
    id: id(),
    locationId: locationRef().notNull(),
    description: text("description"),
    details: text("details"),
    url: text("url"),
    ...timestamps(),
  },
  (t) => [index("accessibilities_location_idx").on(t.locationId)],
);

/** HSDS service area. Norwegian profile: a kommune or fylke by number, as well as a name. */
export const serviceAreas = pgTable(
  "service_areas",
  {
    id: id(),
    serviceId: serviceRef().notNull(),
    name: text("name"),
    description: text("description"),
    extent: text("extent"),
    extentType: text("extent_type"),
    uri: text("uri"),
    kommunenummer: text("kommunenummer"),
    fylkesnummer: text("fylkesnummer"),
    ...timestamps(),
  },
  (t) => [index("service_areas_service_idx").on(t.serviceId)],
);

/** HSDS cost option of a service (NOK unless said otherwise). */
export const costOptions = pgTable(
  "cost_options",
  {
    id: id(),
    serviceId: serviceRef().notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    option: text("option"),
    currency: text("currency"),
    amount: numeric("amount", { mode: "number" }),
    amountDescription: text("amount_description"),
    ...timestamps(),
  },
  (t) => [index("cost_options_service_idx").on(t.serviceId)],
);

/**
 * HSDS organization identifiers other than the organisasjonsnummer (which the profile keeps on the
 * organization and the API lists first), e.g. a charity register number.
 */
export const organizationIdentifiers = pgTable(
  "organization_identifiers",
  {
    id: id(),
    organizationId: organizationRef().notNull(),
    identifierScheme: text("identifier_scheme"),
    identifierType: text("identifier_type").notNull(),
    identifier: text("identifier").notNull(),
    ...timestamps(),
  },
  (t) => [index("organization_identifiers_org_idx").on(t.organizationId)],
);

/**
 * An import of offers (HSDS JSON or tabular CSV) between upload and the end of the run: the checked rows
 * wait here for the preview, and the run writes its progress here so the page can show it. Directory data
 * only — no personal data. Old imports are removed after a day.
 */
export const offerImports = pgTable(
  "offer_imports",
  {
    id: id(),
    /** The centre the offers are imported for; null: the network's own (administrators). */
    centreId: uuid("centre_id").references(() => centres.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").notNull(),
    fileName: text("file_name").notNull(),
    format: text("format").notNull(),
    /** preview → running → done | failed */
    status: text("status").notNull().default("preview"),
    totalRows: integer("total_rows").notNull().default(0),
    validRows: integer("valid_rows").notNull().default(0),
    processedRows: integer("processed_rows").notNull().default(0),
    importedRows: integer("imported_rows").notNull().default(0),
    /** The checked rows: each row's data, label and problems. */
    payload: jsonb("payload").notNull(),
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [index("offer_imports_created_idx").on(t.createdAt)],
);
