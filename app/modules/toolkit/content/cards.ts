/**
 * Reflection cards for the toolkit (Verktøykasse): five cards inspired by CHIME, two that explain
 * the ideas of recovery and values, and an optional card on identity.
 * Texts written by the Knutepunkt project, CC BY 4.0. Ids are stable: never rename them.
 */
import type { Card } from "./types";

export const cards: readonly Card[] = [
  {
    id: "leve-med",
    kind: "reflection",
    chime: ["empowerment", "hope"],
    content: {
      nb: {
        title: "Leve med",
        text: "Livet har sider som er tunge, og noen av dem blir ikke borte med en gang. Dette kortet handler om hvordan du lever med det som er vanskelig, og om hva som hjelper deg gjennom dagen. Du vet selv best hva som gir deg litt mer overskudd. Små ting teller også.",
      },
      nn: {
        title: "Leve med",
        text: "Livet har sider som er tunge, og nokre av dei forsvinn ikkje med ein gong. Dette kortet handlar om korleis du lever med det som er vanskeleg, og om kva som hjelper deg gjennom dagen. Du veit sjølv best kva som gir deg litt meir overskot. Små ting tel òg.",
      },
      en: {
        title: "Living with",
        text: "Life has heavy sides, and some of them do not go away at once. This card is about how you live with what is hard, and what helps you through the day. You know best what gives you a little more energy. Small things count too.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hva gir deg energi i hverdagen?",
          nn: "Kva gir deg energi i kvardagen?",
          en: "What gives you energy in everyday life?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Hva er vanskelig for deg akkurat nå?",
          nn: "Kva er vanskeleg for deg akkurat no?",
          en: "What is hard for you right now?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Hva gjør du når en dag er tung?",
          nn: "Kva gjer du når ein dag er tung?",
          en: "What do you do when a day feels heavy?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Hvem eller hva hjelper deg når det stormer?",
          nn: "Kven eller kva hjelper deg når det stormar?",
          en: "Who or what helps you when things get rough?",
        },
      },
      {
        id: "q5",
        text: {
          nb: "Hva har du lært om deg selv gjennom det som har vært vanskelig?",
          nn: "Kva har du lært om deg sjølv gjennom det som har vore vanskeleg?",
          en: "What have you learnt about yourself through what has been hard?",
        },
      },
    ],
  },
  {
    id: "drommen",
    kind: "reflection",
    chime: ["hope", "meaning"],
    content: {
      nb: {
        title: "Drømmen",
        text: "En drøm er noe du lengter etter – stort eller lite. Drømmen kan gi deg kraft til å prøve noe som er vanskelig eller skummelt. Den trenger ikke å virke realistisk i dag. Du kan dele den opp i mål og små steg, i ditt eget tempo.",
      },
      nn: {
        title: "Draumen",
        text: "Ein draum er noko du lengtar etter – stort eller lite. Draumen kan gi deg kraft til å prøve noko som er vanskeleg eller skummelt. Han treng ikkje å verke realistisk i dag. Du kan dele draumen opp i mål og små steg, i ditt eige tempo.",
      },
      en: {
        title: "The dream",
        text: "A dream is something you long for – big or small. Your dream can give you the strength to try something hard or frightening. It does not need to seem realistic today. You can break it down into goals and small steps, at your own pace.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hva drømmer du om?",
          nn: "Kva drøymer du om?",
          en: "What do you dream of?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Hvordan ser en god dag i livet ditt ut om noen år?",
          nn: "Korleis ser ein god dag i livet ditt ut om nokre år?",
          en: "What does a good day in your life look like a few years from now?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Hvilke drømmer hadde du før, og lever noen av dem fortsatt?",
          nn: "Kva for draumar hadde du før, og lever nokre av dei framleis?",
          en: "What dreams did you have before, and are any of them still alive?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Hva kan være et første lite steg mot drømmen din?",
          nn: "Kva kan vere eit første lite steg mot draumen din?",
          en: "What could be a first small step towards your dream?",
        },
      },
      {
        id: "q5",
        text: {
          nb: "Hva eller hvem kan hjelpe deg på veien?",
          nn: "Kva eller kven kan hjelpe deg på vegen?",
          en: "What or who could help you along the way?",
        },
      },
    ],
  },
  {
    id: "tilhorighet",
    kind: "reflection",
    chime: ["connectedness"],
    content: {
      nb: {
        title: "Tilhørighet",
        text: "Tilhørighet handler om å høre til – hos noen, et sted eller i et fellesskap. Det kan være familie, venner, naboer, kolleger, et lag eller et dyr. Noen relasjoner gir krefter, andre tar krefter. Du bestemmer selv hvem du vil ha nær deg.",
      },
      nn: {
        title: "Tilhøyrsle",
        text: "Tilhøyrsle handlar om å høyre til – hos nokon, ein stad eller i eit fellesskap. Det kan vere familie, vener, naboar, kollegaer, eit lag eller eit dyr. Nokre relasjonar gir krefter, andre tek krefter. Du bestemmer sjølv kven du vil ha nær deg.",
      },
      en: {
        title: "Belonging",
        text: "Belonging is about being part of something – with someone, in a place or in a community. It might be family, friends, neighbours, colleagues, a club or an animal. Some relationships give you strength, others drain it. You decide who you want close to you.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hvor, eller sammen med hvem, kjenner du at du hører til?",
          nn: "Kvar, eller saman med kven, kjenner du at du høyrer til?",
          en: "Where, or with whom, do you feel you belong?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Hvem ringer du til når noe har skjedd, godt eller vondt?",
          nn: "Kven ringjer du til når noko har hendt, godt eller vondt?",
          en: "Who do you call when something has happened, good or bad?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Hvilke relasjoner gir deg krefter, og hvilke tar krefter?",
          nn: "Kva for relasjonar gir deg krefter, og kva for nokre tek krefter?",
          en: "Which relationships give you strength, and which drain it?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Hva betyr du for andre?",
          nn: "Kva betyr du for andre?",
          en: "What do you mean to other people?",
        },
      },
      {
        id: "q5",
        text: {
          nb: "Er det noen du gjerne vil ha mer eller mindre kontakt med?",
          nn: "Er det nokon du gjerne vil ha meir eller mindre kontakt med?",
          en: "Is there anyone you would like more or less contact with?",
        },
      },
      {
        id: "q6",
        text: {
          nb: "Hvilke fellesskap kunne du tenke deg å være en del av?",
          nn: "Kva for fellesskap kunne du tenkje deg å vere ein del av?",
          en: "Which communities would you like to be part of?",
        },
      },
    ],
  },
  {
    id: "ansvar",
    kind: "reflection",
    chime: ["empowerment"],
    content: {
      nb: {
        title: "Ansvar",
        text: "Du eier din egen prosess. Det betyr at du bestemmer hva som er viktig for deg, og hvilke valg du tar. Andre kan støtte deg, men de kan ikke gå veien for deg. Å ta ansvar handler også om å kjenne styrkene dine og bruke dem.",
      },
      nn: {
        title: "Ansvar",
        text: "Du eig din eigen prosess. Det betyr at du bestemmer kva som er viktig for deg, og kva for val du tek. Andre kan støtte deg, men dei kan ikkje gå vegen for deg. Å ta ansvar handlar òg om å kjenne styrkane dine og bruke dei.",
      },
      en: {
        title: "Responsibility",
        text: "You own your own process. That means you decide what matters to you and which choices you make. Others can support you, but they cannot walk the path for you. Taking responsibility is also about knowing your strengths and putting them to use.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hvilke valg i livet ditt vil du ta selv?",
          nn: "Kva for val i livet ditt vil du ta sjølv?",
          en: "Which choices in your life do you want to make yourself?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Hva er du god til?",
          nn: "Kva er du god til?",
          en: "What are you good at?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Når klarte du sist noe du var stolt av?",
          nn: "Når klarte du sist noko du var stolt av?",
          en: "When did you last manage something you were proud of?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Hvor i livet ditt vil du ha mer å si?",
          nn: "Kvar i livet ditt vil du ha meir å seie?",
          en: "Where in your life would you like more say?",
        },
      },
      {
        id: "q5",
        text: {
          nb: "Hva slags støtte ønsker du fra andre, og hva vil du helst gjøre selv?",
          nn: "Kva slags støtte ønskjer du frå andre, og kva vil du helst gjere sjølv?",
          en: "What kind of support would you like from others, and what would you rather do yourself?",
        },
      },
    ],
  },
  {
    id: "hap-og-optimisme",
    kind: "reflection",
    chime: ["hope"],
    content: {
      nb: {
        title: "Håp og optimisme",
        text: "Håp er troen på at ting kan bli annerledes, selv om du ikke ser det i dag. Håp kan være stort eller bitte lite, og det kan komme og gå. Noen ganger kan andre bære håpet for deg en stund. Det kan hjelpe å legge merke til det som allerede går litt bedre.",
      },
      nn: {
        title: "Håp og optimisme",
        text: "Håp er trua på at ting kan bli annleis, sjølv om du ikkje ser det i dag. Håp kan vere stort eller bitte lite, og det kan kome og gå. Nokre gonger kan andre bere håpet for deg ei stund. Det kan hjelpe å leggje merke til det som allereie går litt betre.",
      },
      en: {
        title: "Hope and optimism",
        text: "Hope is believing that things can change, even if you cannot see it today. Hope can be big or tiny, and it can come and go. Sometimes other people can carry hope for you for a while. It can help to notice what is already going a little better.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hva gir deg håp?",
          nn: "Kva gir deg håp?",
          en: "What gives you hope?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Hva har gått litt bedre i det siste?",
          nn: "Kva har gått litt betre i det siste?",
          en: "What has gone a little better lately?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Hvem har troen på deg?",
          nn: "Kven har trua på deg?",
          en: "Who believes in you?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Hva ser du fram til?",
          nn: "Kva ser du fram til?",
          en: "What are you looking forward to?",
        },
      },
      {
        id: "q5",
        text: {
          nb: "Hva har hjulpet deg å holde ut før?",
          nn: "Kva har hjelpt deg å halde ut før?",
          en: "What has helped you keep going before?",
        },
      },
    ],
  },
  {
    id: "hva-er-recovery",
    kind: "explainer",
    chime: ["meaning", "hope"],
    content: {
      nb: {
        title: "Hva er recovery?",
        text: "Recovery handler om å komme seg videre, på din egen måte. Det er en personlig prosess, og det er du som bestemmer hva recovery betyr for deg. Målet er ikke nødvendigvis å bli «som før», men å leve et liv som kjennes meningsfullt – også om noe fortsatt er vanskelig. Underveis kan det du verdsetter, ønsker deg og tror på, endre seg. Prosessen kan gå både fram og tilbake, og det er helt i orden.",
      },
      nn: {
        title: "Kva er recovery?",
        text: "Recovery handlar om å kome seg vidare, på din eigen måte. Det er ein personleg prosess, og det er du som bestemmer kva recovery betyr for deg. Målet er ikkje nødvendigvis å bli «som før», men å leve eit liv som kjennest meiningsfullt – òg om noko framleis er vanskeleg. Undervegs kan det du verdset, ønskjer deg og trur på, endre seg. Prosessen kan gå både fram og tilbake, og det er heilt i orden.",
      },
      en: {
        title: "What is recovery?",
        text: "Recovery is about moving forward in your own way. It is a personal process, and you are the one who decides what recovery means for you. The aim is not necessarily to be ‘like before’, but to live a life that feels meaningful – even if some things are still hard. Along the way, what you value, wish for and believe in may change. The process can go both forwards and backwards, and that is perfectly fine.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hva betyr recovery for deg?",
          nn: "Kva betyr recovery for deg?",
          en: "What does recovery mean to you?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Hva ville vært et tegn på at du er på god vei?",
          nn: "Kva ville vore eit teikn på at du er på god veg?",
          en: "What would be a sign that you are on a good path?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Hva har allerede endret seg for deg?",
          nn: "Kva har alt endra seg for deg?",
          en: "What has already changed for you?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Hvem vil du ha med deg i prosessen din?",
          nn: "Kven vil du ha med deg i prosessen din?",
          en: "Who would you like to have with you in your process?",
        },
      },
    ],
  },
  {
    id: "hva-er-verdier",
    kind: "explainer",
    chime: ["identity", "meaning"],
    content: {
      nb: {
        title: "Hva er verdier?",
        text: "Verdier er det som er viktig for deg i livet – det du vil stå for og leve etter. Eksempler kan være ærlighet, frihet, omsorg eller humor. Verdiene dine kan vise deg retning når du skal ta valg. Når du lever i tråd med dem, kjennes livet ofte mer som ditt eget. Det finnes ingen riktige eller gale verdier.",
      },
      nn: {
        title: "Kva er verdiar?",
        text: "Verdiar er det som er viktig for deg i livet – det du vil stå for og leve etter. Døme kan vere ærlegdom, fridom, omsorg eller humor. Verdiane dine kan vise deg retning når du skal ta val. Når du lever i tråd med dei, kjennest livet ofte meir som ditt eige. Det finst ingen rette eller gale verdiar.",
      },
      en: {
        title: "What are values?",
        text: "Values are what matter to you in life – what you want to stand for and live by. Examples might be honesty, freedom, care or humour. Your values can show you a direction when you make choices. When you live in line with them, life often feels more like your own. There are no right or wrong values.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hva er viktigst for deg i livet?",
          nn: "Kva er viktigast for deg i livet?",
          en: "What matters most to you in life?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Når kjente du sist at du levde etter det som er viktig for deg?",
          nn: "Når kjende du sist at du levde etter det som er viktig for deg?",
          en: "When did you last feel you were living by what matters to you?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Hvilke verdier har du fått med deg hjemmefra, og hvilke har du valgt selv?",
          nn: "Kva for verdiar har du fått med deg heimanfrå, og kva for nokre har du valt sjølv?",
          en: "Which values did you bring with you from home, and which have you chosen yourself?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Er det noe i hverdagen din som går imot verdiene dine?",
          nn: "Er det noko i kvardagen din som går imot verdiane dine?",
          en: "Is there anything in your everyday life that goes against your values?",
        },
      },
    ],
  },
  {
    id: "identitet",
    kind: "reflection",
    optional: true,
    chime: ["identity"],
    content: {
      nb: {
        title: "Identitet",
        text: "Du er mer enn det andre kaller deg, og mer enn det som er vanskelig. Ingen merkelapp sier hvem du er som menneske. Identitet handler om hva du liker, hva du kan, hva du står for og hvem du vil være. Identiteten din kan vokse og endre seg gjennom livet.",
      },
      nn: {
        title: "Identitet",
        text: "Du er meir enn det andre kallar deg, og meir enn det som er vanskeleg. Ingen merkelapp seier kven du er som menneske. Identitet handlar om kva du likar, kva du kan, kva du står for og kven du vil vere. Identiteten din kan vekse og endre seg gjennom livet.",
      },
      en: {
        title: "Identity",
        text: "You are more than what others call you, and more than what is hard. No label says who you are as a person. Identity is about what you like, what you can do, what you stand for and who you want to be. Your identity can grow and change throughout your life.",
      },
    },
    questions: [
      {
        id: "q1",
        text: {
          nb: "Hvordan vil du beskrive deg selv med dine egne ord?",
          nn: "Korleis vil du skildre deg sjølv med dine eigne ord?",
          en: "How would you describe yourself in your own words?",
        },
      },
      {
        id: "q2",
        text: {
          nb: "Hva liker du å holde på med?",
          nn: "Kva likar du å halde på med?",
          en: "What do you enjoy doing?",
        },
      },
      {
        id: "q3",
        text: {
          nb: "Hvilke sider ved deg selv setter du pris på?",
          nn: "Kva for sider ved deg sjølv set du pris på?",
          en: "Which sides of yourself do you value?",
        },
      },
      {
        id: "q4",
        text: {
          nb: "Hvilke roller har du i livet, og hvilke ønsker du deg?",
          nn: "Kva for roller har du i livet, og kva for nokre ønskjer du deg?",
          en: "Which roles do you have in life, and which would you like to have?",
        },
      },
      {
        id: "q5",
        text: {
          nb: "Hva vil du at andre skal vite om deg?",
          nn: "Kva vil du at andre skal vite om deg?",
          en: "What would you like others to know about you?",
        },
      },
    ],
  },
];
