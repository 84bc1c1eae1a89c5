import { and, eq, or } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { Lang } from "~/i18n/i18n";
import { findCard, valueText } from "./content/content";
import { lifeAreas, stages } from "./content/stages";
import { checkInBody, dreamBody, stagePlacementBody, valueReflectionBody, valuesSortBody, type ValuesSort } from "./toolkit.forms";
import type { Entry } from "./toolkit.server";
import type { ShareItem } from "./toolkit";
import type { ItemView } from "./components/item-view";
import { defaultPack, instrumentPack, type InstrumentPack } from "./check-in";
import { instrumentPacks } from "./toolkit.schema";
import { timeline } from "./stages";

/** The packs (our own and any installed) that the given check-ins were answered with. */
export async function packsFor(db: Db, entries: readonly Entry[]): Promise<InstrumentPack[]> {
  const keys = new Map<string, { id: string; version: number }>();
  for (const e of entries) {
    if (e.tool !== "check_in") continue;
    const body = checkInBody.parse(e.body);
    if (body.instrument !== defaultPack.id)
      keys.set(`${body.instrument}@${body.version}`, {
        id: body.instrument,
        version: body.version,
      });
  }
  const packs = [defaultPack];
  if (keys.size === 0) return packs;
  const rows = await db
    .select({ pack: instrumentPacks.pack })
    .from(instrumentPacks)
    .where(or(...[...keys.values()].map((k) => and(eq(instrumentPacks.packId, k.id), eq(instrumentPacks.version, k.version)))));
  for (const row of rows) {
    const parsed = instrumentPack.safeParse(row.pack);
    if (parsed.success && !packs.some((p) => p.id === parsed.data.id && p.version === parsed.data.version)) packs.push(parsed.data);
  }
  return packs;
}

/** Turn an item's entries into what the read-only view shows, in the reader's language. */
export function toItemView(lang: Lang, item: ShareItem, entries: readonly Entry[], packs: readonly InstrumentPack[] = [defaultPack]): ItemView {
  if (item.startsWith("card:")) {
    const card = findCard(item.slice(5));
    return {
      kind: "card",
      title: card?.content[lang].title ?? "",
      questions: (card?.questions ?? []).map((q) => {
        const entry = entries.find((e) => e.tool === "cards" && e.ref === `${card!.id}:${q.id}`);
        return {
          question: q.text[lang],
          answer: entry ? (entry.body as { text: string }).text : null,
          updatedAt: entry?.updatedAt.toISOString() ?? null,
        };
      }),
    };
  }
  if (item === "values") {
    const sorts = entries
      .filter((e) => e.tool === "values")
      .map((e) => ({
        at: e.createdAt,
        body: valuesSortBody.parse(e.body) as ValuesSort,
      }));
    const latest = sorts.filter((s) => s.body.finishedAt).at(-1);
    const reflections = new Map(entries.filter((e) => e.tool === "value_reflection").map((e) => [e.ref, valueReflectionBody.parse(e.body)]));
    const top = latest?.body.top ?? [];
    return {
      kind: "values",
      sortedAt: latest?.at.toISOString() ?? null,
      top: top.map((id) => valueText(lang, id, latest?.body.own)),
      reflections: top
        .filter((id) => reflections.has(id))
        .map((id) => ({
          ...valueText(lang, id, latest?.body.own),
          ...reflections.get(id)!,
        })),
    };
  }
  if (item === "check_in") {
    const checkIns = entries
      .filter((e) => e.tool === "check_in")
      .map((e) => ({
        at: e.createdAt.toISOString(),
        body: checkInBody.parse(e.body),
      }));
    return {
      kind: "check_in",
      packs: packs
        .map((p) => {
          const mine = checkIns.filter((c) => c.body.instrument === p.id && c.body.version === p.version);
          return {
            name: p.name[lang],
            items: p.items.map((i) => i.text[lang]),
            rows: mine.map((c) => ({
              at: c.at,
              values: p.items.map((i) => c.body.answers[i.id] ?? null),
              why: p.items.map((i) => c.body.why[i.id] ?? ""),
            })),
          };
        })
        .filter((p) => p.rows.length > 0),
    };
  }
  if (item === "stages") {
    const placements = entries
      .filter((e) => e.tool === "stages")
      .map((e) => ({
        id: e.id,
        at: e.createdAt.toISOString(),
        ...stagePlacementBody.parse(e.body),
      }));
    const stageName = (id: string) => stages.find((s) => s.id === id)?.name[lang] ?? id;
    return {
      kind: "stages",
      timeline: timeline(placements).map((p) => ({
        id: p.id,
        at: p.at,
        area: p.area === "overall" ? null : (lifeAreas.find((a) => a.id === p.area)?.name[lang] ?? p.area),
        stage: stageName(p.stage),
        changedFrom: p.changedFrom ? stageName(p.changedFrom) : null,
        note: p.note,
      })),
    };
  }
  const entry = entries.find((e) => e.tool === "dream");
  const dream = entry ? dreamBody.parse(entry.body) : { dream: "", helps: "", hinders: "", goals: [] };
  return {
    kind: "dream",
    dream: dream.dream,
    helps: dream.helps,
    hinders: dream.hinders,
    goals: dream.goals.map((g) => ({
      text: g.text,
      steps: g.steps.map((s) => ({ text: s.text, due: s.due, done: s.done })),
    })),
    updatedAt: entry?.updatedAt.toISOString() ?? null,
  };
}
