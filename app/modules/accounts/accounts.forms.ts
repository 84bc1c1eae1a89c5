import { z } from "zod";

const email = z
  .string({ error: "error.required" })
  .trim()
  .min(1, "error.required")
  .max(254, "error.too_long")
  .pipe(z.email({ error: "error.email" }))
  .transform((v) => v.toLowerCase());

/** ASVS 2.1: at least 12 characters, up to 128, no composition rules. */
export const newPassword = z
  .string({ error: "error.required" })
  .min(1, "error.required")
  .min(12, "error.password_short")
  .max(128, "error.password_long");

export const name = z.string({ error: "error.required" }).trim().min(1, "error.required").max(100, "error.too_long");

export const signupSchema = z.object({ name, email, password: newPassword });

export const loginSchema = z.object({
  email,
  password: z.string({ error: "error.required" }).min(1, "error.required").max(128, "error.password_long"),
  redirectTo: z.string().max(500).optional(),
});

export const forgotSchema = z.object({ email });

export const resetSchema = z.object({ password: newPassword });

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "error.required" }).min(1, "error.required").max(128, "error.password_long"),
  password: newPassword,
});

export const deleteAccountSchema = z.object({
  password: z.string({ error: "error.required" }).min(1, "error.required").max(128, "error.password_long"),
  confirm: z.literal("yes", { error: "error.confirm_delete" }),
});

export const profileSchema = z.object({ name });
