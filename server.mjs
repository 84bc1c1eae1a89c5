// Knutepunkt's HTTP server: serves the production build with Express.
// All TypeScript lives in the Vite build; this file only wires HTTP, static files, /healthz, the admission queue
// (app/lib/admission.mjs, ADR 0021), the optional cluster (WEB_CONCURRENCY) and shutdown.
import { randomBytes } from "node:crypto";
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import { admissionConfig, admissionMiddleware, createAdmission } from "./app/lib/admission.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));

// Production mode cannot be forgotten (issue 12, item 6): React picks its build from NODE_ENV when it is
// first loaded, and its development build costs about 2.3 times the CPU per page. Outside development
// (NODE_ENV unset or empty) this server sets production itself, before anything loads React (the build
// and React Router's request handler are imported below, not at the top), and says at start which build runs.
if (!process.env.NODE_ENV) process.env.NODE_ENV = "production";

/**
 * Which React build this process has loaded ("production" or "development"), read from Node's module
 * cache (entries that were executed: Node also lists the other build, parsed but never run, when ES
 * modules import React); before React is loaded, what NODE_ENV will choose.
 */
export function reactBuild() {
  const require = createRequire(import.meta.url);
  for (const [file, module] of Object.entries(require.cache)) {
    const match = /[\\/]react[\\/]cjs[\\/]react\.(production|development)\.js$/.exec(file);
    if (match && module?.loaded) return match[1];
  }
  return process.env.NODE_ENV === "production" ? "production" : "development";
}

/**
 * Whether a request path may be a public file in build/client (the favicon, robots.txt): only paths that
 * look like a file. Pages and React Router's data requests (`/tilbud.data`) go straight to the app and never
 * touch the disk (issue 12, item 4).
 */
export function mayBePublicFile(pathname) {
  return /\.[a-z0-9]+$/i.test(pathname) && !pathname.endsWith(".data");
}

function logLine(level, msg, fields = {}) {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  (level === "error" ? process.stderr : process.stdout).write(line + "\n");
}

