// The React Router patch (patches/react-router+7.18.4.patch, ADR 0024): ServerRouter builds its route tree and the
// static router's data routes once per build instead of on every document request, and a document's loader data
// is encoded for the browser only when <Scripts> reads it. These tests render pages through React Router's own
// request handler, as the app's server does, and fail without the patch.
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { createElement, useContext } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import {
  createRequestHandler,
  Outlet,
  Scripts,
  ServerRouter,
  UNSAFE_DataRouterContext,
  useLoaderData,
  type EntryContext,
  type ServerBuild,
} from "react-router";

type Seen = { routes: unknown; page: string };

/** A small build with a root layout and two pages; each render records the route tree it ran with. */
function makeBuild(name: string) {
  const seen: Seen[] = [];
  let handleReads = 0;
  function Root() {
    const router = useContext(UNSAFE_DataRouterContext)?.router;
    seen.push({ routes: router?.routes, page: "" });
    return createElement("main", null, createElement(Outlet));
  }
  function Page() {
    const data = useLoaderData() as { path: string };
    const text = `${name} ${data.path}`;
    seen[seen.length - 1]!.page = text;
    return createElement("p", null, text);
  }
  const pageModule = (path: string) => ({
    default: Page,
    loader: ({ request }: { request: Request }) => ({ path: `${new URL(request.url).pathname} (${path})` }),
    // Read by React Router when it derives a request handler from the build, and each time it builds its server routes.
    get handle() {
      handleReads += 1;
      return { page: path };
    },
  });
  const manifestRoute = (id: string, path: string, parentId?: string, hasLoader = false) => ({
    id,
    path,
    parentId,
    hasAction: false,
    hasLoader,
    hasClientAction: false,
    hasClientLoader: false,
    hasClientMiddleware: false,
    hasErrorBoundary: false,
    module: `/${id}.js`,
    imports: [],
  });
  async function handleRequest(request: Request, status: number, headers: Headers, context: EntryContext) {
    const html = renderToString(createElement(ServerRouter, { context, url: request.url }));
    headers.set("Content-Type", "text/html");
    return new Response(`<!DOCTYPE html>${html}`, { status, headers });
  }
  const build = {
    entry: { module: { default: handleRequest } },
    routes: {
      root: { id: "root", path: "", module: { default: Root } },
      "routes/a": { id: "routes/a", parentId: "root", path: "a", module: pageModule("a") },
      "routes/b": { id: "routes/b", parentId: "root", path: "b", module: pageModule("b") },
    },
    assets: {
      entry: { module: "/entry.client.js", imports: [] },
      url: "/manifest.js",
      version: "1",
      routes: {
        root: manifestRoute("root", ""),
        "routes/a": manifestRoute("routes/a", "a", "root", true),
        "routes/b": manifestRoute("routes/b", "b", "root", true),
      },
    },
    future: { v8_middleware: false },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    basename: undefined,
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
    allowedActionOrigins: false,
  } as unknown as ServerBuild;
  return { build, seen, handleReads: () => handleReads };
}

const get = (build: ServerBuild, path: string) => createRequestHandler(build, "production")(new Request(`http://localhost${path}`));

describe("React Router's server routes, memoised per build (ADR 0024)", () => {
  it("builds the route tree once for repeated pages of one build, and each page still gets its own data", async () => {
    const one = makeBuild("one");
    const handler = createRequestHandler(one.build, "production");
    const first = await handler(new Request("http://localhost/a"));
    const readsAfterFirst = one.handleReads();
    const second = await handler(new Request("http://localhost/b?x=1"));
    const third = await handler(new Request("http://localhost/a"));
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(await first.text()).toContain("one /a (a)");
    expect(await second.text()).toContain("one /b (b)");
    expect(one.seen.map((s) => s.page)).toEqual(["one /a (a)", "one /b (b)", "one /a (a)"]);
    // The same route tree for every render of the build…
    expect(one.seen[0]!.routes).toBeDefined();
    expect(one.seen[1]!.routes).toBe(one.seen[0]!.routes);
    expect(one.seen[2]!.routes).toBe(one.seen[0]!.routes);
    // …built once: no route module is read again after the first page.
    expect(one.handleReads()).toBe(readsAfterFirst);
  });

  it("gives a different build its own route tree, even through a new request handler", async () => {
    const one = makeBuild("one");
    const two = makeBuild("two");
    await get(one.build, "/a");
    const oneReads = one.handleReads();
    await get(one.build, "/a"); // a second handler for the same build reuses its tree: only its own derivation reads
    const derivationReads = one.handleReads() - oneReads;
    const response = await get(two.build, "/a");
    expect(await response.text()).toContain("two /a (a)");
    expect(two.seen[0]!.routes).toBeDefined();
    expect(two.seen[0]!.routes).not.toBe(one.seen[0]!.routes);
    expect(one.seen[1]!.routes).toBe(one.seen[0]!.routes);
    expect(two.handleReads()).toBe(oneReads); // the new build's tree was built for it
    expect(derivationReads).toBeLessThan(oneReads);
  });

  it("still renders a 404 for an unknown path and the right page after it", async () => {
    const one = makeBuild("one");
    const handler = createRequestHandler(one.build, "production");
    expect((await handler(new Request("http://localhost/nowhere"))).status).toBe(404);
    const after = await handler(new Request("http://localhost/b"));
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("one /b (b)");
  });
});

