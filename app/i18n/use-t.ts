import { createContext, useContext } from "react";
import { useRouteLoaderData } from "react-router";
import { formatDate, formatNumber, translate, type DateStyle, type Lang, type MessageKey, type Params, type PluralKey } from "./i18n";

type RootData = { lang: Lang };

/** Set by the error boundary when the root loader did not run (e.g. a request refused by middleware). */
export const LangOverride = createContext<Lang | undefined>(undefined);

export function useLang(): Lang {
  const override = useContext(LangOverride);
  const data = useRouteLoaderData("root") as RootData | undefined;
  return override ?? data?.lang ?? "nb";
}

/** Translation function for the current request's language. */
export function useT() {
  const lang = useLang();
  const t = (key: MessageKey | PluralKey, params?: Params) => translate(lang, key, params);
  t.lang = lang;
  t.date = (value: Date | string, style?: DateStyle) => formatDate(lang, value, style);
  t.number = (value: number) => formatNumber(lang, value);
  return t;
}
export type T = ReturnType<typeof useT>;
