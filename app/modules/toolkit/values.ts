/** The values card sort: pure rules (pages of values, choosing, ranking). */
import type { ValuesSort } from "./toolkit.forms";

export const valuesPerPage = 10;
export const minTop = 5;
export const maxTop = 10;

export const emptySort = (): ValuesSort => ({
  piles: {},
  own: [],
  top: [],
  finishedAt: null,
});

/** Every value id of a sort: the list's, then the person's own. */
export function allValueIds(listIds: readonly string[], sort: ValuesSort): string[] {
  return [...listIds, ...sort.own.map((v) => v.id)];
}

export function pageCount(listIds: readonly string[], sort: ValuesSort) {
  return Math.max(1, Math.ceil(allValueIds(listIds, sort).length / valuesPerPage));
}

export function pageOf(listIds: readonly string[], sort: ValuesSort, page: number): string[] {
  return allValueIds(listIds, sort).slice((page - 1) * valuesPerPage, page * valuesPerPage);
}

/** The values the person may choose among: "very important" first, then "important". */
export function candidates(listIds: readonly string[], sort: ValuesSort) {
  const ids = allValueIds(listIds, sort);
  return {
    very: ids.filter((id) => sort.piles[id] === "very"),
    important: ids.filter((id) => sort.piles[id] === "important"),
  };
}

/** Move one chosen value a place up or down. */
export function move(top: readonly string[], id: string, direction: "up" | "down"): string[] {
  const list = [...top];
  const i = list.indexOf(id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= list.length) return list;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return list;
}

/** Keep the order of values already ranked; new choices go last, dropped ones leave. */
export function chooseTop(previous: readonly string[], chosen: readonly string[]): string[] {
  const set = new Set(chosen);
  return [...previous.filter((id) => set.has(id)), ...chosen.filter((id) => !previous.includes(id))];
}

export function sortedCount(listIds: readonly string[], sort: ValuesSort) {
  return allValueIds(listIds, sort).filter((id) => sort.piles[id]).length;
}
