import { redirect, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/check-ins";
import { getRequestState, requireUser } from "~/lib/request.server";
import { getServices } from "~/lib/services.server";
import { CsrfField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { checkInBody } from "../toolkit.forms";
import { deleteEntry, myEntries } from "../toolkit.server";
import { availablePacks } from "../check-in.server";
import { score, trend, type Answers } from "../check-in";
import { isUuid } from "../toolkit";
import { TrendChart } from "../components/trend-chart";
import { CheckInList } from "../components/check-in-list";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.checkin.title");

/** The confirmation step's anchor: the page opens at it (works without JavaScript). */
const confirmAnchor = "bekreft-sletting";

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const { db } = getServices();
  const [packs, allPacks, entries] = await Promise.all([availablePacks(db, user.actor), availablePacks(db, user.actor, true), myEntries(toolkitStore(context), user.actor, ["check_in"])]);
  const checkIns = entries.map((e) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    ...checkInBody.parse(e.body),
  }));
  // "Slett" leads here first (?slett=<id>): the check-in is deleted only when the person confirms.
  const toDelete = new URL(request.url).searchParams.get("slett");
  const confirming = toDelete && isUuid(toDelete) ? checkIns.find((c) => c.id === toDelete) : undefined;
  return {
    available: packs.map((p) => ({
      id: p.id,
      name: p.name[lang],
      validated: p.validated,
    })),
    confirm: confirming
      ? {
          id: confirming.id,
          at: confirming.at,
          pack: allPacks.find((p) => p.id === confirming.instrument && p.version === confirming.version)?.name[lang] ?? "",
        }
      : null,
    // One section per pack the person has used, with its own items and scale.
    used: allPacks
      .filter((p) => checkIns.some((c) => c.instrument === p.id))
      .map((p) => {
        const mine = checkIns.filter((c) => c.instrument === p.id && c.version === p.version);
        return {
          id: `${p.id}-${p.version}`,
          name: p.name[lang],
          min: p.scale.min,
          max: p.scale.max,
          items: p.items.map((i) => ({
            id: i.id,
            text: i.text[lang],
            points: trend(
              mine.map((c) => ({ at: c.at, answers: c.answers as Answers })),
              i.id,
            ),
          })),
          checkIns: mine
            .map((c) => ({
              id: c.id,
              at: c.at,
              values: p.items.map((i) => c.answers[i.id] ?? null),
              why: p.items.map((i) => c.why[i.id] ?? ""),
              score: score(p, c.answers as Answers),
            }))
            .reverse(),
        };
      })
      .filter((p) => p.checkIns.length > 0),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const formData = await request.formData();
  const user = await toolkitUser(context, request, formData);
  const entryId = String(formData.get("entryId") ?? "");
  // Never in one tap: without the confirmation's own field, the request goes back to the question.
  if (formData.get("confirm") !== "1") return redirect(isUuid(entryId) ? `/verktoy/sjekk?slett=${entryId}#${confirmAnchor}` : "/verktoy/sjekk");
  await deleteEntry(toolkitStore(context), user.actor, entryId);
  return redirect("/verktoy/sjekk?slettet=1");
}

export default function CheckIns() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const several = d.available.length > 1;
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.checkin.title")}
      </Heading>
      <Paragraph>{t("toolkit.checkin.intro")}</Paragraph>
      <Flash param="lagret">{t("toolkit.checkin.saved")}</Flash>
      <Flash param="slettet">{t("toolkit.checkin.deleted")}</Flash>
      {d.confirm ? (
        <Alert data-color="warning" id={confirmAnchor} className="kp-stack" data-testid="confirm-delete">
          <Heading level={2} data-size="xs">
            {t("toolkit.checkin.confirm_title", { when: t.date(d.confirm.at, "datetime") })}
          </Heading>
          <Paragraph>{t("toolkit.checkin.confirm_body")}</Paragraph>
          <form method="post" className="kp-actions kp-actions--apart">
            <CsrfField />
            <input type="hidden" name="entryId" value={d.confirm.id} />
            <input type="hidden" name="confirm" value="1" />
            <Button type="submit" data-color="danger">
              {t("toolkit.checkin.confirm_yes")}
            </Button>
            <a className="ds-link" href="/verktoy/sjekk">
              {t("toolkit.checkin.confirm_no")}
            </a>
          </form>
        </Alert>
      ) : null}
      <ul className="kp-actions kp-new-check-in" aria-label={t("toolkit.checkin.new_title")}>
        {d.available.map((p, i) => (
          <li key={p.id}>
            <Button asChild variant={i === 0 ? "primary" : "secondary"}>
              <a href={`/verktoy/sjekk/${p.id}`}>{several ? t("toolkit.checkin.new_named", { name: p.name }) : t("toolkit.checkin.new_title")}</a>
            </Button>
            {several && p.validated ? (
              <span className="kp-block kp-muted">{t("toolkit.checkin.licensed")}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {d.used.length === 0 ? <Paragraph>{t("toolkit.checkin.none_yet")}</Paragraph> : null}
      {d.used.map((p) => (
        <section key={p.id} className="kp-stack" aria-labelledby={`${p.id}-heading`}>
          <Heading level={2} data-size="md" id={`${p.id}-heading`}>
            {t("toolkit.checkin.trend", { name: p.name })}
          </Heading>
          <Paragraph data-size="sm" className="kp-muted">
            {t("toolkit.checkin.trend_note")}
          </Paragraph>
          <div>
            <ul className="kp-values-grid">
              {p.items.map((item) => (
                <li key={item.id} className="kp-stack">
                  <Paragraph data-size="sm">{item.text}</Paragraph>
                  <TrendChart points={item.points} min={p.min} max={p.max} />
                </li>
              ))}
            </ul>
          </div>
          <Heading level={3} data-size="xs">
            {t("toolkit.checkin.table", { name: p.name })}
          </Heading>
          <div>
            <CheckInList
              items={p.items.map((i) => i.text)}
              rows={p.checkIns}
              max={p.max}
              level={4}
              testId={`check-ins-${p.id}`}
              deleteHref={(row) => `/verktoy/sjekk?slett=${row.id}#${confirmAnchor}`}
            />
          </div>
        </section>
      ))}
    </div>
  );
}
