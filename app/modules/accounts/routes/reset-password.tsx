import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/reset-password";
import { getServices } from "~/lib/services.server";
import { getRequestState } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid } from "~/lib/route-helpers.server";
import { resetSchema } from "../accounts.forms";
import { isResetTokenValid, resetPassword } from "../accounts.server";
import { readDevice, rememberDevice } from "../login.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "reset.title");

export async function loader({ params }: Route.LoaderArgs) {
  const token = params.token.slice(0, 100);
  return { valid: await isResetTokenValid(getServices().db, token) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { db, cookies, secret } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const parsed = parseForm(resetSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const result = await resetPassword(db, params.token.slice(0, 100), parsed.data.password, state.requestId);
  if (!result.ok) return invalid(formError("error.reset_link_invalid", formData), 410);
  // The link came through the person's mailbox: this browser counts as theirs, so nobody else's wrong
  // guesses can keep them from logging in here (ADR 0016).
  const device = rememberDevice(secret, await readDevice(cookies.device, request.headers.get("Cookie")), result.email);
  state.setCookies.push(await cookies.device.serialize(device));
  return redirect("/logg-inn?reset=1");
}

export default function ResetPassword() {
  const t = useT();
  const { valid } = useLoaderData<typeof loader>();
  const { errors, formError } = useFormState(useActionData<typeof action>());
  if (!valid) {
    return (
      <div className="kp-stack kp-narrow">
        <Heading level={1} data-size="lg">
          {t("reset.invalid_title")}
        </Heading>
        <Paragraph>{t("reset.invalid_body")}</Paragraph>
        <Paragraph>
          <AppLink to="/glemt-passord">{t("reset.new_link")}</AppLink>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("reset.title")}
      </Heading>
      <FormErrorSummary errors={errors} formError={formError} labels={{ password: t("field.new_password") }} />
      <Form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <TextField name="password" type="password" autoComplete="new-password" label={t("field.new_password")} description={t("field.password_help")} required error={errors.password} />
        <Button type="submit">{t("reset.submit")}</Button>
      </Form>
    </div>
  );
}
