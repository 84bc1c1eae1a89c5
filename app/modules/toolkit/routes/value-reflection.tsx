import { redirect, useActionData, useLoaderData } from "react-router";
import { Button, Field, Heading, Label, Link, Paragraph, Select, Table, ValidationMessage } from "@digdir/designsystemet-react";
import { Flash , ConflictNotice } from "../components/toolkit-chrome";
import type { Route } from "./+types/value-reflection";
import { getRequestState, requireUser } from "~/lib/request.server";
import { parseForm, type FormErrors } from "~/lib/forms";
import { invalid, notFound } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { valueText } from "../content/content";
import { maxAnswer, reflectionForm, valueReflectionBody, valuesSortBody, type ValueReflection } from "../toolkit.forms";
import { myEntries, saveEntry } from "../toolkit.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.reflection.title");

async function chosenValues(actor: Parameters<typeof myEntries>[1]) {
  const entries = await myEntries(toolkitStore(), actor, ["values", "value_reflection"]);
  const latest = entries
    .filter((e) => e.tool === "values")
    .map((e) => valuesSortBody.parse(e.body))
    .filter((s) => s.finishedAt)
    .at(-1);
  const reflections = new Map(entries.filter((e) => e.tool === "value_reflection").map((e) => [e.ref, e]));
  return { latest, reflections };
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const { latest, reflections } = await chosenValues(user.actor);
  return {
    values: (latest?.top ?? []).map((id, i) => {
      const entry = reflections.get(id);
      const body = entry ? valueReflectionBody.parse(entry.body) : null;
      return {
        id,
        rank: i + 1,
        ...valueText(lang, id, latest?.own),
        reflection: body,
        revision: entry?.revision ?? null,
        updatedAt: entry?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

type Failed = FormErrors & { value: string };

export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const parsed = parseForm(reflectionForm, formData);
  const value = String(formData.get("value") ?? "");
  if (!parsed.ok) return invalid({ ...parsed, value } as Failed);
  const { latest } = await chosenValues(user.actor);
  if (!latest?.top.includes(parsed.data.value)) notFound();
  const body: ValueReflection = {
    meaning: parsed.data.meaning,
    livingBy: parsed.data.livingBy,
    obstacles: parsed.data.obstacles,
    step: parsed.data.step,
  };
  const saved = await saveEntry(toolkitStore(), user.actor, {
    tool: "value_reflection",
    ref: parsed.data.value,
    body,
    baseRevision: parsed.data.baseRevision,
    force: Boolean(parsed.data.force),
  });
  if (!saved.ok) {
    return {
      conflict: true as const,
      value,
      mine: body,
      revision: saved.conflict?.revision ?? null,
      theirs: saved.conflict ? valueReflectionBody.parse(saved.conflict.body) : null,
    };
  }
  // The URL names the value's place in the ranking, never the value itself (browser history on a shared device).
  const rank = latest.top.indexOf(parsed.data.value) + 1;
  return redirect(`/verktoy/verdier/refleksjon?lagret=${rank}#value-${rank}`);
}

const scale = Array.from({ length: 11 }, (_, i) => i);

export default function ValueReflectionPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && "errors" in result ? (result as unknown as Failed) : undefined;
  const { errors, values } = useFormState(result);
  const conflict = result && "conflict" in result ? result : undefined;
  if (d.values.length === 0) {
    return (
      <div className="kp-stack">
        <Heading level={1} data-size="lg">
          {t("toolkit.reflection.title")}
        </Heading>
        <Paragraph>{t("toolkit.reflection.no_values")}</Paragraph>
        <Paragraph>
          <Link href="/verktoy/verdier">{t("toolkit.values.title")}</Link>
        </Paragraph>
      </div>
    );
  }
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.reflection.title")}
      </Heading>
      <Paragraph>{t("toolkit.reflection.intro")}</Paragraph>

      <section className="kp-stack" aria-labelledby="overview-heading">
        <Heading level={2} data-size="md" id="overview-heading">
          {t("toolkit.reflection.overview")}
        </Heading>
        <TableWrap label={t("toolkit.reflection.overview")}>
          <Table data-testid="living-by">
            <caption className="kp-muted">{t("toolkit.reflection.overview_caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("toolkit.reflection.rank")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.reflection.value")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.reflection.living_by")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.values.map((v) => (
                <Table.Row key={v.id}>
                  <Table.Cell>{v.rank}</Table.Cell>
                  <Table.Cell>{v.name}</Table.Cell>
                  <Table.Cell>
                    {v.reflection && v.reflection.livingBy !== null ? (
                      <span className="kp-bar-cell">
                        <span className="kp-bar" aria-hidden="true">
                          <span
                            style={{
                              width: `${(v.reflection.livingBy ?? 0) * 10}%`,
                            }}
                          />
                        </span>
                        {t("toolkit.reflection.of_ten", {
                          n: v.reflection.livingBy ?? 0,
                        })}
                      </span>
                    ) : (
                      <span className="kp-muted">{t("toolkit.reflection.not_set")}</span>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      </section>

      {d.values.map((v) => {
        const prefix = `value-${v.rank}`;
        const isFailed = failed?.value === v.id;
        const isConflict = conflict?.value === v.id;
        const typed = isConflict
          ? conflict.mine
          : isFailed
            ? {
                meaning: values.meaning,
                obstacles: values.obstacles,
                step: values.step,
                livingBy: values.livingBy === undefined || values.livingBy === "" ? null : Number(values.livingBy),
              }
            : undefined;
        const current = typed ?? v.reflection;
        return (
          <section key={v.id} id={prefix} className="kp-stack kp-question" aria-labelledby={`${prefix}-heading`}>
            <Heading level={2} data-size="sm" id={`${prefix}-heading`}>
              {v.rank}. {v.name}
            </Heading>
            {v.meaning ? <Paragraph className="kp-muted">{v.meaning}</Paragraph> : null}
            <Flash param="lagret" value={String(v.rank)}>{t("toolkit.card.saved")}</Flash>
            {isConflict ? (
              <ConflictNotice headingLevel={3} theirs={conflict.theirs?.meaning} />
            ) : null}
            {isFailed ? (
              <FormErrorSummary
                errors={errors}
                labels={{
                  meaning: t("toolkit.reflection.meaning"),
                  livingBy: t("toolkit.reflection.living_by"),
                  obstacles: t("toolkit.reflection.obstacles"),
                  step: t("toolkit.reflection.step"),
                }}
                idPrefix={prefix}
              />
            ) : null}
            <form method="post" className="kp-stack" noValidate>
              <CsrfField />
              <input type="hidden" name="value" value={v.id} />
              <input type="hidden" name="baseRevision" value={isConflict ? (conflict.revision ?? "") : (v.revision ?? "")} />
              {isConflict ? <input type="hidden" name="force" value="1" /> : null}
              <TextField
                name="meaning"
                multiline
                idPrefix={prefix}
                label={t("toolkit.reflection.meaning")}
                defaultValue={current?.meaning ?? ""}
                maxLength={maxAnswer}
                error={isFailed ? errors.meaning : undefined}
                markOptional={false}
              />
              <Field>
                <Label htmlFor={`${prefix}-livingBy`}>{t("toolkit.reflection.living_by")}</Label>
                <Field.Description id={`${prefix}-livingBy-desc`}>{t("toolkit.reflection.living_by_help")}</Field.Description>
                <Select
                  id={`${prefix}-livingBy`}
                  name="livingBy"
                  defaultValue={current?.livingBy === null || current?.livingBy === undefined ? "" : String(current.livingBy)}
                  aria-describedby={`${prefix}-livingBy-desc`}
                >
                  <Select.Option value="">{t("toolkit.reflection.not_set")}</Select.Option>
                  {scale.map((n) => (
                    <Select.Option key={n} value={String(n)}>
                      {n}
                    </Select.Option>
                  ))}
                </Select>
                {isFailed && errors.livingBy ? <ValidationMessage>{t(errors.livingBy)}</ValidationMessage> : null}
              </Field>
              <TextField
                name="obstacles"
                multiline
                idPrefix={prefix}
                label={t("toolkit.reflection.obstacles")}
                defaultValue={current?.obstacles ?? ""}
                maxLength={maxAnswer}
                error={isFailed ? errors.obstacles : undefined}
                markOptional={false}
              />
              <TextField
                name="step"
                multiline
                idPrefix={prefix}
                label={t("toolkit.reflection.step")}
                defaultValue={current?.step ?? ""}
                maxLength={maxAnswer}
                error={isFailed ? errors.step : undefined}
                markOptional={false}
              />
              <div className="kp-actions">
                <Button type="submit">{isConflict ? t("toolkit.conflict.keep_mine") : t("toolkit.card.save")}</Button>
              </div>
            </form>
          </section>
        );
      })}
    </div>
  );
}
