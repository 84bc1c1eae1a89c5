import { Form, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Card, Heading, Link, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/my-page";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { invalid } from "~/lib/route-helpers.server";
import { profileSchema } from "../accounts.forms";
import { updateProfile } from "../accounts.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { groupByCentre } from "../accounts";
import { ConfirmNotice } from "../components/confirm-notice";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "my.title");

/** The logged-in start page: who I am, my centres and roles, and what I can do here. */
export async function loader({ context, request }: Route.LoaderArgs) {
  // The session lookup already read the person's own name, e-mail and memberships.
  const user = requireUser(context, request);
  return { name: user.name, email: user.email, isAdmin: user.isAdmin, emailVerified: user.emailVerified, centres: groupByCentre(user.memberships) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const formData = await request.formData();
  const parsed = parseForm(profileSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  await updateProfile(getServices().db, user.id, parsed.data, getRequestState(context).requestId);
  return { ok: true as const };
}

export default function MyPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values } = useFormState(result);
  const [params] = useSearchParams();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("my.title")}
      </Heading>
      {params.get("velkommen") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("my.welcome")}</Paragraph>
        </Alert>
      ) : null}
      {params.get("bekreftet") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("my.email_confirmed")}</Paragraph>
        </Alert>
      ) : null}
      {data.emailVerified ? null : <ConfirmNotice back="/min-side" />}
      {params.get("passord") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("my.password_changed")}</Paragraph>
        </Alert>
      ) : null}
      {result && result.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("my.saved")}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("my.greeting", { name: data.name })}</Paragraph>

      <section className="kp-stack" aria-labelledby="my-centres">
        <Heading level={2} data-size="md" id="my-centres">
          {t("my.centres")}
        </Heading>
        {data.centres.length === 0 ? (
          <Paragraph>{t("my.no_centres")}</Paragraph>
        ) : (
          <ul className="kp-grid">
            {data.centres.map((c) => (
              <li key={c.id}>
                <Card data-color="neutral">
                  <Heading level={3} data-size="xs">
                    <AppLink to={`/sentre/${c.id}`}>{c.name}</AppLink>
                  </Heading>
                  <Paragraph data-size="sm">{t("my.your_roles")}</Paragraph>
                  <div className="kp-actions">
                    {c.roles.map((r) => (
                      <Tag key={r} data-color="info">
                        {t(`role.${r}`)}
                      </Tag>
                    ))}
                  </div>
                  {c.roles.includes("coordinator") ? (
                    <>
                      <Paragraph>
                        <AppLink to={`/sentre/${c.id}/medlemmer`}>{t("my.manage_members")}</AppLink>
                      </Paragraph>
                      <Paragraph>
                        <AppLink to="/tilbud/kontroll">{t("offers.unchecked.title")}</AppLink>
                      </Paragraph>
                      <Paragraph>
                        <AppLink to={`/sentre/${c.id}/sjekker`}>{t("my.instruments")}</AppLink>
                      </Paragraph>
                    </>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
        {data.isAdmin ? (
          <Paragraph>
            {t("my.admin_note")} <AppLink to="/admin">{t("nav.admin")}</AppLink>
          </Paragraph>
        ) : null}
      </section>

      <section className="kp-stack" aria-labelledby="my-modules">
        <Heading level={2} data-size="md" id="my-modules">
          {t("my.coming_title")}
        </Heading>
        <Paragraph>{t("my.coming_body")}</Paragraph>
        <div className="kp-actions">
          {/* A full page load: the toolkit pages run without React on the client. */}
          <Link href="/verktoy" data-testid="toolkit-link">
            {t("my.toolkit_link")}
          </Link>
          {data.centres.some((c) => c.roles.includes("peer_worker")) ? <Link href="/delt-med-meg">{t("my.shared_with_me")}</Link> : null}
        </div>
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="my-account">
        <Heading level={2} data-size="md" id="my-account">
          {t("my.account")}
        </Heading>
        <Paragraph>{t("my.email_is", { email: data.email })}</Paragraph>
        <FormErrorSummary errors={errors} labels={{ name: t("field.name") }} />
        <Form method="post" className="kp-stack" noValidate>
          <CsrfField />
          <TextField name="name" autoComplete="name" label={t("field.name")} required maxLength={100} error={errors.name} defaultValue={values.name ?? data.name} />
          <Button type="submit" variant="secondary">
            {t("my.save_name")}
          </Button>
        </Form>
        <ul>
          <li>
            <AppLink to="/min-side/innsyn">{t("my.access_log")}</AppLink>
          </li>
          <li>
            <AppLink to="/min-side/passord">{t("my.change_password")}</AppLink>
          </li>
          <li>
            <AppLink to="/min-side/slett">{t("my.delete_account")}</AppLink>
          </li>
        </ul>
      </section>
    </div>
  );
}
