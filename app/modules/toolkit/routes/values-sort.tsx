import { redirect, useActionData, useLoaderData } from "react-router";
import { Button, Field, Fieldset, Heading, Input, Label, Paragraph } from "@digdir/designsystemet-react";
import { randomBytes } from "node:crypto";
import type { Route } from "./+types/values-sort";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { parseForm } from "~/lib/forms";
import { CsrfField, FormErrorSummary, TextField, useFormState } from "~/components/form";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { personalValues, valueText } from "../content/content";
import { ownValueForm, pile, type Pile } from "../toolkit.forms";
import { pageCount, pageOf, sortedCount } from "../values";
import { getSort, updateSort } from "../values.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.values.sort_title");

const listIds = personalValues.map((v) => v.id);
const piles: Pile[] = ["very", "important", "not"];

function pageParam(request: Request) {
  const n = Number(new URL(request.url).searchParams.get("side") ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 20 ? n : 1;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const sort = await guard(() => getSort(toolkitStore(context), user.actor, params.sortId));
  const pages = pageCount(listIds, sort.body);
  const page = Math.min(pageParam(request), pages);
  return {
    sortId: params.sortId,
    page,
    pages,
    sorted: sortedCount(listIds, sort.body),
    total: listIds.length + sort.body.own.length,
    values: pageOf(listIds, sort.body, page).map((id) => ({
      id,
      ...valueText(lang, id, sort.body.own),
      pile: sort.body.piles[id] ?? null,
    })),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const store = toolkitStore(context);
  const page = pageParam(request);
  const base = `/verktoy/verdier/${params.sortId}`;
  if (formData.get("intent") === "own") {
    const parsed = parseForm(ownValueForm, formData);
    if (!parsed.ok) return parsed;
    const sort = await guard(() =>
      updateSort(store, user.actor, params.sortId, (s) => {
        const id = `own-${randomBytes(4).toString("hex")}`;
        return {
          ...s,
          own: [...s.own, { id, name: parsed.data.name, meaning: parsed.data.meaning }].slice(0, 30),
          piles: { ...s.piles, [id]: "very" },
        };
      }),
    );
    return redirect(`${base}/sorter?side=${pageCount(listIds, sort.body)}&egen=1#own`);
  }
  // One page of the sort: a radio group per value.
  const chosen: Record<string, Pile> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("pile:") || typeof value !== "string") continue;
    const parsedPile = pile.safeParse(value);
    if (parsedPile.success) chosen[key.slice(5)] = parsedPile.data;
  }
  await guard(() =>
    updateSort(store, user.actor, params.sortId, (s) => ({
      ...s,
      piles: {
        ...s.piles,
        ...Object.fromEntries(Object.entries(chosen).filter(([id]) => listIds.includes(id) || s.own.some((o) => o.id === id))),
      },
    })),
  );
  const go = formData.get("go");
  if (go === "prev") return redirect(`${base}/sorter?side=${Math.max(1, page - 1)}`);
  if (go === "next") return redirect(`${base}/sorter?side=${page + 1}`);
  return redirect(`${base}/velg`);
}

export default function ValuesSortPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { errors, values } = useFormState(useActionData<typeof action>());
  const last = data.page === data.pages;
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.values.sort_title")}
      </Heading>
      <Paragraph>{t("toolkit.values.sort_intro")}</Paragraph>
      <Paragraph data-testid="sort-progress" role="status">
        {t("toolkit.values.progress", {
          page: data.page,
          pages: data.pages,
          sorted: data.sorted,
          total: data.total,
        })}
      </Paragraph>
      <form method="post" action={`?side=${data.page}`} className="kp-stack">
        <CsrfField />
        <ul className="kp-values-grid">
          {data.values.map((v) => (
            <li key={v.id}>
              <Fieldset>
                <Fieldset.Legend>{v.name}</Fieldset.Legend>
                {v.meaning ? <Fieldset.Description>{v.meaning}</Fieldset.Description> : null}
                <div className="kp-pile">
                  {piles.map((p) => (
                    <Field key={p} position="start">
                      <Input type="radio" id={`pile-${v.id}-${p}`} name={`pile:${v.id}`} value={p} defaultChecked={v.pile === p} />
                      <Label htmlFor={`pile-${v.id}-${p}`}>{t(`toolkit.values.pile.${p}` as MessageKey)}</Label>
                    </Field>
                  ))}
                </div>
              </Fieldset>
            </li>
          ))}
        </ul>
        <div className="kp-actions">
          {data.page > 1 ? (
            <Button type="submit" name="go" value="prev" variant="secondary">
              {t("toolkit.values.prev_page")}
            </Button>
          ) : null}
          {!last ? (
            <Button type="submit" name="go" value="next">
              {t("toolkit.values.next_page")}
            </Button>
          ) : null}
          <Button type="submit" name="go" value="choose" variant={last ? "primary" : "tertiary"}>
            {t("toolkit.values.to_choose")}
          </Button>
        </div>
      </form>
      <section id="own" className="kp-stack kp-narrow" aria-labelledby="own-heading">
        <Heading level={2} data-size="sm" id="own-heading">
          {t("toolkit.values.own_title")}
        </Heading>
        <Paragraph data-size="sm">{t("toolkit.values.own_intro")}</Paragraph>
        <form method="post" action={`?side=${data.page}`} className="kp-stack" noValidate>
          <CsrfField />
          <FormErrorSummary
            errors={errors}
            labels={{
              name: t("toolkit.values.own_name"),
              meaning: t("toolkit.values.own_meaning"),
            }}
            idPrefix="own"
          />
          <input type="hidden" name="intent" value="own" />
          <TextField name="name" idPrefix="own" label={t("toolkit.values.own_name")} required maxLength={80} defaultValue={values.name} error={errors.name} />
          <TextField name="meaning" idPrefix="own" label={t("toolkit.values.own_meaning")} maxLength={200} defaultValue={values.meaning} error={errors.meaning} />
          <Button type="submit" variant="secondary">
            {t("toolkit.values.own_add")}
          </Button>
        </form>
      </section>
    </div>
  );
}
