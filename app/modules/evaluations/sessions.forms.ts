import { z } from "zod";
import { identifyingKinds, type IdentifyingKind } from "~/lib/identifying-details";
import { normaliseDate } from "~/modules/toolkit/toolkit.forms";
import { noteMaxLength, polarities, quoteMaxLength, sessionKinds } from "./evaluations";

/**
 * Zod schemas for interview sessions, notes, quotes, statements and codes (issue 13, items 4 and 5).
 * Messages are i18n keys (sessions.*.ts). The rules that need the project (period, team, sites) are
 * checked by the use cases in sessions.server.ts with the pure rules of evaluations.ts.
 */


/**
 * "5", " 5 " → 5; "", "fem", "4.5" → NaN, which the session rules answer with "a whole number". Every field
 * is lenient here, so the use case checks them all against the project and the page lists every problem at once.
 */
const participants = z
  .string()
  .default("")
  .transform((v) => (/^-?\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : Number.NaN));

/** The facts of a session: kind, date, site, participants, interviewers. */
export const sessionSchema = z.object({
  kind: z.enum(sessionKinds, "evaluations.session.error.kind"),
  heldOn: z.string().default("").transform(normaliseDate),
  siteId: z.string().default(""),
  participants,
  interviewers: z.array(z.string().max(64)).max(10),
});
export type SessionInput = z.output<typeof sessionSchema>;

/** The revision a form started from ("" for a row that did not exist yet). */
export const revisionField = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{1,9}$/.test(v) ? Number(v) : null));

/** The kinds the writer was shown and ticked "checked, save anyway" for: `confirm` holds them comma-separated. */
export function confirmedKinds(value: FormDataEntryValue | null): IdentifyingKind[] {
  if (typeof value !== "string") return [];
  return [...new Set(value.split(",").filter((k): k is IdentifyingKind => (identifyingKinds as readonly string[]).includes(k)))];
}

export const noteText = z.string().max(noteMaxLength, "evaluations.session.error.note_too_long");
export const quoteSchema = z.object({
  themeId: z.string("evaluations.session.error.theme").regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "evaluations.session.error.theme"),
  text: z.string().trim().min(1, "evaluations.session.error.quote_empty").max(quoteMaxLength, "evaluations.session.error.quote_too_long"),
});

/** A project's own code, or a new name and description for one. */
export const codeSchema = z.object({
  name: z.string().trim().min(1, "evaluations.code.error.name_required").max(80, "evaluations.code.error.name_too_long"),
  description: z.string().trim().max(500, "evaluations.code.error.description_too_long").default(""),
});

export const statementMaxLength = 2_000;
export const polaritySchema = z.enum(polarities).nullable();
