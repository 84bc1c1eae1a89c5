import "~/modules/evaluations/i18n/register";
import type { Route } from "./+types/export";
import { getServices } from "~/lib/services.server";
import { getRequestState, requireUser } from "~/lib/request.server";
import { guard, notFound, uuidPattern } from "~/lib/route-helpers.server";
import { archiveFileName, exportProject } from "../archive.server";
import { refusalAsPage } from "~/lib/refusal-page.server";

/**
 * /evalueringer/:projectId/eksport — the project archive as a download (docs/evaluation-export.md), for the
 * analysis team only (`project.export`; 404 for someone who may not know the project, 403 for a service
 * contact or a coordinator outside the team). Every download is recorded in the audit log. Never stored
 * by a browser or a proxy: it holds notes and statements.
 */
export async function loader(args: Route.LoaderArgs) {
  return refusalAsPage(getRequestState(args.context).lang, () => archiveDownload(args));
}

async function archiveDownload({ params, context, request }: Route.LoaderArgs): Promise<Response> {
  const user = requireUser(context, request);
  if (!uuidPattern.test(params.projectId)) notFound();
  const { requestId } = getRequestState(context);
  const doc = await guard(() => exportProject(getServices().db, user.actor, params.projectId, { requestId }));
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${archiveFileName(doc.project.title)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
