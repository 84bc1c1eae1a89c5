import { redirect, useLoaderData } from "react-router";
import { Button, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/values-rank";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { CsrfField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { valueText } from "../content/content";
import { move } from "../values";
import { getSort, updateSort } from "../values.server";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.values.rank_title");

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const sort = await guard(() => getSort(toolkitStore(context), user.actor, params.sortId));
  return {
    sortId: params.sortId,
    top: sort.body.top.map((id) => ({
      id,
      ...valueText(lang, id, sort.body.own),
    })),
  };
}

/** Ranking without dragging: "move up" / "move down" buttons, each a form submit (touch, keyboard, no JS). */
export async function action({ context, request, params }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const [id, direction] = String(formData.get("move") ?? "").split(":");
  if (id && (direction === "up" || direction === "down")) {
    const sort = await guard(() => updateSort(toolkitStore(context), user.actor, params.sortId, (s) => ({ ...s, top: move(s.top, id, direction) })));
    // Back to the moved value by its new place, never by its name (browser history on a shared device).
    const place = sort.body.top.indexOf(id) + 1;
    return redirect(`/verktoy/verdier/${params.sortId}/ranger${place > 0 ? `#rank-${place}` : ""}`);
  }
  await guard(() =>
    updateSort(toolkitStore(context), user.actor, params.sortId, (s) => ({
      ...s,
      finishedAt: s.finishedAt ?? new Date().toISOString(),
    })),
  );
  return redirect("/verktoy/verdier?ferdig=1");
}

export default function ValuesRank() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.values.rank_title")}
      </Heading>
      <Paragraph>{t("toolkit.values.rank_intro")}</Paragraph>
      <form method="post" className="kp-stack">
        <CsrfField />
        <ol className="kp-stack" data-testid="ranking">
          {d.top.map((v, i) => (
            <li key={v.id} id={`rank-${i + 1}`}>
              <div className="kp-actions">
                <span>
                  <strong>{v.name}</strong>
                  {v.meaning ? <span className="kp-muted"> – {v.meaning}</span> : null}
                </span>
                {i > 0 ? (
                  <Button type="submit" name="move" value={`${v.id}:up`} variant="tertiary" data-size="sm" aria-label={t("toolkit.values.move_up", { name: v.name })}>
                    ↑ {t("toolkit.values.up")}
                  </Button>
                ) : null}
                {i < d.top.length - 1 ? (
                  <Button type="submit" name="move" value={`${v.id}:down`} variant="tertiary" data-size="sm" aria-label={t("toolkit.values.move_down", { name: v.name })}>
                    ↓ {t("toolkit.values.down")}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        <div className="kp-actions">
          <Button type="submit" name="done" value="1">
            {t("toolkit.values.done")}
          </Button>
          <Link href={`/verktoy/verdier/${d.sortId}/velg`}>{t("toolkit.values.back_to_choose")}</Link>
        </div>
      </form>
    </div>
  );
}
