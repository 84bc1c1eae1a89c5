/**
 * Bruker Spør Bruker: what an evaluation starts from (issue 13, items 2 and 5).
 *
 * - `shippedCodes`: the ten codes named in the synthesis of 15 BSB reports (417 users) — respekt, dyktige
 *   fagpersoner, forutsigbarhet, fleksibilitet, informasjon, samhandling, felles beslutninger, sosial kontakt,
 *   utviklingsmuligheter, ansvarsfrihet — for lay analysts to code statements with. Projects add their own.
 * - `themeGuideTemplate`: BSB's usual themes, each with 2–4 open questions, that a new theme guide starts
 *   from and the team rewrites with the service.
 *
 * The names follow the issue; the descriptions and questions are written by the Knutepunkt project (CC BY
 * 4.0), in plain language, as interviewers with lived experience would ask them: open, one thing at a time,
 * asking for experiences good and bad rather than for agreement. Ids are stable (stored codings and guide
 * versions copy the text, but refer to the id): never rename one.
 */
import type { Lang } from "~/i18n/i18n";

export type PerLang<T = string> = Record<Lang, T>;

export type ShippedCode = {
  /** Stable id, lower-case ascii with underscores. */
  id: string;
  name: PerLang;
  /** One or two plain sentences: what statements this code is for. */
  description: PerLang;
};

export const shippedCodes: readonly ShippedCode[] = [
  {
    id: "respect",
    name: { nb: "Respekt", nn: "Respekt", en: "Respect" },
    description: {
      nb: "Å bli møtt som et helt menneske, tatt på alvor og behandlet som likeverdig – ikke bare som en sak eller et problem.",
      nn: "Å bli møtt som eit heilt menneske, teken på alvor og behandla som likeverdig – ikkje berre som ei sak eller eit problem.",
      en: "Being met as a whole person, taken seriously and treated as an equal – not just as a case or a problem.",
    },
  },
  {
    id: "skilled_professionals",
    name: { nb: "Dyktige fagpersoner", nn: "Dyktige fagpersonar", en: "Skilled professionals" },
    description: {
      nb: "Ansatte som kan faget sitt, har tid, lytter og forklarer, og som viser at de bryr seg.",
      nn: "Tilsette som kan faget sitt, har tid, lyttar og forklarer, og som viser at dei bryr seg.",
      en: "Staff who know their work, have time, listen and explain, and show that they care.",
    },
  },
  {
    id: "predictability",
    name: { nb: "Forutsigbarhet", nn: "Føreseielegheit", en: "Predictability" },
    description: {
      nb: "Å vite hva som skal skje, når og med hvem: faste avtaler, de samme folkene å forholde seg til, og beskjed i god tid når noe endres.",
      nn: "Å vite kva som skal skje, når og med kven: faste avtalar, dei same folka å halde seg til, og beskjed i god tid når noko blir endra.",
      en: "Knowing what will happen, when and with whom: fixed appointments, the same people to deal with, and notice in good time when something changes.",
    },
  },
  {
    id: "flexibility",
    name: { nb: "Fleksibilitet", nn: "Fleksibilitet", en: "Flexibility" },
    description: {
      nb: "At tjenesten kan tilpasses deg og livet ditt – tid, sted, hvor ofte og hva slags hjelp – også når behovene dine endrer seg.",
      nn: "At tenesta kan tilpassast deg og livet ditt – tid, stad, kor ofte og kva slags hjelp – også når behova dine endrar seg.",
      en: "That the service can be fitted to you and your life – time, place, how often and what kind of help – also when your needs change.",
    },
  },
  {
    id: "information",
    name: { nb: "Informasjon", nn: "Informasjon", en: "Information" },
    description: {
      nb: "Å få vite det du trenger, på en måte du forstår: om tilbudet, om rettighetene dine, om behandling og medisiner, og om hva som skjer videre.",
      nn: "Å få vite det du treng, på ein måte du forstår: om tilbodet, om rettane dine, om behandling og medisinar, og om kva som skjer vidare.",
      en: "Being told what you need to know, in a way you understand: about the service, your rights, treatment and medicines, and what happens next.",
    },
  },
  {
    id: "coordination",
    name: { nb: "Samhandling", nn: "Samhandling", en: "Coordination" },
    description: {
      nb: "At tjenestene snakker sammen og henger sammen, så du slipper å fortelle historien din på nytt og ikke faller mellom to stoler.",
      nn: "At tenestene snakkar saman og heng saman, så du slepp å fortelje historia di på nytt og ikkje fell mellom to stolar.",
      en: "That services talk to each other and fit together, so you need not tell your story again and do not fall through the cracks.",
    },
  },
  {
    id: "shared_decisions",
    name: { nb: "Felles beslutninger", nn: "Felles avgjerder", en: "Shared decisions" },
    description: {
      nb: "At du er med og bestemmer over det som gjelder deg – mål, behandling og hverdag – og at det du mener, faktisk teller.",
      nn: "At du er med og bestemmer over det som gjeld deg – mål, behandling og kvardag – og at det du meiner, faktisk tel.",
      en: "That you take part in deciding what concerns you – goals, treatment and everyday life – and that what you think really counts.",
    },
  },
  {
    id: "social_contact",
    name: { nb: "Sosial kontakt", nn: "Sosial kontakt", en: "Social contact" },
    description: {
      nb: "Å ha noen å være sammen med og snakke med – andre brukere, familie, venner og ansatte – og et fellesskap der du hører til.",
      nn: "Å ha nokon å vere saman med og snakke med – andre brukarar, familie, vener og tilsette – og eit fellesskap der du høyrer til.",
      en: "Having people to be with and talk to – other users, family, friends and staff – and a community where you belong.",
    },
  },
  {
    id: "opportunities",
    name: { nb: "Utviklingsmuligheter", nn: "Utviklingsmoglegheiter", en: "Opportunities to grow" },
    description: {
      nb: "Muligheter til å lære, prøve seg, bruke styrkene sine og komme videre: arbeid, skole, aktiviteter og egne mål.",
      nn: "Moglegheiter til å lære, prøve seg, bruke styrkane sine og kome vidare: arbeid, skule, aktivitetar og eigne mål.",
      en: "Chances to learn, to try things, to use your strengths and to move on: work, school, activities and your own goals.",
    },
  },
  {
    id: "respite",
    name: { nb: "Ansvarsfrihet", nn: "Ansvarsfridom", en: "Respite from responsibility" },
    description: {
      nb: "Å få legge fra seg ansvaret en stund når livet er for tungt: hvile, bli tatt vare på og ha et trygt sted å være. Også når det blir for mye – når du får for lite ansvar for ditt eget liv.",
      nn: "Å få leggje frå seg ansvaret ei stund når livet er for tungt: kvile, bli teken vare på og ha ein trygg stad å vere. Også når det blir for mykje – når du får for lite ansvar for ditt eige liv.",
      en: "Being allowed to put your responsibilities down for a while when life is too heavy: to rest, be looked after and have a safe place to be. Also when it goes too far – when you are given too little say over your own life.",
    },
  },
];

