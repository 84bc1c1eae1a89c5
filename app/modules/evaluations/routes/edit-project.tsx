import { Form, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/edit-project";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formError, formValues, parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, SelectField, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { kommuneLabel, kommuner } from "~/modules/centres/kommuner";
import { ProjectNav } from "../components/project-nav";
import { projectHeader } from "../access.server";
import { maxK, minK } from "../evaluations";
import { agreementMax, editProjectSchema, purposeMax, serviceKinds, siteNameMax, siteNameSchema, siteRenameSchema, titleMax } from "../evaluations.forms";
import { addSite, chooseDirectoryService, getProjectForEdit, removeSite, renameSite, searchDirectory, updateProject } from "../projects.server";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.edit.title");

const kommuneOptions = kommuner.map((k) => ({
  value: k.kommunenummer,
  label: kommuneLabel(k),
}));

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const { access, project, sites } = await guard(() => getProjectForEdit(db, user.actor, params.projectId));
  const query = (new URL(request.url).searchParams.get("finn") ?? "").slice(0, 100);
  const found = query ? await searchDirectory(db, query) : [];
  return { header: projectHeader(access), project, sites, query, found };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const state = getRequestState(context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "save");
  const projectId = params.projectId;
  const values: Record<string, string> = { ...formValues(formData), intent };
  if (intent === "save") {
    const parsed = parseForm(editProjectSchema, formData);
    if (!parsed.ok) return invalid({ ...parsed, values });
    const result = await guard(() =>
      updateProject(db, user.actor, projectId, parsed.data, {
        requestId: state.requestId,
      }),
    );
    if (result.ok) return { ok: true as const, done: "saved" as const };
    if ("conflict" in result) {
      // Someone saved meanwhile: keep what this person typed, and let a second save replace the other version.
      const { revision: _stale, ...kept } = values;
      return invalid(
        {
          ok: false,
          errors: {},
          values: kept,
          formError: "evaluations.project.error.changed_meanwhile",
        },
        409,
      );
    }
    return invalid({ ok: false, errors: result.errors, values });
  }
  if (intent === "pick_service") {
    const serviceId = String(formData.get("serviceId") ?? "");
    if (!uuidPattern.test(serviceId)) return invalid(formError("error.invalid", formData));
    const ok = await guard(() => chooseDirectoryService(db, user.actor, projectId, serviceId));
    if (!ok) return invalid(formError("error.invalid", formData));
    return redirect(`/evalueringer/${projectId}/rediger`);
  }
  if (intent === "add_site") {
    const parsed = parseForm(siteNameSchema, formData);
    if (!parsed.ok) return invalid({ ...parsed, values });
    const result = await guard(() => addSite(db, user.actor, projectId, parsed.data.name));
    if (!result.ok) return invalid({ ok: false, errors: { name: result.error }, values });
    return { ok: true as const, done: "site_added" as const };
  }
  if (intent === "rename_site" || intent === "remove_site") {
    const parsed = parseForm(intent === "rename_site" ? siteRenameSchema : siteRenameSchema.pick({ siteId: true }), formData);
    if (!parsed.ok) return invalid({ ...parsed, values });
    const data = parsed.data as { siteId: string; name?: string };
    const result = await guard(() => (intent === "rename_site" ? renameSite(db, user.actor, projectId, data.siteId, data.name!) : removeSite(db, user.actor, projectId, data.siteId)));
    if (!result.ok)
      return invalid({
        ok: false,
        errors: { [`site-${data.siteId}`]: result.error },
        values,
      });
    return {
      ok: true as const,
      done: intent === "rename_site" ? ("site_renamed" as const) : ("site_removed" as const),
    };
  }
  return invalid(formError("error.invalid", formData));
}

