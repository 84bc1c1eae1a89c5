import { Form, redirect, useActionData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/sign-up";
import { getServices } from "~/lib/services.server";
import { afterResponse, getRequestState } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid, limitKey } from "~/lib/route-helpers.server";
import { signupSchema } from "../accounts.forms";
import { safeRedirect } from "~/lib/safe-redirect";
import { verifyLinkHours } from "../accounts";
import { sendSignUpMail, signUp } from "../accounts.server";
import { hit, limits } from "~/modules/platform/rate-limit.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "signup.title");

export function loader({ context }: Route.LoaderArgs) {
  if (getRequestState(context).user) throw redirect("/min-side");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, mailer, config } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const parsed = parseForm(signupSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const ipOk = await hit(db, limitKey("signup-ip", state.ip), limits.signupPerIp);
  const addressOk = await hit(db, limitKey("signup-address", parsed.data.email), limits.signupPerAddress);
  if (!ipOk || !addressOk) {
    return invalid(formError("error.rate_limited_hour", formData), 429);
  }
  // The same answer, in about the same time, whether or not the address had an account (issue 9,
  // finding 4): the truth goes by e-mail, sent after the response.
  const result = await signUp(db, parsed.data, state.requestId);
  const mail = { publicUrl: config.publicUrl, lang: state.lang, siteName: config.siteName };
  afterResponse(context, "signup.mail", () => sendSignUpMail(db, mailer, result, mail));
  const redirectTo = formData.get("redirectTo");
  const next = safeRedirect(typeof redirectTo === "string" ? redirectTo : null, "");
  return { ok: true as const, email: parsed.data.email, loginLink: next ? `/logg-inn?redirectTo=${encodeURIComponent(next)}` : "/logg-inn" };
}

export default function SignUp() {
  const t = useT();
  const result = useActionData<typeof action>();
  const { errors, values, formError } = useFormState(result);
  const [params] = useSearchParams();
  if (result && result.ok) {
    return (
      <div className="kp-stack kp-narrow">
        <Heading level={1} data-size="lg">
          {t("signup.sent_title")}
        </Heading>
        <Alert data-color="success" role="status">
          <Paragraph>{t("signup.sent", { email: result.email, hours: verifyLinkHours })}</Paragraph>
        </Alert>
        <Paragraph>{t("signup.sent_login")}</Paragraph>
        <Paragraph>
          <AppLink to={result.loginLink}>{t("shell.log_in")}</AppLink>
        </Paragraph>
        <Paragraph data-size="sm">{t("signup.sent_no_mail")}</Paragraph>
      </div>
    );
  }
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("signup.title")}
      </Heading>
      <Paragraph>{t("signup.intro")}</Paragraph>
      <FormErrorSummary
        errors={errors}
        formError={formError}
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
