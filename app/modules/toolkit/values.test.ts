import { describe, expect, it } from "vitest";
import { candidates, chooseTop, emptySort, move, pageCount, pageOf } from "./values";
import { personalValues } from "./content/values";

const ids = personalValues.map((v) => v.id);

describe("values card sort", () => {
  it("pages the 83 values and the person's own in tens", () => {
    const sort = {
      ...emptySort(),
      own: [{ id: "own-a", name: "Å spille gitar", meaning: "" }],
    };
    expect(pageCount(ids, sort)).toBe(9);
    expect(pageOf(ids, sort, 9)).toEqual(["virtue", "wealth", "world-peace", "own-a"]);
    expect(pageOf(ids, sort, 1)).toHaveLength(10);
  });

  it("offers very important values first, then important ones", () => {
    const sort = {
      ...emptySort(),
      piles: {
        honesty: "very" as const,
        fun: "important" as const,
        fame: "not" as const,
      },
    };
    expect(candidates(ids, sort)).toEqual({
      very: ["honesty"],
      important: ["fun"],
    });
  });

  it("moves a value up or down, never past the ends", () => {
    expect(move(["a", "b", "c"], "b", "up")).toEqual(["b", "a", "c"]);
    expect(move(["a", "b", "c"], "b", "down")).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], "a", "up")).toEqual(["a", "b", "c"]);
    expect(move(["a", "b", "c"], "c", "down")).toEqual(["a", "b", "c"]);
  });

  it("keeps an earlier ranking when choosing again", () => {
    expect(chooseTop(["c", "a", "b"], ["a", "b", "d"])).toEqual(["a", "b", "d"]);
    expect(chooseTop(["c", "a"], ["a", "c"])).toEqual(["c", "a"]);
  });
});
