import { randomUUID } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/modules/accounts/accounts.schema";
import { centres } from "~/modules/centres/centres.schema";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideQuestions,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationNotes,
  evaluationPhaseChanges,
  evaluationProjects,
  evaluationQuotes,
  evaluationReportQuotes,
  evaluationReportSections,
  evaluationReports,
  evaluationSessionInterviewers,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
  evaluationTeam,
} from "./evaluations.schema";
import { phases, type Phase, type Polarity } from "./evaluations";
import { shippedCodes, themeGuideTemplate } from "./codebook";

/**
 * Demo mode only: Bruker Spør Bruker as KBT would run it (issue 13, "Demo data"). Everything here is made
 * up: "DPS Fjordbyen" is not a real service and no statement is anyone's. Two projects, created and led by
 * Koordinator Demo:
 *
 * - a finished evaluation of "DPS Fjordbyen, poliklinikk" (phase follow_up): three sites, one of them
 *   "Ambulant team"; a theme guide from the template; four group sessions and one individual interview at
 *   "Ambulant team"; coded statements over all ten shipped codes and one own code; chosen quotes; a
 *   published process report and a published, public final report; the whole phase history. One note
 *   holds the sentence "Dette notatet er bare for analysegruppen." — readable by the analysis team only.
 * - an evaluation in the interviews phase, with one session held and not yet analysed.
 *
 * Intervjuer Demo is an interviewer on both, Intervjuer To the second interviewer of the group sessions,
 * Tjeneste Demo the service contact of DPS Fjordbyen. Rows are written directly (no use case), in one
 * transaction, once: nothing happens when the centre already has an evaluation.
 */
export const demoEvaluation = {
  title: "Bruker Spør Bruker ved DPS Fjordbyen, poliklinikk",
  serviceName: "DPS Fjordbyen, poliklinikk",
  secretSentence: "Dette notatet er bare for analysegruppen.",
  ongoingTitle: "Bruker Spør Bruker ved Aktivitetshuset i Fjordbyen kommune",
} as const;

type Line = [text: string, polarity: Polarity, codes: string[]];
type DemoNote = { theme: string; lines: Line[]; header?: string };
type DemoSession = {
  site: string;
  kind: "group" | "individual";
  participants: number;
  /** Month and day within the finished project's year. */
  held: string;
  notes: DemoNote[];
  quote: { theme: string; text: string };
};

const own = "ventetid";

