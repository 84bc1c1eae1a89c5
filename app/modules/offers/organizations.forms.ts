import { z } from "zod";
import { optionalEmail, optionalText, optionalUrl, requiredText } from "~/lib/form-fields";
import { isValidOrgnr, normalizeOrgnr } from "./orgnr";
import { networkCentre } from "./offers";

/** Forms for the organisations behind the offers (HSDS organization). Messages are i18n keys. */

export { networkCentre };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Optional; typed with or without spaces, stored as nine digits with a valid mod-11 check digit. */
const organisasjonsnummer = z
  .string()
  .max(30, "offers.org.error_orgnr")
  .optional()
  .transform((v) => normalizeOrgnr(v ?? "") || null)
  .superRefine((v, ctx) => {
    if (v === null) return;
    if (!/^\d{9}$/.test(v)) ctx.addIssue({ code: "custom", message: "offers.org.error_orgnr" });
    else if (!isValidOrgnr(v)) ctx.addIssue({ code: "custom", message: "offers.org.error_orgnr_check" });
  });

/** One phone number of the organisation itself: digits, spaces, +, - and (), at least three digits. */
const phone = z
  .string()
  .trim()
  .max(30, "error.phone")
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || (/^\+?[\d\s()-]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 3), "error.phone");

const fields = {
  name: requiredText(200),
  alternateName: optionalText(200),
  description: z.string().trim().max(5000, "error.too_long").optional().transform((v) => v ?? ""),
  website: optionalUrl(),
  email: optionalEmail(),
  organisasjonsnummer,
  phone,
};

/** Editing an organisation (coordinators of its centre, administrators). */
export const organizationSchema = z.object({
  ...fields,
  /** The version the form was opened on: a later save by someone else is told, not overwritten. */
  version: z.string({ error: "error.invalid" }).min(1, "error.invalid").max(40),
});
export type OrganizationInput = z.output<typeof organizationSchema>;

/** A new organisation: the same fields and the centre that will maintain it (null: the network's own). */
export const newOrganizationSchema = z.object({
  // First, as in the form, so the error summary lists the problems in the order of the fields.
  centreId: z
    .string({ error: "offers.org.error_centre" })
    .refine((v) => v === networkCentre || uuid.test(v), "offers.org.error_centre")
    .transform((v) => (v === networkCentre ? null : v)),
  ...fields,
});
export type NewOrganizationInput = z.output<typeof newOrganizationSchema>;

/** The fields both forms have, in form order (for the error summary's labels and the change log). */
export const organizationFields = ["name", "alternateName", "description", "website", "email", "organisasjonsnummer", "phone"] as const;
export type OrganizationField = (typeof organizationFields)[number];
