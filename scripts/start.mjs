// `npm start`: build if the build is missing or older than the sources, then serve it.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const marker = path.join(root, "build/server/index.js");

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(path.join(root, "app")),
  ...["package-lock.json", "vite.config.ts", "react-router.config.ts"].map((f) => fs.statSync(path.join(root, f)).mtimeMs),
);
const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
if (built < sources) {
  console.log("Building Knutepunkt (first start or changed sources)…");
  const result = spawnSync("npx", ["react-router", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV ??= "production";
const { main } = await import("../server.mjs");
await main();
