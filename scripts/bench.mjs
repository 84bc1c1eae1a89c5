// `npm run bench`: start the production server on embedded PGlite and on PostgreSQL in turn and print,
// for the front page and the logged-in start page, requests/s and p50/p95/p99 latency at 50 concurrent
// connections for 10 s, plus cold start time and server memory. Not a test: figures to compare between runs.
//
// PostgreSQL: a throwaway database is created through BENCH_DATABASE_URL (an admin URL, default
// postgres://postgres@127.0.0.1:5432/postgres) and dropped afterwards. Set BENCH_DURATION (seconds) to shorten.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import zlib from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = 50;
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
// BENCH_ONLY_SEARCH=1: only the directory's search (HTML page and .data) at 10,000 offers, on both databases.
const onlySearch = Boolean(process.env.BENCH_ONLY_SEARCH);
const onlyToolkit = Boolean(process.env.BENCH_ONLY_TOOLKIT);

function generate(env, count) {
  const result = spawnSync("npx", ["tsx", "scripts/generate-offers.ts", String(count)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "warn", DEMO: "1", ...env },
  });
  if (result.status !== 0) throw new Error(`generating offers failed: ${result.stderr}`);
}

/** Download the full NDJSON export, sampling the server's memory while it streams. */
async function exportRun(base, pid) {
  const before = rssMb(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 25);
  const started = performance.now();
  const res = await fetch(`${base}/tilbud/eksport?format=ndjson`);
  let lines = 0;
  const decoder = new TextDecoder();
  for await (const chunk of res.body) lines += (decoder.decode(chunk, { stream: true }).match(/\n/g) ?? []).length;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  return { lines, seconds: Math.round(seconds * 100) / 100, memoryBeforeMb: before, memoryPeakMb: peak };
}

/** The directory with generated offers: search and HSDS API at 20 clients (10k), NDJSON export at 10k and 100k. */
async function measureDirectory(label, env) {
  const out = { label };
  generate(env, 10_000);
  {
    const { child, base } = await startServer(env);
    try {
      out.search = await load(`${base}/tilbud?q=kurs&fylke=50&type=kurs-og-opplaering`, {}, 20);
      // The same search as a client-side navigation fetches it (loader data only, no HTML).
      out.searchData = await load(`${base}/tilbud.data?q=kurs&fylke=50&type=kurs-og-opplaering`, {}, 20);
      if (onlySearch) return out;
      out.api = await load(`${base}/api/hsds/services?per_page=50`, {}, 20);
      out.export10k = await exportRun(base, child.pid);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
  generate(env, 90_000);
  {
    const { child, base } = await startServer(env);
    try {
      out.export100k = await exportRun(base, child.pid);
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
  return out;
}

function build() {
  console.log("Building the production bundle…");
  const result = spawnSync("npx", ["react-router", "build"], { cwd: root, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("build failed");
}

async function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return NaN;
  }
}

async function startServer(env) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), PUBLIC_URL: base, LOG_LEVEL: "warn", SMTP_URL: "", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (performance.now() - started > 60_000) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, base, coldStartMs: Math.round(performance.now() - started) };
}

async function logIn(base) {
  const page = await fetch(`${base}/logg-inn`);
  const cookies = page.headers.getSetCookie().map((c) => c.split(";")[0]);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())[1];
  const body = new URLSearchParams({ csrf, email: "deltaker@example.org", password: "demo-passord-2026", redirectTo: "/min-side" });
  const res = await fetch(`${base}/logg-inn`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Cookie: cookies.join("; "), "Content-Type": "application/x-www-form-urlencoded", Origin: base },
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => /^(__Host-)?kp_session=/.test(c));
  if (res.status !== 302 || !session) throw new Error(`login failed: ${res.status}`);
  return [...cookies, session].join("; ");
}

