/**
 * The 83 values of the Personal Values Card Sort, in the order of the original list.
 *
 * Source: W. R. Miller, J. C'de Baca, D. B. Matthews & P. L. Wilbourne, Personal Values Card Sort,
 * University of New Mexico, 2001. The 2011 update states that the card sort is in the public domain
 * and may be copied or adapted.
 *
 * The ids follow the English source words. The names in bokmål, nynorsk and English, and the one-line
 * meanings in all three languages, are written by the Knutepunkt project (they are not the original card
 * descriptions) and are licensed CC BY 4.0 (see content/LICENSE.md). Ids are stable: never rename one.
 */
import type { PersonalValue } from "./types";

export const personalValues: readonly PersonalValue[] = [
  {
    id: "acceptance",
    name: { nb: "Aksept", nn: "Aksept", en: "Acceptance" },
    meaning: {
      nb: "Å bli godtatt som jeg er",
      nn: "Å bli godteken som eg er",
      en: "To be accepted as I am",
    },
  },
  {
    id: "accuracy",
    name: { nb: "Nøyaktighet", nn: "Nøyaktigheit", en: "Accuracy" },
    meaning: {
      nb: "Å være presis og riktig i det jeg mener og gjør",
      nn: "Å vere presis og rett i det eg meiner og gjer",
      en: "To be correct and precise in what I think and do",
    },
  },
  {
    id: "achievement",
    name: { nb: "Å oppnå noe", nn: "Å oppnå noko", en: "Achievement" },
    meaning: {
      nb: "Å få til noe som er viktig for meg",
      nn: "Å få til noko som er viktig for meg",
      en: "To get something done that matters to me",
    },
  },
  {
    id: "adventure",
    name: { nb: "Eventyr", nn: "Eventyr", en: "Adventure" },
    meaning: {
      nb: "Å oppleve nye og spennende ting",
      nn: "Å oppleve nye og spanande ting",
      en: "To have new and exciting experiences",
    },
  },
  {
    id: "attractiveness",
    name: {
      nb: "Å være tiltrekkende",
      nn: "Å vere tiltrekkjande",
      en: "Attractiveness",
    },
    meaning: {
      nb: "Å se bra ut og ta vare på utseendet mitt",
      nn: "Å sjå bra ut og ta vare på utsjånaden min",
      en: "To look good and take care of my appearance",
    },
  },
  {
    id: "authority",
    name: { nb: "Autoritet", nn: "Autoritet", en: "Authority" },
    meaning: {
      nb: "Å være den som leder og bestemmer",
      nn: "Å vere den som leier og bestemmer",
      en: "To be the one who leads and decides",
    },
  },
  {
    id: "autonomy",
    name: { nb: "Selvbestemmelse", nn: "Sjølvbestemming", en: "Autonomy" },
    meaning: {
      nb: "Å bestemme selv over mitt eget liv",
      nn: "Å bestemme sjølv over mitt eige liv",
      en: "To make my own choices about my own life",
    },
  },
  {
    id: "beauty",
    name: { nb: "Skjønnhet", nn: "Venleik", en: "Beauty" },
    meaning: {
      nb: "Å legge merke til og glede meg over det vakre rundt meg",
      nn: "Å leggje merke til og glede meg over det vakre rundt meg",
      en: "To notice and enjoy the beauty around me",
    },
  },
  {
    id: "caring",
    name: { nb: "Omsorg", nn: "Omsorg", en: "Caring" },
    meaning: {
      nb: "Å ta vare på menneskene rundt meg",
      nn: "Å ta vare på menneska rundt meg",
      en: "To look after the people around me",
    },
  },
  {
    id: "challenge",
    name: { nb: "Utfordring", nn: "Utfordring", en: "Challenge" },
    meaning: {
      nb: "Å ta på meg vanskelige oppgaver og strekke meg",
      nn: "Å ta på meg vanskelege oppgåver og strekkje meg",
      en: "To take on hard tasks and stretch myself",
    },
  },
  {
    id: "change",
    name: { nb: "Forandring", nn: "Endring", en: "Change" },
    meaning: {
      nb: "Å få variasjon og noe nytt i hverdagen",
      nn: "Å få variasjon og noko nytt i kvardagen",
      en: "To have variety and something new in everyday life",
    },
  },
  {
    id: "comfort",
    name: { nb: "Komfort", nn: "Komfort", en: "Comfort" },
    meaning: {
      nb: "Å ha det godt og behagelig i hverdagen",
      nn: "Å ha det godt og behageleg i kvardagen",
      en: "To have a pleasant and comfortable everyday life",
    },
  },
  {
    id: "commitment",
    name: { nb: "Forpliktelse", nn: "Forplikting", en: "Commitment" },
    meaning: {
      nb: "Å binde meg til noe som er viktig, og holde fast ved det",
      nn: "Å binde meg til noko som er viktig, og halde fast ved det",
      en: "To commit to something that matters, and stick with it",
    },
  },
  {
    id: "compassion",
    name: { nb: "Medfølelse", nn: "Medkjensle", en: "Compassion" },
    meaning: {
      nb: "Å føle med og bry meg om dem som har det vondt",
      nn: "Å føle med og bry meg om dei som har det vondt",
      en: "To feel for and care about those who are hurting",
    },
  },
  {
    id: "contribution",
    name: { nb: "Å bidra", nn: "Å bidra", en: "Contribution" },
    meaning: {
      nb: "Å gjøre noe som varer og gjør verden litt bedre",
      nn: "Å gjere noko som varer og gjer verda litt betre",
      en: "To do something lasting that makes the world a bit better",
    },
  },
  {
    id: "cooperation",
    name: { nb: "Samarbeid", nn: "Samarbeid", en: "Cooperation" },
    meaning: {
      nb: "Å jobbe sammen med andre mot noe felles",
      nn: "Å arbeide saman med andre mot noko felles",
      en: "To work together with others towards a shared goal",
    },
  },
  {
    id: "courtesy",
    name: { nb: "Høflighet", nn: "Høflegheit", en: "Courtesy" },
    meaning: {
      nb: "Å være hensynsfull og vennlig mot andre",
      nn: "Å vere omsynsfull og venleg mot andre",
      en: "To be considerate and polite to others",
    },
  },
  {
    id: "creativity",
    name: { nb: "Kreativitet", nn: "Kreativitet", en: "Creativity" },
    meaning: {
      nb: "Å skape noe nytt og bruke fantasien",
      nn: "Å skape noko nytt og bruke fantasien",
      en: "To make new things and use my imagination",
    },
  },
  {
    id: "dependability",
    name: {
      nb: "Pålitelighet",
      nn: "Å vere til å lite på",
      en: "Dependability",
    },
    meaning: {
      nb: "Å holde det jeg lover, så andre kan regne med meg",
      nn: "Å halde det eg lovar, så andre kan rekne med meg",
      en: "To keep my word, so others can count on me",
    },
  },
  {
    id: "duty",
    name: { nb: "Plikt", nn: "Plikt", en: "Duty" },
    meaning: {
      nb: "Å gjøre det som forventes av meg, også når det er tungt",
      nn: "Å gjere det som er venta av meg, òg når det er tungt",
      en: "To do what is expected of me, even when it is hard",
    },
  },
  {
    id: "ecology",
    name: { nb: "Natur og miljø", nn: "Natur og miljø", en: "Ecology" },
    meaning: {
      nb: "Å leve i pakt med naturen og ta vare på miljøet",
      nn: "Å leve i pakt med naturen og ta vare på miljøet",
      en: "To live in harmony with nature and look after the environment",
    },
  },
  {
    id: "excitement",
    name: { nb: "Spenning", nn: "Spenning", en: "Excitement" },
    meaning: {
      nb: "Å kjenne meg levende og oppleve spenning i livet",
      nn: "Å kjenne meg levande og oppleve spenning i livet",
      en: "To feel alive and have thrills in my life",
    },
  },
  {
    id: "faithfulness",
    name: { nb: "Trofasthet", nn: "Truskap", en: "Faithfulness" },
    meaning: {
      nb: "Å være lojal og trofast i forholdene mine",
      nn: "Å vere lojal og trufast i forholda mine",
      en: "To be loyal and true in my relationships",
    },
  },
  {
    id: "fame",
    name: { nb: "Berømmelse", nn: "Å bli kjend", en: "Fame" },
    meaning: {
      nb: "Å være kjent og bli lagt merke til av mange",
      nn: "Å vere kjend og bli lagd merke til av mange",
      en: "To be known and noticed by many people",
    },
  },
  {
    id: "family",
    name: { nb: "Familie", nn: "Familie", en: "Family" },
    meaning: {
      nb: "Å ha nære og gode bånd til familien min",
      nn: "Å ha nære og gode band til familien min",
      en: "To have close, warm ties with my family",
    },
  },
  {
    id: "fitness",
    name: { nb: "Å være i form", nn: "Å vere i form", en: "Fitness" },
    meaning: {
      nb: "Å holde kroppen sterk og i god form",
      nn: "Å halde kroppen sterk og i god form",
      en: "To keep my body strong and fit",
    },
  },
  {
    id: "flexibility",
    name: { nb: "Fleksibilitet", nn: "Fleksibilitet", en: "Flexibility" },
    meaning: {
      nb: "Å kunne tilpasse meg når ting endrer seg",
      nn: "Å kunne tilpasse meg når ting endrar seg",
      en: "To adapt easily when things change",
    },
  },
  {
    id: "forgiveness",
    name: { nb: "Tilgivelse", nn: "Tilgiving", en: "Forgiveness" },
    meaning: {
      nb: "Å kunne tilgi andre og meg selv",
      nn: "Å kunne tilgi andre og meg sjølv",
      en: "To be able to forgive others and myself",
    },
  },
  {
    id: "friendship",
    name: { nb: "Vennskap", nn: "Venskap", en: "Friendship" },
    meaning: {
      nb: "Å ha nære venner som støtter meg",
      nn: "Å ha nære vener som støttar meg",
      en: "To have close friends who support me",
    },
  },
  {
    id: "fun",
    name: { nb: "Moro", nn: "Moro", en: "Fun" },
    meaning: {
      nb: "Å leke, le og ha det gøy",
      nn: "Å leike, le og ha det kjekt",
      en: "To play, laugh and have a good time",
    },
  },
  {
    id: "generosity",
    name: { nb: "Raushet", nn: "Å vere raus", en: "Generosity" },
    meaning: {
      nb: "Å gi av det jeg har, med glede",
      nn: "Å gje av det eg har, med glede",
      en: "To give freely and gladly of what I have",
    },
  },
  {
    id: "genuineness",
    name: { nb: "Å være ekte", nn: "Å vere ekte", en: "Genuineness" },
    meaning: {
      nb: "Å leve og handle i tråd med den jeg er",
      nn: "Å leve og handle i tråd med den eg er",
      en: "To act in a way that is true to who I am",
    },
  },
  {
    id: "gods-will",
    name: { nb: "Guds vilje", nn: "Guds vilje", en: "God's will" },
    meaning: {
      nb: "Å søke og følge Guds vilje for livet mitt",
      nn: "Å søkje og følgje Guds vilje for livet mitt",
      en: "To seek and follow God's will for my life",
    },
  },
  {
    id: "growth",
    name: { nb: "Vekst", nn: "Vekst", en: "Growth" },
    meaning: {
      nb: "Å fortsette å lære, forandre meg og vokse",
      nn: "Å halde fram med å lære, endre meg og vekse",
      en: "To keep learning, changing and growing",
    },
  },
  {
    id: "health",
    name: { nb: "Helse", nn: "Helse", en: "Health" },
    meaning: {
      nb: "Å ta vare på helsen min og ha det godt i kroppen",
      nn: "Å ta vare på helsa mi og ha det godt i kroppen",
      en: "To look after my health and feel well in my body",
    },
  },
  {
    id: "helpfulness",
    name: { nb: "Hjelpsomhet", nn: "Hjelpsemd", en: "Helpfulness" },
    meaning: {
      nb: "Å være til hjelp for andre",
      nn: "Å vere til hjelp for andre",
      en: "To be of help to others",
    },
  },
  {
    id: "honesty",
    name: { nb: "Ærlighet", nn: "Ærlegdom", en: "Honesty" },
    meaning: {
      nb: "Å være ærlig og si det som det er",
      nn: "Å vere ærleg og seie det som det er",
      en: "To be honest and tell it as it is",
    },
  },
  {
    id: "hope",
    name: { nb: "Håp", nn: "Håp", en: "Hope" },
    meaning: {
      nb: "Å ha et lyst og håpefullt syn på livet",
      nn: "Å ha eit lyst og håpefullt syn på livet",
      en: "To keep a bright and hopeful outlook on life",
    },
  },
  {
    id: "humility",
    name: { nb: "Ydmykhet", nn: "Audmjukskap", en: "Humility" },
    meaning: {
      nb: "Å være beskjeden og ikke sette meg selv over andre",
      nn: "Å vere beskjeden og ikkje setje meg sjølv over andre",
      en: "To be modest and not put myself above others",
    },
  },
  {
    id: "humor",
    name: { nb: "Humor", nn: "Humor", en: "Humour" },
    meaning: {
      nb: "Å se det morsomme i livet og i meg selv",
      nn: "Å sjå det morosame i livet og i meg sjølv",
      en: "To see the funny side of life and of myself",
    },
  },
  {
    id: "independence",
    name: { nb: "Selvstendighet", nn: "Sjølvstende", en: "Independence" },
    meaning: {
      nb: "Å klare meg på egen hånd",
      nn: "Å klare meg på eiga hand",
      en: "To be able to manage on my own",
    },
  },
  {
    id: "industry",
    name: { nb: "Arbeidsomhet", nn: "Flid", en: "Hard work" },
    meaning: {
      nb: "Å jobbe hardt og godt med det jeg gjør",
      nn: "Å arbeide hardt og godt med det eg gjer",
      en: "To work hard and well at what I do",
    },
  },
  {
    id: "inner-peace",
    name: { nb: "Indre ro", nn: "Indre ro", en: "Inner peace" },
    meaning: {
      nb: "Å kjenne ro og fred inni meg",
      nn: "Å kjenne ro og fred inni meg",
      en: "To feel calm and at peace inside",
    },
  },
  {
    id: "intimacy",
    name: { nb: "Nærhet", nn: "Nærleik", en: "Intimacy" },
    meaning: {
      nb: "Å dele mine innerste tanker og følelser med noen",
      nn: "Å dele dei inste tankane og kjenslene mine med nokon",
      en: "To share my deepest thoughts and feelings with someone",
    },
  },
  {
    id: "justice",
    name: { nb: "Rettferdighet", nn: "Rettferd", en: "Justice" },
    meaning: {
      nb: "Å arbeide for at alle blir behandlet rettferdig",
      nn: "Å arbeide for at alle blir handsama rettferdig",
      en: "To work for everyone to be treated fairly",
    },
  },
  {
    id: "knowledge",
    name: { nb: "Kunnskap", nn: "Kunnskap", en: "Knowledge" },
    meaning: {
      nb: "Å lære nye ting og forstå mer av verden",
      nn: "Å lære nye ting og forstå meir av verda",
      en: "To learn new things and understand more of the world",
    },
  },
  {
    id: "leisure",
    name: { nb: "Fritid", nn: "Fritid", en: "Leisure" },
    meaning: {
      nb: "Å ha tid til å slappe av og gjøre det jeg liker",
      nn: "Å ha tid til å slappe av og gjere det eg likar",
      en: "To have time to relax and do what I enjoy",
    },
  },
  {
    id: "loved",
    name: { nb: "Å bli elsket", nn: "Å bli elska", en: "Being loved" },
    meaning: {
      nb: "Å bli elsket av dem som står meg nær",
      nn: "Å bli elska av dei som står meg nær",
      en: "To be loved by those close to me",
    },
  },
  {
    id: "loving",
    name: { nb: "Å elske", nn: "Å elske", en: "Loving" },
    meaning: {
      nb: "Å gi kjærlighet til andre",
      nn: "Å gje kjærleik til andre",
      en: "To give love to others",
    },
  },
  {
    id: "mastery",
    name: { nb: "Mestring", nn: "Meistring", en: "Mastery" },
    meaning: {
      nb: "Å kjenne meg dyktig i det jeg gjør til vanlig",
      nn: "Å kjenne meg dyktig i det eg gjer til vanleg",
      en: "To feel capable in the things I do every day",
    },
  },
  {
    id: "mindfulness",
    name: {
      nb: "Å være til stede",
      nn: "Å vere til stades",
      en: "Mindfulness",
    },
    meaning: {
      nb: "Å leve her og nå og legge merke til det som skjer",
      nn: "Å leve her og no og leggje merke til det som skjer",
      en: "To live here and now and notice what is happening",
    },
  },
  {
    id: "moderation",
    name: { nb: "Måtehold", nn: "Måtehald", en: "Moderation" },
    meaning: {
      nb: "Å unngå ytterpunkter og finne en god balanse",
      nn: "Å unngå ytterpunkt og finne ein god balanse",
      en: "To avoid extremes and find a good balance",
    },
  },
  {
    id: "monogamy",
    name: { nb: "Monogami", nn: "Monogami", en: "Monogamy" },
    meaning: {
      nb: "Å ha ett nært kjærlighetsforhold som varer",
      nn: "Å ha eitt nært kjærleiksforhold som varer",
      en: "To have one close, lasting love relationship",
    },
  },
  {
    id: "nonconformity",
    name: {
      nb: "Å gå egne veier",
      nn: "Å gå eigne vegar",
      en: "Nonconformity",
    },
    meaning: {
      nb: "Å tørre å stille spørsmål ved regler og det vanlige",
      nn: "Å tore å stille spørsmål ved reglar og det vanlege",
      en: "To dare to question rules and the usual way of doing things",
    },
  },
  {
    id: "nurturance",
    name: {
      nb: "Å hjelpe andre å vokse",
      nn: "Å hjelpe andre å vekse",
      en: "Nurturing",
    },
    meaning: {
      nb: "Å oppmuntre og støtte andre så de kan blomstre",
      nn: "Å oppmuntre og støtte andre så dei kan blomstre",
      en: "To encourage and support others so they can flourish",
    },
  },
  {
    id: "openness",
    name: { nb: "Åpenhet", nn: "Openheit", en: "Openness" },
    meaning: {
      nb: "Å være åpen for nye ideer, mennesker og erfaringer",
      nn: "Å vere open for nye idear, menneske og erfaringar",
      en: "To be open to new ideas, people and experiences",
    },
  },
  {
    id: "order",
    name: { nb: "Orden", nn: "Orden", en: "Order" },
    meaning: {
      nb: "Å ha et ryddig og oversiktlig liv",
      nn: "Å ha eit ryddig og oversiktleg liv",
      en: "To have a tidy, well-organised life",
    },
  },
  {
    id: "passion",
    name: { nb: "Lidenskap", nn: "Lidenskap", en: "Passion" },
    meaning: {
      nb: "Å brenne for noe eller noen",
      nn: "Å brenne for noko eller nokon",
      en: "To feel strongly about the things and people I care for",
    },
  },
  {
    id: "pleasure",
    name: { nb: "Nytelse", nn: "Nyting", en: "Pleasure" },
    meaning: {
      nb: "Å nyte de gode tingene i livet",
      nn: "Å nyte dei gode tinga i livet",
      en: "To enjoy the good things in life",
    },
  },
  {
    id: "popularity",
    name: { nb: "Å være godt likt", nn: "Å vere godt likt", en: "Popularity" },
    meaning: {
      nb: "Å bli likt av mange og ha mange rundt meg",
      nn: "Å bli likt av mange og ha mange rundt meg",
      en: "To be liked by many and have lots of people around me",
    },
  },
  {
    id: "power",
    name: { nb: "Makt", nn: "Makt", en: "Power" },
    meaning: {
      nb: "Å ha innflytelse og kunne påvirke andre",
      nn: "Å ha innverknad og kunne påverke andre",
      en: "To have influence and be able to sway others",
    },
  },
  {
    id: "purpose",
    name: { nb: "Mening", nn: "Meining", en: "Purpose" },
    meaning: {
      nb: "Å ha retning og noe å leve for",
      nn: "Å ha retning og noko å leve for",
      en: "To have direction and something to live for",
    },
  },
  {
    id: "rationality",
    name: { nb: "Fornuft", nn: "Fornuft", en: "Rationality" },
    meaning: {
      nb: "Å la fornuft og fakta styre valgene mine",
      nn: "Å la fornuft og fakta styre vala mine",
      en: "To let reason and facts guide my choices",
    },
  },
  {
    id: "realism",
    name: { nb: "Realisme", nn: "Realisme", en: "Realism" },
    meaning: {
      nb: "Å se ting slik de er, og handle ut fra det",
      nn: "Å sjå ting slik dei er, og handle ut frå det",
      en: "To see things as they really are, and act on that",
    },
  },
  {
    id: "responsibility",
    name: { nb: "Ansvar", nn: "Ansvar", en: "Responsibility" },
    meaning: {
      nb: "Å ta ansvar for egne valg og handlinger",
      nn: "Å ta ansvar for eigne val og handlingar",
      en: "To take responsibility for my own choices and actions",
    },
  },
  {
    id: "risk",
    name: { nb: "Å ta sjanser", nn: "Å ta sjansar", en: "Risk" },
    meaning: {
      nb: "Å våge å prøve noe selv om utfallet er usikkert",
      nn: "Å våge å prøve noko sjølv om utfallet er usikkert",
      en: "To dare to try things even when the outcome is uncertain",
    },
  },
  {
    id: "romance",
    name: { nb: "Romantikk", nn: "Romantikk", en: "Romance" },
    meaning: {
      nb: "Å ha kjærlighet og romantikk i livet mitt",
      nn: "Å ha kjærleik og romantikk i livet mitt",
      en: "To have love and romance in my life",
    },
  },
  {
    id: "safety",
    name: { nb: "Trygghet", nn: "Tryggleik", en: "Safety" },
    meaning: {
      nb: "Å føle meg trygg og beskyttet",
      nn: "Å kjenne meg trygg og verna",
      en: "To feel safe and secure",
    },
  },
  {
    id: "self-acceptance",
    name: { nb: "Selvaksept", nn: "Sjølvaksept", en: "Self-acceptance" },
    meaning: {
      nb: "Å godta meg selv slik jeg er",
      nn: "Å godta meg sjølv slik eg er",
      en: "To accept myself just as I am",
    },
  },
  {
    id: "self-control",
    name: { nb: "Selvkontroll", nn: "Sjølvkontroll", en: "Self-control" },
    meaning: {
      nb: "Å ha disiplin og styring over det jeg gjør",
      nn: "Å ha disiplin og styring over det eg gjer",
      en: "To be disciplined and in control of what I do",
    },
  },
  {
    id: "self-esteem",
    name: { nb: "Selvfølelse", nn: "Sjølvkjensle", en: "Self-esteem" },
    meaning: {
      nb: "Å kjenne at jeg er god nok og verdt noe",
      nn: "Å kjenne at eg er god nok og verd noko",
      en: "To feel that I am good enough and worth something",
    },
  },
  {
    id: "self-knowledge",
    name: { nb: "Selvinnsikt", nn: "Sjølvinnsikt", en: "Self-knowledge" },
    meaning: {
      nb: "Å få en dyp og ærlig forståelse av meg selv",
      nn: "Å få ei djup og ærleg forståing av meg sjølv",
      en: "To gain a deep and honest understanding of myself",
    },
  },
  {
    id: "service",
    name: { nb: "Å være til nytte", nn: "Å vere til nytte", en: "Service" },
    meaning: {
      nb: "Å bruke tid og krefter på å være til nytte for andre",
      nn: "Å bruke tid og krefter på å vere til nytte for andre",
      en: "To give my time and effort to be of use to others",
    },
  },
  {
    id: "sexuality",
    name: { nb: "Seksualitet", nn: "Seksualitet", en: "Sexuality" },
    meaning: {
      nb: "Å ha et godt og tilfredsstillende seksualliv",
      nn: "Å ha eit godt og tilfredsstillande seksualliv",
      en: "To have a good and satisfying sex life",
    },
  },
  {
    id: "simplicity",
    name: { nb: "Enkelhet", nn: "Enkelheit", en: "Simplicity" },
    meaning: {
      nb: "Å leve enkelt, uten mer enn jeg trenger",
      nn: "Å leve enkelt, utan meir enn eg treng",
      en: "To live simply, with no more than I need",
    },
  },
  {
    id: "solitude",
    name: { nb: "Tid alene", nn: "Tid åleine", en: "Solitude" },
    meaning: {
      nb: "Å ha tid og rom for meg selv, borte fra andre",
      nn: "Å ha tid og rom for meg sjølv, borte frå andre",
      en: "To have time and space to myself, away from others",
    },
  },
  {
    id: "spirituality",
    name: { nb: "Spiritualitet", nn: "Spiritualitet", en: "Spirituality" },
    meaning: {
      nb: "Å vokse åndelig, på min egen måte",
      nn: "Å vekse åndeleg, på min eigen måte",
      en: "To grow spiritually, in my own way",
    },
  },
  {
    id: "stability",
    name: { nb: "Stabilitet", nn: "Stabilitet", en: "Stability" },
    meaning: {
      nb: "Å ha et stødig liv der jeg vet hva som kommer",
      nn: "Å ha eit stødig liv der eg veit kva som kjem",
      en: "To have a steady life where I know what to expect",
    },
  },
  {
    id: "tolerance",
    name: { nb: "Toleranse", nn: "Toleranse", en: "Tolerance" },
    meaning: {
      nb: "Å godta og respektere dem som er ulike meg",
      nn: "Å godta og respektere dei som er ulike meg",
      en: "To accept and respect people who are different from me",
    },
  },
  {
    id: "tradition",
    name: { nb: "Tradisjon", nn: "Tradisjon", en: "Tradition" },
    meaning: {
      nb: "Å ta vare på skikker og vaner fra dem som kom før meg",
      nn: "Å ta vare på skikkar og vanar frå dei som kom før meg",
      en: "To keep the customs and ways of those who came before me",
    },
  },
  {
    id: "virtue",
    name: { nb: "Dyd", nn: "Dygd", en: "Virtue" },
    meaning: {
      nb: "Å leve et moralsk godt og rettskaffent liv",
      nn: "Å leve eit moralsk godt og rettskaffe liv",
      en: "To live a morally good and upright life",
    },
  },
  {
    id: "wealth",
    name: { nb: "Rikdom", nn: "Rikdom", en: "Wealth" },
    meaning: {
      nb: "Å ha god råd og mye penger",
      nn: "Å ha god råd og mykje pengar",
      en: "To have plenty of money and be well off",
    },
  },
  {
    id: "world-peace",
    name: { nb: "Fred i verden", nn: "Fred i verda", en: "World peace" },
    meaning: {
      nb: "Å arbeide for fred mellom folk og land",
      nn: "Å arbeide for fred mellom folk og land",
      en: "To work for peace between peoples and nations",
    },
  },
];
