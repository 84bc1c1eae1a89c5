import type { ProjectsKey } from "./projects.nb";

export const projectsEn: Record<ProjectsKey, string> = {
  "evaluations.nav.label": "The evaluation",
  "evaluations.nav.all_projects": "All evaluations",
  "evaluations.nav.phase": "Phase: {phase}",
  "evaluations.nav.overview": "Overview",
  "evaluations.nav.guide": "Theme guide",
  "evaluations.nav.recruitment": "Recruitment",
  "evaluations.nav.sessions": "Interviews",
  "evaluations.nav.analysis": "Analysis",
  "evaluations.nav.process_report": "Process report",
  "evaluations.nav.final_report": "Final report",
  "evaluations.nav.team": "Team",
  "evaluations.phase.agreement": "Agreement",
  "evaluations.phase.theme_guide": "Theme guide",
  "evaluations.phase.recruitment": "Recruitment",
  "evaluations.phase.interviews": "Interviews",
  "evaluations.phase.analysis": "Analysis",
  "evaluations.phase.process_report": "Process report",
  "evaluations.phase.dialogue_conference": "Dialogue conference",
  "evaluations.phase.final_report": "Final report",
  "evaluations.phase.follow_up": "Follow-up",
  "evaluations.phase.closed": "Closed",
};

/** Keys whose En text is rightly the same as bokmål (reviewed by hand; app/i18n/i18n.test.ts checks them). */
export const projectsEnSameAsNb: readonly ProjectsKey[] = ["evaluations.nav.team"];
