import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/invitation";
import { getServices } from "~/lib/services.server";
import { getRequestState } from "~/lib/request.server";
import { acceptInvitation, getInvitation } from "../centres.server";
import { CsrfField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { ConfirmNotice } from "~/modules/accounts/components/confirm-notice";
import { data } from "react-router";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "invite.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const invitation = await getInvitation(getServices().db, params.token.slice(0, 100));
  const here = new URL(request.url).pathname;
  return {
    invitation: invitation ? { centreName: invitation.centreName, roles: invitation.roles } : null,
    loggedIn: Boolean(getRequestState(context).user),
    verified: getRequestState(context).user?.emailVerified ?? false,
    here,
  };
}

export async function action({ params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  if (!state.user) throw redirect(`/logg-inn?redirectTo=${encodeURIComponent(`/invitasjon/${params.token}`)}`);
  const result = await acceptInvitation(getServices().db, state.user.id, params.token.slice(0, 100), { requestId: state.requestId });
  if (!result.ok) {
    return data({ ok: false as const, otherEmail: result.reason === "other_email", unverified: result.reason === "unverified" }, { status: result.reason === undefined ? 410 : 403 });
  }
  return redirect("/min-side");
}

export default function Invitation() {
  const t = useT();
  const { invitation, loggedIn, verified, here } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && !result.ok && result.otherEmail) {
    return (
      <div className="kp-stack kp-narrow">
        <Heading level={1} data-size="lg">
          {t("invite.other_email_title")}
        </Heading>
        <Paragraph>{t("invite.other_email_body")}</Paragraph>
      </div>
    );
  }
  if (!invitation || (result && !result.ok && !result.unverified)) {
    return (
      <div className="kp-stack kp-narrow">
        <Heading level={1} data-size="lg">
          {t("invite.invalid_title")}
        </Heading>
        <Paragraph>{t("invite.invalid_body")}</Paragraph>
      </div>
    );
  }
  const roles = invitation.roles.map((r) => t(`role.${r}`)).join(", ");
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("invite.title")}
      </Heading>
      <Paragraph>{t("invite.body", { centre: invitation.centreName, roles })}</Paragraph>
      {loggedIn && !verified ? (
        <>
          <Paragraph>{t("invite.confirm_first")}</Paragraph>
          <ConfirmNotice back={here} />
        </>
      ) : loggedIn ? (
        <Form method="post">
          <CsrfField />
          <Button type="submit">{t("invite.accept")}</Button>
        </Form>
      ) : (
        <Alert data-color="info">
          <Paragraph>{t("invite.login_first")}</Paragraph>
          <div className="kp-actions">
            <AppLink to={`/logg-inn?redirectTo=${encodeURIComponent(here)}`}>{t("shell.log_in")}</AppLink>
            <AppLink to={`/registrer?redirectTo=${encodeURIComponent(here)}`}>{t("login.sign_up")}</AppLink>
          </div>
        </Alert>
      )}
    </div>
  );
}
