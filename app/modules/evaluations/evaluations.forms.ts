import { z } from "zod";
import { findKommune } from "~/modules/centres/kommuner";
import { isIsoDate, kProblem, periodProblem, phases } from "./evaluations";

/**
 * Zod schemas for the evaluation module's project forms (issue 13, items 1–3). Messages are i18n keys; the
 * rules themselves live in evaluations.ts (period, k) and are only called from here.
 */

/** The kinds of service an evaluation can be of (the check in evaluation_projects). */
export const serviceKinds = ["dps", "municipality", "ward", "team", "drop_in", "other"] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export const titleMax = 200;
export const purposeMax = 5_000;
export const agreementMax = 20_000;
export const siteNameMax = 120;
export const themeTitleMax = 200;
export const questionMax = 1_000;
/** Listed names for the quote screening: one per line. */
export const listedNamesMax = 200;
/** Invited / came per site: a generous bound, as a typical evaluation has 15–40 users in all. */
export const recruitmentMax = 10_000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "error.invalid");
const required = (max: number, key = "error.required") => z.string({ error: key }).trim().min(1, key).max(max, "error.too_long");
const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .pipe(z.string().max(max, "error.too_long"));
const optionalDate = (key: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isIsoDate(v), key)
    .transform((v) => (v === "" ? null : v));
const kommune = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => v === "" || Boolean(findKommune(v)), "error.kommune")
  .transform((v) => (v === "" ? null : v));

/** The service and period, common to a new project and its edit page. */
const projectCore = {
  title: required(titleMax, "evaluations.project.error.title_required"),
  serviceName: required(titleMax, "evaluations.project.error.service_required"),
  serviceKind: z.enum(serviceKinds, {
    error: "evaluations.project.error.service_kind",
  }),
  kommunenummer: kommune,
  periodStart: z.string({ error: "evaluations.project.error.period_date" }).trim().refine(isIsoDate, "evaluations.project.error.period_date"),
  periodEnd: optionalDate("evaluations.project.error.period_date"),
};

function checkPeriod(value: { periodStart: string; periodEnd: string | null }, ctx: z.RefinementCtx) {
  const problem = periodProblem({
    start: value.periodStart,
    end: value.periodEnd,
  });
  if (problem)
    ctx.addIssue({
      code: "custom",
      path: [problem === "evaluations.project.error.period_order" ? "periodEnd" : "periodStart"],
      message: problem,
    });
}

export const newProjectSchema = z
  .object({
    ...projectCore,
    leadId: z.string({ error: "evaluations.project.error.lead_required" }).trim().min(1, "evaluations.project.error.lead_required").pipe(uuid),
    /** A service of the offers directory the name was copied from (optional). */
    serviceId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(uuid.nullable()),
  })
  .superRefine(checkPeriod);
export type NewProjectInput = z.output<typeof newProjectSchema>;

const kField = z
  .string({ error: "evaluations.project.error.k_whole_number" })
  .trim()
  .transform((v) => Number(v))
  .superRefine((k, ctx) => {
    const problem = Number.isNaN(k) ? "evaluations.project.error.k_whole_number" : kProblem(k);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const editProjectSchema = z
  .object({
    ...projectCore,
    serviceId: z
      .string()
      .optional()
      .transform((s) => (s ? s : null))
      .pipe(uuid.nullable()),
    purpose: optionalText(purposeMax),
    questions: optionalText(purposeMax),
    agreementDate: optionalDate("error.date"),
    agreementText: optionalText(agreementMax),
    /** The dialogue conference's date (its phase needs it held before the final report). */
    dialogueConferenceDate: optionalDate("error.date"),
    k: kField,
    listedNames: z
      .string()
      .optional()
      .transform((s) => (s ?? "").trim())
      .pipe(z.string().max(20_000, "error.too_long"))
      .transform((s) => [
        ...new Set(
          s
            .split(/\r\n|\r|\n/)
            .map((l) => l.trim())
            .filter(Boolean),
        ),
      ])
      .refine((names) => names.length <= listedNamesMax && names.every((n) => n.length <= siteNameMax), "evaluations.project.error.listed_names"),
    revision: z.coerce.number().int().min(1),
  })
  .superRefine(checkPeriod);
export type EditProjectInput = z.output<typeof editProjectSchema>;

export const siteNameSchema = z.object({
  name: required(siteNameMax, "evaluations.site.error.name_required"),
});
export const siteRenameSchema = z.object({
  siteId: uuid,
  name: required(siteNameMax, "evaluations.site.error.name_required"),
});

export const phaseChangeSchema = z.object({
  to: z.enum(phases, { error: "error.invalid" }),
});

export const teamSchema = z.object({
  leadId: z.string({ error: "evaluations.project.error.lead_required" }).trim().min(1, "evaluations.project.error.lead_required").pipe(uuid),
  interviewers: z.array(uuid),
  serviceContacts: z.array(uuid),
});
export type TeamInput = z.output<typeof teamSchema>;

export const themeSchema = z.object({
  title: required(themeTitleMax, "evaluations.guide.error.theme_required"),
});
export const questionSchema = z.object({
  text: required(questionMax, "evaluations.guide.error.question_required"),
});

/**
 * One number of the recruitment form (invited or came): empty is "not known yet"; otherwise a whole number
 * from 0. Returns the number, null for empty, or an error key.
 */
export function parseCount(raw: FormDataEntryValue | null | undefined): number | null | "evaluations.recruitment.error.whole_number" | "evaluations.recruitment.error.too_many" {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return null;
  if (!/^\d+$/.test(text)) return "evaluations.recruitment.error.whole_number";
  const n = Number(text);
  if (n > recruitmentMax) return "evaluations.recruitment.error.too_many";
  return n;
}
