import { redirect, useLoaderData } from "react-router";
import { Button, Card, Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { Flash } from "../components/toolkit-chrome";
import type { Route } from "./+types/check-ins";
import { getRequestState, requireUser } from "~/lib/request.server";
import { getServices } from "~/lib/services.server";
import { CsrfField } from "~/components/form";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { checkInBody } from "../toolkit.forms";
import { deleteEntry, myEntries } from "../toolkit.server";
import { availablePacks } from "../check-in.server";
import { score, trend, type Answers } from "../check-in";
import { TrendChart } from "../components/trend-chart";
import { toolkitStore, toolkitUser } from "../toolkit-route.server";

export const meta: Route.MetaFunction = (args) => title(args, "toolkit.checkin.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const { db } = getServices();
  const [packs, allPacks, entries] = await Promise.all([availablePacks(db, user.actor), availablePacks(db, user.actor, true), myEntries(toolkitStore(), user.actor, ["check_in"])]);
  const checkIns = entries.map((e) => ({
    id: e.id,
    at: e.createdAt.toISOString(),
    ...checkInBody.parse(e.body),
  }));
  return {
    available: packs.map((p) => ({
      id: p.id,
      name: p.name[lang],
      validated: p.validated,
    })),
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
          scored: p.scoring.method !== "none",
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
              answers: c.answers,
              why: c.why,
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
  await deleteEntry(toolkitStore(), user.actor, String(formData.get("entryId") ?? ""));
  return redirect("/verktoy/sjekk?slettet=1");
}

export default function CheckIns() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.checkin.title")}
      </Heading>
      <Paragraph>{t("toolkit.checkin.intro")}</Paragraph>
      <Flash param="lagret">{t("toolkit.checkin.saved")}</Flash>
      <Flash param="slettet">{t("toolkit.checkin.deleted")}</Flash>
      <ul className="kp-grid">
        {d.available.map((p) => (
          <li key={p.id}>
            <Card data-color="neutral">
              <Heading level={2} data-size="xs">
                <Link href={`/verktoy/sjekk/${p.id}`}>{p.name}</Link>
              </Heading>
              <Tag data-color={p.validated ? "info" : "neutral"}>{p.validated ? t("toolkit.checkin.licensed") : t("toolkit.checkin.not_a_test")}</Tag>
            </Card>
          </li>
        ))}
      </ul>
      {d.used.map((p) => (
        <section key={p.id} className="kp-stack" aria-labelledby={`${p.id}-heading`}>
          <Heading level={2} data-size="md" id={`${p.id}-heading`}>
            {t("toolkit.checkin.trend", { name: p.name })}
          </Heading>
          <Paragraph data-size="sm" className="kp-muted">
            {t("toolkit.checkin.trend_note")}
          </Paragraph>
          <ul className="kp-values-grid">
            {p.items.map((item) => (
              <li key={item.id} className="kp-stack">
                <Paragraph data-size="sm">{item.text}</Paragraph>
                <TrendChart points={item.points} min={p.min} max={p.max} />
              </li>
            ))}
          </ul>
          <TableWrap label={t("toolkit.checkin.table", { name: p.name })}>
            <Table zebra data-testid={`check-ins-${p.id}`}>
              <caption className="kp-muted">{t("toolkit.checkin.table", { name: p.name })}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("toolkit.checkin.when")}</Table.HeaderCell>
                  {p.items.map((i) => (
                    <Table.HeaderCell key={i.id}>{i.text}</Table.HeaderCell>
                  ))}
                  {p.scored ? <Table.HeaderCell>{t("toolkit.checkin.score")}</Table.HeaderCell> : null}
                  <Table.HeaderCell>{t("toolkit.checkin.actions")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {p.checkIns.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>{t.date(c.at, "datetime")}</Table.Cell>
                    {p.items.map((i) => (
                      <Table.Cell key={i.id}>
                        {c.answers[i.id] ?? "–"}
                        {c.why[i.id] ? <span className="kp-block kp-muted kp-answer">{c.why[i.id]}</span> : null}
                      </Table.Cell>
                    ))}
                    {p.scored ? <Table.Cell>{c.score ?? "–"}</Table.Cell> : null}
                    <Table.Cell>
                      <form method="post">
                        <CsrfField />
                        <input type="hidden" name="entryId" value={c.id} />
                        <Button type="submit" variant="tertiary" data-size="sm" data-color="danger" aria-label={`${t("toolkit.checkin.delete")}: ${t.date(c.at, "datetime")}`}>
                          {t("toolkit.checkin.delete")}
                        </Button>
                      </form>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        </section>
      ))}
    </div>
  );
}
