import { sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/modules/accounts/accounts.schema";
import { centres, memberships } from "~/modules/centres/centres.schema";
import { hashPassword } from "~/modules/accounts/password.server";
import { findKommune } from "~/modules/centres/kommuner";
import type { CentreRole } from "~/modules/centres/permissions";
import { loadHsdsServices, type HsdsService } from "~/modules/offers/offers.server";
import seedOffers from "~/modules/offers/data/seed-002.hsds.json";

export const demoPassword = "demo-passord-2026";

/** The five regional user-led centres of "Knutepunkt for Recovery" (seeds 000 and 002), in their real kommune. */
export const demoCentres = [
  { shortName: "KBT", name: "KBT – Kompetansesenter for brukererfaring og tjenesteutvikling", kommunenummer: "5001" },
  { shortName: "Bikuben", name: "Bikuben regionalt brukerstyrt senter", kommunenummer: "5510" },
  { shortName: "Vårres", name: "Vårres regionalt brukerstyrt senter", kommunenummer: "5001" },
  { shortName: "ROM Agder", name: "ROM Agder", kommunenummer: "4204" },
  { shortName: "Sagatun", name: "Sagatun brukerstyrt senter", kommunenummer: "3403" },
] as const;

export const demoAccounts: { email: string; name: string; role: CentreRole | "administrator" }[] = [
  { email: "deltaker@example.org", name: "Deltaker Demo", role: "participant" },
  { email: "erfaring@example.org", name: "Erfaring Demo", role: "peer_worker" },
  { email: "koordinator@example.org", name: "Koordinator Demo", role: "coordinator" },
  { email: "intervjuer@example.org", name: "Intervjuer Demo", role: "interviewer" },
  // The second interviewer of the demo evaluation's group sessions (a group interview is held by two).
  { email: "intervjuer2@example.org", name: "Intervjuer To", role: "interviewer" },
  { email: "tjeneste@example.org", name: "Tjeneste Demo", role: "service_contact" },
  { email: "admin@example.org", name: "Admin Demo", role: "administrator" },
];

/** Load demo data into an empty database. Returns false (and does nothing) when there is already data. */
export async function loadDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One loader at a time, even with several app instances starting together.
    await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
    const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(users);
    const [existingCentres] = await tx.select({ n: sql<number>`count(*)::int` }).from(centres);
    if ((existing?.n ?? 0) > 0 || (existingCentres?.n ?? 0) > 0) return false;

    const centreIds = await tx
      .insert(centres)
      .values(demoCentres.map((c) => ({ ...c, fylkesnummer: findKommune(c.kommunenummer)!.fylkesnummer })))
      .returning({ id: centres.id, shortName: centres.shortName });
    const kbt = centreIds.find((c) => c.shortName === "KBT")!.id;

    const passwordHash = await hashPassword(demoPassword);
    const created = await tx
      .insert(users)
      .values(demoAccounts.map((a) => ({ email: a.email, name: a.name, passwordHash, isAdmin: a.role === "administrator", emailVerifiedAt: new Date() })))
      .returning({ id: users.id, email: users.email });
    const idOf = (email: string) => created.find((u) => u.email === email)!.id;
    // The real offers named in seed 002; each centre's own offers belong to that centre.
    const byName = new Map(demoCentres.map((c) => [c.name as string, centreIds.find((x) => x.shortName === c.shortName)!.id]));
    await loadHsdsServices(tx as unknown as Db, seedOffers as unknown as HsdsService[], (organization) => byName.get(organization) ?? null);

    await tx.insert(memberships).values(
      demoAccounts
        .filter((a): a is { email: string; name: string; role: CentreRole } => a.role !== "administrator")
        .map((a) => ({ centreId: kbt, userId: idOf(a.email), role: a.role })),
    );
    return true;
  });
}
