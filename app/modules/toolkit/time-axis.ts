/**
 * A time axis for the check-in trend (pure, no database): points are placed by when they were made, not
 * one step apart, and the axis gets a few dated ticks on calendar boundaries (days, Mondays, first of the
 * month or of the year, by how long the span is). A small piece of arithmetic, so no chart or date
 * library: Intl formats the labels (t.date), this only chooses where they go.
 */

const day = 86_400_000;

export type TickUnit = "day" | "week" | "month" | "year";

/** The calendar unit for ticks over a span (ms): a tick every day up to ten days, then weeks up to six, months, years. */
export function tickUnit(span: number): TickUnit {
  if (span <= 10 * day) return "day";
  if (span <= 6 * 7 * day) return "week";
  if (span <= 24 * 31 * day) return "month";
  return "year";
}

/** The first boundary of `unit` at or after `time` (UTC calendar; the labels are dates, not hours). */
function ceilTo(unit: TickUnit, time: number): Date {
  const d = new Date(time);
  const start = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  if (unit === "day") {
    if (start.getTime() < time) start.setUTCDate(start.getUTCDate() + 1);
    return start;
  }
  if (unit === "week") {
    // Monday (getUTCDay: 0 is Sunday).
    start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7));
    if (start.getTime() < time) start.setUTCDate(start.getUTCDate() + 7);
    return start;
  }
  if (unit === "month") {
    const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
    if (first.getTime() < time) first.setUTCMonth(first.getUTCMonth() + 1);
    return first;
  }
  const jan = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  if (jan.getTime() < time) jan.setUTCFullYear(jan.getUTCFullYear() + 1);
  return jan;
}

function next(unit: TickUnit, date: Date): Date {
  const d = new Date(date);
  if (unit === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (unit === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (unit === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

export type TimeAxis = {
  /** x of each point, in the order given. */
  xs: number[];
  /** Dated ticks, left to right, at most `maxTicks`. */
  ticks: { x: number; at: string }[];
};

/**
 * Place points (ISO times) between x0 and x1 by time. One point (or all at one moment) sits in the middle.
 * Ticks are calendar boundaries inside the span, thinned to at most `maxTicks`; when fewer than two fit,
 * the first and the last point are the ticks, so the axis always says when.
 */
export function timeAxis(times: readonly string[], x0: number, x1: number, maxTicks = 3): TimeAxis {
  const ms = times.map((t) => new Date(t).getTime());
  if (ms.length === 0) return { xs: [], ticks: [] };
  const first = Math.min(...ms);
  const last = Math.max(...ms);
  const span = last - first;
  const x = (t: number) => (span === 0 ? (x0 + x1) / 2 : x0 + ((t - first) * (x1 - x0)) / span);
  const xs = ms.map(x);
  if (span === 0) return { xs, ticks: [{ x: x(first), at: new Date(first).toISOString() }] };
  const unit = tickUnit(span);
  const boundaries: number[] = [];
  for (let d = ceilTo(unit, first); d.getTime() <= last && boundaries.length < 1000; d = next(unit, d)) boundaries.push(d.getTime());
  const step = Math.ceil(boundaries.length / maxTicks);
  const chosen = boundaries.filter((_, i) => i % step === 0);
  const ticks = chosen.length >= 2 ? chosen : [first, last];
  return { xs, ticks: ticks.map((t) => ({ x: x(t), at: new Date(t).toISOString() })) };
}
