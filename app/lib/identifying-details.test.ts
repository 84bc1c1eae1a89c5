import { describe, expect, it } from "vitest";
import { findIdentifyingDetails, isPlausibleNationalId, type IdentifyingKind } from "./identifying-details";
import { ambiguousFirstNames, commonFirstNames } from "./norwegian-first-names";

type Row = [text: string, found: [IdentifyingKind, string][]];
const check = (text: string, listedNames?: readonly string[]) =>
  findIdentifyingDetails(text, { listedNames }).map((f) => [f.kind, f.text] as [IdentifyingKind, string]);

describe("first names", () => {
  it.each<Row>([
    // Found
    ["Jeg snakket med Kari om det.", [["first_name", "Kari"]]],
    ["Kari sa at det hjalp.", [["first_name", "Kari"]]],
    ["Han het Ola, tror jeg.", [["first_name", "Ola"]]],
    ["Behandleren Øyvind var flink.", [["first_name", "Øyvind"]]],
    ["Åse på resepsjonen var grei.", [["first_name", "Åse"]]],
    ["Bjørn på avdelingen hjalp meg.", [["first_name", "Bjørn"]]],
    ["Sykepleieren Bjørn hjalp meg.", [["first_name", "Bjørn"]]],
    ["Mohammed og Fatima kom sammen.", [["first_name", "Mohammed"], ["first_name", "Fatima"]]],
    ["Vi snakket med Nils og Ingrid.", [["first_name", "Nils"], ["first_name", "Ingrid"]]],
    ["Karis mor ringte.", [["first_name", "Karis"]]],
    ["Det var Nils' idé.", [["first_name", "Nils"]]],
    ["It was Kari's idea.", [["first_name", "Kari's"]]],
    ["Bjørn kom hver dag.", [["first_name", "Bjørn"]]],
    ["Kari-Anne var der hver dag.", [["first_name", "Kari-Anne"]]],
    ["Per-Olav sa ingenting.", [["first_name", "Per-Olav"]]],
    ["Legen, Per, var alltid travel.", [["first_name", "Per"]]],
    ["Jeg spurte Liv om hjelp.", [["first_name", "Liv"]]],
    ["Vi ringte til Tor i går.", [["first_name", "Tor"]]],
    ["Det var Eli som tok imot oss.", [["first_name", "Eli"]]],
    ["Miljøarbeideren Sol hjalp meg.", [["first_name", "Sol"]]],
    ["Han sa «Per var den eneste som lyttet».", [["first_name", "Per"]]],
    ["Etter møtet (Per var der) gikk vi hjem.", [["first_name", "Per"]]],
    ["ÅSE og Øyvind", [["first_name", "Øyvind"]]],
    ["Jeg og Hans gikk tur.", [["first_name", "Hans"]]],
    ["Kontaktlegen Dag ringte aldri tilbake.", [["first_name", "Dag"]]],
    ["- Kari var der.\n- Ola også.", [["first_name", "Kari"], ["first_name", "Ola"]]],
    // Not found: ordinary words that are also names, at the start of a sentence or in lower case
    ["Per uke får vi én samtale.", []],
    ["Vi får en samtale per uke.", []],
    ["Liv og helse er viktig.", []],
    ["Livet ble bedre etter hvert.", []],
    ["Det handler om hele livet mitt.", []],
    ["Håp er det viktigste.", []],
    ["Jeg har håp nå.", []],
    ["Glad for at noen lyttet.", []],
    ["Jeg ble glad.", []],
    ["Sol og varme hjelper.", []],
    ["Vår kontaktperson var borte.", []],
    ["Det var vår tur.", []],
    ["Dag for dag ble det bedre.", []],
    ["Mai var en fin måned.", []],
    ["Bo hjemme er best.", []],
    ["Jeg vil bo i egen leilighet.", []],
    ["Tor det? Jeg tror det.", []],
    ["Finn ut hva du trenger.", []],
    ["Even so, it helped.", []],
    ["Are you listening?", []],
    ["Stein på stein.", []],
    ["Det var en glad dag.\nHåp er alt.", []],
    ["Han sa: «Per uke er for lite.»", []],
    ["1. Liv er viktig.", []],
    ["- Glad for maten", []],
    ["kari og ola var der", []], // lower case: not told from words
    ["Vi var på St. Olavs hospital.", []],
    ["Sankt Hans feiret vi ute.", []],
    ["Knutepunkt er et nettverk.", []],
    ["Personalet var hyggelige.", []],
    ["Informasjonen var dårlig.", []],
    ["Vi fikk ikke nok informasjon om medisinene.", []],
    ["", []],
  ])("%j", (text, found) => {
    expect(check(text)).toEqual(found);
  });

  it("gives positions that point at the name in the text", () => {
    const text = "Jeg snakket med Kari om det.";
    const [found] = findIdentifyingDetails(text);
    expect(found).toEqual({ kind: "first_name", text: "Kari", start: 16, end: 20 });
    expect(text.slice(found!.start, found!.end)).toBe("Kari");
  });
});

