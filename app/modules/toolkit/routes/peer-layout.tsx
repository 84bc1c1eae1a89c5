import { isRouteErrorResponse, Outlet, useRouteError } from "react-router";
import { ErrorPage } from "~/components/error-page";
import { IdleLock, LockButton, ReauthPage } from "../components/toolkit-chrome";
import type { ReauthData } from "../toolkit-route.server";

/**
 * What peer workers read of participants' toolkits (/delt-med-meg): like the toolkit itself, server-rendered
 * only, with "lock now" and the idle lock, and "log in again" keeps a suggestion being typed.
 */
export const handle = { hydrate: false };

export default function PeerLayout() {
  return (
    <div className="kp-stack">
      <div className="kp-toolkit-bar">
        <span />
        <LockButton />
      </div>
      <Outlet />
      <IdleLock />
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && (error.data as ReauthData | undefined)?.reason === "reauth") {
    return <ReauthPage data={error.data as ReauthData} />;
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const reason = isRouteErrorResponse(error) ? (error.data as { reason?: string } | undefined)?.reason : undefined;
  return <ErrorPage status={status} reason={reason} />;
}
