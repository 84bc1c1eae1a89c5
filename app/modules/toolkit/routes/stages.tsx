import { redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Field, Fieldset, Heading, Input, Label, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import { z } from "zod";
import { Flash } from "../components/toolkit-chrome";
import { toItemView } from "../item-view.server";
import { StageChange, type ItemView } from "../components/item-view";
import type { Route } from "./+types/stages";
import { getRequestState, requireUser } from "~/lib/request.server";
import { formValues, parseForm } from "~/lib/forms";
import { invalid } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, SelectField, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { lifeAreas, stages } from "../content/stages";
import { maxAnswer, stagePlacementBody } from "../toolkit.forms";
import { addEntry, deleteEntry, myEntries } from "../toolkit.server";
import { areaIds, current, stageIds } from "../stages";
import { blankAsEmpty, parseIntent } from "../toolkit";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.stages.title");

const placementForm = z.object({
  // The select's first option ("life as a whole") sends "".
  area: z
    .string()
    .optional()
    .transform((v) => v || "overall")
    .refine((v) => areaIds.includes(v), "error.invalid"),
  stage: z.string({ error: "toolkit.stages.error_stage" }).refine((v) => stageIds.includes(v), "toolkit.stages.error_stage"),
  note: z.string().max(maxAnswer, "error.too_long").optional().default(""),
});

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const entries = await myEntries(toolkitStore(context), user.actor, ["stages"]);
  const placements = entries.map((e) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    ...stagePlacementBody.parse(e.body),
  }));
  const areaName = (id: string) => (id === "overall" ? null : (lifeAreas.find((a) => a.id === id)?.name[lang] ?? id));
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name[lang] ?? id;
  const now = current(placements);
  return {
    stages: stages.map((s) => ({
      id: s.id,
      name: s.name[lang],
      description: s.description[lang],
    })),
    areas: lifeAreas.map((a) => ({ value: a.id, label: a.name[lang] })),
    current: Object.entries(now).map(([area, stage]) => ({
      area: areaName(area),
      stage: stageName(stage),
    })),
    // The same timeline Min mappe and a peer worker see.
    timeline: (toItemView(lang, "stages", entries) as Extract<ItemView, { kind: "stages" }>).timeline,
  };
}

/**
 * The placement form and the timeline's delete buttons are one form (the buttons join it with `form=`), so
 * deleting never throws away what was typed (issue 11, item 2); deleting asks first (item 3).
 */
export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const store = toolkitStore(context);
  const { kind, target } = parseIntent(formData.get("intent"));
  const values = formValues(formData);
  delete values.intent;
  const typed = Boolean(values.stage) || (values.note ?? "").trim() !== "";
  if (kind === "ask-delete") return { ok: true as const, values, confirm: target };
  if (kind === "delete" || kind === "cancel") {
    if (kind === "delete") await deleteEntry(store, user.actor, target || String(formData.get("entryId") ?? ""));
    if (typed) return { ok: true as const, values, confirm: null, deleted: kind === "delete" };
    return redirect(kind === "delete" ? "/verktoy/stadier?slettet=1#timeline-heading" : "/verktoy/stadier#timeline-heading");
  }
  const parsed = parseForm(placementForm, formData);
  if (!parsed.ok) return invalid(parsed);
  await addEntry(store, user.actor, "stages", {
    area: parsed.data.area,
    stage: parsed.data.stage,
    note: blankAsEmpty(parsed.data.note),
  });
  return redirect("/verktoy/stadier?lagret=1");
}

