import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("configuration", () => {
  it("has zero-setup defaults: port 3000, embedded database in ./data, demo data on", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: "./data", demo: true, production: false, secureCookies: false });
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("turns demo data off by default in production on PostgreSQL, and requires SESSION_SECRET there", () => {
    expect(() => parseConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kp" })).toThrow(/SESSION_SECRET/);
    const config = parseConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kp", SESSION_SECRET: "x".repeat(32) });
    expect(config.demo).toBe(false);
    expect(config.secureCookies).toBe(true);
    // Embedded production keeps demo on and generates the secret.
    expect(parseConfig({ NODE_ENV: "production" }).demo).toBe(true);
  });

  it("lets DEMO override the default", () => {
    expect(parseConfig({ DEMO: "0" }).demo).toBe(false);
    expect(parseConfig({ DEMO: "1", NODE_ENV: "production", DATABASE_URL: "postgres://db/kp", SESSION_SECRET: "y".repeat(40) }).demo).toBe(true);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["DEMO", "maybe"],
    ["SESSION_SECRET", "short"],
    ["SMTP_URL", "http://mail"],
    ["PUBLIC_URL", "ftp://x"],
    ["SESSION_IDLE_MINUTES", "0"],
  ])("stops with one line naming %s when it is %s", (variable, value) => {
    try {
      parseConfig({ [variable]: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("reads PORT, DATA_DIR, SMTP_URL and PUBLIC_URL", () => {
    const config = parseConfig({ PORT: "8080", DATA_DIR: "/var/kp", SMTP_URL: "smtp://mail:25", PUBLIC_URL: "https://kp.example.no/" });
    expect(config).toMatchObject({ port: 8080, dataDir: "/var/kp", smtpUrl: "smtp://mail:25", publicUrl: "https://kp.example.no" });
  });
});
