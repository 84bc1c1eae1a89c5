/**
 * Stages ("Ulike stadier") and life areas for the toolkit. The person places themselves on a stage,
 * optionally per life area; moving back and forth is normal and is shown neutrally.
 *
 * The five stages are inspired by: Andresen, R., Oades, L. G. & Caputi, P. (2003). The experience of
 * recovery from schizophrenia: towards an empirically validated stage model. Australian and New Zealand
 * Journal of Psychiatry 37, 586–594 — inspired by; texts written by the Knutepunkt project, CC BY 4.0.
 * Ids are stable: stored answers refer to them, so never rename an id.
 */
import type { LifeArea, Stage } from "./types";

export const stages: readonly Stage[] = [
  {
    id: "moratorium",
    name: { nb: "Stoppe opp", nn: "Stoppe opp", en: "Pausing" },
    description: {
      nb: "Akkurat nå står mye stille for meg. Jeg trenger kreftene mine for å komme gjennom dagen, og det er vanskelig å se langt fram. Jeg kan trenge ro, trygghet og folk som holder på håpet for meg en stund. Å stoppe opp kan også være en måte å ta vare på meg selv.",
      nn: "Akkurat no står mykje stille for meg. Eg treng kreftene mine for å kome gjennom dagen, og det er vanskeleg å sjå langt fram. Eg kan trenge ro, tryggleik og folk som held på håpet for meg ei stund. Å stoppe opp kan òg vere ein måte å ta vare på meg sjølv.",
      en: "Right now, a lot is standing still for me. I need my strength to get through the day, and it is hard to see far ahead. I may need calm, safety and people who hold on to hope for me for a while. Pausing can also be a way of taking care of myself.",
    },
  },
  {
    id: "awareness",
    name: { nb: "Oppdage", nn: "Oppdage", en: "Discovering" },
    description: {
      nb: "Jeg begynner å ane at ting kan bli annerledes. Jeg legger merke til at jeg er mer enn det som har vært vanskelig. Et lite håp har fått plass, selv om det kommer og går.",
      nn: "Eg byrjar å ane at ting kan bli annleis. Eg legg merke til at eg er meir enn det som har vore vanskeleg. Eit lite håp har fått plass, sjølv om det kjem og går.",
      en: "I am beginning to sense that things can change. I notice that I am more than what has been hard. A little hope has found room, even if it comes and goes.",
    },
  },
  {
    id: "preparation",
    name: { nb: "Forberede", nn: "Førebu", en: "Preparing" },
    description: {
      nb: "Jeg har bestemt meg for å ta tak i livet mitt. Jeg finner ut hva jeg er god til, hva som er viktig for meg, og hvem som kan støtte meg. Jeg samler kunnskap og krefter før jeg tar de neste stegene.",
      nn: "Eg har bestemt meg for å ta tak i livet mitt. Eg finn ut kva eg er god til, kva som er viktig for meg, og kven som kan støtte meg. Eg samlar kunnskap og krefter før eg tek dei neste stega.",
      en: "I have decided to take hold of my life. I am finding out what I am good at, what matters to me and who can support me. I am gathering knowledge and strength before I take the next steps.",
    },
  },
  {
    id: "rebuilding",
    name: { nb: "Bygge opp igjen", nn: "Byggje opp att", en: "Rebuilding" },
    description: {
      nb: "Jeg jobber aktivt mot mål som betyr noe for meg. Jeg tar egne valg, prøver nye ting og tåler at ikke alt går som planlagt. Steg for steg bygger jeg et liv som kjennes som mitt.",
      nn: "Eg arbeider aktivt mot mål som betyr noko for meg. Eg tek eigne val, prøver nye ting og toler at ikkje alt går som planlagt. Steg for steg byggjer eg eit liv som kjennest som mitt.",
      en: "I am working actively towards goals that mean something to me. I make my own choices, try new things and can live with it when not everything goes to plan. Step by step, I am building a life that feels like mine.",
    },
  },
  {
    id: "growth",
    name: { nb: "Vokse", nn: "Vekse", en: "Growing" },
    description: {
      nb: "Jeg lever et liv som gir mening for meg, også når det blåser. Jeg kjenner meg selv, styrkene mine og det som er viktig for meg. Jeg ser framover, og kanskje kan erfaringene mine være til hjelp for andre.",
      nn: "Eg lever eit liv som gir meining for meg, òg når det blæs. Eg kjenner meg sjølv, styrkane mine og det som er viktig for meg. Eg ser framover, og kanskje kan erfaringane mine vere til hjelp for andre.",
      en: "I am living a life that feels meaningful to me, even when things are tough. I know myself, my strengths and what matters to me. I look ahead, and perhaps my experiences can be of help to others.",
    },
  },
];

export const lifeAreas: readonly LifeArea[] = [
  { id: "housing", name: { nb: "Bolig", nn: "Bustad", en: "Housing" } },
  {
    id: "work-school",
    name: { nb: "Arbeid/skole", nn: "Arbeid/skule", en: "Work/school" },
  },
  {
    id: "relationships",
    name: { nb: "Relasjoner", nn: "Relasjonar", en: "Relationships" },
  },
  { id: "health", name: { nb: "Helse", nn: "Helse", en: "Health" } },
  { id: "leisure", name: { nb: "Fritid", nn: "Fritid", en: "Leisure" } },
  { id: "finances", name: { nb: "Økonomi", nn: "Økonomi", en: "Finances" } },
  {
    id: "faith",
    name: { nb: "Tro/livssyn", nn: "Tru/livssyn", en: "Faith/beliefs" },
  },
];
