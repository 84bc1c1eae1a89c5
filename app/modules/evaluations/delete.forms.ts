import { z } from "zod";
import { titleMax } from "./evaluations.forms";

/**
 * The form that deletes an evaluation project (ADR 0027): the person types the project's title to confirm,
 * and the form carries what the page showed (`seen`: the project's revision and its counts, written by
 * `deletionStamp`), so a project that changed meanwhile is not deleted on the strength of old numbers.
 * Messages are i18n keys. Whether the typed title is the right one is decided in delete.server.ts, against
 * the title in the database.
 */
export const deleteProjectSchema = z.object({
  confirmTitle: z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .pipe(z.string().trim().min(1, "evaluations.delete.error.title_missing").max(titleMax * 2, "evaluations.delete.error.title_wrong")),
  seen: z.string({ error: "evaluations.delete.error.changed" }).regex(/^\d{1,10}(?:-\d{1,10}){1,12}$/, "evaluations.delete.error.changed"),
});
export type DeleteProjectInput = z.output<typeof deleteProjectSchema>;
