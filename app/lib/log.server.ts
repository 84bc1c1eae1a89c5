/**
 * Structured JSON logs on stdout. Never pass personal data here: ids of requests and records,
 * routes, statuses and timings only.
 */
import { isRouteErrorResponse } from "react-router";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
let threshold = order[(process.env.LOG_LEVEL as Level) ?? "info"] ?? order.info;

export function setLogLevel(level: Level | "silent") {
  threshold = order[level];
}

type Fields = Record<string, string | number | boolean | null | undefined>;

function write(level: Level, msg: string, fields: Fields = {}) {
  if (order[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

export const log = {
  debug: (msg: string, fields?: Fields) => write("debug", msg, fields),
  info: (msg: string, fields?: Fields) => write("info", msg, fields),
  warn: (msg: string, fields?: Fields) => write("warn", msg, fields),
  error: (msg: string, fields?: Fields) => write("error", msg, fields),
};

/** An error's class and message only, never its data; stack only outside production. */
export function errorFields(error: unknown): Fields {
  // Drizzle's query errors carry the SQL parameters (names, e-mails, tokens) in their message:
  // log only the PostgreSQL error code.
  if (error instanceof Error && (error.name === "DrizzleQueryError" || error.message.startsWith("Failed query"))) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { error: "DrizzleQueryError", errorMessage: `database query failed${cause?.code ? ` (SQLSTATE ${cause.code})` : ""}` };
  }
  if (error instanceof Error) {
    return {
      error: error.name,
      errorMessage: error.message.slice(0, 300),
      stack: process.env.NODE_ENV === "production" ? undefined : error.stack?.split("\n").slice(0, 6).join(" | "),
    };
  }
  // Never String(error) of an object ("[object Object]"), nor its contents (they may hold personal data).
  if (error !== null && typeof error === "object") return { error: error.constructor?.name || "object" };
  return { error: String(error).slice(0, 300) };
}

/**
 * An error from a loader or action (React Router's handleError), logged as what it is (issue 9, finding 9).
 * React Router's own error responses for the client's mistakes (405 for a POST to a page without an
 * action, 404, 400) are not server errors: they go at info level, with their status. Everything else is
 * an error.
 */
export function logRouteError(error: unknown, path: string) {
  if (isRouteErrorResponse(error)) {
    const inner = (error as { error?: unknown }).error;
    if (error.status < 500) {
      log.info("route.client_error", { path, status: error.status, statusText: error.statusText || undefined });
      return;
    }
    log.error("route.error", { path, status: error.status, ...(inner === undefined ? { error: "ErrorResponse" } : errorFields(inner)) });
    return;
  }
  log.error("route.error", { path, ...errorFields(error) });
}

/**
 * The one log line per request. A request the client gave up on (a closed tab, a second tap, a dropped
 * connection) makes React Router answer 500 to nobody: that is not a server error, and it is logged as
 * `request.aborted` without a status (issue 11, item 16).
 */
export function logRequest(request: Request, response: Response, fields: { requestId: string; path: string; ms: number }) {
  if (request.signal.aborted) {
    log.info("request.aborted", { requestId: fields.requestId, method: request.method, path: fields.path, ms: fields.ms });
    return;
  }
  log.info("request", { requestId: fields.requestId, method: request.method, path: fields.path, status: response.status, ms: fields.ms });
}
