/**
 * Common first names in Norway, for the quote screening in identifying-details.ts (issue 13, item 4).
 *
 * Where the names come from: composed by hand by the Knutepunkt project from Statistics Norway's (SSB)
 * published name statistics as we know them — the most common first names among all residents (women and
 * men) and the most popular names given to newborns over the last decades — together with names that are
 * common among Norwegians with roots in Somalia, Pakistan, Iraq, Syria, Eritrea, Poland and Lithuania,
 * which rank high in SSB's tables of names in the population too. No file was downloaded (there was no
 * network where this list was written); it is not a copy of an SSB table. When updating it, compare with
 * https://www.ssb.no/befolkning/navn (SSB's content is published under CC BY 4.0).
 *
 * The list only has to catch the names people are likely to write; it is a help for the writer, not a
 * guarantee. Spelling variants are separate entries. All entries are written as names are written
 * (capital first letter); the screening compares in lower case.
 *
 * `ambiguousFirstNames` are names that are also ordinary words in bokmål, nynorsk or English ("Per" as in
 * "per uke", "Liv" as in "liv", "Håp", "Glad", "Even", …). The screening only reports them when they are
 * capitalised in the middle of a sentence, never at the start of a sentence or in lower case.
 */

/** Names that are also ordinary words (nb, nn or en): reported only when capitalised mid-sentence. */
export const ambiguousFirstNames: readonly string[] = [
  "Are", // en: are
  "Ask", // ask: ash tree; en: ask
  "Bent", // en: bent
  "Bo", // bo: to live (somewhere)
  "Dag", // dag: day
  "Dina", // nn: dina (your)
  "Eli", // short, and a word or abbreviation in other languages: treated as ambiguous to avoid false alarms
  "Else", // en: else
  "Even", // en: even
  "Finn", // finn: find (imperative)
  "Frank", // en: frank
  "Fred", // fred: peace
  "Glad", // glad: happy
  "Gro", // gro: to grow
  "Hans", // hans: his
  "Helga", // helga: the weekend
  "Håp", // håp: hope
  "Jo", // jo: yes, well
  "Line", // line: rope, line
  "Live", // live: to live (nn), lives
  "Liv", // liv: life
  "Lykke", // lykke: happiness
  "Lene", // lene: to lean
  "Mai", // mai: May
  "Mina", // nn: mina (my)
  "Odd", // odd: point; en: odd
  "Per", // per: per
  "Signe", // signe: to bless
  "Sina", // nn: sina (their own)
  "Sol", // sol: sun
  "Stein", // stein: stone
  "Storm", // storm
  "Tom", // tom: empty
  "Tone", // tone: tone
  "Tor", // nn: tor (dare)
  "Vera", // nn: vera (to be)
  "Vår", // vår: spring; our
];

