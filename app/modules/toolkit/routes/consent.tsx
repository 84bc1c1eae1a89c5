import { data, redirect, useActionData } from "react-router";
import { Button, Field, Heading, Input, Label, Link, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/consent";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { CsrfField, FormErrorSummary } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { giveConsent, hasConsent } from "../toolkit.server";
import { requestId } from "../toolkit-route.server";

/**
 * Before anything is kept: what the toolkit stores, who can see it, and an explicit yes (GDPR art. 9(2)(a)).
 * Nothing is pre-ticked; saying no just means not using the toolkit.
 */
export const meta: Route.MetaFunction = (args) => title(args, "toolkit.consent.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (await hasConsent(getServices().db, user.id)) throw redirect("/verktoy");
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  if (formData.get("consent") !== "yes") return data({ missing: true }, { status: 400 });
  await giveConsent(getServices().db, user.actor, requestId(context));
  return redirect("/verktoy?velkommen=1");
}

export default function Consent() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("toolkit.consent.title")}
      </Heading>
      <Flash param="slettet">{t("toolkit.data.all_deleted")}</Flash>
      <Paragraph>{t("toolkit.consent.intro")}</Paragraph>
      <ul className="kp-stack">
        <li>{t("toolkit.consent.point_private")}</li>
        <li>{t("toolkit.consent.point_encrypted")}</li>
        <li>{t("toolkit.consent.point_share")}</li>
        <li>{t("toolkit.consent.point_delete")}</li>
        <li>{t("toolkit.consent.point_optional")}</li>
      </ul>
      <Paragraph>
        <Link href="/personvern">{t("toolkit.consent.privacy")}</Link>
      </Paragraph>
      <form method="post" className="kp-stack">
        <CsrfField />
        <FormErrorSummary errors={result?.missing ? { consent: "toolkit.consent.missing" } : {}} labels={{}} />
        <Field position="start">
          <Input
            type="checkbox"
            id="field-consent"
            name="consent"
            value="yes"
            aria-describedby={result?.missing ? "field-consent-error" : undefined}
            aria-invalid={result?.missing ? true : undefined}
          />
          <Label htmlFor="field-consent">{t("toolkit.consent.checkbox")}</Label>
          {result?.missing ? <ValidationMessage id="field-consent-error">{t("toolkit.consent.missing")}</ValidationMessage> : null}
        </Field>
        <Button type="submit">{t("toolkit.consent.submit")}</Button>
      </form>
      <Paragraph>
        <Link href="/min-side">{t("toolkit.consent.not_now")}</Link>
      </Paragraph>
    </div>
  );
}
