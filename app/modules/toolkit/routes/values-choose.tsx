import { data, redirect, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Details, Field, Fieldset, Heading, Input, Label, Link, Paragraph, ValidationMessage } from "@digdir/designsystemet-react";
import type { Route } from "./+types/values-choose";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { CsrfField, FormErrorSummary } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { personalValues, valueText } from "../content/content";
import { candidates, chooseTop, maxTop, minTop } from "../values";
import { getSort, updateSort } from "../values.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.values.choose_title");

const listIds = personalValues.map((v) => v.id);

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const sort = await guard(() => getSort(toolkitStore(context), user.actor, params.sortId));
  const { very, important } = candidates(listIds, sort.body);
  const describe = (id: string) => ({
    id,
    ...valueText(lang, id, sort.body.own),
  });
  return {
    sortId: params.sortId,
    very: very.map(describe),
    important: important.map(describe),
    top: sort.body.top,
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const chosen = [...new Set(formData.getAll("top").filter((v): v is string => typeof v === "string"))];
  if (chosen.length < minTop || chosen.length > maxTop) {
    return data(
      {
        error: chosen.length < minTop ? ("too_few" as const) : ("too_many" as const),
        chosen,
      },
      { status: 400 },
    );
  }
  await guard(() =>
    updateSort(toolkitStore(context), user.actor, params.sortId, (s) => {
      const known = chosen.filter((id) => s.piles[id] === "very" || s.piles[id] === "important");
      return { ...s, top: chooseTop(s.top, known) };
    }),
  );
  return redirect(`/verktoy/verdier/${params.sortId}/ranger`);
}

export default function ValuesChoose() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const selected = result?.chosen ?? d.top;
  const errorId = result ? "choose-error" : undefined;
  const box = (v: { id: string; name: string; meaning: string }) => (
    <Field key={v.id} position="start">
      <Input type="checkbox" id={`top-${v.id}`} name="top" value={v.id} defaultChecked={selected.includes(v.id)} />
      <Label htmlFor={`top-${v.id}`}>{v.name}</Label>
      {v.meaning ? <Field.Description>{v.meaning}</Field.Description> : null}
    </Field>
  );
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.values.choose_title")}
      </Heading>
      <Paragraph>{t("toolkit.values.choose_intro", { min: minTop, max: maxTop })}</Paragraph>
      {d.very.length + d.important.length < minTop ? (
        <Alert data-color="info">
          <Paragraph>{t("toolkit.values.choose_too_few_sorted", { min: minTop })}</Paragraph>
          <Paragraph>
            <Link href={`/verktoy/verdier/${d.sortId}/sorter`}>{t("toolkit.values.back_to_sort")}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      <form method="post" className="kp-stack" noValidate>
        <CsrfField />
        {/* At the top of the form, focused when the page comes back (issue 11, item 5): the list can be long. */}
        <FormErrorSummary
          errors={result ? { top: result.error === "too_few" ? "toolkit.values.error_too_few" : "toolkit.values.error_too_many" } : {}}
          labels={{ top: t("toolkit.values.choose_label") }}
          params={{ min: minTop, max: maxTop }}
        />
        <Fieldset aria-describedby={errorId} id="field-top">
          <Fieldset.Legend>{t("toolkit.values.very_important")}</Fieldset.Legend>
          {d.very.length ? d.very.map(box) : <Paragraph data-size="sm">{t("toolkit.values.none_in_pile")}</Paragraph>}
          {result ? (
            <ValidationMessage id={errorId}>
              {t(result.error === "too_few" ? "toolkit.values.error_too_few" : "toolkit.values.error_too_many", { min: minTop, max: maxTop })}
            </ValidationMessage>
          ) : null}
        </Fieldset>
        {d.important.length ? (
          <Details defaultOpen={d.very.length < minTop}>
            <Details.Summary>
              {t("toolkit.values.also_important", {
                count: d.important.length,
              })}
            </Details.Summary>
            <Details.Content>
              <Fieldset>
                <Fieldset.Legend>{t("toolkit.values.pile.important")}</Fieldset.Legend>
                {d.important.map(box)}
              </Fieldset>
            </Details.Content>
          </Details>
        ) : null}
        <div className="kp-actions">
          <Button type="submit">{t("toolkit.values.to_rank")}</Button>
          <Link href={`/verktoy/verdier/${d.sortId}/sorter`}>{t("toolkit.values.back_to_sort")}</Link>
        </div>
      </form>
    </div>
  );
}
