import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * The published HSDS 3.0 schemas, kept unchanged in the repository (tests/fixtures/hsds-3.0, with their
 * source and licence in its README). HSDS_DIR overrides it with another copy of the same layout.
 */
export const hsdsDir = process.env.HSDS_DIR || path.resolve(import.meta.dirname, "../fixtures/hsds-3.0");

if (!fs.existsSync(path.join(hsdsDir, "compiled"))) {
  throw new Error(
    `HSDS 3.0 schemas not found in ${hsdsDir}: ${process.env.HSDS_DIR ? "HSDS_DIR names a folder without compiled/" : "tests/fixtures/hsds-3.0 is missing from the repository"}.`,
  );
}

/**
 * A JSON Schema 2020-12 validator for an HSDS compiled schema. The HSDS files carry documentation
 * keywords of their own (name, path, core, …); they are declared so strict mode stays on for the rest.
 */
export function hsdsValidator(file: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  for (const keyword of ["name", "path", "constraints", "core", "example", "datapackage_metadata", "datapackage_type", "tabular_required"]) {
    ajv.addKeyword(keyword);
  }
  const schema = JSON.parse(fs.readFileSync(path.join(hsdsDir, "compiled", file), "utf8"));
  return ajv.compile(schema);
}
