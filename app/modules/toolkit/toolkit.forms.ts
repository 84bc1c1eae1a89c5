import { z } from "zod";
import { chimeAreas } from "./content/types";
import { shareModes } from "./toolkit";

/**
 * Zod schemas for the toolkit: the stored bodies of each tool (also what an import is checked against)
 * and the forms. Messages are i18n keys.
 */

/** Longest answer we keep, per answer (the "up to 20,000 characters"). */
export const maxAnswer = 20_000;

const longText = z.string().max(maxAnswer, "error.too_long");
const shortText = (max: number) => z.string().trim().max(max, "error.too_long");
/** A real calendar date as yyyy-mm-dd (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
/**
 * The years a date a person gives may have (a step's due date, a share's last day). A calendar date alone
 * lets 0001-01-01 and 9999-12-31 through; no plan in the toolkit is dated there.
 */
export const dateYears = { first: 1900, last: 2100 } as const;
export function isPlausibleDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return isCalendarDate(value) && year >= dateYears.first && year <= dateYears.last;
}
/**
 * A time something was written (an entry's dates in an import): the app stamps them itself when a form is
 * saved, so they lie between the year 2000 and now (a day of clock difference allowed).
 */
export const firstWrittenAt = Date.UTC(2000, 0, 1);
export function isPlausibleTime(value: string, now = Date.now()): boolean {
  const time = new Date(value).getTime();
  return !Number.isNaN(time) && time >= firstWrittenAt && time <= now + 24 * 60 * 60 * 1000;
}
/** Stored bodies are read with the lenient rule (what was saved before stays readable); forms use the strict one. */
const isoDate = z.string().refine(isCalendarDate, "error.date");
/**
 * A date as people type it where the browser has no date picker: 31.01.2027 or 31.1.2027 (also with / or
 * -, and a two-digit year as 20xx), made into 2027-01-31. Anything else is left as typed for the check.
 */
export function normaliseDate(value: string): string {
  const typed = value.trim();
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(typed);
  if (!m) return typed;
  const year = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${year}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
}
/** A form's date: yyyy-mm-dd from a date picker, or the Norwegian form; the error shows the Norwegian form. */
const formDate = z.string().transform(normaliseDate).refine(isPlausibleDate, "toolkit.error_date");
const localId = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const cardAnswerBody = z.object({
  text: longText,
  chime: z.array(z.enum(chimeAreas)).max(5),
});

export const pile = z.enum(["very", "important", "not"]);
export type Pile = z.infer<typeof pile>;
export const ownValue = z.object({
  id: z.string().regex(/^own-[a-z0-9]{1,12}$/),
  name: shortText(80).min(1),
  meaning: shortText(200),
});

export const valuesSortBody = z.object({
  piles: z.record(z.string().max(64), pile),
  own: z.array(ownValue).max(30),
  /** The chosen values, most important first. */
  top: z.array(z.string().max(64)).max(10),
  finishedAt: z.string().datetime().nullable(),
});
export type ValuesSort = z.infer<typeof valuesSortBody>;

export const valueReflectionBody = z.object({
  meaning: longText,
  livingBy: z.number().int().min(0).max(10).nullable(),
  obstacles: longText,
  step: longText,
});
export type ValueReflection = z.infer<typeof valueReflectionBody>;

export const maxGoals = 50;
export const maxSteps = 50;
export const dreamStep = z.object({
  id: localId,
  text: shortText(2000).min(1),
  due: isoDate.nullable(),
  done: z.boolean(),
});
export const dreamGoal = z.object({
  id: localId,
  text: shortText(2000).min(1),
  steps: z.array(dreamStep).max(maxSteps),
});
export const dreamBody = z.object({
  dream: longText,
  helps: longText,
  hinders: longText,
  goals: z.array(dreamGoal).max(maxGoals),
});
export type Dream = z.infer<typeof dreamBody>;
export const emptyDream: Dream = {
  dream: "",
  helps: "",
  hinders: "",
  goals: [],
};

export const suggestionBody = z.object({
  text: shortText(5000).min(1),
  authorName: shortText(200),
  status: z.enum(["open", "accepted", "declined"]),
});
export type Suggestion = z.infer<typeof suggestionBody>;

export const checkInBody = z.object({
  instrument: z.string().max(64),
  version: z.number().int().min(1),
  answers: z.record(z.string().max(64), z.number().nullable()),
  why: z.record(z.string().max(64), longText),
});

export const stagePlacementBody = z.object({
  area: z.string().max(32),
  stage: z.string().max(32),
  note: longText,
});

export const bodySchemas = {
  cards: cardAnswerBody,
  values: valuesSortBody,
  value_reflection: valueReflectionBody,
  dream: dreamBody,
  dream_suggestion: suggestionBody,
  check_in: checkInBody,
  stages: stagePlacementBody,
} as const;

// ---- Forms -------------------------------------------------------------------------------------------

/** The revision a form started from ("" when there was nothing yet). */
const baseRevision = z
  .string()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().min(1).nullable());

export const cardAnswerForm = z.object({
  question: z.string().regex(/^q\d{1,2}$/),
  text: longText,
  chime: z.array(z.enum(chimeAreas)).max(5),
  baseRevision,
  force: z.literal("1").optional(),
});

export const dreamTextForm = z.object({
  dream: longText,
  helps: longText,
  hinders: longText,
  baseRevision,
  force: z.literal("1").optional(),
});

export const goalForm = z.object({
  text: z.string({ error: "error.required" }).trim().min(1, "error.required").max(2000, "error.too_long"),
});

export const stepForm = z.object({
  goalId: localId,
  text: z.string({ error: "error.required" }).trim().min(1, "error.required").max(2000, "error.too_long"),
  due: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(formDate.nullable()),
});

export const suggestionForm = z.object({
  text: z.string({ error: "error.required" }).trim().min(1, "error.required").max(5000, "error.too_long"),
});

export const shareForm = z.object({
  item: z.string().min(1, "error.required").max(80),
  peer: z.string({ error: "toolkit.share.error_peer" }).regex(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}:[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i, "toolkit.share.error_peer"),
  mode: z.enum(shareModes, { error: "error.required" }),
  until: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(formDate.nullable()),
});

export const ownValueForm = z.object({
  name: z.string({ error: "error.required" }).trim().min(1, "error.required").max(80, "error.too_long"),
  meaning: z.string().trim().max(200, "error.too_long").optional().default(""),
});

export const reflectionForm = z.object({
  value: z.string().max(64),
  meaning: longText,
  livingBy: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : Number(v)))
    .pipe(z.number({ error: "error.invalid" }).int("error.invalid").min(0, "error.invalid").max(10, "error.invalid").nullable()),
  obstacles: longText,
  step: longText,
  baseRevision,
  force: z.literal("1").optional(),
});
