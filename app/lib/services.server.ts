import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { createCookie, type Cookie } from "react-router";
import { createSignedCookie } from "./signed-cookie.server";
import { parseConfig, type Config } from "./config";
import { migrateDb, openPglite, openPostgres, type Db, type DbHandle } from "~/db/client.server";
import { createMailer, type Mailer } from "~/modules/platform/mail.server";
import { loadDemoData } from "~/modules/platform/demo.server";
import { parseMasterKey } from "~/modules/toolkit/toolkit-crypto.server";
import { platformModules } from "~/modules/modules.server";
import type { StartContext } from "./platform-module";
import { log, errorFields, setLogLevel } from "./log.server";
import { settleBackground } from "./background.server";

export type Cookies = { session: Cookie; csrf: Cookie; lang: Cookie; device: Cookie };

export type Services = {
  config: Config;
  handle: DbHandle;
  db: Db;
  secret: string;
  /** Master keys for the toolkit's data keys: the current one first, then MASTER_KEY_PREVIOUS. */
  masterKeys: Buffer[];
  mailer: Mailer;
  cookies: Cookies;
};

let services: Services | undefined;
let starting: Promise<Services> | undefined;
let cleanupTimer: NodeJS.Timeout | undefined;

/** SESSION_SECRET, or one generated once and kept in DATA_DIR (embedded default). */
function resolveSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** MASTER_KEY, or one generated once and kept in DATA_DIR (embedded default), readable by the owner only. */
function resolveMasterKeys(config: Config): Buffer[] {
  const previous = config.previousMasterKeys.map(parseMasterKey);
  if (config.masterKey) return [parseMasterKey(config.masterKey), ...previous];
  const file = path.join(config.dataDir, "master-key");
  try {
    return [parseMasterKey(fs.readFileSync(file, "utf8")), ...previous];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${file} does not hold a valid master key: ${(error as Error).message}`);
    fs.mkdirSync(config.dataDir, { recursive: true });
    const key = randomBytes(32);
    fs.writeFileSync(file, key.toString("base64"), { mode: 0o600, flag: "wx" });
    return [key, ...previous];
  }
}

/** Signed cookies with node:crypto's HMAC, in React Router's format (signed-cookie.server.ts, ADR 0021). */
export function makeCookies(secret: string, config: Pick<Config, "secureCookies" | "sessionIdleMinutes">): Cookies {
  const base = { httpOnly: true, sameSite: "lax" as const, secure: config.secureCookies, path: "/" };
  return {
    session: createSignedCookie(config.secureCookies ? "__Host-kp_session" : "kp_session", { ...base, secrets: [secret] }),
    csrf: createSignedCookie(config.secureCookies ? "__Host-kp_csrf" : "kp_csrf", { ...base, secrets: [secret] }),
    lang: createCookie("kp_lang", { ...base, maxAge: 365 * 86400 }),
    // Browsers where someone logged in before: their own log-in attempt count (login.server.ts, ADR 0016).
    device: createSignedCookie(config.secureCookies ? "__Host-kp_device" : "kp_device", { ...base, maxAge: 365 * 86400, secrets: [secret] }),
  };
}

/**
 * Open the database, migrate, load demo data when asked and empty. Called once at start by server.mjs;
 * under `npm run dev` the first request starts them. Concurrent callers share one start.
 */
export function startServices(env: Record<string, string | undefined> = process.env): Promise<Services> {
  if (services) return Promise.resolve(services);
  starting ??= start(env).finally(() => {
    starting = undefined;
  });
  return starting;
}

async function start(env: Record<string, string | undefined>): Promise<Services> {
  const config = parseConfig(env);
  setLogLevel(config.logLevel);
  const started = Date.now();
  const handle = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrateDb(handle);
    const secret = resolveSecret(config);
    const masterKeys = resolveMasterKeys(config);
    const mailer = createMailer(handle.db, config.smtpUrl, `${config.siteName} <noreply@${new URL(config.publicUrl).hostname}>`, path.join(config.dataDir, "outbox"));
    const context: StartContext = { db: handle.db, config, masterKeys };
    if (config.demo) {
      // The platform's base demo (accounts, centres, offers) once per database; then each module's own.
      if (await loadDemoData(handle.db)) {
        for (const m of platformModules) await m.loadDemo?.(context);
        log.info("demo.loaded");
      }
      if (config.production) {
        log.warn("demo.active", { note: "Demo accounts with a published password are active. Set DEMO=0 on a fresh database for real use." });
      }
    }
    if (config.production && !config.controller) {
      log.warn("config.controller_unset", {
        note: "The privacy statement (/personvern) names no data controller. Set CONTROLLER_NAME and CONTROLLER_EMAIL (and CONTROLLER_ORG_NUMBER, CONTROLLER_ADDRESS, CONTROLLER_DPO_NAME, CONTROLLER_DPO_EMAIL).",
      });
    }
    for (const m of platformModules) await m.atStart?.(context);
    services = { config, handle, db: handle.db, secret, masterKeys, mailer, cookies: makeCookies(secret, config) };
    log.info("services.started", { database: handle.kind, ms: Date.now() - started, mail: mailer.kind });
    cleanupTimer = setInterval(() => {
      for (const m of platformModules) {
        m.housekeeping?.(handle.db).catch((error) => log.warn("cleanup.failed", { module: m.name, ...errorFields(error) }));
      }
    }, 10 * 60_000);
    cleanupTimer.unref();
    return services;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export function getServices(): Services {
  if (!services) throw new Error("Services not started: call startServices() first");
  return services;
}

export async function stopServices() {
  if (starting) await starting.catch(() => undefined);
  await settleBackground();
  if (cleanupTimer) clearInterval(cleanupTimer);
  const current = services;
  services = undefined;
  await current?.handle.close();
}