/** Common first names (women, men and both), not counting the ambiguous ones above. */
export const commonFirstNames: readonly string[] = [
  // Women: the most common among all residents, and popular names of recent decades.
  "Aase", "Ada", "Agnes", "Agnete", "Alexandra", "Alice", "Alma", "Alva", "Amalie", "Amanda", "Andrea",
  "Angelica", "Anita", "Ann", "Anna", "Anne", "Anne-Lise", "Anne-Marie", "Annette", "Anette", "Anniken",
  "Astri", "Astrid", "Aud", "Aurora", "Beate", "Bente", "Berit", "Birgit", "Birgitte", "Bjørg", "Borghild",
  "Britt", "Camilla", "Caroline", "Cathrine", "Catharina", "Cecilie", "Celine", "Charlotte", "Christina",
  "Christine", "Dagny", "Dagrun", "Eirin", "Elena", "Elin", "Eline", "Elisabeth", "Elise", "Ella", "Ellen",
  "Ellinor", "Embla", "Emilie", "Emma", "Erle", "Eva", "Evelyn", "Frida", "Frøydis", "Gerd", "Gina",
  "Grete", "Gry", "Gudrun", "Gunhild", "Gunn", "Gunnhild", "Gunvor", "Guro", "Hanna", "Hanne", "Hedda",
  "Hege", "Heidi", "Helen", "Helene", "Henny", "Hilde", "Hildegunn", "Ida", "Idun", "Ina", "Ine", "Inga",
  "Inger", "Inger-Lise", "Ingeborg", "Ingrid", "Ingunn", "Irene", "Iris", "Isabel", "Isabella", "Janne",
  "Jenny", "Johanne", "Jorunn", "Josefine", "Julia", "Julie", "Kaja", "Karen", "Kari", "Karin",
  "Karina", "Karoline", "Katrine", "Kjersti", "Kristin", "Kristina", "Kristine", "Laila", "Lea", "Leah",
  "Lena", "Linda", "Linn", "Linnea", "Lisa", "Lisbeth", "Lise", "Liss", "Lotte", "Madelen", "Madeleine",
  "Maia", "Maja", "Malin", "Maren", "Margit", "Margrethe", "Mari", "Maria", "Marianne", "Marie", "Marion",
  "Marit", "Marita", "Marte", "Martha", "Marthe", "Martine", "Merete", "Mette", "Mia", "Mille", "Milla",
  "Mona", "Monica", "Monika", "Nina", "Nora", "Oda", "Oline", "Pernille", "Ragna", "Ragnhild", "Randi",
  "Rebecca", "Reidun", "Rikke", "Rita", "Ronja", "Ruth", "Sandra", "Sanna", "Sara", "Sarah", "Selma",
  "Serina", "Sigrid", "Sigrun", "Silje", "Siri", "Sissel", "Sofie", "Sofia", "Solfrid", "Solveig",
  "Stine", "Sunniva", "Susanne", "Svanhild", "Synne", "Synnøve", "Thea", "Therese", "Tiril", "Tina",
  "Tonje", "Torhild", "Torill", "Torunn", "Tove", "Trine", "Turid", "Tuva", "Unni", "Vibeke", "Victoria",
  "Vigdis", "Viktoria", "Wenche", "Ylva", "Åse", "Åshild",
  // Men: the most common among all residents, and popular names of recent decades.
  "Aleksander", "Alexander", "Alf", "Amund", "Anders", "Andreas", "Arild", "Arne", "Arnt", "Arvid",
  "Asbjørn", "Atle", "Audun", "Bernt", "Birger", "Bjarne", "Bjørnar", "Brage", "Bård", "Christian",
  "Christoffer", "Daniel", "David", "Edvard", "Egil", "Eigil", "Einar", "Eirik", "Eivind", "Elias", "Emil",
  "Erik", "Erlend", "Erling", "Espen", "Filip", "Frode", "Fredrik", "Gaute", "Geir", "Gisle", "Glenn",
  "Gunnar", "Gustav", "Halvard", "Halvor", "Hallvard", "Harald", "Helge", "Henning", "Henrik", "Herman",
  "Håkon", "Håvard", "Ingar", "Inge", "Isak", "Ivar", "Jacob", "Jakob", "Jan", "Jan-Erik", "Jarle", "Jens",
  "Joakim", "Johan", "Johannes", "John", "Jon", "Jonas", "Jonathan", "Jostein", "Julian", "Jørgen",
  "Jørn", "Kasper", "Kenneth", "Kent", "Kim", "Kjartan", "Kjell", "Kjetil", "Knut-Erik", "Kristian",
  "Kristoffer", "Kåre", "Lars", "Lasse", "Leif", "Leo", "Liam", "Ludvig", "Lukas", "Magne", "Magnus",
  "Marius", "Markus", "Martin", "Mathias", "Matheo", "Mats", "Mikael", "Mikkel", "Morten", "Nikolai",
  "Nils", "Njål", "Noah", "Odd-Arne", "Oddbjørn", "Oddvar", "Ola", "Olav", "Ole", "Oliver", "Oscar",
  "Oskar", "Ove", "Paul", "Petter", "Philip", "Pål", "Ragnar", "Reidar", "Robert", "Roger", "Rolf",
  "Ronny", "Rudolf", "Sander", "Sebastian", "Sigbjørn", "Sigmund", "Sigurd", "Sigve", "Simen", "Simon",
  "Sindre", "Sivert", "Sjur", "Snorre", "Sondre", "Steffen", "Steinar", "Stian", "Sturla", "Sverre",
  "Svein", "Sveinung", "Syver", "Terje", "Theo", "Theodor", "Thomas", "Thor", "Tobias", "Tomas", "Tommy",
  "Tor-Arne", "Torbjørn", "Tore", "Torgeir", "Torleif", "Tormod", "Torstein", "Trond", "Trygve", "Trym",
  "Vebjørn", "Vegard", "Vetle", "Vidar", "Viktor", "William", "Yngve", "Øivind", "Øystein", "Øyvind",
  "Ørjan", "Åge", "Åsmund",
  // Common among Norwegians with roots elsewhere (Somalia, Pakistan, Iraq, Syria, Eritrea, Poland, Lithuania, …).
  "Abdi", "Abdirahman", "Abdul", "Abdullah", "Abdullahi", "Adnan", "Agnieszka", "Ahmad", "Ahmed", "Aisha",
  "Ali", "Amal", "Amina", "Amir", "Anwar", "Asha", "Ayan", "Ayesha", "Bilal", "Ewa", "Fadumo", "Farah",
  "Fatima", "Fatma", "Faisal", "Hamza", "Hassan", "Hawa", "Hiba", "Hodan", "Hussein", "Ibrahim", "Iman",
  "Imran", "Ismail", "Jakub", "Joanna", "Kamil", "Katarzyna", "Khadija", "Khalid", "Krzysztof", "Layla",
  "Leila", "Magdalena", "Mahmoud", "Małgorzata", "Marek", "Maryam", "Mehmet", "Meron", "Michał",
  "Mohamed", "Mohammad", "Mohammed", "Muhammad", "Mustafa", "Nadia", "Noor", "Nour", "Omar", "Paweł",
  "Piotr", "Samira", "Sana", "Senait", "Sumaya", "Tariq", "Tomasz", "Usman", "Yasmin", "Yonas",
  "Yusuf", "Zahra", "Zainab",
  // Also words, but seldom at the start of a sentence in an interview note: reported wherever capitalised.
  "Aksel", "Birk", "Bjørn", "Edel", "Iver", "Kai", "Knut", "Nova", "Rune", "Siv", "Stig", "Tine", "Vilde", "Vilja",
];
