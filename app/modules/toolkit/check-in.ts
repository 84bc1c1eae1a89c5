/**
 * Check-ins ("Recovery selv-score"): a personal check-in, answered on a scale, shown only as the person's
 * own trend. What is asked is data, an "instrument pack": items, scale, scoring and licence. The default
 * pack is our own (content/check-in.json); a centre that holds a licence for a validated instrument can
 * install its pack as a JSON file, without code changes. Pure rules, no database.
 */
import { z } from "zod";
import { chimeAreas } from "./content/types";
import defaultPackJson from "./content/check-in.json";
import { forbiddenCharPaths } from "~/lib/text";

const text = (max: number) => z.string().trim().min(1).max(max);
const perLang = (max: number) => z.object({ nb: text(max), nn: text(max), en: text(max) });

export const instrumentPack = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, "id: lower-case letters, digits and hyphens"),
    version: z.number().int().min(1).max(1000),
    name: perLang(120),
    intro: perLang(2000),
    validated: z.boolean(),
    licence: z.object({
      name: text(200),
      url: z.url({ protocol: /^https?$/ }).optional(),
      reference: text(500),
    }),
    scale: z.object({
      min: z.number().int().min(-10).max(100),
      max: z.number().int().min(-10).max(100),
      minLabel: perLang(80),
      maxLabel: perLang(80),
    }),
    askWhy: z.boolean(),
    scoring: z.object({
      method: z.enum(["none", "sum", "mean"]),
      reverse: z.array(z.string()).max(100).default([]),
    }),
    items: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
          area: z.enum(chimeAreas).optional(),
          text: perLang(500),
        }),
      )
      .min(1)
      .max(100),
  })
  .superRefine((pack, ctx) => {
    // NUL, control characters and lone surrogates (from JSON escapes such as \u0000): PostgreSQL refuses
    // NUL in jsonb, and none of them belong in a text shown to people (issue 9, finding 6).
    for (const path of forbiddenCharPaths(pack))
      ctx.addIssue({
        code: "custom",
        path: path === "(file)" ? [] : path.split("."),
        message: "characters that are not allowed (NUL or other control characters)",
      });
    if (pack.scale.max <= pack.scale.min)
      ctx.addIssue({
        code: "custom",
        path: ["scale", "max"],
        message: "scale.max must be above scale.min",
      });
    if (pack.scale.max - pack.scale.min > 20)
      ctx.addIssue({
        code: "custom",
        path: ["scale"],
        message: "a scale has at most 21 steps",
      });
    const ids = pack.items.map((i) => i.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({
        code: "custom",
        path: ["items"],
        message: "item ids must be unique",
      });
    for (const id of pack.scoring.reverse)
      if (!ids.includes(id))
        ctx.addIssue({
          code: "custom",
          path: ["scoring", "reverse"],
          message: `unknown item ${id}`,
        });
  });
export type InstrumentPack = z.infer<typeof instrumentPack>;

/** Our own check-in: five statements, one per CHIME area, 0–10, not a validated test. */
export const defaultPack: InstrumentPack = instrumentPack.parse(defaultPackJson);

/** The scale's steps, low to high. */
export function scaleSteps(pack: InstrumentPack): number[] {
  return Array.from({ length: pack.scale.max - pack.scale.min + 1 }, (_, i) => pack.scale.min + i);
}

export type Answers = Record<string, number | null>;

/** Keep only answers to the pack's items that lie on its scale. */
export function cleanAnswers(pack: InstrumentPack, raw: Record<string, unknown>): Answers {
  const answers: Answers = {};
  for (const item of pack.items) {
    const value = raw[item.id];
    const n = typeof value === "number" ? value : typeof value === "string" && value !== "" ? Number(value) : NaN;
    answers[item.id] = Number.isInteger(n) && n >= pack.scale.min && n <= pack.scale.max ? n : null;
  }
  return answers;
}

/**
 * The pack's own score, as its licence describes it: none, sum or mean of the answered items, with
 * reverse-scored items turned around. Null when the pack has no score or nothing was answered.
 */
export function score(pack: InstrumentPack, answers: Answers): number | null {
  if (pack.scoring.method === "none") return null;
  const values = pack.items
    .map((item) => {
      const v = answers[item.id];
      if (v === null || v === undefined) return null;
      return pack.scoring.reverse.includes(item.id) ? pack.scale.min + pack.scale.max - v : v;
    })
    .filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const sum = values.reduce((a, b) => a + b, 0);
  return pack.scoring.method === "sum" ? sum : Math.round((sum / values.length) * 10) / 10;
}

/** Points for one item's trend: oldest first, unanswered check-ins left out. */
export function trend(checkIns: readonly { at: string; answers: Answers }[], itemId: string) {
  return checkIns.filter((c) => c.answers[itemId] !== null && c.answers[itemId] !== undefined).map((c) => ({ at: c.at, value: c.answers[itemId]! }));
}
