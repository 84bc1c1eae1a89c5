import { createContext, data, redirect, RouterContextProvider, type MiddlewareFunction } from "react-router";
import { randomUUID } from "node:crypto";
import { getServices, startServices } from "./services.server";
import { hmac, randomToken, safeEqual } from "./crypto.server";
import { isLang, negotiateLanguage, type Lang } from "~/i18n/i18n";
import { getSession, toActor, type CurrentUser, type SessionToolkit } from "~/modules/accounts/accounts.server";
import type { Actor } from "~/modules/centres/permissions";
import { logRequest } from "./log.server";
import { runDetached } from "./background.server";
import { badUrlPart, formBodyIsClean } from "./input-check.server";
import { busyError, isPoolTimeout, wasBusy } from "./db-busy.server";

/**
 * What the HTTP server knows and the app cannot see in a Request: client address, CSP nonce, and a way to
 * run work once the response has been sent (`afterResponse`; without it — `npm run dev` — work starts at once).
 */
export type ClientInfo = {
  ip: string;
  nonce: string;
  afterResponse?: (task: () => void) => void;
  /** This answer is a 503 for want of a database connection: server.mjs adds Retry-After (ADR 0021). */
  busy?: () => void;
};
export const clientContext = createContext<ClientInfo>({ ip: "unknown", nonce: "" });

export type RequestState = {
  requestId: string;
  lang: Lang;
  user: CurrentUser | null;
  actor: Actor | null;
  /** The logged-in person's toolkit consent and wrapped data key, read with the session (server only). */
  toolkit: SessionToolkit | null;
  csrfToken: string;
  ip: string;
  /** Cookies to set on the response, added by the middleware after the route ran. */
  setCookies: string[];
};
export const requestContext = createContext<RequestState>();

export function createLoadContext(info: ClientInfo): RouterContextProvider {
  const provider = new RouterContextProvider();
  provider.set(clientContext, info);
  return provider;
}

/** Set by server.mjs (and removed from what clients send) on a request whose headers were over 16 KB. */
export const tooLongHeader = "x-knutepunkt-too-long";

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Runs before every loader and action: request id, language, session user, CSRF.
 * The CSRF token lives in a signed HttpOnly cookie and in a hidden field of every form (double submit);
 * state-changing requests must carry both, equal, and come from our own origin.
 */
