import { archiveEnSameAsNb } from "./archive.en";
import { archiveNnSameAsNb } from "./archive.nn";
import { projectsEnSameAsNb } from "./projects.en";
import { projectsNnSameAsNb } from "./projects.nn";
import { reportsEnSameAsNb } from "./reports.en";
import { reportsNnSameAsNb } from "./reports.nn";
import { sessionsEnSameAsNb } from "./sessions.en";
import { sessionsNnSameAsNb } from "./sessions.nn";

/** The evaluation module's keys whose nn or en text is rightly the same as bokmål, from each area's files. */
export const evaluationsSameAsNb = {
  nn: [...projectsNnSameAsNb, ...sessionsNnSameAsNb, ...reportsNnSameAsNb, ...archiveNnSameAsNb],
  en: [...projectsEnSameAsNb, ...sessionsEnSameAsNb, ...reportsEnSameAsNb, ...archiveEnSameAsNb],
};
