import type { Route } from "./+types/folder-pdf";
import { osloToday } from "~/lib/oslo-date";
import { getRequestState, requireUser } from "~/lib/request.server";
import { buildFolder } from "../folder.server";
import { folderPdf } from "../folder-pdf.server";
import { toolkitStore } from "../toolkit-route.server";

/** The printable folder. The file name says nothing about its content. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = requireUser(context, request);
  const { lang } = getRequestState(context);
  const folder = await buildFolder(toolkitStore(context), user.actor, lang);
  const pdf = await folderPdf(lang, user.name, folder.sections);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="mappe-${osloToday()}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