describe("phone numbers", () => {
  it.each<Row>([
    ["Ring meg på 91234567.", [["phone", "91234567"]]],
    ["Nummeret er 912 34 567.", [["phone", "912 34 567"]]],
    ["Ring 22 33 44 55 i kontortiden.", [["phone", "22 33 44 55"]]],
    ["Tlf. +47 912 34 567", [["phone", "+47 912 34 567"]]],
    ["Tlf. +4791234567", [["phone", "+4791234567"]]],
    ["Tlf. 0047 91234567", [["phone", "0047 91234567"]]],
    ["Tlf. 0047 22 33 44 55", [["phone", "0047 22 33 44 55"]]],
    ["Ring 912-34-567", [["phone", "912-34-567"]]],
    ["Ring 9123 4567", [["phone", "9123 4567"]]],
    ["Ring 22.33.44.55", [["phone", "22.33.44.55"]]],
    // Not found
    ["Vi var 12 stykker.", []],
    ["Det kostet 12 000 000 kroner.", []],
    ["Det skjedde fra 2019 2021.", []],
    ["Det skjedde i 2019-2021.", []],
    ["Saksnummer 12345678", []], // starts with 1: not a Norwegian number
    ["Ring 02800", []],
    ["Kontonummer 1234 56 78903", []],
    ["Organisasjonsnummer 987 654 321", []],
    ["912345678", []], // nine digits
    ["Kl. 12.30 startet vi.", []],
  ])("%j", (text, found) => {
    expect(check(text)).toEqual(found);
  });
});

describe("e-mail addresses", () => {
  it.each<Row>([
    ["Skriv til kari.nordmann@example.no om det.", [["email", "kari.nordmann@example.no"]]],
    ["Kari.Nordmann@dps.example.no svarte aldri.", [["email", "Kari.Nordmann@dps.example.no"]]],
    ["ola+bsb@eksempel.com", [["email", "ola+bsb@eksempel.com"]]],
    ["post@fjordbyen-dps.no.", [["email", "post@fjordbyen-dps.no"]]],
    ["åse@blåbær.no", [["email", "åse@blåbær.no"]]],
    ["kari91234567@example.no", [["email", "kari91234567@example.no"]]],
    // Not found
    ["Vi møtes @ kafeen.", []],
    ["Skriv til oss på e-post.", []],
    ["adresse@uten-punktum", []],
  ])("%j", (text, found) => {
    expect(check(text)).toEqual(found);
  });
});

