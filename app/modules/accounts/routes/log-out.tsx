import { redirect } from "react-router";
import type { Route } from "./+types/log-out";
import { getServices } from "~/lib/services.server";
import { clearSessionCookie } from "~/lib/request.server";
import { endSession } from "../accounts.server";

export function loader() {
  return redirect("/");
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, cookies } = getServices();
  const token = (await cookies.session.parse(request.headers.get("Cookie"))) as string | null;
  if (token) await endSession(db, token);
  await clearSessionCookie(context);
  return redirect("/?utlogget=1");
}
