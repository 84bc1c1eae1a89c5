import { z } from "zod";
import { parseMasterKey } from "~/modules/toolkit/toolkit-crypto.server";

/**
 * Configuration from environment variables, validated once at start.
 * A bad value stops the start with one line naming the variable.
 */
export type Config = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  production: boolean;
  /** Undefined means "generate and keep one in DATA_DIR" (embedded default only). */
  sessionSecret: string | undefined;
  smtpUrl: string | undefined;
  publicUrl: string;
  siteName: string;
  sessionIdleMinutes: number;
  secureCookies: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** The map view at /tilbud/kart; undefined (no MAP_TILES_URL) turns it off. */
  map: MapConfig | undefined;
  /** MASTER_KEY (32 bytes, base64); undefined means "generate and keep one in DATA_DIR" (embedded default only). */
  masterKey: string | undefined;
  /** MASTER_KEY_PREVIOUS: earlier master keys (comma-separated), still accepted for reading while keys are rotated. */
  previousMasterKeys: string[];
  /**
   * The data controller (behandlingsansvarlig) shown on /personvern and in the footer (CONTROLLER_*).
   * Undefined when unset outside the demo; the demo shows example details marked as such.
   */
  controller: ControllerConfig | undefined;
};

/** Who is responsible for the personal data, as the privacy statement promises to say. */
export type ControllerConfig = {
  name: string;
  orgNumber: string | undefined;
  address: string | undefined;
  email: string;
  dpo: { name: string | undefined; email: string | undefined } | undefined;
  /** Example details shown by the demo, not a real organisation: the pages say so. */
  example: boolean;
};

/** The demo's example controller (DEMO on and no CONTROLLER_* set): plainly not a real organisation. */
export const exampleController: ControllerConfig = {
  name: "Eksempelsenteret (demo)",
  orgNumber: undefined,
  address: "Eksempelveien 1, 0000 Eksempelby",
  email: "personvern@example.org",
  dpo: { name: "Eksempel Personvernombud", email: "personvernombud@example.org" },
  example: true,
};

/** Whether a Norwegian organisation number (9 digits) has a valid MOD11 check digit. */
export function validOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(value[8]);
}

/** An XYZ tile server: its URL template, its origin (for the CSP) and the credit it requires. */
export type MapConfig = { tilesUrl: string; tilesOrigin: string; attribution: string };

/**
 * Why an XYZ tile URL template is not usable, or undefined when it is: https (http only on this machine),
 * {z}, {x} and {y} in the path or query and no other placeholders, no credentials.
 */
