import { z } from "zod";
import { offerKinds, targetGroups } from "./offers";
import { findKommune, fylker } from "~/modules/centres/kommuner";

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
