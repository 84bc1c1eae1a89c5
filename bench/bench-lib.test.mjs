// The bench's pure helpers (scripts/bench-lib.mjs), in the unit layer of `npm test`.
import assert from "node:assert/strict";
import { test } from "vitest";
import { addSlot, aimText, baselineKey, baselineView, cpuTicksFromStat, fmtRatio, isReadOnly, markAim, pageAssets, parseBaseline, ratio, summarise, ticksBetween } from "../scripts/bench-lib.mjs";

test("reads utime + stime from /proc/<pid>/stat, even when the name has spaces and parentheses", () => {
  const stat = "4242 (node (my) server) S 1 4242 4242 0 -1 4194560 9000 0 0 0 1234 56 0 0 20 0 11 0 100 0 0";
  assert.equal(cpuTicksFromStat(stat), 1290);
});

test("counts CPU of processes that appeared during the slot from zero", () => {
  assert.equal(ticksBetween(new Map([[1, 100], [2, 50]]), new Map([[1, 130], [2, 50], [3, 7]])), 37);
});

test("CPU per request is ticks over requests, in milliseconds", () => {
  let t = addSlot(undefined, { requests: 500, nodeTicks: 100, pgTicks: 50, seconds: 1, latencies: [5, 1, 3] });
  t = addSlot(t, { requests: 500, nodeTicks: 100, pgTicks: 50, seconds: 1, latencies: [2, 4], single: [1, 2, 3] });
  const s = summarise(t, 100);
  assert.equal(s.nodeCpuMs, 2); // 200 ticks = 2000 ms over 1000 requests
  assert.equal(s.pgCpuMs, 1);
  assert.equal(s.rps, 500);
  assert.equal(s.p50, 3);
  assert.equal(s.singleP50, 2);
  assert.ok(Number.isNaN(summarise(addSlot(undefined, {}), 100).nodeCpuMs));
});

test("ratios and aims", () => {
  assert.equal(ratio(3, 1.5), 2);
  assert.ok(Number.isNaN(ratio(3, 0)));
  assert.equal(fmtRatio(ratio(3, 1.5)), "2.00×");
  assert.equal(fmtRatio(NaN), "–");
  assert.equal(markAim(2.3, { max: 2.34 }), "✓");
  assert.equal(markAim(2.4, { max: 2.34 }), "✗");
  assert.equal(markAim(98, { approx: 90 }), "✓");
  assert.equal(markAim(100, { approx: 90 }), "✗");
  assert.equal(markAim(NaN, { max: 1 }), "–");
  assert.equal(markAim(135, { min: 135 }), "✓");
  assert.equal(markAim(134.9, { min: 135 }), "✗");
  assert.equal(aimText({ min: 135, text: "135 (3 × 45)" }, " req/s"), "≥ 135 (3 × 45) req/s");
  assert.equal(markAim(5, null), "·");
  assert.equal(aimText({ max: 2.34 }, " ms"), "≤ 2.34 ms");
  assert.equal(aimText({ approx: 90 }, " ms"), "≈ 90 ms");
});

test("finds the JavaScript and CSS files a page loads", () => {
  const html = `<link rel="stylesheet" href="/assets/root.css"/><link rel="modulepreload" href="/assets/a.js"/>
    <script src="/assets/b.js" type="module"></script><script>window.x=1</script><link rel="icon" href="/favicon.svg"/>
    <link rel="modulepreload" href="/assets/a.js"/>`;
  const assets = pageAssets(html);
  assert.deepEqual(assets.js, ["/assets/a.js", "/assets/b.js"]);
  assert.deepEqual(assets.css, ["/assets/root.css"]);
  assert.equal(assets.inlineScriptBytes, 10);
  assert.deepEqual(pageAssets("<p>no scripts</p>").js, []);
});

test("only reading statements are run again", () => {
  assert.ok(isReadOnly('select "id" from "services" where "id" = $1'));
  assert.ok(isReadOnly("with x as (select 1) select * from x"));
  assert.ok(!isReadOnly('update "sessions" set "seen_at" = $1'));
  assert.ok(!isReadOnly("with d as (delete from t returning *) select * from d"));
  assert.ok(!isReadOnly("select * from t for update"));
  assert.ok(!isReadOnly("begin"));
});

test("BENCH_BASELINE measures a commit beside the floors and the mixed load; BENCH_MIXED_BASELINE only beside the mixed load", () => {
  assert.equal(parseBaseline({}), null);
  assert.equal(parseBaseline({ BENCH_BASELINE: "" }), null);
  assert.deepEqual(parseBaseline({ BENCH_BASELINE: "71ee786" }), { ref: "71ee786", floors: true, mixed: true });
  assert.deepEqual(parseBaseline({ BENCH_MIXED_BASELINE: "main~3" }), { ref: "main~3", floors: false, mixed: true });
  assert.deepEqual(parseBaseline({ BENCH_BASELINE: "71ee786", BENCH_MIXED_BASELINE: "71ee786" }), { ref: "71ee786", floors: true, mixed: true });
  assert.throws(() => parseBaseline({ BENCH_BASELINE: "71ee786", BENCH_MIXED_BASELINE: "HEAD~1" }), /different commits/);
  assert.throws(() => parseBaseline({ BENCH_BASELINE: "a; rm -rf /" }), /BENCH_BASELINE: not a git revision/);
  assert.throws(() => parseBaseline({ BENCH_MIXED_BASELINE: "--output=x" }), /BENCH_MIXED_BASELINE: not a git revision/);
});

test("the baseline's figures are read under the working tree's keys, beside the same run's floors", () => {
  const run = {
    label: "PostgreSQL",
    targets: {
      floor1: { nodeCpuMs: 1 },
      floor: { nodeCpuMs: 1.5 },
      front: { nodeCpuMs: 2, floor: "floor" },
      searchFloorSql: { nodeCpuMs: 3 },
      [baselineKey("front")]: { nodeCpuMs: 3, floor: "floor" },
      [baselineKey("offer")]: { nodeCpuMs: 9, floor: "floorOffer" },
    },
    baseline: { sqlSets: { offer: new Array(13).fill({ text: "select 1" }) } },
    sqlSets: { offer: [{ text: "select 1" }] },
  };
  const view = baselineView(run, ["floor1", "floor", "floorOffer", "floorData"]);
  assert.equal(view.label, "PostgreSQL");
  assert.deepEqual(Object.keys(view.targets).sort(), ["floor", "floor1", "front", "offer"]);
  assert.equal(ratio(view.targets.front.nodeCpuMs, view.targets.floor.nodeCpuMs), 2); // the baseline's page over the same floor
  assert.equal(view.targets.searchFloorSql, undefined); // the working tree's floor + SQL is not the baseline's
  assert.equal(view.sqlSets.offer.length, 13);
  assert.equal(baselineView({ label: "PGlite", targets: { floor: {}, front: {} } }, ["floor"]), null);
  assert.deepEqual(baselineView({ label: "PGlite", targets: { [baselineKey("front")]: {} } }, ["floor"]).sqlSets, {});
});
