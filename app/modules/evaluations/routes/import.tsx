import { data, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Field, Heading, Input, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/import";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard, uuidPattern } from "~/lib/route-helpers.server";
import type { MessageKey } from "~/i18n/i18n";
import { CsrfField, FormErrorSummary, SelectField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { uploadTooLargeHeader } from "~/modules/offers/import.server";
import { findProjectAccess } from "../access.server";
import { importArchive, importTargets, type ArchiveProblem } from "../archive.server";
import { archiveLimits } from "../archive.forms";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.archive.import.title");

const maxMb = archiveLimits.bytes / 1_000_000;

/** /evalueringer/importer — read a project archive into a centre the person coordinates (`evaluation.import`). */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { db } = getServices();
  const targets = await guard(() => importTargets(db, user.actor));
  // After an import: the new project, when the person can see it (they lead it).
  const imported = new URL(request.url).searchParams.get("importert");
  const access = imported && uuidPattern.test(imported) ? await findProjectAccess(db, user.actor, imported) : null;
  const body = { centres: targets.map((c) => ({ value: c.id, label: c.name })), imported: access ? { id: access.project.id, title: access.project.title } : null, tooLarge: false };
  if (request.headers.get(uploadTooLargeHeader) === "1") return data({ ...body, tooLarge: true }, { status: 413 });
  return body;
}

type ActionResult = { errors: Partial<Record<"centreId" | "file", MessageKey>>; problems?: ArchiveProblem[]; centreId: string };

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const { db } = getServices();
  const state = getRequestState(context);
  const targets = await guard(() => importTargets(db, user.actor));
  const formData = await request.formData();
  const centreId = String(formData.get("centreId") ?? "");
  const file = formData.get("file");
  const errors: ActionResult["errors"] = {};
  if (!targets.some((c) => c.id === centreId)) errors.centreId = "evaluations.archive.error.no_centre";
  if (!file || typeof file === "string" || file.size === 0) errors.file = "evaluations.archive.error.no_file";
  else if (file.size > archiveLimits.bytes) errors.file = "evaluations.archive.error.too_big";
  if (errors.centreId || errors.file) return data({ errors, centreId } satisfies ActionResult, { status: errors.file === "evaluations.archive.error.too_big" ? 413 : 400 });
  const text = await (file as File).text();
  const result = await guard(() => importArchive(db, user.actor, { centreId, text }, { lang: state.lang, requestId: state.requestId }));
  if (!result.ok) return data({ errors: {}, problems: result.problems, centreId } satisfies ActionResult, { status: 400 });
  return redirect(`/evalueringer/importer?importert=${result.projectId}`);
}

export default function ImportArchive() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const errors = result?.errors ?? {};
  const fieldErrors = Object.fromEntries(Object.entries(errors).filter(([, v]) => v)) as Record<string, MessageKey>;
  return (
    <div className="kp-stack kp-narrow">
      <Heading level={1} data-size="lg">
        {t("evaluations.archive.import.title")}
      </Heading>
      {d.imported ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.archive.import.done", { title: d.imported.title })}</Paragraph>
          <Paragraph>
            <AppLink to={`/evalueringer/${d.imported.id}`}>{t("evaluations.archive.import.open")}</AppLink>
          </Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("evaluations.archive.import.intro")}</Paragraph>
      <Paragraph>{t("evaluations.archive.import.holds")}</Paragraph>
      {d.tooLarge ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t("evaluations.archive.error.too_big", { max: maxMb })}</Paragraph>
        </Alert>
      ) : null}
      <FormErrorSummary
        errors={fieldErrors}
        labels={{ centreId: t("evaluations.archive.import.centre"), file: t("evaluations.archive.import.file") }}
        params={{ max: maxMb }}
      />
      {result?.problems ? (
        <Alert data-color="danger" role="alert" data-testid="archive-problems">
          <Heading level={2} data-size="xs">
            {t("evaluations.archive.import.problems")}
          </Heading>
          <Paragraph>{t("evaluations.archive.import.problems_intro")}</Paragraph>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>
                {p.where ? (
                  <span>
                    {p.part
                      ? t("evaluations.archive.import.where_part", { part: t(p.part.key, { n: p.part.n }), where: p.where })
                      : t("evaluations.archive.import.where", { where: p.where })}{" "}
                  </span>
                ) : null}
                {t(p.message, p.values)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <form method="post" encType="multipart/form-data" className="kp-stack">
        <CsrfField />
        <SelectField
          name="centreId"
          label={t("evaluations.archive.import.centre")}
          options={d.centres}
          placeholder={t("evaluations.archive.import.choose_centre")}
          defaultValue={result?.centreId ?? (d.centres.length === 1 ? d.centres[0]!.value : "")}
          error={errors.centreId}
        />
        <Field>
          <Label htmlFor="field-file">{t("evaluations.archive.import.file")}</Label>
          <Paragraph data-size="sm" id="field-file-help">
            {t("evaluations.archive.import.file_help", { max: maxMb })}
          </Paragraph>
          <Input
            type="file"
            id="field-file"
            name="file"
            accept="application/json,.json"
            aria-describedby={errors.file ? "field-file-help field-file-error" : "field-file-help"}
            aria-invalid={errors.file ? true : undefined}
          />
          {errors.file ? <ValidationMessage id="field-file-error">{t(errors.file, { max: maxMb })}</ValidationMessage> : null}
        </Field>
        <Button type="submit">{t("evaluations.archive.import.submit")}</Button>
      </form>
    </div>
  );
}
