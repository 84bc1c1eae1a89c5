import { z } from "zod";
import { findKommune } from "~/modules/centres/kommuner";
import { optionalEmail, optionalText, optionalUrl, requiredText } from "~/lib/form-fields";
import { validateRrule } from "./schedule";
import { offerSchema } from "./offers.forms";
import { ordinals, repeats, weekdays } from "./offers";

/** Forms for the parts of an offer: places, times, phones and contacts. Messages are i18n keys. */

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const coordinate = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? emptyToUndefined(v.replace(",", ".")) : v),
    z.coerce.number({ error: "error.coordinates" }).min(min, "error.coordinates").max(max, "error.coordinates").optional(),
  );

/** A place: a location with its address and accessibility, where the offer is given. */
export const placeSchema = z
  .object({
    locationType: z.enum(["physical", "virtual"], { error: "error.invalid" }).default("physical"),
    name: optionalText(200),
    address1: optionalText(200),
    postalCode: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\d{4}$/, "error.postal_code").optional()),
    city: optionalText(100),
    kommune: z.preprocess(emptyToUndefined, z.string().refine((v) => Boolean(findKommune(v)), "error.kommune").optional()),
    transportation: optionalText(1000),
    accessibility: optionalText(1000),
    url: optionalUrl(),
    // Norway's mainland and Svalbard, so a swapped latitude/longitude is caught.
    latitude: coordinate(57, 81),
    longitude: coordinate(4, 32),
    description: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.locationType === "physical" && !v.kommune) ctx.addIssue({ code: "custom", path: ["kommune"], message: "error.kommune" });
    if (v.address1 || v.postalCode || v.city) {
      if (!v.address1) ctx.addIssue({ code: "custom", path: ["address1"], message: "error.address_incomplete" });
      if (!v.postalCode) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "error.address_incomplete" });
      if (!v.city) ctx.addIssue({ code: "custom", path: ["city"], message: "error.address_incomplete" });
    }
    if ((v.latitude === undefined) !== (v.longitude === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.latitude === undefined ? "latitude" : "longitude"], message: "error.coordinates_both" });
    }
  });
export type PlaceInput = z.output<typeof placeSchema>;

export { ordinals, repeats, weekdays };
const time = z.preprocess(emptyToUndefined, z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "error.time").optional());
const day = z.preprocess(emptyToUndefined, z.iso.date({ error: "error.date" }).optional());

/** A recurring time, chosen in plain terms and stored as iCalendar RRULE parts (HSDS schedule). */
export const scheduleSchema = z
  .object({
    repeat: z.enum(repeats, { error: "error.invalid" }),
    days: z.array(z.enum(weekdays, { error: "error.invalid" })).max(7),
    ordinal: z.preprocess(emptyToUndefined, z.enum(ordinals, { error: "error.invalid" }).optional()),
    opensAt: time,
    closesAt: time,
    validFrom: day,
    validTo: day,
    description: optionalText(500),
    /** A place of the offer (service_at_location id), or empty for the whole offer. */
    place: z.preprocess(emptyToUndefined, z.uuid({ error: "error.invalid" }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.repeat !== "daily" && v.days.length === 0) ctx.addIssue({ code: "custom", path: ["days"], message: "error.days" });
    if (v.repeat === "monthly" && !v.ordinal) ctx.addIssue({ code: "custom", path: ["ordinal"], message: "error.required" });
    if (v.opensAt && v.closesAt && v.closesAt <= v.opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "error.closes_before_opens" });
    if (v.closesAt && !v.opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: "error.required" });
    if (v.validFrom && v.validTo && v.validTo < v.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "error.date_order" });
  })
  .transform((v) => {
    const rule = {
      freq: v.repeat === "daily" ? "DAILY" : v.repeat === "monthly" ? "MONTHLY" : "WEEKLY",
      interval: v.repeat === "biweekly" ? 2 : null,
      byday: v.repeat === "daily" ? null : v.days.map((d) => (v.repeat === "monthly" ? `${v.ordinal}${d}` : d)).join(","),
      opens_at: v.opensAt ?? null,
      closes_at: v.closesAt ?? null,
      valid_from: v.validFrom ?? null,
      valid_to: v.validTo ?? null,
      description: v.description,
    };
    return { ...rule, place: v.place ?? null, problems: validateRrule(rule) };
  })
  .refine((v) => v.problems.length === 0, { message: "error.invalid", path: ["repeat"] });
export type ScheduleFormInput = z.output<typeof scheduleSchema>;

/** A phone number of the offer. Norwegian and international numbers: digits, spaces, +, - and (). */
export const phoneSchema = z.object({
  number: requiredText(30).pipe(z.string().regex(/^\+?[\d\s()-]{3,30}$/, "error.phone")),
  type: z.enum(["voice", "text"], { error: "error.invalid" }).default("voice"),
  description: optionalText(200),
});
export type PhoneInput = z.output<typeof phoneSchema>;

/** A contact: a role or a named contact point. The form says not to enter private persons' details. */
export const contactSchema = z
  .object({
    title: optionalText(200),
    name: optionalText(200),
    email: optionalEmail(),
    phone: z.preprocess(emptyToUndefined, z.string().trim().regex(/^\+?[\d\s()-]{3,30}$/, "error.phone").optional()),
  })
  .refine((v) => Boolean(v.title || v.name), { message: "error.contact_name", path: ["title"] });
export type ContactInput = z.output<typeof contactSchema>;

/** A new offer: the organisation it belongs to (one the user may edit), then the same fields as editing. */
export const newOfferSchema = offerSchema.omit({ version: true }).extend({
  organizationId: z.uuid({ error: "error.required" }),
});
export type NewOfferInput = z.output<typeof newOfferSchema>;