const round = (ms) => Math.round(ms * 10) / 10;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(url, headers = {}, conns = connections) {
  const latencies = [];
  const result = await autocannon({
    url,
    connections: conns,
    duration,
    headers,
    setupClient(client) {
      client.on("response", (_status, _bytes, responseTime) => latencies.push(responseTime));
    },
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(result.requests.total / duration),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: result.errors + result.timeouts + (result.non2xx ?? 0),
  };
}

/** JavaScript a page loads (module preloads and scripts), raw and gzip-compressed, read from the build. */
async function pageJs(base, pathname, cookie) {
  const html = await (await fetch(`${base}${pathname}`, { headers: cookie ? { cookie } : {} })).text();
  const files = new Set([...html.matchAll(/(?:href|src)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(root, "build/client", file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 6 }).length;
  }
  return { files: files.size, rawKb: Math.round(raw / 1024), gzipKb: Math.round(gzip / 1024) };
}

async function measure(label, env) {
  const { child, base, coldStartMs } = await startServer(env);
  try {
    const cookie = await logIn(base);
    if (!jsWeight) jsWeight = { front: await pageJs(base, "/"), start: await pageJs(base, "/min-side", cookie) };
    const front = await load(`${base}/`);
    const start = await load(`${base}/min-side`, { cookie });
    return { label, coldStartMs, memoryMb: rssMb(child.pid), front, start };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

/** A fixed master key for the bench's PostgreSQL runs (production requires one; throwaway data). */
const benchMasterKey = Buffer.alloc(32, 7).toString("base64");

/**
 * Verktøykasse (issue 4): the demo participant with N generated entries. "Min mappe" (every entry
 * decrypted and rendered) one request at a time — the server-side render time — and at 10 connections;
 * the PDF of that folder; the JavaScript a toolkit page loads.
 */
async function measureToolkit(label, env, entries = 500) {
  const gen = spawnSync("npx", ["tsx", "scripts/generate-toolkit.ts", String(entries)], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", DEMO: "1", ...env },
    encoding: "utf8",
  });
  if (gen.status !== 0) throw new Error(`generate-toolkit failed:\n${gen.stdout}\n${gen.stderr}`);
  const { child, base } = await startServer(env);
  try {
    const cookie = await logIn(base);
    for (let i = 0; i < 20; i++) await fetch(`${base}/verktoy/mappe`, { headers: { cookie } }).then((r) => r.text()); // warm-up
    const folderSerial = await load(`${base}/verktoy/mappe`, { cookie }, 1);
    const folder10 = await load(`${base}/verktoy/mappe`, { cookie }, 10);
    const pdfTimes = [];
    let pdfBytes = 0;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}/verktoy/mappe/pdf`, { headers: { cookie } });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || body.subarray(0, 5).toString() !== "%PDF-") throw new Error(`PDF failed: ${res.status}`);
      pdfTimes.push(performance.now() - t0);
      pdfBytes = body.length;
    }
    pdfTimes.sort((a, b) => a - b);
    const html = await (await fetch(`${base}/verktoy/mappe`, { headers: { cookie } })).text();
    const inline = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
    const js = await pageJs(base, "/verktoy/mappe", cookie);
    return {
      label,
      folderSerial,
      folder10,
      pdf: { p50: Math.round(percentile(pdfTimes, 50)), p95: Math.round(percentile(pdfTimes, 95)), kb: Math.round(pdfBytes / 1024) },
      js: { ...js, inlineGzipBytes: zlib.gzipSync(Buffer.from(inline)).length, htmlGzipKb: Math.round(zlib.gzipSync(Buffer.from(html)).length / 1024) },
    };
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function withPostgres(fn) {
  const name = `kp_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL not reachable at ${adminUrl} (${error.message}); skipping it.`);
    return null;
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}

build();
let jsWeight;
const results = [];
if (!onlySearch && !onlyToolkit) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-bench-"));
  try {
    // Cold start includes migrations and demo data on a new data folder.
    results.push(await measure("PGlite", { DATABASE_URL: "", DATA_DIR: dataDir, DEMO: "1" }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const postgres = await withPostgres((url) =>
    measure("PostgreSQL", { DATABASE_URL: url, DEMO: "1", SESSION_SECRET: "bench-secret-bench-secret-bench-secret", MASTER_KEY: benchMasterKey }),
  );
  if (postgres) results.push(postgres);
}

// Verktøykasse: a participant with 500 entries (issue 4's figures).
const toolkit = [];
if (!onlySearch && !process.env.BENCH_SKIP_TOOLKIT) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-bench-toolkit-"));
  try {
    toolkit.push(await measureToolkit("PGlite", { DATABASE_URL: "", DATA_DIR: dir }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pgToolkit = await withPostgres((url) =>
    measureToolkit("PostgreSQL", { DATABASE_URL: url, SESSION_SECRET: "bench-secret-bench-secret-bench-secret", MASTER_KEY: benchMasterKey }),
  );
  if (pgToolkit) toolkit.push(pgToolkit);
}

// Tilbud: the offers directory with generated offers (issue 3's figures).
const directory = [];
if (!process.env.BENCH_SKIP_DIRECTORY && !onlyToolkit) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kp-bench-dir-"));
  try {
    directory.push(await measureDirectory("PGlite", { DATABASE_URL: "", DATA_DIR: dir }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const pgDirectory = await withPostgres((url) =>
    measureDirectory("PostgreSQL", { DATABASE_URL: url, SESSION_SECRET: "bench-secret-bench-secret-bench-secret", MASTER_KEY: benchMasterKey }),
  );
  if (pgDirectory) directory.push(pgDirectory);
}

const row = (cells) => `| ${cells.join(" | ")} |`;
console.log(`\nKnutepunkt bench — ${os.cpus().length} CPU, Node ${process.version}, ${connections} connections × ${duration} s\n`);
if (results.length) console.log(row(["database", "page", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "cold start ms", "memory MB"]));
if (results.length) console.log(row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]));
for (const r of results) {
  for (const [page, m] of [["front page /", r.front], ["logged-in /min-side", r.start]]) {
    console.log(row([r.label, page, m.rps, m.p50, m.p95, m.p99, m.errors, r.coldStartMs, r.memoryMb]));
  }
}
if (directory.length) {
  console.log(`\nTilbud with 10,000 generated offers, 20 connections × ${duration} s${onlySearch ? "" : "; NDJSON export of everything at 10k and 100k"}\n`);
  console.log(row(["database", "what", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]));
  console.log(row(["---", "---", "---:", "---:", "---:", "---:", "---:"]));
  for (const d of directory) {
    console.log(row([d.label, "search /tilbud?q=kurs&fylke=50&type=… (HTML page)", d.search.rps, d.search.p50, d.search.p95, d.search.p99, d.search.errors]));
    console.log(row([d.label, "same search as .data (client navigation)", d.searchData.rps, d.searchData.p50, d.searchData.p95, d.searchData.p99, d.searchData.errors]));
    if (d.api) console.log(row([d.label, "HSDS /api/hsds/services?per_page=50", d.api.rps, d.api.p50, d.api.p95, d.api.p99, d.api.errors]));
  }
  const exported = directory.filter((d) => d.export10k);
  if (exported.length) {
    console.log("");
    console.log(row(["database", "offers", "NDJSON lines", "seconds", "server memory before MB", "peak MB"]));
    console.log(row(["---", "---:", "---:", "---:", "---:", "---:"]));
  }
  for (const d of exported) {
    for (const [n, e] of [["10,000", d.export10k], ["100,000", d.export100k]]) {
      console.log(row([d.label, n, e.lines, e.seconds, e.memoryBeforeMb, e.memoryPeakMb]));
    }
  }
}
if (toolkit.length) {
  console.log(`\nVerktøykasse: the demo participant with 500 entries; ${duration} s per measurement\n`);
  console.log(row(["database", "what", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"]));
  console.log(row(["---", "---", "---:", "---:", "---:", "---:", "---:"]));
  for (const t of toolkit) {
    console.log(row([t.label, "Min mappe /verktoy/mappe, 1 connection (server-side render)", t.folderSerial.rps, t.folderSerial.p50, t.folderSerial.p95, t.folderSerial.p99, t.folderSerial.errors]));
    console.log(row([t.label, "Min mappe, 10 connections", t.folder10.rps, t.folder10.p50, t.folder10.p95, t.folder10.p99, t.folder10.errors]));
    console.log(row([t.label, `PDF of the folder (${t.pdf.kb} KB), 10 in a row`, "", t.pdf.p50, t.pdf.p95, "", ""]));
  }
  const t = toolkit[0];
  console.log(`\nToolkit page /verktoy/mappe: ${t.js.files} JavaScript files (${t.js.gzipKb} KB gzip); inline script ${t.js.inlineGzipBytes} bytes gzip; HTML ${t.js.htmlGzipKb} KB gzip.`);
}
if (jsWeight) {
  console.log("\nClient JavaScript per page (from the build):");
  for (const [page, w] of [["front page /", jsWeight.front], ["logged-in /min-side", jsWeight.start]]) {
    console.log(`- ${page}: ${w.files} files, ${w.rawKb} KB raw, ${w.gzipKb} KB gzip`);
  }
}
