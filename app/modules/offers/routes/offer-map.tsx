import { useEffect, useMemo, useRef, useState } from "react";
import { data, Form, useLoaderData, useNavigate, useNavigation } from "react-router";
import { Alert, Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/offer-map";
import { getServices } from "~/lib/services.server";
import { parseForm, queryAsForm } from "~/lib/forms";
import { FormErrorSummary } from "~/components/form";
import { AppLink } from "~/components/app-link";
import { useT } from "~/i18n/use-t";
import { translate, type MessageKey } from "~/i18n/i18n";
import { title } from "~/lib/meta";
import { searchSchema } from "../offers.forms";
import { mapPointLimit, offerMapPoints, requireMapConfig, type MapPoint } from "../map.server";
import { OfferFilterFields, useFilterLabels } from "../components/offer-filters";
import { searchHref } from "../components/map-link";
import type { MapPlace } from "../components/leaflet-map.client";

export const meta: Route.MetaFunction = (args) => title(args, "offers.map.title");

/**
 * The offers on a map (only when MAP_TILES_URL is set; otherwise 404). The same filters as /tilbud, in the
 * URL. The page is complete without JavaScript: the places are always listed as text, and the map is an
 * extra drawn in the browser.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const { config, db } = getServices();
  const map = requireMapConfig(config);
  const tiles = { url: map.tilesUrl, attribution: map.attribution };
  const url = new URL(request.url);
  const query = new URLSearchParams(url.searchParams);
  query.delete("lang");
  query.delete("side");
  const parsed = parseForm(searchSchema, queryAsForm(url));
  if (!parsed.ok) {
    return data({ tiles, errors: parsed.errors, values: parsed.values, result: null }, { status: 400 });
  }
  const result = await offerMapPoints(db, parsed.data);
  return {
    tiles,
    errors: {} as Record<string, MessageKey>,
    values: Object.fromEntries(query) as Record<string, string>,
    result: { ...result, limit: mapPointLimit },
  };
}

/** One marker per spot: offers at the same coordinates share it. */
function byPlace(points: MapPoint[]): MapPlace[] {
  const places = new Map<string, MapPlace>();
  for (const p of points) {
    const key = `${p.lat},${p.lon}`;
    const place = places.get(key) ?? { lat: p.lat, lon: p.lon, place: p.place, offers: [] };
    if (!place.offers.some((o) => o.id === p.id)) place.offers.push({ id: p.id, name: p.name });
    places.set(key, place);
  }
  return [...places.values()];
}

/** The text list: each offer once, with its places on the map. */
function byOffer(points: MapPoint[]) {
  const offers = new Map<string, { id: string; name: string; places: string[] }>();
  for (const p of points) {
    const offer = offers.get(p.id) ?? { id: p.id, name: p.name, places: [] };
    if (p.place && !offer.places.includes(p.place)) offer.places.push(p.place);
    offers.set(p.id, offer);
  }
  return [...offers.values()];
}

export default function OfferMap() {
  const t = useT();
  const { tiles, errors, values, result } = useLoaderData<typeof loader>();
  const labels = useFilterLabels();
  const searching = useNavigation().state === "loading";
  const listHref = searchHref("/tilbud", values);
  const places = useMemo(() => byPlace(result?.points ?? []), [result]);
  const offers = useMemo(() => byOffer(result?.points ?? []), [result]);
  return (
    <div className="kp-stack kp-wrap">
      <Heading level={1} data-size="lg">
        {t("offers.map.title")}
      </Heading>
      <Paragraph>{t("offers.map.intro")}</Paragraph>
      <FormErrorSummary errors={errors} labels={labels} />
      <Form method="get" action="/tilbud/kart" className="kp-stack kp-narrow" role="search" aria-label={t("offers.search_label")}>
        <OfferFilterFields values={values} errors={errors} />
        <div className="kp-actions">
          <Button type="submit" aria-disabled={searching || undefined}>
            {t("offers.search")}
          </Button>
          <AppLink to="/tilbud/kart">{t("offers.clear")}</AppLink>
        </div>
      </Form>
      <Paragraph>
        <AppLink to={listHref} data-testid="show-as-list">
          {t("offers.map.show_list")}
        </AppLink>
      </Paragraph>

      {result ? (
        <>
          <MapPanel tiles={tiles} places={places} listHref={listHref} />
          <section className="kp-stack" aria-labelledby="map-places">
            <Heading level={2} data-size="md" id="map-places">
              {t("offers.map.places")}
            </Heading>
            <Paragraph aria-live="polite">
              {t("offers.map.count", { count: result.points.length })}. {t("offers.map.only_known")}
            </Paragraph>
            {result.capped ? (
              <Alert data-color="warning" data-testid="map-capped">
                <Paragraph>{t("offers.map.capped", { count: result.limit })}</Paragraph>
              </Alert>
            ) : null}
            {result.points.length === 0 ? <Paragraph>{t("offers.map.none")}</Paragraph> : null}
            {offers.length > 0 ? (
              <ul className="kp-list" data-testid="map-places">
                {offers.map((o) => (
                  <li key={o.id}>
                    <AppLink to={`/tilbud/${o.id}`}>{o.name}</AppLink>
                    {o.places.length > 0 ? <span className="kp-muted"> – {o.places.join(", ")}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}

/** True once React has hydrated in this browser: later visits (client-side navigation) draw the map at once. */
let hydrated = false;

/**
 * Server HTML (and a browser whose scripts did not run): a message and the way to the list. Once React runs,
 * the map container takes its place and Leaflet is loaded into it (a separate chunk, this page only).
 */
function MapPanel({ tiles, places, listHref }: { tiles: { url: string; attribution: string }; places: MapPlace[]; listHref: string }) {
  const t = useT();
  const lang = t.lang;
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const container = useRef<HTMLDivElement>(null);
  const [mounted, setMounted] = useState(() => hydrated);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    hydrated = true;
    setMounted(true);
  }, []);
  useEffect(() => {
    if (!mounted || !container.current) return;
    const element = container.current;
    let cancelled = false;
    let unmount: (() => void) | undefined;
    setFailed(false);
    import("../components/leaflet-map.client")
      .then(({ mountMap }) => {
        if (cancelled) return;
        unmount = mountMap(element, {
          tilesUrl: tiles.url,
          attribution: tiles.attribution,
          places,
          labels: {
            zoomIn: translate(lang, "offers.map.zoom_in"),
            zoomOut: translate(lang, "offers.map.zoom_out"),
            close: translate(lang, "offers.map.close"),
            marker: (p) => (p.offers.length === 1 ? `${p.offers[0]!.name}, ${p.place}` : translate(lang, "offers.map.marker", { place: p.place, count: p.offers.length })),
          },
          navigate: (href) => void navigateRef.current(href),
        });
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, [mounted, places, tiles.url, tiles.attribution, lang]);

  if (!mounted) {
    return (
      <Alert data-color="info" data-testid="map-needs-js">
        <Paragraph>{t("offers.map.needs_js")}</Paragraph>
        <Paragraph>
          <AppLink to={listHref}>{t("offers.map.show_list")}</AppLink>
        </Paragraph>
      </Alert>
    );
  }
  return (
    <div className="kp-stack kp-wrap">
      {failed ? (
        <Alert data-color="warning" role="status">
          <Paragraph>{t("offers.map.failed")}</Paragraph>
        </Alert>
      ) : (
        <Paragraph data-size="sm" className="kp-muted">
          {t("offers.map.keyboard")}
        </Paragraph>
      )}
      <div ref={container} className="kp-map" role="region" aria-label={t("offers.map.label")} data-testid="offer-map" hidden={failed} />
    </div>
  );
}
