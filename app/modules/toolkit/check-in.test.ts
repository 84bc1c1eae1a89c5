import { describe, expect, it } from "vitest";
import { cleanAnswers, defaultPack, instrumentPack, scaleSteps, score, trend } from "./check-in";
import madeUpPack from "../../../tests/fixtures/made-up-instrument.json";

describe("check-in packs", () => {
  it("our own check-in has one statement per CHIME area, 0–10, no score and no claim to be validated", () => {
    expect(defaultPack.items.map((i) => i.area)).toEqual(["connectedness", "hope", "identity", "meaning", "empowerment"]);
    expect(scaleSteps(defaultPack)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(defaultPack.validated).toBe(false);
    expect(score(defaultPack, { hope: 7 })).toBeNull();
  });

  it("a made-up licensed pack (1–5 scale, mean score, one item reversed) works as data", () => {
    const pack = instrumentPack.parse(madeUpPack);
    expect(scaleSteps(pack)).toEqual([1, 2, 3, 4, 5]);
    const answers = cleanAnswers(pack, {
      "item-a": "5",
      "item-b": "1",
      "item-c": "9",
      other: "3",
    });
    expect(answers).toEqual({ "item-a": 5, "item-b": 1, "item-c": null });
    // item-b is reversed: 1 counts as 5. Mean of 5 and 5.
    expect(score(pack, answers)).toBe(5);
    expect(score(pack, { "item-a": null, "item-b": null, "item-c": null })).toBeNull();
  });

  it("refuses a pack with a broken scale, duplicate items or an unknown reversed item", () => {
    const base = instrumentPack.parse(madeUpPack);
    expect(
      instrumentPack.safeParse({
        ...base,
        scale: { ...base.scale, max: base.scale.min },
      }).success,
    ).toBe(false);
    expect(
      instrumentPack.safeParse({
        ...base,
        items: [base.items[0], base.items[0]],
      }).success,
    ).toBe(false);
    expect(
      instrumentPack.safeParse({
        ...base,
        scoring: { method: "sum", reverse: ["nope"] },
      }).success,
    ).toBe(false);
    expect(instrumentPack.safeParse({ ...base, name: { nb: "Bare bokmål" } }).success).toBe(false);
  });

  it("a trend leaves out check-ins where the item was skipped", () => {
    const checkIns = [
      { at: "2026-01-01", answers: { hope: 3 } },
      { at: "2026-02-01", answers: { hope: null } },
      { at: "2026-03-01", answers: { hope: 6 } },
    ];
    expect(trend(checkIns, "hope")).toEqual([
      { at: "2026-01-01", value: 3 },
      { at: "2026-03-01", value: 6 },
    ]);
  });
});
