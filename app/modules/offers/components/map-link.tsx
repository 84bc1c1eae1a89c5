import { Paragraph } from "@digdir/designsystemet-react";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";

/** The same search as a list (/tilbud) or on the map (/tilbud/kart): the filters stay; the page number and empty fields do not. */
export function searchHref(path: "/tilbud" | "/tilbud/kart", values: Record<string, string>) {
  const params = new URLSearchParams();
  for (const key of Object.keys(values)) {
    const value = values[key]!;
    if (value !== "" && key !== "side" && key !== "lang") params.append(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** "Vis på kart": for the search page, shown only when the map is on (`mapEnabled()` in map.server.ts). */
export function ShowOnMapLink({ values }: { values: Record<string, string> }) {
  const t = useT();
  return (
    <Paragraph>
      <AppLink to={searchHref("/tilbud/kart", values)} data-testid="show-on-map">
        {t("offers.map.show_map")}
      </AppLink>
    </Paragraph>
  );
}
