import { Form, redirect, useActionData, useSearchParams } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/sign-up";
import { getServices } from "~/lib/services.server";
import { getRequestState, startSession } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid, limitKey } from "~/lib/route-helpers.server";
import { safeRedirect, signupSchema } from "../accounts.forms";
import { createSession, signUp } from "../accounts.server";
import { hit, limits } from "~/modules/platform/rate-limit.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "signup.title");

export function loader({ context }: Route.LoaderArgs) {
  if (getRequestState(context).user) throw redirect("/min-side");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const parsed = parseForm(signupSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  if (!(await hit(db, limitKey("signup-ip", state.ip), limits.signupPerIp))) {
    return invalid(formError("error.rate_limited", formData), 429);
  }
  const result = await signUp(db, parsed.data, state.requestId);
  if (!result.ok) return invalid(formError("error.email_taken", formData, { email: "error.email_taken" }), 409);
  await startSession(context, await createSession(db, result.userId));
  const redirectTo = formData.get("redirectTo");
  return redirect(safeRedirect(typeof redirectTo === "string" ? redirectTo : null, "/min-side?velkommen=1"));
}

export default function SignUp() {
  const t = useT();
  const { errors, values, formError } = useFormState(useActionData<typeof action>());
  const [params] = useSearchParams();
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("signup.title")}
      </Heading>
      <Paragraph>{t("signup.intro")}</Paragraph>
      <FormErrorSummary
        errors={errors}
        formError={errors.email === formError ? undefined : formError}
        labels={{ name: t("field.name"), email: t("field.email"), password: t("field.new_password") }}
      />
      <Form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? params.get("redirectTo") ?? ""} />
        <TextField name="name" autoComplete="name" label={t("field.name")} description={t("signup.name_help")} required maxLength={100} error={errors.name} defaultValue={values.name} />
        <TextField name="email" type="email" autoComplete="email" label={t("field.email")} required error={errors.email} defaultValue={values.email} />
        <TextField name="password" type="password" autoComplete="new-password" label={t("field.new_password")} description={t("field.password_help")} required error={errors.password} />
        <Paragraph data-size="sm">
          {t("signup.privacy_note")} <AppLink to="/personvern">{t("footer.privacy")}</AppLink>
        </Paragraph>
        <Button type="submit">{t("signup.submit")}</Button>
      </Form>
      <Paragraph>
        {t("signup.have_account")} <AppLink to="/logg-inn">{t("shell.log_in")}</AppLink>
      </Paragraph>
    </div>
  );
}
