import { NavLink } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { projectCan, type Phase, type ProjectAccessRole, type ProjectAction } from "../evaluations";

/** The parts of a project, each behind the action that opens it: a person sees only the links they may follow. */
const sections: { path: string; label: MessageKey; action: ProjectAction; end?: boolean }[] = [
  { path: "", label: "evaluations.nav.overview", action: "project.view", end: true },
  { path: "/temaguide", label: "evaluations.nav.guide", action: "guide.edit" },
  { path: "/rekruttering", label: "evaluations.nav.recruitment", action: "recruitment.edit" },
  { path: "/intervju", label: "evaluations.nav.sessions", action: "session.read" },
  { path: "/analyse", label: "evaluations.nav.analysis", action: "analysis.view_all" },
  { path: "/prosessrapport", label: "evaluations.nav.process_report", action: "report.read_published" },
  { path: "/sluttrapport", label: "evaluations.nav.final_report", action: "report.read_published" },
  { path: "/team", label: "evaluations.nav.team", action: "project.manage_team" },
];

export type ProjectHeaderData = { id: string; title: string; serviceName: string; phase: Phase; roles: ProjectAccessRole[] };

/**
 * The top of every page under a project: its title, the service it evaluates, the current phase, and the
 * project's own menu. The page below has its own h1; this heading is not one.
 */
export function ProjectNav({ project }: { project: ProjectHeaderData }) {
  const t = useT();
  const base = `/evalueringer/${project.id}`;
  return (
    <div className="kp-stack">
      <div>
        <Paragraph data-size="sm">
          <NavLink to="/evalueringer" reloadDocument className="ds-link">
            {t("evaluations.nav.all_projects")}
          </NavLink>
        </Paragraph>
        <Heading level={2} data-size="sm">
          {project.title}
        </Heading>
        <Paragraph data-size="sm">
          {project.serviceName} · {t("evaluations.nav.phase", { phase: t(`evaluations.phase.${project.phase}` as MessageKey) })}
        </Paragraph>
      </div>
      {/* On a phone the menu wraps to a few rows (app.css): every part, and the current one, stays in sight. */}
      <div className="kp-project-bar">
        <nav aria-label={t("evaluations.nav.label")}>
          <ul className="kp-project-nav">
            {sections
              .filter((s) => projectCan(project.roles, s.action))
              .map((s) => (
                <li key={s.path}>
                  <NavLink to={base + s.path} end={s.end} reloadDocument className="ds-link">
                    {t(s.label)}
                  </NavLink>
                </li>
              ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
