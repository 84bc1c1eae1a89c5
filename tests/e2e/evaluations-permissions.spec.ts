import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { centreId, decodeHtml, Http, invitedPerson, logInAs, type Fields } from "./evaluation-actors";

/**
 * The permission matrix of Bruker Spør Bruker (issue 13, "Tests": every new route × role), over plain HTTP
 * against a real server: for every route under `evalueringer` in app/routes.ts and every role, the answer
 * to a GET and, where the route has an action, to a POST with a valid CSRF token and an intent that would
 * change something. A person who may not know a project exists gets 404, one who sees it but may not do
 * the thing 403, a visitor the log-in page (302). Refused answers never hold the demo's analysis-team note,
 * a session note, a PDF or an archive.
 *
 * The people, each relative to the project under test (the same person is the interviewer of one project
 * and "an interviewer of another project" of the other): the demo accounts, and four people who come in
 * through the app in beforeAll (invited, signed up, confirmed, accepted): a second coordinator of KBT who
 * leads nothing, a coordinator of Bikuben, a third interviewer and a second service contact of KBT. The
 * project lead picks the teams on the team page: the ongoing demo project gets Intervjuer Tre and
 * Tjeneste To and loses Intervjuer To, so each demo project has an interviewer and a service contact of
 * the other one. The route the permitted delete is tried on is a project this file creates itself, last.
 */

const relations = [
  "visitor",
  "participant",
  "administrator",
  "lead",
  "centreCoordinator",
  "otherCentreCoordinator",
  "interviewer",
  "otherInterviewer",
  "serviceContact",
  "otherServiceContact",
] as const;
type Relation = (typeof relations)[number];

/** Relations that know the project exists (a role on it, coordinator of its centre, administrator): 403, not 404, when refused. */
const knowsProject: readonly Relation[] = ["lead", "centreCoordinator", "interviewer", "serviceContact", "administrator"];
/** The analysis team: the only ones who may read notes. */
const analysisTeam: readonly Relation[] = ["lead", "interviewer"];
const coordinators: readonly Relation[] = ["lead", "centreCoordinator", "otherCentreCoordinator"];

type ProjectKey = "finished" | "ongoing" | "created";
type ProjectData = {
  key: ProjectKey;
  id: string;
  title: string;
  phase: string;
  /** What the delete page carries (`seen`): the project's revision and counts, read just before the posts. */
  stamp: string;
  sessionId: string;
  siteId: string;
  /** Who is who on this project. */
  people: Record<Relation, Http>;
};

const secretSentence = "Dette notatet er bare for analysegruppen.";
/** Lines of the demo projects' session notes, read from the interviewer's session pages in beforeAll. */
const noteLines = new Set<string>();

// ---------------------------------------------------------------------------------------------------------
// Expected answers

type Expected = number;
type Expect = (relation: Relation, project: ProjectData | null) => Expected;

/** A project page or action for `allowed`: 200 for them, 403 for the others who know the project, 404 for the rest. */
const onProject =
  (allowed: readonly Relation[]): Expect =>
  (r) =>
    r === "visitor" ? 302 : allowed.includes(r) ? 200 : knowsProject.includes(r) ? 403 : 404;
/** A page outside any project for logged-in `allowed` people (403 for other logged-in people). */
const loggedIn =
  (allowed: readonly Relation[] | "all"): Expect =>
  (r) =>
    r === "visitor" ? 302 : allowed === "all" || allowed.includes(r) ? 200 : 403;
/** Public: everyone, visitors included. */
const everyone =
  (status = 200): Expect =>
  () =>
    status;
/**
 * A report page or its PDF: the analysis team works on it (200, also before it is published); the service
 * contacts and the centre's coordinators read it (`report.read_published`): the page always, the PDF only
 * when published (the finished demo project has both reports published, the ongoing one none); the
 * administrator sees the project but not its reports (403).
 */
const reportRoute =
  (pdf: boolean): Expect =>
  (r, p) => {
    if (r === "visitor") return 302;
    if (analysisTeam.includes(r)) return 200;
    if (r === "serviceContact" || r === "centreCoordinator") return !pdf || p?.key === "finished" ? 200 : 404;
    return knowsProject.includes(r) ? 403 : 404;
  };

