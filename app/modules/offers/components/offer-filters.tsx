import { Field, Input, Label } from "@digdir/designsystemet-react";
import { SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { findKommune, fylker, kommuner, type Kommune } from "~/modules/centres/kommuner";
import { offerKinds, targetGroups } from "../offers";

// The place lists are static reference data, built once per process (and once in the browser), never
// sent as loader data: the page's HTML carries them, the hydration data does not.
const fylkeOptions = fylker.map((f) => ({ value: f.fylkesnummer, label: f.navn })).sort((a, b) => a.label.localeCompare(b.label, "nb"));
const kommuneOption = (k: Kommune) => ({ value: k.kommunenummer, label: `${k.navn} (${k.fylke})` });
const allKommuneOptions = kommuner.map(kommuneOption);
const kommuneOptionsByFylke = new Map(fylker.map((f) => [f.fylkesnummer, kommuner.filter((k) => k.fylkesnummer === f.fylkesnummer).map(kommuneOption)]));

/** All kommuner, or once a fylke is chosen only its kommuner (plus a chosen kommune elsewhere, so the form shows the URL). */
function kommuneOptions(fylke: string | undefined, kommune: string | undefined) {
  const inFylke = fylke ? kommuneOptionsByFylke.get(fylke) : undefined;
  if (!inFylke) return allKommuneOptions;
  if (!kommune || inFylke.some((o) => o.value === kommune)) return inFylke;
  const chosen = findKommune(kommune);
  return chosen ? [kommuneOption(chosen), ...inFylke] : inFylke;
}

/** The labels of the search fields, for the error summary. */
export function useFilterLabels(): Record<string, string> {
  const t = useT();
  return { q: t("offers.field.q"), fylke: t("offers.field.fylke"), kommune: t("offers.field.kommune"), type: t("offers.field.type"), malgruppe: t("offers.field.target") };
}

/**
 * The fields of the offer search (`searchSchema`): search words, fylke, kommune, kind, target group,
 * no referral and free. Put them inside a GET form; the values come from the URL.
 */
export function OfferFilterFields({ values, errors }: { values: Record<string, string>; errors: Record<string, MessageKey> }) {
  const t = useT();
  return (
    <>
      <TextField name="q" label={t("offers.field.q")} description={t("offers.field.q_help")} markOptional={false} defaultValue={values.q} error={errors.q} maxLength={200} />
      <SelectField name="fylke" label={t("offers.field.fylke")} placeholder={t("offers.all")} options={fylkeOptions} defaultValue={values.fylke} error={errors.fylke} />
      <SelectField name="kommune" label={t("offers.field.kommune")} placeholder={t("offers.all")} options={kommuneOptions(values.fylke, values.kommune)} defaultValue={values.kommune} error={errors.kommune} />
      <SelectField name="type" label={t("offers.field.type")} placeholder={t("offers.all")} options={offerKinds.map((k) => ({ value: k, label: t(`offers.kind.${k}`) }))} defaultValue={values.type} error={errors.type} />
      <SelectField name="malgruppe" label={t("offers.field.target")} placeholder={t("offers.everyone")} options={targetGroups.map((g) => ({ value: g, label: t(`offers.target.${g}`) }))} defaultValue={values.malgruppe} error={errors.malgruppe} />
      <Field position="start">
        <Input type="checkbox" id="field-ingen_henvisning" name="ingen_henvisning" value="1" defaultChecked={values.ingen_henvisning === "1"} />
        <Label htmlFor="field-ingen_henvisning">{t("offers.field.no_referral")}</Label>
      </Field>
      <Field position="start">
        <Input type="checkbox" id="field-gratis" name="gratis" value="1" defaultChecked={values.gratis === "1"} />
        <Label htmlFor="field-gratis">{t("offers.field.free")}</Label>
      </Field>
    </>
  );
}
