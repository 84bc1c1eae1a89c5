import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/new-session";
import "~/modules/evaluations/i18n/register";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formValues, parseForm, type FormErrors } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { createSession, projectHeader, sessionFormOptions } from "../sessions.server";
import { sessionSchema } from "../sessions.forms";
import { ProjectNav } from "../components/project-nav";
import { SessionFields, sessionFieldLabels } from "../components/session-fields";

export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "evaluations.new_session.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const options = await guard(() => sessionFormOptions(db, user.actor, params.projectId));
  return {
    project: projectHeader(options.access),
    period: { start: options.access.project.periodStart, end: options.access.project.periodEnd },
    sites: options.sites,
    interviewers: options.interviewers,
    guide: options.guide,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const formData = await request.formData();
  const values = { ...formValues(formData), interviewers: formData.getAll("interviewers").join(",") };
  const parsed = parseForm(sessionSchema, formData, ["interviewers"]);
  if (!parsed.ok) return invalid({ ...parsed, values });
  const result = await guard(() => createSession(db, user.actor, params.projectId, parsed.data, { requestId: getRequestState(context).requestId }));
  if (!result.ok) {
    const { _form, ...errors } = result.errors;
    return invalid({ ok: false, errors: errors as Record<string, MessageKey>, values, formError: _form } satisfies FormErrors);
  }
  return redirect(`/evalueringer/${params.projectId}/intervju/${result.id}?ny=1`);
}

export default function NewSession() {
  const t = useT();
  const { project, period, sites, interviewers, guide } = useLoaderData<typeof loader>();
  const { errors, values, formError } = useFormState(useActionData<typeof action>());
  return (
    <div className="kp-stack">
      <ProjectNav project={project} />
      <Heading level={1} data-size="lg">
        {t("evaluations.new_session.title")}
      </Heading>
      <Paragraph>
        {period.end
          ? t("evaluations.new_session.period", { start: t.date(period.start), end: t.date(period.end) })
          : t("evaluations.new_session.period_open", { start: t.date(period.start) })}
      </Paragraph>
      {guide ? (
        <Paragraph>{t("evaluations.new_session.guide", { number: guide.number })}</Paragraph>
      ) : (
        <Alert data-color="warning">
          <Paragraph>{t("evaluations.session.error.no_guide")}</Paragraph>
        </Alert>
      )}
      <Paragraph className="kp-muted">{t("evaluations.new_session.no_names")}</Paragraph>
      <FormErrorSummary errors={errors} formError={formError} labels={sessionFieldLabels(t)} />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <SessionFields
          values={{ ...values, interviewers: values.interviewers ? values.interviewers.split(",") : [] }}
          errors={errors}
          sites={sites}
          interviewers={interviewers}
        />
        <div className="kp-actions">
          <Button type="submit">{t("evaluations.new_session.submit")}</Button>
        </div>
      </Form>
    </div>
  );
}