export async function createServer({ env = process.env } = {}) {
  const { createRequestHandler } = await import("@react-router/express");
  const build = await import(pathToFileURL(path.join(root, "build/server/index.js")).href);
  const entry = build.entry.module;
  // The queue in front of the app (ADR 0021): its settings are checked before anything starts.
  let limits;
  try {
    limits = admissionConfig(env, env.DATABASE_URL ? "postgres" : "pglite");
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const admission = createAdmission(limits);
  let services;
  try {
    services = await entry.startServices(env);
  } catch (error) {
    if (error instanceof entry.ConfigError || error instanceof entry.DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY === "1" ? 1 : false);
  app.use(compression());
  app.use((req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (services.config.secureCookies) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  // Paths that cannot be percent-decoded (/tilbud/%FF, /%ED%A0%80, a stray %): React Router would log a
  // warning for each and match nothing. Their stray % signs are escaped and the request is marked; the
  // root middleware answers it with a 400 page in the person's language (app/lib/input-check.server.ts).
  const badPathHeader = "x-knutepunkt-bad-path";
  const decodes = (segment) => {
    try {
      decodeURIComponent(segment);
      return true;
    } catch {
      return false;
    }
  };
  app.use((req, _res, next) => {
    delete req.headers[badPathHeader];
    const at = req.originalUrl.indexOf("?");
    const pathname = at === -1 ? req.originalUrl : req.originalUrl.slice(0, at);
    if (!decodes(pathname)) {
      const escaped = pathname
        .split("/")
        .map((segment) => (decodes(segment) ? segment : segment.replace(/%/g, "%25")))
        .join("/");
      req.url = req.originalUrl = escaped + (at === -1 ? "" : req.originalUrl.slice(at));
      req.headers[badPathHeader] = "1";
    }
    next();
  });

  // Request headers (the URL included) over Node's usual limit of 16 KB, such as a search with a very long
  // URL: the server reads up to 64 KB (maxHeaderSize in main), and the app answers with its own error page,
  // status 431, in the person's language. The request reaches the app without its query (only ?lang= is
  // kept), marked with this header; the root middleware throws the 431 (app/lib/request.server.ts).
  const tooLongHeader = "x-knutepunkt-too-long";
  app.use((req, _res, next) => {
    delete req.headers[tooLongHeader];
    const size = req.originalUrl.length + req.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0);
    if (size > usualHeaderLimit) {
      const at = req.originalUrl.indexOf("?");
      const pathname = at === -1 ? req.originalUrl : req.originalUrl.slice(0, at);
      const lang = at === -1 ? null : new URLSearchParams(req.originalUrl.slice(at + 1)).get("lang");
      req.url = req.originalUrl = pathname + (lang && /^(nb|nn|en)$/.test(lang) ? `?lang=${lang}` : "");
      req.headers[tooLongHeader] = "1";
    }
    next();
  });

  app.get("/healthz", async (_req, res) => {
    const ok = await entry.pingDb(services.db);
    res.status(ok ? 200 : 503).set("Cache-Control", "no-store").json({ status: ok ? "ok" : "error", database: ok ? "ok" : "error" });
  });

  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y", index: false }));
  // Other public files (favicon): only paths that look like files touch the disk; pages and data go straight to the app.
  const publicFiles = express.static(path.join(root, "build/client"), { maxAge: "1h", index: false });
  app.use((req, res, next) => (mayBePublicFile(req.path) ? publicFiles(req, res, next) : next()));

  // Large bodies (by Content-Length) are refused before they reach the app, with a short bilingual 413.
  // The exceptions: offer imports (POST /tilbud/import, CSV or JSON files), toolkit imports
  // (POST /verktoy/data) and evaluation archives (POST /evalueringer/importer) may be up to 10 MB. An upload over that is discarded and the page is shown again,
  // with status 413 and a message in the person's language (the marker header is the one in
  // app/modules/offers/import.server.ts).
  const maxBody = 1_000_000;
  const maxImportBody = 10_500_000; // 10 MB of files and the multipart framing around them
  const importPaths = ["/tilbud/import", "/tilbud/import.data", "/verktoy/data", "/verktoy/data.data", "/evalueringer/importer", "/evalueringer/importer.data"];
  const importPages = ["/tilbud/import", "/verktoy/data", "/evalueringer/importer"];
  const tooLargeHeader = "x-knutepunkt-upload-too-large";
  app.use((req, res, next) => {
    delete req.headers[tooLargeHeader];
    const length = Number(req.headers["content-length"] ?? 0);
    // A body without a length (chunked) cannot be bounded cheaply here: refuse it. Browsers send a length.
    if (!["GET", "HEAD", "OPTIONS"].includes(req.method) && req.headers["content-length"] === undefined && req.headers["transfer-encoding"]) {
      res.status(411).type("text/plain; charset=utf-8").send("Length required");
      return;
    }
    const isImport = req.method === "POST" && importPaths.includes(req.path);
    if (length > (isImport ? maxImportBody : maxBody)) {
      if (isImport && importPages.includes(req.path)) {
        req.resume();
        req.method = "GET";
        req.headers[tooLargeHeader] = "1";
        delete req.headers["content-length"];
        delete req.headers["content-type"];
        next();
        return;
      }
      res.status(413).type("text/plain; charset=utf-8").send("For stor forespørsel / Request too large");
      return;
    }
    next();
  });

  // Past capacity (ADR 0021): at most MAX_IN_FLIGHT app requests at once, the others in a FIFO queue (POSTs
  // first) bounded by QUEUE_WAIT_MS and MAX_QUEUE; a request it cannot serve in time gets a 503 with
  // Retry-After from here, without the app or the database. /healthz and static files stay outside it.
  app.use(admissionMiddleware(admission, { passwordWeight: limits.passwordWeight, log: (fields) => logLine("warn", "http.busy", fields) }));

  // app.use, not app.all("/{*splat}"): a route pattern makes Express decode the path and throw a URIError
  // (a 500) on invalid percent-encoding such as /tilbud/%FF. The app's root middleware checks the path
  // itself and answers bad bytes with a 400 page in the person's language (app/lib/input-check.server.ts).
  app.use(
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req, res) =>
        entry.createLoadContext({
          ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
          nonce: randomBytes(16).toString("base64"),
          // Work that must not make the answer slower or tell anything by its timing starts once it is sent.
          afterResponse: (task) => res.once("close", task),
          // The app answers 503 because no database connection came in time: the same Retry-After as the queue's.
          busy: () => {
            if (res.headersSent) return;
            res.setHeader("Retry-After", String(admission.retryAfter()));
            res.setHeader("Cache-Control", "no-store");
          },
        }),
    }),
  );

  // Last resort: never a stack trace to the user. Errors Express marks as the client's (4xx, such as a
  // path it cannot decode) keep their status and are not logged as server errors.
  app.use((error, _req, res, _next) => {
    const status = Number(error?.status ?? error?.statusCode);
    if (status >= 400 && status < 500) {
      logLine("info", "http.client_error", { status, error: error?.name });
      if (!res.headersSent) res.status(status).type("text/plain; charset=utf-8").send("Vi forsto ikke forespørselen. / We did not understand the request.");
      return;
    }
    logLine("error", "http.unhandled", { error: error?.name, errorMessage: String(error?.message ?? "").slice(0, 300) });
    if (!res.headersSent) res.status(500).type("text/plain; charset=utf-8").send("Noe gikk galt. Prøv igjen om litt. / Something went wrong.");
  });

  return { app, services, limits, stop: () => entry.stopServices() };
}

