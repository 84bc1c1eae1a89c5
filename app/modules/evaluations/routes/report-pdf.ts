import type { Route } from "./+types/report-pdf";
import { osloToday } from "~/lib/oslo-date";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { translate, type MessageKey } from "~/i18n/i18n";
import { findProjectAccess } from "../access.server";
import { projectCan } from "../evaluations";
import { loadPublicReport, loadPublishedReport, loadReportForTeam, sectionKeys, type ReportContent, type SectionKey } from "../reports.server";
import { reportPdf } from "../report-pdf.server";
import { refusalAsPage } from "~/lib/refusal-page.server";

/**
 * A report as PDF: /evalueringer/:projectId/prosessrapport/pdf, …/sluttrapport/pdf (the project's readers)
 * and /evalueringer/rapporter/:reportId/pdf (a public report, for everyone). The PDF is a document to pass
 * on, so it always holds the report as the service reads it — figures and quotes through the k rule — also
 * when the analysis team downloads it.
 */
export async function loader(args: Route.LoaderArgs) {
  return refusalAsPage(getRequestState(args.context).lang, () => reportDownload(args));
}

async function reportDownload({ params, context, request }: Route.LoaderArgs): Promise<Response> {
  const { db } = getServices();
  const { lang } = getRequestState(context);
  let content: ReportContent;
  if (params.reportId !== undefined) {
    if (!uuidPattern.test(params.reportId)) notFound();
    content = await guard(() => loadPublicReport(db, params.reportId!));
  } else {
    const user = requireUser(context, request);
    const projectId = params.projectId ?? "";
    if (!uuidPattern.test(projectId)) notFound();
    const kind = new URL(request.url).pathname.includes("/sluttrapport/") ? "final" : "process";
    const access = await findProjectAccess(db, user.actor, projectId);
    if (!access) notFound();
    if (projectCan(access.roles, "report.edit")) {
      const titles = Object.fromEntries(sectionKeys.map((k) => [k, translate(lang, `evaluations.report.section.${k}` as MessageKey)])) as Record<SectionKey, string>;
      content = (await guard(() => loadReportForTeam(db, user.actor, projectId, kind, titles))).preview;
    } else {
      const { report } = await guard(() => loadPublishedReport(db, user.actor, projectId, kind));
      if (!report) notFound();
      content = report;
    }
  }
  const pdf = await reportPdf(lang, content);
  const name = content.kind === "final" ? "sluttrapport" : "prosessrapport";
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}-${osloToday()}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
