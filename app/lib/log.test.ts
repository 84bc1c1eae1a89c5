import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { data, UNSAFE_ErrorResponseImpl as ErrorResponseImpl } from "react-router";
import { errorFields, logRequest, logRouteError, setLogLevel } from "./log.server";

let lines: { stream: "out" | "err"; line: Record<string, unknown> }[] = [];

beforeEach(() => {
  lines = [];
  setLogLevel("debug");
  const capture = (stream: "out" | "err") => (chunk: string | Uint8Array) => {
    for (const l of String(chunk).split("\n").filter(Boolean)) lines.push({ stream, line: JSON.parse(l) as Record<string, unknown> });
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(capture("out") as never);
  vi.spyOn(process.stderr, "write").mockImplementation(capture("err") as never);
});
afterEach(() => {
  vi.restoreAllMocks();
  setLogLevel("info");
});

describe("route errors in the log (issue 9, finding 9)", () => {
  it("logs React Router's 405 for a POST to a page without an action at info level, with its status", () => {
    // What React Router throws for it: an internal ErrorResponse wrapping an Error.
    const error = new ErrorResponseImpl(405, "Method Not Allowed", new Error('You made a POST request to "/personvern" but did not provide an `action`'), true);
    logRouteError(error, "/personvern");
    expect(lines).toEqual([{ stream: "out", line: expect.objectContaining({ level: "info", msg: "route.client_error", path: "/personvern", status: 405, statusText: "Method Not Allowed" }) }]);
    expect(JSON.stringify(lines)).not.toContain("[object Object]");
  });

  it("logs other 4xx error responses at info level and 5xx ones as errors, with the inner error's class", () => {
    logRouteError(new ErrorResponseImpl(404, "Not Found", new Error("No route matches URL"), true), "/x");
    logRouteError(new ErrorResponseImpl(500, "Internal Server Error", new TypeError("boom"), true), "/y");
    expect(lines.map((l) => [l.stream, l.line.level, l.line.msg, l.line.status, l.line.error])).toEqual([
      ["out", "info", "route.client_error", 404, undefined],
      ["err", "error", "route.error", 500, "TypeError"],
    ]);
  });

  it("still logs thrown errors as errors, and never an object's contents", () => {
    logRouteError(new RangeError("bad"), "/z");
    expect(lines[0]!.line).toMatchObject({ level: "error", msg: "route.error", path: "/z", error: "RangeError", errorMessage: "bad" });
    expect(errorFields({ email: "kari@example.org" })).toEqual({ error: "Object" });
    expect(errorFields(data({ email: "kari@example.org" }))).toEqual({ error: "DataWithResponseInit" });
  });
});

describe("the request line (issue 11, item 16)", () => {
  it("logs a request the client gave up on as request.aborted at info level, without the 500 nobody received", () => {
    const controller = new AbortController();
    const request = new Request("http://localhost/logg-inn", { method: "POST", signal: controller.signal });
    controller.abort();
    logRequest(request, new Response(null, { status: 500 }), { requestId: "r1", path: "/logg-inn", ms: 12 });
    expect(lines).toEqual([{ stream: "out", line: expect.objectContaining({ level: "info", msg: "request.aborted", requestId: "r1", method: "POST", path: "/logg-inn", ms: 12 }) }]);
    expect(lines[0]!.line).not.toHaveProperty("status");
  });

  it("logs an answered request with its status", () => {
    logRequest(new Request("http://localhost/logg-inn", { method: "POST" }), new Response(null, { status: 401 }), { requestId: "r2", path: "/logg-inn", ms: 30 });
    expect(lines).toEqual([{ stream: "out", line: expect.objectContaining({ level: "info", msg: "request", status: 401, method: "POST" }) }]);
  });
});