export default function Stages() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { errors } = useFormState(result);
  const values: Record<string, string> = result?.values ?? {};
  const confirm = result?.ok ? result.confirm : null;
  const deletedNow = result?.ok && "deleted" in result && result.deleted;
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.stages.title")}
      </Heading>
      <Paragraph>{t("toolkit.stages.intro")}</Paragraph>
      <Flash param="lagret">{t("toolkit.stages.saved")}</Flash>
      <Flash param="slettet">{t("toolkit.stages.deleted")}</Flash>
      {deletedNow ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("toolkit.stages.deleted")}</Paragraph>
        </Alert>
      ) : null}
      {d.current.length ? (
        <section className="kp-stack" aria-labelledby="now-heading">
          <Heading level={2} data-size="md" id="now-heading">
            {t("toolkit.stages.now")}
          </Heading>
          <ul>
            {d.current.map((c) => (
              <li key={c.area ?? "overall"}>
                <strong>{c.area ?? t("toolkit.stages.overall")}:</strong> {c.stage}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="kp-stack kp-narrow" aria-labelledby="place-heading">
        <Heading level={2} data-size="md" id="place-heading">
          {t("toolkit.stages.place")}
        </Heading>
        <form method="post" className="kp-stack" noValidate id="stage-form">
          <CsrfField />
          <FormErrorSummary
            errors={errors}
            labels={{
              area: t("toolkit.stages.area"),
              stage: t("toolkit.stages.stage"),
              note: t("toolkit.stages.note"),
            }}
          />
          <SelectField
            name="area"
            label={t("toolkit.stages.area")}
            options={d.areas}
            placeholder={t("toolkit.stages.overall")}
            defaultValue={values.area === "overall" ? "" : values.area}
            error={errors.area}
          />
          <Fieldset id="field-stage" aria-describedby={errors.stage ? "field-stage-error" : undefined}>
            <Fieldset.Legend>{t("toolkit.stages.stage")}</Fieldset.Legend>
            {d.stages.map((s) => (
              <Field key={s.id} position="start">
                <Input type="radio" id={`stage-${s.id}`} name="stage" value={s.id} defaultChecked={values.stage === s.id} />
                <Label htmlFor={`stage-${s.id}`}>{s.name}</Label>
                <Field.Description>{s.description}</Field.Description>
              </Field>
            ))}
            {errors.stage ? (
              <ValidationMessage id="field-stage-error">{t(errors.stage)}</ValidationMessage>
            ) : null}
          </Fieldset>
          <TextField name="note" multiline label={t("toolkit.stages.note")} defaultValue={values.note} maxLength={maxAnswer} error={errors.note} />
          <div className="kp-actions">
            <Button type="submit" name="intent" value="save">
              {t("toolkit.stages.save")}
            </Button>
          </div>
        </form>
      </section>
      {d.timeline.length ? (
        <section className="kp-stack" aria-labelledby="timeline-heading">
          <Heading level={2} data-size="md" id="timeline-heading">
            {t("toolkit.stages.timeline")}
          </Heading>
          <ol className="kp-stack kp-plain-list" data-testid="stage-timeline">
            {d.timeline.map((p) => (
              <li key={p.id} className="kp-place kp-stack">
                <StageChange entry={p} />
                {confirm === p.id ? (
                  <div className="kp-stack kp-delete-zone" data-testid="confirm-delete">
                    <Alert data-color="warning">
                      <Heading level={3} data-size="xs" tabIndex={-1} autoFocus>
                        {t("toolkit.stages.confirm_delete", { date: t.date(p.at) })}
                      </Heading>
                      <Paragraph>{t("toolkit.confirm.cannot_undo_simple")}</Paragraph>
                    </Alert>
                    <div className="kp-actions">
                      <Button type="submit" form="stage-form" name="intent" value={`delete:${p.id}`} data-color="danger" data-size="sm">
                        {t("toolkit.stages.delete_confirm")}
                      </Button>
                      <Button type="submit" form="stage-form" name="intent" value="cancel" variant="secondary" data-size="sm">
                        {t("toolkit.confirm.cancel")}
                      </Button>
                    </div>
                  </div>
                ) : (
                  <div>
                    <Button type="submit" form="stage-form" name="intent" value={`ask-delete:${p.id}`} variant="tertiary" data-size="sm" data-color="danger" aria-label={`${t("toolkit.stages.delete")}: ${t.date(p.at)}`}>
                      {t("toolkit.stages.delete")}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
