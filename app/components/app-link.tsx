import type { ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import { Link } from "@digdir/designsystemet-react";

/** A Designsystemet link that navigates client-side when JavaScript runs, and is a plain link when not. */
export function AppLink({ to, children, ...rest }: { to: string; children: ReactNode; "data-testid"?: string }) {
  return (
    <Link asChild {...rest}>
      <RouterLink to={to}>{children}</RouterLink>
    </Link>
  );
}
