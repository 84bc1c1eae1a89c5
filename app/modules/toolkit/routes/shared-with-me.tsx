import { useLoaderData } from "react-router";
import { Alert, Heading, Link, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/shared-with-me";
import { getRequestState, requireUser } from "~/lib/request.server";
import { getServices } from "~/lib/services.server";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { markSharesSeen, sharedWithMe } from "../toolkit.server";
import { itemName } from "../items";

/** For peer workers: what participants have shared with them, and nothing else. */
export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "toolkit.shared.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const { db } = getServices();
  const shares = await sharedWithMe(db, user.actor);
  // Shown as new this once: from the next visit on, they have been seen.
  const fresh = shares.filter((s) => s.seenAt === null).map((s) => s.id);
  await markSharesSeen(db, user.actor, fresh);
  return {
    shares: shares
      .map((s) => ({
        id: s.id,
        owner: s.ownerName,
        item: itemName(lang, s.item),
        mode: s.mode,
        until: s.until,
        centre: s.centreName,
        since: s.createdAt.toISOString(),
        isNew: s.seenAt === null,
      }))
      // The new ones first, then by participant as before.
      .sort((a, b) => Number(b.isNew) - Number(a.isNew)),
    fresh: fresh.length,
  };
}

export default function SharedWithMe() {
  const t = useT();
  const { shares, fresh } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.shared.title")}
      </Heading>
      {fresh > 0 ? (
        <Alert data-color="info" data-testid="shared-new">
          <Paragraph>{t("toolkit.shared.new", { count: fresh })}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("toolkit.shared.intro")}</Paragraph>
      {shares.length === 0 ? (
        <Paragraph>{t("toolkit.shared.none")}</Paragraph>
      ) : (
        <TableWrap label={t("toolkit.shared.title")}>
          <Table zebra data-size="sm" data-testid="shared-with-me">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("toolkit.shared.who")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.sharing.what")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.shared.since")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shares.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    {s.owner} ({s.centre})
                  </Table.Cell>
                  <Table.Cell>
                    <Link href={`/delt-med-meg/${s.id}`}>{s.item}</Link>
                    {s.isNew ? (
                      <>
                        {" "}
                        <Tag data-color="info" data-size="sm">
                          {t("toolkit.shared.new_badge")}
                        </Tag>
                      </>
                    ) : null}
                    {/* How, under what: three columns fit a phone. */}
                    <span className="kp-block kp-muted">{t(s.mode === "suggest" ? "toolkit.share.mode_suggest" : "toolkit.share.mode_read")}</span>
                    {s.until ? <span className="kp-block kp-muted">{t("toolkit.sharing.until", { date: t.date(s.until) })}</span> : null}
                  </Table.Cell>
                  <Table.Cell>{t.date(s.since)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
    </div>
  );
}
