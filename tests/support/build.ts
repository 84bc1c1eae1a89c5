import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Build the app for production, as `npm start` serves it, so tests can start `node server.mjs` — once per
 * test run: the instances project and the browser tests both need it, and their global setups run in the one
 * Vitest process, which remembers here that this run has built.
 */
export function buildOnce() {
  if (process.env.KP_TEST_BUILT === "1") return;
  // Vitest sets NODE_ENV=test; the build must be a production build.
  const build = spawnSync(process.execPath, ["scripts/react-router.mjs", "build"], {
    cwd: root,
    stdio: "pipe",
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  process.env.KP_TEST_BUILT = "1";
}
