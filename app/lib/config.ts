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
};

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
    const why = issue?.code === "custom" || issue?.code === "too_small" ? issue.message : "has an invalid value";
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
  return {
    port,
    databaseUrl,
    dataDir: read(env, "DATA_DIR") ?? "./data",
    demo: read(env, "DEMO") ?? !(production && databaseUrl),
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
    map: tilesUrl ? { tilesUrl, tilesOrigin: new URL(tilesUrl.replace(/\{[zxy]\}/g, "0")).origin, attribution } : undefined,
  };
}
