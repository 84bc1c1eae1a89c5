import "~/modules/toolkit/i18n/register";
import { Outlet, redirect } from "react-router";
import type { Route } from "./+types/layout";
import { getRequestState } from "~/lib/request.server";
import { IdleLock, ToolkitErrorBoundary, ToolkitNav } from "../components/toolkit-chrome";

/** Every toolkit page: server-rendered only (no React on the client), its own menu, lock now, idle lock. */
export const handle = { hydrate: false };

/** Nothing in the toolkit before the participant has said yes (the pages' own loaders ask for a login). */
export async function loader({ context, request }: Route.LoaderArgs) {
  // The consent as the session query read it at the start of this request (no statement of its own).
  const { user, toolkit } = getRequestState(context);
  const path = new URL(request.url).pathname;
  if (user && path !== "/verktoy/samtykke" && !toolkit?.consent) throw redirect("/verktoy/samtykke");
  return null;
}

export default function ToolkitLayout() {
  return (
    <div className="kp-stack">
      <ToolkitNav />
      <Outlet />
      <IdleLock />
    </div>
  );
}

export { ToolkitErrorBoundary as ErrorBoundary };
