import { useLoaderData } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/sessions";
import "~/modules/evaluations/i18n/register";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { AppLink } from "~/components/app-link";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { projectCan } from "../evaluations";
import { listSessions, projectHeader } from "../sessions.server";
import { ProjectNav } from "../components/project-nav";

export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "evaluations.sessions.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const { access, sessions } = await guard(() => listSessions(db, user.actor, params.projectId));
  return { project: projectHeader(access), canWrite: projectCan(access.roles, "session.write"), sessions };
}

export default function Sessions() {
  const t = useT();
  const { project, canWrite, sessions } = useLoaderData<typeof loader>();
  const base = `/evalueringer/${project.id}/intervju`;
  return (
    <div className="kp-stack">
      <ProjectNav project={project} />
      <Heading level={1} data-size="lg">
        {t("evaluations.sessions.title")}
      </Heading>
      <Paragraph>{t("evaluations.sessions.intro")}</Paragraph>
      {canWrite ? (
        <Paragraph>
          <AppLink to={`${base}/ny`}>{t("evaluations.sessions.new")}</AppLink>
        </Paragraph>
      ) : null}
      {sessions.length === 0 ? (
        <Paragraph>{t("evaluations.sessions.none")}</Paragraph>
      ) : (
        <TableWrap label={t("evaluations.sessions.title")}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("evaluations.session.field.held_on")}</Table.HeaderCell>
                <Table.HeaderCell>{t("evaluations.session.field.site")}</Table.HeaderCell>
                <Table.HeaderCell>{t("evaluations.session.field.kind")}</Table.HeaderCell>
                <Table.HeaderCell>{t("evaluations.session.field.participants")}</Table.HeaderCell>
                <Table.HeaderCell>{t("evaluations.session.field.interviewers")}</Table.HeaderCell>
                <Table.HeaderCell>{t("evaluations.sessions.col.notes")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sessions.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <AppLink to={`${base}/${s.id}`}>{t.date(s.heldOn)}</AppLink>
                  </Table.Cell>
                  <Table.Cell>{s.siteName}</Table.Cell>
                  <Table.Cell>{t(`evaluations.session.kind.${s.kind}`)}</Table.Cell>
                  <Table.Cell>{t.number(s.participants)}</Table.Cell>
                  <Table.Cell>{s.interviewers.join(", ")}</Table.Cell>
                  <Table.Cell>{t("evaluations.sessions.notes_count", { count: s.notes })}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
    </div>
  );
}
