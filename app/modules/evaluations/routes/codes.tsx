import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Details, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/codes";
import "~/modules/evaluations/i18n/register";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formValues, parseForm } from "~/lib/forms";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { addCode, addShippedCodes, listCodes, renameCode, setCodeArchived } from "../analysis.server";
import { projectHeader } from "../sessions.server";
import { codeSchema } from "../sessions.forms";
import { ProjectNav } from "../components/project-nav";

export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "evaluations.codes.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const { access, codes } = await guard(() => listCodes(db, user.actor, params.projectId));
  return { project: projectHeader(access), codes };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const { lang } = getRequestState(context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const here = `/evalueringer/${params.projectId}/koder`;
  const values = formValues(formData);
  if (intent === "shipped") {
    await guard(() => addShippedCodes(db, user.actor, params.projectId, lang));
    return redirect(`${here}?lagret=1`);
  }
  if (intent === "add" || intent === "rename") {
    const parsed = parseForm(codeSchema, formData);
    if (!parsed.ok) return data({ ...parsed, values }, { status: 400 });
    let result;
    if (intent === "add") result = await guard(() => addCode(db, user.actor, params.projectId, parsed.data));
    else {
      const codeId = String(formData.get("codeId") ?? "");
      if (!uuidPattern.test(codeId)) notFound();
      result = await guard(() => renameCode(db, user.actor, params.projectId, codeId, parsed.data));
    }
    if (!result.ok) return data({ ok: false as const, errors: { name: result.error } as Record<string, MessageKey>, values }, { status: 409 });
    return redirect(`${here}?lagret=1#kode-${result.id}`);
  }
  if (intent === "archive" || intent === "restore") {
    const codeId = String(formData.get("codeId") ?? "");
    if (!uuidPattern.test(codeId)) notFound();
    await guard(() => setCodeArchived(db, user.actor, params.projectId, codeId, intent === "archive"));
    return redirect(`${here}?lagret=1#kode-${codeId}`);
  }
  return data({ ok: false as const, errors: {} as Record<string, MessageKey>, values, formError: "error.invalid" as MessageKey }, { status: 400 });
}

export default function Codes() {
  const t = useT();
  const { project, codes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const failed = result && !result.ok ? result : undefined;
  const failedFor = failed?.values.intent === "rename" ? failed.values.codeId : failed?.values.intent === "add" ? "new" : undefined;
  const labels = { name: t("evaluations.codes.field.name"), description: t("evaluations.codes.field.description") };
  const shippedMissing = !codes.some((c) => c.shippedId);
  return (
    <div className="kp-stack">
      <ProjectNav project={project} />
      <Heading level={1} data-size="lg">
        {t("evaluations.codes.title")}
      </Heading>
      <Paragraph>{t("evaluations.codes.intro")}</Paragraph>
      <Paragraph data-size="sm">
        <AppLink to={`/evalueringer/${project.id}/analyse`}>{t("evaluations.coding.back")}</AppLink>
      </Paragraph>
      {params.get("lagret") ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.codes.saved")}</Paragraph>
        </Alert>
      ) : null}
      {failed ? (
        <FormErrorSummary errors={failed.errors} formError={"formError" in failed ? (failed.formError as MessageKey) : undefined} labels={labels} idPrefix={failedFor ? `code-${failedFor}` : "field"} />
      ) : null}
      {shippedMissing ? (
        <Form method="post" className="kp-stack">
          <CsrfField />
          <Paragraph>{t("evaluations.codes.shipped_intro")}</Paragraph>
          <div>
            <Button type="submit" name="intent" value="shipped" variant="secondary">
              {t("evaluations.codes.add_shipped")}
            </Button>
          </div>
        </Form>
      ) : null}
      <ul className="kp-stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {codes.map((c) => {
          const own = failedFor === c.id ? failed : undefined;
          return (
            <li key={c.id} id={`kode-${c.id}`} className="kp-question kp-stack">
              <Heading level={2} data-size="sm">
                {c.name} {c.archived ? <Tag data-color="neutral">{t("evaluations.codes.archived")}</Tag> : null}
              </Heading>
              {c.description ? <Paragraph>{c.description}</Paragraph> : null}
              <Paragraph data-size="sm" className="kp-muted">
                {t("evaluations.codes.statements", { count: c.statements })}
              </Paragraph>
              <Details defaultOpen={own ? true : undefined}>
                <Details.Summary>{t("evaluations.codes.edit", { name: c.name })}</Details.Summary>
                <Details.Content>
                  <Form method="post" className="kp-stack kp-narrow" noValidate>
                    <CsrfField />
                    <input type="hidden" name="codeId" value={c.id} />
                    <TextField name="name" idPrefix={`code-${c.id}`} label={labels.name} required defaultValue={own ? own.values.name : c.name} error={own?.errors.name} />
                    <TextField
                      name="description"
                      idPrefix={`code-${c.id}`}
                      multiline
                      label={labels.description}
                      defaultValue={own ? own.values.description : c.description}
                      error={own?.errors.description}
                    />
                    <div className="kp-actions">
                      <Button type="submit" name="intent" value="rename" variant="secondary" data-size="sm">
                        {t("evaluations.codes.save")}
                      </Button>
                    </div>
                  </Form>
                </Details.Content>
              </Details>
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="codeId" value={c.id} />
                <Button type="submit" name="intent" value={c.archived ? "restore" : "archive"} variant="tertiary" data-size="sm">
                  {c.archived ? t("evaluations.codes.restore", { name: c.name }) : t("evaluations.codes.archive", { name: c.name })}
                </Button>
              </Form>
            </li>
          );
        })}
      </ul>
      <section className="kp-stack kp-narrow" aria-labelledby="ny-kode">
        <Heading level={2} data-size="md" id="ny-kode">
          {t("evaluations.codes.add_title")}
        </Heading>
        <Form method="post" className="kp-stack" noValidate>
          <CsrfField />
          <TextField name="name" idPrefix="code-new" label={labels.name} required defaultValue={failedFor === "new" ? failed?.values.name : undefined} error={failedFor === "new" ? failed?.errors.name : undefined} />
          <TextField
            name="description"
            idPrefix="code-new"
            multiline
            label={labels.description}
            description={t("evaluations.codes.description_hint")}
            defaultValue={failedFor === "new" ? failed?.values.description : undefined}
            error={failedFor === "new" ? failed?.errors.description : undefined}
          />
          <div className="kp-actions">
            <Button type="submit" name="intent" value="add">
              {t("evaluations.codes.add")}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