type GetCase = { label?: string; path: (p: ProjectData | null) => string; expect: Expect; body?: "html" | "pdf" | "json" };
type PostCase = {
  intent: string;
  expect: Expect;
  /** What a refused person sends: a change they must not be able to make. */
  refused: (p: ProjectData | null) => Fields;
  /** What a permitted person sends: authorised but harmless (an invalid value, a no-op); null: not sent. */
  permitted: ((p: ProjectData | null) => Fields) | null;
  /** The permitted answer: a status, and for a redirect where it goes. */
  ok: { status: number; location?: RegExp };
  /** Only on these projects (the delete only on the project this file created). */
  projects?: ProjectKey[];
};
type Row = {
  route: string;
  scope: "global" | "project";
  gets: GetCase[];
  posts?: PostCase[];
  projects?: ProjectKey[];
  /** A 404 page of the route's own (instead of the app's error page), told by this text. */
  ownNotFound?: string;
  /** Before the posts on a project (e.g. read what the page carries, as a browser would). */
  prepare?: (p: ProjectData) => Promise<void>;
};

const P = (p: ProjectData | null) => `/evalueringer/${p!.id}`;
const anyUuid = "00000000-0000-4000-8000-000000000000";

const matrix: Row[] = [
  // -- projects, team, guide, recruitment --
  { route: "evalueringer", scope: "global", gets: [{ path: () => "/evalueringer", expect: loggedIn("all") }] },
  {
    route: "evalueringer/ny",
    scope: "global",
    gets: [{ path: () => "/evalueringer/ny", expect: loggedIn(coordinators) }],
    posts: [
      {
        intent: "create a project",
        expect: loggedIn(coordinators),
        refused: () => ({ title: "Uvedkommendes prosjekt", serviceName: "Tjenesten", serviceKind: "dps", periodStart: "2026-01-01", leadId: anyUuid }),
        permitted: () => ({ title: "" }),
        ok: { status: 400 },
      },
    ],
  },
  {
    route: "evalueringer/:projectId",
    scope: "project",
    gets: [{ path: P, expect: onProject(knowsProject) }],
    posts: [{ intent: "change the phase", expect: onProject(["lead"]), refused: (p) => ({ to: p!.phase }), permitted: (p) => ({ to: p!.phase }), ok: { status: 409 } }],
  },
  {
    route: "evalueringer/:projectId/rediger",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/rediger`, expect: onProject(["lead"]) }],
    posts: [{ intent: "pick a directory service", expect: onProject(["lead"]), refused: () => ({ intent: "pick_service", serviceId: randomUUID() }), permitted: () => ({ intent: "pick_service", serviceId: randomUUID() }), ok: { status: 400 } }],
  },
  {
    route: "evalueringer/:projectId/team",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/team`, expect: onProject(["lead", "centreCoordinator"]) }],
    posts: [{ intent: "set the team", expect: onProject(["lead", "centreCoordinator"]), refused: () => ({ leadId: randomUUID() }), permitted: () => ({ leadId: randomUUID() }), ok: { status: 400 } }],
  },
  {
    route: "evalueringer/:projectId/temaguide",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/temaguide`, expect: onProject(["lead", "interviewer", "serviceContact"]) }],
    // The template into a guide that has themes: refused by the rule (400) once the permission is checked.
    posts: [{ intent: "start from the template", expect: onProject(["lead", "interviewer", "serviceContact"]), refused: () => ({ intent: "template" }), permitted: () => ({ intent: "template" }), ok: { status: 400 } }],
  },
  {
    route: "evalueringer/:projectId/temaguide/:version",
    scope: "project",
    gets: [
      { path: (p) => `${P(p)}/temaguide/1`, expect: onProject(["lead", "interviewer", "serviceContact"]) },
      { label: "a version that does not exist", path: (p) => `${P(p)}/temaguide/999`, expect: (r) => (r === "visitor" ? 302 : onProject(["lead", "interviewer", "serviceContact"])(r, null) === 200 ? 404 : onProject([])(r, null)) },
    ],
    posts: [{ intent: "add a theme to version 1", expect: onProject(["lead", "interviewer", "serviceContact"]), refused: () => ({ intent: "template" }), permitted: () => ({ intent: "template" }), ok: { status: 400 } }],
  },
  {
    route: "evalueringer/:projectId/rekruttering",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/rekruttering`, expect: onProject(["lead", "serviceContact"]) }],
    posts: [
      {
        intent: "save the numbers",
        expect: onProject(["lead", "serviceContact"]),
        refused: (p) => ({ site: p!.siteId, [`invited-${p!.siteId}`]: "30", [`came-${p!.siteId}`]: "20" }),
        permitted: () => ({}),
        ok: { status: 200 },
      },
    ],
  },
  {
    route: "evalueringer/:projectId/slett",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/slett`, expect: onProject(["lead", "centreCoordinator"]) }],
    posts: [
      {
        // On the demo projects the refused delete carries the real title but a stale page (`seen`), so a
        // wrongly permitted one is answered 409 and deletes nothing; the permitted one a wrong title (400).
        intent: "delete the project (from a stale page)",
        expect: onProject(["lead", "centreCoordinator"]),
        refused: (p) => ({ confirmTitle: p!.title, seen: "0-0" }),
        permitted: (p) => ({ confirmTitle: "Ikke prosjektets tittel", seen: p!.stamp }),
        ok: { status: 400 },
        projects: ["finished", "ongoing"],
      },
      {
        // On the project this file created: the real title and the page's real stamp, a delete that would
        // succeed. The permitted delete runs last, in its own test below.
        intent: "delete the project",
        expect: onProject(["lead", "centreCoordinator"]),
        refused: (p) => ({ confirmTitle: p!.title, seen: p!.stamp }),
        permitted: null,
        ok: { status: 302 },
        projects: ["created"],
      },
    ],
    prepare: readStamp,
    // Someone who may not know the project gets the delete page's own "not there (any more)" page.
    ownNotFound: "Evalueringen finnes ikke",
    projects: ["finished", "ongoing", "created"],
  },
  // -- sessions, analysis, codes --
  { route: "evalueringer/:projectId/intervju", scope: "project", gets: [{ path: (p) => `${P(p)}/intervju`, expect: onProject(analysisTeam) }] },
  {
    route: "evalueringer/:projectId/intervju/ny",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/intervju/ny`, expect: onProject(analysisTeam) }],
    // A date long before the project's period: the session rules answer 400 once the permission is checked.
    posts: [
      {
        intent: "record a session",
        expect: onProject(analysisTeam),
        refused: (p) => ({ kind: "group", heldOn: "1990-01-01", siteId: p!.siteId, participants: "5" }),
        permitted: (p) => ({ kind: "group", heldOn: "1990-01-01", siteId: p!.siteId, participants: "5" }),
        ok: { status: 400 },
      },
    ],
  },
  {
    route: "evalueringer/:projectId/intervju/:sessionId",
    scope: "project",
    gets: [
      { path: (p) => `${P(p)}/intervju/${p!.sessionId}`, expect: onProject(analysisTeam) },
      { label: "a session id of no session", path: (p) => `${P(p)}/intervju/${anyUuid}`, expect: (r) => (r === "visitor" ? 302 : onProject(analysisTeam)(r, null) === 200 ? 404 : onProject([])(r, null)) },
    ],
    posts: [
      {
        intent: "add a quote",
        expect: onProject(analysisTeam),
        refused: () => ({ intent: "quote", themeId: randomUUID(), text: "Et sitat fra en uvedkommende." }),
        permitted: () => ({ intent: "quote", themeId: randomUUID(), text: "Et sitat under et tema som ikke finnes." }),
        ok: { status: 400 },
      },
    ],
  },
  { route: "evalueringer/:projectId/analyse", scope: "project", gets: [{ path: (p) => `${P(p)}/analyse`, expect: onProject(analysisTeam) }] },
  {
    route: "evalueringer/:projectId/analyse/:sessionId",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/analyse/${p!.sessionId}`, expect: onProject(analysisTeam) }],
    posts: [
      {
        intent: "add a statement",
        expect: onProject(analysisTeam),
        refused: () => ({ intent: "save", "new-statement": "Et utsagn fra en uvedkommende." }),
        permitted: () => ({ intent: "save" }),
        ok: { status: 302, location: /\/analyse\/[0-9a-f-]{36}\?lagret=1$/ },
      },
    ],
  },
  {
    route: "evalueringer/:projectId/koder",
    scope: "project",
    gets: [{ path: (p) => `${P(p)}/koder`, expect: onProject(analysisTeam) }],
    posts: [
      {
        intent: "add a code",
        expect: onProject(analysisTeam),
        refused: () => ({ intent: "add", name: "Kode fra en uvedkommende", description: "" }),
        // The shipped codes are all there already: nothing to add.
        permitted: () => ({ intent: "shipped" }),
        ok: { status: 302, location: /\/koder\?lagret=1$/ },
      },
    ],
  },
  // -- reports, public reports, export --
  { route: "evalueringer/rapporter", scope: "global", gets: [{ path: () => "/evalueringer/rapporter", expect: everyone() }] },
  {
    route: "evalueringer/rapporter/:reportId",
    scope: "global",
    gets: [
      { label: "the public final report", path: () => `/evalueringer/rapporter/${publicReportId}`, expect: everyone() },
      { label: "no such report", path: () => `/evalueringer/rapporter/${anyUuid}`, expect: everyone(404) },
    ],
  },
  {
    route: "evalueringer/rapporter/:reportId/pdf",
    scope: "global",
    gets: [
      { label: "the public final report", path: () => `/evalueringer/rapporter/${publicReportId}/pdf`, expect: everyone(), body: "pdf" },
      { label: "no such report", path: () => `/evalueringer/rapporter/${anyUuid}/pdf`, expect: everyone(404), body: "pdf" },
    ],
  },
  ...(["prosessrapport", "sluttrapport"] as const).flatMap((kind): Row[] => [
    {
      route: `evalueringer/:projectId/${kind}`,
      scope: "project",
      gets: [{ path: (p) => `${P(p)}/${kind}`, expect: reportRoute(false) }],
      posts: [
        {
          intent: "remove a chosen quote",
          expect: onProject(analysisTeam),
          refused: () => ({ intent: "remove_quote", quoteId: randomUUID() }),
          permitted: () => ({ intent: "remove_quote", quoteId: randomUUID() }),
          ok: { status: 302, location: new RegExp(`/${kind}\\?sitat=1#quote-`) },
        },
        {
          intent: "publish",
          expect: onProject(["lead"]),
          refused: () => ({ intent: "publish", public: "1" }),
          // Never publish or withdraw the demo's reports: an invalid value, answered 400 by the form check.
          permitted: () => ({ intent: "publish", public: "ja" }),
          ok: { status: 400 },
        },
      ],
    },
    { route: `evalueringer/:projectId/${kind}/pdf`, scope: "project", gets: [{ path: (p) => `${P(p)}/${kind}/pdf`, expect: reportRoute(true), body: "pdf" }] },
  ]),
  // -- archive export and import --
  {
    route: "evalueringer/importer",
    scope: "global",
    gets: [{ path: () => "/evalueringer/importer", expect: loggedIn(coordinators) }],
    posts: [{ intent: "read in an archive", expect: loggedIn(coordinators), refused: () => ({ centreId: kbtId }), permitted: () => ({}), ok: { status: 400 } }],
  },
  { route: "evalueringer/:projectId/eksport", scope: "project", gets: [{ path: (p) => `${P(p)}/eksport`, expect: onProject(analysisTeam), body: "json" }] },
];

