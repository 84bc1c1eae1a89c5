import { redirectDocument, Form, redirect, useActionData, useSearchParams, useNavigation } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { AppLink } from "~/components/app-link";
import type { Route } from "./+types/log-in";
import { getServices } from "~/lib/services.server";
import { getRequestState, startSession } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { invalid } from "~/lib/route-helpers.server";
import { loginSchema } from "../accounts.forms";
import { safeRedirect } from "~/lib/safe-redirect";
import { createSession, endSession } from "../accounts.server";
import { attemptLogin, readDevice } from "../login.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";

import { title } from "~/lib/meta";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "login.title");

export function loader({ context, request }: Route.LoaderArgs) {
  const state = getRequestState(context);
  if (state.user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, cookies, secret } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const parsed = parseForm(loginSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const { email, password, redirectTo } = parsed.data;

  const cookieHeader = request.headers.get("Cookie");
  const result = await attemptLogin(db, secret, { email, password, ip: state.ip, device: await readDevice(cookies.device, cookieHeader) });
  if (!result.ok) {
    // A wrong address or password: the summary links to the password field (typed again; passwords are never sent back).
    return result.reason === "rate_limited" ? invalid(formError("error.rate_limited", formData), 429) : invalid(formError("error.login_failed", formData, { password: "error.login_failed" }), 401);
  }
  const previous = (await cookies.session.parse(cookieHeader)) as string | null;
  if (previous) await endSession(db, previous);
  await startSession(context, await createSession(db, result.userId));
  state.setCookies.push(await cookies.device.serialize(result.device));
  const target = safeRedirect(redirectTo);
  // The toolkit pages run without React on the client: reach them with a full page load.
  return /^\/(verktoy|delt-med-meg)(\/|$)/.test(target) ? redirectDocument(target) : redirect(target);
}

export default function LogIn() {
  const t = useT();
  const result = useActionData<typeof action>();
  const { errors, values, formError } = useFormState(result);
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const reset = params.get("reset") === "1";
  const confirmed = params.get("bekreftet") === "1";
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("login.title")}
      </Heading>
      {reset || confirmed ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(reset ? "login.after_reset" : "login.after_confirm")}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary errors={errors} formError={formError} labels={{ email: t("field.email"), password: t("field.password") }} />
      <Form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={values.redirectTo ?? params.get("redirectTo") ?? ""} />
        <TextField name="email" type="email" autoComplete="username" label={t("field.email")} required error={errors.email} defaultValue={values.email} />
        <TextField name="password" type="password" autoComplete="current-password" label={t("field.password")} required error={errors.password} />
        <div className="kp-actions">
          <Button type="submit" aria-disabled={busy || undefined}>
            {t("login.submit")}
          </Button>
          <AppLink to="/glemt-passord">{t("login.forgot")}</AppLink>
        </div>
      </Form>
      <Paragraph>
        {t("login.no_account")}{" "}
        <AppLink to="/registrer">{t("login.sign_up")}</AppLink>
      </Paragraph>
    </div>
  );
}