const sessions: DemoSession[] = [
  {
    site: "Poliklinikken",
    kind: "group",
    participants: 6,
    held: "04-14",
    notes: [
      {
        theme: "general_experience",
        header: demoEvaluation.secretSentence,
        lines: [
          ["Flere sa at de ble tatt godt imot første gang de kom.", "positive", ["respect"]],
          ["Det tok lang tid fra henvisning til første time, noen ventet i over tre måneder.", "negative", [own]],
          ["Gruppa ønsket at ventetiden ble forklart i brevet om første time.", "suggestion", ["information", own]],
        ],
      },
      {
        theme: "information",
        lines: [
          ["Informasjonen om medisiner var grundig og lett å forstå.", "positive", ["information", "skilled_professionals"]],
          ["Ingen hadde fått vite at de kunne ha med seg en pårørende til samtalene.", "negative", ["information"]],
          ["En skriftlig oversikt over rettighetene ved første samtale.", "suggestion", ["information"]],
        ],
      },
      {
        theme: "being_heard",
        lines: [
          ["Behandleren spurte hva som var viktig for meg, og vi satte mål sammen.", "positive", ["shared_decisions"]],
          ["Når jeg var uenig i medisinene, ble det bare notert og ikke snakket om.", "negative", ["shared_decisions", "respect"]],
        ],
      },
    ],
    quote: { theme: "information", text: "Jeg fikk endelig forklart hva medisinene gjør, uten at det ble stress." },
  },
  {
    site: "Poliklinikken",
    kind: "group",
    participants: 5,
    held: "04-28",
    notes: [
      {
        theme: "respect",
        lines: [
          ["Skranken er åpen mot venterommet, så alle hører hva du sier.", "negative", ["respect"]],
          ["De fleste behandlerne hilser og ser deg i øynene.", "positive", ["respect", "skilled_professionals"]],
          ["Lag et skjermet sted der man kan melde seg uten at andre hører.", "suggestion", ["respect"]],
        ],
      },
      {
        theme: "availability",
        lines: [
          ["Det er vanskelig å nå fram på telefon, den er bare åpen en time om dagen.", "negative", ["flexibility", own]],
          ["Timene blir ofte flyttet med kort varsel.", "negative", ["predictability"]],
          ["Å kunne sende melding til behandleren i stedet for å ringe.", "suggestion", ["flexibility"]],
        ],
      },
      {
        theme: "coordination",
        lines: [
          ["Fastlegen fikk ikke epikrisen før etter flere uker.", "negative", ["coordination"]],
          ["Ansvarsgruppemøtet med kommunen fungerte godt.", "positive", ["coordination"]],
        ],
      },
    ],
    quote: { theme: "respect", text: "Du står i kø og forteller om deg selv, så hele venterommet hører det." },
  },
  {
    site: "Dagtilbudet",
    kind: "group",
    participants: 5,
    held: "05-12",
    notes: [
      {
        theme: "meaningful_day",
        lines: [
          ["Turgruppa på tirsdager gir en grunn til å stå opp.", "positive", ["social_contact", "opportunities"]],
          ["Det er lite å gjøre i helgene, da er alt stengt.", "negative", ["flexibility", "social_contact"]],
          ["Åpent en ettermiddag i helgen, gjerne drevet av brukerne selv.", "suggestion", ["flexibility", "opportunities"]],
        ],
      },
      {
        theme: "being_heard",
        lines: [
          ["Husmøtet hver uke gjør at vi får si hva vi mener om tilbudet.", "positive", ["shared_decisions", "social_contact"]],
          ["Forslag fra husmøtet blir sjelden fulgt opp.", "negative", ["shared_decisions"]],
        ],
      },
      {
        theme: "hope",
        lines: [
          ["Å møte andre som har kommet seg videre, gir håp.", "positive", ["social_contact", "opportunities"]],
          ["Noen savnet hjelp til å komme tilbake til arbeid eller skole.", "negative", ["opportunities", "coordination"]],
          ["Samarbeid med arbeidslivet om arbeidstrening fra tilbudet.", "suggestion", ["opportunities", "coordination"]],
        ],
      },
    ],
    quote: { theme: "meaningful_day", text: "Turgruppa er grunnen til at jeg står opp på tirsdager." },
  },
  {
    site: "Ambulant team",
    kind: "group",
    participants: 4,
    held: "05-26",
    notes: [
      {
        theme: "general_experience",
        lines: [
          ["De kommer hjem til meg når jeg ikke klarer å komme meg ut.", "positive", ["flexibility", "respite"]],
          ["Det er godt å slippe å forklare alt på nytt, fordi det er de samme folkene som kommer.", "positive", ["predictability", "skilled_professionals"]],
          ["Noen ganger kommer de uten å ha gitt beskjed først.", "negative", ["predictability", "respect"]],
        ],
      },
      {
        theme: "respect",
        lines: [
          ["De tar av seg skoene og spør før de setter seg.", "positive", ["respect"]],
          ["Det ble sagt mye om meg i møter der jeg ikke var med.", "negative", ["shared_decisions", "respect"]],
        ],
      },
      {
        theme: "housing",
        lines: [
          ["De hjalp meg med å beholde leiligheten da det var som verst.", "positive", ["respite", "coordination"]],
          ["Boligkontoret og behandlerne snakker ikke sammen.", "negative", ["coordination"]],
          ["Et fast møte mellom behandlerne og boligkontoret.", "suggestion", ["coordination"]],
        ],
      },
    ],
    quote: { theme: "housing", text: "Uten dem hadde jeg mistet leiligheten." },
  },
  {
    site: "Ambulant team",
    kind: "individual",
    participants: 1,
    held: "06-03",
    notes: [
      {
        theme: "being_heard",
        lines: [
          ["Jeg ville ikke snakke i gruppe, og det var greit å få et eget intervju.", "positive", ["respect", "flexibility"]],
          ["Planen for behandlingen min ble laget før jeg fikk si noe.", "negative", ["shared_decisions"]],
        ],
      },
      {
        theme: "relatives",
        lines: [
          ["Familien min fikk ikke vite noe, selv om jeg hadde sagt at de kunne få vite.", "negative", ["information", "coordination"]],
          ["Spør brukeren på nytt hva pårørende kan få vite, og skriv det ned.", "suggestion", ["information", "shared_decisions"]],
        ],
      },
      {
        theme: "hope",
        lines: [["At de ikke ga meg opp, betyr mye.", "positive", ["respect", "skilled_professionals"]]],
      },
    ],
    quote: { theme: "hope", text: "De ga meg ikke opp, selv da jeg hadde gitt opp selv." },
  },
];

