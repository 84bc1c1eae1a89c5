import { Form } from "react-router";
import { Button } from "@digdir/designsystemet-react";
import { CsrfField, FormErrorSummary, SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";

export type CentreFormValues = Partial<Record<"name" | "shortName" | "kommunenummer" | "email" | "phone" | "website" | "address", string | null>>;

/** Create/edit a centre. Kommune comes from the shipped reference list; fylke follows from it. */
export function CentreForm({
  values,
  errors,
  kommuner,
  submitLabel,
}: {
  values: CentreFormValues;
  errors: Record<string, MessageKey>;
  kommuner: { value: string; label: string }[];
  submitLabel: string;
}) {
  const t = useT();
  const v = (key: keyof CentreFormValues) => values[key] ?? undefined;
  return (
    <>
      <FormErrorSummary
        errors={errors}
        labels={{
          name: t("centre.field.name"),
          shortName: t("centre.field.short_name"),
          kommunenummer: t("centre.field.kommune"),
          email: t("field.email"),
          phone: t("centre.field.phone"),
          website: t("centre.field.website"),
          address: t("centre.field.address"),
        }}
      />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <TextField name="name" label={t("centre.field.name")} required maxLength={200} error={errors.name} defaultValue={v("name")} />
        <TextField name="shortName" label={t("centre.field.short_name")} description={t("centre.field.short_name_help")} required maxLength={40} error={errors.shortName} defaultValue={v("shortName")} />
        <SelectField name="kommunenummer" label={t("centre.field.kommune")} options={kommuner} placeholder={t("centre.field.choose_kommune")} error={errors.kommunenummer} defaultValue={v("kommunenummer")} />
        <TextField name="address" label={t("centre.field.address")} maxLength={300} error={errors.address} defaultValue={v("address")} />
        <TextField name="email" type="email" label={t("field.email")} maxLength={254} error={errors.email} defaultValue={v("email")} />
        <TextField name="phone" type="tel" label={t("centre.field.phone")} maxLength={30} error={errors.phone} defaultValue={v("phone")} />
        <TextField name="website" type="url" label={t("centre.field.website")} maxLength={300} error={errors.website} defaultValue={v("website")} />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
