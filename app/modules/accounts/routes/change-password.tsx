import { Form, redirect, useActionData } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/change-password";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser, startSession } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid, limitKey } from "~/lib/route-helpers.server";
import { hit, limits } from "~/modules/platform/rate-limit.server";
import { changePasswordSchema } from "../accounts.forms";
import { changePassword, createSession } from "../accounts.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "password.title");

export function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request);
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { db } = getServices();
  const formData = await request.formData();
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  if (!(await hit(getServices().db, limitKey("password-check", user.id), limits.passwordCheckPerAccount))) {
    return invalid(formError("error.rate_limited", formData), 429);
  }
  const result = await changePassword(db, user.id, parsed.data, getRequestState(context).requestId);
  if (!result.ok) return invalid(formError("error.wrong_password", formData, { currentPassword: "error.wrong_password" }), 400);
  // Every session ended; this browser gets a fresh one.
  await startSession(context, await createSession(db, user.id));
  return redirect("/min-side?passord=1");
}

export default function ChangePassword() {
  const t = useT();
  const { errors, formError } = useFormState(useActionData<typeof action>());
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("password.title")}
      </Heading>
      <Paragraph>{t("password.intro")}</Paragraph>
      <FormErrorSummary errors={errors} formError={formError} labels={{ currentPassword: t("field.current_password"), password: t("field.new_password") }} />
      <Form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <TextField name="currentPassword" type="password" autoComplete="current-password" label={t("field.current_password")} required error={errors.currentPassword} />
        <TextField name="password" type="password" autoComplete="new-password" label={t("field.new_password")} description={t("field.password_help")} required error={errors.password} />
        <Button type="submit">{t("password.submit")}</Button>
      </Form>
    </div>
  );
}
