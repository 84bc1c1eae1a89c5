import type { ProjectsKey } from "./projects.nb";
import type { SessionsKey } from "./sessions.nb";
import type { ReportsKey } from "./reports.nb";
import type { ArchiveKey } from "./archive.nb";

/** Every key of the evaluation module's catalogues. */
export type EvaluationsKey = ProjectsKey | SessionsKey | ReportsKey | ArchiveKey;
