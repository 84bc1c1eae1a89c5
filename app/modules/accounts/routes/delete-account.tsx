import { Form, redirect, useActionData } from "react-router";
import { Button, Field, Heading, Input, Label, List, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/delete-account";
import { getServices } from "~/lib/services.server";
import { clearSessionCookie, getRequestState, requireUser } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid, limitKey } from "~/lib/route-helpers.server";
import { hit, limits } from "~/modules/platform/rate-limit.server";
import { deleteAccountSchema } from "../accounts.forms";
import { deleteAccount } from "../accounts.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "delete.title");

export function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  const parsed = parseForm(deleteAccountSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  if (!(await hit(getServices().db, limitKey("password-check", user.id), limits.passwordCheckPerAccount))) {
    return invalid(formError("error.rate_limited", formData), 429);
  }
  const result = await deleteAccount(getServices().db, user.id, parsed.data.password, getRequestState(context).requestId);
  if (!result.ok) return invalid(formError("error.wrong_password", formData, { password: "error.wrong_password" }));
  await clearSessionCookie(context);
  return redirect("/?slettet=1");
}

export default function DeleteAccount() {
  const t = useT();
  const { errors, formError } = useFormState(useActionData<typeof action>());
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("delete.title")}
      </Heading>
      <Paragraph>{t("delete.intro")}</Paragraph>
      <List.Unordered>
        <List.Item>{t("delete.what_1")}</List.Item>
        <List.Item>{t("delete.what_2")}</List.Item>
        <List.Item>{t("delete.what_3")}</List.Item>
      </List.Unordered>
      <FormErrorSummary errors={errors} formError={formError} labels={{ password: t("field.password"), confirm: t("delete.confirm_label") }} />
      <Form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <TextField name="password" type="password" autoComplete="current-password" label={t("field.password")} required error={errors.password} />
        <Field position="start">
          <Input type="checkbox" id="field-confirm" name="confirm" value="yes" aria-describedby={errors.confirm ? "field-confirm-error" : undefined} aria-invalid={errors.confirm ? true : undefined} />
          <Label htmlFor="field-confirm">{t("delete.confirm_label")}</Label>
          {errors.confirm ? <ValidationMessage id="field-confirm-error">{t(errors.confirm)}</ValidationMessage> : null}
        </Field>
        <Button type="submit" data-color="danger">
          {t("delete.submit")}
        </Button>
      </Form>
    </div>
  );
}