export default function EditProject() {
  const t = useT();
  const { header, project, sites, query, found } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors, values, formError: problem } = useFormState(result);
  const main = !values.intent || values.intent === "save";
  const v = (name: keyof typeof project, fallback: string | null | undefined) => (main && values[name] !== undefined ? values[name] : (fallback ?? ""));
  const labels: Record<string, string> = {
    title: t("evaluations.field.title"),
    serviceName: t("evaluations.field.service_name"),
    serviceKind: t("evaluations.field.service_kind"),
    kommunenummer: t("evaluations.field.kommune"),
    purpose: t("evaluations.field.purpose"),
    questions: t("evaluations.field.questions"),
    periodStart: t("evaluations.field.period_start"),
    periodEnd: t("evaluations.field.period_end"),
    agreementDate: t("evaluations.field.agreement_date"),
    agreementText: t("evaluations.field.agreement_text"),
    dialogueConferenceDate: t("evaluations.field.dialogue_conference_date"),
    k: t("evaluations.field.k"),
    listedNames: t("evaluations.field.listed_names"),
  };
  return (
    <div className="kp-stack">
      <ProjectNav project={header} />
      <Heading level={1} data-size="lg">
        {t("evaluations.edit.title")}
      </Heading>
      {result && result.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(`evaluations.edit.done.${result.done}` as MessageKey)}</Paragraph>
        </Alert>
      ) : null}

      <section className="kp-stack kp-narrow" aria-labelledby="edit-project">
        <Heading level={2} data-size="md" id="edit-project">
          {t("evaluations.edit.project")}
        </Heading>
        {main ? <FormErrorSummary errors={errors} formError={problem} labels={labels} /> : null}
        <Form method="post" className="kp-stack" noValidate>
          <CsrfField />
          <input type="hidden" name="revision" value={main && values.revision ? values.revision : String(project.revision)} />
          <input type="hidden" name="serviceId" value={project.serviceId ?? ""} />
          <TextField name="title" label={labels.title} required maxLength={titleMax} defaultValue={v("title", project.title)} error={main ? errors.title : undefined} />
          <TextField
            name="serviceName"
            label={labels.serviceName}
            description={project.serviceId ? t("evaluations.edit.service_from_directory") : t("evaluations.field.service_name_help")}
            required
            maxLength={titleMax}
            defaultValue={v("serviceName", project.serviceName)}
            error={main ? errors.serviceName : undefined}
          />
          <SelectField
            name="serviceKind"
            label={labels.serviceKind}
            options={serviceKinds.map((k) => ({
              value: k,
              label: t(`evaluations.service_kind.${k}` as MessageKey),
            }))}
            placeholder={t("evaluations.field.choose")}
            defaultValue={v("serviceKind", project.serviceKind)}
            error={main ? errors.serviceKind : undefined}
          />
          <SelectField
            name="kommunenummer"
            label={`${labels.kommunenummer} (${t("form.optional")})`}
            options={kommuneOptions}
            placeholder={t("evaluations.field.choose")}
            defaultValue={v("kommunenummer", project.kommunenummer)}
            error={main ? errors.kommunenummer : undefined}
          />
          <TextField name="purpose" label={labels.purpose} multiline maxLength={purposeMax} defaultValue={v("purpose", project.purpose)} error={main ? errors.purpose : undefined} />
          <TextField
            name="questions"
            label={labels.questions}
            description={t("evaluations.field.questions_help")}
            multiline
            maxLength={purposeMax}
            defaultValue={v("questions", project.questions)}
            error={main ? errors.questions : undefined}
          />
          <TextField name="periodStart" type="date" label={labels.periodStart} required defaultValue={v("periodStart", project.periodStart)} error={main ? errors.periodStart : undefined} />
          <TextField name="periodEnd" type="date" label={labels.periodEnd} defaultValue={v("periodEnd", project.periodEnd)} error={main ? errors.periodEnd : undefined} />
          <TextField name="agreementDate" type="date" label={labels.agreementDate} defaultValue={v("agreementDate", project.agreementDate)} error={main ? errors.agreementDate : undefined} />
          <TextField
            name="agreementText"
            label={labels.agreementText}
            description={t("evaluations.field.agreement_text_help")}
            multiline
            maxLength={agreementMax}
            defaultValue={v("agreementText", project.agreementText)}
            error={main ? errors.agreementText : undefined}
          />
          <TextField
            name="dialogueConferenceDate"
            type="date"
            label={labels.dialogueConferenceDate}
            defaultValue={v("dialogueConferenceDate", project.dialogueConferenceDate)}
            error={main ? errors.dialogueConferenceDate : undefined}
          />
          <TextField
            name="k"
            label={labels.k}
            description={t("evaluations.field.k_help", {
              min: minK,
              max: maxK,
            })}
            required
            defaultValue={v("k", String(project.k))}
            error={main ? errors.k : undefined}
          />
          <TextField
            name="listedNames"
            label={labels.listedNames}
            description={t("evaluations.field.listed_names_help")}
            multiline
            defaultValue={main && values.listedNames !== undefined ? values.listedNames : project.listedNames.join("\n")}
            error={main ? errors.listedNames : undefined}
          />
          <div className="kp-actions">
            <Button type="submit" name="intent" value="save">
              {t("form.save")}
            </Button>
          </div>
        </Form>
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="edit-directory">
        <Heading level={2} data-size="md" id="edit-directory">
          {t("evaluations.edit.directory")}
        </Heading>
        <Paragraph>{t("evaluations.edit.directory_intro")}</Paragraph>
        <Form method="get" className="kp-stack">
          <TextField name="finn" idPrefix="search" label={t("evaluations.edit.directory_search")} defaultValue={query} markOptional={false} />
          <div>
            <Button type="submit" variant="secondary">
              {t("evaluations.edit.directory_submit")}
            </Button>
          </div>
        </Form>
        {query ? (
          found.length === 0 ? (
            <Paragraph role="status">{t("evaluations.edit.directory_none", { query })}</Paragraph>
          ) : (
            <ul className="kp-stack" aria-label={t("evaluations.edit.directory_results")}>
              {found.map((s) => (
                <li key={s.id}>
                  <Form method="post" className="kp-actions">
                    <CsrfField />
                    <input type="hidden" name="serviceId" value={s.id} />
                    <span>
                      {s.name}
                      {s.alternateName && s.alternateName !== s.name ? ` – ${s.alternateName}` : ""} ({s.organization})
                    </span>
                    <Button
                      type="submit"
                      name="intent"
                      value="pick_service"
                      variant="secondary"
                      data-size="sm"
                      aria-label={t("evaluations.edit.directory_pick_named", {
                        name: s.name,
                      })}
                    >
                      {t("evaluations.edit.directory_pick")}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      <section className="kp-stack kp-narrow" aria-labelledby="edit-sites">
        <Heading level={2} data-size="md" id="edit-sites">
          {t("evaluations.edit.sites")}
        </Heading>
        <Paragraph>{t("evaluations.edit.sites_intro")}</Paragraph>
        {sites.length === 0 ? <Paragraph>{t("evaluations.overview.no_sites")}</Paragraph> : null}
        <ul className="kp-stack">
          {sites.map((s) => {
            const mine = values.siteId === s.id;
            return (
              <li key={s.id}>
                <Form method="post" className="kp-stack">
                  <CsrfField />
                  <input type="hidden" name="siteId" value={s.id} />
                  <TextField
                    name="name"
                    idPrefix={`site-${s.id}`}
                    label={t("evaluations.edit.site_name_for", {
                      name: s.name,
                    })}
                    required
                    maxLength={siteNameMax}
                    defaultValue={mine && values.name !== undefined ? values.name : s.name}
                    error={mine ? (errors.name ?? errors[`site-${s.id}`]) : undefined}
                  />
                  <div className="kp-actions">
                    <Button type="submit" name="intent" value="rename_site" variant="secondary" data-size="sm">
                      {t("evaluations.edit.site_rename")}
                    </Button>
                    {s.used ? (
                      <Paragraph data-size="sm">{t("evaluations.edit.site_in_use")}</Paragraph>
                    ) : (
                      <Button type="submit" name="intent" value="remove_site" variant="tertiary" data-color="danger" data-size="sm">
                        {t("evaluations.edit.site_remove")}
                      </Button>
                    )}
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
        <Form method="post" className="kp-stack" noValidate>
          <CsrfField />
          <TextField
            name="name"
            idPrefix="new-site"
            label={t("evaluations.edit.site_new")}
            required
            maxLength={siteNameMax}
            defaultValue={values.intent === "add_site" ? values.name : undefined}
            error={values.intent === "add_site" ? errors.name : undefined}
          />
          <div>
            <Button type="submit" name="intent" value="add_site" variant="secondary">
              {t("evaluations.edit.site_add")}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
