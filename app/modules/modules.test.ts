import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { platformModules } from "./modules.server";

const here = import.meta.dirname;

describe("the module registry", () => {
  it("lists every module that declares a module.server.ts, once, under its folder's name", () => {
    const declared = fs
      .readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(here, d.name, "module.server.ts")))
      .map((d) => d.name)
      .sort();
    expect(platformModules.map((m) => m.name).sort()).toEqual(declared);
    expect(new Set(platformModules.map((m) => m.name)).size).toBe(platformModules.length);
  });
});
