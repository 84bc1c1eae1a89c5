import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

/** Build the app for production, as `npm start` serves it, so tests can start `node server.mjs`. */
export default function setup() {
  // Vitest sets NODE_ENV=test; the build must be a production build.
  const build = spawnSync("npx", ["react-router", "build"], { cwd: root, stdio: "pipe", encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}
