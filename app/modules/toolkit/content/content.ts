import type { Lang } from "~/i18n/i18n";
import { cards } from "./cards";
import { personalValues } from "./values";
import type { Card } from "./types";

export { cards, personalValues };

export const findCard = (id: string): Card | undefined => cards.find((c) => c.id === id);
export const cardIds = cards.map((c) => c.id);

/** A value's name and meaning in a language: one of the list, or the person's own (from their sort). */
export function valueText(lang: Lang, id: string, own: readonly { id: string; name: string; meaning: string }[] = []) {
  const listed = personalValues.find((v) => v.id === id);
  if (listed) return { name: listed.name[lang], meaning: listed.meaning[lang] };
  const mine = own.find((v) => v.id === id);
  return mine ? { name: mine.name, meaning: mine.meaning } : { name: id, meaning: "" };
}
