import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { admissionConfig, admissionMiddleware, busyPage, createAdmission, requestWeight, type Admission, type RefuseReason } from "./admission.mjs";
import { translate } from "~/i18n/i18n";

/** A request in the queue, as a test sees it: admitted (with its release), refused (with why), or waiting. */
type Ticket = { name: string; release?: () => void; refused?: { reason: RefuseReason; retryAfter: number }; cancel: () => void };

function enter(admission: Admission, order: string[], name: string, options: { post?: boolean; weight?: number } = {}): Ticket {
  const ticket: Ticket = { name, cancel: () => {} };
  ticket.cancel = admission.enter({
    ...options,
    admit: (release) => {
      order.push(name);
      ticket.release = release;
    },
    refuse: (reason, retryAfter) => {
      ticket.refused = { reason, retryAfter };
    },
  });
  return ticket;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the admission queue", () => {
  it("admits up to MAX_IN_FLIGHT at once and the rest first come, first served as slots free", () => {
    const admission = createAdmission({ maxInFlight: 2, waitMs: 10_000, maxQueue: 10 });
    const order: string[] = [];
    const [a, b, c, d] = ["a", "b", "c", "d"].map((name) => enter(admission, order, name));
    expect(order).toEqual(["a", "b"]);
    expect(admission.stats()).toMatchObject({ inFlight: 2, queued: 2 });
    b!.release!();
    expect(order).toEqual(["a", "b", "c"]);
    b!.release!(); // releasing twice frees the slot once
    expect(order).toEqual(["a", "b", "c"]);
    a!.release!();
    expect(order).toEqual(["a", "b", "c", "d"]);
    c!.release!();
    d!.release!();
    expect(admission.stats()).toMatchObject({ inFlight: 0, queued: 0, admitted: 4, refused: 0 });
  });

  it("serves queued POSTs before queued GETs, and a new POST may start while GETs wait", () => {
    const admission = createAdmission({ maxInFlight: 1, waitMs: 10_000, maxQueue: 10 });
    const order: string[] = [];
    const first = enter(admission, order, "get 1");
    enter(admission, order, "get 2");
    enter(admission, order, "post 1", { post: true });
    enter(admission, order, "post 2", { post: true });
    first.release!();
    expect(order).toEqual(["get 1", "post 1"]);
    const free = createAdmission({ maxInFlight: 2, waitMs: 10_000, maxQueue: 10 });
    const order2: string[] = [];
    enter(free, order2, "get 1");
    enter(free, order2, "heavy", { weight: 2 });
    enter(free, order2, "post", { post: true });
    expect(order2).toEqual(["get 1", "post"]);
  });

  it("a heavy request waits for enough slots, and lighter ones behind it do not overtake it", () => {
    const admission = createAdmission({ maxInFlight: 4, waitMs: 10_000, maxQueue: 10 });
    const order: string[] = [];
    const light = [1, 2, 3].map((i) => enter(admission, order, `light ${i}`));
    enter(admission, order, "log-in", { post: true, weight: 4 });
    enter(admission, order, "post", { post: true });
    expect(order).toEqual(["light 1", "light 2", "light 3"]);
    light[0]!.release!();
    light[1]!.release!();
    expect(order).toEqual(["light 1", "light 2", "light 3"]);
    light[2]!.release!();
    expect(order).toEqual(["light 1", "light 2", "light 3", "log-in"]);
    // A weight over the bound is capped at it, so it can still run.
    const small = createAdmission({ maxInFlight: 2, waitMs: 10_000, maxQueue: 10 });
    const order2: string[] = [];
    enter(small, order2, "huge", { weight: 50 });
    expect(order2).toEqual(["huge"]);
  });

  it("refuses a GET that has waited QUEUE_WAIT_MS and a POST that has waited twice that, with a Retry-After of 1–30 s", () => {
    vi.useFakeTimers();
    const admission = createAdmission({ maxInFlight: 1, waitMs: 1_000, maxQueue: 10 });
    const order: string[] = [];
    const running = enter(admission, order, "running");
    const get = enter(admission, order, "get");
    const post = enter(admission, order, "post", { post: true });
    vi.advanceTimersByTime(999);
    expect(get.refused).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(get.refused?.reason).toBe("wait");
    expect(get.refused!.retryAfter).toBeGreaterThanOrEqual(1);
    expect(get.refused!.retryAfter).toBeLessThanOrEqual(30);
    expect(Number.isInteger(get.refused!.retryAfter)).toBe(true);
    vi.advanceTimersByTime(999);
    expect(post.refused).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(post.refused?.reason).toBe("wait");
    running.release!();
    expect(order).toEqual(["running"]); // the refused ones never run
    expect(admission.stats()).toMatchObject({ inFlight: 0, queued: 0, refused: 2 });
  });

  it("refuses at once when MAX_QUEUE are waiting; a POST then takes the place of the newest GET", () => {
    const admission = createAdmission({ maxInFlight: 1, waitMs: 10_000, maxQueue: 2 });
    const order: string[] = [];
    const running = enter(admission, order, "running");
    const older = enter(admission, order, "older get");
    const newer = enter(admission, order, "newer get");
    const third = enter(admission, order, "third get");
    expect(third.refused?.reason).toBe("full");
    const post = enter(admission, order, "post", { post: true });
    expect(post.refused).toBeUndefined();
    expect(newer.refused?.reason).toBe("full");
    expect(older.refused).toBeUndefined();
    running.release!();
    expect(order).toEqual(["running", "post"]);
    // Full of POSTs: the next POST is refused.
    const posts = createAdmission({ maxInFlight: 1, waitMs: 10_000, maxQueue: 1 });
    enter(posts, [], "running");
    enter(posts, [], "post 1", { post: true });
    expect(enter(posts, [], "post 2", { post: true }).refused?.reason).toBe("full");
  });

  it("drops a queued request whose client has gone, without running it", () => {
    const admission = createAdmission({ maxInFlight: 1, waitMs: 10_000, maxQueue: 10 });
    const order: string[] = [];
    const running = enter(admission, order, "running");
    const gone = enter(admission, order, "gone");
    const next = enter(admission, order, "next");
    gone.cancel();
    running.release!();
    expect(order).toEqual(["running", "next"]);
    expect(admission.stats()).toMatchObject({ gone: 1, queued: 0 });
    next.cancel(); // cancelling an admitted request changes nothing: its release frees the slot
    expect(admission.stats()).toMatchObject({ gone: 1, inFlight: 1 });
  });

  it("sets Retry-After from what is waiting over the recent throughput, between 1 and 30 s", () => {
    let clock = 0;
    const admission = createAdmission({ maxInFlight: 10, waitMs: 10_000, maxQueue: 1_000, now: () => clock, random: () => 0 });
    // Nothing finished yet: the queue's own bound.
    expect(admission.retryAfter()).toBe(10);
    // 10 requests a second for 2 s.
    for (let i = 0; i < 20; i++) {
      enter(admission, [], `r${i}`).release!();
      clock += 100;
    }
    const busy = Array.from({ length: 60 }, (_, i) => enter(admission, [], `w${i}`));
    expect(busy.filter((t) => t.release)).toHaveLength(10);
    // 60 waiting or running at ≈ 10/s: about 6 s.
    expect(admission.retryAfter()).toBeGreaterThanOrEqual(5);
    expect(admission.retryAfter()).toBeLessThanOrEqual(7);
    const spread = createAdmission({ maxInFlight: 1, waitMs: 500_000, maxQueue: 10, random: () => 0.99 });
    expect(spread.retryAfter()).toBe(30);
  });
});

