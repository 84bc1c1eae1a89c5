import { describe, expect, it } from "vitest";
import { ConfigError, exampleController, parseConfig, validOrgNumber } from "./config";

describe("configuration", () => {
  it("has zero-setup defaults: port 3000, embedded database in ./data, demo data on", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: "./data", demo: true, production: false, secureCookies: false });
    expect(config.publicUrl).toBe("http://localhost:3000");
  });

  it("turns demo data off by default in production on PostgreSQL, and requires SESSION_SECRET there", () => {
    expect(() => parseConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kp" })).toThrow(/SESSION_SECRET/);
    const key = Buffer.alloc(32, 7).toString("base64");
    const config = parseConfig({ NODE_ENV: "production", DATABASE_URL: "postgres://db/kp", SESSION_SECRET: "x".repeat(32), MASTER_KEY: key });
    expect(config.demo).toBe(false);
    expect(config.secureCookies).toBe(true);
    // Embedded production keeps demo on and generates the secret.
    expect(parseConfig({ NODE_ENV: "production" }).demo).toBe(true);
  });

  it("lets DEMO override the default", () => {
    expect(parseConfig({ DEMO: "0" }).demo).toBe(false);
    expect(parseConfig({ DEMO: "1", NODE_ENV: "production", DATABASE_URL: "postgres://db/kp", SESSION_SECRET: "y".repeat(40), MASTER_KEY: Buffer.alloc(32, 1).toString("base64") }).demo).toBe(true);
  });

  it("requires MASTER_KEY (32 bytes, base64) in production on PostgreSQL; takes earlier keys for rotation", () => {
    const base = { NODE_ENV: "production", DATABASE_URL: "postgres://db/kp", SESSION_SECRET: "x".repeat(32) };
    expect(() => parseConfig(base)).toThrow(/MASTER_KEY is required/);
    const key = Buffer.alloc(32, 3).toString("base64");
    const old = Buffer.alloc(32, 4).toString("base64");
    expect(parseConfig({ ...base, MASTER_KEY: key, MASTER_KEY_PREVIOUS: ` ${old} ` })).toMatchObject({ masterKey: key, previousMasterKeys: [old] });
    // The embedded default generates one in DATA_DIR.
    expect(parseConfig({}).masterKey).toBeUndefined();
  });

  it.each([
    ["MASTER_KEY", "too-short"],
    ["MASTER_KEY", Buffer.alloc(16).toString("base64")],
    ["MASTER_KEY_PREVIOUS", `${Buffer.alloc(32).toString("base64")},nope`],
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

  describe("the map (MAP_TILES_URL, MAP_ATTRIBUTION)", () => {
    it("is off without MAP_TILES_URL", () => {
      expect(parseConfig({}).map).toBeUndefined();
      expect(parseConfig({ MAP_ATTRIBUTION: "© Kartverket" }).map).toBeUndefined();
    });

    it("reads an https XYZ template, its origin for the CSP, and the credit (a neutral default)", () => {
      const url = "https://cache.kartverket.no/v1/wmts/1.0.0/topo/default/webmercator/{z}/{y}/{x}.png";
      expect(parseConfig({ MAP_TILES_URL: url }).map).toEqual({ tilesUrl: url, tilesOrigin: "https://cache.kartverket.no", attribution: "© OpenStreetMap" });
      expect(parseConfig({ MAP_TILES_URL: url, MAP_ATTRIBUTION: " © Kartverket " }).map?.attribution).toBe("© Kartverket");
      expect(parseConfig({ MAP_TILES_URL: "https://tiles.example.no:8443/{z}/{x}/{y}.png?key=abc" }).map?.tilesOrigin).toBe("https://tiles.example.no:8443");
    });

    it("accepts http only on this machine", () => {
      expect(parseConfig({ MAP_TILES_URL: "http://localhost:8080/{z}/{x}/{y}.png" }).map?.tilesOrigin).toBe("http://localhost:8080");
      expect(parseConfig({ MAP_TILES_URL: "http://127.0.0.1:8080/{z}/{x}/{y}.png" }).map?.tilesOrigin).toBe("http://127.0.0.1:8080");
    });

    it.each([
      ["a missing placeholder", "https://tiles.example.no/{z}/{x}.png", /must contain \{z\}, \{x\} and \{y\}$/],
      ["no placeholders at all", "https://tiles.example.no/", /must contain/],
      ["not a URL", "tiles/{z}/{x}/{y}.png", /must be a URL template/],
      ["a javascript: URL", "javascript:alert(1)//{z}/{x}/{y}", /must start with https:\/\//],
      ["plain http to another host", "http://tiles.example.no/{z}/{x}/{y}.png", /must start with https:\/\//],
      ["a data: URL", "data:image/png;base64,{z}{x}{y}", /must start with https:\/\//],
      ["an unknown placeholder", "https://{s}.tile.example.no/{z}/{x}/{y}.png", /no placeholders other than/],
      ["a placeholder in the host", "https://{z}.tiles.example.no/{x}/{y}.png", /out of the host name/],
      ["credentials", "https://user:secret@tiles.example.no/{z}/{x}/{y}.png", /user name or password/],
    ])("refuses to start, in one line, on %s", (_case, value, why) => {
      try {
        parseConfig({ MAP_TILES_URL: value });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).variable).toBe("MAP_TILES_URL");
        expect((error as Error).message).toMatch(/^Invalid configuration: MAP_TILES_URL /);
        expect((error as Error).message).toMatch(why);
        expect((error as Error).message).not.toContain("\n");
      }
    });

    it("refuses an attribution that is blank or too long", () => {
      expect(() => parseConfig({ MAP_TILES_URL: "https://t.example.no/{z}/{x}/{y}.png", MAP_ATTRIBUTION: "   " })).toThrow(/^Invalid configuration: MAP_ATTRIBUTION must be 1 to 200 characters$/);
      expect(() => parseConfig({ MAP_ATTRIBUTION: "x".repeat(201) })).toThrow(/MAP_ATTRIBUTION/);
    });
  });

  it("reads PORT, DATA_DIR, SMTP_URL and PUBLIC_URL", () => {
    const config = parseConfig({ PORT: "8080", DATA_DIR: "/var/kp", SMTP_URL: "smtp://mail:25", PUBLIC_URL: "https://kp.example.no/" });
    expect(config).toMatchObject({ port: 8080, dataDir: "/var/kp", smtpUrl: "smtp://mail:25", publicUrl: "https://kp.example.no" });
  });

  describe("the data controller (CONTROLLER_*)", () => {
    const key = Buffer.alloc(32, 5).toString("base64");
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://db/kp", SESSION_SECRET: "z".repeat(32), MASTER_KEY: key };

    it("is unset in production without demo data, and the demo shows its example details", () => {
      expect(parseConfig(production).controller).toBeUndefined();
      expect(parseConfig({ DEMO: "0" }).controller).toBeUndefined();
      expect(parseConfig({}).controller).toEqual(exampleController);
      expect(exampleController.example).toBe(true);
    });

    it("reads all six, groups the organisation number, and marks them as real", () => {
      const config = parseConfig({
        ...production,
        CONTROLLER_NAME: " KBT – Kompetansesenter for brukererfaring ",
        CONTROLLER_ORG_NUMBER: "991825827",
        CONTROLLER_ADDRESS: "Olav Tryggvasons gate 1, 7011 Trondheim",
        CONTROLLER_EMAIL: "post@kbt.example.no",
        CONTROLLER_DPO_NAME: "Kari Ombud",
        CONTROLLER_DPO_EMAIL: "personvern@kbt.example.no",
      });
      expect(config.controller).toEqual({
        name: "KBT – Kompetansesenter for brukererfaring",
        orgNumber: "991 825 827",
        address: "Olav Tryggvasons gate 1, 7011 Trondheim",
        email: "post@kbt.example.no",
        dpo: { name: "Kari Ombud", email: "personvern@kbt.example.no" },
        example: false,
      });
      // Real details replace the demo's example, and the optional ones may be left out.
      const minimal = parseConfig({ CONTROLLER_NAME: "Bikuben", CONTROLLER_EMAIL: "post@bikuben.example.no", CONTROLLER_ORG_NUMBER: "991 825 827" }).controller;
      expect(minimal).toEqual({ name: "Bikuben", orgNumber: "991 825 827", address: undefined, email: "post@bikuben.example.no", dpo: undefined, example: false });
    });

    it("needs a name and an e-mail address once any of them is set", () => {
      expect(() => parseConfig({ CONTROLLER_EMAIL: "post@x.no" })).toThrow(/^Invalid configuration: CONTROLLER_NAME is required/);
      expect(() => parseConfig({ CONTROLLER_DPO_NAME: "Ombud" })).toThrow(/^Invalid configuration: CONTROLLER_NAME is required/);
      expect(() => parseConfig({ CONTROLLER_NAME: "KBT" })).toThrow(/^Invalid configuration: CONTROLLER_EMAIL is required/);
    });

    it.each([
      ["CONTROLLER_ORG_NUMBER", "991825828", /9 digits with a valid check digit/],
      ["CONTROLLER_ORG_NUMBER", "12345678", /9 digits/],
      ["CONTROLLER_EMAIL", "not-an-address", /must be an e-mail address/],
      ["CONTROLLER_DPO_EMAIL", "ombud@", /must be an e-mail address/],
      ["CONTROLLER_NAME", "x".repeat(201), /1 to 200 characters/],
    ])("stops naming %s when it is %s", (variable, value, why) => {
      const env = { CONTROLLER_NAME: "KBT", CONTROLLER_EMAIL: "post@kbt.example.no", [variable]: value };
      expect(() => parseConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
      expect(() => parseConfig(env)).toThrow(why);
    });

    it("checks organisation numbers with MOD11", () => {
      for (const good of ["991825827", "974760673", "983887457"]) expect(validOrgNumber(good)).toBe(true);
      for (const bad of ["991825820", "97476067", "9747606731", "abcdefghi"]) expect(validOrgNumber(bad)).toBe(false);
    });
  });
});
