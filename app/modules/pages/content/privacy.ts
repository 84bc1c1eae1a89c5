/**
 * Privacy statement (personvernerklæring), shown at /personvern.
 *
 * Bokmål is the source language; nynorsk and English are translations.
 * Describe only what the platform does now, and say plainly what is still to come.
 * Keep this in step with the code: if what we store changes, this text must change too.
 */

export type Section = { heading: string; paragraphs: string[]; list?: string[] };

export type Statement = {
  title: string;
  intro: string;
  /** ISO date (YYYY-MM-DD) of the last change to the content. */
  updated: string;
  sections: Section[];
};

export const privacyStatement: Record<"nb" | "nn" | "en", Statement> = {
  nb: {
    title: "Personvernerklæring",
    intro:
      "Her forteller vi hvilke opplysninger vi lagrer om deg, hvorfor vi gjør det, og hvilke rettigheter du har. Vi lagrer så lite som mulig, og vi selger aldri opplysningene dine.",
    updated: "2026-11-24",
    sections: [
      {
        heading: "Hvem har ansvaret?",
        paragraphs: [
          "Senteret som driver denne tjenesten, har ansvaret for opplysningene dine. På fagspråket heter det behandlingsansvarlig.",
          "Det kan være ett brukerstyrt senter eller et nettverk av sentre. Du finner navnet og kontaktinformasjonen nederst på siden og på siden om senteret.",
          "Har du spørsmål om personvern, kan du alltid ta kontakt med senteret.",
        ],
      },
      {
        heading: "Hva vi lagrer om deg nå",
        paragraphs: ["Når du har en konto, lagrer vi dette:"],
        list: [
          "Navnet ditt og e-postadressen din.",
          "Passordet ditt, men bare som en hash (argon2id). Det betyr at passordet er gjort om til en kode som ingen kan lese eller gjøre om tilbake, heller ikke vi.",
          "Hvilke sentre du er medlem av, og hvilken rolle du har der.",
          "Innloggingene dine (økter). Vi lagrer en tilfeldig ID som også ligger i en informasjonskapsel i nettleseren din.",
          "Lenker for å lage nytt passord. De virker bare én gang og slutter å virke etter én time.",
          "Invitasjoner til et senter.",
          "En logg over hvem som har lest eller endret personopplysningene dine, når det skjedde, og fra hvilken rolle og hvilket senter de gjorde det.",
          "Tellere for innloggingsforsøk, per konto og per IP-adresse. De lagres bare en kort stund.",
          "E-poster som tjenesten har sendt deg.",
          "Hvis du bruker verktøykassen: det du skriver og velger der (svar på refleksjonskort, verdier, drømmen, sjekker, stadier), kryptert, og hva du har delt med hvem. Se egen del om verktøykassen under.",
        ],
      },
      {
        heading: "Dette lagrer vi ikke",
        paragraphs: [
          "Vi ber aldri om fødselsnummeret ditt, og vi lagrer det ikke.",
          "Vi spør ikke om diagnoser.",
          "Loggene som hjelper oss å drifte tjenesten, inneholder ingen personopplysninger. De inneholder bare en ID for hver forespørsel, hvilken side som ble brukt, og hvor lang tid det tok.",
        ],
      },
      {
        heading: "Hvorfor vi lagrer opplysningene, og hva som gir oss lov",
        paragraphs: [
          "Vi trenger navn, e-postadresse, passord og medlemskap for å gi deg den tjenesten du har bedt om: en konto du kan logge inn på. Lovgrunnlaget er personvernforordningen artikkel 6 nr. 1 bokstav b.",
          "Loggen over hvem som har lest og endret opplysningene dine, og tellerne for innloggingsforsøk, har vi for å beskytte deg og opplysningene dine. Vi har plikt til å sikre opplysningene (artikkel 6 nr. 1 bokstav c), og vi har en berettiget interesse i å stoppe misbruk (artikkel 6 nr. 1 bokstav f).",
          "Det du skriver i verktøykassen, lagres bare fordi du selv har sagt tydelig ja (samtykke etter artikkel 6 nr. 1 bokstav a og artikkel 9 nr. 2 bokstav a). Du trekker samtykket tilbake ved å slette alt i verktøykassen.",
        ],
      },
      {
        heading: "Informasjonskapsler (cookies)",
        paragraphs: [
          "Vi bruker bare informasjonskapsler som trengs for at tjenesten skal virke. Derfor trenger vi ikke å spørre deg om lov først, og du ser ingen cookie-melding.",
          "Vi bruker ingen analyseverktøy, ingen sporing, ingen annonser og ingen skript fra andre selskaper.",
          "Dette er informasjonskapslene vi bruker:",
        ],
        list: [
          "Innlogging: en tilfeldig ID som holder deg innlogget. Den er beskyttet slik at skript og andre nettsteder ikke kan misbruke den (HttpOnly og SameSite=Lax).",
          "Språk: husker om du har valgt bokmål, nynorsk eller engelsk.",
          "Sikkerhet: beskytter skjemaene mot et angrep der et annet nettsted prøver å sende inn noe i ditt navn (CSRF).",
          "Kjent nettleser: husker i ett år at noen har logget inn fra denne nettleseren før, slik at andres gale passord ikke kan stenge deg ute. Den inneholder ikke navn eller e-postadresse.",
        ],
      },
      {
        heading: "Slik beskytter vi opplysningene",
        paragraphs: [],
        list: [
          "Passordet ditt blir aldri lagret slik at det kan leses.",
          "Innloggingen din slutter å virke når du logger ut, når du ikke har gjort noe på en stund, og når passordet blir endret.",
          "Hvis noen prøver å logge inn mange ganger med feil passord, stopper vi forsøkene en stund. Derfor teller vi feil passord per konto og per IP-adresse. Fra en nettleser du har logget inn fra før, teller vi for seg, så andre ikke kan stenge deg ute. Tellerne lagres bare en kort stund.",
          "Lenker for å lage nytt passord virker bare én gang og bare i én time.",
        ],
      },
      {
        heading: "Hvem kan se opplysningene dine?",
        paragraphs: [
          "Bare personer som har en rolle ved senteret og trenger opplysningene i arbeidet sitt, kan se dem.",
          "Hver gang noen leser eller endrer personopplysningene dine, blir det skrevet i en logg. Du kan lese loggen selv på /min-side/innsyn. Der ser du hvem det var, når det skjedde, og fra hvilken rolle og hvilket senter de gjorde det.",
        ],
      },
      {
        heading: "Hvor opplysningene lagres, og hvem vi deler dem med",
        paragraphs: [
          "Opplysningene lagres i en database på senterets egen server.",
          "E-post fra tjenesten sendes gjennom senterets egen e-postserver.",
          "Vi selger aldri opplysningene dine, og vi deler dem ikke med andre.",
          "Kartet over tilbudene (/tilbud/kart) finnes bare hvis det er slått på. Da henter nettleseren din kartbilder fra en kartleverandør. Leverandøren ser IP-adressen din og hvilket område du ser på, men ikke hva du søkte etter. Resten av tjenesten henter ingenting fra andre.",
        ],
      },
      {
        heading: "Hvor lenge vi lagrer opplysningene",
        paragraphs: [
          "Vi lagrer kontoen din så lenge du har den. Du kan slette den selv når du vil, på /min-side.",
          "Når du sletter kontoen, blir alt som er knyttet til deg, slettet. I loggen står det bare igjen at en konto ble slettet, uten navnet ditt.",
          "Innlogginger, lenker for nytt passord og tellere for innloggingsforsøk lagres bare kort tid, slik det står over.",
        ],
      },
      {
        heading: "Verktøykassen",
        paragraphs: [
          "I verktøykassen (/verktoy) kan du skrive om din egen recovery-prosess. Det kan være helseopplysninger, og de har ekstra vern i loven. Dette gjelder:",
        ],
        list: [
          "Vi lagrer ingenting der før du har sagt tydelig ja. Det er frivillig.",
          "Alt du skriver er privat. Ingen andre kan lese det – heller ikke de som jobber på senteret eller administrerer tjenesten.",
          "Du velger selv om du vil dele noe: én ting om gangen, med en erfaringsmedarbeider du velger ved navn, bare lese eller også komme med forslag, og gjerne bare til en bestemt dato. Du kan stoppe delingen når du vil, og den stopper med en gang.",
          "Hver gang noen andre enn deg leser noe du har delt, står det i loggen din på /min-side/innsyn.",
          "Innholdet er kryptert i databasen med en nøkkel som bare gjelder deg. Nøkkelen er selv kryptert med en hovednøkkel som ikke ligger i databasen.",
          "Du kan laste ned alt (som en fil du kan ta med til en annen Knutepunkt-tjeneste, og som PDF), og du kan slette ett svar, ett verktøy eller alt. Sletter du alt, eller kontoen din, blir nøkkelen din ødelagt, slik at innholdet heller ikke kan leses fra sikkerhetskopier når senterets hovednøkkel er byttet.",
          "Vi lagrer når noe ble skrevet, og hvilket kort eller verktøy det hører til, men ikke innholdet i klartekst.",
        ],
      },
      {
        heading: "Rettighetene dine",
        paragraphs: [
          "Det koster ingenting å bruke rettighetene dine. Vi svarer deg så snart vi kan, og senest innen en måned.",
          "Du har disse rettighetene:",
        ],
        list: [
          "Innsyn: Du kan se hvem som har lest eller endret opplysningene dine, på /min-side/innsyn. Du kan også be senteret om en kopi av alt vi har lagret om deg.",
          "Retting: Er noe feil, kan du be senteret om å rette det.",
          "Sletting: Du kan slette kontoen din selv på /min-side. Da blir alt som er knyttet til deg, slettet. Loggen tar bare vare på at en konto ble slettet, uten navnet ditt.",
          "Å ta med deg opplysningene (dataportabilitet): Du kan laste ned alt i verktøykassen som en fil (JSON) på /verktoy/data.",
          "Protest: Du kan protestere mot at vi bruker opplysningene dine. Ta kontakt med senteret, så ser vi på saken.",
        ],
      },
      {
        heading: "Spørsmål og klage",
        paragraphs: [
          "Har du spørsmål, eller mener du at vi har gjort noe galt? Ta gjerne kontakt med senteret først. Kontaktinformasjonen finner du nederst på siden.",
          "Du har også rett til å klage til Datatilsynet. Du finner mer informasjon på datatilsynet.no.",
        ],
      },
    ],
  },

  nn: {
    title: "Personvernerklæring",
    intro:
      "Her fortel vi kva opplysningar vi lagrar om deg, kvifor vi gjer det, og kva rettar du har. Vi lagrar så lite som mogleg, og vi sel aldri opplysningane dine.",
    updated: "2026-11-24",
    sections: [
      {
        heading: "Kven har ansvaret?",
        paragraphs: [
          "Senteret som driv denne tenesta, har ansvaret for opplysningane dine. På fagspråket heiter det behandlingsansvarleg.",
          "Det kan vere eitt brukarstyrt senter eller eit nettverk av senter. Du finn namnet og kontaktinformasjonen nedst på sida og på sida om senteret.",
          "Har du spørsmål om personvern, kan du alltid ta kontakt med senteret.",
        ],
      },
      {
        heading: "Kva vi lagrar om deg no",
        paragraphs: ["Når du har ein konto, lagrar vi dette:"],
        list: [
          "Namnet ditt og e-postadressa di.",
          "Passordet ditt, men berre som ein hash (argon2id). Det vil seie at passordet er gjort om til ein kode som ingen kan lese eller gjere om att, heller ikkje vi.",
          "Kva senter du er medlem av, og kva rolle du har der.",
          "Innloggingane dine (økter). Vi lagrar ein tilfeldig ID som òg ligg i ein informasjonskapsel i nettlesaren din.",
          "Lenker for å lage nytt passord. Dei verkar berre éin gong og sluttar å verke etter éin time.",
          "Invitasjonar til eit senter.",
          "Ein logg over kven som har lese eller endra personopplysingane dine, når det skjedde, og frå kva rolle og kva senter dei gjorde det.",
          "Teljarar for innloggingsforsøk, per konto og per IP-adresse. Dei blir berre lagra ei kort stund.",
          "E-postar som tenesta har sendt deg.",
          "Dersom du brukar verktøykassa: det du skriv og vel der (svar på refleksjonskort, verdiar, draumen, sjekkar, stadium), kryptert, og kva du har delt med kven. Sjå eigen del om verktøykassa nedanfor.",
        ],
      },
      {
        heading: "Dette lagrar vi ikkje",
        paragraphs: [
          "Vi ber aldri om fødselsnummeret ditt, og vi lagrar det ikkje.",
          "Vi spør ikkje om diagnosar.",
          "Loggane som hjelper oss å drifte tenesta, inneheld ingen personopplysingar. Dei inneheld berre ein ID for kvar førespurnad, kva side som vart brukt, og kor lang tid det tok.",
        ],
      },
      {
        heading: "Kvifor vi lagrar opplysningane, og kva som gir oss lov",
        paragraphs: [
          "Vi treng namn, e-postadresse, passord og medlemskap for å gi deg den tenesta du har bede om: ein konto du kan logge inn på. Lovgrunnlaget er personvernforordninga artikkel 6 nr. 1 bokstav b.",
          "Loggen over kven som har lese og endra opplysningane dine, og teljarane for innloggingsforsøk, har vi for å verne deg og opplysningane dine. Vi har plikt til å sikre opplysningane (artikkel 6 nr. 1 bokstav c), og vi har ei berettiga interesse i å stoppe misbruk (artikkel 6 nr. 1 bokstav f).",
          "Det du skriv i verktøykassa, blir berre lagra fordi du sjølv har sagt tydeleg ja (samtykke etter artikkel 6 nr. 1 bokstav a og artikkel 9 nr. 2 bokstav a). Du trekkjer samtykket tilbake ved å slette alt i verktøykassa.",
        ],
      },
      {
        heading: "Informasjonskapslar (cookies)",
        paragraphs: [
          "Vi brukar berre informasjonskapslar som trengst for at tenesta skal verke. Difor treng vi ikkje spørje deg om lov først, og du ser inga cookie-melding.",
          "Vi brukar ingen analyseverktøy, inga sporing, ingen annonsar og ingen skript frå andre selskap.",
          "Dette er informasjonskapslane vi brukar:",
        ],
        list: [
          "Innlogging: ein tilfeldig ID som held deg innlogga. Han er verna slik at skript og andre nettstader ikkje kan misbruke han (HttpOnly og SameSite=Lax).",
          "Språk: hugsar om du har valt bokmål, nynorsk eller engelsk.",
          "Tryggleik: vernar skjemaa mot eit angrep der ein annan nettstad prøver å sende inn noko i ditt namn (CSRF).",
          "Kjend nettlesar: hugsar i eitt år at nokon har logga inn frå denne nettlesaren før, slik at gale passord frå andre ikkje kan stengje deg ute. Han inneheld ikkje namn eller e-postadresse.",
        ],
      },
      {
        heading: "Slik vernar vi opplysningane",
        paragraphs: [],
        list: [
          "Passordet ditt blir aldri lagra slik at det kan lesast.",
          "Innlogginga di sluttar å verke når du loggar ut, når du ikkje har gjort noko på ei stund, og når passordet blir endra.",
          "Dersom nokon prøver å logge inn mange gonger med feil passord, stoppar vi forsøka ei stund. Difor tel vi feil passord per konto og per IP-adresse. Frå ein nettlesar du har logga inn frå før, tel vi for seg, så andre ikkje kan stengje deg ute. Teljarane blir berre lagra ei kort stund.",
          "Lenker for å lage nytt passord verkar berre éin gong og berre i éin time.",
        ],
      },
      {
        heading: "Kven kan sjå opplysningane dine?",
        paragraphs: [
          "Berre personar som har ei rolle ved senteret og treng opplysningane i arbeidet sitt, kan sjå dei.",
          "Kvar gong nokon les eller endrar personopplysingane dine, blir det skrive i ein logg. Du kan lese loggen sjølv på /min-side/innsyn. Der ser du kven det var, når det skjedde, og frå kva rolle og kva senter dei gjorde det.",
        ],
      },
      {
        heading: "Kvar opplysningane blir lagra, og kven vi deler dei med",
        paragraphs: [
          "Opplysningane blir lagra i ein database på senteret sin eigen server.",
          "E-post frå tenesta blir send gjennom senteret sin eigen e-postserver.",
          "Vi sel aldri opplysningane dine, og vi deler dei ikkje med andre.",
          "Kartet over tilboda (/tilbud/kart) finst berre dersom det er slått på. Då hentar nettlesaren din kartbilete frå ein kartleverandør. Leverandøren ser IP-adressa di og kva område du ser på, men ikkje kva du søkte etter. Resten av tenesta hentar ingenting frå andre.",
        ],
      },
      {
        heading: "Kor lenge vi lagrar opplysningane",
        paragraphs: [
          "Vi lagrar kontoen din så lenge du har han. Du kan slette han sjølv når du vil, på /min-side.",
          "Når du slettar kontoen, blir alt som er knytt til deg, sletta. I loggen står det berre att at ein konto vart sletta, utan namnet ditt.",
          "Innloggingar, lenker for nytt passord og teljarar for innloggingsforsøk blir berre lagra kort tid, slik det står over.",
        ],
      },
      {
        heading: "Verktøykassa",
        paragraphs: [
          "I verktøykassa (/verktoy) kan du skrive om din eigen recovery-prosess. Det kan vere helseopplysingar, og dei har ekstra vern i lova. Dette gjeld:",
        ],
        list: [
          "Vi lagrar ingenting der før du har sagt tydeleg ja. Det er frivillig.",
          "Alt du skriv, er privat. Ingen andre kan lese det – heller ikkje dei som jobbar på senteret eller administrerer tenesta.",
          "Du vel sjølv om du vil dele noko: éin ting om gongen, med ein erfaringsmedarbeidar du vel ved namn, berre til lesing eller òg med høve til å kome med forslag, og gjerne berre fram til ein bestemt dato. Du kan stoppe delinga når du vil, og ho stoppar med ein gong.",
          "Kvar gong nokon andre enn deg les noko du har delt, står det i loggen din på /min-side/innsyn.",
          "Innhaldet er kryptert i databasen med ein nøkkel som berre gjeld deg. Nøkkelen er sjølv kryptert med ein hovudnøkkel som ikkje ligg i databasen.",
          "Du kan laste ned alt (som ei fil du kan ta med til ei anna Knutepunkt-teneste, og som PDF), og du kan slette eitt svar, eitt verktøy eller alt. Slettar du alt, eller kontoen din, blir nøkkelen din øydelagd, slik at innhaldet heller ikkje kan lesast frå tryggingskopiar når hovudnøkkelen til senteret er bytt.",
          "Vi lagrar når noko vart skrive, og kva kort eller verktøy det høyrer til, men ikkje innhaldet i klartekst.",
        ],
      },
      {
        heading: "Rettane dine",
        paragraphs: [
          "Det kostar ingenting å bruke rettane dine. Vi svarar deg så snart vi kan, og seinast innan ein månad.",
          "Du har desse rettane:",
        ],
        list: [
          "Innsyn: Du kan sjå kven som har lese eller endra opplysningane dine, på /min-side/innsyn. Du kan òg be senteret om ein kopi av alt vi har lagra om deg.",
          "Retting: Er noko feil, kan du be senteret om å rette det.",
          "Sletting: Du kan slette kontoen din sjølv på /min-side. Då blir alt som er knytt til deg, sletta. Loggen tek berre vare på at ein konto vart sletta, utan namnet ditt.",
          "Å ta med deg opplysningane (dataportabilitet): Du kan laste ned alt i verktøykassa som ei fil (JSON) på /verktoy/data.",
          "Protest: Du kan protestere mot at vi brukar opplysningane dine. Ta kontakt med senteret, så ser vi på saka.",
        ],
      },
      {
        heading: "Spørsmål og klage",
        paragraphs: [
          "Har du spørsmål, eller meiner du at vi har gjort noko gale? Ta gjerne kontakt med senteret først. Kontaktinformasjonen finn du nedst på sida.",
          "Du har òg rett til å klage til Datatilsynet. Du finn meir informasjon på datatilsynet.no.",
        ],
      },
    ],
  },

  en: {
    title: "Privacy statement",
    intro:
      "This page explains what information we store about you, why we store it, and what rights you have. We store as little as we can, and we never sell your information.",
    updated: "2026-11-24",
    sections: [
      {
        heading: "Who is responsible?",
        paragraphs: [
          "The centre that runs this service is responsible for your information. The legal term for this is “data controller”.",
          "It may be a single user-led centre or a network of centres. You will find its name and contact details at the bottom of the page and on the centre's page.",
          "If you have questions about privacy, you can always contact the centre.",
        ],
      },
      {
        heading: "What we store about you now",
        paragraphs: ["When you have an account, we store:"],
        list: [
          "Your name and e-mail address.",
          "Your password, but only as a hash (argon2id). This means the password has been turned into a code that nobody can read or turn back into the password, not even us.",
          "Which centres you are a member of, and your role at each one.",
          "Your log-ins (sessions). We store a random ID, which is also kept in a cookie in your browser.",
          "Links for setting a new password. Each link works only once and stops working after one hour.",
          "Invitations to join a centre.",
          "A log of who has read or changed your personal data, when it happened, and from which role at which centre.",
          "Counters for log-in attempts, per account and per IP address. These are kept only for a short time.",
          "E-mails that the service has sent you.",
          "If you use the toolkit: what you write and choose there (answers to reflection cards, values, the dream, check-ins, stages), encrypted, and what you have shared with whom. See the separate section on the toolkit below.",
        ],
      },
      {
        heading: "What we do not store",
        paragraphs: [
          "We never ask for your national identity number (fødselsnummer), and we do not store it.",
          "We do not ask about diagnoses.",
          "The logs we use to keep the service running contain no personal data. They contain only an ID for each request, which page was used and how long it took.",
        ],
      },
      {
        heading: "Why we store it, and what allows us to",
        paragraphs: [
          "We need your name, e-mail address, password and memberships to give you the service you asked for: an account you can log in to. The legal basis is Article 6(1)(b) of the General Data Protection Regulation (GDPR).",
          "We keep the log of who has read or changed your information, and the counters for log-in attempts, to protect you and your information. We are required to keep your information secure (Article 6(1)(c)), and we have a legitimate interest in stopping misuse (Article 6(1)(f)).",
          "What you write in the toolkit is stored only because you yourself have clearly said yes (consent under Article 6(1)(a) and Article 9(2)(a)). You withdraw your consent by deleting everything in the toolkit.",
        ],
      },
      {
        heading: "Cookies",
        paragraphs: [
          "We only use cookies that the service needs in order to work. That is why we do not need to ask your permission first, and why you will not see a cookie banner.",
          "We use no analytics, no tracking, no advertising and no scripts from other companies.",
          "These are the cookies we use:",
        ],
        list: [
          "Log-in: a random ID that keeps you logged in. It is protected so that scripts and other websites cannot misuse it (HttpOnly and SameSite=Lax).",
          "Language: remembers whether you chose bokmål, nynorsk or English.",
          "Security: protects forms against an attack where another website tries to send something in your name (CSRF).",
          "Known browser: remembers for a year that someone has logged in from this browser before, so that other people's wrong passwords cannot lock you out. It holds no name or email address.",
        ],
      },
      {
        heading: "How we protect your information",
        paragraphs: [],
        list: [
          "Your password is never stored in a way that can be read.",
          "Your log-in stops working when you log out, when you have not done anything for a while, and when your password is changed.",
          "If someone tries to log in many times with the wrong password, we stop the attempts for a while. That is why we count wrong passwords per account and per IP address. From a browser you have logged in from before, we count separately, so that others cannot lock you out. The counters are kept only for a short time.",
          "Links for setting a new password work only once and only for one hour.",
        ],
      },
      {
        heading: "Who can see your information?",
        paragraphs: [
          "Only people who have a role at the centre and need your information for their work can see it.",
          "Every time someone reads or changes your personal data, it is written to a log. You can read this log yourself at /min-side/innsyn. There you can see who it was, when it happened, and from which role at which centre.",
        ],
      },
      {
        heading: "Where your information is stored, and who we share it with",
        paragraphs: [
          "Your information is stored in a database on the centre's own server.",
          "E-mail from the service is sent through the centre's own mail server.",
          "We never sell your information, and we do not share it with anyone else.",
          "The map of services (/tilbud/kart) is only there if it has been turned on. Your browser then fetches map images from a map provider. The provider sees your IP address and which area you look at, but not what you searched for. The rest of the service fetches nothing from others.",
        ],
      },
      {
        heading: "How long we keep your information",
        paragraphs: [
          "We keep your account for as long as you have it. You can delete it yourself whenever you want, at /min-side.",
          "When you delete your account, everything tied to you is deleted. The log keeps only a note that an account was deleted, without your name.",
          "Log-ins, password links and counters for log-in attempts are kept only for a short time, as described above.",
        ],
      },
      {
        heading: "The toolkit",
        paragraphs: [
          "In the toolkit (/verktoy) you can write about your own recovery process. That can be health information, which the law gives extra protection. This is what applies:",
        ],
        list: [
          "We store nothing there until you have clearly said yes. It is voluntary.",
          "Everything you write is private. No one else can read it – not even the people who work at the centre or administer the service.",
          "You choose whether to share anything: one item at a time, with a peer worker you choose by name, either to read only or also to make suggestions, and if you like only until a set date. You can stop sharing whenever you like, and it stops straight away.",
          "Every time someone other than you reads something you have shared, it is shown in your log at /min-side/innsyn.",
          "The content is encrypted in the database with a key that applies only to you. That key is itself encrypted with a master key that is not kept in the database.",
          "You can download everything (as a file you can take to another Knutepunkt service, and as a PDF), and you can delete one answer, one tool or everything. If you delete everything, or your account, your key is destroyed, so that the content cannot be read from backups either once the centre's master key has been changed.",
          "We store when something was written, and which card or tool it belongs to, but not the content in plain text.",
        ],
      },
      {
        heading: "Your rights",
        paragraphs: [
          "Using your rights costs nothing. We will answer you as soon as we can, and within one month at the latest.",
          "You have these rights:",
        ],
        list: [
          "Access: You can see who has read or changed your information at /min-side/innsyn. You can also ask the centre for a copy of everything we have stored about you.",
          "Correction: If something is wrong, you can ask the centre to correct it.",
          "Deletion: You can delete your account yourself at /min-side. Then everything tied to you is deleted. The log keeps only a note that an account was deleted, without your name.",
          "Taking your information with you (data portability): You can download everything in the toolkit as a file (JSON) at /verktoy/data.",
          "Objection: You can object to how we use your information. Contact the centre, and we will look into it.",
        ],
      },
      {
        heading: "Questions and complaints",
        paragraphs: [
          "Do you have questions, or do you think we have done something wrong? Please contact the centre first. You will find the contact details at the bottom of the page.",
          "You also have the right to complain to the Norwegian Data Protection Authority (Datatilsynet). You can find more information at datatilsynet.no.",
        ],
      },
    ],
  },
};
