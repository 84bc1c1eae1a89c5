import { useLoaderData } from "react-router";
import { Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { Route } from "./+types/admin";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard } from "~/lib/route-helpers.server";
import { countMembers, listCentres, listUsersForAdmin } from "../centres.server";
import { AppLink } from "~/components/app-link";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";

export const meta: Route.MetaFunction = (args) => title(args, "admin.title");

/** The installation administrator's page: the network's centres, users, and the dev outbox. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { db, mailer } = getServices();
  const users = await guard(() => listUsersForAdmin(db, user.actor, { requestId: getRequestState(context).requestId }));
  const centres = await listCentres(db);
  const counts = await countMembers(db, centres.map((c) => c.id));
  return {
    outbox: mailer.kind === "outbox",
    centres: centres.map((c) => ({ ...c, members: counts.get(c.id) ?? 0 })),
    users: users.map((u) => ({ id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin, createdAt: u.createdAt.toISOString() })),
  };
}

export default function Admin() {
  const t = useT();
  const { centres, users, outbox } = useLoaderData<typeof loader>();
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("admin.title")}
      </Heading>
      <ul>
        <li>
          <AppLink to="/admin/sentre/ny">{t("centre.new_title")}</AppLink>
        </li>
        {outbox ? (
          <li>
            <AppLink to="/admin/utboks">{t("outbox.title")}</AppLink>
          </li>
        ) : null}
      </ul>
      <Heading level={2} data-size="md">
        {t("admin.centres")}
      </Heading>
      <TableWrap label={t("admin.centres")}>
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("centre.field.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("centre.field.kommune")}</Table.HeaderCell>
              <Table.HeaderCell>{t("admin.member_count")}</Table.HeaderCell>
              <Table.HeaderCell>{t("admin.actions")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {centres.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <AppLink to={`/sentre/${c.id}`}>{c.name}</AppLink>
                </Table.Cell>
                <Table.Cell>
                  {c.kommune}, {c.fylke}
                </Table.Cell>
                <Table.Cell>{t.number(c.members)}</Table.Cell>
                <Table.Cell>
                  <div className="kp-actions">
                    <AppLink to={`/sentre/${c.id}/rediger`}>{t("admin.edit")}</AppLink>
                    <AppLink to={`/sentre/${c.id}/medlemmer`}>{t("admin.members")}</AppLink>
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
      <Heading level={2} data-size="md">
        {t("admin.users", { count: users.length })}
      </Heading>
      <Paragraph data-size="sm">{t("admin.users_logged")}</Paragraph>
      <TableWrap label={t("admin.users", { count: users.length })}>
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("field.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("field.email")}</Table.HeaderCell>
              <Table.HeaderCell>{t("admin.created")}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {users.map((u) => (
              <Table.Row key={u.id}>
                <Table.Cell>
                  {u.name} {u.isAdmin ? <Tag data-size="sm">{t("role.administrator")}</Tag> : null}
                </Table.Cell>
                <Table.Cell>{u.email}</Table.Cell>
                <Table.Cell>{t.date(u.createdAt)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
    </div>
  );
}
