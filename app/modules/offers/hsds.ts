import { z } from "zod";
import type { OfferKind } from "./offers";
import { findKommune, fylker } from "~/modules/centres/kommuner";

/**
 * The HSDS 3.0 read API: vocabularies, query parameters and response shapes. Pure: no database.
 * Our Norwegian profile adds to services: tilbudstype, malgruppe, ingen_henvisning, gratis; to locations:
 * kommunenummer, fylkesnummer; to organizations: organisasjonsnummer; and the list filters
 * kommunenummer and fylkesnummer.
 */
export const hsdsVersion = "3.0";

/** The Knutepunkt taxonomy of offer kinds, served at /taxonomies and /taxonomy_terms. */
export const kindTaxonomy = {
  id: "ea8255eb-a05d-5e08-bbcd-c4ceb05117ee",
  name: "Knutepunkt tilbudstyper",
  description: "Typer recovery-tilbud i Knutepunkt-katalogen.",
  version: "1.0",
} as const;

export const kindTerms: Record<OfferKind, { id: string; name: string }> = {
  "arbeid-og-aktivitet": { id: "bdd4fd02-7f45-5142-940f-b064afc7b707", name: "Arbeid og aktivitet" },
  "kultur-musikk-og-sang": { id: "4b319057-693d-5cc8-88a1-7d8b1b88fc46", name: "Kultur, musikk og sang" },
  likepersonsarbeid: { id: "9a6937cf-8c69-5492-8f64-f8f992fd92a2", name: "Likepersonsarbeid" },
  "kurs-og-opplaering": { id: "7ccc64da-3fdd-5ff0-9764-748b563245e6", name: "Kurs og opplæring" },
  treffsted: { id: "bab10052-6bf2-5a09-bbee-abca8576b7b5", name: "Treffsted" },
  parorende: { id: "06a148e5-d3df-5e66-bc92-e8742757aabe", name: "Pårørende" },
  "bolig-og-rehabilitering": { id: "d0c975ff-8cae-58a7-a6ff-5b90a7c3ec15", name: "Bolig og rehabilitering" },
  "veiledning-for-kommuner": { id: "72131d65-41cf-5a36-a930-6bc708b0c17c", name: "Veiledning for kommuner" },
  behandling: { id: "85235e99-593b-5ec4-ac59-0bf14cece355", name: "Behandling" },
};

export function termObject(kind: OfferKind) {
  const term = kindTerms[kind];
  return { id: term.id, code: kind, name: term.name, description: term.name, taxonomy_id: kindTaxonomy.id, language: "nb" };
}

export function kindForTerm(termId: string): OfferKind | undefined {
  return (Object.keys(kindTerms) as OfferKind[]).find((k) => kindTerms[k].id === termId);
}

const bool = z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true");
const uuid = z.uuid({ error: "must be a UUID" });

const common = {
  page: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").default(1),
  per_page: z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be 1 or more").max(1000, "must be at most 1000").default(50),
  format: z.enum(["json", "ndjson"], { error: "must be json or ndjson" }).default("json"),
  search: z.string().max(200, "must be at most 200 characters").optional(),
  minimal: bool.optional(),
  full: bool.optional(),
};

const place = {
  kommunenummer: z.string().refine((v) => Boolean(findKommune(v)), "must be a kommunenummer (SSB 2024)").optional(),
  fylkesnummer: z.string().refine((v) => fylker.some((f) => f.fylkesnummer === v), "must be a fylkesnummer (SSB 2024)").optional(),
};

/** Query parameters per endpoint. Strict: an unknown parameter is a 400, never silently ignored. */
export const serviceParams = z
  .object({
    ...common,
    ...place,
    taxonomy_term_id: uuid.optional(),
    taxonomy_id: uuid.optional(),
    organization_id: uuid.optional(),
    modified_after: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).or(z.iso.date({ error: "must be an ISO 8601 date" })).optional(),
  })
  .strict();

export const organizationParams = z.object({ ...common }).strict();

export const taxonomyParams = z.object({ page: common.page, per_page: common.per_page, format: common.format, search: common.search }).strict();

export const taxonomyTermParams = z
  .object({
    page: common.page,
    per_page: common.per_page,
    format: common.format,
    search: common.search,
    taxonomy_id: uuid.optional(),
    top_only: bool.optional(),
    parent_id: uuid.optional(),
  })
  .strict();

export type ServiceParams = z.output<typeof serviceParams>;

/** The HSDS Page object around a list. */
export function page<T>(contents: T[], total: number, pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    // "An empty result set": this page's, so a page past the end says empty (HSDS 3.0 Page).
    empty: contents.length === 0,
    contents,
  };
}

/** HSDS fields are optional but never null: drop nulls and undefined. */
export function clean<T extends Record<string, unknown>>(object: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined)) as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}

/** Query parameters as an object, with a clear message per bad parameter. */
export function parseParams<S extends z.ZodType>(schema: S, url: URL): { ok: true; data: z.output<S> } | { ok: false; errors: { parameter: string; message: string }[] } {
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in raw) return { ok: false, errors: [{ parameter: key, message: "may be given once" }] };
    raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => ({ parameter: key, message: "is not a parameter of this endpoint" }))
        : [{ parameter: String(issue.path[0] ?? ""), message: issue.message }],
    ),
  };
}
