// A made-up evaluation for benchmarks (issue 13, "Performance"): `tsx scripts/generate-evaluation.ts 200 20000`
// adds one project at KBT with 200 sessions and 20,000 coded statements, led by the demo coordinator, with the
// demo service contact on it and a published final report. Uses the server's configuration (DATABASE_URL or
// DATA_DIR); migrates and loads demo data first if empty. Never run it against a real installation.
// The generator and the raw aggregates are exported for the bench and tests; it runs as a script only when run directly.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../app/db/client.server";
import { users } from "../app/modules/accounts/accounts.schema";
import { centres } from "../app/modules/centres/centres.schema";
import { shippedCodes, themeGuideTemplate } from "../app/modules/evaluations/codebook";
import {
  evaluationCodes,
  evaluationCodings,
  evaluationGuideQuestions,
  evaluationGuideThemes,
  evaluationGuideVersions,
  evaluationNotes,
  evaluationProjects,
  evaluationQuotes,
  evaluationReportQuotes,
  evaluationReports,
  evaluationReportSections,
  evaluationSessionInterviewers,
  evaluationSessions,
  evaluationSites,
  evaluationStatements,
  evaluationTeam,
} from "../app/modules/evaluations/evaluations.schema";
import { polarities } from "../app/modules/evaluations/evaluations";

let seed = 13;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

const phrases = [
  "Jeg ble møtt med respekt første gang jeg kom",
  "Det var vanskelig å få vite når neste time var",
  "Personalet tok seg tid til å høre på meg",
  "Jeg ønsker meg faste kontaktpersoner",
  "Ventetiden på telefonen var lang",
  "Det hjalp å få være med på å bestemme",
  "Aktivitetene på dagtid ga meg noe å stå opp til",
  "Samarbeidet med kommunen fungerte dårlig",
  "Det burde være mulig å ta med pårørende",
  "Jeg fikk håp om at ting kan bli bedre",
];

/** Inserts in batches that stay well under PostgreSQL's 65,535 parameters per statement. */
async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>, size = 1000) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * One project with `sessionCount` sessions (every tenth an individual interview) over five sites and
 * `statementCount` statements spread evenly over the sessions, each under one or two of the ten shipped codes
 * with a polarity; a published, public final report with five chosen quotes. The same rows for the same counts.
 */
