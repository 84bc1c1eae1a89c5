import type { z } from "zod";
import type { MessageKey } from "~/i18n/i18n";

/** What an action returns when input is bad: message keys per field, and what was typed (never passwords). */
export type FormErrors = {
  ok: false;
  errors: Record<string, MessageKey>;
  values: Record<string, string>;
  formError?: MessageKey;
};

export type Parsed<T> = { ok: true; data: T } | FormErrors;

const secretField = /password|passord|csrf/i;

/** Longest value we read from any text field before validation (DoS guard); schemas set the real limits. */
const maxRaw = 100_000;

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || secretField.test(key)) continue;
    values[key] = value.slice(0, maxRaw);
  }
  return values;
}

/**
 * Validate a submitted form with a Zod schema whose messages are i18n keys.
 * Every field is read as a string (or string[] when the schema asks for an array).
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData, arrays: string[] = []): Parsed<z.output<S>> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    input[key] = arrays.includes(key) ? all : all[0];
  }
  for (const key of arrays) input[key] ??= [];
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, MessageKey> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    if (errors[field]) continue;
    errors[field] = (isMessageKeyLike(issue.message) ? issue.message : "error.invalid") as MessageKey;
  }
  return { ok: false, errors, values: formValues(formData) };
}

function isMessageKeyLike(message: string) {
  return /^[a-z]+(\.[a-zA-Z_]+)+$/.test(message);
}

export function formError(formError: MessageKey, formData?: FormData, errors: Record<string, MessageKey> = {}): FormErrors {
  return { ok: false, errors, values: formData ? formValues(formData) : {}, formError };
}

/** A GET form's query string as form data for parseForm; `lang` belongs to the app, not the form. */
export function queryAsForm(url: URL): FormData {
  const form = new FormData();
  for (const [key, value] of url.searchParams) if (key !== "lang") form.append(key, value);
  return form;
}