export function tileTemplateProblem(template: string): string | undefined {
  if (!["{z}", "{x}", "{y}"].every((p) => template.includes(p))) return "must contain {z}, {x} and {y}";
  if (/[{}]/.test(template.replace(/\{[zxy]\}/g, ""))) return "may contain no placeholders other than {z}, {x} and {y}";
  let one: URL, two: URL;
  try {
    one = new URL(template.replace(/\{[zxy]\}/g, "1"));
    two = new URL(template.replace(/\{[zxy]\}/g, "2"));
  } catch {
    return "must be a URL template such as https://tiles.example.no/{z}/{x}/{y}.png";
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(one.hostname);
  if (one.protocol !== "https:" && !(one.protocol === "http:" && local)) return "must start with https:// (http:// only for localhost)";
  if (one.username || one.password) return "must not contain a user name or password";
  if (one.origin !== two.origin) return "must keep {z}, {x} and {y} out of the host name";
  return undefined;
}

function masterKeyProblem(value: string): string | undefined {
  try {
    parseMasterKey(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
  }
}

const flag = z.enum(["0", "1", "true", "false", "yes", "no"]).transform((v) => v === "1" || v === "true" || v === "yes");

const fields = {
  PORT: z.coerce.number().int().min(1).max(65535),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a PostgreSQL URL (postgres://user@host:5432/db)"),
  DATA_DIR: z.string().min(1),
  DEMO: flag,
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters"),
  SMTP_URL: z.string().refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).transform((v) => v.replace(/\/$/, "")),
  SITE_NAME: z.string().min(1).max(80),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60),
  COOKIE_SECURE: flag,
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]),
  NODE_ENV: z.enum(["production", "development", "test"]),
  MAP_TILES_URL: z.string().superRefine((v, ctx) => {
    const problem = tileTemplateProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  MASTER_KEY: z.string().superRefine((v, ctx) => {
    const problem = masterKeyProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  MASTER_KEY_PREVIOUS: z.string().superRefine((v, ctx) => {
    for (const key of v.split(",")) {
      const problem = masterKeyProblem(key);
      if (problem) return ctx.addIssue({ code: "custom", message: `: each comma-separated key ${problem}` });
    }
  }),
  CONTROLLER_NAME: z.string().trim().refine((v) => v.length >= 1 && v.length <= 200, "must be 1 to 200 characters"),
  CONTROLLER_ORG_NUMBER: z
    .string()
    .transform((v) => v.replace(/\s/g, ""))
    .refine(validOrgNumber, "must be a Norwegian organisation number: 9 digits with a valid check digit, for example 991 825 827"),
  CONTROLLER_ADDRESS: z.string().trim().refine((v) => v.length >= 1 && v.length <= 300, "must be 1 to 300 characters"),
  CONTROLLER_EMAIL: z.email("must be an e-mail address"),
  CONTROLLER_DPO_NAME: z.string().trim().refine((v) => v.length >= 1 && v.length <= 200, "must be 1 to 200 characters"),
  CONTROLLER_DPO_EMAIL: z.email("must be an e-mail address"),
  MAP_ATTRIBUTION: z
    .string()
    .trim()
    .refine((v) => v.length >= 1 && v.length <= 200, "must be 1 to 200 characters"),
} as const;

type Env = Record<string, string | undefined>;

function read<K extends keyof typeof fields>(env: Env, key: K): z.output<(typeof fields)[K]> | undefined {
  const raw = env[key];
  if (raw === undefined || raw === "") return undefined;
  const result = fields[key].safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const why = issue?.code === "custom" || issue?.code === "too_small" || (issue?.code === "invalid_format" && issue.message.startsWith("must")) ? issue.message : "has an invalid value";
    throw new ConfigError(key, why);
  }
  return result.data as z.output<(typeof fields)[K]>;
}

export function parseConfig(env: Env): Config {
  const nodeEnv = read(env, "NODE_ENV") ?? "development";
  const production = nodeEnv === "production";
  const databaseUrl = read(env, "DATABASE_URL");
  const port = read(env, "PORT") ?? 3000;
  const sessionSecret = read(env, "SESSION_SECRET");
  const tilesUrl = read(env, "MAP_TILES_URL");
  const attribution = read(env, "MAP_ATTRIBUTION") ?? "© OpenStreetMap";
  if (production && databaseUrl && !sessionSecret) {
    throw new ConfigError("SESSION_SECRET", "is required in production with DATABASE_URL (at least 32 random characters)");
  }
  const masterKey = read(env, "MASTER_KEY");
  if (production && databaseUrl && !masterKey) {
    throw new ConfigError("MASTER_KEY", "is required in production with DATABASE_URL (32 random bytes in base64: openssl rand -base64 32)");
  }
  const demo = read(env, "DEMO") ?? !(production && databaseUrl);
  return {
    port,
    databaseUrl,
    dataDir: read(env, "DATA_DIR") ?? "./data",
    demo,
    production,
    sessionSecret,
    smtpUrl: read(env, "SMTP_URL"),
    publicUrl: read(env, "PUBLIC_URL") ?? `http://localhost:${port}`,
    siteName: read(env, "SITE_NAME") ?? "Knutepunkt",
    sessionIdleMinutes: read(env, "SESSION_IDLE_MINUTES") ?? 30,
    secureCookies: read(env, "COOKIE_SECURE") ?? (production && Boolean(databaseUrl)),
    logLevel: read(env, "LOG_LEVEL") ?? "info",
    masterKey,
    previousMasterKeys: read(env, "MASTER_KEY_PREVIOUS")?.split(",").map((k) => k.trim()) ?? [],
    controller: readController(env, demo),
    map: tilesUrl ? { tilesUrl, tilesOrigin: new URL(tilesUrl.replace(/\{[zxy]\}/g, "0")).origin, attribution } : undefined,
  };
}

const controllerVariables = ["CONTROLLER_NAME", "CONTROLLER_ORG_NUMBER", "CONTROLLER_ADDRESS", "CONTROLLER_EMAIL", "CONTROLLER_DPO_NAME", "CONTROLLER_DPO_EMAIL"] as const;

/**
 * CONTROLLER_*: none set means unset (the demo then shows its example); any set needs at least the name
 * and an e-mail address, so that the privacy statement's "contact us" always has somewhere to go.
 */
function readController(env: Env, demo: boolean): ControllerConfig | undefined {
  const name = read(env, "CONTROLLER_NAME");
  const orgNumber = read(env, "CONTROLLER_ORG_NUMBER");
  const address = read(env, "CONTROLLER_ADDRESS");
  const email = read(env, "CONTROLLER_EMAIL");
  const dpoName = read(env, "CONTROLLER_DPO_NAME");
  const dpoEmail = read(env, "CONTROLLER_DPO_EMAIL");
  const anySet = controllerVariables.some((v) => env[v] !== undefined && env[v] !== "");
  if (!anySet) return demo ? exampleController : undefined;
  if (!name) throw new ConfigError("CONTROLLER_NAME", "is required when any CONTROLLER_ variable is set");
  if (!email) throw new ConfigError("CONTROLLER_EMAIL", "is required when any CONTROLLER_ variable is set");
  return {
    name,
    orgNumber: orgNumber ? `${orgNumber.slice(0, 3)} ${orgNumber.slice(3, 6)} ${orgNumber.slice(6)}` : undefined,
    address,
    email,
    dpo: dpoName || dpoEmail ? { name: dpoName, email: dpoEmail } : undefined,
    example: false,
  };
}
