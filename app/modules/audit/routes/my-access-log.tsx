import "~/modules/evaluations/i18n/register";
import { useLoaderData } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/my-access-log";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { findCard } from "~/modules/toolkit/content/content";
import type { Lang } from "~/i18n/i18n";
import { listAccessToMyData } from "../audit.server";
import { shareLabels } from "~/modules/toolkit/toolkit.server";
import { AppLink } from "~/components/app-link";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import type { MessageKey } from "~/i18n/i18n";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "access.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const pageParam = Number(new URL(request.url).searchParams.get("side") ?? "1");
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { db } = getServices();
  const { events, hasMore } = await listAccessToMyData(db, user.id, page);
  const { lang } = getRequestState(context);
  // A share's own entries say what was shared and with whom (the share row keeps both; ids only in the log).
  const shares = await shareLabels(
    db,
    user.id,
    events.filter((e) => e.entityType === "toolkit_share" && e.entityId).map((e) => e.entityId!),
    lang,
  );
  return {
    page,
    hasMore,
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      entityType: e.entityType,
      role: e.actorRole,
      who: e.bySelf ? null : (e.actorName ?? ""),
      actorDeleted: !e.bySelf && e.actorUserId !== null && e.actorName === null,
      system: e.actorUserId === null,
      centre: e.centreName,
      // Which reflection card (an id, never content): its title in the reader's language.
      card: e.entityType === "toolkit_card" ? itemTitle(lang, e.entityId) : "",
      share: e.entityType === "toolkit_share" && e.entityId ? (shares.get(e.entityId) ?? null) : null,
    })),
  };
}

function itemTitle(lang: Lang, cardId: string | null) {
  return (cardId && findCard(cardId)?.content[lang].title) || "";
}

export default function MyAccessLog() {
  const t = useT();
  const { events, page, hasMore } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("access.title")}
      </Heading>
      <Paragraph>{t("access.intro")}</Paragraph>
      {events.length === 0 ? (
        <Paragraph>{t("access.empty")}</Paragraph>
      ) : (
        <TableWrap label={t("access.title")}>
          {/* Small: the three columns fit a 360 px phone without hiding "what" behind a sideways scroll. */}
          <Table zebra data-size="sm" data-testid="access-log">
            <caption className="kp-muted">{t("access.caption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("access.when")}</Table.HeaderCell>
                <Table.HeaderCell>{t("access.who")}</Table.HeaderCell>
                <Table.HeaderCell>{t("access.what")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {events.map((e) => (
                <Table.Row key={e.id}>
                  <Table.Cell>{t.date(e.at, "datetime")}</Table.Cell>
                  <Table.Cell>
                    {e.who === null
                      ? t("access.you")
                      : e.system
                        ? t("access.system")
                        : e.actorDeleted
                          ? t("access.deleted_account")
                          : e.who}
                    {e.role && e.who !== null ? ` (${t(`role.${e.role}` as MessageKey)}${e.centre ? `, ${e.centre}` : ""})` : ""}
                  </Table.Cell>
                  <Table.Cell>
                    {e.share && (e.action === "create" || e.action === "delete")
                      ? t(`audit.${e.action}.toolkit_share_named`, { item: e.share.item, peer: e.share.peer })
                      : t(`audit.${e.action}.${e.entityType}` as MessageKey, { card: e.card })}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      <div className="kp-actions">
        {page > 1 ? <AppLink to={`/min-side/innsyn?side=${page - 1}`}>{t("pager.newer")}</AppLink> : null}
        {hasMore ? <AppLink to={`/min-side/innsyn?side=${page + 1}`}>{t("pager.older")}</AppLink> : null}
      </div>
    </div>
  );
}
