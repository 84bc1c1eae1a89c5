import "~/modules/toolkit/i18n/register";
import type { Actor } from "~/modules/centres/permissions";
import { translate, type Lang } from "~/i18n/i18n";
import { cards } from "./content/content";
import { itemOf, tools, type ShareItem } from "./toolkit";
import { myEntries, type Store } from "./toolkit.server";
import { packsFor, toItemView } from "./item-view.server";
import type { ItemView } from "./components/item-view";

export type FolderSection = {
  item: ShareItem;
  title: string;
  view: ItemView;
  updatedAt: string | null;
};

/**
 * "Min mappe": everything in the person's toolkit, one section per item that has something in it, in a
 * fixed order (dream, values, cards, check-ins, stages). Decrypts each entry once.
 */
export async function buildFolder(store: Store, actor: Actor | null, lang: Lang) {
  const entries = await myEntries(store, actor, tools);
  const packs = await packsFor(store.db, entries);
  const order: ShareItem[] = ["dream", "values", ...cards.map((c) => `card:${c.id}` as ShareItem), "check_in", "stages"];
  const byItem = new Map<ShareItem, typeof entries>();
  for (const entry of entries) {
    if (entry.tool === "dream_suggestion") continue;
    const item = itemOf(entry.tool, entry.ref);
    byItem.set(item, [...(byItem.get(item) ?? []), entry]);
  }
  const sections: FolderSection[] = [];
  for (const item of order) {
    const mine = byItem.get(item);
    if (!mine?.length) continue;
    const updated = mine.reduce((a, e) => (e.updatedAt > a ? e.updatedAt : a), mine[0]!.updatedAt);
    const card = item.startsWith("card:") ? cards.find((c) => c.id === item.slice(5)) : undefined;
    // "Refleksjonskortet «Drømmen»": a card's name alone could be taken for the tool of the same name.
    const title = card ? translate(lang, "toolkit.item.card", { title: card.content[lang].title }) : translate(lang, `toolkit.item.${item as "dream" | "values" | "check_in" | "stages"}`);
    sections.push({
      item,
      title,
      view: toItemView(lang, item, mine, packs),
      updatedAt: updated.toISOString(),
    });
  }
  return { sections, entries: entries.length };
}
