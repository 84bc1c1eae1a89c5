import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/new-project";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formValues, parseForm } from "~/lib/forms";
import { guard, invalid } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, SelectField, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { kommuneLabel, kommuner } from "~/modules/centres/kommuner";
import { newProjectSchema, serviceKinds, titleMax } from "../evaluations.forms";
import { createProject, newProjectOptions } from "../projects.server";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.new.title");

const kommuneOptions = kommuner.map((k) => ({
  value: k.kommunenummer,
  label: kommuneLabel(k),
}));

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const centres = await guard(() => newProjectOptions(getServices().db, user.actor));
  return { centres };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { db } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const centres = await guard(() => newProjectOptions(db, user.actor));
  const centreId = String(formData.get("centreId") ?? centres[0]?.id ?? "");
  if (!centres.some((c) => c.id === centreId))
    return invalid({
      ok: false,
      errors: { centreId: "error.invalid" },
      values: formValues(formData),
    });
  const parsed = parseForm(newProjectSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const result = await guard(() =>
    createProject(db, user.actor, centreId, parsed.data, {
      lang: state.lang,
      requestId: state.requestId,
    }),
  );
  if (!result.ok)
    return invalid({
      ok: false,
      errors: result.errors,
      values: formValues(formData),
    });
  return redirect(`/evalueringer/${result.projectId}`);
}

export default function NewProject() {
  const t = useT();
  const { centres } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values } = useFormState(result);
  const several = centres.length > 1;
  const leads = centres.flatMap((c) =>
    c.members.map((m) => ({
      value: m.id,
      label: several ? `${m.name} (${c.name})` : m.name,
    })),
  );
  const labels: Record<string, string> = {
    centreId: t("evaluations.field.centre"),
    title: t("evaluations.field.title"),
    serviceName: t("evaluations.field.service_name"),
    serviceKind: t("evaluations.field.service_kind"),
    kommunenummer: t("evaluations.field.kommune"),
    periodStart: t("evaluations.field.period_start"),
    periodEnd: t("evaluations.field.period_end"),
    leadId: t("evaluations.field.lead"),
  };
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("evaluations.new.title")}
      </Heading>
      <Paragraph>{t("evaluations.new.intro")}</Paragraph>
      <FormErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="kp-stack" noValidate>
        <CsrfField />
        {several ? (
          <SelectField
            name="centreId"
            label={labels.centreId}
            options={centres.map((c) => ({ value: c.id, label: c.name }))}
            placeholder={t("evaluations.field.choose")}
            defaultValue={values.centreId}
            error={errors.centreId}
          />
        ) : (
          <input type="hidden" name="centreId" value={centres[0]?.id ?? ""} />
        )}
        <TextField name="title" label={labels.title} description={t("evaluations.field.title_help")} required maxLength={titleMax} defaultValue={values.title} error={errors.title} />
        <TextField
          name="serviceName"
          label={labels.serviceName}
          description={t("evaluations.field.service_name_help")}
          required
          maxLength={titleMax}
          defaultValue={values.serviceName}
          error={errors.serviceName}
        />
        <SelectField
          name="serviceKind"
          label={labels.serviceKind}
          options={serviceKinds.map((k) => ({
            value: k,
            label: t(`evaluations.service_kind.${k}` as MessageKey),
          }))}
          placeholder={t("evaluations.field.choose")}
          defaultValue={values.serviceKind}
          error={errors.serviceKind}
        />
        <SelectField
          name="kommunenummer"
          label={`${labels.kommunenummer} (${t("form.optional")})`}
          options={kommuneOptions}
          placeholder={t("evaluations.field.choose")}
          defaultValue={values.kommunenummer}
          error={errors.kommunenummer}
        />
        <TextField name="periodStart" type="date" label={labels.periodStart} required defaultValue={values.periodStart} error={errors.periodStart} />
        <TextField name="periodEnd" type="date" label={labels.periodEnd} defaultValue={values.periodEnd} error={errors.periodEnd} />
        <SelectField name="leadId" label={labels.leadId} options={leads} placeholder={t("evaluations.field.choose")} defaultValue={values.leadId} error={errors.leadId} />
        <div className="kp-actions">
          <Button type="submit">{t("evaluations.new.submit")}</Button>
        </div>
      </Form>
    </div>
  );
}
