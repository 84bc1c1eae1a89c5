import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Run a snippet of ES module code in a fresh Node process with `env`, in the repository, and return its stdout. */
function node(code: string, env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  delete clean.NODE_ENV;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], { cwd: root, encoding: "utf8", env: { ...clean, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

// Issue 12, item 6: a deployment that forgets NODE_ENV must not run React's development build (≈ 2.3× the CPU).
describe("server.mjs picks React's production build outside development", () => {
  const loadReact = `
    const { reactBuild } = await import("./server.mjs");
    await import("@react-router/express");
    console.log(process.env.NODE_ENV + " " + reactBuild());`;

  it("sets production itself when NODE_ENV is unset or empty, and React's production build is what loads", () => {
    expect(node(loadReact, {})).toBe("production production");
    expect(node(loadReact, { NODE_ENV: "" })).toBe("production production");
  });

  it("keeps an explicit development, and says the development build is what runs", () => {
    expect(node(loadReact, { NODE_ENV: "development" })).toBe("development development");
  });
});

// Issue 12, item 4: pages and React Router's data requests never touch the disk looking for a static file.
describe("server.mjs looks on disk only for paths that look like files", () => {
  it.each([
    ["/favicon.ico", true],
    ["/robots.txt", true],
    ["/tilbud", false],
    ["/tilbud.data", false],
    ["/_.data", false],
    ["/tilbud/3f1c2a4e-0000-4000-8000-000000000000", false],
    ["/verktoy/kort/tilhorighet.data", false],
  ])("%s → %s", (pathname, expected) => {
    expect(node(`const { mayBePublicFile } = await import("./server.mjs"); console.log(mayBePublicFile(${JSON.stringify(pathname)}));`, {})).toBe(String(expected));
  });
});
