// Summarises a V8 CPU profile (node --cpu-prof; `BENCH_MIXED_PROFILE=<dir>` in scripts/bench.mjs writes one
// of the server): `node bench/cpu-profile-summary.mjs <file.cpuprofile> [top] [from s] [to s]` — from and to:
// only the samples in that window, in seconds after the profile started (the bench prints the run's). Prints self time by package
// (or by the app's own source folder), the heaviest functions by self time, and the inclusive time of a few
// functions the toolkit's cost is suspected in.
import fs from "node:fs";

const [file, topArg, fromArg, toArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/cpu-profile-summary.mjs <file.cpuprofile> [top]");
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node: the samples and the time deltas between them.
const from = fromArg === undefined ? -Infinity : Number(fromArg) * 1000;
const to = toArg === undefined ? Infinity : Number(toArg) * 1000;
const self = new Map();
let at = 0; // ms after the profile started
for (let i = 0; i < profile.samples.length; i++) {
  const delta = (profile.timeDeltas[i] ?? 0) / 1000;
  at += delta;
  if (at < from || at > to) continue;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + delta);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return "(native / V8)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return url;
  if (url.includes("/build/server/")) return "app (server build)";
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}
const name = (n) => `${n.callFrame.functionName || "(anonymous)"} ${where(n.callFrame.url)}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ""}`;
const pct = (ms) => `${((100 * ms) / total).toFixed(1)} %`;

const byWhere = new Map();
const byFunction = new Map();
for (const [id, ms] of self) {
  const n = nodes.get(id);
  const w = ["(idle)", "(program)", "(garbage collector)"].includes(n.callFrame.functionName) ? n.callFrame.functionName : where(n.callFrame.url);
  byWhere.set(w, (byWhere.get(w) ?? 0) + ms);
  byFunction.set(name(n), (byFunction.get(name(n)) ?? 0) + ms);
}
const busy = total - (byWhere.get("(idle)") ?? 0);
console.log(`${file}: ${(total / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s not idle\n`);
console.log("Self time by package or place (share of all samples):");
for (const [w, ms] of [...byWhere].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(ms).padStart(7)}  ${(ms / 1000).toFixed(2).padStart(7)} s  ${w}`);
console.log("\nHeaviest functions by self time:");
for (const [f, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(ms).padStart(7)}  ${f}`);

// Inclusive time of functions by name (a function counted once per stack, however deep it recurses).
const inclusive = new Map();
for (const [id, ms] of self) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const fn = nodes.get(cur).callFrame.functionName;
    if (!fn || seen.has(fn)) continue;
    seen.add(fn);
    inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
  }
}
const watched = (process.env.PROFILE_FUNCTIONS ?? "renderToPipeableStream,renderToReadableStream,handleDocumentRequest,handleDataRequest,query,loadEntries,open,decryptText,unwrapDataKey,getSessionUser,appMiddleware,compression,hash,verify,matchRoutes,createStaticHandler,parse,serialize,JSON.parse").split(",");
console.log("\nInclusive time of some functions (by name; all that share the name):");
for (const fn of watched) if (inclusive.has(fn)) console.log(`  ${pct(inclusive.get(fn)).padStart(7)}  ${fn}`);
