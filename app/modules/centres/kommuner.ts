import reference from "~/data/kommuner-2024.json";

/** Norway's fylker and kommuner (SSB, valid from 2024-01-01), shipped as data: a reform means a new file. */
export type Kommune = { kommunenummer: string; navn: string; fylkesnummer: string; fylke: string };

export const referenceSource: string = reference.source;

export const fylker = reference.fylker.map((f) => ({ fylkesnummer: f.fylkesnummer, navn: f.navn }));

export const kommuner: Kommune[] = reference.fylker
  .flatMap((f) => f.kommuner.map((k) => ({ ...k, fylkesnummer: f.fylkesnummer, fylke: f.navn })))
  .sort((a, b) => a.navn.localeCompare(b.navn, "nb"));

const byNumber = new Map(kommuner.map((k) => [k.kommunenummer, k]));

export function findKommune(kommunenummer: string): Kommune | undefined {
  return byNumber.get(kommunenummer);
}

/**
 * A kommune with its fylke, as a list shows it: "Bodø (Nordland)". SSB's name already says the fylke for the
 * names two kommuner share ("Herøy (Møre og Romsdal)"): it is not said twice.
 */
export function kommuneLabel(k: Kommune): string {
  return k.navn.endsWith(`(${k.fylke})`) ? k.navn : `${k.navn} (${k.fylke})`;
}
