import { z } from "zod";
import { offerKinds, targetGroups } from "./offers";
import { findKommune, fylker } from "~/modules/centres/kommuner";
import { optionalEmail, optionalText, optionalUrl, requiredText } from "~/lib/form-fields";

/** An empty field (as a GET form sends it) counts as not given. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The search form on /tilbud: every filter is in the URL, so a search can be shared. */
export const searchSchema = z.object({
  q: optional(z.string().max(200, "error.too_long")),
  fylke: optional(z.string().refine((v) => fylker.some((f) => f.fylkesnummer === v), "error.invalid")),
  kommune: optional(z.string().refine((v) => Boolean(findKommune(v)), "error.kommune")),
  type: optional(z.enum(offerKinds, { error: "error.invalid" })),
  malgruppe: optional(z.enum(targetGroups, { error: "error.invalid" })),
  ingen_henvisning: optional(z.literal("1", { error: "error.invalid" })),
  gratis: optional(z.literal("1", { error: "error.invalid" })),
  side: optional(z.coerce.number({ error: "error.invalid" }).int("error.invalid").min(1, "error.invalid").max(10_000, "error.invalid")),
});

export type SearchInput = z.output<typeof searchSchema>;

const triState = z
  .enum(["yes", "no", "unknown"], { error: "error.invalid" })
  .optional()
  .transform((v) => (v === "yes" ? true : v === "no" ? false : null));

/** Editing an offer (coordinators of its centre, administrators). */
export const offerSchema = z.object({
  name: requiredText(200),
  alternateName: optionalText(200),
  description: z.string().trim().max(5000, "error.too_long").optional().transform((v) => v ?? ""),
  kind: z.preprocess((v) => (v === "" ? undefined : v), z.enum(offerKinds, { error: "error.invalid" }).optional()).transform((v) => v ?? null),
  targetGroups: z.array(z.enum(targetGroups, { error: "error.invalid" })).max(targetGroups.length),
  noReferral: triState,
  free: triState,
  url: optionalUrl(),
  email: optionalEmail(),
  applicationProcess: optionalText(2000),
  eligibilityDescription: optionalText(2000),
  feesDescription: optionalText(500),
  /** The version the form was opened on: a later save by someone else is told, not overwritten. */
  version: z.string({ error: "error.invalid" }).min(1, "error.invalid").max(40),
});
export type OfferInput = z.output<typeof offerSchema>;
