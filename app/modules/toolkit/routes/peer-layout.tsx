import "~/modules/toolkit/i18n/register";
import { Outlet } from "react-router";
import { IdleLock, LockButton, ToolkitErrorBoundary } from "../components/toolkit-chrome";

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

export { ToolkitErrorBoundary as ErrorBoundary };
