import { describe, expect, it } from "vitest";
import { redactPath } from "./request.server";

describe("request logging", () => {
  it("never logs the one-time tokens of reset and invitation links", () => {
    expect(redactPath("/nytt-passord/abcDEF123_-x")).toBe("/nytt-passord/:token");
    expect(redactPath("/invitasjon/abcDEF123")).toBe("/invitasjon/:token");
    expect(redactPath("/sentre/123/medlemmer")).toBe("/sentre/123/medlemmer");
  });
});