const sites = [
  { name: "Poliklinikken", invited: 16, came: 11 },
  { name: "Dagtilbudet", invited: 8, came: 5 },
  { name: "Ambulant team", invited: 9, came: 5 },
];

const reportTitles = {
  background: "Bakgrunn",
  purpose: "Formål og problemstillinger",
  method: "Metode",
  participants: "Deltakere",
  findings: "Funn",
  suggestions: "Forslag til forbedring",
} as const;

const method =
  "Fire gruppeintervjuer og ett individuelt intervju ble holdt mellom april og juni, med to intervjuere fra KBT i hvert gruppeintervju. Tjenesten inviterte deltakerne og skaffet rom, men var ikke til stede.";

const reportSections = {
  process: {
    background: "DPS Fjordbyen ba KBT om en brukerevaluering av poliklinikken, dagtilbudet og det ambulante teamet. Denne prosessrapporten samler det brukerne fortalte, før dialogkonferansen.",
    purpose: "Problemstillingene ble avtalt med tjenesten i januar, før intervjuene.",
    method,
    participants: "21 brukere deltok i fire gruppeintervjuer og ett individuelt intervju, fordelt på tre steder.",
    findings: "Brukerne er i hovedsak godt fornøyd med fagfolkene og med hvordan de blir møtt. De største utfordringene er ventetid, telefontid og at samtaler ved skranken kan høres av andre.",
    suggestions: "Forslagene tas med til dialogkonferansen, der brukere og tjenesten drøfter dem sammen.",
  },
  final: {
    background: "DPS Fjordbyen ba KBT om en brukerevaluering av poliklinikken, dagtilbudet og det ambulante teamet. Sluttrapporten bygger på intervjuene og på dialogkonferansen.",
    purpose: "Problemstillingene ble avtalt med tjenesten i januar, før intervjuene, og drøftet på nytt på dialogkonferansen i september.",
    method,
    participants: "21 brukere deltok i fire gruppeintervjuer og ett individuelt intervju, fordelt på tre steder. 33 ble invitert.",
    findings:
      "Respekt og dyktige fagpersoner er det brukerne oftest trekker fram som bra. Ventetid, vansker med å nå fram på telefon og timer som flyttes med kort varsel trekkes oftest fram som dårlig. Samhandlingen med fastlege og boligkontor kan bli bedre.",
    suggestions:
      "1. Et skjermet sted å melde seg ved skranken.\n2. Mulighet til å sende melding til behandleren.\n3. En skriftlig oversikt over rettigheter ved første samtale.\n4. Et fast møte mellom det ambulante teamet og boligkontoret.\n5. Åpent en ettermiddag i helgen i dagtilbudet.",
  },
} as const;