/** Node's default limit for request headers; the app answers larger ones (up to maxHeaderSize) with its 431 page. */
const usualHeaderLimit = 16 * 1024;
/** What Node reads at most: a request with more header bytes than this never reaches Express. */
const maxHeaderSize = 64 * 1024;

// Node refuses a request whose headers (the URL included) are over maxHeaderSize before Express sees it, with
// a bare 431 and an empty page. Such a request gets this small page of our own instead, in the person's
// language when the request says it (kp_lang cookie, ?lang=, Accept-Language), else bokmål. (Requests between
// 16 and 64 KB get the app's own error page, with its header and footer.)
const tooLargeTexts = {
  nb: {
    title: "Adressen er for lang",
    body: "Nettadressen eller informasjonskapslene er for lange til at vi kan ta imot dem. Dette skjer oftest når et søk har svært mange ord eller valg. Prøv et kortere søk.",
    search: "Gå til søket etter tilbud",
    home: "Gå til forsiden",
    code: "Feilkode 431",
  },
  nn: {
    title: "Adressa er for lang",
    body: "Nettadressa eller informasjonskapslane er for lange til at vi kan ta imot dei. Dette skjer oftast når eit søk har svært mange ord eller val. Prøv eit kortare søk.",
    search: "Gå til søket etter tilbod",
    home: "Gå til framsida",
    code: "Feilkode 431",
  },
  en: {
    title: "The address is too long",
    body: "The web address or the cookies are too long for us to accept. This mostly happens when a search has very many words or choices. Try a shorter search.",
    search: "Go to the search for services",
    home: "Go to the home page",
    code: "Error code 431",
  },
};

