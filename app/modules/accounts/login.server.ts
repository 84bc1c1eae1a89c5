import type { Cookie } from "react-router";
import type { Db } from "~/db/client.server";
import { hmac, randomToken } from "~/lib/crypto.server";
import { clear, hit, isLimited, limits, type Limit } from "~/modules/platform/rate-limit.server";
import { checkCredentials } from "./accounts.server";

/**
 * Log-in with brute-force protection that cannot be turned into a lock-out (issue 9, finding 8; ADR 0016).
 *
 * - A browser where someone logged in successfully keeps a signed device cookie holding a random id and,
 *   per account, an HMAC tag of (address, id) — no name, no address. Attempts from such a browser count in
 *   that browser's own bucket (10 per 15 minutes), so other people's guesses never stop it.
 * - Every other client counts per account *and* IP address (5 per 15 minutes) and per IP address (100),
 *   and all of them together per account (30 an hour), against guessing spread over many addresses. When
 *   that last count is full, a new browser is refused for a while — the owner's own browsers still work,
 *   and a reset link (which marks its browser as known) always does.
 * - Only wrong passwords count, so people who log in often (a centre's shared computer) never reach a limit.
 */
export type DeviceState = { id: string; tags: string[] };

const maxTags = 5; // a shared computer: a few people may log in from one browser

export function deviceTag(secret: string, email: string, deviceId: string): string {
  return hmac(secret, `device:${email.toLowerCase()}:${deviceId}`).slice(0, 22);
}

export async function readDevice(cookie: Cookie, header: string | null): Promise<DeviceState | null> {
  const value: unknown = await cookie.parse(header);
  if (!value || typeof value !== "object") return null;
  const { id, tags } = value as { id?: unknown; tags?: unknown };
  if (typeof id !== "string" || id.length < 16 || !Array.isArray(tags)) return null;
  return { id, tags: tags.filter((t): t is string => typeof t === "string").slice(0, maxTags) };
}

/** The device state after a successful log-in (or reset) for `email` in this browser. */
export function rememberDevice(secret: string, device: DeviceState | null, email: string): DeviceState {
  const id = device?.id ?? randomToken(18);
  const tag = deviceTag(secret, email, id);
  const tags = [tag, ...(device?.tags ?? []).filter((t) => t !== tag)].slice(0, maxTags);
  return { id, tags };
}

export type LoginResult = { ok: true; userId: string; device: DeviceState } | { ok: false; reason: "rate_limited" | "failed" };

export async function attemptLogin(
  db: Db,
  secret: string,
  input: { email: string; password: string; ip: string; device: DeviceState | null },
): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const key = (kind: string, value: string) => hmac(secret, `${kind}:${value}`);
  const known = input.device !== null && input.device.tags.includes(deviceTag(secret, email, input.device.id));
  // Wrong passwords count; a full count refuses the attempt before the password is checked.
  const counts: [string, Limit][] = known
    ? [[key("login-device", `${email}:${input.device!.id}`), limits.loginPerDevice]]
    : [
        [key("login-account-ip", `${email}:${input.ip}`), limits.loginPerAccountAndIp],
        [key("login-ip", input.ip), limits.loginPerIp],
        [key("login-account-unknown", email), limits.loginPerAccountUnknownClients],
      ];
  for (const [bucket, limit] of counts) if (await isLimited(db, bucket, limit)) return { ok: false, reason: "rate_limited" };
  const userId = await checkCredentials(db, email, input.password);
  if (!userId) {
    for (const [bucket, limit] of counts) await hit(db, bucket, limit);
    return { ok: false, reason: "failed" };
  }
  // Success clears this client's own count; the counts shared with others stay.
  await clear(db, counts[0]![0]);
  return { ok: true, userId, device: rememberDevice(secret, input.device, email) };
}