// ---------------------------------------------------------------------------------------------------------
// The people and the projects

let publicReportId = "";
let kbtId = "";
const projects = {} as Record<ProjectKey, ProjectData>;
let visitorPeople: Record<Relation, Http>;

const createdTitle = "Prosjekt som skal slettes";
const demoTitles = { finished: "Bruker Spør Bruker ved DPS Fjordbyen, poliklinikk", ongoing: "Bruker Spør Bruker ved Aktivitetshuset i Fjordbyen kommune" };

function projectIdByTitle(html: string, title: string): string {
  const id = new RegExp(`href="/evalueringer/([0-9a-f-]{36})"[^>]*>${title}<`).exec(html)?.[1];
  if (!id) throw new Error(`no project «${title}» on the list`);
  return id;
}

/** The people of a team page's select: name → user id. */
function peopleOn(html: string): Map<string, string> {
  return new Map([...html.matchAll(/<option value="([0-9a-f-]{36})"[^>]*>([^<]+)<\/option>/g)].map((m) => [decodeHtml(m[2]!), m[1]!]));
}

function noteTexts(html: string): string[] {
  return [...html.matchAll(/<textarea[^>]*name="note-[0-9a-f-]{36}"[^>]*>([^<]*)<\/textarea>/g)].map((m) => decodeHtml(m[1]!));
}