describe("the queue's settings", () => {
  it("default to twice the pool: 20 on PostgreSQL, 4 on PGlite; 10 s of wait, twice for POSTs; 1,000 places", () => {
    expect(admissionConfig({}, "postgres")).toEqual({ maxInFlight: 20, waitMs: 10_000, postWaitMs: 20_000, maxQueue: 1_000, passwordWeight: 4 });
    expect(admissionConfig({ MAX_IN_FLIGHT: "" }, "pglite")).toMatchObject({ maxInFlight: 4, passwordWeight: 2 });
    expect(admissionConfig({ MAX_IN_FLIGHT: "1", QUEUE_WAIT_MS: "250", MAX_QUEUE: "0" }, "postgres")).toEqual({ maxInFlight: 1, waitMs: 250, postWaitMs: 500, maxQueue: 0, passwordWeight: 1 });
  });

  it("refuse a bad value with one line naming the variable", () => {
    expect(() => admissionConfig({ MAX_IN_FLIGHT: "0" }, "postgres")).toThrow("Invalid configuration: MAX_IN_FLIGHT must be a whole number from 1 to 10000");
    expect(() => admissionConfig({ QUEUE_WAIT_MS: "10s" }, "postgres")).toThrow(/^Invalid configuration: QUEUE_WAIT_MS must be/);
    expect(() => admissionConfig({ MAX_QUEUE: "-1" }, "postgres")).toThrow(/^Invalid configuration: MAX_QUEUE must be/);
  });

  it("weigh password POSTs (argon2id) more than anything else", () => {
    for (const path of ["/logg-inn", "/registrer", "/nytt-passord/abc", "/min-side/passord", "/min-side/slett", "/invitasjon/xyz", "/logg-inn.data"]) {
      expect(requestWeight("POST", path, 4), path).toBe(4);
    }
    expect(requestWeight("GET", "/logg-inn", 4)).toBe(1);
    expect(requestWeight("POST", "/verktoy/kort/x", 4)).toBe(1);
    expect(requestWeight("POST", "/logg-inn/x", 4)).toBe(1);
  });
});

