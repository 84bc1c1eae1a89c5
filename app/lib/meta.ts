import { translate, type Lang, type MessageKey, type Params } from "~/i18n/i18n";

type Match = { id: string; loaderData?: unknown } | undefined;

/** The page title "<page> – <site>" in the request's language. Never put personal data in a title. */
export function title({ matches, error }: { matches: readonly Match[]; error?: unknown }, key: MessageKey, params?: Params) {
  // The error page sets its own title.
  if (error) return [];
  const root = matches.find((m) => m?.id === "root")?.loaderData as { lang?: Lang; siteName?: string } | undefined;
  const lang = root?.lang ?? "nb";
  return [{ title: `${translate(lang, key, params)} – ${root?.siteName ?? "Knutepunkt"}` }];
}