describe("dates", () => {
  it.each<Row>([
    ["Jeg ble lagt inn 12.03.2025.", [["date", "12.03.2025"]]],
    ["Jeg ble lagt inn 2.3.25 om natten.", [["date", "2.3.25"]]],
    ["Datoen var 12/03/2025", [["date", "12/03/2025"]]],
    ["Datoen var 12-03-2025", [["date", "12-03-2025"]]],
    ["Innleggelsen 2025-03-12 gikk fint.", [["date", "2025-03-12"]]],
    ["Den 12. mars fikk jeg beskjed.", [["date", "12. mars"]]],
    ["Den 12. mars 2025 fikk jeg beskjed.", [["date", "12. mars 2025"]]],
    ["Det var 3. jan. i fjor.", [["date", "3. jan."]]],
    ["Det var 3 jan 2024.", [["date", "3 jan 2024"]]],
    ["Den 1. Mai gikk vi i tog.", [["date", "1. Mai"]]],
    ["Den 24. desember var jeg alene.", [["date", "24. desember"]]],
    ["It happened on 12 March 2025.", [["date", "12 March 2025"]]],
    ["It happened on March 12, 2025.", [["date", "March 12, 2025"]]],
    ["It happened on the 3rd of May.", [["date", "3rd of May"]]],
    // Not found
    ["Kl. 12.30 startet vi.", []],
    ["Vi scoret 3-2 i kampen.", []],
    ["Versjon 1.2.3 av guiden.", []],
    ["Det var i mars.", []],
    ["Vi var 3 i mars-gruppen.", []],
    ["Jeg var innlagt i 2024.", []],
    ["Vi har møter to ganger i måneden.", []],
    ["Det var 2 jul på rad uten familie.", []],
    ["Vi gikk 31.13.2025 feil.", []],
  ])("%j", (text, found) => {
    expect(check(text)).toEqual(found);
  });
});

