import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/edit-offer";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { archiveOffer, getOfferForEdit, updateOffer } from "../manage.server";
import { offerSchema } from "../offers.forms";
import { offerKinds, targetGroups } from "../offers";
import { CheckboxGroup, CsrfField, FormErrorSummary, SelectField, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.edit.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const offer = await guard(() => getOfferForEdit(getServices().db, user.actor, params.offerId));
  return { offer: { ...offer, updatedAt: undefined } };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.offerId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  if (formData.get("intent") === "archive") {
    await guard(() => archiveOffer(db, user.actor, params.offerId));
    return redirect("/tilbud/kontroll?arkivert=1");
  }
  const parsed = parseForm(offerSchema, formData, ["targetGroups"]);
  if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, targetGroups: formData.getAll("targetGroups").join(",") } });
  const result = await guard(() => updateOffer(db, user.actor, params.offerId, parsed.data));
  if (!result.ok) {
    const kept = formError("error.changed_meanwhile", formData);
    return invalid({ ...kept, values: { ...kept.values, targetGroups: formData.getAll("targetGroups").join(",") } }, 409);
  }
  return redirect(`/tilbud/${params.offerId}?lagret=1`);
}

const tri = (v: boolean | null) => (v === true ? "yes" : v === false ? "no" : "unknown");

export default function EditOffer() {
  const t = useT();
  const { offer } = useLoaderData<typeof loader>();
  const { errors, values, formError } = useFormState(useActionData<typeof action>());
  const typed = Object.keys(values).length > 0;
  const v = (key: string, current: string | null) => (typed ? values[key] : (current ?? undefined));
  const triOptions = [
    { value: "yes", label: t("offers.edit.yes") },
    { value: "no", label: t("offers.edit.no") },
    { value: "unknown", label: t("offers.unknown") },
  ];
  const radio = (name: "noReferral" | "free", legend: string, current: boolean | null) => (
    <Fieldset>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {triOptions.map((o) => (
        <Field key={o.value} position="start">
          <Input type="radio" id={`field-${name}-${o.value}`} name={name} value={o.value} defaultChecked={(typed ? values[name] : tri(current)) === o.value} />
          <Label htmlFor={`field-${name}-${o.value}`}>{o.label}</Label>
        </Field>
      ))}
    </Fieldset>
  );
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("offers.edit.title")}
      </Heading>
      <Paragraph>
        <AppLink to={`/tilbud/${offer.id}`}>{t("offers.edit.back_to_offer")}</AppLink>
      </Paragraph>
      {formError ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t(formError)}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary
        errors={errors}
        labels={{ name: t("offers.edit.name"), url: t("centre.field.website"), email: t("field.email"), description: t("offers.edit.description") }}
      />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <input type="hidden" name="version" value={typed ? values.version : offer.version} />
        <TextField name="name" label={t("offers.edit.name")} required maxLength={200} error={errors.name} defaultValue={v("name", offer.name)} />
        <TextField name="alternateName" label={t("offers.edit.alternate_name")} maxLength={200} error={errors.alternateName} defaultValue={v("alternateName", offer.alternateName)} />
        <TextField name="description" label={t("offers.edit.description")} multiline maxLength={5000} error={errors.description} defaultValue={v("description", offer.description)} />
        <SelectField name="kind" label={t("offers.field.type")} placeholder={t("offers.unknown")} options={offerKinds.map((k) => ({ value: k, label: t(`offers.kind.${k}`) }))} defaultValue={v("kind", offer.kind) ?? ""} error={errors.kind} />
        <CheckboxGroup name="targetGroups" legend={t("offers.field.target")} options={targetGroups.map((g) => ({ value: g, label: t(`offers.target.${g}`) }))} selected={typed ? (values.targetGroups ?? "").split(",") : offer.targetGroups} error={errors.targetGroups} />
        {radio("noReferral", t("offers.edit.no_referral"), offer.noReferral)}
        {radio("free", t("offers.edit.free"), offer.free)}
        <TextField name="eligibilityDescription" label={t("offers.edit.eligibility")} multiline maxLength={2000} error={errors.eligibilityDescription} defaultValue={v("eligibilityDescription", offer.eligibilityDescription)} />
        <TextField name="applicationProcess" label={t("offers.edit.application")} multiline maxLength={2000} error={errors.applicationProcess} defaultValue={v("applicationProcess", offer.applicationProcess)} />
        <TextField name="feesDescription" label={t("offers.edit.fees")} maxLength={500} error={errors.feesDescription} defaultValue={v("feesDescription", offer.feesDescription)} />
        <TextField name="url" type="url" label={t("centre.field.website")} maxLength={300} error={errors.url} defaultValue={v("url", offer.url)} />
        <TextField name="email" type="email" label={t("field.email")} maxLength={254} error={errors.email} defaultValue={v("email", offer.email)} />
        <Button type="submit">{t("form.save")}</Button>
      </Form>
      <section className="kp-stack kp-narrow" aria-labelledby="archive-heading">
        <Heading level={2} data-size="sm" id="archive-heading">
          {t("offers.edit.archive_title")}
        </Heading>
        <Paragraph>{t("offers.edit.archive_body")}</Paragraph>
        <Form method="post">
          <CsrfField />
          <Button type="submit" name="intent" value="archive" variant="secondary" data-color="danger">
            {t("offers.edit.archive")}
          </Button>
        </Form>
      </section>
    </div>
  );
}
