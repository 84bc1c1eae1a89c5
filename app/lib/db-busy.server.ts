import { data } from "react-router";
import type { Lang } from "~/i18n/i18n";

/**
 * A request that could not get a database connection in time (the pool's connectionTimeoutMillis, ADR 0021)
 * is answered with the friendly 503 page and Retry-After, never a 500 or a stack trace. The error can surface
 * in the root middleware (the session lookup) or in a loader or action: there entry.server.tsx's handleError
 * sees it first and marks the request here, and the root middleware turns the marked answer into the 503.
 */

/** Whether an error (or its cause: Drizzle wraps driver errors) is the pool's "no connection in time". */
export function isPoolTimeout(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 4; depth++, e = e.cause) {
    if (e.message === "timeout exceeded when trying to connect" || e.message === "Connection terminated due to connection timeout") return true;
  }
  return false;
}

const busyRequests = new WeakSet<object>();

/** Marks a request (by its router context) as refused for lack of a database connection. */
export function markBusy(context: object): void {
  busyRequests.add(context);
}

export function wasBusy(context: object): boolean {
  return busyRequests.has(context);
}

/**
 * The error the root middleware throws: the root ErrorBoundary shows the 503 page in the person's language.
 * `tellServer` is the load context's `busy` (server.mjs), which adds Retry-After and Cache-Control: no-store.
 */
export function busyError(lang: Lang, tellServer: (() => void) | undefined) {
  tellServer?.();
  return data({ reason: "busy", lang }, { status: 503 });
}
