import { Link, useLoaderData, useLocation } from "react-router";
import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/projects";
import { getServices } from "~/lib/services.server";
import { requireUser } from "~/lib/request.server";
import { can } from "~/modules/centres/permissions";
import { AppLink } from "~/components/app-link";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { listProjects, type ProjectListRow } from "../projects.server";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.projects.title");

export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { db } = getServices();
  const lists = await listProjects(db, user.actor);
  const canCreate = user.actor.memberships.some((m) => can(user.actor, "evaluation.create", m.centreId));
  const canImport = user.actor.memberships.some((m) => can(user.actor, "evaluation.import", m.centreId));
  return { ...lists, canCreate, canImport };
}

function ProjectTable({ rows, label, roleColumn, serviceColumn = true }: { rows: ProjectListRow[]; label: string; roleColumn: boolean; serviceColumn?: boolean }) {
  const t = useT();
  return (
    <TableWrap label={label}>
      <Table zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("evaluations.projects.column.title")}</Table.HeaderCell>
            {serviceColumn ? <Table.HeaderCell>{t("evaluations.projects.column.service")}</Table.HeaderCell> : <Table.HeaderCell>{t("evaluations.projects.column.centre")}</Table.HeaderCell>}
            <Table.HeaderCell>{t("evaluations.projects.column.phase")}</Table.HeaderCell>
            {roleColumn ? <Table.HeaderCell>{t("evaluations.projects.column.role")}</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>
                <AppLink to={`/evalueringer/${r.id}`}>{r.title}</AppLink>
              </Table.Cell>
              <Table.Cell>{serviceColumn ? r.serviceName : r.centreName}</Table.Cell>
              <Table.Cell>{t(`evaluations.phase.${r.phase}` as MessageKey)}</Table.Cell>
              {roleColumn ? <Table.Cell>{r.roles.map((role) => t(`evaluations.role.${role}` as MessageKey)).join(", ")}</Table.Cell> : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}

export default function Projects() {
  const t = useT();
  const { mine, centre, all, canCreate, canImport } = useLoaderData<typeof loader>();
  // After deleting an evaluation (routes/delete-project.tsx redirects here with ?slettet=1; ADR 0027).
  const deleted = new URLSearchParams(useLocation().search).has("slettet");
  return (
    <div className="kp-stack">
      <Heading level={1} data-size="lg">
        {t("evaluations.projects.title")}
      </Heading>
      {deleted ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t("evaluations.projects.deleted")}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>{t("evaluations.projects.intro")}</Paragraph>
      {canCreate || canImport ? (
        <div className="kp-actions">
          {canCreate ? (
            <Button asChild>
              <Link to="/evalueringer/ny">{t("evaluations.projects.new")}</Link>
            </Button>
          ) : null}
          {canImport ? (
            <Button asChild variant="secondary">
              <Link to="/evalueringer/importer">{t("evaluations.archive.import.title")}</Link>
            </Button>
          ) : null}
        </div>
      ) : null}
      <section className="kp-stack" aria-labelledby="projects-mine">
        <Heading level={2} data-size="md" id="projects-mine">
          {t("evaluations.projects.mine")}
        </Heading>
        {mine.length === 0 ? <Paragraph>{t("evaluations.projects.mine_empty")}</Paragraph> : <ProjectTable rows={mine} label={t("evaluations.projects.mine")} roleColumn />}
      </section>
      {centre.length > 0 ? (
        <section className="kp-stack" aria-labelledby="projects-centre">
          <Heading level={2} data-size="md" id="projects-centre">
            {t("evaluations.projects.centre")}
          </Heading>
          <ProjectTable rows={centre} label={t("evaluations.projects.centre")} roleColumn={false} />
        </section>
      ) : null}
      {all.length > 0 ? (
        <section className="kp-stack" aria-labelledby="projects-all">
          <Heading level={2} data-size="md" id="projects-all">
            {t("evaluations.projects.all")}
          </Heading>
          <Paragraph data-size="sm">{t("evaluations.projects.all_intro")}</Paragraph>
          <ProjectTable rows={all} label={t("evaluations.projects.all")} roleColumn={false} serviceColumn={false} />
        </section>
      ) : null}
    </div>
  );
}
