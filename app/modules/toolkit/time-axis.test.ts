import { describe, expect, it } from "vitest";
import { tickUnit, timeAxis } from "./time-axis";

const day = 86_400_000;

describe("the check-in trend's time axis", () => {
  it("places points by time, not one step apart (60, 30 and 3 days ago are not evenly spaced)", () => {
    const now = Date.UTC(2026, 11, 7, 12);
    const times = [60, 30, 3].map((d) => new Date(now - d * day).toISOString());
    const { xs } = timeAxis(times, 0, 570);
    expect(xs[0]).toBe(0);
    expect(xs[2]).toBe(570);
    expect(xs[1]).toBeCloseTo(300);
  });

  it("two check-ins a day apart and a third a year later: the first two sit together", () => {
    const { xs } = timeAxis(["2025-01-01T10:00:00Z", "2025-01-02T10:00:00Z", "2026-01-01T10:00:00Z"], 0, 365);
    expect(xs[1]! - xs[0]!).toBeCloseTo(1);
  });

  it("one point sits in the middle and is its own tick", () => {
    expect(timeAxis(["2026-12-01T08:00:00Z"], 20, 100)).toEqual({ xs: [60], ticks: [{ x: 60, at: "2026-12-01T08:00:00.000Z" }] });
  });

  it("ticks fall on calendar boundaries inside the span: first of the month over months", () => {
    const { ticks } = timeAxis(["2026-10-08T12:00:00Z", "2026-12-04T12:00:00Z"], 0, 100);
    expect(ticks.map((t) => t.at.slice(0, 10))).toEqual(["2026-11-01", "2026-12-01"]);
    for (const t of ticks) expect(t.x).toBeGreaterThan(0), expect(t.x).toBeLessThan(100);
  });

  it("never more than the ticks asked for, and the first and last dates when no two boundaries fit", () => {
    const { ticks } = timeAxis(["2026-01-01T00:00:00Z", "2026-12-31T00:00:00Z"], 0, 100, 3);
    expect(ticks.length).toBeLessThanOrEqual(3);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    const short = timeAxis(["2026-12-01T08:00:00Z", "2026-12-01T20:00:00Z"], 0, 100);
    expect(short.ticks.map((t) => t.x)).toEqual([0, 100]);
  });

  it("chooses days, weeks, months and years by the span", () => {
    expect(tickUnit(5 * day)).toBe("day");
    expect(tickUnit(30 * day)).toBe("week");
    expect(tickUnit(200 * day)).toBe("month");
    expect(tickUnit(3 * 365 * day)).toBe("year");
  });

  it("weekly ticks are Mondays", () => {
    const { ticks } = timeAxis(["2026-11-01T12:00:00Z", "2026-12-04T12:00:00Z"], 0, 100, 10);
    expect(ticks.length).toBeGreaterThan(1);
    for (const t of ticks) expect(new Date(t.at).getUTCDay()).toBe(1);
  });
});
