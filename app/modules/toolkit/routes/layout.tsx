import { isRouteErrorResponse, Outlet, useRouteError } from "react-router";
import { ErrorPage } from "~/components/error-page";
import { IdleLock, ReauthPage, ToolkitNav } from "../components/toolkit-chrome";
import type { ReauthData } from "../toolkit-route.server";

/** Every toolkit page: server-rendered only (no React on the client), its own menu, lock now, idle lock. */
export const handle = { hydrate: false };

export default function ToolkitLayout() {
  return (
    <div className="kp-stack">
      <ToolkitNav />
      <Outlet />
      <IdleLock />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (
    isRouteErrorResponse(error) &&
    (error.data as ReauthData | undefined)?.reason === "reauth"
  ) {
    return <ReauthPage data={error.data as ReauthData} />;
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error)
    ? (error.data as { reason?: string } | undefined)?.reason
    : undefined;
  return <ErrorPage status={status} reason={reason} />;
}