describe("the queue in front of an HTTP app", () => {
  type Served = { url: string; handled: string[]; finish: () => void; close: () => Promise<void>; logs: Record<string, unknown>[] };

  /** An Express app behind the queue: each request is held until `finish()`, so the test decides when slots free. */
  async function serve(options: { maxInFlight: number; waitMs: number; maxQueue: number }): Promise<Served> {
    const admission = createAdmission(options);
    const logs: Record<string, unknown>[] = [];
    const held: (() => void)[] = [];
    const handled: string[] = [];
    const app = express();
    app.use(admissionMiddleware(admission, { passwordWeight: 1, log: (fields) => logs.push(fields) }));
    app.use((req, res) => {
      handled.push(`${req.method} ${req.path}`);
      held.push(() => res.type("text/plain").send("ok"));
    });
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      handled,
      logs,
      finish: () => held.shift()?.(),
      close: () => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(() => resolve()));
      },
    };
  }

  const until = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(check()).toBe(true);
  };

  it("answers a request that waited too long with 503, Retry-After, no-store and the page, and never runs it", async () => {
    const s = await serve({ maxInFlight: 1, waitMs: 150, maxQueue: 10 });
    try {
      const first = fetch(`${s.url}/a`);
      await until(() => s.handled.length === 1);
      const started = performance.now();
      const refused = await fetch(`${s.url}/b`);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get("cache-control")).toBe("no-store");
      const html = await refused.text();
      expect(html).toContain("Det er mange her akkurat nå");
      expect(html).toContain("Many people are here right now");
      expect(html).not.toContain("ikke lagret");
      const post = await fetch(`${s.url}/c`, { method: "POST", body: "text=hei", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      expect(post.status).toBe(503);
      const postHtml = await post.text();
      expect(postHtml).toContain("Det du sendte, er ikke lagret");
      expect(postHtml).toContain("What you sent has not been saved");
      s.finish();
      expect((await first).status).toBe(200);
      expect(s.handled).toEqual(["GET /a"]);
      expect(s.logs).toEqual([
        expect.objectContaining({ status: 503, method: "GET", reason: "wait" }),
        expect.objectContaining({ status: 503, method: "POST", reason: "wait" }),
      ]);
      // No path, no query, no body: nothing personal in the log line.
      expect(JSON.stringify(s.logs)).not.toMatch(/\/b|\/c|hei/);
    } finally {
      await s.close();
    }
  });

  it("drops a queued request whose client went away, and serves the next one instead", async () => {
    const s = await serve({ maxInFlight: 1, waitMs: 5_000, maxQueue: 10 });
    try {
      const first = fetch(`${s.url}/first`);
      await until(() => s.handled.length === 1);
      const gone = new AbortController();
      const goneRequest = fetch(`${s.url}/gone`, { signal: gone.signal }).catch(() => "aborted");
      await new Promise((r) => setTimeout(r, 100));
      const third = fetch(`${s.url}/third`);
      await new Promise((r) => setTimeout(r, 100));
      gone.abort();
      expect(await goneRequest).toBe("aborted");
      await new Promise((r) => setTimeout(r, 100));
      s.finish();
      await until(() => s.handled.length === 2);
      s.finish();
      expect((await first).status).toBe(200);
      expect((await third).status).toBe(200);
      expect(s.handled).toEqual(["GET /first", "GET /third"]);
    } finally {
      await s.close();
    }
  });
});

describe("the 503 page", () => {
  it("is in bokmål and English, tells how long to wait, and for a POST that nothing was saved and the back button keeps the text", () => {
    const page = busyPage({ post: true, retryAfter: 7 });
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain('<section lang="en"');
    expect(page).toContain("Prøv igjen om 7 sekunder");
    expect(page).toContain("Try again in 7 seconds");
    expect(page).toContain("tilbakeknappen");
    expect(busyPage({ post: false, retryAfter: 3 })).not.toContain("tilbakeknappen");
  });

  /*
   * The 503 texts have one source: this page, which server.mjs serves before (and without) the app. The app's
   * own 503 page (a request that got no database connection, app/lib/db-busy.server.ts) says the same in the
   * person's language from the catalogues: their `error_page.503` entries must repeat its heading and its first
   * sentence word for word, so the two never drift apart. (Nynorsk is the catalogues' own; this page has none.)
   */
  it.each(["nb", "en"] as const)("has the same heading and first sentence as the app's 503 page in the %s catalogue", (lang) => {
    for (const post of [true, false]) {
      const html = busyPage({ post, retryAfter: 5 });
      const section = html.match(new RegExp(`<section lang="${lang}"[^>]*><h[12] id="busy-${lang}">([^<]*)</h[12]><p>([^<]*)</p>`));
      expect(section, `the ${lang} part of the page`).not.toBeNull();
      const [, heading, body] = section!;
      expect(heading).toBe(translate(lang, "error_page.503.title"));
      const firstSentence = (text: string) => text.slice(0, text.indexOf(". ") + 1);
      expect(firstSentence(body!).length).toBeGreaterThan(10);
      expect(firstSentence(translate(lang, "error_page.503.body"))).toBe(firstSentence(body!));
      expect(html).toContain(`<title>${translate("nb", "error_page.503.title")} / ${translate("en", "error_page.503.title")}</title>`);
    }
  });
});