export type TemplateTheme = {
  /** Stable id, lower-case ascii with underscores. */
  id: string;
  title: PerLang;
  /** 2–4 open questions; ids stable within the theme ("q1", "q2", …). */
  questions: readonly { id: string; text: PerLang }[];
};

const q = (id: string, nb: string, nn: string, en: string) => ({ id, text: { nb, nn, en } });

export const themeGuideTemplate: readonly TemplateTheme[] = [
  {
    id: "general_experience",
    title: { nb: "Generelt om tilbudet", nn: "Generelt om tilbodet", en: "The service in general" },
    questions: [
      q("q1", "Hvordan vil du beskrive tilbudet for noen som ikke kjenner det?", "Korleis vil du skildre tilbodet for nokon som ikkje kjenner det?", "How would you describe the service to someone who does not know it?"),
      q("q2", "Hva har vært bra for deg her?", "Kva har vore bra for deg her?", "What has been good for you here?"),
      q("q3", "Hva kunne vært annerledes?", "Kva kunne vore annleis?", "What could have been different?"),
      q("q4", "Hvis du kunne endre én ting, hva ville det vært?", "Om du kunne endre éin ting, kva ville det vore?", "If you could change one thing, what would it be?"),
    ],
  },
  {
    id: "information",
    title: { nb: "Informasjon", nn: "Informasjon", en: "Information" },
    questions: [
      q("q1", "Hvordan fikk du vite om tilbudet og om hva som skulle skje?", "Korleis fekk du vite om tilbodet og om kva som skulle skje?", "How did you learn about the service and about what would happen?"),
      q("q2", "Hva har du fått vite om rettighetene dine?", "Kva har du fått vite om rettane dine?", "What have you been told about your rights?"),
      q("q3", "Når du har hatt spørsmål, hvordan har det vært å få svar?", "Når du har hatt spørsmål, korleis har det vore å få svar?", "When you have had questions, what has it been like to get answers?"),
    ],
  },
  {
    id: "being_heard",
    title: { nb: "Å bli hørt og være med", nn: "Å bli høyrd og vere med", en: "Being listened to and taking part" },
    questions: [
      q("q1", "Kan du fortelle om en gang du følte deg hørt – eller ikke hørt?", "Kan du fortelje om ein gong du kjende deg høyrd – eller ikkje høyrd?", "Can you tell us about a time you felt listened to – or not?"),
      q("q2", "Hvem bestemmer hva som skal skje i hverdagen og behandlingen din?", "Kven bestemmer kva som skal skje i kvardagen og behandlinga di?", "Who decides what happens in your everyday life and your treatment?"),
      q("q3", "Hva skjer når du er uenig med de ansatte?", "Kva skjer når du er usamd med dei tilsette?", "What happens when you disagree with the staff?"),
    ],
  },
  {
    id: "respect",
    title: { nb: "Respekt", nn: "Respekt", en: "Respect" },
    questions: [
      q("q1", "Hvordan blir du møtt når du kommer hit?", "Korleis blir du møtt når du kjem hit?", "How are you met when you come here?"),
      q(
        "q2",
        "Kan du fortelle om en gang du ble møtt på en god måte – eller på en måte du ikke likte?",
        "Kan du fortelje om ein gong du vart møtt på ein god måte – eller på ein måte du ikkje likte?",
        "Can you tell us about a time you were met well – or in a way you did not like?",
      ),
      q("q3", "Hva betyr respekt for deg?", "Kva tyder respekt for deg?", "What does respect mean to you?"),
    ],
  },
  {
    id: "availability",
    title: { nb: "Tilgjengelighet", nn: "Tilgjengelegheit", en: "Availability" },
    questions: [
      q("q1", "Hvordan er det å få kontakt med tilbudet når du trenger det?", "Korleis er det å få kontakt med tilbodet når du treng det?", "What is it like to reach the service when you need it?"),
      q("q2", "Hva tenker du om ventetid, åpningstider og hvor tilbudet ligger?", "Kva tenkjer du om ventetid, opningstider og kvar tilbodet ligg?", "What do you think about waiting times, opening hours and where the service is?"),
      q("q3", "Hva gjør du hvis du trenger hjelp mellom avtalene?", "Kva gjer du om du treng hjelp mellom avtalane?", "What do you do if you need help between appointments?"),
    ],
  },
  {
    id: "coordination",
    title: { nb: "Samarbeid mellom tjenestene", nn: "Samarbeid mellom tenestene", en: "Coordination between services" },
    questions: [
      q("q1", "Hvilke andre tjenester har du kontakt med, og hvordan samarbeider de?", "Kva andre tenester har du kontakt med, og korleis samarbeider dei?", "Which other services are you in touch with, and how do they work together?"),
      q("q2", "Hvordan har det vært å gå fra én tjeneste til en annen?", "Korleis har det vore å gå frå éi teneste til ei anna?", "What has it been like to move from one service to another?"),
      q("q3", "Hvem hjelper deg med å holde oversikten?", "Kven hjelper deg med å halde oversikta?", "Who helps you keep track of it all?"),
    ],
  },
  {
    id: "relatives",
    title: { nb: "Pårørende", nn: "Pårørande", en: "Relatives" },
    questions: [
      q("q1", "Hvordan har familien din eller andre som står deg nær, vært med?", "Korleis har familien din eller andre som står deg nær, vore med?", "How have your family or others close to you been involved?"),
      q("q2", "Hvem bestemmer hvor mye de får vite?", "Kven bestemmer kor mykje dei får vite?", "Who decides how much they are told?"),
      q("q3", "Hva slags støtte har de fått fra tjenesten?", "Kva slags støtte har dei fått frå tenesta?", "What support have they had from the service?"),
    ],
  },
  {
    id: "meaningful_day",
    title: { nb: "En meningsfull hverdag", nn: "Ein meiningsfull kvardag", en: "A meaningful day" },
    questions: [
      q("q1", "Hvordan ser en vanlig dag ut for deg?", "Korleis ser ein vanleg dag ut for deg?", "What does an ordinary day look like for you?"),
      q("q2", "Hva gjør en dag god for deg?", "Kva gjer ein dag god for deg?", "What makes a day good for you?"),
      q(
        "q3",
        "Hvordan har tjenesten hjulpet deg med arbeid, skole eller aktiviteter – eller ikke?",
        "Korleis har tenesta hjelpt deg med arbeid, skule eller aktivitetar – eller ikkje?",
        "How has the service helped you with work, school or activities – or not?",
      ),
    ],
  },
  {
    id: "housing",
    title: { nb: "Bolig", nn: "Bustad", en: "Housing" },
    questions: [
      q("q1", "Hvordan har du det der du bor?", "Korleis har du det der du bur?", "How are things where you live?"),
      q("q2", "Hva slags hjelp har du fått til å finne eller beholde et sted å bo?", "Kva slags hjelp har du fått til å finne eller halde på ein stad å bu?", "What help have you had to find or keep a place to live?"),
      q("q3", "Hva skal til for at du kan bo slik du ønsker?", "Kva skal til for at du kan bu slik du ønskjer?", "What would it take for you to live the way you want?"),
    ],
  },
  {
    id: "hope",
    title: { nb: "Håp", nn: "Håp", en: "Hope" },
    questions: [
      q("q1", "Hva gir deg håp?", "Kva gir deg håp?", "What gives you hope?"),
      q(
        "q2",
        "Hvordan har møtet med tjenesten påvirket troen din på at ting kan bli bedre?",
        "Korleis har møtet med tenesta påverka trua di på at ting kan bli betre?",
        "How has meeting the service affected your belief that things can get better?",
      ),
      q("q3", "Hva drømmer du om framover?", "Kva draumar du om framover?", "What do you dream of for the time ahead?"),
    ],
  },
];
