import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/new-offer";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid } from "~/lib/route-helpers.server";
import { createOffer, organizationsForNewOffer } from "../parts.server";
import { newOfferSchema } from "../parts.forms";
import { CsrfField, FormErrorSummary, SelectField, useFormState } from "~/components/form";
import { OfferFields, emptyOffer, offerFieldLabels } from "../components/offer-fields";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.new.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const organizations = await guard(() => organizationsForNewOffer(getServices().db, user.actor));
  return { organizations, chosen: new URL(request.url).searchParams.get("organisasjon") ?? "" };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  const parsed = parseForm(newOfferSchema, formData, ["targetGroups"]);
  if (!parsed.ok) return invalid({ ...parsed, values: { ...parsed.values, targetGroups: formData.getAll("targetGroups").join(",") } });
  const id = await guard(() => createOffer(getServices().db, user.actor, parsed.data));
  return redirect(`/tilbud/${id}?lagret=1`);
}

/** A new offer under an organisation of the user's centre; places, times and contact are added next. */
export default function NewOffer() {
  const t = useT();
  const { organizations, chosen } = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.new.title")}
      </Heading>
      <Paragraph>{t("offers.new.intro")}</Paragraph>
      {organizations.length === 0 ? (
        <Paragraph>
          {t("offers.new.no_organization")} <AppLink to="/tilbud/organisasjoner/ny">{t("offers.new.create_organization")}</AppLink>
        </Paragraph>
      ) : (
        <>
          <FormErrorSummary errors={errors} labels={{ ...offerFieldLabels(t), organizationId: t("offers.new.organization") }} />
          <Form method="post" className="kp-stack kp-narrow" noValidate>
            <CsrfField />
            <SelectField
              name="organizationId"
              label={t("offers.new.organization")}
              placeholder={t("offers.new.choose")}
              options={organizations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={values.organizationId ?? chosen}
              error={errors.organizationId}
            />
            <Paragraph data-size="sm">
              <AppLink to="/tilbud/organisasjoner/ny">{t("offers.new.create_organization")}</AppLink>
            </Paragraph>
            <OfferFields offer={emptyOffer} errors={errors} values={values} />
            <Button type="submit">{t("offers.new.submit")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
