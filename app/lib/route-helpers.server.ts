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

/** Turn domain errors into the friendly 403/404 pages. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ForbiddenError) throw data({ reason: "forbidden" }, { status: 403 });
    if (error instanceof NotFoundError) throw data({ reason: "not_found" }, { status: 404 });
    throw error;
  }
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
