import type { CSSProperties } from "react";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { Button, Field, Fieldset, Heading, Input, Label, Link, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/check-in";
import { getRequestState, requireUser } from "~/lib/request.server";
import { getServices } from "~/lib/services.server";
import { guard } from "~/lib/route-helpers.server";
import { formValues } from "~/lib/forms";
import { CsrfField, FormErrorSummary, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { addEntry } from "../toolkit.server";
import { packForNewCheckIn } from "../check-in.server";
import { cleanAnswers, scaleSteps } from "../check-in";
import { maxAnswer } from "../toolkit.forms";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.checkin.new_title");

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const pack = await guard(() => packForNewCheckIn(getServices().db, user.actor, params.packId));
  return {
    id: pack.id,
    name: pack.name[lang],
    intro: pack.intro[lang],
    validated: pack.validated,
    licence: pack.licence,
    askWhy: pack.askWhy,
    steps: scaleSteps(pack),
    minLabel: pack.scale.minLabel[lang],
    maxLabel: pack.scale.maxLabel[lang],
    items: pack.items.map((i) => ({ id: i.id, text: i.text[lang] })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const pack = await guard(() => packForNewCheckIn(getServices().db, user.actor, params.packId));
  const raw = Object.fromEntries(pack.items.map((i) => [i.id, formData.get(`item-${i.id}`)]));
  const answers = cleanAnswers(pack, raw);
  const why: Record<string, string> = {};
  const errors: Record<string, MessageKey> = {};
  for (const item of pack.items) {
    const text = String(formData.get(`why-${item.id}`) ?? "");
    if (text.length > maxAnswer) errors[`why-${item.id}`] = "error.too_long";
    else if (pack.askWhy && text.trim()) why[item.id] = text;
  }
  if (Object.values(answers).every((v) => v === null)) errors[`item-${pack.items[0]!.id}`] = "toolkit.checkin.error_none";
  if (Object.keys(errors).length) return data({ ok: false as const, errors, values: formValues(formData) }, { status: 400 });
  await addEntry(toolkitStore(context), user.actor, "check_in", {
    instrument: pack.id,
    version: pack.version,
    answers,
    why,
  });
  return redirect("/verktoy/sjekk?lagret=1");
}

/**
 * Columns of the scale's buttons: all in one row where there is room, and on a phone in rows as even as
 * can be (0–10 is 6 + 5, never 5 + 5 + 1).
 */
function scaleColumns(steps: number): CSSProperties {
  const narrow = steps <= 6 ? steps : Math.ceil(steps / Math.ceil(steps / 6));
  return { "--kp-scale-narrow": narrow, "--kp-scale-wide": steps } as CSSProperties;
}

export default function CheckInPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? {};
  const labels = Object.fromEntries(
    d.items.flatMap((i) => [
      [`item-${i.id}`, i.text.replace(/[.!?]$/, "")],
      [`why-${i.id}`, `${i.text.replace(/[.!?]$/, "")} – ${t("toolkit.checkin.why")}`],
    ]),
  );
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {d.name}
      </Heading>
      <Paragraph>{d.intro}</Paragraph>
      <Paragraph data-size="sm" className="kp-muted">
        {d.validated
          ? t("toolkit.checkin.licence", {
              name: d.licence.name,
              reference: d.licence.reference,
            })
          : t("toolkit.checkin.own_words")}
      </Paragraph>
      <FormErrorSummary errors={errors} labels={labels} idPrefix="ci" />
      <form method="post" className="kp-stack" noValidate>
        <CsrfField />
        {d.items.map((item, n) => (
          <Fieldset key={item.id} id={`ci-item-${item.id}`} className="kp-question" aria-describedby={errors[`item-${item.id}`] ? `ci-item-${item.id}-error` : undefined}>
            <Fieldset.Legend>
              {n + 1}. {item.text}
            </Fieldset.Legend>
            <Fieldset.Description>
              {t("toolkit.checkin.scale_help", {
                min: d.steps[0]!,
                minLabel: d.minLabel,
                max: d.steps.at(-1)!,
                maxLabel: d.maxLabel,
              })}
            </Fieldset.Description>
            <div className="kp-scale" style={scaleColumns(d.steps.length)}>
              {d.steps.map((s) => (
                <Field key={s} position="start">
                  <Input type="radio" id={`ci-${item.id}-${s}`} name={`item-${item.id}`} value={String(s)} defaultChecked={values[`item-${item.id}`] === String(s)} />
                  <Label htmlFor={`ci-${item.id}-${s}`}>{s}</Label>
                </Field>
              ))}
            </div>
            {errors[`item-${item.id}`] ? <ValidationMessage id={`ci-item-${item.id}-error`}>{t(errors[`item-${item.id}`]!)}</ValidationMessage> : null}
            {d.askWhy ? (
              <TextField
                name={`why-${item.id}`}
                idPrefix="ci"
                multiline
                label={t("toolkit.checkin.why")}
                defaultValue={values[`why-${item.id}`]}
                maxLength={maxAnswer}
                error={errors[`why-${item.id}`]}
              />
            ) : null}
          </Fieldset>
        ))}
        <div className="kp-actions">
          <Button type="submit">{t("toolkit.checkin.submit")}</Button>
          <Link href="/verktoy/sjekk">{t("toolkit.checkin.cancel")}</Link>
        </div>
      </form>
    </div>
  );
}
