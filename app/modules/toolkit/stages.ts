/** Stage placements: pure rules for the timeline. Moving back is a change like any other, never a "relapse". */
import { lifeAreas, stages } from "./content/stages";

export const areaIds = ["overall", ...lifeAreas.map((a) => a.id)];
export const stageIds = stages.map((s) => s.id);

export type Placement = {
  id: string;
  at: string;
  area: string;
  stage: string;
  note: string;
};

/**
 * The timeline, newest first: each placement with the stage it changed from in the same area
 * (null for the first placement in an area, or when the stage did not change).
 */
export function timeline(placements: readonly Placement[]) {
  const oldestFirst = [...placements].sort((a, b) => a.at.localeCompare(b.at));
  const last = new Map<string, string>();
  const out = oldestFirst.map((p) => {
    const before = last.get(p.area) ?? null;
    last.set(p.area, p.stage);
    return {
      ...p,
      changedFrom: before !== null && before !== p.stage ? before : null,
      first: before === null,
    };
  });
  return out.reverse();
}

/** Where the person placed themselves most recently, per area. */
export function current(placements: readonly Placement[]): Record<string, string> {
  const now: Record<string, string> = {};
  for (const p of [...placements].sort((a, b) => a.at.localeCompare(b.at))) now[p.area] = p.stage;
  return now;
}
