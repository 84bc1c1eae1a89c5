import { Field, Fieldset, Input, Label, ValidationMessage } from "@digdir/designsystemet-react";
import { CheckboxGroup, SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { groupSize, sessionKinds } from "../evaluations";

export type SessionFieldValues = { kind?: string; heldOn?: string; siteId?: string; participants?: string; interviewers: string[] };

/** The facts of a session (new session and the session page): kind, date, site, participants, interviewers. */
export function SessionFields({
  values,
  errors,
  sites,
  interviewers,
}: {
  values: SessionFieldValues;
  errors: Record<string, MessageKey>;
  sites: { id: string; name: string }[];
  interviewers: { id: string; name: string }[];
}) {
  const t = useT();
  const kindError = errors.kind;
  return (
    <>
      <Fieldset id="field-kind" aria-describedby={kindError ? "field-kind-error" : undefined}>
        <Fieldset.Legend>{t("evaluations.session.field.kind")}</Fieldset.Legend>
        {sessionKinds.map((k) => (
          <Field key={k} position="start">
            <Input type="radio" id={`field-kind-${k}`} name="kind" value={k} defaultChecked={(values.kind ?? "group") === k} />
            <Label htmlFor={`field-kind-${k}`}>{t(`evaluations.session.kind.${k}`)}</Label>
          </Field>
        ))}
        {kindError ? <ValidationMessage id="field-kind-error">{t(kindError)}</ValidationMessage> : null}
      </Fieldset>
      <TextField name="heldOn" type="date" label={t("evaluations.session.field.held_on")} required defaultValue={values.heldOn} error={errors.heldOn} />
      <SelectField
        name="siteId"
        label={t("evaluations.session.field.site")}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
        placeholder={t("evaluations.session.choose_site")}
        defaultValue={values.siteId}
        error={errors.siteId}
      />
      <TextField
        name="participants"
        label={t("evaluations.session.field.participants")}
        description={t("evaluations.session.participants_hint", { min: groupSize.min, max: groupSize.max })}
        required
        defaultValue={values.participants}
        error={errors.participants}
      />
      <CheckboxGroup
        name="interviewers"
        legend={t("evaluations.session.field.interviewers")}
        options={interviewers.map((i) => ({ value: i.id, label: i.name }))}
        selected={values.interviewers}
        error={errors.interviewers}
      />
    </>
  );
}

export const sessionFieldLabels = (t: ReturnType<typeof useT>) => ({
  kind: t("evaluations.session.field.kind"),
  heldOn: t("evaluations.session.field.held_on"),
  siteId: t("evaluations.session.field.site"),
  participants: t("evaluations.session.field.participants"),
  interviewers: t("evaluations.session.field.interviewers"),
});
