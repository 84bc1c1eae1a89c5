import { describe, expect, it } from "vitest";
import { osloToday } from "./oslo-date";

describe("today in Oslo", () => {
  it("is the Norwegian date, not UTC's, around midnight in winter and in summer", () => {
    expect(osloToday(new Date("2026-12-07T23:30:00Z"))).toBe("2026-12-08"); // 00:30 in Oslo (UTC+1)
    expect(osloToday(new Date("2026-12-07T22:59:00Z"))).toBe("2026-12-07");
    expect(osloToday(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01"); // 00:30 in Oslo (UTC+2)
    expect(osloToday(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06-30");
  });
});