/**
 * A build whose one page's loader returns a date that counts how often it is serialised: React Router's encoder
 * (turbo-stream) reads a date's `getTime()` when it encodes the loader data for the browser, and nothing else
 * here does. `scripts`: the root renders `<Scripts>` (a hydrated page; the entry then streams the whole page, as
 * app/entry.server.tsx does) or not (a page that never hydrates, rendered to a string, as the app does).
 */
function handoffBuild({ scripts, withPromise = false }: { scripts: boolean; withPromise?: boolean }) {
  let encodedDates = 0;
  function Root() {
    return createElement("html", null, createElement("body", null, createElement(Outlet), scripts ? createElement(Scripts) : null));
  }
  function Page() {
    const data = useLoaderData() as { title: string };
    return createElement("h1", null, data.title);
  }
  const loader = () => {
    const when = new Date(Date.UTC(2026, 11, 8));
    const getTime = when.getTime.bind(when);
    when.getTime = () => {
      encodedDates += 1;
      return getTime();
    };
    return { title: "Kurs i Vestland", when, ...(withPromise ? { later: Promise.resolve("later") } : {}) };
  };
  async function handleRequest(_request: Request, status: number, headers: Headers, context: EntryContext) {
    headers.set("Content-Type", "text/html");
    const page = createElement(ServerRouter, { context, url: _request.url });
    if (!scripts) return new Response(`<!DOCTYPE html>${renderToString(page)}`, { status, headers });
    const html = await new Promise<string>((resolve, reject) => {
      const { pipe } = renderToPipeableStream(page, {
        onAllReady() {
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on("data", (chunk: Buffer) => chunks.push(chunk));
          body.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          pipe(body);
        },
        onShellError: reject,
      });
    });
    return new Response(`<!DOCTYPE html>${html}`, { status, headers });
  }
  const manifestRoute = (id: string, path: string, parentId?: string, hasLoader = false) => ({
    id,
    path,
    parentId,
    hasAction: false,
    hasLoader,
    hasClientAction: false,
    hasClientLoader: false,
    hasClientMiddleware: false,
    hasErrorBoundary: false,
    module: `/${id}.js`,
    imports: [],
  });
  const build = {
    entry: { module: { default: handleRequest } },
    routes: {
      root: { id: "root", path: "", module: { default: Root } },
      "routes/page": { id: "routes/page", parentId: "root", path: "page", module: { default: Page, loader } },
    },
    assets: {
      entry: { module: "/entry.client.js", imports: [] },
      url: "/manifest.js",
      version: "1",
      routes: { root: manifestRoute("root", ""), "routes/page": manifestRoute("routes/page", "page", "root", true) },
    },
    future: { v8_middleware: false },
    ssr: true,
    isSpaMode: false,
    prerender: [],
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    basename: undefined,
    routeDiscovery: { mode: "initial", manifestPath: "/__manifest" },
    allowedActionOrigins: false,
  } as unknown as ServerBuild;
  return { build, encodedDates: () => encodedDates };
}

describe("a document's loader data, encoded for the browser only when <Scripts> reads it (ADR 0024)", () => {
  it("is not encoded for a page that renders no scripts, which still shows its loader data", async () => {
    const page = handoffBuild({ scripts: false });
    const response = await get(page.build, "/page");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>Kurs i Vestland</h1>");
    expect(html).not.toContain("<script");
    expect(page.encodedDates()).toBe(0);
  });

  it("is encoded once, and handed to the browser, for a page that renders <Scripts>", async () => {
    const page = handoffBuild({ scripts: true });
    const response = await get(page.build, "/page");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("<h1>Kurs i Vestland</h1>");
    // The hand-off of the loader data: the browser's router starts from it instead of loading the page's data again.
    const handoff = [...html.matchAll(/streamController\.enqueue\(("(?:[^"\\]|\\.)*")\)/g)].map((m) => JSON.parse(m[1]!) as string).join("");
    expect(handoff).toContain('"Kurs i Vestland"');
    expect(handoff).toContain(String(Date.UTC(2026, 11, 8)));
    expect(html).toContain("streamController.close()");
    expect(page.encodedDates()).toBe(1);
  });

  it("is encoded at once, as before, when it holds a promise, so that the promise is observed", async () => {
    const page = handoffBuild({ scripts: false, withPromise: true });
    const response = await get(page.build, "/page");
    expect(await response.text()).toContain("<h1>Kurs i Vestland</h1>");
    expect(page.encodedDates()).toBe(1);
  });
});
