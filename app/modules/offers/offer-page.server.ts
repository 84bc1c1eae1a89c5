import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { organizations, services } from "./offers.schema";
import { getService } from "./hsds.server";
import { findKommune, fylker } from "~/modules/centres/kommuner";
import { osloToday } from "./manage.server";

/**
 * The public offer page: the same HSDS service the API serves (so the page never shows less than the
 * open data), with place names looked up and schedules that have ended left out.
 */
export async function getOfferPage(db: Db, id: string, today = osloToday(), options: { includeArchived?: boolean } = {}) {
  const service = await getService(db, id, options);
  if (!service) return undefined;
  const [owner] = await db
    .select({ centreId: services.centreId, archivedAt: services.archivedAt, organizationArchived: sql<boolean>`${organizations.archivedAt} is not null` })
    .from(services)
    .innerJoin(organizations, eq(organizations.id, services.organizationId))
    .where(eq(services.id, id));
  const current = <T extends { valid_to?: string; until?: string }>(list: T[] | undefined) =>
    (list ?? []).filter((s) => (!s.valid_to || s.valid_to >= today) && (!s.until || s.until >= today));
  const placeName = (kommunenummer?: string) => {
    const kommune = kommunenummer ? findKommune(kommunenummer) : undefined;
    return kommune ? { kommune: kommune.navn, fylke: kommune.fylke } : undefined;
  };
  return {
    centreId: owner?.centreId ?? null,
    /** Set only with includeArchived: the offer is archived, or hidden because its organisation is. */
    archivedAt: owner?.archivedAt ?? null,
    organizationArchived: Boolean(owner?.organizationArchived),
    service: {
      ...service,
      schedules: current(service.schedules),
      service_at_locations: service.service_at_locations.map((sal) => ({
        ...sal,
        schedules: current(sal.schedules),
        location: { ...sal.location, schedules: current(sal.location.schedules), place: placeName(sal.location.kommunenummer) },
      })),
      service_areas: service.service_areas?.map((a) => ({
        ...a,
        place: placeName(a.kommunenummer) ?? (a.fylkesnummer ? { kommune: "", fylke: fylker.find((f) => f.fylkesnummer === a.fylkesnummer)?.navn ?? "" } : undefined),
      })),
    },
  };
}

export type OfferPage = NonNullable<Awaited<ReturnType<typeof getOfferPage>>>;