export const appMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const started = performance.now();
  const { cookies, config, db } = await startServices();
  const client = context.get(clientContext);
  const url = new URL(request.url);
  const cookieHeader = request.headers.get("Cookie");
  const setCookies: string[] = [];

  // The public JSON API: no cookies, no session, no CSRF (read-only GET).
  const readOnly = request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS";
  if (readOnly && (url.pathname === "/api" || url.pathname.startsWith("/api/"))) {
    context.set(requestContext, baseState("nb", client.ip));
    if (request.headers.get(tooLongHeader) === "1") {
      const body = { status: 431, message: "The request's headers (the URL included) are over 16 KB." };
      return Response.json(body, { status: 431, headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" } });
    }
    if (badUrlPart(url, request.headers)) {
      const body = { status: 400, message: "The path or query has characters that are not allowed (invalid UTF-8 or control characters)." };
      return Response.json(body, { status: 400, headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-store" } });
    }
    const response = await next();
    if (wasBusy(context)) {
      client.busy?.();
      const body = { status: 503, message: "Too many requests at once: try again in a little while." };
      return Response.json(body, { status: 503, headers: { "Access-Control-Allow-Origin": "*" } });
    }
    logRequest(request, response, { requestId: context.get(requestContext).requestId, path: redactPath(url.pathname), ms: Math.round(performance.now() - started) });
    return response;
  }

  // Language: ?lang= wins and is remembered; then the cookie; then Accept-Language.
  const langParam = url.searchParams.get("lang");
  let lang: Lang;
  const cookieLang = await cookies.lang.parse(cookieHeader);
  if (langParam !== null) {
    if (!isLang(langParam)) {
      const fallback = isLang(cookieLang) ? cookieLang : negotiateLanguage(request.headers.get("Accept-Language"));
      context.set(requestContext, baseState(fallback, client.ip));
      throw data({ reason: "unknown_language", lang: fallback }, { status: 400 });
    }
    lang = langParam;
    if (cookieLang !== lang) setCookies.push(await cookies.lang.serialize(lang));
  } else {
    lang = isLang(cookieLang) ? cookieLang : negotiateLanguage(request.headers.get("Accept-Language"));
  }

  // CSRF token: reuse the visitor's, or issue one.
  let csrfToken = (await cookies.csrf.parse(cookieHeader)) as string | null;
  if (typeof csrfToken !== "string" || csrfToken.length < 20) {
    csrfToken = randomToken(24);
    setCookies.push(await cookies.csrf.serialize(csrfToken));
  }

  const state: RequestState = { ...baseState(lang, client.ip), csrfToken, setCookies };
  context.set(requestContext, state);

  // Headers over 16 KB (a search with a very long URL): server.mjs took the query away and marked the request.
  if (request.headers.get(tooLongHeader) === "1") throw data({ reason: "too_long", lang }, { status: 431 });

  // One boundary for bad bytes: path and query here, form fields after the CSRF check (input-check.server.ts).
  if (badUrlPart(url, request.headers)) throw data({ reason: "bad_characters", lang }, { status: 400 });

  if (unsafeMethods.has(request.method)) {
    const origin = request.headers.get("Origin");
    if (origin && origin !== url.origin && origin !== config.publicUrl) {
      throw data({ reason: "csrf", lang }, { status: 403 });
    }
    const type = request.headers.get("Content-Type") ?? "";
    let submitted: string | null = null;
    if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
      try {
        const value = (await request.clone().formData()).get("csrf");
        submitted = typeof value === "string" ? value : null;
      } catch {
        throw data({ reason: "bad_request", lang }, { status: 400 });
      }
    }
    if (!submitted || !safeEqual(submitted, csrfToken)) {
      throw data({ reason: "csrf", lang }, { status: 403 });
    }
    if (!(await formBodyIsClean(request))) throw data({ reason: "bad_characters", lang }, { status: 400 });
  }

  // Session.
  const sessionToken = (await cookies.session.parse(cookieHeader)) as string | null;
  if (typeof sessionToken === "string" && sessionToken) {
    let session;
    try {
      session = await getSession(db, sessionToken, config.sessionIdleMinutes);
    } catch (error) {
      if (isPoolTimeout(error)) throw busyError(lang, client.busy);
      throw error;
    }
    if (session) {
      state.user = session.user;
      state.actor = toActor(session.user);
      state.toolkit = session.toolkit;
    } else {
      setCookies.push(await cookies.session.serialize("", { maxAge: 0 }));
    }
  }

  const response = await next();
  // A loader or action found no database connection in time (marked by handleError): the 503 page instead.
  if (wasBusy(context)) throw busyError(lang, client.busy);
  for (const cookie of state.setCookies) response.headers.append("Set-Cookie", cookie);
  response.headers.set("X-Request-Id", state.requestId);
  // Pages of a logged-in person, and answers to posts (a "log in again" page carries what was typed), are never stored.
  if (state.user || !readOnly || response.status === 401) response.headers.set("Cache-Control", "private, no-store");
  logRequest(request, response, { requestId: state.requestId, path: redactPath(url.pathname), ms: Math.round(performance.now() - started) });
  return response;
};

/**
 * A non-secret tag of the logged-in person, carried in every form (beside the CSRF token). When a session
 * ran out while typing, the "log in again" page only saves for the same person (a shared device).
 */
export function whoTag(userId: string): string {
  return hmac(getServices().secret, `who:${userId}`).slice(0, 22);
}

/** One-time tokens in URLs never reach the logs. */
export function redactPath(pathname: string) {
  return pathname.replace(/^\/(nytt-passord|invitasjon|bekreft-e-post)\/[^/]+/, "/$1/:token");
}

function baseState(lang: Lang, ip: string): RequestState {
  return { requestId: randomUUID(), lang, user: null, actor: null, toolkit: null, csrfToken: "", ip, setCookies: [] };
}

export function getRequestState(context: Readonly<RouterContextProvider>): RequestState {
  return context.get(requestContext);
}

/** The logged-in user, or a redirect to the login page that comes back here afterwards. */
export function requireUser(context: Readonly<RouterContextProvider>, request: Request): CurrentUser & { actor: Actor } {
  const state = context.get(requestContext);
  if (!state.user || !state.actor) {
    const url = new URL(request.url);
    throw redirect(`/logg-inn?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return { ...state.user, actor: state.actor };
}

/** Start a logged-in session: a fresh session id (rotation), set on the response. */
export async function startSession(context: Readonly<RouterContextProvider>, token: string) {
  const { cookies } = getServices();
  const state = context.get(requestContext);
  // A browser-session cookie (no Max-Age): closing the browser on a shared computer ends it.
  state.setCookies.push(await cookies.session.serialize(token));
}

export async function clearSessionCookie(context: Readonly<RouterContextProvider>) {
  const { cookies } = getServices();
  context.get(requestContext).setCookies.push(await cookies.session.serialize("", { maxAge: 0 }));
}

/**
 * Start `work` after this request's response has been sent, not awaited (see `runDetached`): its time never
 * shows in the response's, so a reset request or a sign-up takes as long whether or not an account exists.
 */
export function afterResponse(context: Readonly<RouterContextProvider>, name: string, work: () => Promise<void>) {
  runDetached(name, work, context.get(clientContext).afterResponse);
}
