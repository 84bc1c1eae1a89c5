import { describe, expect, it } from "vitest";
import type { Actor, CentreRole } from "~/modules/centres/permissions";
import { blankAsEmpty, canShareWith, cardAnswerKey, importLimits, isShareItem, isUuid, itemOf, modesFor, parseIntent, reflectionKey, toolkitAccess, toolsOf, type Access, type ShareGrant, type ShareItem } from "./toolkit";

const KBT = "centre-kbt";
const ROM = "centre-rom";
const TODAY = "2026-11-24";
const owner = {
  id: "owner",
  memberships: [{ centreId: KBT, role: "participant" as CentreRole }],
};

const actors: Record<string, Actor> = {
  owner: { userId: "owner", isAdmin: false, memberships: owner.memberships },
  "peer with share": {
    userId: "peer",
    isAdmin: false,
    memberships: [{ centreId: KBT, role: "peer_worker" }],
  },
  "peer without share": {
    userId: "peer2",
    isAdmin: false,
    memberships: [{ centreId: KBT, role: "peer_worker" }],
  },
  coordinator: {
    userId: "coord",
    isAdmin: false,
    memberships: [{ centreId: KBT, role: "coordinator" }],
  },
  administrator: { userId: "admin", isAdmin: true, memberships: [] },
  "another participant": {
    userId: "other",
    isAdmin: false,
    memberships: [{ centreId: KBT, role: "participant" }],
  },
};

const items: ShareItem[] = ["card:drommen", "values", "dream", "check_in", "stages"];

type State = "not shared" | "shared to read" | "shared to suggest" | "revoked" | "expired" | "until today";
const grant = (item: ShareItem, state: State): ShareGrant[] => {
  const base = {
    peerId: "peer",
    centreId: KBT,
    item,
    mode: "read" as const,
    until: null,
    revokedAt: null,
  };
  switch (state) {
    case "not shared":
      return [];
    case "shared to read":
      return [base];
    case "shared to suggest":
      return [{ ...base, mode: "suggest" }];
    case "revoked":
      return [{ ...base, revokedAt: new Date("2026-11-01") }];
    case "expired":
      return [{ ...base, until: "2026-11-23" }];
    case "until today":
      return [{ ...base, until: TODAY }];
  }
};

/** Written out by hand: who gets what, for every sharing state. Same for every item. */
const expected: Record<State, Record<string, Access>> = {
  "not shared": {
    owner: "owner",
    "peer with share": null,
    "peer without share": null,
    coordinator: null,
    administrator: null,
    "another participant": null,
  },
  "shared to read": {
    owner: "owner",
    "peer with share": "read",
    "peer without share": null,
    coordinator: null,
    administrator: null,
    "another participant": null,
  },
  "shared to suggest": {
    owner: "owner",
    "peer with share": "suggest",
    "peer without share": null,
    coordinator: null,
    administrator: null,
    "another participant": null,
  },
  revoked: {
    owner: "owner",
    "peer with share": null,
    "peer without share": null,
    coordinator: null,
    administrator: null,
    "another participant": null,
  },
  expired: {
    owner: "owner",
    "peer with share": null,
    "peer without share": null,
    coordinator: null,
    administrator: null,
    "another participant": null,
  },
  "until today": {
    owner: "owner",
    "peer with share": "read",
    "peer without share": null,
    coordinator: null,
    administrator: null,
    "another participant": null,
  },
};

