import { describe, expect, it } from "vitest";
import { current, timeline } from "./stages";

const p = (at: string, area: string, stage: string) => ({
  id: at,
  at,
  area,
  stage,
  note: "",
});

describe("stage timeline", () => {
  it("shows each change with where it came from, per area, newest first; moving back is just a change", () => {
    const t = timeline([
      p("2026-01-01", "overall", "awareness"),
      p("2026-02-01", "overall", "rebuilding"),
      p("2026-03-01", "overall", "preparation"),
      p("2026-02-15", "housing", "growth"),
    ]);
    expect(t.map((x) => [x.at, x.stage, x.changedFrom, x.first])).toEqual([
      ["2026-03-01", "preparation", "rebuilding", false],
      ["2026-02-15", "growth", null, true],
      ["2026-02-01", "rebuilding", "awareness", false],
      ["2026-01-01", "awareness", null, true],
    ]);
  });

  it("knows the latest placement per area", () => {
    expect(current([p("2026-01-01", "overall", "awareness"), p("2026-02-01", "overall", "growth")])).toEqual({ overall: "growth" });
  });
});
