import type { Reporter, TestModule, TestSpecification, Vitest } from "vitest/node";

/**
 * A few lines after the default reporter's summary: per layer (Vitest project) its test files, tests passed,
 * failed and skipped, and the time from its first file starting to its last file ending (a layer's global setup
 * — the e2e build, the migrations — is not in it); then the whole run, and where PostgreSQL came from
 * (vitest.config.ts). So a growing suite, a slower layer, or a run without PostgreSQL is seen at the end.
 */
export default class LayerSummary implements Reporter {
  private vitest: Vitest | undefined;
  private started = 0;
  private spans = new Map<string, { from: number; to: number }>();

  onInit(vitest: Vitest) {
    this.vitest = vitest;
  }

  onTestRunStart(_specifications: ReadonlyArray<TestSpecification>) {
    this.started = performance.now();
    this.spans.clear();
    if (process.env.KP_TEST_POSTGRES) this.print([process.env.KP_TEST_POSTGRES, ""]);
  }

  onTestModuleEnd(module: TestModule) {
    const d = module.diagnostic();
    const to = performance.now();
    const from = to - (d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration);
    const name = module.project.name;
    const span = this.spans.get(name);
    this.spans.set(name, span ? { from: Math.min(span.from, from), to: Math.max(span.to, to) } : { from, to });
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const order = this.vitest?.projects.map((p) => p.name) ?? [];
    const names = [...new Set([...order, ...modules.map((m) => m.project.name)])];
    const rows: string[][] = [["layer", "files", "tests", "passed", "failed", "skipped", "time"]];
    const total = { files: 0, failedFiles: 0, tests: 0, passed: 0, failed: 0, skipped: 0 };
    for (const name of names) {
      const mine = modules.filter((m) => m.project.name === name);
      if (mine.length === 0) continue;
      const states = mine.flatMap((m) => [...m.children.allTests()].map((t) => t.result().state));
      const count = (state: string) => states.filter((s) => s === state).length;
      const failedFiles = mine.filter((m) => m.state() === "failed").length;
      const row = { passed: count("passed"), failed: count("failed"), skipped: count("skipped") + count("pending") };
      const span = this.spans.get(name);
      rows.push([
        name,
        failedFiles ? `${mine.length} (${failedFiles} failed)` : String(mine.length),
        String(states.length),
        String(row.passed),
        String(row.failed),
        String(row.skipped),
        span ? seconds(span.to - span.from) : "–",
      ]);
      total.files += mine.length;
      total.failedFiles += failedFiles;
      total.tests += states.length;
      total.passed += row.passed;
      total.failed += row.failed;
      total.skipped += row.skipped;
    }
    rows.push([
      "all",
      total.failedFiles ? `${total.files} (${total.failedFiles} failed)` : String(total.files),
      String(total.tests),
      String(total.passed),
      String(total.failed),
      String(total.skipped),
      this.started ? seconds(performance.now() - this.started) : "–",
    ]);
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => "  " + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("   ");
    this.print(["", " Layers (time: first file started to last file ended; \"all\": the whole run)", ...rows.map(line), "", ` ${process.env.KP_TEST_POSTGRES ?? "PostgreSQL: unknown"}`, ""]);
  }

  private print(lines: string[]) {
    const out = this.vitest?.logger;
    for (const l of lines) (out ? out.log(l) : console.log(l));
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
