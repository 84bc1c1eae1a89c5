import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/confirm-email";
import { getServices } from "~/lib/services.server";
import { getRequestState } from "~/lib/request.server";
import { confirmEmail, isVerificationTokenValid } from "../accounts.server";
import { CsrfField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { ConfirmNotice } from "../components/confirm-notice";
import { data } from "react-router";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) =>
  title(args, args.data?.valid !== false ? "confirm.title" : args.data.who === "confirmed" ? "confirm.already_title" : "confirm.invalid_title");

/**
 * The link mailed after sign-up. Opening it changes nothing (mail scanners open links); the button does.
 * It confirms the address and never logs anyone in: whoever made the account chose its password.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const user = getRequestState(context).user;
  return {
    valid: await isVerificationTokenValid(getServices().db, params.token.slice(0, 100)),
    // For a link that no longer works: what the person can do next depends on who is here.
    who: !user ? ("visitor" as const) : user.emailVerified ? ("confirmed" as const) : ("unconfirmed" as const),
  };
}

export async function action({ params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const result = await confirmEmail(getServices().db, params.token.slice(0, 100), state.requestId);
  if (!result.ok) return data({ ok: false as const }, { status: 410 });
  if (state.user?.id === result.userId) return redirect("/min-side?bekreftet=1");
  return redirect("/logg-inn?bekreftet=1");
}

export default function ConfirmEmail() {
  const t = useT();
  const { valid, who } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!valid || (result && !result.ok)) {
    if (who === "confirmed") {
      return (
        <div className="kp-stack kp-narrow">
          <Heading level={1} data-size="lg">
            {t("confirm.already_title")}
          </Heading>
          <Paragraph>{t("confirm.already_body")}</Paragraph>
          <Paragraph>
            <AppLink to="/min-side">{t("my.title")}</AppLink>
          </Paragraph>
        </div>
      );
    }
    return (
      <div className="kp-stack kp-narrow">
        <Heading level={1} data-size="lg">
          {t("confirm.invalid_title")}
        </Heading>
        {who === "unconfirmed" ? (
          <ConfirmNotice back="/min-side" />
        ) : (
          <>
            <Paragraph>{t("confirm.invalid_body")}</Paragraph>
            <Paragraph>
              <AppLink to="/logg-inn">{t("shell.log_in")}</AppLink>
            </Paragraph>
          </>
        )}
      </div>
    );
  }
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("confirm.title")}
      </Heading>
      <Paragraph>{t("confirm.body")}</Paragraph>
      <Form method="post">
        <CsrfField />
        <Button type="submit">{t("confirm.submit")}</Button>
      </Form>
    </div>
  );
}