describe("toolkitAccess: every item × sharing state × role", () => {
  for (const item of items) {
    for (const [state, byRole] of Object.entries(expected) as [State, Record<string, Access>][]) {
      for (const [role, access] of Object.entries(byRole)) {
        it(`${item}, ${state}: ${role} → ${access ?? "nothing"}`, () => {
          expect(toolkitAccess(actors[role]!, owner, item, grant(item, state), TODAY)).toBe(access);
        });
      }
    }
  }

  it("nobody logged in gets nothing", () => {
    expect(toolkitAccess(null, owner, "dream", grant("dream", "shared to read"), TODAY)).toBeNull();
  });

  it("a share of one item gives nothing of another", () => {
    expect(toolkitAccess(actors["peer with share"]!, owner, "values", grant("dream", "shared to read"), TODAY)).toBeNull();
    expect(toolkitAccess(actors["peer with share"]!, owner, "card:ansvar", grant("card:drommen", "shared to read"), TODAY)).toBeNull();
  });

  it("a share stops counting when the peer is no longer a peer worker there, or the owner left the centre", () => {
    const formerPeer: Actor = {
      userId: "peer",
      isAdmin: false,
      memberships: [{ centreId: KBT, role: "participant" }],
    };
    expect(toolkitAccess(formerPeer, owner, "dream", grant("dream", "shared to read"), TODAY)).toBeNull();
    const ownerElsewhere = {
      id: "owner",
      memberships: [{ centreId: ROM, role: "participant" as CentreRole }],
    };
    expect(toolkitAccess(actors["peer with share"]!, ownerElsewhere, "dream", grant("dream", "shared to read"), TODAY)).toBeNull();
  });

  it("an administrator who is also the shared-with peer worker reads through the share, not through being admin", () => {
    const adminPeer: Actor = {
      userId: "peer",
      isAdmin: true,
      memberships: [{ centreId: KBT, role: "peer_worker" }],
    };
    expect(toolkitAccess(adminPeer, owner, "dream", grant("dream", "shared to read"), TODAY)).toBe("read");
    expect(toolkitAccess(adminPeer, owner, "dream", [], TODAY)).toBeNull();
  });

  it("a peer worker in one centre and something else in another reads only through the centre where they are a peer worker", () => {
    const ownerInBoth = {
      id: "owner",
      memberships: [
        { centreId: ROM, role: "participant" as CentreRole },
        { centreId: KBT, role: "participant" as CentreRole },
      ],
    };
    const peerHereParticipantThere: Actor = {
      userId: "peer",
      isAdmin: false,
      memberships: [
        { centreId: ROM, role: "participant" },
        { centreId: KBT, role: "peer_worker" },
      ],
    };
    const kbtShare = grant("dream", "shared to read");
    const romShare = kbtShare.map((s) => ({ ...s, centreId: ROM }));
    expect(toolkitAccess(peerHereParticipantThere, ownerInBoth, "dream", kbtShare, TODAY)).toBe("read");
    expect(toolkitAccess(peerHereParticipantThere, ownerInBoth, "dream", romShare, TODAY)).toBeNull();
    // A peer worker at Rom only: a share made at KBT gives nothing.
    const peerAtRom: Actor = { userId: "peer", isAdmin: false, memberships: [{ centreId: ROM, role: "peer_worker" }] };
    expect(toolkitAccess(peerAtRom, ownerInBoth, "dream", kbtShare, TODAY)).toBeNull();
  });

  it("the best of several shares counts", () => {
    const [read] = grant("dream", "shared to read");
    const [suggest] = grant("dream", "shared to suggest");
    const [revoked] = grant("dream", "revoked");
    expect(toolkitAccess(actors["peer with share"]!, owner, "dream", [read!, suggest!], TODAY)).toBe("suggest");
    expect(toolkitAccess(actors["peer with share"]!, owner, "dream", [suggest!, read!], TODAY)).toBe("suggest");
    expect(toolkitAccess(actors["peer with share"]!, owner, "dream", [revoked!, read!], TODAY)).toBe("read");
  });
});

