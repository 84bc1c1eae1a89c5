import "./designsystemet.css";
import "@digdir/designsystemet-css/theme";
import "./app.css";
import { useEffect } from "react";
import { preloadModule } from "react-dom";
import catalogueChunks from "virtual:kp/catalogue-chunks";
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useMatches, useNavigation, useRouteError, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { appMiddleware, clientContext, getRequestState, whoTag } from "~/lib/request.server";
import { getServices } from "~/lib/services.server";
import { AppShell } from "~/components/shell";
import { groupByCentre } from "~/modules/accounts/accounts";
import { ErrorPage } from "~/components/error-page";
import { isLang, type Lang } from "~/i18n/i18n";
import { LangOverride } from "~/i18n/use-t";
import { ServerOnlyPage } from "~/components/app-link";

export const middleware: Route.MiddlewareFunction[] = [appMiddleware];

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { config } = getServices();
  const user = state.user;
  return {
    lang: state.lang,
    csrfToken: state.csrfToken,
    siteName: config.siteName,
    // The data controller, as the privacy statement promises "at the bottom of the page" (public details).
    controller: config.controller ?? null,
    nonce: context.get(clientContext).nonce,
    idleMinutes: config.sessionIdleMinutes,
    who: user ? whoTag(user.id) : null,
    user: user ? { name: user.name, isAdmin: user.isAdmin, centres: groupByCentre(user.memberships) } : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const lang: Lang = data?.lang ?? errorLang(useRouteError());
  // Pages that set handle.hydrate = false (visitor and participant pages, the toolkit) are server-rendered
  // HTML and forms only: no script files, so they stay light on a cheap phone (issue 12, item 5; ADR 0022).
  // In the browser React runs only on a hydrated page (a staff tool, the map), so the scripts always stay
  // there: when such a page navigates client-side to a server-only page, that page renders in it like any other.
  const matches = useMatches();
  const hydrate = typeof document !== "undefined" || !matches.some((m) => (m.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
  // A hydrated page's browser loads only its language's catalogue, a chunk of its own, and entry.client.tsx
  // waits for it before hydrating: the server's HTML asks for it at once, beside the other modules (ADR 0025).
  if (hydrate && typeof document === "undefined") for (const href of catalogueChunks[lang] ?? []) preloadModule(href, { as: "script" });
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        {/* A page that never hydrates renders plain links and forms instead of React Router's (ADR 0023). */}
        {hydrate ? children : <ServerOnlyPage.Provider value={true}>{children}</ServerOnlyPage.Provider>}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={data?.nonce} />
            <Scripts nonce={data?.nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  const navigation = useNavigation();
  // Lets browser tests (and assistive scripts) know when a client-side navigation has settled.
  useEffect(() => {
    document.documentElement.dataset.navigation = navigation.state;
  }, [navigation.state]);
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const info = isRouteErrorResponse(error) && error.data && typeof error.data === "object" ? (error.data as { reason?: string; lang?: string }) : {};
  const root = useRouteLoaderData("root") as RootData | undefined;
  const lang = root?.lang ?? (isLang(info.lang) ? info.lang : "nb");
  return (
    <LangOverride.Provider value={lang}>
      <AppShell>
        <ErrorPage status={status} reason={info.reason} />
      </AppShell>
    </LangOverride.Provider>
  );
}

/** When the root loader did not run, middleware put the language in the thrown error's data. */
function errorLang(error: unknown): Lang {
  if (isRouteErrorResponse(error) && error.data && typeof error.data === "object") {
    const lang = (error.data as { lang?: unknown }).lang;
    if (isLang(lang)) return lang;
  }
  return "nb";
}
