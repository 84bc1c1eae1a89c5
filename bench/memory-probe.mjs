// Loaded into the server only by `npm run bench` (node --expose-gc --import bench/memory-probe.mjs server.mjs):
// on SIGUSR2 it runs a full garbage collection and appends the process's memory to BENCH_MEMORY_FILE, so the
// bench can tell memory that is kept (a leak, a cache without bound) from garbage not yet collected.
import fs from "node:fs";

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on("SIGUSR2", () => {
    globalThis.gc?.();
    globalThis.gc?.();
    const m = process.memoryUsage();
    fs.appendFileSync(file, `${JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers })}\n`);
  });
}
