import type { Actor } from "~/modules/centres/permissions";
import { NotFoundError } from "~/modules/centres/centres.server";
import { valuesSortBody, type ValuesSort } from "./toolkit.forms";
import { myEntry, saveEntry, type Entry, type Store } from "./toolkit.server";

/** One of the actor's values sorts, or not found. */
export async function getSort(store: Store, actor: Actor | null, sortId: string): Promise<Entry<ValuesSort>> {
  if (!/^[0-9a-f-]{36}$/.test(sortId)) throw new NotFoundError();
  const entry = await myEntry<ValuesSort>(store, actor, "values", sortId);
  if (!entry) throw new NotFoundError();
  return { ...entry, body: valuesSortBody.parse(entry.body) };
}

/**
 * Change a sort: read, apply, save; if another tab saved in between, apply the change again on top of
 * theirs (a sort's steps merge cleanly: piles per value, the latest choice wins).
 */
export async function updateSort(store: Store, actor: Actor | null, sortId: string, change: (sort: ValuesSort) => ValuesSort) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await getSort(store, actor, sortId);
    const saved = await saveEntry(store, actor, {
      tool: "values",
      ref: sortId,
      body: change(current.body),
      baseRevision: current.revision,
    });
    if (saved.ok) return saved.entry;
  }
  throw new Error("The sort kept changing");
}
