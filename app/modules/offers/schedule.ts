/**
 * Plain-language sentences for HSDS 3.0 schedules, whose recurrence fields are RFC 5545 RRULE parts
 * (freq, interval, byday, bymonthday, until, count). Pure and self-contained: no framework imports.
 *
 * Times are shown as Norwegian local time: a "Z" or UTC-offset suffix on opens_at/closes_at is ignored.
 * Anything that fails validateRrule, or that we cannot put into words, falls back to the schedule's
 * own description (or ""), so describeSchedule never throws.
 */

export type ScheduleInput = {
  freq?: string | null;
  interval?: number | null;
  byday?: string | null;
  bymonthday?: number | null;
  opens_at?: string | null;
  closes_at?: string | null;
  dtstart?: string | null;
  until?: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
  count?: number | null;
  description?: string | null;
  notes?: string | null;
};

export type ScheduleLang = "nb" | "nn" | "en";

/** Problem codes from validateRrule: the name of the field with a bad value. */
export type RruleProblem =
  | "freq"
  | "interval"
  | "byday"
  | "bymonthday"
  | "count"
  | "opens_at"
  | "closes_at"
  | "dtstart"
  | "until"
  | "valid_from"
  | "valid_to";

const FREQS = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];
const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const BYDAY = /^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$/;

type Time = { h: number; m: number; s: number };
type Day = { ord?: number; day: number }; // day: 0 = Monday
type Unit = "day" | "week" | "month" | "year";

/** The words and phrase patterns of one language. Phrases are lower case; the sentence is capitalised last. */
type Words = {
  day: string[]; // weekday names, Monday first
  days: string[]; // plural: "tirsdager"
  and: string;
  to: string;
  unit: Record<Unit, string>;
  every(what: string, n: number, neuter?: boolean): string; // "hver dag", "annenhver onsdag", "hver 3. uke"
  ordinal(n: number): string; // 1 → "første", -1 → "siste", -2 → "nest siste"
  ofMonth(n: number): string; // "i måneden", "i annenhver måned"
  monthDay(d: number, n: number): string; // "den 15. hver måned"
  dayMonth(d: number, m: number): string; // "1. juni"
  time(open?: Time, close?: Time): string; // "kl. 18–20", "fra kl. 18"
  count(n: number): string; // "10 ganger"
  until(date: string): string; // "til 1. juni 2027"
};

const pad = (n: number) => String(n).padStart(2, "0");
const noMonths = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];

/** nb and nn differ only in a handful of words. */
function norwegian(o: { day: string[]; plural: string; every: string[]; week: string; month: string; theMonth: string; from: string; times: string[] }): Words {
  const [each, eachNeuter, other, otherNeuter] = o.every;
  const every = (what: string, n: number, neuter = false) =>
    n === 2 ? `${neuter ? otherNeuter : other} ${what}` : `${neuter ? eachNeuter : each} ${n === 1 ? "" : `${n}. `}${what}`;
  const ordinal = (n: number): string =>
    n > 0 ? (["første", "andre", "tredje", "fjerde", "femte"][n - 1] ?? `${n}.`) : n === -1 ? "siste" : n === -2 ? "nest siste" : `${ordinal(-n)} siste`;
  const clock = (t: Time) => (t.m ? `${t.h}.${pad(t.m)}` : `${t.h}`);
  return {
    day: o.day,
    days: o.day.map((d) => d + o.plural),
    and: "og",
    to: "til",
    unit: { day: "dag", week: o.week, month: o.month, year: "år" },
    every,
    ordinal,
    ofMonth: (n) => `i ${n === 1 ? o.theMonth : every(o.month, n)}`,
    monthDay: (d, n) => `den ${d}. ${every(o.month, n)}`,
    dayMonth: (d, m) => `${d}. ${noMonths[m - 1]}`,
    time: (a, b) => (a && b ? `kl. ${clock(a)}–${clock(b)}` : a ? `${o.from} kl. ${clock(a)}` : b ? `til kl. ${clock(b)}` : ""),
    count: (n) => `${n} ${o.times[n === 1 ? 0 : 1]}`,
    until: (date) => `til ${date}`,
  };
}

const enDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const enMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const enNumber = (n: number) => n + ((n % 100 >= 11 && n % 100 <= 13 ? undefined : ["th", "st", "nd", "rd"][n % 10]) ?? "th"); // 15 → "15th"
const enOrdinal = (n: number): string =>
  n > 0 ? (["first", "second", "third", "fourth", "fifth"][n - 1] ?? enNumber(n)) : n === -1 ? "last" : `${enOrdinal(-n)} to last`;
const enEvery = (what: string, n: number) => (n === 1 ? `every ${what}` : n === 2 ? `every other ${what}` : `every ${n} ${what}s`);
const enClock = (t: Time) => `${pad(t.h)}:${pad(t.m)}`;

