import { describe, expect, it } from "vitest";
import { listedName } from "./offers";

describe("listedName: which name a list shows for an offer", () => {
  it.each([
    ["Fontenehus", "Fontenehuset i Asker", "Fontenehuset i Asker"],
    ["fontenehus", "Fontenehuset i Tromsø", "Fontenehuset i Tromsø"],
    ["Hurdalsjøen Recoverysenter", "Recoveryakademiet", "Hurdalsjøen Recoverysenter"],
    ["Recoveryaktivitet på Sagatun", "Recoveryverksted på Sagatun", "Recoveryaktivitet på Sagatun"],
    ["Fontenehus", null, "Fontenehus"],
    ["Fontenehus", "", "Fontenehus"],
    ["Fontenehus", "   ", "Fontenehus"],
    ["Fontenehus", "Fontenehus", "Fontenehus"],
    ["Fontenehuset i Asker", "Fontenehus", "Fontenehuset i Asker"],
  ])("%s / %s → %s", (name, alternate, shown) => {
    expect(listedName(name, alternate)).toBe(shown);
  });
});
