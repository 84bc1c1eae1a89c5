import type { nb } from "./nb";
import type { ToolkitKey } from "~/modules/toolkit/i18n/nb";
import type { EvaluationsKey } from "~/modules/evaluations/i18n/keys";

export const languages = ["nb", "nn", "en"] as const;
export type Lang = (typeof languages)[number];
/** Keys of the app's own catalogue (shipped to the browser). */
export type CoreKey = keyof typeof nb;
export type Messages = Record<CoreKey, string>;
/** Every key: the app's, and those a module registers on the server (see registerMessages). */
export type MessageKey = CoreKey | ToolkitKey | EvaluationsKey;

/**
 * Each language's catalogue is a module of its own, imported only here and only dynamically, so the client
 * build makes it a chunk of its own: a hydrated page loads the catalogue of its language and no other
 * (entry.client.tsx awaits `loadCatalogue` before hydrating, so the first client render has the same texts
 * as the server's HTML; ADR 0025). The server, tests and scripts hold all three, loaded when this module is
 * (top-level await below; `import.meta.env` is undefined outside Vite, e.g. under tsx).
 */
const loaders: Record<Lang, () => Promise<Messages>> = {
  nb: () => import("./nb").then((m) => m.nb),
  nn: () => import("./nn").then((m) => m.nn),
  en: () => import("./en").then((m) => m.en),
};

/** The catalogues loaded in this process: all three on the server, the page's language in the browser. */
export const catalogues: Partial<Record<Lang, Messages>> = {};

/** Loads a language's catalogue (in the browser, its chunk) unless it is loaded already. */
export async function loadCatalogue(lang: Lang): Promise<void> {
  catalogues[lang] ??= await loaders[lang]();
}

if (import.meta.env?.SSR !== false) await Promise.all(languages.map(loadCatalogue));

/** Whether a string is one of the app's message keys (every catalogue has the same keys, checked by a test). */
export function isMessageKey(key: string): key is CoreKey {
  return languages.some((lang) => catalogues[lang] !== undefined && key in catalogues[lang]);
}

/** The catalogue to translate into: the language's own; in the browser, should it be missing, the loaded one. */
function catalogueFor(lang: Lang): Record<string, string> {
  return catalogues[lang] ?? catalogues.nb ?? catalogues.nn ?? catalogues.en ?? {};
}

/**
 * Texts a module adds at run time (the toolkit's, whose pages are rendered on the server only, so its
 * texts stay out of the browser bundle). Registering the same keys again replaces them.
 */
const registered: Record<Lang, Record<string, string>> = { nb: {}, nn: {}, en: {} };
export function registerMessages(messages: Record<Lang, Record<string, string>>) {
  for (const lang of languages) Object.assign(registered[lang], messages[lang]);
}

/** The whole catalogue of a language, registered texts included (for tests and tools). */
export function allMessages(lang: Lang): Record<string, string> {
  return { ...registered[lang], ...catalogueFor(lang) };
}

export const locales: Record<Lang, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;

// Building an Intl formatter costs 0.1-0.3 ms (more than rendering a card), so each is built once per
// language and options, and reused.
const formatters = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) formatters.set(key, (formatter = build()));
  return formatter;
}

/**
 * Translate a key. `{name}` placeholders are filled from params; numbers are formatted per language.
 * Plurals: when params has `count` and the catalogue has `key_one`/`key_other`, the right form is chosen.
 */
export function translate(lang: Lang, key: MessageKey | PluralKey, params?: Params): string {
  const catalogue = catalogueFor(lang);
  let template: string | undefined;
  if (params && typeof params.count === "number") {
    const form = pluralForm(lang, params.count);
    const extra = registered[lang];
    template = catalogue[`${key}_${form}`] ?? catalogue[`${key}_other`] ?? extra[`${key}_${form}`] ?? extra[`${key}_other`];
  }
  template ??= catalogue[key] ?? registered[lang][key] ?? (catalogues.nb as Record<string, string> | undefined)?.[key] ?? registered.nb[key] ?? key;
  if (!params) return template;
  // A template's text and `{name}`s, split once: [text, name, text, name, …, text] (what `replace` with
  // /\{(\w+)\}/g would find); filling them costs a few string joins instead of a regular expression per call.
  const parts = memo(templateParts, template, () => template.split(/\{(\w+)\}/));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = params[name];
    out += (value === undefined ? `{${name}}` : typeof value === "number" ? formatNumber(lang, value) : value) + parts[i + 1]!;
  }
  return out;
}

