import { describe, expect, it } from "vitest";
import { describeSchedule, validateRrule, type ScheduleInput } from "./schedule";

const weekly = (byday: string, opens_at?: string, closes_at?: string): ScheduleInput => ({ freq: "WEEKLY", byday, opens_at, closes_at });

// Each case: the schedule, then the expected sentence in nb, nn and en.
const cases: [string, ScheduleInput, string, string, string][] = [
  ["one weekday", weekly("TU", "18:00", "20:00"), "Tirsdager kl. 18–20", "Tysdagar kl. 18–20", "Tuesdays 18:00–20:00"],
  [
    "two weekdays, minutes",
    weekly("TU,TH", "10:30", "14:00"),
    "Tirsdager og torsdager kl. 10.30–14",
    "Tysdagar og torsdagar kl. 10.30–14",
    "Tuesdays and Thursdays 10:30–14:00",
  ],
  ["three weekdays apart", weekly("MO,WE,FR"), "Mandager, onsdager og fredager", "Måndagar, onsdagar og fredagar", "Mondays, Wednesdays and Fridays"],
  ["weekday range", weekly("MO,TU,WE,TH,FR", "09:00", "15:00"), "Mandag til fredag kl. 9–15", "Måndag til fredag kl. 9–15", "Monday to Friday 09:00–15:00"],
  ["range plus a day, unordered", weekly("FR,TU,MO,WE"), "Mandag til onsdag og fredag", "Måndag til onsdag og fredag", "Monday to Wednesday and Friday"],
  ["all seven days", weekly("MO,TU,WE,TH,FR,SA,SU"), "Hver dag", "Kvar dag", "Every day"],
  [
    "every other week",
    { freq: "WEEKLY", interval: 2, byday: "WE", opens_at: "18:00", closes_at: "20:00" },
    "Annenhver onsdag kl. 18–20",
    "Annakvar onsdag kl. 18–20",
    "Every other Wednesday 18:00–20:00",
  ],
  ["every other week, two days", { freq: "WEEKLY", interval: 2, byday: "TU,TH" }, "Tirsdag og torsdag annenhver uke", "Tysdag og torsdag annakvar veke", "Tuesday and Thursday every other week"],
  ["every third week", { freq: "WEEKLY", interval: 3, byday: "MO" }, "Mandag hver 3. uke", "Måndag kvar 3. veke", "Monday every 3 weeks"],
  ["weekly, day from dtstart", { freq: "WEEKLY", dtstart: "2026-03-04" }, "Onsdager", "Onsdagar", "Wednesdays"],
  [
    "first weekday of the month",
    { freq: "MONTHLY", byday: "1TU", opens_at: "18:00", closes_at: "20:00" },
    "Første tirsdag i måneden kl. 18–20",
    "Første tysdag i månaden kl. 18–20",
    "First Tuesday of the month 18:00–20:00",
  ],
  [
    "last weekday of the month",
    { freq: "MONTHLY", byday: "-1FR", opens_at: "12:00", closes_at: "14:00" },
    "Siste fredag i måneden kl. 12–14",
    "Siste fredag i månaden kl. 12–14",
    "Last Friday of the month 12:00–14:00",
  ],
  ["first and third", { freq: "MONTHLY", byday: "3TU,+1TU" }, "Første og tredje tirsdag i måneden", "Første og tredje tysdag i månaden", "First and third Tuesday of the month"],
  ["every other month", { freq: "MONTHLY", interval: 2, byday: "2MO" }, "Andre mandag i annenhver måned", "Andre måndag i annakvar månad", "Second Monday of every other month"],
  ["day of the month", { freq: "MONTHLY", bymonthday: 15 }, "Den 15. hver måned", "Den 15. kvar månad", "The 15th of every month"],
  ["last day of the month", { freq: "MONTHLY", bymonthday: -1 }, "Siste dag i måneden", "Siste dag i månaden", "Last day of the month"],
  ["daily", { freq: "DAILY", opens_at: "08:00", closes_at: "16:00" }, "Hver dag kl. 8–16", "Kvar dag kl. 8–16", "Every day 08:00–16:00"],
  ["every other day", { freq: "DAILY", interval: 2 }, "Annenhver dag", "Annakvar dag", "Every other day"],
  ["yearly from dtstart", { freq: "YEARLY", dtstart: "2026-05-17" }, "17. mai hvert år", "17. mai kvart år", "17 May every year"],
  ["opens only", weekly("TU", "18:00"), "Tirsdager fra kl. 18", "Tysdagar frå kl. 18", "Tuesdays from 18:00"],
  ["closes only", { freq: "DAILY", closes_at: "20:00" }, "Hver dag til kl. 20", "Kvar dag til kl. 20", "Every day until 20:00"],
  ["no times", weekly("TU"), "Tirsdager", "Tysdagar", "Tuesdays"],
  ["seconds and zone suffixes ignored", weekly("TU", "18:30:00Z", "20:00+01:00"), "Tirsdager kl. 18.30–20", "Tysdagar kl. 18.30–20", "Tuesdays 18:30–20:00"],
  [
    "until",
    { ...weekly("TU", "18:00", "20:00"), until: "2027-06-01" },
    "Tirsdager kl. 18–20 (til 1. juni 2027)",
    "Tysdagar kl. 18–20 (til 1. juni 2027)",
    "Tuesdays 18:00–20:00 (until 1 June 2027)",
  ],
  [
    "valid_to, earlier than until",
    { ...weekly("TU"), until: "2027-12-31T00:00:00Z", valid_to: "2027-06-01" },
    "Tirsdager (til 1. juni 2027)",
    "Tysdagar (til 1. juni 2027)",
    "Tuesdays (until 1 June 2027)",
  ],
  ["count", { ...weekly("TU"), count: 10 }, "Tirsdager (10 ganger)", "Tysdagar (10 gonger)", "Tuesdays (10 times)"],
  ["description is left to the caller", { ...weekly("TU"), description: "Ta med matpakke" }, "Tirsdager", "Tysdagar", "Tuesdays"],
  ["lower case and spaces", { freq: " weekly ", byday: "tu, th" }, "Tirsdager og torsdager", "Tysdagar og torsdagar", "Tuesdays and Thursdays"],
  ["weekend", weekly("SA,SU"), "Lørdager og søndager", "Laurdagar og sundagar", "Saturdays and Sundays"],
  [
    "every other week, all seven days",
    { freq: "WEEKLY", interval: 2, byday: "MO,TU,WE,TH,FR,SA,SU" },
    "Mandag til søndag annenhver uke",
    "Måndag til sundag annakvar veke",
    "Monday to Sunday every other week",
  ],
  ["every other week, no day given", { freq: "WEEKLY", interval: 2 }, "Annenhver uke", "Annakvar veke", "Every other week"],
  ["fourth and fifth", { freq: "MONTHLY", byday: "5TH,4TH" }, "Fjerde og femte torsdag i måneden", "Fjerde og femte torsdag i månaden", "Fourth and fifth Thursday of the month"],
  ["second to last weekday", { freq: "MONTHLY", byday: "-2FR" }, "Nest siste fredag i måneden", "Nest siste fredag i månaden", "Second to last Friday of the month"],
  [
    "first before the last ones, last at the end",
    { freq: "MONTHLY", byday: "-1TU,1TU,-2TU" },
    "Første, nest siste og siste tirsdag i måneden",
    "Første, nest siste og siste tysdag i månaden",
    "First, second to last and last Tuesday of the month",
  ],
  [
    "two weekdays of the month, Monday first",
    { freq: "MONTHLY", byday: "1FR,2MO" },
    "Andre mandag og første fredag i måneden",
    "Andre måndag og første fredag i månaden",
    "Second Monday and first Friday of the month",
  ],
  ["second to last day of the month", { freq: "MONTHLY", bymonthday: -2 }, "Nest siste dag i måneden", "Nest siste dag i månaden", "Second to last day of the month"],
  ["third to last day of the month", { freq: "MONTHLY", bymonthday: -3 }, "Tredje siste dag i måneden", "Tredje siste dag i månaden", "Third to last day of the month"],
  ["tenth to last day of the month", { freq: "MONTHLY", bymonthday: -10 }, "10. siste dag i måneden", "10. siste dag i månaden", "10th to last day of the month"],
  ["every other month on a day", { freq: "MONTHLY", interval: 2, bymonthday: 1 }, "Den 1. annenhver måned", "Den 1. annakvar månad", "The 1st of every other month"],
  ["monthly, day from dtstart", { freq: "MONTHLY", dtstart: "2026-03-04" }, "Den 4. hver måned", "Den 4. kvar månad", "The 4th of every month"],
  ["monthly, no day given", { freq: "MONTHLY" }, "Hver måned", "Kvar månad", "Every month"],
  ["monthly on weekdays", { freq: "MONTHLY", byday: "TU,TH" }, "Tirsdager og torsdager", "Tysdagar og torsdagar", "Tuesdays and Thursdays"],
  ["daily on weekdays", { freq: "DAILY", byday: "MO,WE" }, "Mandager og onsdager", "Måndagar og onsdagar", "Mondays and Wednesdays"],
  ["every third day", { freq: "DAILY", interval: 3 }, "Hver 3. dag", "Kvar 3. dag", "Every 3 days"],
  ["yearly, no date", { freq: "YEARLY" }, "Hvert år", "Kvart år", "Every year"],
  ["every other year", { freq: "YEARLY", interval: 2, dtstart: "2026-12-24" }, "24. desember annethvert år", "24. desember annakvart år", "24 December every other year"],
  ["until the end of the day", weekly("TU", "18:00", "24:00"), "Tirsdager kl. 18–24", "Tysdagar kl. 18–24", "Tuesdays 18:00–24:00"],
  ["once", { ...weekly("TU"), count: 1 }, "Tirsdager (1 gang)", "Tysdagar (1 gong)", "Tuesdays (once)"],
  [
    "count and until",
    { ...weekly("TU"), count: 10, until: "2027-06-01" },
    "Tirsdager (10 ganger, til 1. juni 2027)",
    "Tysdagar (10 gonger, til 1. juni 2027)",
    "Tuesdays (10 times, until 1 June 2027)",
  ],
  ["valid_to alone, with a time", { ...weekly("TU"), valid_to: "2027-03-15T23:59:59.999+01:00" }, "Tirsdager (til 15. mars 2027)", "Tysdagar (til 15. mars 2027)", "Tuesdays (until 15 March 2027)"],
  // Forms and CSV imports give numbers as text.
  ["interval as text", { freq: "WEEKLY", interval: "2", byday: "WE" } as unknown as ScheduleInput, "Annenhver onsdag", "Annakvar onsdag", "Every other Wednesday"],
];