// 01019012346 is not real; the numbers below are built to pass the control digits (see isPlausibleNationalId).
const withControls = (nine: string) => {
  const d = [...nine].map(Number);
  const k = (w: number[], ds: number[]) => {
    const r = 11 - (w.reduce((a, x, i) => a + x * ds[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  const k1 = k([3, 7, 6, 1, 8, 9, 4, 5, 2], d);
  const k2 = k([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], [...d, k1]);
  return k1 === 10 || k2 === 10 ? null : `${nine}${k1}${k2}`;
};
/** The first nine digits from `prefix` onward whose control digits exist. */
const validFrom = (six: string) => {
  for (let i = 100; i < 1000; i++) {
    const n = withControls(`${six}${i}`);
    if (n) return n;
  }
  throw new Error("none");
};

describe("fødselsnummer-like digits", () => {
  const ordinary = validFrom("010190");
  const dNumber = validFrom("410190"); // day + 40
  const hNumber = validFrom("014190"); // month + 40
  const synthetic = validFrom("018190"); // month + 80 (test numbers)
  const wrongControl = `${ordinary.slice(0, 10)}${(Number(ordinary[10]) + 1) % 10}`;
  const noDate = validFrom("320190"); // day 32

  it.each<[string, boolean]>([
    [ordinary, true],
    [dNumber, true],
    [hNumber, true],
    [synthetic, true],
    [wrongControl, false],
    [noDate, false],
    [validFrom("011390"), false], // month 13
    [validFrom("000190"), false], // day 0
    ["00000000000", false], // control digits 0 0, but no date
    ["1234567890", false],
    ["123456789012", false],
    ["0101901234x", false],
  ])("%s plausible: %s", (digits, plausible) => {
    expect(isPlausibleNationalId(digits)).toBe(plausible);
  });

  it.each<Row>([
    [`Fødselsnummeret mitt er ${ordinary}.`, [["national_id", ordinary]]],
    [`Fnr: ${ordinary.slice(0, 6)} ${ordinary.slice(6)}`, [["national_id", `${ordinary.slice(0, 6)} ${ordinary.slice(6)}`]]],
    [`D-nummer ${dNumber}`, [["national_id", dNumber]]],
    [`Nummer ${wrongControl}`, []],
    [`Nummer ${ordinary}9`, []], // twelve digits
    ["Kontonummer 1234.56.78903", []],
  ])("%j", (text, found) => {
    expect(check(text)).toEqual(found);
  });
});

describe("names the team lists (sites, staff)", () => {
  const listed = ["Ambulant team", "DPS Fjordbyen", "Kari Nordmann", "Nordmann", " ", "x"];
  it.each<Row>([
    ["Vi var på Ambulant team i fjor.", [["listed_name", "Ambulant team"]]],
    ["Det ambulante teamet kom hjem til meg.", []],
    ["ambulant   team kom sjelden", [["listed_name", "ambulant   team"]]],
    ["Fjordbyen er fin, men DPS Fjordbyens venterom er trangt.", [["listed_name", "DPS Fjordbyens"]]],
    ["Kari Nordmann var leder.", [["listed_name", "Kari Nordmann"]]],
    ["Nordmann var leder.", [["listed_name", "Nordmann"]]],
    ["Kari var leder.", [["first_name", "Kari"]]],
    ["Han var nordmann.", [["listed_name", "nordmann"]]],
    ["Nordmannen i gruppen sa lite.", []],
  ])("%j", (text, found) => {
    expect(check(text, listed)).toEqual(found);
  });

  it("treats the names as text, not as patterns", () => {
    expect(check("Vi var på Team (a+b).", ["Team (a+b)"])).toEqual([["listed_name", "Team (a+b)"]]);
    expect(check("Vi var på Team ab.", ["Team (a+b)", "T.am"])).toEqual([]);
  });
});

describe("several details in one text", () => {
  it("returns them in text order, each once, the longer where two overlap", () => {
    const text = "Kari ringte 912 34 567 den 12.03.2025 og skrev til kari.nordmann@example.no fra DPS Fjordbyen.";
    const found = findIdentifyingDetails(text, { listedNames: ["DPS Fjordbyen", "Fjordbyen"] });
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ["first_name", "Kari"],
      ["phone", "912 34 567"],
      ["date", "12.03.2025"],
      ["email", "kari.nordmann@example.no"],
      ["listed_name", "DPS Fjordbyen"],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it("a listed name holding a first name is one finding", () => {
    expect(check("Kari Nordmann var leder.", ["Kari Nordmann"])).toEqual([["listed_name", "Kari Nordmann"]]);
  });

  it("keeps every finding of a long note, each once", () => {
    const text = "Kari Nordmann ringte 912 34 567. ".repeat(600); // about the 20,000-character note limit
    const found = findIdentifyingDetails(text, { listedNames: ["Kari Nordmann"] });
    expect(found).toHaveLength(1200);
    expect(found.filter((f) => f.kind === "listed_name")).toHaveLength(600);
    expect(found.filter((f) => f.kind === "phone")).toHaveLength(600);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  it("finds nothing in an ordinary, long note", () => {
    const note =
      "Flere sa at de ønsket mer informasjon før innleggelsen. Per uke var det bare én samtale med behandler. " +
      "Livet på avdelingen var forutsigbart, og det ga trygghet. Håp var et ord som gikk igjen.\n" +
      "Noen savnet aktiviteter på kveldstid. Vår erfaring er at maten ble bedre i 2024.";
    expect(findIdentifyingDetails(note.repeat(200))).toEqual([]);
  });
});

describe("the list of first names", () => {
  it("is several hundred names, each once, with the ambiguous ones kept apart", () => {
    const all = [...commonFirstNames, ...ambiguousFirstNames].map((n) => n.toLocaleLowerCase("nb"));
    expect(commonFirstNames.length).toBeGreaterThan(400);
    expect(new Set(all).size).toBe(all.length);
    for (const name of ["Kari", "Ola", "Nils", "Åse", "Øyvind", "Mohammed", "Fatima", "Ingrid", "Lars"]) expect(commonFirstNames).toContain(name);
    for (const name of ["Per", "Liv", "Tor", "Eli", "Bo", "Mai", "Sol", "Vår", "Glad", "Håp"]) expect(ambiguousFirstNames).toContain(name);
    for (const name of all) expect(name).toMatch(/^[\p{L}][\p{L}'-]*\p{L}$/u);
  });
});
