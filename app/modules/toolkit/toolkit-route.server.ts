import "~/modules/toolkit/i18n/register";
import { data, redirect, type RouterContextProvider } from "react-router";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser, startSession, whoTag } from "~/lib/request.server";
import { formValues } from "~/lib/forms";
import { createSession, getSession, toActor } from "~/modules/accounts/accounts.server";
import { attemptLogin, readDevice } from "~/modules/accounts/login.server";
import type { Store } from "./toolkit.server";

/**
 * The database and master keys, for the toolkit's use cases; with the request's context, also the
 * logged-in person's consent and data key as the session query read them (no statement for either).
 */
export function toolkitStore(context?: Readonly<RouterContextProvider>): Store {
  const { db, masterKeys } = getServices();
  const own = context ? getRequestState(context).toolkit : null;
  return own ? { db, masters: masterKeys, own } : { db, masters: masterKeys };
}

/**
 * Where a toolkit import runs (ADR 0017): the database's long lane (on PostgreSQL a small pool of its own,
 * so imports never take the connections /healthz and the pages need) and how many imports may run at once.
 */
export function toolkitImportLane(): { store: Store; slots: number } {
  const { handle, masterKeys } = getServices();
  return { store: { db: handle.long.db, masters: masterKeys }, slots: handle.long.slots };
}

/** What a 401 "log in again to save" page gets: the typed values go back into the same form, hidden. */
export type ReauthData = {
  reason: "reauth";
  values: [string, string][];
  failed?: boolean;
  rateLimited?: boolean;
  /** The person who logged in is not the one who typed (the form's "who" tag). */
  otherPerson?: boolean;
};

const reauthFields = new Set(["reauthEmail", "reauthPassword"]);

/**
 * The logged-in user for a toolkit action. When the session ran out while the person was typing, nothing
 * is lost: the action answers 401 with a page that asks them to log in again and carries what they typed
 * in hidden fields; that form comes back here with the credentials, and the save goes on.
 */
export async function toolkitUser(context: Readonly<RouterContextProvider>, request: Request, formData: FormData) {
  const user = await sessionOrReauth(context, request, formData);
  // Consent withdrawn meanwhile (everything deleted in another tab): nothing may be kept. Read with the
  // session at the start of this request (or with the log-in again just now).
  if (!getRequestState(context).toolkit?.consent) throw redirect("/verktoy/samtykke");
  return user;
}

/** The logged-in user for an action, or the "log in again" page that keeps what was typed (no consent needed: peer workers). */
export async function sessionOrReauth(context: Readonly<RouterContextProvider>, request: Request, formData: FormData) {
  const state = getRequestState(context);
  if (state.user && state.actor) return requireUser(context, request);
  // Every typed value, repeated fields (checkboxes) included; never passwords or the CSRF token.
  const kept = formValues(formData);
  const values = [...formData.entries()]
    .filter((e): e is [string, string] => typeof e[1] === "string" && e[0] in kept && !reauthFields.has(e[0]))
    .map(([k, v]) => [k, v.slice(0, 100_000)] as [string, string]);
  const email = formData.get("reauthEmail");
  const password = formData.get("reauthPassword");
  if (typeof email !== "string" || typeof password !== "string" || !email || !password) {
    throw data({ reason: "reauth", values } satisfies ReauthData, {
      status: 401,
    });
  }
  const { db, config, cookies, secret } = getServices();
  const login = await attemptLogin(db, secret, { email, password, ip: state.ip, device: await readDevice(cookies.device, request.headers.get("Cookie")) });
  if (!login.ok && login.reason === "rate_limited") throw data({ reason: "reauth", values, rateLimited: true } satisfies ReauthData, { status: 429 });
  if (!login.ok) throw data({ reason: "reauth", values, failed: true } satisfies ReauthData, { status: 401 });
  const userId = login.userId;
  // On a shared device, someone else's log-in must not save what the first person typed.
  const who = formData.get("who");
  if (typeof who === "string" && who && who !== whoTag(userId)) throw data({ reason: "reauth", values, otherPerson: true } satisfies ReauthData, { status: 401 });
  const token = await createSession(db, userId);
  await startSession(context, token);
  state.setCookies.push(await cookies.device.serialize(login.device));
  const session = await getSession(db, token, config.sessionIdleMinutes);
  if (!session)
    throw data({ reason: "reauth", values } satisfies ReauthData, {
      status: 401,
    });
  const user = session.user;
  state.user = user;
  state.actor = toActor(user);
  state.toolkit = session.toolkit;
  return { ...user, actor: state.actor };
}

export function requestId(context: Readonly<RouterContextProvider>) {
  return getRequestState(context).requestId;
}
