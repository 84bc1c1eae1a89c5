/**
 * Shapes of the toolkit's written content: cards, questions, values, stages, life areas, check-in packs.
 * All of it is data, per language, written by the Knutepunkt project and licensed CC BY 4.0
 * (see content/LICENSE.md). Ids are stable: stored answers refer to them, so never rename an id.
 */
import type { Lang } from "~/i18n/i18n";

export type PerLang<T> = Record<Lang, T>;

/** CHIME: connectedness, hope, identity, meaning, empowerment (Leamy et al., 2011). */
export const chimeAreas = ["connectedness", "hope", "identity", "meaning", "empowerment"] as const;
export type ChimeArea = (typeof chimeAreas)[number];

export type CardText = {
  title: string;
  /** A short text, 2–5 sentences, plain language. */
  text: string;
};

export type Card = {
  /** Stable id, lower-case ascii with hyphens, e.g. "leve-med". */
  id: string;
  /** "reflection": has questions to answer; "explainer": explains an idea, still with questions. */
  kind: "reflection" | "explainer";
  /** true for the optional eighth card (Identitet). */
  optional?: boolean;
  /** The CHIME areas the card touches most (suggested tags for its answers). */
  chime: ChimeArea[];
  content: PerLang<CardText>;
  /** 3–6 open questions; ids stable within the card ("q1", "q2", …). */
  questions: { id: string; text: PerLang<string> }[];
};

export type PersonalValue = {
  /** Stable id, lower-case ascii with hyphens, from the English source word, e.g. "self-acceptance". */
  id: string;
  name: PerLang<string>;
  /** One line: what the value means, in plain words. */
  meaning: PerLang<string>;
};

export type Stage = {
  /** "moratorium" | "awareness" | "preparation" | "rebuilding" | "growth" */
  id: string;
  name: PerLang<string>;
  /** 2–4 sentences in the person's own perspective, never about illness or failure. */
  description: PerLang<string>;
};

export type LifeArea = { id: string; name: PerLang<string> };
