import { redirect, useLoaderData, useSearchParams } from "react-router";
import { Flash } from "../components/toolkit-chrome";
import { Alert, Button, Details, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/values";
import { getRequestState, requireUser } from "~/lib/request.server";
import { CsrfField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { deleteEntry, myEntries } from "../toolkit.server";
import { startOrResumeSort } from "../values.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";
import { valueText } from "../content/content";
import type { ValuesSort } from "../toolkit.forms";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.values.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const sorts = (await myEntries(toolkitStore(context), user.actor, ["values"])).reverse();
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
  const store = toolkitStore(context);
  if (formData.get("intent") === "delete") {
    await deleteEntry(store, user.actor, String(formData.get("entryId") ?? ""));
    return redirect("/verktoy/verdier?slettet=1");
  }
  // "Start" picks up a sort that is not finished rather than piling up another (issue 11, item 10).
  const { entry } = await startOrResumeSort(store, user.actor);
  return redirect(`/verktoy/verdier/${entry.ref}/sorter`);
}

export default function Values() {
  const t = useT();
  const { sorts } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  // The values in force are those of the newest finished sort, also while a new one is under way.
  const current = sorts.find((s) => s.finished);
  const unfinished = sorts.find((s) => !s.finished);
  const asked = params.get("slett");
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.values.title")}
      </Heading>
      <Paragraph>{t("toolkit.values.intro")}</Paragraph>
      <Flash param="slettet">{t("toolkit.values.sort_deleted")}</Flash>
      {current ? (
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
      ) : null}
      {unfinished ? (
        <Alert data-color="info" data-testid="unfinished-sort">
          <Paragraph>{t("toolkit.values.unfinished", { count: unfinished.sorted })}</Paragraph>
          {current ? <Paragraph>{t("toolkit.values.new_sort_under_way")}</Paragraph> : null}
          <Paragraph>
            <Link href={`/verktoy/verdier/${unfinished.ref}/sorter`}>{t("toolkit.values.continue")}</Link>
          </Paragraph>
        </Alert>
      ) : (
        <form method="post">
          <CsrfField />
          <Button type="submit" variant={current ? "secondary" : "primary"}>
            {current ? t("toolkit.values.start_again") : t("toolkit.values.start")}
          </Button>
        </form>
      )}
      {sorts.length > 0 ? (
        <Details defaultOpen={asked !== null} id="sorts">
          <Details.Summary>{t("toolkit.values.all_sorts", { count: sorts.length })}</Details.Summary>
          <Details.Content>
            <ul className="kp-stack">
              {sorts.map((s) => (
                <li key={s.id} id={`sort-${s.id}`} className="kp-stack">
                  <Paragraph>
                    <strong>{t.date(s.createdAt, "datetime")}</strong>
                    {": "}
                    {s.top.length ? s.top.map((v) => v.name).join(", ") : t("toolkit.values.none_chosen")}
                  </Paragraph>
                  {asked === s.id ? (
                    // The confirmation step (issue 11, item 3): a plain form, no JavaScript needed.
                    <form method="post" className="kp-stack kp-delete-zone" data-testid="confirm-delete" aria-labelledby={`confirm-${s.id}`}>
                      <CsrfField />
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="entryId" value={s.id} />
                      <Alert data-color="warning">
                        <Heading level={3} data-size="xs" id={`confirm-${s.id}`} tabIndex={-1} autoFocus>
                          {t("toolkit.values.confirm_delete_sort", { date: t.date(s.createdAt, "datetime") })}
                        </Heading>
                        <Paragraph>{t("toolkit.confirm.cannot_undo_simple")}</Paragraph>
                      </Alert>
                      <div className="kp-actions">
                        <Button type="submit" data-color="danger">
                          {t("toolkit.values.delete_sort_confirm")}
                        </Button>
                        <Link href={`/verktoy/verdier#sort-${s.id}`}>{t("toolkit.confirm.cancel")}</Link>
                      </div>
                    </form>
                  ) : (
                    <Paragraph data-size="sm">
                      <Link href={`/verktoy/verdier?slett=${s.id}#sort-${s.id}`} data-color="danger">
                        {t("toolkit.values.delete_sort")}
                      </Link>
                    </Paragraph>
                  )}
                </li>
              ))}
            </ul>
          </Details.Content>
        </Details>
      ) : null}
    </div>
  );
}
