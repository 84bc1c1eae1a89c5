import { Form, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/team";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CheckboxGroup, CsrfField, FormErrorSummary, SelectField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { ProjectNav } from "../components/project-nav";
import { projectHeader } from "../access.server";
import { teamSchema } from "../evaluations.forms";
import { getTeam, setTeam } from "../projects.server";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.team.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { access, ...team } = await guard(() => getTeam(getServices().db, user.actor, params.projectId));
  return { header: projectHeader(access), ...team };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const state = getRequestState(context);
  const formData = await request.formData();
  const arrays = ["interviewers", "serviceContacts"];
  const keep = (values: Record<string, string>) => ({
    ...values,
    interviewers: formData.getAll("interviewers").join(","),
    serviceContacts: formData.getAll("serviceContacts").join(","),
  });
  const parsed = parseForm(teamSchema, formData, arrays);
  if (!parsed.ok) return invalid({ ...parsed, values: keep(parsed.values) });
  const result = await guard(() =>
    setTeam(getServices().db, user.actor, params.projectId, parsed.data, {
      requestId: state.requestId,
    }),
  );
  if (!result.ok)
    return invalid({
      ok: false,
      errors: result.errors,
      values: keep({ leadId: parsed.data.leadId }),
    });
  return { ok: true as const };
}

export default function Team() {
  const t = useT();
  const { header, leadId, interviewers, serviceContacts, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values } = useFormState(result);
  const failed = result !== undefined && !result.ok;
  const listed = (key: string, saved: string[]) => (failed && values[key] !== undefined ? values[key]!.split(",").filter(Boolean) : saved);
  const labels = {
    leadId: t("evaluations.field.lead"),
    interviewers: t("evaluations.team.interviewers"),
    serviceContacts: t("evaluations.team.service_contacts"),
  };
  return (
    <div className="kp-stack">
      <ProjectNav project={header} />
      <Heading level={1} data-size="lg">
        {t("evaluations.team.title")}
      </Heading>
      <Paragraph>{t("evaluations.team.intro")}</Paragraph>
      {result && result.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.team.saved")}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary errors={errors} labels={labels} />
      <Form method="post" className="kp-stack kp-narrow" noValidate>
        <CsrfField />
        <SelectField
          name="leadId"
          label={labels.leadId}
          options={candidates.members.map((m) => ({
            value: m.id,
            label: m.name,
          }))}
          placeholder={t("evaluations.field.choose")}
          defaultValue={failed && values.leadId !== undefined ? values.leadId : (leadId ?? "")}
          error={errors.leadId}
        />
        {(
          [
            ["interviewers", candidates.interviewers, interviewers, "evaluations.team.no_interviewers"],
            ["serviceContacts", candidates.serviceContacts, serviceContacts, "evaluations.team.no_service_contacts"],
          ] as const
        ).map(([name, people, saved, none]) =>
          people.length === 0 ? (
            <Paragraph key={name}>{t(none)}</Paragraph>
          ) : (
            <CheckboxGroup
              key={name}
              name={name}
              legend={labels[name]}
              options={people.map((m) => ({ value: m.id, label: m.name }))}
              selected={listed(name, saved)}
              error={errors[name]}
            />
          ),
        )}
        <Paragraph data-size="sm">{t("evaluations.team.roles_help")}</Paragraph>
        <div>
          <Button type="submit">{t("form.save")}</Button>
        </div>
      </Form>
    </div>
  );
}
