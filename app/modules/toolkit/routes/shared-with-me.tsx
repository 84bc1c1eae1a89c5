import { useLoaderData } from "react-router";
import { Heading, Link, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/shared-with-me";
import { getRequestState, requireUser } from "~/lib/request.server";
import { getServices } from "~/lib/services.server";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { sharedWithMe } from "../toolkit.server";
import { itemName } from "../items";

/** For peer workers: what participants have shared with them, and nothing else. */
export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "toolkit.shared.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const shares = await sharedWithMe(getServices().db, user.actor);
  return {
    shares: shares.map((s) => ({
      id: s.id,
      owner: s.ownerName,
      item: itemName(lang, s.item),
      mode: s.mode,
      until: s.until,
      centre: s.centreName,
    })),
  };
}

export default function SharedWithMe() {
  const t = useT();
  const { shares } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("toolkit.shared.title")}
      </Heading>
      <Paragraph>{t("toolkit.shared.intro")}</Paragraph>
      {shares.length === 0 ? (
        <Paragraph>{t("toolkit.shared.none")}</Paragraph>
      ) : (
        <TableWrap label={t("toolkit.shared.title")}>
          <Table zebra data-testid="shared-with-me">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("toolkit.shared.who")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.sharing.what")}</Table.HeaderCell>
                <Table.HeaderCell>{t("toolkit.sharing.how")}</Table.HeaderCell>
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
                  </Table.Cell>
                  <Table.Cell>
                    {t(s.mode === "suggest" ? "toolkit.share.mode_suggest" : "toolkit.share.mode_read")}
                    {s.until ? `, ${t("toolkit.sharing.until", { date: t.date(s.until) })}` : ""}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
    </div>
  );
}
