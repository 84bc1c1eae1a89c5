import { data, Form, useActionData, useLoaderData } from "react-router";
import { Alert, Button, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/project";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { parseForm } from "~/lib/forms";
import { guard, invalid, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { CsrfField, SelectField } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { findKommune, kommuneLabel } from "~/modules/centres/kommuner";
import { ProjectNav } from "../components/project-nav";
import { projectHeader } from "../access.server";
import { effectiveK, phaseIndex, phases, projectCan, type Phase, type PhaseChangeRefusal } from "../evaluations";
import { phaseChangeSchema } from "../evaluations.forms";
import { changePhase, getProjectOverview } from "../projects.server";

export const handle = { hydrate: false };

export const meta: Route.MetaFunction = (args) => title(args, "evaluations.overview.title");

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const overview = await guard(() => getProjectOverview(getServices().db, user.actor, params.projectId));
  const { access, history, ...rest } = overview;
  const kommune = rest.project.kommunenummer ? findKommune(rest.project.kommunenummer) : undefined;
  return {
    ...rest,
    header: projectHeader(access),
    canChangePhase: projectCan(access.roles, "project.change_phase"),
    canEdit: projectCan(access.roles, "project.edit"),
    canManageTeam: projectCan(access.roles, "project.manage_team"),
    canExport: projectCan(access.roles, "project.export"),
    canDelete: projectCan(access.roles, "project.delete"),
    kommune: kommune ? kommuneLabel(kommune) : null,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
  };
}

type Refused = { ok: false; reasons: PhaseChangeRefusal[]; to: Phase };

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const state = getRequestState(context);
  const formData = await request.formData();
  const parsed = parseForm(phaseChangeSchema, formData);
  if (!parsed.ok) return invalid(parsed);
  const result = await guard(() => changePhase(getServices().db, user.actor, params.projectId, parsed.data.to, { requestId: state.requestId }));
  if (!result.ok)
    return data(
      {
        ok: false,
        reasons: result.reasons,
        to: parsed.data.to,
      } satisfies Refused,
      { status: 409 },
    );
  return { ok: true as const, direction: result.direction, to: parsed.data.to };
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default function ProjectOverview() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { project, state, next, needs, team, sites, history } = d;
  const current = phaseIndex(project.phase);
  const phaseName = (p: string) => t(`evaluations.phase.${p}` as MessageKey);
  const names = (role: string) => team.filter((m) => m.role === role).map((m) => m.name);
  const refused = result && "reasons" in result ? result : null;
  const earlier = phases.slice(0, current);
  return (
    <div className="kp-stack">
      <ProjectNav project={d.header} />
      <Heading level={1} data-size="lg">
        {t("evaluations.overview.title")}
      </Heading>
      {result && result.ok ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t(result.direction === "forward" ? "evaluations.overview.moved_forward" : "evaluations.overview.moved_back", { phase: phaseName(result.to) })}</Paragraph>
        </Alert>
      ) : null}
      {refused ? (
        <Alert data-color="danger" role="alert" id="phase-refused">
          <Heading level={2} data-size="xs">
            {t("evaluations.overview.refused", {
              phase: phaseName(refused.to),
            })}
          </Heading>
          <ul>
            {refused.reasons.map((r) => (
              <li key={r}>{t(r as MessageKey)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <section className="kp-stack" aria-labelledby="overview-phases">
        <Heading level={2} data-size="md" id="overview-phases">
          {t("evaluations.overview.phases")}
        </Heading>
        <ol>
          {phases.map((p, i) => {
            const status = i < current ? "done" : i === current ? "current" : i === current + 1 ? "next" : "later";
            return (
              <li key={p} data-status={status} aria-current={status === "current" ? "step" : undefined}>
                {status === "current" ? <strong>{phaseName(p)}</strong> : phaseName(p)}
                {status !== "later" ? ` – ${t(`evaluations.overview.status.${status}` as MessageKey)}` : null}
              </li>
            );
          })}
        </ol>
        {next ? (
          needs.length > 0 ? (
            <div>
              <Paragraph>{t("evaluations.overview.needs", { phase: phaseName(next) })}</Paragraph>
              <ul>
                {needs.map((n) => (
                  <li key={n}>{t(n as MessageKey)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <Paragraph>{t("evaluations.overview.ready", { phase: phaseName(next) })}</Paragraph>
          )
        ) : (
          <Paragraph>{t("evaluations.overview.last_phase")}</Paragraph>
        )}
        {d.canChangePhase ? (
          <div className="kp-stack">
            {next ? (
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="to" value={next} />
                <Button type="submit">
                  {t("evaluations.overview.move_forward", {
                    phase: phaseName(next),
                  })}
                </Button>
              </Form>
            ) : null}
            {earlier.length > 0 ? (
              <Form method="post" className="kp-stack kp-narrow">
                <CsrfField />
                <SelectField
                  name="to"
                  label={t("evaluations.overview.move_back_label")}
                  options={earlier.map((p) => ({
                    value: p,
                    label: phaseName(p),
                  }))}
                  placeholder={t("evaluations.field.choose")}
                />
                <div>
                  <Button type="submit" variant="secondary">
                    {t("evaluations.overview.move_back")}
                  </Button>
                </div>
              </Form>
            ) : null}
          </div>
        ) : null}
      </section>

      <section className="kp-stack" aria-labelledby="overview-about">
        <Heading level={2} data-size="md" id="overview-about">
          {t("evaluations.overview.about")}
        </Heading>
        <dl className="kp-facts">
          <Fact label={t("evaluations.field.service_name")}>{project.serviceName}</Fact>
          <Fact label={t("evaluations.field.service_kind")}>{t(`evaluations.service_kind.${project.serviceKind}` as MessageKey)}</Fact>
          {d.kommune ? <Fact label={t("evaluations.field.kommune")}>{d.kommune}</Fact> : null}
          <Fact label={t("evaluations.field.centre")}>{project.centreName}</Fact>
          <Fact label={t("evaluations.overview.period")}>
            {project.periodEnd
              ? t("evaluations.overview.period_range", {
                  start: t.date(project.periodStart),
                  end: t.date(project.periodEnd),
                })
              : t("evaluations.overview.period_open", {
                  start: t.date(project.periodStart),
                })}
          </Fact>
          {d.administratorOnly ? null : (
            <>
              <Fact label={t("evaluations.field.purpose")}>{project.purpose || t("evaluations.overview.not_written")}</Fact>
              <Fact label={t("evaluations.field.questions")}>{project.questions ? <span style={{ whiteSpace: "pre-wrap" }}>{project.questions}</span> : t("evaluations.overview.not_written")}</Fact>
              <Fact label={t("evaluations.overview.agreement")}>
                {project.agreementDate
                  ? t("evaluations.overview.agreement_on", {
                      date: t.date(project.agreementDate),
                    })
                  : t("evaluations.overview.agreement_missing")}
                {project.agreementText ? <span style={{ whiteSpace: "pre-wrap" }}>{"\n" + project.agreementText}</span> : null}
              </Fact>
              {project.dialogueConferenceDate ? <Fact label={t("evaluations.field.dialogue_conference_date")}>{t.date(project.dialogueConferenceDate)}</Fact> : null}
              <Fact label={t("evaluations.field.k")}>
                {t("evaluations.overview.k_value", {
                  k: effectiveK(project.k),
                })}
              </Fact>
              <Fact label={t("evaluations.overview.sites")}>{sites.length > 0 ? sites.map((s) => s.name).join(", ") : t("evaluations.overview.no_sites")}</Fact>
            </>
          )}
        </dl>
        {d.canEdit ? (
          <Paragraph>
            <AppLink to={`/evalueringer/${project.id}/rediger`}>{t("evaluations.overview.edit")}</AppLink>
          </Paragraph>
        ) : null}
        {d.canExport ? (
          <Paragraph>
            <a className="ds-link" href={`/evalueringer/${project.id}/eksport`} download>
              {t("evaluations.archive.export.download")}
            </a>{" "}
            {t("evaluations.archive.export.help")}
          </Paragraph>
        ) : null}
      </section>

      {d.administratorOnly ? null : (
        <section className="kp-stack" aria-labelledby="overview-team">
          <Heading level={2} data-size="md" id="overview-team">
            {t("evaluations.overview.team")}
          </Heading>
          <dl className="kp-facts">
            <Fact label={t("evaluations.role.lead")}>{names("lead").join(", ") || t("evaluations.overview.nobody")}</Fact>
            <Fact label={t("evaluations.team.interviewers")}>{names("interviewer").join(", ") || t("evaluations.overview.nobody")}</Fact>
            <Fact label={t("evaluations.team.service_contacts")}>{names("service_contact").join(", ") || t("evaluations.overview.nobody")}</Fact>
          </dl>
          {d.canManageTeam ? (
            <Paragraph>
              <AppLink to={`/evalueringer/${project.id}/team`}>{t("evaluations.overview.edit_team")}</AppLink>
            </Paragraph>
          ) : null}
        </section>
      )}

      {history.length > 0 ? (
        <section className="kp-stack" aria-labelledby="overview-history">
          <Heading level={2} data-size="md" id="overview-history">
            {t("evaluations.overview.history")}
          </Heading>
          <TableWrap label={t("evaluations.overview.history")}>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("evaluations.overview.history_when")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("evaluations.overview.history_change")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("evaluations.overview.history_who")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.map((h) => (
                  <Table.Row key={`${h.at}-${h.to}`}>
                    <Table.Cell>{t.date(h.at, "datetime")}</Table.Cell>
                    <Table.Cell>
                      {h.from === h.to
                        ? t("evaluations.overview.history_started", {
                            phase: phaseName(h.to),
                          })
                        : t("evaluations.overview.history_moved", {
                            from: phaseName(h.from),
                            to: phaseName(h.to),
                          })}
                    </Table.Cell>
                    <Table.Cell>{h.by ?? t("evaluations.overview.deleted_account")}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        </section>
      ) : null}
      <Paragraph data-size="sm" className="kp-muted">
        {t("evaluations.overview.state", {
          sessions: state.sessions,
          analysed: state.analysedSessions,
        })}
      </Paragraph>
      {d.canDelete ? (
        // At the bottom, quiet, and not in the project menu: deleting is rare and cannot be undone (ADR 0027).
        <Paragraph data-size="sm">
          <a className="ds-link" data-color="danger" href={`/evalueringer/${project.id}/slett`}>
            {t("evaluations.delete.link")}
          </a>
        </Paragraph>
      ) : null}
    </div>
  );
}
