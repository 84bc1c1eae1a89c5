// Pure helpers of scripts/bench.mjs (tested by bench/bench-lib.test.mjs in the unit layer of `npm test`).

/** utime + stime, in clock ticks, from the text of /proc/<pid>/stat (the name field may hold spaces). */
export function cpuTicksFromStat(text) {
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // After the name: state is field 3, utime field 14, stime field 15.
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU ticks used between two samples of several processes (Map pid → ticks); processes new since `before` count from 0. */
export function ticksBetween(before, after) {
  let sum = 0;
  for (const [pid, ticks] of after) sum += ticks - (before.get(pid) ?? 0);
  return sum;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Adds a slot (requests, ticks of the server and of the database, latencies, seconds) to a target's totals. */
export function addSlot(totals, slot) {
  const t = totals ?? { requests: 0, errors: 0, nodeTicks: 0, pgTicks: 0, seconds: 0, latencies: [], single: [] };
  t.requests += slot.requests ?? 0;
  t.errors += slot.errors ?? 0;
  t.nodeTicks += slot.nodeTicks ?? 0;
  t.pgTicks += slot.pgTicks ?? 0;
  t.seconds += slot.seconds ?? 0;
  if (slot.latencies) t.latencies.push(...slot.latencies);
  if (slot.single) t.single.push(...slot.single);
  return t;
}

/** A target's figures from its totals: CPU ms per request (server process, database backends), rate, latency. */
export function summarise(totals, ticksPerSecond = 100) {
  const perRequest = (ticks) => (totals.requests ? (ticks * 1000) / ticksPerSecond / totals.requests : NaN);
  const latencies = [...totals.latencies].sort((a, b) => a - b);
  const single = [...totals.single].sort((a, b) => a - b);
  return {
    requests: totals.requests,
    errors: totals.errors,
    rps: totals.seconds ? totals.requests / totals.seconds : NaN,
    nodeCpuMs: perRequest(totals.nodeTicks),
    pgCpuMs: perRequest(totals.pgTicks),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    singleP50: percentile(single, 50),
  };
}

export function ratio(value, floor) {
  return Number.isFinite(value) && Number.isFinite(floor) && floor > 0 ? value / floor : NaN;
}

/** A number for a table cell: "–" when unknown. */
export function fmt(value, digits = 2) {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}

export function fmtRatio(value) {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "–";
}

/**
 * A figure against its aim: "✓" met, "✗" not met, "–" not measured, "·" recorded only (no aim).
 * aim: { max } (at most), { min } (at least), { approx } (about: met within 10 % above), or null.
 */
export function markAim(value, aim) {
  if (!aim) return "·";
  if (!Number.isFinite(value)) return "–";
  if (aim.max !== undefined) return value <= aim.max ? "✓" : "✗";
  if (aim.min !== undefined) return value >= aim.min ? "✓" : "✗";
  if (aim.approx !== undefined) return value <= aim.approx * 1.1 ? "✓" : "✗";
  return "·";
}

/** An aim as text: "≤ 2.34", "≈ 90". */
export function aimText(aim, unit = "") {
  if (!aim) return "record";
  if (aim.max !== undefined) return `≤ ${aim.text ?? aim.max}${unit}`;
  if (aim.min !== undefined) return `≥ ${aim.text ?? aim.min}${unit}`;
  if (aim.approx !== undefined) return `≈ ${aim.text ?? aim.approx}${unit}`;
  return "record";
}

/** The files a page's HTML makes a browser load: scripts and module preloads (JavaScript) and style sheets. */
export function pageAssets(html) {
  const js = new Set();
  const css = new Set();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name) => new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      const src = attr("src");
      if (src) js.add(src);
      continue;
    }
    const rel = (attr("rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr("href");
    if (!href) continue;
    if (rel.includes("modulepreload") || (rel.includes("preload") && attr("as") === "script")) js.add(href);
    else if (rel.includes("stylesheet")) css.add(href);
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join("");
  return { js: [...js], css: [...css], inlineScriptBytes: Buffer.byteLength(inline) };
}

/** Whether a captured statement only reads (so the bench may run it again and EXPLAIN ANALYZE it). */
export function isReadOnly(sql) {
  const s = sql.trim().toLowerCase();
  return (s.startsWith("select") || s.startsWith("with")) && !/\b(insert|update|delete|merge)\b/.test(s) && !/\bfor (update|share|no key update|key share)\b/.test(s);
}

/**
 * The commit to measure beside the working tree in the same run (issue 12: "today's and the new figures side by
 * side from one run"): BENCH_BASELINE for the floors measurement and the mixed scenario, BENCH_MIXED_BASELINE
 * (its earlier name) for the mixed scenario only. Returns { ref, floors, mixed }, or null when neither is set.
 */
export function parseBaseline(env) {
  const both = env.BENCH_BASELINE || null;
  const mixedOnly = env.BENCH_MIXED_BASELINE || null;
  if (!both && !mixedOnly) return null;
  if (both && mixedOnly && both !== mixedOnly) throw new Error(`BENCH_BASELINE (${both}) and BENCH_MIXED_BASELINE (${mixedOnly}) name different commits: give one`);
  const name = both ? "BENCH_BASELINE" : "BENCH_MIXED_BASELINE";
  const ref = both ?? mixedOnly;
  if (!/^[\w./~^@{}-]+$/.test(ref) || ref.startsWith("-")) throw new Error(`${name}: not a git revision: ${ref}`);
  return { ref, floors: Boolean(both), mixed: true };
}

/** The key under which a floors run keeps the baseline's figures for an app page: "baseline:front". */
export const baselineKey = (key) => `baseline:${key}`;

/**
 * One database's floors run as the baseline saw it: the baseline's page figures under the working tree's keys,
 * beside the floors of the same run (floorKeys; one floor app serves both), and the baseline's captured SQL —
 * so the aims table's figures read it as they read the working tree's. The working tree's own pages and its
 * floor-plus-SQL targets are left out (a figure the baseline lacks is then unknown, printed "–"). Null when
 * the run has no baseline figures.
 */
export function baselineView(result, floorKeys) {
  const targets = {};
  for (const [key, t] of Object.entries(result.targets)) if (key.startsWith(baselineKey(""))) targets[key.slice(baselineKey("").length)] = t;
  if (!Object.keys(targets).length) return null;
  for (const key of floorKeys) if (result.targets[key]) targets[key] = result.targets[key];
  return { label: result.label, targets, sqlSets: result.baseline?.sqlSets ?? {} };
}
