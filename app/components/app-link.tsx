import { createContext, useContext, type ReactNode } from "react";
import { Link as RouterLink } from "react-router";
import { Link } from "@digdir/designsystemet-react";

/**
 * True while the server renders a page that never hydrates (`handle.hydrate = false`, ADR 0022); set by the
 * root `Layout`, and always false in the browser. Such a page's HTML is all there is: no script will ever make
 * its links client-side links or its forms React Router forms, so components may render plain elements instead
 * of React Router's `<Link>`, `<NavLink>` and `<Form>`, with the same HTML (the attributes those write, in their
 * order, `data-discover` included) at a fraction of the server's CPU (issue 12, item 2; ADR 0023). A server-only
 * page rendered in the browser after a client-side navigation (ADR 0022) gets React Router's components as before.
 */
export const ServerOnlyPage = createContext(false);

export function useServerOnlyPage(): boolean {
  return useContext(ServerOnlyPage);
}

/**
 * What React Router's `<NavLink>` computes for `aria-current` and the `active` class (7.18.4; case-insensitive,
 * no pending state on the server), for an app-internal path without `..` or a base name.
 */
export function isActivePath(locationPathname: string, to: string, end = false): boolean {
  const current = locationPathname.toLowerCase();
  const target = to.toLowerCase();
  const endSlash = target !== "/" && target.endsWith("/") ? target.length - 1 : target.length;
  return current === target || (!end && current.startsWith(target) && current.charAt(endSlash) === "/");
}

/**
 * A Designsystemet link that navigates client-side when JavaScript runs, and is a plain link when not. On a
 * page that never hydrates the server writes the same `<a>` without React Router's `<Link>` (ADR 0023).
 * `to` is an app path (`/…`, with any query and fragment), never relative.
 */
export function AppLink({ to, children, ...rest }: { to: string; children: ReactNode; "data-testid"?: string }) {
  if (useServerOnlyPage()) {
    return (
      <a className="ds-link" {...rest} href={to} data-discover="true">
        {children}
      </a>
    );
  }
  return (
    <Link asChild {...rest}>
      <RouterLink to={to}>{children}</RouterLink>
    </Link>
  );
}
