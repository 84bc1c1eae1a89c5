import { Field, Fieldset, Input, Label } from "@digdir/designsystemet-react";
import { CheckboxGroup, SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { offerKinds, targetGroups } from "../offers";

type OfferValues = {
  name: string;
  alternateName: string | null;
  description: string;
  kind: string | null;
  targetGroups: string[];
  noReferral: boolean | null;
  free: boolean | null;
  eligibilityDescription: string | null;
  applicationProcess: string | null;
  feesDescription: string | null;
  url: string | null;
  email: string | null;
};

const tri = (v: boolean | null) => (v === true ? "yes" : v === false ? "no" : "unknown");

export const emptyOffer: OfferValues = {
  name: "",
  alternateName: null,
  description: "",
  kind: null,
  targetGroups: [],
  noReferral: null,
  free: null,
  eligibilityDescription: null,
  applicationProcess: null,
  feesDescription: null,
  url: null,
  email: null,
};

/** Labels for the error summary of a form with OfferFields. */
export const offerFieldLabels = (t: ReturnType<typeof useT>) => ({
  name: t("offers.edit.name"),
  url: t("centre.field.website"),
  email: t("field.email"),
  description: t("offers.edit.description"),
});

/** The offer's own fields, for creating and editing. What was typed wins over what is stored. */
export function OfferFields({ offer, errors, values }: { offer: OfferValues; errors: Record<string, MessageKey>; values: Record<string, string> }) {
  const t = useT();
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
    <>
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
    </>
  );
}
