import { data } from "react-router";
import { getServices } from "./services.server";
import { hmac } from "./crypto.server";
import type { FormErrors } from "./forms";
import { ForbiddenError, NotFoundError } from "~/modules/centres/centres.server";

/** A validation failure answered as 400 (or another 4xx) with the errors and the typed values. */
export function invalid(result: FormErrors, status = 400) {
  return data(result, { status });
}

/** Rate-limit keys are HMACs: the table never holds an e-mail address or IP address. */
export function limitKey(kind: string, value: string) {
  return hmac(getServices().secret, `${kind}:${value.toLowerCase()}`);
}

/**
 * Turn domain errors into the friendly 403/404 pages. A write that refers to a row deleted meanwhile (a
 * foreign-key violation, SQLSTATE 23503: an interviewer saves a note while the project is being deleted)
 * is the same "not found" as a lookup that finds nothing: the 404 page, never a 500.
 */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) throw data({ reason: "forbidden" }, { status: 403 });
    if (error instanceof NotFoundError || sqlState(error) === "23503") throw data({ reason: "not_found" }, { status: 404 });
    throw error;
  }
}

/** The SQLSTATE of a database error, through Drizzle's wrapping (`cause`); undefined for other errors. */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 4; depth++, e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function notFound(): never {
  throw data({ reason: "not_found" }, { status: 404 });
}

export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The route's id parameters, each checked to be a UUID (404 otherwise, before any query). */
export function uuidParams<const K extends string>(params: Partial<Record<K, string>>, ...keys: K[]): Record<K, string> {
  for (const key of keys) if (!uuidPattern.test(params[key] ?? "")) notFound();
  return params as Record<K, string>;
}
