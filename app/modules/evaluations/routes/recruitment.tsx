import { Form, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Fieldset, Heading, Paragraph } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/recruitment";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { formValues, type FormErrors } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { projectCan } from "../evaluations";
import { ProjectNav } from "../components/project-nav";
import { projectHeader } from "../access.server";
import { parseCount } from "../evaluations.forms";
import { getRecruitment, recruitmentProblems, saveRecruitment, type RecruitmentRow } from "../recruitment.server";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.recruitment.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { access, sites } = await guard(() => getRecruitment(getServices().db, user.actor, params.projectId));
  return {
    header: projectHeader(access),
    sites,
    canEditSites: projectCan(access.roles, "project.edit"),
  };
}

/** Fields: `site` (one per row, the site's id), `invited-<siteId>`, `came-<siteId>`. */
export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const formData = await request.formData();
  const siteIds = formData.getAll("site").map(String);
  if (siteIds.length > 500 || siteIds.some((id) => !uuidPattern.test(id))) notFound();
  const errors: Record<string, MessageKey> = {};
  const rows: RecruitmentRow[] = [];
  for (const siteId of siteIds) {
    const invited = parseCount(formData.get(`invited-${siteId}`));
    const came = parseCount(formData.get(`came-${siteId}`));
    if (typeof invited === "string") errors[`invited-${siteId}`] = invited;
    if (typeof came === "string") errors[`came-${siteId}`] = came;
    rows.push({
      siteId,
      invited: typeof invited === "number" ? invited : null,
      came: typeof came === "number" ? came : null,
    });
  }
  // The rule (came ≤ invited) for the sites whose numbers could be read, so every problem is told at once.
  Object.assign(errors, recruitmentProblems(rows.filter((r) => !errors[`invited-${r.siteId}`] && !errors[`came-${r.siteId}`])));
  if (Object.keys(errors).length > 0)
    return invalid({
      ok: false,
      errors,
      values: formValues(formData),
    } satisfies FormErrors);
  const result = await guard(() => saveRecruitment(getServices().db, user.actor, params.projectId, rows));
  if (!result.ok)
    return invalid({
      ok: false,
      errors: result.errors,
      values: formValues(formData),
    } satisfies FormErrors);
  return { ok: true as const };
}

export default function Recruitment() {
  const t = useT();
  const { header, sites, canEditSites } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values } = useFormState(result);
  const failed = result !== undefined && !result.ok;
  const labels: Record<string, string> = {};
  for (const s of sites) {
    labels[`invited-${s.id}`] = t("evaluations.recruitment.invited_at", {
      site: s.name,
    });
    labels[`came-${s.id}`] = t("evaluations.recruitment.came_at", {
      site: s.name,
    });
  }
  const total = (key: "invited" | "came") => sites.reduce((sum, s) => sum + (s[key] ?? 0), 0);
  return (
    <div className="kp-stack">
      <ProjectNav project={header} />
      <Heading level={1} data-size="lg">
        {t("evaluations.recruitment.title")}
      </Heading>
      <Paragraph>{t("evaluations.recruitment.intro")}</Paragraph>
      {result && result.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.recruitment.saved")}</Paragraph>
        </Alert>
      ) : null}
      {sites.length === 0 ? (
        <Paragraph>
          {t("evaluations.recruitment.no_sites")} {canEditSites ? <AppLink to={`/evalueringer/${header.id}/rediger`}>{t("evaluations.recruitment.add_sites")}</AppLink> : null}
        </Paragraph>
      ) : (
        <>
          <FormErrorSummary errors={errors} labels={labels} idPrefix="rec" />
          <Form method="post" className="kp-stack kp-narrow" noValidate>
            <CsrfField />
            {sites.map((s) => (
              <Fieldset key={s.id}>
                <Fieldset.Legend>{s.name}</Fieldset.Legend>
                <input type="hidden" name="site" value={s.id} />
                <TextField
                  name={`invited-${s.id}`}
                  idPrefix="rec"
                  label={t("evaluations.recruitment.invited")}
                  description={t("evaluations.recruitment.number_help")}
                  defaultValue={failed ? values[`invited-${s.id}`] : s.invited === null ? "" : String(s.invited)}
                  error={errors[`invited-${s.id}`]}
                />
                <TextField
                  name={`came-${s.id}`}
                  idPrefix="rec"
                  label={t("evaluations.recruitment.came")}
                  defaultValue={failed ? values[`came-${s.id}`] : s.came === null ? "" : String(s.came)}
                  error={errors[`came-${s.id}`]}
                />
              </Fieldset>
            ))}
            <Paragraph data-size="sm">
              {t("evaluations.recruitment.total", {
                invited: total("invited"),
                came: total("came"),
              })}
            </Paragraph>
            <div>
              <Button type="submit">{t("form.save")}</Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
