import { describe, expect, it } from "vitest";
import seed from "./data/seed-002.hsds.json";
import { hsdsValidator } from "../../../tests/support/hsds";
import { findKommune } from "~/modules/centres/kommuner";
import { targetGroups } from "./offers";

/**
 * The real offers named in seed 002, as an importable HSDS 3.0 file (for the coming Tilbud module).
 * Every service must validate against HSDS, and the Norwegian profile fields must be consistent.
 */
type Location = { kommunenummer?: string; fylkesnummer?: string; name?: string };
type Service = {
  id: string;
  name: string;
  ingen_henvisning?: boolean;
  tilbudstype?: string;
  malgruppe?: string[];
  service_at_locations?: { location: Location }[];
  phones?: unknown[];
  schedules?: unknown[];
};
const services = seed as unknown as Service[];

// The kinds the issue names, written out by hand (not imported), so the code cannot drift from them unnoticed.
const kinds = [
  "arbeid-og-aktivitet",
  "kultur-musikk-og-sang",
  "likepersonsarbeid",
  "kurs-og-opplaering",
  "treffsted",
  "parorende",
  "bolig-og-rehabilitering",
  "veiledning-for-kommuner",
  "behandling",
];

describe("seed 002 offers as HSDS 3.0", () => {
  it("validates every service against the HSDS service schema", () => {
    const validate = hsdsValidator("service.json");
    const failures: string[] = [];
    for (const service of services) {
      const valid: boolean = validate(service);
      if (!valid) failures.push(`${service.name}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
    }
    expect(failures).toEqual([]);
  });

  it("has unique ids and a known kind and target group on every service", () => {
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    for (const s of services) {
      expect(kinds, s.name).toContain(s.tilbudstype);
      for (const group of s.malgruppe ?? []) expect(targetGroups).toContain(group);
    }
  });

  it("places every location in a real 2024 kommune and its fylke", () => {
    for (const s of services) {
      for (const { location } of s.service_at_locations ?? []) {
        const kommune = findKommune(location.kommunenummer ?? "");
        expect(kommune, `${s.name} / ${location.name}`).toBeDefined();
        expect(location.fylkesnummer).toBe(kommune!.fylkesnummer);
      }
    }
  });

  it("keeps what the seed says and invents nothing: Fontenehus needs no referral, Krafttak for sang is in Trøndelag, no phones or times", () => {
    const fontenehus = services.filter((s) => s.name === "Fontenehus");
    expect(fontenehus.length).toBeGreaterThanOrEqual(12);
    expect(fontenehus.every((s) => s.ingen_henvisning === true)).toBe(true);
    const krafttak = services.find((s) => s.name === "Krafttak for sang")!;
    const places = krafttak.service_at_locations!.map((l) => findKommune(l.location.kommunenummer!)!);
    expect(places.filter((k) => k.fylke === "Trøndelag").map((k) => k.navn).sort()).toEqual(["Namsos", "Steinkjer"]);
    expect(services.some((s) => (s.phones?.length ?? 0) > 0 || (s.schedules?.length ?? 0) > 0)).toBe(false);
  });
});