beforeAll(async () => {
  const visitor = new Http("visitor");
  const [koordinator, admin, deltaker, intervjuer, intervjuer2, tjeneste] = await Promise.all(
    ["koordinator", "admin", "deltaker", "intervjuer", "intervjuer2", "tjeneste"].map((name) => logInAs(`${name}@example.org`)),
  );
  kbtId = await centreId(koordinator!, "KBT");
  const bikuben = await centreId(koordinator!, "Bikuben");
  const [koordinator2, bikubenKoordinator, intervjuer3, tjeneste2] = await Promise.all([
    invitedPerson(koordinator!, kbtId, { name: "Koordinator To", email: "koordinator2@example.org", roles: ["coordinator"] }),
    invitedPerson(admin!, bikuben, { name: "Koordinator Bikuben", email: "koordinator.bikuben@example.org", roles: ["coordinator"] }),
    invitedPerson(koordinator!, kbtId, { name: "Intervjuer Tre", email: "intervjuer3@example.org", roles: ["interviewer"] }),
    invitedPerson(koordinator!, kbtId, { name: "Tjeneste To", email: "tjeneste2@example.org", roles: ["service_contact"] }),
  ]);

  const list = await koordinator!.html("/evalueringer");
  const finishedId = projectIdByTitle(list, demoTitles.finished);
  const ongoingId = projectIdByTitle(list, demoTitles.ongoing);
  const ids = peopleOn(await koordinator!.html(`/evalueringer/${ongoingId}/team`));
  const idOf = (name: string) => {
    const id = ids.get(name);
    if (!id) throw new Error(`${name} is not on the team page's list of KBT's people: ${[...ids.keys()].join(", ")}`);
    return id;
  };
  // The ongoing project: Intervjuer Tre and Tjeneste To join, Intervjuer To leaves.
  const team = await koordinator!.post(`/evalueringer/${ongoingId}/team`, {
    leadId: idOf("Koordinator Demo"),
    interviewers: [idOf("Intervjuer Demo"), idOf("Intervjuer Tre")],
    serviceContacts: [idOf("Tjeneste To")],
  });
  expect(team.status, "the lead sets the ongoing project's team").toBe(200);
  // A project of this file's own for the delete: the same team as the finished demo project.
  const created = await koordinator!.post("/evalueringer/ny", {
    title: createdTitle,
    serviceName: "Tjenesten som ble evaluert",
    serviceKind: "dps",
    periodStart: "2026-01-01",
    leadId: idOf("Koordinator Demo"),
  });
  expect(created.status, "the coordinator creates a project").toBe(302);
  const createdId = /^\/evalueringer\/([0-9a-f-]{36})$/.exec(created.headers.get("location") ?? "")?.[1];
  expect(createdId, `the new project's address: ${created.headers.get("location")}`).toBeTruthy();
  const createdTeam = await koordinator!.post(`/evalueringer/${createdId}/team`, { leadId: idOf("Koordinator Demo"), interviewers: [idOf("Intervjuer Demo")], serviceContacts: [idOf("Tjeneste Demo")] });
  expect(createdTeam.status, "the lead sets the created project's team").toBe(200);

  const common = { visitor, participant: deltaker!, administrator: admin!, lead: koordinator!, centreCoordinator: koordinator2, otherCentreCoordinator: bikubenKoordinator };
  const finishedPeople: Record<Relation, Http> = { ...common, interviewer: intervjuer!, otherInterviewer: intervjuer3, serviceContact: tjeneste!, otherServiceContact: tjeneste2 };
  const ongoingPeople: Record<Relation, Http> = { ...common, interviewer: intervjuer!, otherInterviewer: intervjuer2!, serviceContact: tjeneste2, otherServiceContact: tjeneste! };
  visitorPeople = finishedPeople;

  for (const [key, id, phase, people] of [
    ["finished", finishedId, "follow_up", finishedPeople],
    ["ongoing", ongoingId, "interviews", ongoingPeople],
  ] as const) {
    const sessions = [...new Set([...(await koordinator!.html(`/evalueringer/${id}/intervju`)).matchAll(new RegExp(`/evalueringer/${id}/intervju/([0-9a-f-]{36})`, "g"))].map((m) => m[1]!))];
    expect(sessions.length, `${key}: sessions on the list`).toBeGreaterThan(0);
    // The session whose note holds the analysis team's sentence (the finished project), else the first.
    let sessionId = sessions[0]!;
    const pages = await Promise.all(sessions.map(async (s) => ({ s, notes: noteTexts(await intervjuer!.html(`/evalueringer/${id}/intervju/${s}`)) })));
    for (const { s, notes } of pages) {
      for (const note of notes) for (const line of note.split("\n")) if (line.replace(/^[-\s]+/, "").length >= 25) noteLines.add(line.replace(/^[-\s]+/, "").trim());
      if (notes.some((n) => n.includes(secretSentence))) sessionId = s;
    }
    const siteId = /name="site" value="([0-9a-f-]{36})"/.exec(await koordinator!.html(`/evalueringer/${id}/rekruttering`))?.[1];
    expect(siteId, `${key}: a site on the recruitment page`).toBeTruthy();
    projects[key] = { key, id, title: demoTitles[key], phase, stamp: "", sessionId, siteId: siteId!, people };
  }
  expect(noteLines.has(secretSentence), "the demo's analysis-team sentence is in a note the interviewer reads").toBe(true);
  expect(noteLines.size, "note lines read from the interviewer's session pages").toBeGreaterThan(10);
  projects.created = { ...projects.finished, key: "created", id: createdId!, title: createdTitle, phase: "agreement" };

  const reports = await visitor.html("/evalueringer/rapporter");
  publicReportId = /href="\/evalueringer\/rapporter\/([0-9a-f-]{36})"/.exec(reports)?.[1] ?? "";
  expect(publicReportId, "the demo's public final report is listed").toBeTruthy();
}, 120_000);

