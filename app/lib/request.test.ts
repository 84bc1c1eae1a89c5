import { describe, expect, it } from "vitest";
import { redactPath } from "./request.server";

describe("request logging", () => {
  it("never logs the one-time tokens of reset, invitation and confirmation links", () => {
    expect(redactPath("/nytt-passord/abcDEF123_-x")).toBe("/nytt-passord/:token");
    expect(redactPath("/invitasjon/abcDEF123")).toBe("/invitasjon/:token");
    expect(redactPath("/bekreft-e-post/abcDEF123")).toBe("/bekreft-e-post/:token");
    expect(redactPath("/sentre/123/medlemmer")).toBe("/sentre/123/medlemmer");
  });
});
