import { z } from "zod";
import { centreRoles } from "./permissions";
import { findKommune } from "./kommuner";
import { optionalEmail, optionalText, optionalUrl, requiredText } from "~/lib/form-fields";

export const centreSchema = z.object({
  name: requiredText(200),
  shortName: requiredText(40),
  kommunenummer: z
    .string({ error: "error.required" })
    .min(1, "error.required")
    .refine((v) => Boolean(findKommune(v)), "error.kommune"),
  email: optionalEmail(),
  phone: z
    .string()
    .trim()
    .max(30, "error.too_long")
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^\+?[0-9 ]{5,20}$/, "error.phone").nullable()),
  website: optionalUrl(),
  address: optionalText(300),
});

export type CentreInput = z.output<typeof centreSchema>;

const roles = z.array(z.enum(centreRoles, { error: "error.invalid" })).max(centreRoles.length);

export const inviteSchema = z.object({
  email: z
    .string({ error: "error.required" })
    .trim()
    .min(1, "error.required")
    .max(254, "error.too_long")
    .pipe(z.email({ error: "error.email" }))
    .transform((v) => v.toLowerCase()),
  roles: roles.min(1, "error.roles_required"),
});

export const memberRolesSchema = z.object({
  userId: z.uuid({ error: "error.invalid" }),
  roles,
});