/** Quotes chosen for each report: the session (by index) whose quote it is, and the code it stands under. */
const chosenQuotes = {
  process: [
    [1, "respect"],
    [2, "social_contact"],
  ],
  final: [
    [1, "respect"],
    [2, "social_contact"],
    [3, "coordination"],
    [0, "information"],
  ],
} as const;

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000);

/** Load the demo evaluations (demo mode, once, after loadDemoData). Returns false when there is nothing to do. */
export async function loadDemoEvaluations(db: Db): Promise<boolean> {
  const [kbt] = await db.select({ id: centres.id }).from(centres).where(eq(centres.shortName, "KBT"));
  if (!kbt) return false;
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ["koordinator@example.org", "intervjuer@example.org", "intervjuer2@example.org", "tjeneste@example.org"]));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const lead = idOf("koordinator@example.org");
  const interviewer = idOf("intervjuer@example.org");
  const second = idOf("intervjuer2@example.org");
  const contact = idOf("tjeneste@example.org");
  if (!lead || !interviewer || !second || !contact) return false;

  return db.transaction(async (txDb) => {
    const tx = txDb as unknown as Db;
    const [existing] = await tx.select({ n: count() }).from(evaluationProjects).where(eq(evaluationProjects.centreId, kbt.id));
    if ((existing?.n ?? 0) > 0) return false;

    const year = new Date().getUTCFullYear() - 1;
    const at = (monthDay: string, hour = 10) => new Date(`${year}-${monthDay}T${String(hour).padStart(2, "0")}:00:00Z`);

    // ---- The finished evaluation --------------------------------------------------------------------
    const projectId = randomUUID();
    await tx.insert(evaluationProjects).values({
      id: projectId,
      centreId: kbt.id,
      title: demoEvaluation.title,
      serviceName: demoEvaluation.serviceName,
      serviceKind: "dps",
      purpose: "Å finne ut hvordan brukerne opplever poliklinikken, dagtilbudet og det ambulante teamet, og hva som bør bli bedre.",
      questions: "Hvordan blir brukerne møtt?\nFår brukerne den informasjonen de trenger?\nEr brukerne med og bestemmer over sin egen behandling?\nHvordan samarbeider tjenesten med andre tjenester?",
      periodStart: `${year}-02-01`,
      periodEnd: `${year}-11-30`,
      agreementDate: `${year}-01-20`,
      agreementText:
        "KBT gjennomfører en brukerevaluering med Bruker Spør Bruker. Tjenesten rekrutterer deltakere og skaffer rom, men er ikke til stede i intervjuene og får aldri notater eller vite hvem som sa hva. Resultatene legges fram i en prosessrapport, drøftes på en dialogkonferanse og samles i en sluttrapport.",
      k: 5,
      listedNames: [],
      phase: "follow_up",
      dialogueConferenceDate: `${year}-09-15`,
      createdBy: lead,
      createdAt: at("01-15"),
    });
    await tx.insert(evaluationTeam).values([
      { projectId, userId: lead, role: "lead" },
      { projectId, userId: interviewer, role: "interviewer" },
      { projectId, userId: second, role: "interviewer" },
      { projectId, userId: contact, role: "service_contact" },
    ]);
    const changeDays = ["01-20", "02-10", "03-10", "04-01", "06-15", "08-20", "09-15", "11-10"];
    await tx.insert(evaluationPhaseChanges).values(
      changeDays.map((day, i) => ({ projectId, fromPhase: phases[i]!, toPhase: phases[i + 1]!, changedBy: lead, changedAt: at(day, 12) })),
    );
    const siteIds = new Map<string, string>();
    await tx.insert(evaluationSites).values(
      sites.map((s, i) => {
        const id = randomUUID();
        siteIds.set(s.name, id);
        return { id, projectId, name: s.name, position: i, invited: s.invited, came: s.came, recruitmentUpdatedBy: contact };
      }),
    );
    const { versionId, themeIds } = await demoGuide(tx, projectId, lead, themeGuideTemplate.length, at("04-14"));
    const codeIds = await demoCodes(tx, projectId, true);

    const quoteIds: string[] = [];
    for (const [i, s] of sessions.entries()) {
      const sessionId = randomUUID();
      await tx.insert(evaluationSessions).values({
        id: sessionId,
        projectId,
        siteId: siteIds.get(s.site)!,
        guideVersionId: versionId,
        kind: s.kind,
        heldOn: `${year}-${s.held}`,
        participants: s.participants,
        createdBy: interviewer,
        createdAt: at(s.held, 15),
      });
      await tx.insert(evaluationSessionInterviewers).values(s.kind === "group" ? [{ sessionId, userId: interviewer }, { sessionId, userId: second }] : [{ sessionId, userId: interviewer }]);
      let position = 0;
      for (const note of s.notes) {
        const noteId = randomUUID();
        const text = [...(note.header ? [note.header] : []), ...note.lines.map(([line]) => `- ${line}`)].join("\n");
        await tx.insert(evaluationNotes).values({ id: noteId, sessionId, themeId: themeIds.get(note.theme)!, text, updatedBy: interviewer });
        for (const [line, polarity, codes] of note.lines) {
          const statementId = randomUUID();
          await tx.insert(evaluationStatements).values({ id: statementId, projectId, sessionId, noteId, position: position++, text: line, polarity });
          await tx.insert(evaluationCodings).values(codes.map((c) => ({ statementId, codeId: codeIds.get(c)!, projectId, sessionId })));
        }
      }
      const quoteId = randomUUID();
      quoteIds[i] = quoteId;
      await tx.insert(evaluationQuotes).values({ id: quoteId, sessionId, themeId: themeIds.get(s.quote.theme)!, text: s.quote.text });
    }

    for (const kind of ["process", "final"] as const) {
      const reportId = randomUUID();
      await tx.insert(evaluationReports).values({
        id: reportId,
        projectId,
        kind,
        publishedAt: kind === "process" ? at("08-20", 12) : at("11-10", 12),
        publishedBy: lead,
        public: kind === "final",
      });
      await tx.insert(evaluationReportSections).values(
        (Object.keys(reportTitles) as (keyof typeof reportTitles)[]).map((key, position) => ({ reportId, key, position, title: reportTitles[key], body: reportSections[kind][key] })),
      );
      await tx.insert(evaluationReportQuotes).values(chosenQuotes[kind].map(([session, code], position) => ({ reportId, quoteId: quoteIds[session]!, codeId: codeIds.get(code)!, position })));
    }

    // ---- The evaluation in the interviews phase -------------------------------------------------------
    const ongoing = randomUUID();
    await tx.insert(evaluationProjects).values({
      id: ongoing,
      centreId: kbt.id,
      title: demoEvaluation.ongoingTitle,
      serviceName: "Aktivitetshuset, Fjordbyen kommune",
      serviceKind: "municipality",
      purpose: "Å finne ut hva brukerne av aktivitetshuset og bo-oppfølgingen får ut av tilbudet, og hva de savner.",
      questions: "Hva gjør tilbudet for hverdagen til brukerne?\nHvordan er det å få hjelp til å bo?",
      periodStart: iso(daysFromNow(-60)),
      periodEnd: iso(daysFromNow(150)),
      agreementDate: iso(daysFromNow(-58)),
      agreementText: "KBT gjennomfører en brukerevaluering med Bruker Spør Bruker, etter samme avtale som for andre tjenester i kommunen.",
      k: 5,
      phase: "interviews",
      createdBy: lead,
      createdAt: daysFromNow(-60),
    });
    await tx.insert(evaluationTeam).values([
      { projectId: ongoing, userId: lead, role: "lead" },
      { projectId: ongoing, userId: interviewer, role: "interviewer" },
      { projectId: ongoing, userId: second, role: "interviewer" },
    ]);
    const ongoingChanges: [Phase, Phase, number][] = [
      ["agreement", "theme_guide", -55],
      ["theme_guide", "recruitment", -40],
      ["recruitment", "interviews", -20],
    ];
    await tx.insert(evaluationPhaseChanges).values(ongoingChanges.map(([fromPhase, toPhase, days]) => ({ projectId: ongoing, fromPhase, toPhase, changedBy: lead, changedAt: daysFromNow(days) })));
    const ongoingSites = [
      { id: randomUUID(), name: "Aktivitetshuset", invited: 10, came: 5 },
      { id: randomUUID(), name: "Bo-oppfølgingen", invited: 7, came: null },
    ];
    await tx.insert(evaluationSites).values(ongoingSites.map((s, position) => ({ ...s, projectId: ongoing, position, recruitmentUpdatedBy: lead })));
    const guide = await demoGuide(tx, ongoing, lead, 6, daysFromNow(-10));
    await demoCodes(tx, ongoing, false);
    const sessionId = randomUUID();
    await tx.insert(evaluationSessions).values({
      id: sessionId,
      projectId: ongoing,
      siteId: ongoingSites[0]!.id,
      guideVersionId: guide.versionId,
      kind: "group",
      heldOn: iso(daysFromNow(-10)),
      participants: 5,
      createdBy: interviewer,
    });
    await tx.insert(evaluationSessionInterviewers).values([
      { sessionId, userId: interviewer },
      { sessionId, userId: second },
    ]);
    await tx.insert(evaluationNotes).values({
      sessionId,
      themeId: guide.themeIds.get("general_experience")!,
      text: "- Stedet er åpent og varmt, og man blir kjent med folk.\n- Kaffen og lunsjen betyr mye for flere.\n- Flere ønsket seg flere turer og aktiviteter ute.",
      updatedBy: interviewer,
    });
    return true;
  });
}

