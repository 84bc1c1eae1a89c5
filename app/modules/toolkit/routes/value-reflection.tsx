import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Table, ValidationMessage } from "@digdir/designsystemet-react";
import { ConflictNotice } from "../components/toolkit-chrome";
import type { Route } from "./+types/value-reflection";
import { getRequestState, requireUser } from "~/lib/request.server";
import { CsrfField, FormErrorSummary, TextField } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { valueText } from "../content/content";
import type { MessageKey } from "~/i18n/i18n";
import { maxAnswer, valueReflectionBody, valuesSortBody, type ValueReflection } from "../toolkit.forms";
import { bodyDigest, myEntries, saveIfChanged } from "../toolkit.server";
import { blankAsEmpty, parseIntent, reflectionKey } from "../toolkit";
import { maxTop } from "../values";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.reflection.title");

async function chosenValues(store: Parameters<typeof myEntries>[0], actor: Parameters<typeof myEntries>[1]) {
  const entries = await myEntries(store, actor, ["values", "value_reflection"]);
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
  const { latest, reflections } = await chosenValues(toolkitStore(context), user.actor);
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
        shown: bodyDigest(reflectionKey(body ?? { meaning: "", livingBy: null, obstacles: "", step: "" })),
        updatedAt: entry?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

type Draft = { id: string; meaning: string; livingBy: string; obstacles: string; step: string; rev: number | null; was: string | null };
type Theirs = { body: ValueReflection; revision: number } | null;

const textFields = ["meaning", "obstacles", "step"] as const;

/**
 * One form for all the values (issue 11, item 2): every button sends every value's reflection, and
 * "Lagre svarene" saves each one the person changed (an unchanged one gets no new version). Fields per place
 * in the ranking (the URL and the field names never name a value): `value-<n>` (which value), `meaning-<n>`,
 * `livingBy-<n>`, `obstacles-<n>`, `step-<n>`, `rev-<n>`, `was-<n>`, `force-<n>`.
 */
export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const store = toolkitStore(context);
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : null;
  };
  const { target } = parseIntent(formData.get("intent"));
  // The values the person has chosen in any sort: a reflection typed before a new sort was finished elsewhere is kept too.
  const sorts = (await myEntries(store, user.actor, ["values"])).map((e) => valuesSortBody.parse(e.body));
  const chosen = new Set(sorts.flatMap((s) => s.top));
  const errors: Record<string, MessageKey> = {};
  const drafts: Record<string, Draft> = {};
  const answers: { rank: string; id: string; body: ValueReflection; draft: Draft; force: boolean }[] = [];
  for (let n = 1; n <= maxTop; n++) {
    const id = field(`value-${n}`);
    if (id === null || !chosen.has(id)) continue;
    const rev = Number(field(`rev-${n}`) ?? "");
    const draft: Draft = {
      id,
      meaning: (field(`meaning-${n}`) ?? "").slice(0, 100_000),
      livingBy: field(`livingBy-${n}`) ?? "",
      obstacles: (field(`obstacles-${n}`) ?? "").slice(0, 100_000),
      step: (field(`step-${n}`) ?? "").slice(0, 100_000),
      rev: Number.isInteger(rev) && rev >= 1 ? rev : null,
      was: field(`was-${n}`),
    };
    drafts[String(n)] = draft;
    for (const name of textFields) if (draft[name].length > maxAnswer) errors[`${name}-${n}`] = "error.too_long";
    const living = draft.livingBy === "" ? null : Number(draft.livingBy);
    if (living !== null && !(Number.isInteger(living) && living >= 0 && living <= 10)) errors[`livingBy-${n}`] = "error.invalid";
    answers.push({
      rank: String(n),
      id,
      draft,
      force: field(`force-${n}`) === "1",
      body: { meaning: blankAsEmpty(draft.meaning), livingBy: living, obstacles: blankAsEmpty(draft.obstacles), step: blankAsEmpty(draft.step) },
    });
  }
  if (Object.keys(errors).length) return data({ ok: false as const, errors, drafts }, { status: 400 });
  const saved: string[] = [];
  const conflicts: Record<string, Theirs> = {};
  for (const a of answers) {
    const result = await saveIfChanged(store, user.actor, {
      tool: "value_reflection",
      ref: a.id,
      body: a.body,
      baseRevision: a.draft.rev,
      force: a.force,
      started: a.draft.was,
      key: reflectionKey,
      empty: (b) => reflectionKey(b) === emptyKey,
    });
    if (result.status === "saved") saved.push(a.rank);
    if (result.status === "conflict") conflicts[a.rank] = result.conflict ? { body: valueReflectionBody.parse(result.conflict.body), revision: result.conflict.revision } : null;
  }
  if (Object.keys(conflicts).length) return { ok: true as const, drafts, conflicts, saved };
  // The URL names places in the ranking, never a value (browser history on a shared device).
  const anchor = saved.includes(target) || !saved.length ? target : saved[0];
  const query = saved.length ? `?lagret=${saved.join(".")}` : /^\d+$/.test(target) ? `?uendret=${target}` : "";
  return redirect(`/verktoy/verdier/refleksjon${query}${/^\d+$/.test(anchor ?? "") ? `#value-${anchor}` : ""}`);
}

const emptyKey = reflectionKey({ meaning: "", livingBy: null, obstacles: "", step: "" });

const scale = Array.from({ length: 11 }, (_, i) => i);

