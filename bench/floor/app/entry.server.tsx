import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { RouterContextProvider, ServerRouter, type EntryContext } from "react-router";
import { renderToPipeableStream } from "react-dom/server";

// The floor app's server entry (ADR 0020): React Router's default rendering (whole document once ready,
// as Knutepunkt's entry does), plus the few exports the repository's own server.mjs calls, as no-ops, so
// the floor runs behind the same Express entry (compression, headers, static files, request handler).

export class ConfigError extends Error {}
export class DataDirLockedError extends Error {}

export async function startServices(env: NodeJS.ProcessEnv) {
  return {
    config: { port: Number(env.PORT ?? 3000), publicUrl: env.PUBLIC_URL ?? "", secureCookies: false },
    handle: { kind: "none" },
    db: null,
  };
}
export async function stopServices() {}
export async function pingDb() {
  return true;
}
export function createLoadContext() {
  return new RouterContextProvider();
}

export const streamTimeout = 5_000;

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} />, {
      onAllReady() {
        clearTimeout(timer);
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        console.error(error);
      },
    });
    timer = setTimeout(abort, streamTimeout + 1000);
  });
}
