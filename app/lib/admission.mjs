// Admission past capacity (issue 12, item 7; ADR 0021): at most `maxInFlight` app requests run at once, the
// others wait in a FIFO queue bounded by time and by length, and a request the queue cannot serve in time is
// answered 503 with Retry-After by server.mjs itself, without the app or the database.
//
// Plain JavaScript, outside the Vite build: server.mjs imports it directly (types in admission.d.mts).

/** Paths whose POST hashes or checks a password with argon2id (≈ 40 ms of CPU): they take several slots. */
const passwordPosts = /^\/(?:logg-inn|registrer|nytt-passord\/[^/]+|min-side\/passord|min-side\/slett|invitasjon\/[^/]+)(?:\.data)?\/?$/;

/** How many slots a request takes: a password POST weighs `passwordWeight`, anything else 1. */
export function requestWeight(method, pathname, passwordWeight) {
  return method === "POST" && passwordPosts.test(pathname) ? passwordWeight : 1;
}

const whole = (name, value, min, max) => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new Error(`Invalid configuration: ${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(value);
};

/**
 * The queue's settings from the environment. MAX_IN_FLIGHT defaults to twice the app's pool (20 on PostgreSQL,
 * whose pool has 10 connections; 4 on PGlite, which has one); QUEUE_WAIT_MS to 10 s (POSTs wait twice that);
 * MAX_QUEUE to 1,000. A bad value throws an Error whose message is one line naming the variable.
 */
export function admissionConfig(env, database) {
  const read = (name, fallback, min, max) => (env[name] === undefined || env[name] === "" ? fallback : whole(name, env[name], min, max));
  const maxInFlight = read("MAX_IN_FLIGHT", database === "postgres" ? 20 : 4, 1, 10_000);
  const waitMs = read("QUEUE_WAIT_MS", 10_000, 1, 120_000);
  const maxQueue = read("MAX_QUEUE", 1_000, 0, 1_000_000);
  // A password POST takes four slots (argon2id runs on libuv's four threads), at most half of them.
  const passwordWeight = Math.max(1, Math.min(4, Math.floor(maxInFlight / 2)));
  return { maxInFlight, waitMs, postWaitMs: 2 * waitMs, maxQueue, passwordWeight };
}

/**
 * The queue itself, without HTTP: `enter()` asks for slots and calls `admit(release)` when they are granted, or
 * `refuse(reason, retryAfter)` when the request has waited its bound ("wait") or the queue is full ("full").
 * POSTs wait in a queue of their own that is served first. Strictly first come, first served within each
 * queue, so a heavy request at the head is never starved by light ones behind it.
 */
export function createAdmission({ maxInFlight, waitMs, postWaitMs = 2 * waitMs, maxQueue, now = () => performance.now(), random = Math.random }) {
  let inFlight = 0;
  const posts = [];
  const gets = [];
  /** When the last requests finished (ms), for the recent throughput behind Retry-After. */
  const finished = [];
  const counts = { admitted: 0, refused: 0, gone: 0 };

  const pump = () => {
    for (;;) {
      const head = posts[0] ?? gets[0];
      if (!head || inFlight + head.weight > maxInFlight) return;
      (head.post ? posts : gets).shift();
      clearTimeout(head.timer);
      start(head);
    }
  };

  const start = (entry) => {
    inFlight += entry.weight;
    counts.admitted += 1;
    let done = false;
    entry.admit(() => {
      if (done) return;
      done = true;
      inFlight -= entry.weight;
      finished.push(now());
      if (finished.length > 200) finished.shift();
      pump();
    });
  };

  const remove = (entry) => {
    const queue = entry.post ? posts : gets;
    const at = queue.indexOf(entry);
    if (at === -1) return false;
    queue.splice(at, 1);
    clearTimeout(entry.timer);
    return true;
  };

  const refuse = (entry, reason) => {
    counts.refused += 1;
    entry.refuse(reason, retryAfter());
  };

  /**
   * Seconds until a refused client should come back: what is queued and running over the recent throughput
   * (the last 200 requests, at most 10 s back), between 1 and 30, with up to 20 % of random spread so that
   * refused clients do not all come back at once.
   */
  const retryAfter = () => {
    const at = now();
    const recent = finished.filter((t) => at - t <= 10_000);
    const perSecond = recent.length >= 2 ? recent.length / Math.max(1, (at - recent[0]) / 1000) : 0;
    const base = perSecond > 0 ? (posts.length + gets.length + inFlight) / perSecond : waitMs / 1000;
    return Math.min(30, Math.max(1, Math.round(base * (1 + 0.2 * random()))));
  };

  return {
    /**
     * Asks for `weight` slots (at most maxInFlight). Returns `cancel()`: for a queued request whose client has
     * gone, it leaves the queue without work; once admitted, cancelling does nothing (release frees the slots).
     */
    enter({ post = false, weight = 1, admit, refuse: onRefuse }) {
      const entry = { post, weight: Math.min(Math.max(1, weight), maxInFlight), admit, refuse: onRefuse, timer: undefined };
      const cancel = () => {
        if (remove(entry)) counts.gone += 1;
      };
      const queue = post ? posts : gets;
      if (queue.length === 0 && (post || posts.length === 0) && inFlight + entry.weight <= maxInFlight) {
        start(entry);
        return cancel;
      }
      if (posts.length + gets.length >= maxQueue) {
        // Full: a save takes the place of the newest page view (a lost save costs the person their typing).
        const newest = post ? gets.pop() : undefined;
        if (!newest) {
          refuse(entry, "full");
          return cancel;
        }
        clearTimeout(newest.timer);
        refuse(newest, "full");
      }
      entry.timer = setTimeout(() => {
        if (remove(entry)) refuse(entry, "wait");
      }, post ? postWaitMs : waitMs);
      queue.push(entry);
      return cancel;
    },
    retryAfter,
    stats: () => ({ inFlight, queued: posts.length + gets.length, queuedPosts: posts.length, ...counts }),
  };
}

// The source of the 503 texts. The app's own 503 page (no database connection in time, db-busy.server.ts) takes
// its texts from the catalogues, whose `error_page.503` entries repeat this heading and the body's first sentence
// in nb and en: admission.test.ts fails when they differ. Change them here first, then there.
const busyTexts = {
  nb: {
    title: "Det er mange her akkurat nå",
    body: (s) => `Vi klarer ikke å ta imot flere akkurat nå. Prøv igjen om ${s} sekunder.`,
    post: "Det du sendte, er ikke lagret. Gå tilbake med tilbakeknappen i nettleseren: teksten du skrev, står der fortsatt. Send skjemaet igjen om litt.",
    get: "Last inn siden på nytt om litt.",
    home: "Gå til forsiden",
    code: "Feilkode 503",
  },
  en: {
    title: "Many people are here right now",
    body: (s) => `We cannot take any more requests just now. Try again in ${s} seconds.`,
    post: "What you sent has not been saved. Go back with your browser's back button: the text you wrote is still there. Send the form again in a little while.",
    get: "Reload the page in a little while.",
    home: "Go to the home page",
    code: "Error code 503",
  },
};

/** The 503 page: bokmål first, then English, written without the app (as the 431 page is). */
export function busyPage({ post, retryAfter }) {
  const part = (lang) => {
    const t = busyTexts[lang];
    return `<section lang="${lang}" aria-labelledby="busy-${lang}"><h${lang === "nb" ? 1 : 2} id="busy-${lang}">${t.title}</h${lang === "nb" ? 1 : 2}><p>${t.body(retryAfter)}</p><p>${post ? t.post : t.get}</p><p><a href="/">${t.home}</a></p><p class="code">${t.code}</p></section>`;
  };
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${busyTexts.nb.title} / ${busyTexts.en.title}</title>
<style>body{font-family:system-ui,sans-serif;margin:0;color:#1e2b3c;line-height:1.5}main{max-width:36rem;margin:0 auto;padding:2rem 1rem}h1{font-size:1.75rem;line-height:1.25}h2{font-size:1.375rem;line-height:1.25}section+section{border-top:1px solid #c6ccd4;margin-top:2rem}a{color:#0062ba}.code{color:#4b5a6d}</style>
</head><body><main data-status="503">${part("nb")}${part("en")}</main></body></html>`;
}

