import { Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/edit-organization";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { formError, parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { archiveOrganization, getOrganizationForEdit, organizationHistory, restoreOrganization, updateOrganization } from "../organizations.server";
import { organizationSchema } from "../organizations.forms";
import { CsrfField, FormErrorSummary, useFormState } from "~/components/form";
import { OrganizationFields, organizationFieldLabels } from "../components/organization-fields";
import { AppLink } from "~/components/app-link";
import { ChangeLogTable } from "../components/change-log-table";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "offers.org.edit_title");

/** The organisation's edit form, archive or restore, and its change history. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.organizationId)) notFound();
  const { db } = getServices();
  const organization = await guard(() => getOrganizationForEdit(db, user.actor, params.organizationId));
  const history = await guard(() => organizationHistory(db, user.actor, params.organizationId));
  return { organization, history: history.map((h) => ({ ...h, at: h.at.toISOString() })) };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.organizationId)) notFound();
  const { db } = getServices();
  const id = params.organizationId;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "archive") {
    await guard(() => archiveOrganization(db, user.actor, id));
    return redirect(`/tilbud/organisasjoner/${id}`);
  }
  if (intent === "restore") {
    await guard(() => restoreOrganization(db, user.actor, id));
    return redirect(`/tilbud/organisasjoner/${id}?gjenopprettet=1`);
  }
  const parsed = parseForm(organizationSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const result = await guard(() => updateOrganization(db, user.actor, id, parsed.data));
  if (!result.ok) return invalid(formError("offers.org.changed_meanwhile", formData), 409);
  return redirect(`/tilbud/organisasjoner/${id}?lagret=1`);
}

const actions = ["create", "update", "archive", "restore"] as const;
const isAction = (action: string): action is (typeof actions)[number] => (actions as readonly string[]).includes(action);

export default function EditOrganization() {
  const t = useT();
  const { organization, history } = useLoaderData<typeof loader>();
  const { errors, values, formError } = useFormState(useActionData<typeof action>());
  const [params] = useSearchParams();
  const typed = Object.keys(values).length > 0;
  const status = params.get("opprettet") ? t("offers.org.created") : params.get("lagret") ? t("offers.edit.saved") : params.get("gjenopprettet") ? t("offers.org.restored") : undefined;
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.org.edit_title")}
      </Heading>
      <Paragraph>
        <AppLink to="/tilbud/organisasjoner">{t("offers.org.back")}</AppLink>
      </Paragraph>
      {status && !typed ? (
        <Alert data-color="success" role="status">
          <Paragraph>{status}</Paragraph>
        </Alert>
      ) : null}
      {organization.archived ? (
        <Alert data-color="warning" data-testid="organization-archived">
          <Paragraph>{t("offers.org.archived_notice")}</Paragraph>
        </Alert>
      ) : null}
      {formError ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t(formError)}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        {t("offers.org.centre_is", { centre: organization.centre?.name ?? t("offers.org.network") })}
        {" · "}
        {t("offers.org.offers", { count: organization.activeOffers })}
      </Paragraph>
      <FormErrorSummary errors={errors} labels={organizationFieldLabels(t)} />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <input type="hidden" name="version" value={typed ? values.version : organization.version} />
        <OrganizationFields t={t} organization={organization} errors={errors} values={values} />
        <Button type="submit">{t("form.save")}</Button>
      </Form>

      <section className="kp-stack kp-narrow" aria-labelledby="archive-heading">
        <Heading level={2} data-size="sm" id="archive-heading">
          {organization.archived ? t("offers.org.restore") : t("offers.org.archive")}
        </Heading>
        <Paragraph>{organization.archived ? t("offers.org.restore_body") : t("offers.org.archive_body")}</Paragraph>
        <Form method="post">
          <CsrfField />
          {organization.archived ? (
            <Button type="submit" name="intent" value="restore" variant="secondary">
              {t("offers.org.restore")}
            </Button>
          ) : (
            <Button type="submit" name="intent" value="archive" variant="secondary" data-color="danger">
              {t("offers.org.archive")}
            </Button>
          )}
        </Form>
      </section>

      <section className="kp-stack" aria-labelledby="history-heading">
        <Heading level={2} data-size="sm" id="history-heading">
          {t("offers.history.title")}
        </Heading>
        <ChangeLogTable rows={history} testId="organization-history" what={(h) => (isAction(h.action) ? t(`offers.org.action.${h.action}`) : h.action)} />
      </section>
    </div>
  );
}