/** The language of a request we could not parse, from what arrived of it. */
export function rawRequestLang(raw) {
  const text = raw ? raw.toString("latin1").slice(0, 64 * 1024) : "";
  const cookie = /^cookie:.*\bkp_lang=(nb|nn|en)\b/im.exec(text);
  if (cookie) return cookie[1];
  const param = /^[A-Z]+ [^ \r\n]*[?&]lang=(nb|nn|en)(?:[&# \r\n]|$)/.exec(text);
  if (param) return param[1];
  const accept = /^accept-language:\s*([a-z]{2})/im.exec(text);
  if (accept?.[1] === "nn") return "nn";
  if (accept?.[1] === "en") return "en";
  return "nb";
}

export function tooLargePage(lang) {
  const t = tooLargeTexts[lang] ?? tooLargeTexts.nb;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1e2b3c;line-height:1.5}main{max-width:36rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.75rem;line-height:1.25}a{color:#0062ba}li{margin-block:.5rem}.code{color:#4b5a6d}</style>
</head><body><main data-status="431"><h1>${t.title}</h1><p>${t.body}</p><ul><li><a href="/tilbud">${t.search}</a></li><li><a href="/">${t.home}</a></li></ul><p class="code">${t.code}</p></main></body></html>`;
}

/** Answers what Node's HTTP parser refuses: our own page for a 431, a plain 400 or 408 otherwise. */
export function answerClientErrors(server) {
  server.on("clientError", (error, socket) => {
    if (error.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    if (error.code === "HPE_HEADER_OVERFLOW") {
      logLine("info", "http.headers_too_large", { status: 431 });
      const body = tooLargePage(rawRequestLang(error.rawPacket));
      const headers = [
        "HTTP/1.1 431 Request Header Fields Too Large",
        "Content-Type: text/html; charset=utf-8",
        `Content-Length: ${Buffer.byteLength(body)}`,
        "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        "X-Content-Type-Options: nosniff",
        "Referrer-Policy: same-origin",
        "Cache-Control: no-store",
        "Connection: close",
      ];
      socket.end(`${headers.join("\r\n")}\r\n\r\n${body}`);
      return;
    }
    const status = error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
}

/**
 * WEB_CONCURRENCY (default 1): how many server processes share the port through node:cluster. Only with
 * DATABASE_URL: the embedded database (PGlite) belongs to one process. Each process has its own queue bound
 * (MAX_IN_FLIGHT) and its own pool. A bad value throws an Error whose message is one line.
 */
export function webConcurrency(env) {
  const raw = env.WEB_CONCURRENCY;
  if (raw === undefined || raw === "") return 1;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 16) throw new Error("Invalid configuration: WEB_CONCURRENCY must be a whole number from 1 to 16");
  return env.DATABASE_URL ? Number(raw) : 1;
}

/** The primary process of WEB_CONCURRENCY > 1: starts the workers, passes SIGTERM and SIGINT on, and stops with them. */
function primary(count) {
  logLine("info", "server.cluster", { workers: count });
  let stopping = false;
  let alive = count;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    alive -= 1;
    if (!stopping) {
      // A worker that dies takes the others down: the supervisor (systemd, the container) restarts the whole.
      logLine("error", "server.worker_exited", { pid: worker.process.pid, code, signal });
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
      process.exitCode = 1;
    }
    if (alive === 0) process.exit();
  });
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    setTimeout(() => process.exit(1), 12_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

export async function main() {
  let workers;
  try {
    workers = webConcurrency(process.env);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  if (workers > 1 && cluster.isPrimary) return primary(workers);
  if (!process.env.DATABASE_URL && Number(process.env.WEB_CONCURRENCY) > 1) {
    logLine("warn", "server.one_process", { note: "WEB_CONCURRENCY is for PostgreSQL (DATABASE_URL): the embedded database belongs to one process, so one process serves" });
  }
  const { app, services, limits, stop } = await createServer();
  const port = services.config.port;
  let listening;
  const ready = new Promise((resolve) => (listening = resolve));
  const server = http.createServer({ maxHeaderSize }, app);
  const react = reactBuild();
  server.listen(port, () => {
    const { maxInFlight, waitMs, maxQueue } = limits;
    logLine("info", "server.listening", { port, database: services.handle.kind, url: services.config.publicUrl, react, maxInFlight, queueWaitMs: waitMs, maxQueue });
    if (react !== "production") {
      logLine("warn", "server.react_development_build", { nodeEnv: process.env.NODE_ENV, note: "React's development build: slower, for development only; unset NODE_ENV or set it to production" });
    }
    listening({ url: services.config.publicUrl });
  });
  answerClientErrors(server);
  let stopping = false;
  const shutdown = (signal) => {
    if (stopping) return;
    stopping = true;
    logLine("info", "server.stopping", { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(async () => {
      await stop();
      process.exit(0);
    });
    server.closeIdleConnections?.();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
  return ready;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    logLine("error", "server.failed", { error: error?.name, errorMessage: String(error?.message ?? "").slice(0, 500) });
    process.exit(1);
  });
}
