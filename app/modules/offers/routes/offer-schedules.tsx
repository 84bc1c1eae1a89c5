import { Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/offer-schedules";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { addSchedule, getOfferParts, removeSchedule } from "../parts.server";
import { scheduleSchema } from "../parts.forms";
import { ordinals, repeats, weekdays } from "../offers";
import { describeSchedule } from "../schedule";
import { CheckboxGroup, CsrfField, FormErrorSummary, SelectField, TextField, useFormState } from "~/components/form";
import { PartsNav } from "../components/parts-nav";
import { useLang, useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.schedule.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const parts = await guard(() => getOfferParts(getServices().db, user.actor, params.offerId));
  return { offer: parts.offer, schedules: parts.schedules, places: parts.places.map((p) => ({ id: p.id, label: p.name ?? p.kommune ?? "" })) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    const scheduleId = String(formData.get("scheduleId") ?? "");
    if (!uuidPattern.test(scheduleId)) notFound();
    await guard(() => removeSchedule(db, user.actor, params.offerId, scheduleId));
    return redirect(`/tilbud/${params.offerId}/tider?fjernet=1`);
  }
  const parsed = parseForm(scheduleSchema, formData, ["days"]);
  if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, days: formData.getAll("days").join(",") } });
  await guard(() => addSchedule(db, user.actor, params.offerId, parsed.data));
  return redirect(`/tilbud/${params.offerId}/tider?lagt-til=1`);
}

/** The offer's regular times: chosen in plain terms (every Tuesday 18–20), stored as iCalendar rules. */
export default function OfferSchedules() {
  const t = useT();
  const lang = useLang();
  const { offer, schedules, places } = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  const [params] = useSearchParams();
  const placeName = (id: string | null) => places.find((p) => p.id === id)?.label;
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.schedule.title")}
      </Heading>
      <PartsNav offerId={offer.id} name={offer.name} current="times" />
      {params.get("lagt-til") || params.get("fjernet") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(params.get("fjernet") ? "offers.parts.removed" : "offers.parts.saved")}</Paragraph>
        </Alert>
      ) : null}
      {/* At the top: the page opens at it (autofocus), each item links to its field in the form below. */}
      <FormErrorSummary
        errors={errors}
        labels={{ repeat: t("offers.schedule.repeat"), days: t("offers.schedule.days"), ordinal: t("offers.schedule.ordinal"), opensAt: t("offers.schedule.opens"), closesAt: t("offers.schedule.closes"), validFrom: t("offers.schedule.valid_from"), validTo: t("offers.schedule.valid_to") }}
      />
      {schedules.length === 0 ? <Paragraph>{t("offers.schedule.none")}</Paragraph> : null}
      <ul className="kp-plain-list kp-stack" data-testid="schedules">
        {schedules.map((s) => {
          const text = describeSchedule({ ...s, bymonthday: s.bymonthday }, lang) || s.description || "";
          return (
            <li key={s.id} className="kp-place">
              <Paragraph>
                {text}
                {placeName(s.serviceAtLocationId) ? ` – ${placeName(s.serviceAtLocationId)}` : null}
                {s.valid_from || s.valid_to ? ` (${[s.valid_from ? t.date(s.valid_from) : "", s.valid_to ? t.date(s.valid_to) : ""].join("–")})` : null}
              </Paragraph>
              {s.description && text !== s.description ? (
                <Paragraph data-size="sm" lang="nb">
                  {s.description}
                </Paragraph>
              ) : null}
              <Form method="post" className="kp-inline-form">
                <CsrfField />
                <input type="hidden" name="scheduleId" value={s.id} />
                <Button type="submit" name="intent" value="remove" variant="tertiary" data-size="sm" data-color="danger">
                  {t("offers.parts.remove")}
                  <span className="ds-sr-only"> {text}</span>
                </Button>
              </Form>
            </li>
          );
        })}
      </ul>
      <Heading level={2} data-size="md" id="add-time">
        {t("offers.schedule.add")}
      </Heading>
      <Form method="post" className="kp-stack kp-narrow" noValidate aria-labelledby="add-time">
        <CsrfField />
        <SelectField
          name="repeat"
          label={t("offers.schedule.repeat")}
          placeholder={t("offers.new.choose")}
          options={repeats.map((r) => ({ value: r, label: t(`offers.schedule.repeat_${r}` as MessageKey) }))}
          defaultValue={values.repeat ?? "weekly"}
          error={errors.repeat}
        />
        <CheckboxGroup
          name="days"
          legend={t("offers.schedule.days")}
          options={weekdays.map((d) => ({ value: d, label: t(`offers.schedule.day_${d}` as MessageKey) }))}
          selected={(values.days ?? "").split(",")}
          error={errors.days}
        />
        <SelectField
          name="ordinal"
          label={t("offers.schedule.ordinal")}
          placeholder={t("offers.new.choose")}
          options={ordinals.map((o) => ({ value: o, label: t(`offers.schedule.ordinal_${o === "-1" ? "last" : o}` as MessageKey) }))}
          defaultValue={values.ordinal ?? ""}
          error={errors.ordinal}
        />
        <div className="kp-row">
          <TextField type="time" name="opensAt" label={t("offers.schedule.opens")} defaultValue={values.opensAt} error={errors.opensAt} />
          <TextField type="time" name="closesAt" label={t("offers.schedule.closes")} defaultValue={values.closesAt} error={errors.closesAt} />
        </div>
        <div className="kp-row">
          <TextField type="date" name="validFrom" label={t("offers.schedule.valid_from")} defaultValue={values.validFrom} error={errors.validFrom} />
          <TextField type="date" name="validTo" label={t("offers.schedule.valid_to")} defaultValue={values.validTo} error={errors.validTo} />
        </div>
        {places.length > 1 ? (
          <SelectField name="place" label={t("offers.schedule.place")} placeholder={t("offers.schedule.all_places")} options={places.map((p) => ({ value: p.id, label: p.label }))} defaultValue={values.place ?? ""} error={errors.place} />
        ) : null}
        <TextField name="description" label={t("offers.schedule.note")} description={t("offers.schedule.note_help")} maxLength={500} error={errors.description} defaultValue={values.description} />
        <Button type="submit">{t("offers.schedule.add")}</Button>
      </Form>
    </div>
  );
}
