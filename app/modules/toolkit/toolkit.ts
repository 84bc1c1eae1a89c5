/**
 * Verktøykasse: pure rules about who may see what, and what the toolkit's items are.
 * No React Router, no Drizzle. The participant owns their toolkit: nobody else (not coordinators, not
 * administrators) reads it, except a peer worker the participant has shared one item with.
 */
import type { Actor, Membership } from "~/modules/centres/permissions";

/** Ids that reach a uuid column must look like one (anything else would be a database error, not a 404). */
export const isUuid = (value: unknown): value is string => typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The tools, as stored in toolkit_entries.tool. */
export const tools = ["cards", "values", "value_reflection", "dream", "dream_suggestion", "check_in", "stages"] as const;
export type Tool = (typeof tools)[number];

/** What can be shared (and deleted) as one item; "card:<id>" names one reflection card's answers. */
export const shareableItems = ["values", "dream", "check_in", "stages"] as const;
export type ShareItem = `card:${string}` | (typeof shareableItems)[number];
export const shareModes = ["read", "suggest"] as const;
export type ShareMode = (typeof shareModes)[number];

/** Only the dream takes suggestions; every other item can be shared for reading. */
export function modesFor(item: ShareItem): readonly ShareMode[] {
  return item === "dream" ? shareModes : ["read"];
}

export function isShareItem(value: string, cardIds: readonly string[]): value is ShareItem {
  if (value.startsWith("card:")) return cardIds.includes(value.slice(5));
  return (shareableItems as readonly string[]).includes(value);
}

/** The item an entry belongs to (for sharing and for the access log). */
export function itemOf(tool: Tool, ref: string): ShareItem {
  switch (tool) {
    case "cards":
      return `card:${ref.split(":")[0]}`;
    case "values":
    case "value_reflection":
      return "values";
    case "dream":
    case "dream_suggestion":
      return "dream";
    case "check_in":
      return "check_in";
    case "stages":
      return "stages";
  }
}

/** The tools whose entries make up an item. */
export function toolsOf(item: ShareItem): Tool[] {
  if (item.startsWith("card:")) return ["cards"];
  if (item === "values") return ["values", "value_reflection"];
  if (item === "dream") return ["dream", "dream_suggestion"];
  return [item as Tool];
}

export type ShareGrant = {
  peerId: string;
  centreId: string;
  item: ShareItem;
  mode: ShareMode;
  /** Last day (yyyy-mm-dd, Oslo) or null. */
  until: string | null;
  revokedAt: Date | string | null;
};

export type Access = "owner" | "suggest" | "read" | null;

/** Is a share in force today? Revoked or past its last day: no. */
export function shareActive(share: Pick<ShareGrant, "until" | "revokedAt">, today: string): boolean {
  return share.revokedAt === null && (share.until === null || share.until >= today);
}

/**
 * What the actor may do with one item of the owner's toolkit.
 * A share counts only while the peer still is a peer worker in the share's centre and the owner still
 * belongs to that centre. No role grants anything by itself: not coordinator, not administrator.
 */
export function toolkitAccess(
  actor: Actor | null,
  owner: { id: string; memberships: readonly Membership[] },
  item: ShareItem,
  shares: readonly ShareGrant[],
  today: string,
): Access {
  if (!actor) return null;
  if (actor.userId === owner.id) return "owner";
  let best: Access = null;
  for (const share of shares) {
    if (share.peerId !== actor.userId || share.item !== item || !shareActive(share, today)) continue;
    if (!actor.memberships.some((m) => m.centreId === share.centreId && m.role === "peer_worker")) continue;
    if (!owner.memberships.some((m) => m.centreId === share.centreId)) continue;
    if (share.mode === "suggest") return "suggest";
    best = "read";
  }
  return best;
}

/** A participant may share with a peer worker of a centre the participant belongs to. */
export function canShareWith(owner: { id: string; memberships: readonly Membership[] }, peer: { id: string; memberships: readonly Membership[] }, centreId: string) {
  return owner.id !== peer.id && owner.memberships.some((m) => m.centreId === centreId) && peer.memberships.some((m) => m.centreId === centreId && m.role === "peer_worker");
}

/**
 * What one import may hold, and what a toolkit may hold after it (docs/toolkit-export.md). Far above what a
 * person writes in years (a check-in every day for ten years is 3,650 entries), low enough that the largest
 * import takes seconds and cannot fill the database: without the toolkit bound, importing fresh files
 * again and again would add 20,000 entries each time.
 */
export const importLimits = {
  /** The file, in bytes (server.mjs lets uploads of 10 MB through; `npm run dev` has no such limit). */
  bytes: 10_000_000,
  entries: 20_000,
  /** Earlier versions (`history`), all entries together. */
  versions: 50_000,
  toolkitEntries: 20_000,
  toolkitVersions: 50_000,
  /** An import that has not committed after this long is rolled back (the request answers long before 300 s). */
  timeMs: 60_000,
};

/** Text of only spaces and line breaks counts as empty: it is not saved as an answer (issue 11, item 14). */
export function blankAsEmpty(text: string): string {
  return text.trim() === "" ? "" : text;
}

/**
 * What a button of a page-wide form asks for: `name="intent"` with a value "kind:target" ("save:q2",
 * "ask-delete:q1"). Every button of such a form sends all of the page's fields, so nothing typed elsewhere
 * is lost (issue 11, item 2).
 */
export function parseIntent(value: unknown): { kind: string; target: string } {
  const text = typeof value === "string" ? value.slice(0, 200) : "";
  const at = text.indexOf(":");
  return at < 0 ? { kind: text, target: "" } : { kind: text.slice(0, at), target: text.slice(at + 1) };
}

/** A card answer as compared for "changed?": blank text is empty, the CHIME tags in any order. */
export function cardAnswerKey(body: { text: string; chime: readonly string[] }): string {
  return JSON.stringify([blankAsEmpty(body.text), [...body.chime].sort()]);
}

/** A value reflection as compared for "changed?". */
export function reflectionKey(body: { meaning: string; livingBy: number | null; obstacles: string; step: string }): string {
  return JSON.stringify([blankAsEmpty(body.meaning), body.livingBy, blankAsEmpty(body.obstacles), blankAsEmpty(body.step)]);
}