/** The delete page's `seen` stamp, as the lead's browser has it. */
async function readStamp(p: ProjectData) {
  const html = await p.people.lead.html(`${P(p)}/slett`);
  const stamp = /name="seen" value="([^"]+)"/.exec(html)?.[1];
  if (!stamp) throw new Error(`no seen stamp on ${P(p)}/slett`);
  p.stamp = stamp;
}

// ---------------------------------------------------------------------------------------------------------
// Checking one answer

type Outcome = { failures: string[] };

function leaks(body: string): string | undefined {
  if (body.includes(secretSentence)) return `the analysis team's sentence «${secretSentence}»`;
  for (const line of noteLines) if (body.includes(line)) return `the session note text «${line}»`;
  return undefined;
}

async function checkAnswer(
  out: Outcome,
  what: string,
  relation: Relation,
  res: Response,
  expected: { status: number; location?: RegExp },
  kind: GetCase["body"] = "html",
  ownNotFound?: string,
) {
  const body = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get("content-type") ?? "";
  const got = `${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}`;
  if (res.status !== expected.status) {
    out.failures.push(`${what}: expected ${expected.status}, got ${got}`);
    return;
  }
  if (res.status === 302) {
    const location = res.headers.get("location") ?? "";
    const wanted = expected.location ?? (relation === "visitor" ? /^\/logg-inn\?redirectTo=/ : undefined);
    if (wanted && !wanted.test(location)) out.failures.push(`${what}: expected a redirect to ${wanted}, got ${location}`);
    if (relation !== "visitor" && location.startsWith("/logg-inn")) out.failures.push(`${what}: a logged-in person was sent to log in (${location})`);
    return;
  }
  const refused = res.status === 403 || res.status === 404;
  const text = body.toString("utf8");
  if (refused || kind === "html" || !analysisTeam.includes(relation)) {
    if (type.includes("application/pdf") || body.subarray(0, 5).toString() === "%PDF-") {
      if (refused) out.failures.push(`${what}: refused with ${res.status} but the body is a PDF`);
    } else {
      const leak = leaks(text);
      // The analysis team reads its notes; nobody else anywhere, and nobody on a refused page.
      if (leak && (refused || !analysisTeam.includes(relation))) out.failures.push(`${what}: ${res.status} answer holds ${leak}`);
    }
  }
  if (refused) {
    if (!type.startsWith("text/html")) out.failures.push(`${what}: refused with ${res.status} as ${type} (${JSON.stringify(text.slice(0, 60))}), not the friendly HTML page`);
    if (text.includes('"format"')) out.failures.push(`${what}: refused with ${res.status} but the body looks like an archive`);
    // The app's friendly error page (components/error-page.tsx), or the route's own 404 page.
    const friendly = text.includes(`data-status="${res.status}"`) || (res.status === 404 && ownNotFound !== undefined && text.includes(ownNotFound));
    if (type.startsWith("text/html") && !friendly) out.failures.push(`${what}: refused with ${res.status} but not with the error page`);
    return;
  }
  if (res.status === 200 && kind === "pdf") {
    if (!type.startsWith("application/pdf") || body.subarray(0, 5).toString() !== "%PDF-") out.failures.push(`${what}: 200 but not a PDF (${type})`);
  }
  if (res.status === 200 && kind === "json") {
    let format: unknown;
    try {
      format = (JSON.parse(text) as { format?: unknown }).format;
    } catch {
      format = undefined;
    }
    if (format !== "knutepunkt-evaluation") out.failures.push(`${what}: 200 but not a project archive (${type})`);
  }
}