export default function ValueReflectionPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, MessageKey> = result && !result.ok ? result.errors : {};
  const stay = result?.ok ? result : undefined;
  const savedNow = new Set(stay?.saved ?? params.get("lagret")?.split(".") ?? []);
  const unchanged = params.get("uendret");
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
  const labels: Record<string, string> = {};
  for (const v of d.values) {
    labels[`meaning-${v.rank}`] = `${v.name}: ${t("toolkit.reflection.meaning")}`;
    labels[`livingBy-${v.rank}`] = `${v.name}: ${t("toolkit.reflection.living_by")}`;
    labels[`obstacles-${v.rank}`] = `${v.name}: ${t("toolkit.reflection.obstacles")}`;
    labels[`step-${v.rank}`] = `${v.name}: ${t("toolkit.reflection.step")}`;
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

      <form method="post" className="kp-stack" noValidate>
        <CsrfField />
        <FormErrorSummary errors={errors} labels={labels} idPrefix="value" />
        {d.values.map((v) => {
          const n = v.rank;
          const prefix = `value-${n}`;
          const theirs = stay?.conflicts[String(n)];
          const inConflict = stay !== undefined && String(n) in stay.conflicts;
          // What the person typed comes back after an error (nothing was saved) and for a reflection in conflict,
          // with what the form started from (revision, digest), so the next save treats it as the first would have.
          const draft = result && (!result.ok || inConflict) ? result.drafts[String(n)] : undefined;
          const own = draft && draft.id === v.id ? draft : undefined;
          const current = own
            ? { meaning: own.meaning, obstacles: own.obstacles, step: own.step, livingBy: own.livingBy }
            : { meaning: v.reflection?.meaning ?? "", obstacles: v.reflection?.obstacles ?? "", step: v.reflection?.step ?? "", livingBy: v.reflection?.livingBy === null || v.reflection?.livingBy === undefined ? "" : String(v.reflection.livingBy) };
          const rev = inConflict ? (theirs?.revision ?? "") : own ? (own.rev ?? "") : (v.revision ?? "");
          return (
            <section key={v.id} id={prefix} className="kp-stack kp-question" aria-labelledby={`${prefix}-heading`}>
              <Heading level={2} data-size="sm" id={`${prefix}-heading`}>
                {v.rank}. {v.name}
              </Heading>
              {v.meaning ? <Paragraph className="kp-muted">{v.meaning}</Paragraph> : null}
              {savedNow.has(String(n)) ? (
                <Alert data-color="success" role="status">
                  <Paragraph>{t("toolkit.card.saved")}</Paragraph>
                </Alert>
              ) : null}
              {unchanged === String(n) ? (
                <Alert data-color="info" role="status">
                  <Paragraph>{t("toolkit.card.unchanged")}</Paragraph>
                </Alert>
              ) : null}
              {inConflict ? <ConflictNotice headingLevel={3} theirs={theirs?.body.meaning} /> : null}
              <input type="hidden" name={`value-${n}`} value={v.id} />
              <input type="hidden" name={`rev-${n}`} value={rev} />
              <input type="hidden" name={`was-${n}`} value={own?.was ?? v.shown} />
              {inConflict ? <input type="hidden" name={`force-${n}`} value="1" /> : null}
              <TextField
                name={`meaning-${n}`}
                multiline
                idPrefix="value"
                label={t("toolkit.reflection.meaning")}
                defaultValue={current.meaning}
                maxLength={maxAnswer}
                error={errors[`meaning-${n}`]}
                markOptional={false}
              />
              <Field>
                <Label htmlFor={`value-livingBy-${n}`}>{t("toolkit.reflection.living_by")}</Label>
                <Field.Description id={`value-livingBy-${n}-desc`}>{t("toolkit.reflection.living_by_help")}</Field.Description>
                <Select
                  id={`value-livingBy-${n}`}
                  name={`livingBy-${n}`}
                  defaultValue={current.livingBy}
                  aria-describedby={[`value-livingBy-${n}-desc`, errors[`livingBy-${n}`] ? `value-livingBy-${n}-error` : ""].filter(Boolean).join(" ")}
                  aria-invalid={errors[`livingBy-${n}`] ? true : undefined}
                >
                  <Select.Option value="">{t("toolkit.reflection.not_set")}</Select.Option>
                  {scale.map((x) => (
                    <Select.Option key={x} value={String(x)}>
                      {x}
                    </Select.Option>
                  ))}
                </Select>
                {errors[`livingBy-${n}`] ? <ValidationMessage id={`value-livingBy-${n}-error`}>{t(errors[`livingBy-${n}`]!)}</ValidationMessage> : null}
              </Field>
              <TextField
                name={`obstacles-${n}`}
                multiline
                idPrefix="value"
                label={t("toolkit.reflection.obstacles")}
                defaultValue={current.obstacles}
                maxLength={maxAnswer}
                error={errors[`obstacles-${n}`]}
                markOptional={false}
              />
              <TextField
                name={`step-${n}`}
                multiline
                idPrefix="value"
                label={t("toolkit.reflection.step")}
                defaultValue={current.step}
                maxLength={maxAnswer}
                error={errors[`step-${n}`]}
                markOptional={false}
              />
              <div className="kp-actions">
                <Button type="submit" name="intent" value={`save:${n}`}>
                  {inConflict ? t("toolkit.conflict.keep_mine") : t("toolkit.card.save_all")}
                </Button>
              </div>
            </section>
          );
        })}
      </form>
    </div>
  );
}
