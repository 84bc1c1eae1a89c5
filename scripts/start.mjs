// `npm start`: build if the build is missing or older than the sources, then serve it.
// The build's own output (every asset, and warnings from inside React Router's tooling that a newcomer can do
// nothing about) is shown only when the build fails; otherwise one line says it was built.
import { spawn } from "node:child_process";
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
  process.stdout.write("Building Knutepunkt (first start or changed sources; about a minute)…\n");
  const started = Date.now();
  const output = [];
  const status = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "scripts/react-router.mjs"), "build"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_ENV: "production" } });
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("close", (code) => resolve(code));
  });
  if (status !== 0) {
    process.stderr.write(Buffer.concat(output));
    process.stderr.write(`The build failed (exit code ${status}). The output above says why.\n`);
    process.exit(status ?? 1);
  }
  process.stdout.write(`Built in ${Math.round((Date.now() - started) / 1000)} s.\n`);
}

process.env.NODE_ENV ??= "production";
const { main } = await import("../server.mjs");
const { url } = await main();
// One line for people, beside the JSON log lines for machines.
process.stdout.write(`\nKnutepunkt is running at ${url} — open it in a browser. Demo accounts are in README.md. Stop with Ctrl+C.\n\n`);
