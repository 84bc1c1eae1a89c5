import { describe, expect, it } from "vitest";
import { data, redirect } from "react-router";
import { refusalAsPage } from "./refusal-page.server";

describe("a refusal from a download route", () => {
  it("is the friendly page in the person's language, not a JSON body, with its status", async () => {
    const res = await refusalAsPage("nn", async () => {
      throw data({ reason: "forbidden" }, { status: 403 });
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain("<h1>Du har ikkje tilgang til denne sida</h1>");
    expect(html).not.toContain("forbidden");
    const missing = await refusalAsPage("en", async () => {
      throw data({ reason: "not_found" }, { status: 404 });
    });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Error code 404");
  });

  it("lets the download, a redirect to log-in and a real error through as they are", async () => {
    const pdf = new Response("%PDF-", { headers: { "Content-Type": "application/pdf" } });
    expect(await refusalAsPage("nb", async () => pdf)).toBe(pdf);
    const toLogIn = redirect("/logg-inn?redirectTo=%2Fx");
    await expect(refusalAsPage("nb", async () => Promise.reject(toLogIn))).rejects.toBe(toLogIn);
    const broken = new Error("database down");
    await expect(refusalAsPage("nb", async () => Promise.reject(broken))).rejects.toBe(broken);
  });
});