const words: Record<ScheduleLang, Words> = {
  nb: norwegian({
    day: ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
    plural: "er",
    every: ["hver", "hvert", "annenhver", "annethvert"],
    week: "uke",
    month: "måned",
    theMonth: "måneden",
    from: "fra",
    times: ["gang", "ganger"],
  }),
  nn: norwegian({
    day: ["måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"],
    plural: "ar",
    every: ["kvar", "kvart", "annakvar", "annakvart"],
    week: "veke",
    month: "månad",
    theMonth: "månaden",
    from: "frå",
    times: ["gong", "gonger"],
  }),
  en: {
    day: enDays,
    days: enDays.map((d) => `${d}s`),
    and: "and",
    to: "to",
    unit: { day: "day", week: "week", month: "month", year: "year" },
    every: enEvery,
    ordinal: enOrdinal,
    ofMonth: (n) => `of ${n === 1 ? "the month" : enEvery("month", n)}`,
    monthDay: (d, n) => `the ${enNumber(d)} of ${enEvery("month", n)}`,
    dayMonth: (d, m) => `${d} ${enMonths[m - 1]}`,
    time: (a, b) => (a && b ? `${enClock(a)}–${enClock(b)}` : a ? `from ${enClock(a)}` : b ? `until ${enClock(b)}` : ""),
    count: (n) => (n === 1 ? "once" : `${n} times`),
    until: (date) => `until ${date}`,
  },
};

// Loose readers: HSDS data comes from forms, imports and the database, so "" counts as absent.
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : undefined);
const num = (v: unknown) => (typeof v === "number" ? v : text(v) !== undefined ? Number(v) : undefined);

/** "HH:MM" or "HH:MM:SS", with any "Z"/offset suffix ignored; "24:00" is allowed as end of day. */
function parseTime(v: string | undefined): Time | undefined {
  const m = v ? /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v.replace(/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i, "")) : null;
  if (!m) return undefined;
  const t = { h: Number(m[1]), m: Number(m[2]), s: Number(m[3] ?? 0) };
  return t.m < 60 && t.s < 60 && (t.h < 24 || (t.h === 24 && t.m === 0 && t.s === 0)) ? t : undefined;
}
const seconds = (t: Time) => t.h * 3600 + t.m * 60 + t.s;

/** An ISO 8601 date ("2027-06-01", optionally followed by a time), checked against the calendar. */
function isoDate(v: unknown) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text(v) ?? "");
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined; // 2027-02-30
  return { y, m: mo, d, iso: m[0].slice(0, 10), weekday: (date.getUTCDay() + 6) % 7 };
}

/** BYDAY tokens, deduplicated and sorted Monday first, then "1st" before "last". Assumes validated input. */
function parseByday(v: unknown): Day[] {
  const tokens = new Set((text(v) ?? "").toUpperCase().split(",").map((t) => t.trim()).filter(Boolean));
  const key = (d: Day) => d.day * 100 + (d.ord === undefined ? 0 : d.ord > 0 ? d.ord : 50 + d.ord);
  return [...tokens]
    .map((t) => BYDAY.exec(t))
    .filter((m) => m !== null)
    .map((m) => ({ ord: m[1] ? Number(m[1]) : undefined, day: WEEKDAYS.indexOf(m[2]!) }))
    .sort((a, b) => key(a) - key(b));
}

