import { useLoaderData } from "react-router";
import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { Route } from "./+types/analysis";
import "~/modules/evaluations/i18n/register";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { AppLink } from "~/components/app-link";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import { title } from "~/lib/meta";
import { sessionsToCode, teamCodeFigures } from "../analysis.server";
import { projectHeader } from "../sessions.server";
import { ProjectNav } from "../components/project-nav";
import { StatementChart } from "../components/statement-chart";

export const handle = { hydrate: false };
export const meta: Route.MetaFunction = (args) => title(args, "evaluations.analysis.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { db } = getServices();
  const { access, figures, totals } = await guard(() => teamCodeFigures(db, user.actor, params.projectId));
  const sessions = await guard(() => sessionsToCode(db, user.actor, params.projectId));
  return { project: projectHeader(access), figures, totals, sessions };
}

export default function Analysis() {
  const t = useT();
  const { project, figures, totals, sessions } = useLoaderData<typeof loader>();
  const base = `/evalueringer/${project.id}`;
  return (
    <div className="kp-stack">
      <ProjectNav project={project} />
      <Heading level={1} data-size="lg">
        {t("evaluations.analysis.title")}
      </Heading>
      <Paragraph>{t("evaluations.analysis.intro")}</Paragraph>
      <Paragraph>
        {t("evaluations.analysis.totals", {
          sessions: t.number(totals.sessions),
          participants: t.number(totals.participants),
          statements: t.number(totals.statements),
          coded: t.number(totals.coded),
        })}
      </Paragraph>
      <Paragraph data-size="sm">
        <AppLink to={`${base}/koder`}>{t("evaluations.analysis.to_codes")}</AppLink>
      </Paragraph>

      <section className="kp-stack" aria-labelledby="per-kode">
        <Heading level={2} data-size="md" id="per-kode">
          {t("evaluations.analysis.per_code")}
        </Heading>
        <Paragraph data-size="sm" className="kp-muted">
          {t("evaluations.analysis.per_code_note")}
        </Paragraph>
        {figures.length === 0 ? (
          <Paragraph>{t("evaluations.analysis.no_codes")}</Paragraph>
        ) : (
          <StatementChart rows={figures} caption={t("evaluations.analysis.per_code")} />
        )}
      </section>

      <section className="kp-stack" aria-labelledby="koding">
        <Heading level={2} data-size="md" id="koding">
          {t("evaluations.analysis.sessions")}
        </Heading>
        {sessions.length === 0 ? (
          <Paragraph>{t("evaluations.sessions.none")}</Paragraph>
        ) : (
          <TableWrap label={t("evaluations.analysis.sessions")}>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("evaluations.session.field.held_on")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("evaluations.session.field.site")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("evaluations.session.field.participants")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("evaluations.analysis.coded_col")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {sessions.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <AppLink to={`${base}/analyse/${s.id}`}>{t("evaluations.analysis.code_session", { date: t.date(s.heldOn) })}</AppLink>
                    </Table.Cell>
                    <Table.Cell>{s.siteName}</Table.Cell>
                    <Table.Cell>{t.number(s.participants)}</Table.Cell>
                    <Table.Cell>{t("evaluations.analysis.coded_of", { coded: t.number(s.coded), statements: t.number(s.statements) })}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )}
      </section>
    </div>
  );
}
