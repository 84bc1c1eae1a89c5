import { useEffect, useRef, type ComponentRef, type ReactNode } from "react";
import { ErrorSummary, Field, Fieldset, Input, Label, Select, Textarea, ValidationMessage } from "@digdir/designsystemet-react";
import { useRouteLoaderData } from "react-router";
import { useT } from "~/i18n/use-t";
import type { MessageKey, Params } from "~/i18n/i18n";
import type { FormErrors } from "~/lib/forms";
import { OptionMarkup } from "./option-markup";
import { useServerOnlyPage } from "./app-link";

/** The CSRF token every state-changing form carries. */
export function CsrfField() {
  const data = useRouteLoaderData("root") as { csrfToken: string; who?: string | null } | undefined;
  return (
    <>
      <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />
      {/* Who filled in the form (a tag, not a name): "log in again" saves only for the same person. */}
      {data?.who ? <input type="hidden" name="who" value={data.who} /> : null}
    </>
  );
}

/** Errors and typed values from an action result, if it was a validation failure. */
export function useFormState(result: unknown) {
  const failed = result && typeof result === "object" && (result as FormErrors).ok === false ? (result as FormErrors) : undefined;
  return {
    errors: failed?.errors ?? {},
    values: failed?.values ?? {},
    formError: failed?.formError,
  };
}

type TextFieldProps = {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  error?: MessageKey;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel" | "url" | "time" | "date";
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  multiline?: boolean;
  /** Ids are `${idPrefix}-${name}`; set a prefix when a page has several forms with the same field. */
  idPrefix?: string;
  /** Mark a field that is not required as "(optional)"; off for search boxes. */
  markOptional?: boolean;
};

/**
 * A labelled text field. Ids are explicit so label, description and error are linked in the server HTML,
 * without JavaScript (Designsystemet links them only on the client).
 */
export function TextField({ name, label, description, error, defaultValue, type = "text", autoComplete, required, maxLength, multiline, idPrefix = "field", markOptional = true }: TextFieldProps) {
  const t = useT();
  const id = `${idPrefix}-${name}`;
  const descId = description ? `${id}-desc` : undefined;
  const errId = error ? `${id}-error` : undefined;
  const describedBy = [descId, errId].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    defaultValue,
    required,
    maxLength,
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
  } as const;
  return (
    <Field>
      <Label htmlFor={id}>
        {label}
        {required || !markOptional ? null : <span className="kp-optional"> ({t("form.optional")})</span>}
      </Label>
      {description ? (
        <Field.Description id={descId}>{description}</Field.Description>
      ) : null}
      {multiline ? <Textarea {...common} rows={5} /> : <Input {...common} type={type} autoComplete={autoComplete} data-field={name} />}
      {error ? <ValidationMessage id={errId}>{t(error)}</ValidationMessage> : null}
    </Field>
  );
}

/** SelectField's option markup by its options list: a caller that keeps its list (per language) builds it once. */
const optionMarkups = new WeakMap<readonly { value: string; label: string }[], { placeholder: string; markup: OptionMarkup }>();

export function SelectField({
  name,
  label,
  error,
  defaultValue,
  options,
  placeholder,
  idPrefix = "field",
}: {
  name: string;
  label: ReactNode;
  error?: MessageKey;
  defaultValue?: string;
  options: readonly { value: string; label: string }[];
  placeholder: string;
  /** As TextField's: the id is `${idPrefix}-${name}`, where FormErrorSummary with the same prefix links. */
  idPrefix?: string;
}) {
  const t = useT();
  const serverOnly = useServerOnlyPage();
  const id = `${idPrefix}-${name}`;
  const errId = error ? `${id}-error` : undefined;
  if (serverOnly) {
    // A page that never hydrates: the same options as markup, one string instead of an element each (ADR 0023).
    let built = optionMarkups.get(options);
    if (built?.placeholder !== placeholder) optionMarkups.set(options, (built = { placeholder, markup: new OptionMarkup([{ value: "", label: placeholder }, ...options]) }));
    const html = built.markup.render(defaultValue ?? "");
    return (
      <Field>
        <Label htmlFor={id}>{label}</Label>
        <Select id={id} name={name} aria-describedby={errId} aria-invalid={error ? true : undefined} dangerouslySetInnerHTML={{ __html: html }} />
        {error ? <ValidationMessage id={errId}>{t(error)}</ValidationMessage> : null}
      </Field>
    );
  }
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} defaultValue={defaultValue ?? ""} aria-describedby={errId} aria-invalid={error ? true : undefined}>
        <Select.Option value="">{placeholder}</Select.Option>
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage id={errId}>{t(error)}</ValidationMessage> : null}
    </Field>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  selected,
  error,
  idPrefix = "field",
}: {
  name: string;
  legend: ReactNode;
  options: { value: string; label: string }[];
  selected: readonly string[];
  error?: MessageKey;
  idPrefix?: string;
}) {
  const t = useT();
  const base = `${idPrefix}-${name}`;
  const errId = error ? `${base}-error` : undefined;
  return (
    <Fieldset aria-describedby={errId} id={base}>
      <Fieldset.Legend>{legend}</Fieldset.Legend>
      {options.map((o) => {
        const id = `${base}-${o.value}`;
        return (
          <Field key={o.value} position="start">
            <Input type="checkbox" id={id} name={name} value={o.value} defaultChecked={selected.includes(o.value)} />
            <Label htmlFor={id}>{o.label}</Label>
          </Field>
        );
      })}
      {error ? <ValidationMessage id={errId}>{t(error)}</ValidationMessage> : null}
    </Fieldset>
  );
}

/** Summary of all errors at the top of a form, each linking to its field. */
export function FormErrorSummary({
  errors,
  labels,
  formError,
  idPrefix = "field",
  params,
}: {
  errors: Record<string, MessageKey>;
  labels: Record<string, string>;
  formError?: MessageKey;
  idPrefix?: string;
  /** Values for placeholders in the messages ("Velg høyst {max} verdier."). */
  params?: Params;
}) {
  const t = useT();
  const fields = Object.entries(errors);
  const shown = fields.length > 0 || Boolean(formError);
  // With JavaScript: focus the summary for every new set of errors (a second failed try too, when the summary
  // was already there), not only when it first appears.
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [errors, formError, shown]);
  if (!shown) return null;
  return (
    // autoFocus: the server's HTML carries `autofocus`, so a page that comes back with errors opens at this summary
    // (scrolled to and focused, read out first) also without JavaScript; with JavaScript React focuses it on mount.
    <ErrorSummary ref={ref} data-testid="error-summary" tabIndex={-1} autoFocus>
      <ErrorSummary.Heading>{t("form.errors_heading")}</ErrorSummary.Heading>
      <ErrorSummary.List>
        {/* A form-wide message that a field already shows (a wrong password) is said once, at the field. */}
        {formError && !fields.some(([, key]) => key === formError) ? <ErrorSummary.Item>{t(formError)}</ErrorSummary.Item> : null}
        {fields.map(([field, key]) => (
          <ErrorSummary.Item key={field}>
            <ErrorSummary.Link href={`#${idPrefix}-${field}`} data-field-link={field}>
              {labels[field] ? `${labels[field]}: ` : ""}
              {t(key, params)}
            </ErrorSummary.Link>
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}