/**
 * Express middleware in front of the app: queues each request (POSTs first, password POSTs weighing more),
 * lets it through when admitted and frees its slots when its response closes; answers 503 with Retry-After
 * when it has waited too long or the queue is full; drops a queued request whose client has gone.
 * `log(fields)` gets one line per refusal (method, reason, seconds, counters: no path, no personal data).
 */
export function admissionMiddleware(admission, { passwordWeight, log }) {
  return (req, res, next) => {
    const post = req.method === "POST";
    const entered = performance.now();
    let queued = true;
    // A queued request whose client has gone (its response closes before anything was written) leaves the queue.
    res.once("close", () => {
      if (queued) cancel();
    });
    const cancel = admission.enter({
      post,
      weight: requestWeight(req.method, req.path, passwordWeight),
      admit: (release) => {
        queued = false;
        res.once("close", release);
        next();
      },
      refuse: (reason, retryAfter) => {
        queued = false;
        const stats = admission.stats();
        log({ status: 503, method: req.method, reason, retryAfter, waitedMs: Math.round(performance.now() - entered), inFlight: stats.inFlight, queued: stats.queued, refused: stats.refused });
        if (res.headersSent || res.destroyed) return;
        res.status(503);
        res.set({
          "Retry-After": String(retryAfter),
          "Cache-Control": "no-store",
          "Content-Type": "text/html; charset=utf-8",
          "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        });
        res.end(req.method === "HEAD" ? undefined : busyPage({ post, retryAfter }));
      },
    });
  };
}
