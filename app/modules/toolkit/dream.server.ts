import { randomBytes } from "node:crypto";
import type { Actor } from "~/modules/centres/permissions";
import { NotFoundError } from "~/modules/centres/centres.server";
import { dreamBody, emptyDream, maxGoals, suggestionBody, type Dream, type Suggestion } from "./toolkit.forms";
import { myEntries, myEntry, saveEntry, type Store } from "./toolkit.server";

export const newLocalId = () => randomBytes(6).toString("hex");

export async function getDream(store: Store, actor: Actor | null) {
  const entry = await myEntry<Dream>(store, actor, "dream", "dream");
  return entry ? { ...entry, body: dreamBody.parse(entry.body) } : null;
}

/**
 * Change the goals and steps: read, apply, save; if another tab saved in between, apply again on top.
 * (The dream's own texts go through saveEntry with the revision the form started from, so a text typed in
 * another tab is never silently replaced.)
 */
export async function updateDream(store: Store, actor: Actor | null, change: (dream: Dream) => Dream) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getDream(store, actor);
    const saved = await saveEntry(store, actor, {
      tool: "dream",
      ref: "dream",
      body: dreamBody.parse(change(current?.body ?? emptyDream)),
      baseRevision: current?.revision ?? null,
    });
    if (saved.ok) return saved.entry;
  }
  throw new Error("The dream kept changing");
}

export async function suggestions(store: Store, actor: Actor | null) {
  const entries = await myEntries(store, actor, ["dream_suggestion"]);
  return entries.map((e) => ({
    id: e.id,
    ref: e.ref,
    revision: e.revision,
    createdAt: e.createdAt,
    body: suggestionBody.parse(e.body),
  }));
}

/** Accept (as a new goal) or decline a peer worker's suggestion on the dream. */
export async function decideSuggestion(store: Store, actor: Actor | null, suggestionRef: string, accept: boolean) {
  const entry = await myEntry<Suggestion>(store, actor, "dream_suggestion", suggestionRef);
  if (!entry) throw new NotFoundError();
  const body = suggestionBody.parse(entry.body);
  if (body.status !== "open") return "done" as const;
  if (accept && ((await getDream(store, actor))?.body.goals.length ?? 0) >= maxGoals) return "full" as const;
  if (accept)
    await updateDream(store, actor, (d) => ({
      ...d,
      goals: [...d.goals, { id: newLocalId(), text: body.text.slice(0, 2000), steps: [] }],
    }));
  await saveEntry(store, actor, {
    tool: "dream_suggestion",
    ref: suggestionRef,
    body: { ...body, status: accept ? "accepted" : "declined" },
    baseRevision: entry.revision,
    force: true,
  });
  return "done" as const;
}
