import { describe, expect, it } from "vitest";
import { groupByCentre } from "./accounts";
import { safeRedirect } from "./accounts.forms";

describe("account rules", () => {
  it("groups a person's roles by centre, keeping the order", () => {
    expect(
      groupByCentre([
        { centreId: "a", centreName: "KBT", role: "participant" },
        { centreId: "b", centreName: "Sagatun", role: "coordinator" },
        { centreId: "a", centreName: "KBT", role: "interviewer" },
      ]),
    ).toEqual([
      { id: "a", name: "KBT", roles: ["participant", "interviewer"] },
      { id: "b", name: "Sagatun", roles: ["coordinator"] },
    ]);
  });

  it("redirects after login only within the site", () => {
    expect(safeRedirect("/min-side/innsyn")).toBe("/min-side/innsyn");
    expect(safeRedirect("//evil.example/x")).toBe("/min-side");
    expect(safeRedirect("/\\evil.example")).toBe("/min-side");
    expect(safeRedirect("https://evil.example")).toBe("/min-side");
    expect(safeRedirect(null, "/")).toBe("/");
    expect(safeRedirect("/\t/evil.example")).toBe("/min-side");
    expect(safeRedirect("/%09/evil.example")).toBe("/%09/evil.example"); // stays a path on this site
    expect(safeRedirect("/min-side?x=1#a")).toBe("/min-side?x=1#a");
  });
});