const months: [string, string, string][] = [
  ["01", "januar", "January"],
  ["02", "februar", "February"],
  ["03", "mars", "March"],
  ["04", "april", "April"],
  ["05", "mai", "May"],
  ["06", "juni", "June"],
  ["07", "juli", "July"],
  ["08", "august", "August"],
  ["09", "september", "September"],
  ["10", "oktober", "October"],
  ["11", "november", "November"],
  ["12", "desember", "December"],
];

describe("describeSchedule", () => {
  it.each(cases)("%s", (_, schedule, nb, nn, en) => {
    expect(describeSchedule(schedule, "nb")).toBe(nb);
    expect(describeSchedule(schedule, "nn")).toBe(nn);
    expect(describeSchedule(schedule, "en")).toBe(en);
  });

  // Falls back to the trimmed description (or "") whenever the rule is missing, invalid or indescribable.
  const fallbacks: [string, ScheduleInput][] = [
    ["no freq", { opens_at: "10:00", closes_at: "14:00" }],
    ["unknown freq", { freq: "HOURLY", byday: "TU" }],
    ["bad byday", { freq: "WEEKLY", byday: "TUESDAY" }],
    ["ordinal under WEEKLY", { freq: "WEEKLY", byday: "1TU" }],
    ["bad time", { ...weekly("TU"), opens_at: "18" }],
    ["closes before opens", weekly("TU", "20:00", "18:00")],
    ["bad until", { ...weekly("TU"), until: "snart" }],
    ["byday and bymonthday together", { freq: "MONTHLY", byday: "1TU", bymonthday: 15 }],
    ["mixed ordinals", { freq: "MONTHLY", byday: "1TU,TH" }],
    ["yearly with byday", { freq: "YEARLY", byday: "1MO" }],
    ["yearly with bymonthday", { freq: "YEARLY", bymonthday: 17 }],
    ["daily with bymonthday", { freq: "DAILY", bymonthday: 15 }],
    ["weekdays every other day", { freq: "DAILY", interval: 2, byday: "MO" }],
    ["weekdays every other month", { freq: "MONTHLY", interval: 2, byday: "TU" }],
  ];
  it.each(fallbacks)("falls back on %s", (_, schedule) => {
    for (const lang of ["nb", "nn", "en"] as const) {
      expect(describeSchedule({ ...schedule, description: "  Etter avtale \n" }, lang)).toBe("Etter avtale");
      expect(describeSchedule(schedule, lang)).toBe("");
      expect(describeSchedule({ ...schedule, description: null }, lang)).toBe("");
    }
  });

  it("never throws and never prints null or undefined", () => {
    const odd = [{}, { freq: null, description: null }, { freq: "WEEKLY", byday: null, interval: null }, { freq: "", description: "" }];
    for (const schedule of odd) {
      for (const lang of ["nb", "nn", "en"] as const) expect(describeSchedule(schedule, lang)).not.toMatch(/undefined|null/);
    }
    expect(describeSchedule({ freq: "WEEKLY", byday: null }, "nb")).toBe("Hver uke");
    expect(describeSchedule(null as unknown as ScheduleInput, "nb")).toBe("");
    expect(describeSchedule({ freq: 7, byday: ["TU"] } as unknown as ScheduleInput, "en")).toBe("");
  });

  it.each(months)("names month %s", (mm, no, en) => {
    const schedule = { ...weekly("TU"), until: `2027-${mm}-01` };
    expect(describeSchedule(schedule, "nb")).toBe(`Tirsdager (til 1. ${no} 2027)`);
    expect(describeSchedule(schedule, "nn")).toBe(`Tysdagar (til 1. ${no} 2027)`);
    expect(describeSchedule(schedule, "en")).toBe(`Tuesdays (until 1 ${en} 2027)`);
  });

  it.each<[number, string]>([
    [1, "1st"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [10, "10th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [23, "23rd"],
    [31, "31st"],
  ])("writes day %i of the month in English as %s", (day, words) => {
    expect(describeSchedule({ freq: "MONTHLY", bymonthday: day }, "en")).toBe(`The ${words} of every month`);
    expect(describeSchedule({ freq: "MONTHLY", bymonthday: day }, "nb")).toBe(`Den ${day}. hver måned`);
  });
});

describe("validateRrule", () => {
  it("accepts good rules and empty values", () => {
    expect(validateRrule({})).toEqual([]);
    expect(validateRrule({ freq: "WEEKLY", byday: "MO,TU", interval: 2, opens_at: "09:00:00Z", closes_at: "15:30-05:00", until: "2027-06-01" })).toEqual([]);
    expect(validateRrule({ freq: "MONTHLY", byday: "1TU,-1FR,+2WE", bymonthday: null, opens_at: "", closes_at: "24:00" })).toEqual([]);
    expect(validateRrule({ freq: "MONTHLY", bymonthday: -31, count: 3, dtstart: "2026-01-31", valid_from: "2026-01-01", valid_to: "2026-12-31" })).toEqual([]);
    expect(validateRrule({ freq: "YEARLY", until: "2027-06-01T12:00:00Z" })).toEqual([]);
    // Blank text counts as absent; 1 is the smallest interval and count.
    expect(validateRrule({ freq: " ", byday: " ", opens_at: "  ", interval: 1, count: 1 })).toEqual([]);
    // Forms and CSV imports give numbers as text.
    expect(validateRrule({ freq: "WEEKLY", interval: "2", count: "5" } as unknown as ScheduleInput)).toEqual([]);
    // Zone suffixes in every ISO 8601 form, and seconds that put the end just after the start.
    expect(validateRrule({ opens_at: "09:00+01", closes_at: "15:00+0100" })).toEqual([]);
    expect(validateRrule({ opens_at: "18:00:10", closes_at: "18:00:20" })).toEqual([]);
    expect(
      validateRrule({ dtstart: "2027-06-01T12:00", until: "2027-06-01T12:00Z", valid_from: "2027-06-01T12:00:00.123+02:00", valid_to: "2027-06-01T12:00:00+0200" }),
    ).toEqual([]);
  });

  it.each<[string, ScheduleInput, string[]]>([
    ["unknown freq", { freq: "HOURLY" }, ["freq"]],
    ["byday typo", { freq: "WEEKLY", byday: "TU,TUE" }, ["byday"]],
    ["byday empty token", { freq: "WEEKLY", byday: "TU," }, ["byday"]],
    ["byday ordinal out of range", { freq: "MONTHLY", byday: "6TU" }, ["byday"]],
    ["byday ordinal under WEEKLY", { freq: "WEEKLY", byday: "1TU" }, ["byday"]],
    ["byday ordinal under DAILY", { freq: "DAILY", byday: "-1FR" }, ["byday"]],
    ["interval 0", { freq: "WEEKLY", interval: 0 }, ["interval"]],
    ["interval not whole", { freq: "WEEKLY", interval: 1.5 }, ["interval"]],
    ["bymonthday 0", { freq: "MONTHLY", bymonthday: 0 }, ["bymonthday"]],
    ["bymonthday 32", { freq: "MONTHLY", bymonthday: 32 }, ["bymonthday"]],
    ["bymonthday -32", { freq: "MONTHLY", bymonthday: -32 }, ["bymonthday"]],
    ["bymonthday under WEEKLY", { freq: "WEEKLY", bymonthday: 15 }, ["bymonthday"]],
    ["count 0", { freq: "DAILY", count: 0 }, ["count"]],
    ["opens_at without minutes", { opens_at: "9" }, ["opens_at"]],
    ["opens_at 25:00", { opens_at: "25:00" }, ["opens_at"]],
    ["closes_at 18:60", { closes_at: "18:60" }, ["closes_at"]],
    ["closes before opens", { opens_at: "20:00", closes_at: "18:00" }, ["closes_at"]],
    ["closes when opens", { opens_at: "18:00", closes_at: "18:00:00" }, ["closes_at"]],
    ["until not a date", { freq: "WEEKLY", until: "1. juni 2027" }, ["until"]],
    ["until not in the calendar", { freq: "WEEKLY", until: "2027-02-30" }, ["until"]],
    ["other dates", { dtstart: "2026/01/01", valid_from: "x", valid_to: "2026-13-01" }, ["dtstart", "valid_from", "valid_to"]],
    ["interval not a number", { interval: "annenhver" } as unknown as ScheduleInput, ["interval"]],
    ["opens_at 10:00:60", { opens_at: "10:00:60" }, ["opens_at"]],
    ["closes_at 24:30", { closes_at: "24:30" }, ["closes_at"]],
    ["closes_at after 24:00", { closes_at: "24:00:01" }, ["closes_at"]],
    ["closes a second before it opens", { opens_at: "18:01", closes_at: "18:00:59" }, ["closes_at"]],
    ["text after a time", { opens_at: "10:00am" }, ["opens_at"]],
    ["text before a time", { opens_at: "kl10:00" }, ["opens_at"]],
    ["text around a date", { until: "ca. 2027-06-01", valid_to: "2027-06-01 eller senere" }, ["until", "valid_to"]],
    ["several at once", { freq: "weeklyish", interval: -1, byday: "XX", opens_at: "noon" }, ["freq", "interval", "byday", "opens_at"]],
  ])("%s", (_, schedule, problems) => {
    expect(validateRrule(schedule)).toEqual(problems);
  });
});