describe("sharing rules", () => {
  it("shares only with a peer worker of a centre the owner belongs to", () => {
    const peerKbt = {
      id: "p",
      memberships: [{ centreId: KBT, role: "peer_worker" as CentreRole }],
    };
    const coordKbt = {
      id: "c",
      memberships: [{ centreId: KBT, role: "coordinator" as CentreRole }],
    };
    const peerRom = {
      id: "r",
      memberships: [{ centreId: ROM, role: "peer_worker" as CentreRole }],
    };
    expect(canShareWith(owner, peerKbt, KBT)).toBe(true);
    expect(canShareWith(owner, coordKbt, KBT)).toBe(false);
    expect(canShareWith(owner, peerRom, ROM)).toBe(false);
    expect(canShareWith(owner, { ...owner }, KBT)).toBe(false);
  });

  it("never shares with oneself, not even a participant who is also a peer worker there", () => {
    const both = {
      id: "owner",
      memberships: [
        { centreId: KBT, role: "participant" as CentreRole },
        { centreId: KBT, role: "peer_worker" as CentreRole },
      ],
    };
    expect(canShareWith(both, both, KBT)).toBe(false);
  });

  it("counts the centre the share is made in, for people in more than one centre", () => {
    const ownerInBoth = {
      id: "o",
      memberships: [
        { centreId: ROM, role: "participant" as CentreRole },
        { centreId: KBT, role: "participant" as CentreRole },
      ],
    };
    const peerHereParticipantThere = {
      id: "p",
      memberships: [
        { centreId: ROM, role: "participant" as CentreRole },
        { centreId: KBT, role: "peer_worker" as CentreRole },
      ],
    };
    expect(canShareWith(ownerInBoth, peerHereParticipantThere, KBT)).toBe(true);
    expect(canShareWith(ownerInBoth, peerHereParticipantThere, ROM)).toBe(false);
    // A peer worker at Rom is no peer worker at KBT.
    expect(canShareWith(ownerInBoth, { id: "r", memberships: [{ centreId: ROM, role: "peer_worker" as CentreRole }] }, KBT)).toBe(false);
  });

  it("only the dream takes suggestions", () => {
    expect(modesFor("dream")).toEqual(["read", "suggest"]);
    expect(modesFor("values")).toEqual(["read"]);
    expect(modesFor("card:ansvar")).toEqual(["read"]);
  });

  it("maps entries to the item they are shared with", () => {
    expect(itemOf("cards", "ansvar:q2")).toBe("card:ansvar");
    expect(itemOf("value_reflection", "honesty")).toBe("values");
    expect(itemOf("dream_suggestion", "x")).toBe("dream");
    expect(itemOf("cards", "drommen")).toBe("card:drommen");
    expect(itemOf("values", "x")).toBe("values");
    expect(itemOf("dream", "x")).toBe("dream");
    expect(itemOf("check_in", "2026-11-24")).toBe("check_in");
    expect(itemOf("stages", "x")).toBe("stages");
  });

  it("a shared item covers exactly the entries that belong to it", () => {
    expect(toolsOf("card:ansvar")).toEqual(["cards"]);
    expect(toolsOf("values")).toEqual(["values", "value_reflection"]);
    expect(toolsOf("dream")).toEqual(["dream", "dream_suggestion"]);
    expect(toolsOf("check_in")).toEqual(["check_in"]);
    expect(toolsOf("stages")).toEqual(["stages"]);
    // Both ways round: every tool's entries belong to an item that covers that tool.
    for (const [tool, ref] of [["cards", "ansvar:q1"], ["values", "x"], ["value_reflection", "x"], ["dream", "x"], ["dream_suggestion", "x"], ["check_in", "x"], ["stages", "x"]] as const) {
      expect(toolsOf(itemOf(tool, ref))).toContain(tool);
    }
  });

  it("knows which items can be shared", () => {
    const cards = ["ansvar", "drommen"];
    for (const item of ["values", "dream", "check_in", "stages", "card:ansvar"]) expect(isShareItem(item, cards), item).toBe(true);
    for (const item of ["card:unknown", "card:", "cards", "value_reflection", "dream_suggestion", "ansvar", "xcard:ansvar", ""]) expect(isShareItem(item, cards), item).toBe(false);
  });

  it("takes only ids that look like a uuid", () => {
    expect(isUuid("0b8f2a3e-5c1d-4e6f-9a7b-1c2d3e4f5a6b")).toBe(true);
    expect(isUuid("0B8F2A3E-5C1D-4E6F-9A7B-1C2D3E4F5A6B")).toBe(true);
    for (const bad of [
      "",
      "x0b8f2a3e-5c1d-4e6f-9a7b-1c2d3e4f5a6b",
      "0b8f2a3e-5c1d-4e6f-9a7b-1c2d3e4f5a6bx",
      "0b8f2a3-5c1d-4e6f-9a7b-1c2d3e4f5a6b",
      "0b8f2a3e-5c1-4e6f-9a7b-1c2d3e4f5a6b",
      "0b8f2a3e-5c1d-4e6-9a7b-1c2d3e4f5a6b",
      "0b8f2a3e-5c1d-4e6f-9a7-1c2d3e4f5a6b",
      "0b8f2a3e-5c1d-4e6f-9a7b-1c2d3e4f5a6",
      "gggggggg-5c1d-4e6f-9a7b-1c2d3e4f5a6b",
      "0b8f2a3e-gggg-4e6f-9a7b-1c2d3e4f5a6b",
      "0b8f2a3e-5c1d-gggg-9a7b-1c2d3e4f5a6b",
      "0b8f2a3e-5c1d-4e6f-gggg-1c2d3e4f5a6b",
      "0b8f2a3e-5c1d-4e6f-9a7b-gggggggggggg",
    ]) expect(isUuid(bad), bad).toBe(false);
    // Values from a form or an import file that are not text are no id, even a list holding one.
    for (const notText of [null, undefined, 42, {}, ["0b8f2a3e-5c1d-4e6f-9a7b-1c2d3e4f5a6b"]]) expect(isUuid(notText)).toBe(false);
  });

  it("lets an import hold years of use, and a toolkit hold what one full import holds", () => {
    // Ten years of a daily check-in fit in one file and in one toolkit.
    expect(importLimits.entries).toBeGreaterThanOrEqual(3650);
    expect(importLimits.toolkitEntries).toBeGreaterThanOrEqual(importLimits.entries);
    expect(importLimits.toolkitVersions).toBeGreaterThanOrEqual(importLimits.versions);
    expect(importLimits.versions).toBeGreaterThanOrEqual(importLimits.entries);
    // The server lets uploads of 10 MB through; an import is rolled back well before Node's 300 s request timeout.
    expect(importLimits.bytes).toBeLessThanOrEqual(10_000_000);
    expect(importLimits.timeMs).toBeLessThan(300_000);
  });
});

