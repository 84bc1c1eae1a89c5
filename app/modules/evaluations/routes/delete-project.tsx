import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, List, Paragraph } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/delete-project";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formValues, parseForm, type FormErrors } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { NotFoundError } from "~/modules/centres/centres.server";
import { ProjectNav } from "../components/project-nav";
import { projectHeader } from "../access.server";
import { deleteProjectSchema } from "../delete.forms";
import { deleteProject, getDeletionPreview } from "../delete.server";

/**
 * /evalueringer/:projectId/slett (ADR 0027): what deleting the evaluation removes, in numbers, the advice to
 * download the project archive first, and a form where the person types the project's title to confirm. For
 * the project lead and the centre's coordinators (`project.delete`); others on the project get 403, anyone
 * else 404. A project that is not there (deleted meanwhile, or never visible to this person) gets a page of
 * its own with status 404 that says it may have been deleted.
 */

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.delete.title");

/** The use case's NotFoundError as `null` (the "gone" page); a ForbiddenError becomes the friendly 403. */
async function unlessGone<T>(work: () => Promise<T>): Promise<T | null> {
  return guard(async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  });
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const preview = await unlessGone(() => getDeletionPreview(getServices().db, user.actor, params.projectId));
  if (!preview) return data({ gone: true as const }, { status: 404 });
  const { access, ...rest } = preview;
  return { gone: false as const, header: projectHeader(access), projectId: access.project.id, title: access.project.title, ...rest };
}

type Gone = { gone: true };

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const formData = await request.formData();
  const values = formValues(formData);
  const parsed = parseForm(deleteProjectSchema, formData);
  if (!parsed.ok) {
    // A missing or garbled `seen` is a form from an older page (or none): say the project may have changed.
    const { seen, ...errors } = parsed.errors;
    return invalid({ ok: false, errors, values, formError: seen }, seen ? 409 : 400);
  }
  const result = await unlessGone(() => deleteProject(getServices().db, user.actor, params.projectId, parsed.data, { requestId: getRequestState(context).requestId }));
  if (result === null) return data({ gone: true } satisfies Gone, { status: 404 });
  if (result.ok) return redirect("/evalueringer?slettet=1");
  if (result.reason === "title") return invalid({ ok: false, errors: { confirmTitle: "evaluations.delete.error.title_wrong" }, values } satisfies FormErrors);
  return invalid({ ok: false, errors: {}, values, formError: "evaluations.delete.error.changed" } satisfies FormErrors, 409);
}

function GonePage() {
  const t = useT();
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("evaluations.delete.gone_title")}
      </Heading>
      <Paragraph>{t("evaluations.delete.gone")}</Paragraph>
      <Paragraph>
        <AppLink to="/evalueringer">{t("evaluations.delete.gone_back")}</AppLink>
      </Paragraph>
    </div>
  );
}

export default function DeleteProject() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values, formError } = useFormState(result);
  if (d.gone || (result && "gone" in result)) return <GonePage />;
  const { counts } = d;
  const base = `/evalueringer/${d.projectId}`;
  const count = (key: string, n: number) => t(`evaluations.delete.count.${key}` as MessageKey, { count: n });
  return (
    <div className="kp-stack">
      <ProjectNav project={d.header} />
      <Heading level={1} data-size="lg">
        {t("evaluations.delete.title")}
      </Heading>
      <FormErrorSummary errors={errors} formError={formError} labels={{ confirmTitle: t("evaluations.delete.confirm_label") }} />
      <Alert data-color="warning" className="kp-narrow">
        <Paragraph>{t("evaluations.delete.warning")}</Paragraph>
      </Alert>

      <section className="kp-stack kp-narrow" aria-labelledby="delete-what">
        <Heading level={2} data-size="md" id="delete-what">
          {t("evaluations.delete.what_heading")}
        </Heading>
        <List.Unordered data-testid="delete-counts">
          <List.Item>{count("sessions", counts.sessions)}</List.Item>
          <List.Item>{count("notes", counts.notes)}</List.Item>
          <List.Item>{count("quotes", counts.quotes)}</List.Item>
          <List.Item>{count("statements", counts.statements)}</List.Item>
          <List.Item>{count("reports", counts.reports)}</List.Item>
        </List.Unordered>
        <Paragraph>{t("evaluations.delete.and_more")}</Paragraph>
        {d.published.map((r) => (
          <Paragraph key={r.kind} data-testid={r.public ? "delete-public" : undefined}>
            {t(`evaluations.delete.${r.public ? "public" : "published"}.${r.kind}` as MessageKey)}
          </Paragraph>
        ))}
        {counts.team > 0 ? <Paragraph>{count("team", counts.team)}</Paragraph> : null}
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="delete-copy">
        <Heading level={2} data-size="md" id="delete-copy">
          {t("evaluations.delete.copy_heading")}
        </Heading>
        {d.canExport ? (
          <>
            <Paragraph>{t("evaluations.delete.copy_lead")}</Paragraph>
            <Paragraph>
              <a className="ds-link" href={`${base}/eksport`} download>
                {t("evaluations.archive.export.download")}
              </a>
            </Paragraph>
          </>
        ) : (
          <Paragraph>{d.leads.length > 0 ? t("evaluations.delete.copy_ask", { leads: d.leads.join(", ") }) : t("evaluations.delete.copy_ask_team")}</Paragraph>
        )}
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="delete-kept">
        <Heading level={2} data-size="md" id="delete-kept">
          {t("evaluations.delete.kept_heading")}
        </Heading>
        <Paragraph>{t("evaluations.delete.kept")}</Paragraph>
      </section>

      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <input type="hidden" name="seen" value={d.stamp} />
        <TextField
          name="confirmTitle"
          label={t("evaluations.delete.confirm_label")}
          description={
            <>
              {t("evaluations.delete.confirm_help")} <strong>{d.title}</strong>
            </>
          }
          defaultValue={values.confirmTitle ?? ""}
          error={errors.confirmTitle}
          autoComplete="off"
          required
        />
        <div className="kp-actions">
          <Button type="submit" data-color="danger">
            {t("evaluations.delete.submit")}
          </Button>
          <AppLink to={base}>{t("evaluations.delete.cancel")}</AppLink>
        </div>
      </Form>
    </div>
  );
}
