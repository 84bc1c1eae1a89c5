import { redirect } from "react-router";
import { osloToday } from "~/lib/oslo-date";
import type { Route } from "./+types/export";
import { requireUser } from "~/lib/request.server";
import { exportToolkit } from "../toolkit-export.server";
import { requestId, toolkitStore } from "../toolkit-route.server";

/** A resource route: POST answers with the export file itself (a download), GET goes to the data page. */
export function loader() {
  return redirect("/verktoy/data");
}

export async function action({ context, request }: Route.ActionArgs) {
  const user = requireUser(context, request);
  const doc = await exportToolkit(toolkitStore(context), user.actor, requestId(context));
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="verktoykasse-${osloToday()}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