// Results of Intl calls and template splits, kept per input: an Intl format costs 1–4 µs per call, and a page
// formats the same few dates and counts again and again (20 offers' dates on the search page; issue 12, item 2).
// Each cache is cleared when it grows past its bound, so odd inputs cannot grow it without limit.
const templateParts = new Map<string, string[]>();
const pluralForms = new Map<string, Intl.LDMLPluralRule>();
const numbers = new Map<string, string>();
const dates = new Map<string, string>();
function memo<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= 5000) cache.clear();
    cache.set(key, (value = make()));
  }
  return value;
}

function pluralForm(lang: Lang, count: number): Intl.LDMLPluralRule {
  const select = () => cached(`plural:${lang}`, () => new Intl.PluralRules(locales[lang])).select(count);
  return Number.isSafeInteger(count) && !Object.is(count, -0) ? memo(pluralForms, `${lang}${count}`, select) : select();
}

type PluralBase<K> = K extends `${infer B}_one` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

/**
 * The locale to format in. Chromium (so Chrome and Edge) has no nynorsk date and number data and would
 * format nn-NO as American English, unlike the server: on a hydrated page React then finds other text than
 * the server's HTML (a hydration error) and shows the browser's. Where nn-NO is missing, nynorsk is formatted
 * as bokmål, which writes dates and numbers in our styles the same way (no weekday names; checked by a test).
 */
function formatLocale(lang: Lang, supportedLocalesOf: (locales: string[]) => string[]): string {
  return lang === "nn" && supportedLocalesOf([locales.nn]).length === 0 ? locales.nb : locales[lang];
}

export function formatNumber(lang: Lang, value: number): string {
  const format = () => cached(`number:${lang}`, () => new Intl.NumberFormat(formatLocale(lang, Intl.NumberFormat.supportedLocalesOf))).format(value);
  // Whole numbers only: their keys are exact (-0 and fractions are formatted each time).
  return Number.isSafeInteger(value) && !Object.is(value, -0) ? memo(numbers, `${lang}${value}`, format) : format();
}

/** "date": 3. desember 2026; "datetime": with the time; "short": 3. des. 2026 (a chart's axis). */
export type DateStyle = "date" | "datetime" | "short";

export function formatDate(lang: Lang, value: Date | string, style: DateStyle = "date"): string {
  if (typeof value === "string") return memo(dates, `${lang}${style} ${value}`, () => formatDateNow(lang, new Date(value), style));
  return formatDateNow(lang, value, style);
}

function formatDateNow(lang: Lang, date: Date, style: DateStyle): string {
  return cached(
    `date:${lang}:${style}`,
    () =>
      new Intl.DateTimeFormat(formatLocale(lang, Intl.DateTimeFormat.supportedLocalesOf), {
        dateStyle: style === "short" ? "medium" : "long",
        timeStyle: style === "datetime" ? "short" : undefined,
        timeZone: "Europe/Oslo",
      }),
  ).format(date);
}

/**
 * Language from the request: `?lang=` (handled by the caller), then the cookie, then Accept-Language.
 * Norwegian without a written standard ("no") counts as bokmål.
 */
export function negotiateLanguage(acceptLanguage: string | null): Lang {
  if (!acceptLanguage) return "nb";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...rest] = part.trim().toLowerCase().split(";");
      const q = rest.find((p) => p.trim().startsWith("q="));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "nn") return "nn";
    if (primary === "nb" || primary === "no") return "nb";
    if (primary === "en") return "en";
  }
  return "nb";
}
