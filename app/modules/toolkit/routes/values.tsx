import { redirect, useLoaderData } from "react-router";
import { Alert, Button, Details, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/values";
import { getRequestState, requireUser } from "~/lib/request.server";
import { CsrfField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { addEntry, deleteEntry, myEntries } from "../toolkit.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";
import { valueText } from "../content/content";
import { emptySort } from "../values";
import type { ValuesSort } from "../toolkit.forms";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.values.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const sorts = (await myEntries(toolkitStore(), user.actor, ["values"])).reverse();
  return {
    sorts: sorts.map((s) => {
      const body = s.body as ValuesSort;
      return {
        id: s.id,
        ref: s.ref,
        createdAt: s.createdAt.toISOString(),
        finished: body.finishedAt !== null,
        sorted: Object.keys(body.piles).length,
        top: body.top.map((id) => ({ id, ...valueText(lang, id, body.own) })),
      };
    }),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const store = toolkitStore();
  if (formData.get("intent") === "delete") {
    await deleteEntry(store, user.actor, String(formData.get("entryId") ?? ""));
    return redirect("/verktoy/verdier?slettet=1");
  }
  const sort = await addEntry(store, user.actor, "values", emptySort());
  return redirect(`/verktoy/verdier/${sort.ref}/sorter`);
}

export default function Values() {
  const t = useT();
  const { sorts } = useLoaderData<typeof loader>();
  const [current, ...earlier] = sorts;
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.values.title")}
      </Heading>
      <Paragraph>{t("toolkit.values.intro")}</Paragraph>
      {current && current.finished ? (
        <section className="kp-stack" aria-labelledby="my-values">
          <Heading level={2} data-size="md" id="my-values">
            {t("toolkit.values.my_values")}
          </Heading>
          <Paragraph data-size="sm" className="kp-muted">
            {t("toolkit.values.sorted_on", { date: t.date(current.createdAt) })}
          </Paragraph>
          <ol className="kp-stack" data-testid="my-values">
            {current.top.map((v) => (
              <li key={v.id}>
                <strong>{v.name}</strong>
                {v.meaning ? ` – ${v.meaning}` : ""}
              </li>
            ))}
          </ol>
          <div className="kp-actions">
            <Link href="/verktoy/verdier/refleksjon">{t("toolkit.values.reflect")}</Link>
            <Link href={`/verktoy/verdier/${current.ref}/ranger`}>{t("toolkit.values.change_ranking")}</Link>
          </div>
        </section>
      ) : current ? (
        <Alert data-color="info">
          <Paragraph>{t("toolkit.values.unfinished", { count: current.sorted })}</Paragraph>
          <Paragraph>
            <Link href={`/verktoy/verdier/${current.ref}/sorter`}>{t("toolkit.values.continue")}</Link>
          </Paragraph>
        </Alert>
      ) : null}
      <form method="post">
        <CsrfField />
        <Button type="submit" variant={current ? "secondary" : "primary"}>
          {current ? t("toolkit.values.start_again") : t("toolkit.values.start")}
        </Button>
      </form>
      {earlier.length > 0 || current ? (
        <Details>
          <Details.Summary>{t("toolkit.values.all_sorts", { count: sorts.length })}</Details.Summary>
          <Details.Content>
            <ul className="kp-stack">
              {sorts.map((s) => (
                <li key={s.id} className="kp-stack">
                  <Paragraph>
                    <strong>{t.date(s.createdAt, "datetime")}</strong>
                    {": "}
                    {s.top.length ? s.top.map((v) => v.name).join(", ") : t("toolkit.values.none_chosen")}
                  </Paragraph>
                  <form method="post" className="kp-inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="entryId" value={s.id} />
                    <Button type="submit" variant="tertiary" data-size="sm" data-color="danger">
                      {t("toolkit.values.delete_sort")}
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}
