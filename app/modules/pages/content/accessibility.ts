/**
 * Accessibility statement (tilgjengelighetserklæring), shown at /tilgjengelighet.
 *
 * Bokmål is the source language; nynorsk and English are translations.
 * Describe only what is true now, and list known gaps honestly.
 */

import type { Statement } from "./privacy";

export const accessibilityStatement: Record<"nb" | "nn" | "en", Statement> = {
  nb: {
    title: "Tilgjengelighetserklæring",
    intro:
      "Alle skal kunne bruke denne tjenesten, også på dager som er tunge. Her forteller vi hva vi har gjort for at tjenesten skal være tilgjengelig, hva som ikke er på plass ennå, og hvordan du kan si fra.",
    updated: "2026-11-23",
    sections: [
      {
        heading: "Målet vårt",
        paragraphs: [
          "Målet vårt er at tjenesten skal oppfylle kravene i WCAG 2.1 på nivå AA. Vi jobber også mot den nyere versjonen, WCAG 2.2.",
          "WCAG er internasjonale retningslinjer for hvordan nettsider kan lages slik at flest mulig kan bruke dem.",
        ],
      },
      {
        heading: "Slik kan du bruke tjenesten",
        paragraphs: ["Tjenesten er laget for å virke:"],
        list: [
          "uten JavaScript",
          "med bare tastatur",
          "med skjermleser",
          "med forstørrelse opp til 400 prosent",
          "på mobil med skjerm ned til 360 piksler bred",
          "med enkelt språk på bokmål, nynorsk og engelsk",
        ],
      },
      {
        heading: "Slik har vi laget tjenesten",
        paragraphs: [
          "Vi bruker Designsystemet, som er det felles designsystemet for offentlig sektor i Norge. Komponentene der er laget med tanke på universell utforming.",
          "Vi prøver å skrive kort og enkelt, slik at det skal være lett å finne fram, også når du er sliten eller stresset.",
        ],
      },
      {
        heading: "Slik tester vi",
        paragraphs: [
          "Hver gang vi lager en ny versjon, blir alle sidene testet automatisk med verktøyet axe. Testen sjekker reglene i WCAG 2.1 på nivå A og AA. Kravet er null feil på hver side.",
          "Vi sjekker også sidene for hånd i nettleseren Chromium, både med en smal mobilskjerm (360 piksler) og en vanlig PC-skjerm (1280 piksler).",
          "Automatiske tester finner ikke alle problemer. Derfor er vi glade for alle tilbakemeldinger.",
        ],
      },
      {
        heading: "Dette er ikke på plass ennå",
        paragraphs: ["Vi vet om disse manglene:"],
        list: [
          "Tjenesten er ikke testet sammen med brukere som bruker hjelpemidler, som skjermleser eller forstørrelse.",
          "Nordsamisk er forberedt, men ikke tilgjengelig ennå.",
          "Vi har ikke innhold på tegnspråk.",
          "Vi har ikke en lettlest versjon.",
        ],
      },
      {
        heading: "Si fra til oss",
        paragraphs: [
          "Møter du noe som er vanskelig å bruke, vil vi gjerne vite det. Ta kontakt med senteret som driver tjenesten. Kontaktinformasjonen finner du nederst på siden.",
          "Fortell gjerne hvilken side det gjelder, hva som skjedde, og hva slags utstyr du bruker. Du trenger ikke å kunne tekniske ord.",
        ],
      },
      {
        heading: "Klage",
        paragraphs: [
          "Hvis du ikke får svar, eller ikke er fornøyd med svaret, kan du klage til Tilsynet for universell utforming av IKT. Tilsynet er en del av Digitaliseringsdirektoratet. Du finner dem på uutilsynet.no.",
        ],
      },
      {
        heading: "Reglene som gjelder",
        paragraphs: [
          "I Norge er universell utforming av IKT regulert i likestillings- og diskrimineringsloven § 18 og i forskrift om universell utforming av IKT-løsninger.",
        ],
      },
    ],
  },

  nn: {
    title: "Tilgjengelegheitserklæring",
    intro:
      "Alle skal kunne bruke denne tenesta, også på dagar som er tunge. Her fortel vi kva vi har gjort for at tenesta skal vere tilgjengeleg, kva som ikkje er på plass enno, og korleis du kan seie frå.",
    updated: "2026-11-23",
    sections: [
      {
        heading: "Målet vårt",
        paragraphs: [
          "Målet vårt er at tenesta skal oppfylle krava i WCAG 2.1 på nivå AA. Vi arbeider òg mot den nyare versjonen, WCAG 2.2.",
          "WCAG er internasjonale retningslinjer for korleis nettsider kan lagast slik at flest mogleg kan bruke dei.",
        ],
      },
      {
        heading: "Slik kan du bruke tenesta",
        paragraphs: ["Tenesta er laga for å verke:"],
        list: [
          "utan JavaScript",
          "med berre tastatur",
          "med skjermlesar",
          "med forstørring opp til 400 prosent",
          "på mobil med skjerm ned til 360 pikslar brei",
          "med enkelt språk på bokmål, nynorsk og engelsk",
        ],
      },
      {
        heading: "Slik har vi laga tenesta",
        paragraphs: [
          "Vi brukar Designsystemet, som er det felles designsystemet for offentleg sektor i Noreg. Komponentane der er laga med tanke på universell utforming.",
          "Vi prøver å skrive kort og enkelt, slik at det skal vere lett å finne fram, også når du er sliten eller stressa.",
        ],
      },
      {
        heading: "Slik testar vi",
        paragraphs: [
          "Kvar gong vi lagar ein ny versjon, blir alle sidene testa automatisk med verktøyet axe. Testen sjekkar reglane i WCAG 2.1 på nivå A og AA. Kravet er null feil på kvar side.",
          "Vi sjekkar òg sidene for hand i nettlesaren Chromium, både med ein smal mobilskjerm (360 pikslar) og ein vanleg PC-skjerm (1280 pikslar).",
          "Automatiske testar finn ikkje alle problem. Difor er vi glade for alle tilbakemeldingar.",
        ],
      },
      {
        heading: "Dette er ikkje på plass enno",
        paragraphs: ["Vi veit om desse manglane:"],
        list: [
          "Tenesta er ikkje testa saman med brukarar som brukar hjelpemiddel, som skjermlesar eller forstørring.",
          "Nordsamisk er førebudd, men ikkje tilgjengeleg enno.",
          "Vi har ikkje innhald på teiknspråk.",
          "Vi har ikkje ein lettlesen versjon.",
        ],
      },
      {
        heading: "Sei frå til oss",
        paragraphs: [
          "Møter du noko som er vanskeleg å bruke, vil vi gjerne vite det. Ta kontakt med senteret som driv tenesta. Kontaktinformasjonen finn du nedst på sida.",
          "Fortel gjerne kva side det gjeld, kva som skjedde, og kva utstyr du brukar. Du treng ikkje kunne tekniske ord.",
        ],
      },
      {
        heading: "Klage",
        paragraphs: [
          "Dersom du ikkje får svar, eller ikkje er nøgd med svaret, kan du klage til Tilsynet for universell utforming av IKT. Tilsynet er ein del av Digitaliseringsdirektoratet. Du finn dei på uutilsynet.no.",
        ],
      },
      {
        heading: "Reglane som gjeld",
        paragraphs: [
          "I Noreg er universell utforming av IKT regulert i likestillings- og diskrimineringslova § 18 og i forskrift om universell utforming av IKT-løysingar.",
        ],
      },
    ],
  },

  en: {
    title: "Accessibility statement",
    intro:
      "Everyone should be able to use this service, also on hard days. This page explains what we have done to make the service accessible, what is not in place yet, and how you can tell us about problems.",
    updated: "2026-11-23",
    sections: [
      {
        heading: "Our goal",
        paragraphs: [
          "Our goal is that the service meets the requirements of WCAG 2.1 at level AA. We are also working towards the newer version, WCAG 2.2.",
          "WCAG is a set of international guidelines for making websites that as many people as possible can use.",
        ],
      },
      {
        heading: "How you can use the service",
        paragraphs: ["The service is built to work:"],
        list: [
          "without JavaScript",
          "with a keyboard only",
          "with a screen reader",
          "zoomed in up to 400 percent",
          "on a phone with a screen as narrow as 360 pixels",
          "in plain language in bokmål, nynorsk and English",
        ],
      },
      {
        heading: "How we built the service",
        paragraphs: [
          "We use Designsystemet, the shared design system for the Norwegian public sector. Its components are made with universal design in mind.",
          "We try to write short and simple texts, so that it is easy to find your way, also when you are tired or stressed.",
        ],
      },
      {
        heading: "How we test",
        paragraphs: [
          "Every time we build a new version, every page is tested automatically with a tool called axe. The test checks the WCAG 2.1 rules at levels A and AA. The requirement is zero errors on every page.",
          "We also check the pages by hand in the Chromium browser, both on a narrow phone screen (360 pixels) and on an ordinary computer screen (1280 pixels).",
          "Automatic tests do not find every problem. That is why we welcome all feedback.",
        ],
      },
      {
        heading: "What is not in place yet",
        paragraphs: ["We know about these gaps:"],
        list: [
          "The service has not yet been tested together with people who use assistive technology, such as screen readers or magnification.",
          "Northern Sami is prepared for, but not available yet.",
          "There is no content in sign language.",
          "There is no easy-read version.",
        ],
      },
      {
        heading: "Tell us",
        paragraphs: [
          "If something is hard to use, we want to know. Please contact the centre that runs the service. You will find the contact details at the bottom of the page.",
          "It helps if you tell us which page it was, what happened and what kind of device you use. You do not need to know any technical words.",
        ],
      },
      {
        heading: "Complaints",
        paragraphs: [
          "If you do not get an answer, or you are not happy with the answer, you can complain to the Norwegian Authority for Universal Design of ICT (Tilsynet for universell utforming av IKT). It is part of the Norwegian Digitalisation Agency (Digitaliseringsdirektoratet). You can find it at uutilsynet.no.",
        ],
      },
      {
        heading: "The rules that apply",
        paragraphs: [
          "In Norway, universal design of ICT is regulated by section 18 of the Equality and Anti-Discrimination Act (likestillings- og diskrimineringsloven) and by the Regulations on universal design of ICT solutions (forskrift om universell utforming av IKT-løsninger).",
        ],
      },
    ],
  },
};
