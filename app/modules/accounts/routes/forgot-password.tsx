import { Form, useActionData } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/forgot-password";
import { getServices } from "~/lib/services.server";
import { afterResponse, getRequestState } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid, limitKey } from "~/lib/route-helpers.server";
import { forgotSchema } from "../accounts.forms";
import { requestPasswordReset } from "../accounts.server";
import { resetLinkMinutes } from "../accounts";
import { hit, limits } from "~/modules/platform/rate-limit.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "forgot.title");

export async function action({ request, context }: Route.ActionArgs) {
  const { db, mailer, config } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const parsed = parseForm(forgotSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const ipOk = await hit(db, limitKey("reset-ip", state.ip), limits.resetPerIp);
  const accountOk = await hit(db, limitKey("reset-account", parsed.data.email), limits.resetPerAccount);
  if (!ipOk || !accountOk) return invalid(formError("error.rate_limited_hour", formData), 429);
  // Same answer, in the same time, whether or not the account exists: the mail goes after the response.
  const input = { email: parsed.data.email, publicUrl: config.publicUrl, lang: state.lang, siteName: config.siteName };
  afterResponse(context, "reset.mail", () => requestPasswordReset(db, mailer, input));
  return { ok: true as const, email: parsed.data.email };
}

export default function ForgotPassword() {
  const t = useT();
  const result = useActionData<typeof action>();
  const { errors, values, formError } = useFormState(result);
  if (result && result.ok) {
    return (
      <div className="kp-stack kp-narrow">
        <Heading level={1} data-size="lg">
          {t("forgot.title")}
        </Heading>
        <Alert data-color="success" role="status">
          <Paragraph>{t("forgot.sent", { email: result.email, minutes: resetLinkMinutes })}</Paragraph>
        </Alert>
        <Paragraph>
          <AppLink to="/logg-inn">{t("forgot.back_to_login")}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("forgot.title")}
      </Heading>
      <Paragraph>{t("forgot.intro")}</Paragraph>
      <FormErrorSummary errors={errors} formError={formError} labels={{ email: t("field.email") }} />
      <Form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <TextField name="email" type="email" autoComplete="email" label={t("field.email")} required error={errors.email} defaultValue={values.email} />
        <Button type="submit">{t("forgot.submit")}</Button>
      </Form>
    </div>
  );
}