const who = (relation: Relation, http: Http) => `${relation} (${http.label})`;

async function runRow(row: Row, only?: ProjectKey[]) {
  const out: Outcome = { failures: [] };
  const targets: (ProjectData | null)[] = row.scope === "global" ? [null] : (only ?? row.projects ?? ["finished", "ongoing"]).map((k) => projects[k]);
  for (const project of targets) {
    const people = project?.people ?? visitorPeople;
    const where = project ? ` [${project.key} project]` : "";
    // GETs first (the team's report page creates a report not yet there), all people at once.
    await Promise.all(
      row.gets.flatMap((g) =>
        relations.map(async (relation) => {
          const http = people[relation];
          const url = g.path(project);
          const res = await http.get(url);
          await checkAnswer(out, `GET ${row.route}${g.label ? ` (${g.label})` : ""}${where} as ${who(relation, http)} — ${url}`, relation, res, { status: g.expect(relation, project) }, g.body, row.ownNotFound);
        }),
      ),
    );
    if (project && row.prepare && row.posts?.length) await row.prepare(project);
    for (const post of row.posts ?? []) {
      if (post.projects && (!project || !post.projects.includes(project.key))) continue;
      await Promise.all(
        relations.map(async (relation) => {
          const http = people[relation];
          const expected = post.expect(relation, project);
          const permitted = expected === 200;
          if (permitted && !post.permitted) return;
          const url = row.gets[0]!.path(project);
          const res = await http.post(url, permitted ? post.permitted!(project) : post.refused(project));
          await checkAnswer(out, `POST ${row.route} (${post.intent})${where} as ${who(relation, http)} — ${url}`, relation, res, permitted ? post.ok : { status: expected }, "html", row.ownNotFound);
        }),
      );
    }
  }
  return out.failures;
}

