import { and, asc, eq, isNotNull, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { findKommune } from "~/modules/centres/kommuner";
import { getServices } from "~/lib/services.server";
import { notFound } from "~/lib/route-helpers.server";
import type { Config, MapConfig } from "~/lib/config";
import { locations, serviceAtLocations, services } from "./offers.schema";
import { offerConditions } from "./offers.server";
import type { SearchInput } from "./offers.forms";

/** At most this many places on one map: enough for a fylke, few enough for the browser and the page size. */
export const mapPointLimit = 2_000;

/** One place on the map: an offer at a location that has coordinates. */
export type MapPoint = {
  /** The offer (service) id, for the link to /tilbud/:id. */
  id: string;
  name: string;
  /** The location's name, or its kommune when it has none. */
  place: string;
  lat: number;
  lon: number;
};

/**
 * The places of the offers that match the search filters (the same conditions as /tilbud, AND-ed), only at
 * locations with coordinates. With a fylke or kommune chosen, only that area's locations are shown, not the
 * offer's places elsewhere. Ordered by offer name, then place; `capped` says more places matched than `limit`.
 */
export async function offerMapPoints(db: Db, input: SearchInput, limit = mapPointLimit): Promise<{ points: MapPoint[]; capped: boolean }> {
  const conditions: SQL[] = offerConditions({
    q: input.q,
    fylke: input.fylke,
    kommune: input.kommune,
    kind: input.type,
    targetGroup: input.malgruppe,
    noReferral: Boolean(input.ingen_henvisning),
    free: Boolean(input.gratis),
  });
  conditions.push(isNotNull(locations.latitude), isNotNull(locations.longitude));
  if (input.fylke) conditions.push(eq(locations.fylkesnummer, input.fylke));
  if (input.kommune) conditions.push(eq(locations.kommunenummer, input.kommune));
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      place: locations.name,
      kommunenummer: locations.kommunenummer,
      lat: locations.latitude,
      lon: locations.longitude,
    })
    .from(services)
    .innerJoin(serviceAtLocations, eq(serviceAtLocations.serviceId, services.id))
    .innerJoin(locations, eq(locations.id, serviceAtLocations.locationId))
    .where(and(...conditions))
    .orderBy(asc(services.name), asc(services.id), asc(locations.name), asc(locations.id))
    .limit(limit + 1);
  const points = rows.slice(0, limit).map((r) => ({
    id: r.id,
    name: r.name,
    place: r.place ?? (r.kommunenummer ? findKommune(r.kommunenummer)?.navn : undefined) ?? "",
    // Five decimals is about a metre: enough for a marker, and a smaller page.
    lat: Math.round(r.lat! * 1e5) / 1e5,
    lon: Math.round(r.lon! * 1e5) / 1e5,
  }));
  return { points, capped: rows.length > limit };
}

/** Whether the map view is on (MAP_TILES_URL is set): the search page shows its link only then. */
export function mapEnabled(): boolean {
  return Boolean(getServices().config.map);
}

/** The map's settings, or the 404 page when the map is off: without MAP_TILES_URL, /tilbud/kart does not exist. */
export function requireMapConfig(config: Pick<Config, "map">): MapConfig {
  if (!config.map) notFound();
  return config.map;
}
