import { z } from "zod";

/**
 * Shared Zod fields for forms. Messages are i18n keys. An empty optional field becomes null,
 * so "cleared" and "never filled in" are stored the same way.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "error.too_long")
    .optional()
    .transform((v) => (v ? v : null));

export const optionalEmail = () =>
  z
    .string()
    .trim()
    .max(254, "error.too_long")
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.email({ error: "error.email" }).nullable());

export const optionalUrl = () =>
  z
    .string()
    .trim()
    .max(300, "error.too_long")
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.url({ protocol: /^https?$/, error: "error.url" }).nullable());

export const requiredText = (max: number) => z.string({ error: "error.required" }).trim().min(1, "error.required").max(max, "error.too_long");