// ---------------------------------------------------------------------------------------------------------

const root = path.resolve(import.meta.dirname, "../..");

describe("Bruker Spør Bruker: every route × every role over HTTP", () => {
  it("has a row for every route under evalueringer in app/routes.ts, and no row for a route that is not there", () => {
    const source = fs.readFileSync(path.join(root, "app/routes.ts"), "utf8");
    const routes = [...source.matchAll(/route\(\s*"(evalueringer(?:\/[^"]*)?)"/g)].map((m) => m[1]!);
    expect(routes.length, "routes under evalueringer in app/routes.ts").toBeGreaterThan(20);
    const rows = matrix.map((r) => r.route);
    expect(
      routes.filter((r) => !rows.includes(r)),
      "routes in app/routes.ts with no row in this matrix",
    ).toEqual([]);
    expect(
      rows.filter((r) => !routes.includes(r)),
      "rows of this matrix whose route is not in app/routes.ts",
    ).toEqual([]);
    expect(new Set(rows).size, "one row per route").toBe(rows.length);
  });

  it("reads the analysis team's note as the project's interviewer and lead (so the checks below can fail)", async () => {
    const p = projects.finished;
    for (const relation of ["interviewer", "lead"] as const) {
      const body = await (await p.people[relation].get(`${P(p)}/intervju/${p.sessionId}`)).text();
      expect(body, relation).toContain(secretSentence);
    }
  });

  it("answers React Router's data requests (.data) of a session's page as it answers the page: the note only for the analysis team", async () => {
    const p = projects.finished;
    const url = `${P(p)}/intervju/${p.sessionId}.data`;
    const wrong: string[] = [];
    await Promise.all(
      relations.map(async (relation) => {
        const http = p.people[relation];
        const res = await http.get(url);
        const body = await res.text();
        // Single fetch answers a redirect (the visitor's log-in) with 202 and the redirect in the body.
        const expected = relation === "visitor" ? 202 : onProject(analysisTeam)(relation, p);
        if (res.status !== expected) wrong.push(`GET ${url} as ${who(relation, http)}: expected ${expected}, got ${res.status}`);
        if (relation === "visitor" && !body.includes("/logg-inn")) wrong.push(`GET ${url} as visitor: not sent to log in`);
        const holds = body.includes(secretSentence);
        if (holds !== analysisTeam.includes(relation)) wrong.push(`GET ${url} as ${who(relation, http)} (${res.status}): ${holds ? "holds" : "does not hold"} the analysis team's note`);
      }),
    );
    expect(wrong, "the session page's .data answers").toEqual([]);
  });

  for (const row of matrix) {
    it(`${row.route}`, async () => {
      const failures = await runRow(row);
      expect(failures, `${row.route}: ${failures.length} wrong answers`).toEqual([]);
    });
  }

  it("answers a POST to every route with no POST row with 405 (a route that gains an action needs its POST row here)", async () => {
    const wrong: string[] = [];
    const lead = projects.finished.people.lead;
    await Promise.all(
      matrix
        .filter((row) => !row.posts?.length)
        .flatMap((row) => row.gets.slice(0, 1))
        .map(async (g) => {
          const url = g.path(projects.finished);
          const res = await lead.post(url, { intent: "save" });
          if (res.status !== 405) wrong.push(`POST ${url} as ${who("lead", lead)}: expected 405, got ${res.status}`);
        }),
    );
    expect(wrong).toEqual([]);
  });

  it("evalueringer/:projectId/slett: a coordinator of the project's centre who is not its lead deletes the project this file created", async () => {
    const p = projects.created;
    const coordinator = p.people.centreCoordinator;
    await readStamp(p);
    const res = await coordinator.post(`${P(p)}/slett`, { confirmTitle: p.title, seen: p.stamp });
    expect(res.status, `POST ${P(p)}/slett as ${who("centreCoordinator", coordinator)}`).toBe(302);
    expect(res.headers.get("location"), "back to the project list, which says it was deleted").toBe("/evalueringer?slettet=1");
    expect((await p.people.lead.get(P(p))).status, "the deleted project is gone for its lead").toBe(404);
    expect((await coordinator.get(`${P(p)}/slett`)).status, "its delete page says it is gone").toBe(404);
    // The demo projects are still there.
    for (const key of ["finished", "ongoing"] as const) expect((await projects[key].people.lead.get(P(projects[key]))).status, key).toBe(200);
  });
});
