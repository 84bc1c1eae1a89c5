import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const notice = "The `envFile` option is deprecated";

function run(script: string) {
  const result = spawnSync(process.execPath, [script, "typegen"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// Issue 11, item 16: a newcomer's `npm run typecheck` (and build, dev) printed Vite's deprecation notice about an
// option React Router's own CLI sets, several times per command. scripts/react-router.mjs drops that one line.
describe("React Router's CLI as the npm scripts run it", () => {
  it("prints nothing for a successful typegen", () => {
    const { status, output } = run("scripts/react-router.mjs");
    expect(status).toBe(0);
    expect(output).toBe("");
  }, 60_000);

  it("still needs the filter: the CLI itself prints the notice (delete scripts/react-router.mjs once it does not)", () => {
    const { status, output } = run("node_modules/@react-router/dev/bin.js");
    expect(status).toBe(0);
    expect(output).toContain(notice);
  }, 60_000);
});
