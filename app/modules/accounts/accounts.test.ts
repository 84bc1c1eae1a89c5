import { describe, expect, it } from "vitest";
import { groupByCentre } from "./accounts";

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
});