/** Version 1 of a guide from the template (bokmål), with its first `themes` themes; in use from `inUseAt`. */
async function demoGuide(tx: Db, projectId: string, createdBy: string, themes: number, inUseAt: Date) {
  const versionId = randomUUID();
  await tx.insert(evaluationGuideVersions).values({ id: versionId, projectId, number: 1, createdBy, inUseAt });
  const themeIds = new Map<string, string>();
  const chosen = themeGuideTemplate.slice(0, themes);
  await tx.insert(evaluationGuideThemes).values(
    chosen.map((t, position) => {
      const id = randomUUID();
      themeIds.set(t.id, id);
      return { id, versionId, position, title: t.title.nb, templateId: t.id };
    }),
  );
  await tx.insert(evaluationGuideQuestions).values(chosen.flatMap((t) => t.questions.map((q, position) => ({ themeId: themeIds.get(t.id)!, position, text: q.text.nb }))));
  return { versionId, themeIds };
}

/** The ten shipped codes in bokmål, and (for the finished project) one of the project's own: waiting time. */
async function demoCodes(tx: Db, projectId: string, withOwn: boolean) {
  const codeIds = new Map<string, string>();
  const rows: (typeof evaluationCodes.$inferInsert)[] = shippedCodes.map((c, position) => {
    const id = randomUUID();
    codeIds.set(c.id, id);
    return { id, projectId, shippedId: c.id, name: c.name.nb, description: c.description.nb, position };
  });
  if (withOwn) {
    const id = randomUUID();
    codeIds.set(own, id);
    rows.push({ id, projectId, shippedId: null, name: "Ventetid", description: "Hvor lenge brukerne venter: på første time, på svar og på telefonen.", position: rows.length });
  }
  await tx.insert(evaluationCodes).values(rows);
  return codeIds;
}