/** "a, b og c" */
const list = (items: string[], and: string) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`);

/** Weekdays: "tirsdager og torsdager", "mandag til fredag" (runs of 3+ days), "annenhver onsdag", "tirsdag hver 3. uke". */
function weekdays(days: number[], w: Words, interval: number): string {
  if (interval === 1 && days.length === 7) return w.every(w.unit.day, 1);
  if (interval === 2 && days.length === 1) return w.every(w.day[days[0]!]!, 2);
  const runs: number[][] = [];
  for (const d of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === d - 1) run.push(d);
    else runs.push([d]);
  }
  const ranged = runs.some((r) => r.length >= 3);
  const names = interval === 1 && !ranged ? w.days : w.day; // "tirsdager", but "mandag til fredag"
  const parts = runs.flatMap((r) => (r.length >= 3 ? [`${names[r[0]!]} ${w.to} ${names[r.at(-1)!]}`] : r.map((d) => names[d]!)));
  return interval === 1 ? list(parts, w.and) : `${list(parts, w.and)} ${w.every(w.unit.week, interval)}`;
}

/** "første og tredje tirsdag i måneden", "siste fredag i måneden" */
function nthWeekdays(days: Day[], w: Words, interval: number): string {
  const byDay = new Map<number, string[]>();
  for (const d of days) byDay.set(d.day, [...(byDay.get(d.day) ?? []), w.ordinal(d.ord!)]);
  const parts = [...byDay].map(([day, ords]) => `${list(ords, w.and)} ${w.day[day]}`);
  return `${list(parts, w.and)} ${w.ofMonth(interval)}`;
}

/** The recurrence in words, without times; null when it cannot be described. Assumes validated input. */
function recurrence(s: ScheduleInput, w: Words): string | null {
  const n = num(s.interval) ?? 1;
  const days = parseByday(s.byday);
  const monthDay = num(s.bymonthday);
  const start = isoDate(s.dtstart); // RFC 5545: without BYDAY/BYMONTHDAY the day comes from DTSTART
  const plain = days.every((d) => d.ord === undefined);
  switch (text(s.freq)?.toUpperCase()) {
    case "DAILY":
      if (monthDay !== undefined) return null;
      if (!days.length) return w.every(w.unit.day, n);
      return n === 1 ? weekdays(days.map((d) => d.day), w, 1) : null; // DAILY + BYDAY = those weekdays
    case "WEEKLY":
      if (days.length) return weekdays(days.map((d) => d.day), w, n);
      return start ? weekdays([start.weekday], w, n) : w.every(w.unit.week, n);
    case "MONTHLY": {
      if (days.length && monthDay !== undefined) return null;
      if (days.length && days.every((d) => d.ord !== undefined)) return nthWeekdays(days, w, n);
      if (days.length) return plain && n === 1 ? weekdays(days.map((d) => d.day), w, 1) : null;
      const d = monthDay ?? start?.d;
      if (d === undefined) return w.every(w.unit.month, n);
      return d > 0 ? w.monthDay(d, n) : `${w.ordinal(d)} ${w.unit.day} ${w.ofMonth(n)}`;
    }
    case "YEARLY":
      if (days.length || monthDay !== undefined) return null;
      return start ? `${w.dayMonth(start.d, start.m)} ${w.every(w.unit.year, n, true)}` : w.every(w.unit.year, n, true);
    default:
      return null;
  }
}

/**
 * One short sentence for a schedule, e.g. "Tirsdager kl. 18–20 (til 1. juni 2027)". Falls back to the
 * trimmed description (or "") when there is no rule, the rule is invalid, or it cannot be put into words.
 * A describable rule wins over the description: the caller shows the description separately.
 */
export function describeSchedule(s: ScheduleInput, lang: ScheduleLang): string {
  const fallback = text(s?.description) ?? "";
  try {
    const w = words[lang] ?? words.nb;
    const rule = validateRrule(s).length ? null : recurrence(s, w);
    if (!rule) return fallback;
    const time = w.time(parseTime(text(s.opens_at)), parseTime(text(s.closes_at)));
    const end = [isoDate(s.until), isoDate(s.valid_to)].filter((d) => d !== undefined).sort((a, b) => a.iso.localeCompare(b.iso))[0];
    const count = num(s.count);
    const extras = [count ? w.count(count) : "", end ? w.until(`${w.dayMonth(end.d, end.m)} ${end.y}`) : ""].filter(Boolean);
    const sentence = [rule, time].filter(Boolean).join(" ") + (extras.length ? ` (${extras.join(", ")})` : "");
    return sentence.charAt(0).toUpperCase() + sentence.slice(1);
  } catch {
    return fallback;
  }
}

/** Problem codes (field names) for values that are not valid RRULE parts or HSDS times and dates. [] when all is well. */
export function validateRrule(s: ScheduleInput): RruleProblem[] {
  const problems: RruleProblem[] = [];
  const freq = text(s.freq)?.toUpperCase();
  if (freq !== undefined && !FREQS.includes(freq)) problems.push("freq");
  const interval = num(s.interval);
  if (interval !== undefined && !(Number.isInteger(interval) && interval >= 1)) problems.push("interval");
  const byday = text(s.byday);
  if (byday !== undefined) {
    // Ordinals ("1TU", "-1FR") only make sense within a month or year (RFC 5545 §3.3.10).
    const tokens = byday.toUpperCase().split(",").map((t) => BYDAY.exec(t.trim()));
    if (tokens.some((m) => !m || (m[1] && (freq === "WEEKLY" || freq === "DAILY")))) problems.push("byday");
  }
  const monthDay = num(s.bymonthday);
  // RFC 5545: BYMONTHDAY must not be used with WEEKLY.
  if (monthDay !== undefined && (!Number.isInteger(monthDay) || monthDay === 0 || Math.abs(monthDay) > 31 || freq === "WEEKLY")) problems.push("bymonthday");
  const count = num(s.count);
  if (count !== undefined && !(Number.isInteger(count) && count >= 1)) problems.push("count");
  const [opensAt, closesAt] = [text(s.opens_at), text(s.closes_at)];
  const [opens, closes] = [parseTime(opensAt), parseTime(closesAt)];
  if (opensAt && !opens) problems.push("opens_at");
  if ((closesAt && !closes) || (opens && closes && seconds(closes) <= seconds(opens))) problems.push("closes_at");
  for (const key of ["dtstart", "until", "valid_from", "valid_to"] as const) if (text(s[key]) && !isoDate(s[key])) problems.push(key);
  return problems;
}
