import { TextField } from "~/components/form";
import type { T } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";

/** The organisation as the form shows it (stored values; null: not given). */
export type OrganizationValues = {
  name: string;
  alternateName: string | null;
  description: string;
  website: string | null;
  email: string | null;
  organisasjonsnummer: string | null;
  phone: string | null;
};

export const emptyOrganization: OrganizationValues = { name: "", alternateName: null, description: "", website: null, email: null, organisasjonsnummer: null, phone: null };

/** Labels for the error summary of a form with OrganizationFields. */
export const organizationFieldLabels = (t: T): Record<string, string> => ({
  centreId: t("offers.org.field.centre"),
  name: t("offers.org.field.name"),
  alternateName: t("offers.edit.alternate_name"),
  description: t("offers.edit.description"),
  website: t("centre.field.website"),
  email: t("field.email"),
  organisasjonsnummer: t("offers.org.field.orgnr"),
  phone: t("centre.field.phone"),
});

/** "974760673" as people read it: "974 760 673". */
const spacedOrgnr = (v: string | null) => (v && /^\d{9}$/.test(v) ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : v);

/**
 * The organisation's fields, for the new and the edit form. After a failed post, `values` holds what was
 * typed, and those are shown instead of the stored values.
 */
export function OrganizationFields({ t, organization, errors, values }: { t: T; organization: OrganizationValues; errors: Record<string, MessageKey>; values: Record<string, string> }) {
  const typed = Object.keys(values).length > 0;
  const v = (key: keyof OrganizationValues, current: string | null) => (typed ? (values[key] ?? "") : (current ?? ""));
  const labels = organizationFieldLabels(t);
  return (
    <>
      <TextField name="name" label={labels.name} required maxLength={200} error={errors.name} defaultValue={v("name", organization.name)} />
      <TextField name="alternateName" label={labels.alternateName} maxLength={200} error={errors.alternateName} defaultValue={v("alternateName", organization.alternateName)} />
      <TextField name="description" label={labels.description} multiline maxLength={5000} error={errors.description} defaultValue={v("description", organization.description)} />
      <TextField
        name="organisasjonsnummer"
        label={labels.organisasjonsnummer}
        description={t("offers.org.field.orgnr_help")}
        maxLength={30}
        autoComplete="off"
        error={errors.organisasjonsnummer}
        defaultValue={v("organisasjonsnummer", spacedOrgnr(organization.organisasjonsnummer))}
      />
      <TextField name="website" type="url" label={labels.website} maxLength={300} autoComplete="off" error={errors.website} defaultValue={v("website", organization.website)} />
      <TextField name="email" type="email" label={labels.email} maxLength={254} autoComplete="off" error={errors.email} defaultValue={v("email", organization.email)} />
      <TextField
        name="phone"
        type="tel"
        label={labels.phone}
        description={t("offers.org.field.phone_help")}
        maxLength={30}
        autoComplete="off"
        error={errors.phone}
        defaultValue={v("phone", organization.phone)}
      />
    </>
  );
}
