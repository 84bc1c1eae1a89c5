import type { z } from "zod";
import { getServices } from "~/lib/services.server";
import { uuidPattern } from "~/lib/route-helpers.server";
import { page, parseParams } from "./hsds";

const headers = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET",
  "Cache-Control": "public, max-age=60",
};

export function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

/** A 4xx with a JSON body saying what was wrong; never a 500 for bad input. */
export function apiError(status: 400 | 404, message: string, errors?: { parameter: string; message: string }[]) {
  return json({ status, message, ...(errors ? { errors } : {}) }, status);
}

export function ndjson(items: unknown[]) {
  return new Response(items.map((item) => JSON.stringify(item)).join("\n") + (items.length ? "\n" : ""), {
    headers: { ...headers, "Content-Type": "application/x-ndjson; charset=utf-8" },
  });
}

type ListParams = { page: number; per_page: number; format: "json" | "ndjson" };

/**
 * One HSDS endpoint with an optional {id}: the list (paged, filtered) or one item.
 * Bad parameters → 400 JSON; unknown id → 404 JSON.
 */
export async function hsdsEndpoint<S extends z.ZodType<ListParams>>(
  request: Request,
  id: string | undefined,
  handlers: {
    params: S;
    list: (db: ReturnType<typeof getServices>["db"], params: z.output<S>) => Promise<{ total: number; items: unknown[] }>;
    one: (db: ReturnType<typeof getServices>["db"], id: string) => Promise<unknown | undefined>;
  },
) {
  const { db } = getServices();
  if (id !== undefined) {
    if (!uuidPattern.test(id)) return apiError(400, "The id must be a UUID.");
    const item = await handlers.one(db, id);
    return item ? json(item) : apiError(404, "Not found.");
  }
  const parsed = parseParams(handlers.params, new URL(request.url));
  if (!parsed.ok) return apiError(400, "Bad query parameters.", parsed.errors);
  const params = parsed.data as z.output<S> & ListParams;
  const { total, items } = await handlers.list(db, params);
  if (params.format === "ndjson") return ndjson(items);
  return json(page(items, total, params.page, params.per_page));
}
