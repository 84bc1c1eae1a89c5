import type { Config } from "@react-router/dev/config";

/**
 * React Router's v8 behaviour, adopted now (issue 11, item 16), so `npm start` prints no future-flag warnings:
 * - v8_middleware: the root middleware (app/lib/request.server.ts) runs before every loader and action.
 * - v8_splitRouteModules: a route's client-only exports load as chunks of their own (we have none, so the
 *   bundles are the same).
 * - v8_viteEnvironmentApi: the client and server builds run through Vite's Environment API (Vite 8); the
 *   output is the same build/client and build/server/index.js that server.mjs serves.
 * - v8_trailingSlashAwareDataRequests: a data request for "/" is `/_.data` (was `/_root.data`), and one for
 *   a path with a trailing slash is `/path/_.data`; document requests and the paths loaders see are unchanged.
 * - v8_passThroughRequests: off for now, said explicitly. With it on, a data request's `request.url` keeps
 *   its `.data` suffix and `_routes` parameter, so every loader and action that reads `new URL(request.url)`
 *   (18 places, in all modules) must first move to the `url` argument React Router gives them.
 */
export default {
  ssr: true,
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_trailingSlashAwareDataRequests: true,
    v8_passThroughRequests: false,
  },
} satisfies Config;
