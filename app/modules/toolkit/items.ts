import "~/modules/toolkit/i18n/register";
import { translate, type Lang } from "~/i18n/i18n";
import { findCard } from "./content/content";
import type { ShareItem } from "./toolkit";

/** An item's name for people: "Drømmen", "Verdiene dine", "Refleksjonskortet «Ansvar»". */
export function itemName(lang: Lang, item: string): string {
  if (item.startsWith("card:")) {
    const card = findCard(item.slice(5));
    return translate(lang, "toolkit.item.card", {
      title: card?.content[lang].title ?? item.slice(5),
    });
  }
  if (item === "values" || item === "dream" || item === "check_in" || item === "stages") return translate(lang, `toolkit.item.${item}`);
  return item;
}

/** The items a participant can share, in the order the sharing form lists them. */
export function shareableItemList(cardIds: readonly string[]): ShareItem[] {
  return ["dream", "values", "check_in", "stages", ...cardIds.map((id) => `card:${id}` as ShareItem)];
}
