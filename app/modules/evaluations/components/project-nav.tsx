import { Link, NavLink, useLocation } from "react-router";
import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";
import { projectCan, type Phase, type ProjectAccessRole, type ProjectAction } from "../evaluations";

/**
 * The parts of a project, each behind the action that opens it: a person sees only the links they may follow.
 * `covers`: pages without an entry of their own that belong to the part (the codes are part of the analysis).
 */
const sections: { path: string; label: MessageKey; action: ProjectAction; covers?: string[] }[] = [
  { path: "", label: "evaluations.nav.overview", action: "project.view" },
  { path: "/temaguide", label: "evaluations.nav.guide", action: "guide.edit" },
  { path: "/rekruttering", label: "evaluations.nav.recruitment", action: "recruitment.edit" },
  { path: "/intervju", label: "evaluations.nav.sessions", action: "session.read" },
  { path: "/analyse", label: "evaluations.nav.analysis", action: "analysis.view_all", covers: ["/koder"] },
  { path: "/prosessrapport", label: "evaluations.nav.process_report", action: "report.read_published" },
  { path: "/sluttrapport", label: "evaluations.nav.final_report", action: "report.read_published" },
  { path: "/team", label: "evaluations.nav.team", action: "project.manage_team" },
];

/**
 * Whether the page at `pathname` lies inside a part without being the part's own page (a session under
 * "Intervju", the codes under "Analyse"). The part's own page gets aria-current="page" from NavLink; a page
 * inside it marks the part with aria-current="true" (WAI: "current item in a set", not the page itself).
 */
function insidePart(pathname: string, base: string, part: { path: string; covers?: string[] }): boolean {
  if (part.path === "") return false;
  const here = pathname.replace(/\/+$/, "").toLowerCase();
  const at = (path: string) => `${base}${path}`.toLowerCase();
  return here.startsWith(`${at(part.path)}/`) || (part.covers ?? []).some((path) => here === at(path) || here.startsWith(`${at(path)}/`));
}


export type ProjectHeaderData = { id: string; title: string; serviceName: string; phase: Phase; roles: ProjectAccessRole[] };

/**
 * The top of every page under a project: its title, the service it evaluates, the current phase, and the
 * project's own menu. The page below has its own h1; this heading is not one.
 */
export function ProjectNav({ project }: { project: ProjectHeaderData }) {
  const t = useT();
  const base = `/evalueringer/${project.id}`;
  const { pathname } = useLocation();
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
                  {insidePart(pathname, base, s) ? (
                    <Link to={base + s.path} reloadDocument className="ds-link" aria-current="true">
                      {t(s.label)}
                    </Link>
                  ) : (
                    <NavLink to={base + s.path} end reloadDocument className="ds-link">
                      {t(s.label)}
                    </NavLink>
                  )}
                </li>
              ))}
          </ul>
        </nav>
      </div>
    </div>
  );
}
