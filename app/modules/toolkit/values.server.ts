import type { Actor } from "~/modules/centres/permissions";
import { NotFoundError } from "~/modules/centres/centres.server";
import { valuesSortBody, type ValuesSort } from "./toolkit.forms";
import { addEntry, myEntries, myEntry, saveEntry, type Entry, type Store } from "./toolkit.server";
import { emptySort } from "./values";

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

/**
 * "Start" on the values page: the newest sort that is not finished, or a new one when every sort is
 * finished — pressing it again (or in two tabs) never piles up unfinished sorts (issue 11, item 10).
 */
export async function startOrResumeSort(store: Store, actor: Actor | null): Promise<{ entry: Entry<ValuesSort>; resumed: boolean }> {
  const unfinished = (await myEntries(store, actor, ["values"])).filter((e) => valuesSortBody.parse(e.body).finishedAt === null).at(-1);
  if (unfinished) return { entry: { ...unfinished, body: valuesSortBody.parse(unfinished.body) }, resumed: true };
  return { entry: await addEntry(store, actor, "values", emptySort()), resumed: false };
}

/** The sort whose values are in force: the newest finished one (also while a new sort is under way). */
export async function currentValues(store: Store, actor: Actor | null): Promise<Entry<ValuesSort> | undefined> {
  const finished = (await myEntries(store, actor, ["values"])).map((e) => ({ ...e, body: valuesSortBody.parse(e.body) })).filter((e) => e.body.finishedAt !== null);
  return finished.at(-1);
}
