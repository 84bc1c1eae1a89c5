import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/new-organization";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid } from "~/lib/route-helpers.server";
import { createOrganization, organizationCentreChoices } from "../organizations.server";
import { newOrganizationSchema } from "../organizations.forms";
import { networkCentre } from "../offers";
import { CsrfField, FormErrorSummary, SelectField, useFormState } from "~/components/form";
import { OrganizationFields, emptyOrganization, organizationFieldLabels } from "../components/organization-fields";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.org.new_title");

/** The centres the person may create an organisation for: a select when there is a choice. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  return guard(() => organizationCentreChoices(getServices().db, user.actor));
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  const parsed = parseForm(newOrganizationSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const id = await guard(() => createOrganization(getServices().db, user.actor, parsed.data));
  return redirect(`/tilbud/organisasjoner/${id}?opprettet=1`);
}

export default function NewOrganization() {
  const t = useT();
  const choices = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  const options = [
    ...choices.centres.map((c) => ({ value: c.id, label: c.name })),
    ...(choices.network ? [{ value: networkCentre, label: t("offers.org.network") }] : []),
  ];
  const only = options.length === 1 ? options[0] : undefined;
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.org.new_title")}
      </Heading>
      <Paragraph>
        <AppLink to="/tilbud/organisasjoner">{t("offers.org.back")}</AppLink>
      </Paragraph>
      <Paragraph>{t("offers.org.new_intro")}</Paragraph>
      <FormErrorSummary errors={errors} labels={organizationFieldLabels(t)} />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        {only ? (
          <>
            <input type="hidden" name="centreId" value={only.value} />
            <Paragraph>{t("offers.org.centre_is", { centre: only.label })}</Paragraph>
          </>
        ) : (
          <SelectField
            name="centreId"
            label={t("offers.org.field.centre")}
            placeholder={t("offers.org.choose_centre")}
            options={options}
            defaultValue={values.centreId ?? ""}
            error={errors.centreId}
          />
        )}
        <OrganizationFields t={t} organization={emptyOrganization} errors={errors} values={values} />
        <Button type="submit">{t("offers.org.create")}</Button>
      </Form>
    </div>
  );
}