export async function generateEvaluation(db: Db, sessionCount: number, statementCount: number): Promise<{ projectId: string; finalReportId: string }> {
  const [kbt] = await db.select({ id: centres.id }).from(centres).where(eq(centres.shortName, "KBT"));
  const people = await db.select({ id: users.id, email: users.email }).from(users);
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const lead = idOf("koordinator@example.org");
  const interviewer = idOf("intervjuer@example.org");
  const contact = idOf("tjeneste@example.org");
  if (!kbt || !lead || !interviewer || !contact) throw new Error("No demo centre and accounts: run with DEMO=1 on an empty database");
  const projectId = randomUUID();
  await db.insert(evaluationProjects).values({
    id: projectId,
    centreId: kbt.id,
    title: `Benchmark-evaluering (generert, ${sessionCount} intervjuer)`,
    serviceName: "Generert tjeneste for benchmark",
    serviceKind: "dps",
    purpose: "Generert for benchmark.",
    periodStart: "2026-01-01",
    periodEnd: "2026-12-31",
    agreementDate: "2026-01-01",
    agreementText: "Generert.",
    phase: "final_report",
    createdBy: lead,
  });
  await db.insert(evaluationTeam).values([
    { projectId, userId: lead, role: "lead" },
    { projectId, userId: interviewer, role: "interviewer" },
    { projectId, userId: contact, role: "service_contact" },
  ]);
  const sites = ["Døgnpost", "Poliklinikk", "Ambulant team", "Dagtilbud", "Rus-team"].map((name, position) => ({ id: randomUUID(), projectId, name, position, invited: 60, came: 45 }));
  await db.insert(evaluationSites).values(sites);
  const versionId = randomUUID();
  await db.insert(evaluationGuideVersions).values({ id: versionId, projectId, number: 1, createdBy: lead, inUseAt: new Date() });
  const themes = themeGuideTemplate.map((t, position) => ({ id: randomUUID(), versionId, position, title: t.title.nb, templateId: t.id }));
  await db.insert(evaluationGuideThemes).values(themes);
  await db.insert(evaluationGuideQuestions).values(themeGuideTemplate.flatMap((t, i) => t.questions.map((q, position) => ({ themeId: themes[i]!.id, position, text: q.text.nb }))));
  const codes = shippedCodes.map((c, position) => ({ id: randomUUID(), projectId, shippedId: c.id, name: c.name.nb, description: c.description.nb, position }));
  await db.insert(evaluationCodes).values(codes);

  const sessions = Array.from({ length: sessionCount }, (_, i) => {
    const individual = i % 10 === 9;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    return {
      id: randomUUID(),
      projectId,
      siteId: sites[i % sites.length]!.id,
      guideVersionId: versionId,
      kind: individual ? "individual" : "group",
      heldOn: `2026-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      participants: individual ? 1 : 3 + Math.floor(random() * 5),
      round: 1 + Math.floor((i * 2) / sessionCount),
      createdBy: lead,
    };
  });
  await insertAll(sessions, (b) => db.insert(evaluationSessions).values(b));
  await insertAll(
    sessions.map((s) => ({ sessionId: s.id, userId: interviewer })),
    (b) => db.insert(evaluationSessionInterviewers).values(b),
  );
  // One note per session (under the first theme), holding its statements one per line, as an interviewer writes them.
  const perSession = Math.ceil(statementCount / Math.max(1, sessionCount));
  const statements: (typeof evaluationStatements.$inferInsert)[] = [];
  const notes: (typeof evaluationNotes.$inferInsert)[] = [];
  for (const [i, s] of sessions.entries()) {
    const lines: string[] = [];
    for (let j = 0; j < perSession && statements.length < statementCount; j++) {
      const text = `${pick(phrases)} (${i + 1}.${j + 1}).`;
      lines.push(text);
      statements.push({ id: randomUUID(), projectId, sessionId: s.id, position: j, text, polarity: pick(polarities) });
    }
    const noteId = randomUUID();
    notes.push({ id: noteId, sessionId: s.id, themeId: themes[0]!.id, text: lines.join("\n").slice(0, 20_000), updatedBy: interviewer });
    for (const st of statements.slice(statements.length - lines.length)) st.noteId = noteId;
  }
  await insertAll(notes, (b) => db.insert(evaluationNotes).values(b), 100);
  await insertAll(statements, (b) => db.insert(evaluationStatements).values(b));
  const codings = statements.flatMap((st, i) => {
    const first = codes[i % codes.length]!;
    const second = i % 3 === 0 ? codes[(i * 7 + 3) % codes.length]! : null;
    const row = (c: typeof first) => ({ statementId: st.id!, codeId: c.id, projectId, sessionId: st.sessionId });
    return second && second.id !== first.id ? [row(first), row(second)] : [row(first)];
  });
  await insertAll(codings, (b) => db.insert(evaluationCodings).values(b));

  const quotes = sessions.slice(0, 5).map((s, position) => ({ id: randomUUID(), sessionId: s.id, themeId: themes[position]!.id, text: `${phrases[position]}.`, position }));
  await db.insert(evaluationQuotes).values(quotes);
  const finalReportId = randomUUID();
  await db.insert(evaluationReports).values({ id: finalReportId, projectId, kind: "final", publishedAt: new Date(), publishedBy: lead, public: true });
  await db.insert(evaluationReportSections).values(
    ["background", "purpose", "method", "participants", "findings", "suggestions"].map((key, position) => ({
      reportId: finalReportId,
      key,
      position,
      title: key,
      body: "Generert tekst for benchmark. ".repeat(20),
    })),
  );
  await db.insert(evaluationReportQuotes).values(quotes.map((q, position) => ({ reportId: finalReportId, quoteId: q.id, codeId: codes[position]!.id, position })));
  await db.execute(sql`analyze`);
  return { projectId, finalReportId };
}

/**
 * The figures per code as raw SQL, for the bench's "page ÷ raw SQL" ratio: for the analysis team, every
 * code's statements, polarity, sessions and participants; for everyone outside it, the same through the k
 * rule's view (drizzle/0008).
 */
export const rawFigures = {
  team: (projectId: string) => sql`
    with per_session as (
      select c.code_id, c.session_id, count(*) as statements,
             count(*) filter (where c.polarity = 'positive') as positive,
             count(*) filter (where c.polarity = 'negative') as negative,
             count(*) filter (where c.polarity = 'suggestion') as suggestion
      from evaluation_codings c
      where c.project_id = ${projectId}
      group by c.code_id, c.session_id)
    select ps.code_id, sum(ps.statements) as statements, sum(ps.positive) as positive, sum(ps.negative) as negative,
           sum(ps.suggestion) as suggestion, count(*) as sessions, sum(ses.participants) as participants
    from per_session ps join evaluation_sessions ses on ses.id = ps.session_id
    group by ps.code_id`,
  outside: (projectId: string) => sql`select * from evaluation_code_figures_outside where project_id = ${projectId}`,
};

/** Runs each raw aggregate `times` times, one after another: median and p95 in ms (the bench's "raw SQL" floor). */
export async function timeRawFigures(db: Db, projectId: string, times = 30) {
  const result: Record<string, { p50: number; p95: number }> = {};
  for (const [name, query] of Object.entries(rawFigures)) {
    const ms: number[] = [];
    for (let i = 0; i < times + 3; i++) {
      const t0 = performance.now();
      await db.execute(query(projectId));
      if (i >= 3) ms.push(performance.now() - t0); // the first three warm the cache and the plan
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.floor((q / 100) * ms.length))]! * 100) / 100;
    result[name] = { p50: at(50), p95: at(95) };
  }
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { startServices, stopServices } = await import("../app/lib/services.server");
  const sessionCount = Number(process.argv[2] ?? 200);
  const statementCount = Number(process.argv[3] ?? 20_000);
  const services = await startServices(process.env);
  try {
    const started = Date.now();
    const { projectId, finalReportId } = await generateEvaluation(services.db, sessionCount, statementCount);
    console.log(`evaluation ${projectId}: ${sessionCount} sessions, ${statementCount} statements in ${Date.now() - started} ms`);
    // For the bench: one line of JSON with the ids and the raw aggregates' times on this database.
    if (process.argv.includes("--time-raw")) console.log(`RESULT ${JSON.stringify({ projectId, finalReportId, raw: await timeRawFigures(services.db, projectId) })}`);
  } finally {
    await stopServices();
  }
}