describe("dates in toolkit forms", () => {
  it("accepts only real calendar dates", async () => {
    const { isCalendarDate } = await import("./toolkit.forms");
    expect(isCalendarDate("2027-05-01")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of ["2026-13-45", "2026-02-30", "2027-02-29", "27-05-01", "2027-5-1", ""]) expect(isCalendarDate(bad), bad).toBe(false);
  });

  it("a date a person gives lies between 1900 and 2100; a time something was written, between 2000 and now", async () => {
    const { isPlausibleDate, isPlausibleTime } = await import("./toolkit.forms");
    for (const good of ["1900-01-01", "2027-05-01", "2100-12-31"]) expect(isPlausibleDate(good), good).toBe(true);
    for (const bad of ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31", "2026-02-30"]) expect(isPlausibleDate(bad), bad).toBe(false);
    const now = Date.UTC(2026, 11, 7, 12);
    expect(isPlausibleTime("2026-12-07T10:00:00Z", now)).toBe(true);
    expect(isPlausibleTime("2000-01-01T00:00:00Z", now)).toBe(true);
    for (const bad of ["0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2026-12-09T12:00:00Z", "9999-12-31T23:59:59Z", "not a time"]) expect(isPlausibleTime(bad, now), bad).toBe(false);
  });
});

describe("page-wide forms (issue 11)", () => {
  it("an answer of only spaces and line breaks is empty; any other text is kept exactly as typed", () => {
    expect(blankAsEmpty("")).toBe("");
    expect(blankAsEmpty("  \n\t \r\n ")).toBe("");
    expect(blankAsEmpty(" Jeg hører til. \n")).toBe(" Jeg hører til. \n");
  });

  it("reads a button's intent as kind and target", () => {
    expect(parseIntent("save:q2")).toEqual({ kind: "save", target: "q2" });
    expect(parseIntent("ask-delete:3f2c")).toEqual({ kind: "ask-delete", target: "3f2c" });
    expect(parseIntent("toggle:a:b")).toEqual({ kind: "toggle", target: "a:b" });
    expect(parseIntent("text")).toEqual({ kind: "text", target: "" });
    expect(parseIntent(null)).toEqual({ kind: "", target: "" });
    expect(parseIntent("x".repeat(300)).kind).toHaveLength(200);
  });

  it("compares answers as the person sees them: blank is empty, tags in any order, every field counts", () => {
    expect(cardAnswerKey({ text: " ", chime: [] })).toBe(cardAnswerKey({ text: "", chime: [] }));
    expect(cardAnswerKey({ text: "a", chime: ["hope", "meaning"] })).toBe(cardAnswerKey({ text: "a", chime: ["meaning", "hope"] }));
    expect(cardAnswerKey({ text: "a", chime: ["hope"] })).not.toBe(cardAnswerKey({ text: "a", chime: [] }));
    expect(cardAnswerKey({ text: "a", chime: [] })).not.toBe(cardAnswerKey({ text: "a ", chime: [] }));
    const empty = { meaning: "", livingBy: null, obstacles: "", step: "" };
    expect(reflectionKey({ ...empty, meaning: "  " })).toBe(reflectionKey(empty));
    for (const changed of [{ meaning: "m" }, { livingBy: 0 }, { obstacles: "o" }, { step: "s" }]) expect(reflectionKey({ ...empty, ...changed })).not.toBe(reflectionKey(empty));
  });
});
