import { PassThrough } from "node:stream";
import type { EntryContext, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { clientContext, redactPath } from "~/lib/request.server";
import { log, errorFields, logRouteError } from "~/lib/log.server";
import { getServices } from "~/lib/services.server";
import { isPoolTimeout, markBusy } from "~/lib/db-busy.server";

// Extra exports used by server.mjs: everything TypeScript stays inside the Vite build.
export { createLoadContext } from "~/lib/request.server";
export { startServices, stopServices, getServices } from "~/lib/services.server";
export { pingDb } from "~/db/client.server";
export { ConfigError } from "~/lib/config";
export { DataDirLockedError } from "~/db/client.server";

export const streamTimeout = 5_000;

/** The map's tile server (MAP_TILES_URL), when the map is on: its images are allowed in img-src. */
function tilesOrigin(): string | undefined {
  try {
    return getServices().config.map?.tilesOrigin;
  } catch {
    return undefined; // services not started (a request refused before start): no map either
  }
}

/** Content-Security-Policy: scripts only from us, inline ones only with this response's nonce. */
function csp(nonce: string) {
  const tiles = tilesOrigin();
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const { nonce } = loadContext.get(clientContext);
  responseHeaders.set("Content-Security-Policy", csp(nonce));
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  if (neverHydrates(routerContext)) {
    // A page that never hydrates (ADR 0022) renders no <Scripts>, so nothing in it suspends (the app has no
    // Suspense, lazy or <Await>; only <Scripts>' hand-off of the loader data does): React's string renderer gives
    // the same HTML as the stream below, without encoding each small chunk into bytes on the way (ADR 0023).
    let html: string;
    try {
      html = renderToString(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />);
    } catch (error) {
      // As the stream's onError and onShellError: logged, then React Router renders the error page.
      log.error("render.error", errorFields(error));
      return Promise.reject(error);
    }
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    return new Response(Buffer.from(`<!DOCTYPE html>${html}`), { headers: responseHeaders, status: responseStatusCode });
  }
  return new Promise<Response>((resolve, reject) => {
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);
    // Wait for everything: pages are complete HTML without JavaScript.
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
      nonce,
      onAllReady() {
        // Everything is rendered by now, so the page goes out as one buffer: React's many small chunks would
        // otherwise each cross a Node stream, a Web stream and back, and be written one by one (issue 12, item 2:
        // ≈ 10 % of the search page's CPU went to writing them).
        const chunks: Buffer[] = [];
        const body = new PassThrough();
        body.on("data", (chunk: Buffer) => chunks.push(chunk));
        body.on("end", () => {
          clearTimeout(timeoutId);
          timeoutId = undefined;
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }));
        });
        body.on("error", reject);
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        log.error("render.error", errorFields(error));
      },
    });
  });
}

/** Whether the page's routes say `handle.hydrate = false`: the same test as the root layout's (ADR 0022). */
function neverHydrates(context: EntryContext): boolean {
  return context.staticHandlerContext.matches.some((m) => (context.routeModules[m.route.id]?.handle as { hydrate?: boolean } | undefined)?.hydrate === false);
}

/** Errors from loaders and actions: logged without request data; the user sees the friendly 500 page. */
export function handleError(error: unknown, { request, context }: { request: Request; context?: object }) {
  if (request.signal.aborted) return;
  // No database connection in time: the root middleware answers 503 with Retry-After (ADR 0021).
  if (isPoolTimeout(error) && context) {
    markBusy(context);
    log.warn("db.pool_timeout", { path: redactPath(new URL(request.url).pathname) });
    return;
  }
  logRouteError(error, redactPath(new URL(request.url).pathname));
}
