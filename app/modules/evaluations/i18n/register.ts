import { registerMessages } from "~/i18n/i18n";
import { projectsNb } from "./projects.nb";
import { projectsNn } from "./projects.nn";
import { projectsEn } from "./projects.en";
import { sessionsNb } from "./sessions.nb";
import { sessionsNn } from "./sessions.nn";
import { sessionsEn } from "./sessions.en";
import { reportsNb } from "./reports.nb";
import { reportsNn } from "./reports.nn";
import { reportsEn } from "./reports.en";
import { archiveNb } from "./archive.nb";
import { archiveNn } from "./archive.nn";
import { archiveEn } from "./archive.en";

/**
 * Adds the evaluation module's texts to the app's catalogue, as the toolkit's register.ts does: the module's
 * pages render on the server only, so these texts never reach a browser. One file per area and language
 * (projects, sessions and analysis, reports, the archive), each with the same keys in nb, nn and en.
 */
registerMessages({
  nb: { ...projectsNb, ...sessionsNb, ...reportsNb, ...archiveNb },
  nn: { ...projectsNn, ...sessionsNn, ...reportsNn, ...archiveNn },
  en: { ...projectsEn, ...sessionsEn, ...reportsEn, ...archiveEn },
});
