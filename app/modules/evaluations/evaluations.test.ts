import { describe, expect, it } from "vitest";
import {
  applyKRule,
  checkPhaseChange,
  defaultK,
  effectiveK,
  interviewerProblem,
  isAnalysisTeam,
  isIsoDate,
  isPhase,
  kProblem,
  mayShowOutsideTeam,
  minK,
  missingFor,
  nextPhase,
  participantCountProblem,
  participantsBehind,
  periodProblem,
  phases,
  projectActions,
  projectCan,
  sessionDateProblem,
  splitStatements,
  type Phase,
  type ProjectAction,
  type ProjectAccessRole,
  projectAccessRoles,
  type ProjectState,
  type SessionKind,
} from "./evaluations";

/** A project that has everything: every forward step is allowed. */
const full = (phase: Phase, changes: Partial<ProjectState> = {}): ProjectState => ({
  phase,
  agreementRecorded: true,
  sites: 2,
  interviewers: 2,
  guideThemesWithQuestions: 10,
  sessions: 5,
  analysedSessions: 5,
  processReportPublished: true,
  dialogueConferenceHeld: true,
  finalReportPublished: true,
  ...changes,
});
/** A project that has nothing yet. */
const empty = (phase: Phase): ProjectState => ({
  phase,
  agreementRecorded: false,
  sites: 0,
  interviewers: 0,
  guideThemesWithQuestions: 0,
  sessions: 0,
  analysedSessions: 0,
  processReportPublished: false,
  dialogueConferenceHeld: false,
  finalReportPublished: false,
});

describe("phases", () => {
  it("are the ten BSB phases in order, from agreement to closed", () => {
    expect(phases).toEqual([
      "agreement",
      "theme_guide",
      "recruitment",
      "interviews",
      "analysis",
      "process_report",
      "dialogue_conference",
      "final_report",
      "follow_up",
      "closed",
    ]);
    expect(nextPhase("agreement")).toBe("theme_guide");
    expect(nextPhase("follow_up")).toBe("closed");
    expect(nextPhase("closed")).toBeNull();
    expect(isPhase("analysis")).toBe(true);
    expect(isPhase("analyse")).toBe(false);
    expect(isPhase(undefined)).toBe(false);
  });

  it.each<[Phase, Phase, Partial<ProjectState>, ReturnType<typeof checkPhaseChange>]>([
    // Forward one phase, with what it needs
    ["agreement", "theme_guide", {}, { ok: true, direction: "forward" }],
    ["theme_guide", "recruitment", {}, { ok: true, direction: "forward" }],
    ["recruitment", "interviews", {}, { ok: true, direction: "forward" }],
    ["interviews", "analysis", {}, { ok: true, direction: "forward" }],
    ["analysis", "process_report", {}, { ok: true, direction: "forward" }],
    ["process_report", "dialogue_conference", {}, { ok: true, direction: "forward" }],
    ["dialogue_conference", "final_report", {}, { ok: true, direction: "forward" }],
    ["final_report", "follow_up", {}, { ok: true, direction: "forward" }],
    ["follow_up", "closed", {}, { ok: true, direction: "forward" }],
    // Forward one phase, something missing
    ["agreement", "theme_guide", { agreementRecorded: false }, { ok: false, reasons: ["evaluations.phase.needs.agreement"] }],
    ["agreement", "theme_guide", { sites: 0 }, { ok: false, reasons: ["evaluations.phase.needs.site"] }],
    [
      "agreement",
      "theme_guide",
      { agreementRecorded: false, sites: 0 },
      { ok: false, reasons: ["evaluations.phase.needs.agreement", "evaluations.phase.needs.site"] },
    ],
    ["theme_guide", "recruitment", { guideThemesWithQuestions: 0 }, { ok: false, reasons: ["evaluations.phase.needs.guide_theme"] }],
    ["recruitment", "interviews", { interviewers: 0 }, { ok: false, reasons: ["evaluations.phase.needs.interviewer"] }],
    ["recruitment", "interviews", { guideThemesWithQuestions: 0 }, { ok: false, reasons: ["evaluations.phase.needs.guide_theme"] }],
    ["interviews", "analysis", { sessions: 0, analysedSessions: 0 }, { ok: false, reasons: ["evaluations.phase.needs.session"] }],
    ["analysis", "process_report", { analysedSessions: 0 }, { ok: false, reasons: ["evaluations.phase.needs.analysed_session"] }],
    ["process_report", "dialogue_conference", { processReportPublished: false }, { ok: false, reasons: ["evaluations.phase.needs.process_report_published"] }],
    ["dialogue_conference", "final_report", { dialogueConferenceHeld: false }, { ok: false, reasons: ["evaluations.phase.needs.dialogue_conference_held"] }],
    ["final_report", "follow_up", { finalReportPublished: false }, { ok: false, reasons: ["evaluations.phase.needs.final_report_published"] }],
    // A phase skipped: refused even when everything is there
    ["agreement", "recruitment", {}, { ok: false, reasons: ["evaluations.phase.error.skipped"] }],
    ["interviews", "process_report", {}, { ok: false, reasons: ["evaluations.phase.error.skipped"] }],
    ["agreement", "closed", {}, { ok: false, reasons: ["evaluations.phase.error.skipped"] }],
    ["analysis", "final_report", {}, { ok: false, reasons: ["evaluations.phase.error.skipped"] }],
    // The same phase
    ["analysis", "analysis", {}, { ok: false, reasons: ["evaluations.phase.error.same"] }],
    // Back: any number of phases, without requirements
    ["analysis", "interviews", { sessions: 0 }, { ok: true, direction: "back" }],
    ["closed", "follow_up", {}, { ok: true, direction: "back" }],
    ["closed", "agreement", { agreementRecorded: false }, { ok: true, direction: "back" }],
    ["process_report", "theme_guide", { guideThemesWithQuestions: 0 }, { ok: true, direction: "back" }],
  ])("%s → %s with %j: %j", (from, to, changes, expected) => {
    expect(checkPhaseChange(full(from, changes), to)).toEqual(expected);
  });

  it("a new project with nothing can only record its agreement first; the progress line says what each phase needs", () => {
    expect(checkPhaseChange(empty("agreement"), "theme_guide")).toEqual({
      ok: false,
      reasons: ["evaluations.phase.needs.agreement", "evaluations.phase.needs.site"],
    });
    expect(missingFor("agreement", empty("agreement"))).toEqual([]);
    expect(missingFor("closed", empty("agreement"))).toEqual([]);
    expect(missingFor("process_report", empty("agreement"))).toEqual(["evaluations.phase.needs.analysed_session"]);
    expect(missingFor("process_report", full("analysis"))).toEqual([]);
  });

  it("no process report before one analysed session (the issue's example)", () => {
    const state = full("analysis", { sessions: 4, analysedSessions: 0 });
    expect(checkPhaseChange(state, "process_report")).toEqual({ ok: false, reasons: ["evaluations.phase.needs.analysed_session"] });
    expect(checkPhaseChange({ ...state, analysedSessions: 1 }, "process_report").ok).toBe(true);
  });
});

describe("participants per session", () => {
  it.each<[SessionKind, number, string | null]>([
    ["group", 3, null],
    ["group", 5, null],
    ["group", 7, null],
    ["group", 2, "evaluations.session.error.group_size"],
    ["group", 1, "evaluations.session.error.group_size"],
    ["group", 0, "evaluations.session.error.group_size"],
    ["group", -3, "evaluations.session.error.group_size"],
    ["group", 8, "evaluations.session.error.group_size"],
    ["group", 12, "evaluations.session.error.group_size"],
    ["group", 4.5, "evaluations.session.error.participants_whole_number"],
    ["group", Number.NaN, "evaluations.session.error.participants_whole_number"],
    ["group", Number.POSITIVE_INFINITY, "evaluations.session.error.participants_whole_number"],
    ["individual", 1, null],
    ["individual", 0, "evaluations.session.error.individual_size"],
    ["individual", 2, "evaluations.session.error.individual_size"],
    ["individual", -1, "evaluations.session.error.individual_size"],
    ["individual", 8, "evaluations.session.error.individual_size"],
  ])("%s of %s: %s", (kind, count, problem) => {
    expect(participantCountProblem(kind, count)).toBe(problem);
  });
});

describe("the session's date within the project's period", () => {
  const period = { start: "2025-01-15", end: "2025-06-30" };
  it.each<[string, { start: string; end: string | null }, string | null]>([
    ["2025-01-15", period, null],
    ["2025-03-12", period, null],
    ["2025-06-30", period, null],
    ["2025-01-14", period, "evaluations.session.error.before_period"],
    ["2024-12-31", period, "evaluations.session.error.before_period"],
    ["2025-07-01", period, "evaluations.session.error.after_period"],
    ["2026-03-12", period, "evaluations.session.error.after_period"],
    ["2030-01-01", { start: "2025-01-15", end: null }, null],
    ["2025-01-01", { start: "2025-01-15", end: null }, "evaluations.session.error.before_period"],
    ["2025-02-30", period, "evaluations.session.error.date"],
    ["12.03.2025", period, "evaluations.session.error.date"],
    ["2025-3-12", period, "evaluations.session.error.date"],
    ["", period, "evaluations.session.error.date"],
  ])("%s in %j: %s", (date, p, problem) => {
    expect(sessionDateProblem(date, p)).toBe(problem);
  });

  it.each<[{ start: string; end: string | null }, string | null]>([
    [{ start: "2025-01-15", end: "2025-06-30" }, null],
    [{ start: "2025-01-15", end: "2025-01-15" }, null],
    [{ start: "2025-01-15", end: null }, null],
    [{ start: "2025-06-30", end: "2025-01-15" }, "evaluations.project.error.period_order"],
    [{ start: "2025-13-01", end: null }, "evaluations.project.error.period_date"],
    [{ start: "2025-01-15", end: "2025-02-29" }, "evaluations.project.error.period_date"],
  ])("period %j: %s", (p, problem) => {
    expect(periodProblem(p)).toBe(problem);
  });

  it("knows real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-04-31")).toBe(false);
    expect(isIsoDate(20250312)).toBe(false);
  });
});

describe("who held the session", () => {
  const team = ["a", "b", "c"];
  it.each<[SessionKind, string[], string | null]>([
    ["group", ["a", "b"], null],
    ["group", ["a"], "evaluations.session.error.interviewers_group"],
    ["group", ["a", "b", "c"], "evaluations.session.error.interviewers_group"],
    ["group", [], "evaluations.session.error.interviewers_group"],
    ["group", ["a", "a"], "evaluations.session.error.interviewers_same"],
    ["group", ["a", "x"], "evaluations.session.error.interviewer_not_on_team"],
    ["individual", ["a"], null],
    ["individual", ["a", "c"], null],
    ["individual", [], "evaluations.session.error.interviewers_individual"],
    ["individual", ["a", "b", "c"], "evaluations.session.error.interviewers_individual"],
    ["individual", ["x"], "evaluations.session.error.interviewer_not_on_team"],
  ])("%s by %j: %s", (kind, ids, problem) => {
    expect(interviewerProblem(kind, ids, team)).toBe(problem);
  });
});

describe("statements", () => {
  it("are one per line, without list marks or empty lines", () => {
    expect(splitStatements("Maten var god.\n\n- Ventetiden var lang.\r\n• For lite informasjon\n  2) Ønsker kveldsaktiviteter  \n* \n1. Personalet lyttet")).toEqual([
      "Maten var god.",
      "Ventetiden var lang.",
      "For lite informasjon",
      "Ønsker kveldsaktiviteter",
      "Personalet lyttet",
    ]);
    expect(splitStatements("")).toEqual([]);
    expect(splitStatements("   \n\n")).toEqual([]);
    expect(splitStatements("-5 grader ute, men varmt inne")).toEqual(["-5 grader ute, men varmt inne"]);
    expect(splitStatements("2025 var et bedre år")).toEqual(["2025 var et bedre år"]);
  });
});

describe("the k rule", () => {
  it("is 5 unless the project sets it, and never below 3", () => {
    expect(defaultK).toBe(5);
    expect(minK).toBe(3);
    expect(effectiveK(undefined)).toBe(5);
    expect(effectiveK(null)).toBe(5);
    expect(effectiveK(Number.NaN)).toBe(5);
    expect(effectiveK(3)).toBe(3);
    expect(effectiveK(8)).toBe(8);
    expect(effectiveK(2)).toBe(3);
    expect(effectiveK(0)).toBe(3);
    expect(effectiveK(-5)).toBe(3);
    expect(effectiveK(4.2)).toBe(5);
  });

  it.each<[number, string | null]>([
    [3, null],
    [5, null],
    [40, null],
    [2, "evaluations.project.error.k_too_low"],
    [0, "evaluations.project.error.k_too_low"],
    [-1, "evaluations.project.error.k_too_low"],
    [41, "evaluations.project.error.k_too_high"],
    [4.5, "evaluations.project.error.k_whole_number"],
    [Number.NaN, "evaluations.project.error.k_whole_number"],
  ])("a project may set k = %s: %s", (k, problem) => {
    expect(kProblem(k)).toBe(problem);
  });

  const s = (sessionId: string, participants: number) => ({ sessionId, participants });
  it.each<[string, { sessionId: string; participants: number }[], number | null, boolean]>([
    ["one group of 5, k 5", [s("a", 5)], null, true],
    ["one group of 4, k 5", [s("a", 4)], null, false],
    ["one group of 4, k 3", [s("a", 4)], 3, true],
    ["one group of 3, k 3", [s("a", 3)], 3, true],
    ["an individual interview, k 3", [s("a", 1)], 3, false],
    ["an individual interview, k set to 1 (raised to 3)", [s("a", 1)], 1, false],
    ["two people across two sessions, k 2 (raised to 3)", [s("a", 1), s("b", 1)], 2, false],
    ["a group of 3 and an individual, k 5", [s("a", 3), s("b", 1)], 5, false],
    ["a group of 4 and an individual, k 5", [s("a", 4), s("b", 1)], 5, true],
    ["one session's statements many times count once", [s("a", 4), s("a", 4), s("a", 4)], 5, false],
    ["two sessions of 3, k 6", [s("a", 3), s("b", 3)], 6, true],
    ["two sessions of 3, k 7", [s("a", 3), s("b", 3)], 7, false],
    ["nothing", [], 3, false],
  ])("%s → shown: %s", (_, groups, k, shown) => {
    expect(mayShowOutsideTeam(groups, k)).toBe(shown);
  });

  it("counts each session's participants once", () => {
    expect(participantsBehind([s("a", 5), s("b", 3), s("a", 5)])).toBe(8);
    expect(participantsBehind([s("a", -2)])).toBe(0);
  });

  const rows = (...counts: number[]) => counts.map((participants, i) => ({ key: `site${i + 1}`, participants }));
  const shown = (result: ReturnType<typeof applyKRule>) => result.map((r) => (r.shown ? r.participants : r.reason === "below_k" ? "k" : "p"));
  it.each<[string, number[], number | null, (number | string)[]]>([
    ["all at or over k: all shown", [5, 7, 12], 5, [5, 7, 12]],
    ["one under k: it, and the smallest other, withheld", [12, 2, 7, 9], 5, [12, "k", "p", 9]],
    ["two under k that together reach k: only they", [12, 2, 3, 9], 5, [12, "k", "k", 9]],
    ["two under k that together stay under k: the smallest shown too", [12, 1, 2, 9], 5, [12, "k", "k", "p"]],
    ["all under k: all withheld", [2, 3, 4], 5, ["k", "k", "k"]],
    ["one under k and only one other: both withheld", [20, 4], 5, ["p", "k"]],
    ["a single row under k", [4], 5, ["k"]],
    ["a single row at k", [5], null, [5]],
    ["k 3 on small sites: of two equal rows, the first withheld", [3, 3, 2], 3, ["p", 3, "k"]],
    ["nothing", [], 5, []],
  ])("%s (%j, k %s)", (_, counts, k, expected) => {
    expect(shown(applyKRule(rows(...counts), k))).toEqual(expected);
  });

  it("keeps the rows' order and keys", () => {
    expect(applyKRule(rows(9, 1, 6), 5).map((r) => [r.key, r.shown])).toEqual([
      ["site1", true],
      ["site2", false],
      ["site3", false],
    ]);
  });

  it("no withheld row can be worked out from the total and the shown rows", () => {
    // Every breakdown of four rows of 0–8 participants, k 3 to 6.
    const failures: string[] = [];
    for (let k = 3; k <= 6; k++) {
      for (let n = 0; n < 9 ** 4; n++) {
        const counts = [n % 9, Math.floor(n / 9) % 9, Math.floor(n / 81) % 9, Math.floor(n / 729) % 9];
        const result = applyKRule(rows(...counts), k);
        const hidden = result.filter((r) => !r.shown);
        const shownUnderK = result.some((r) => r.shown && r.participants < k);
        const guessable = hidden.length > 0 && hidden.length < result.length && (hidden.length < 2 || hidden.reduce((sum, r) => sum + r.participants, 0) < k);
        if (shownUnderK || guessable) failures.push(`${counts.join(",")} k ${k}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe("roles on a project", () => {
  // What each role may do: written out by hand, so a change to the table is a change here too.
  const expected: Record<ProjectAction, ProjectAccessRole[]> = {
    "project.view": ["lead", "interviewer", "service_contact", "coordinator", "administrator"],
    "project.edit": ["lead"],
    "project.change_phase": ["lead"],
    "project.manage_team": ["lead", "coordinator"],
    "guide.edit": ["lead", "interviewer", "service_contact"],
    "recruitment.edit": ["lead", "service_contact"],
    "session.read": ["lead", "interviewer"],
    "session.write": ["lead", "interviewer"],
    "analysis.code": ["lead", "interviewer"],
    "analysis.view_all": ["lead", "interviewer"],
    "report.edit": ["lead", "interviewer"],
    "report.publish": ["lead"],
    "report.read_published": ["lead", "interviewer", "service_contact", "coordinator"],
    "project.export": ["lead", "interviewer"],
    "project.delete": ["lead", "coordinator"],
  };

  it("has an answer for every action and role", () => {
    expect(Object.keys(expected).sort()).toEqual([...projectActions].sort());
    for (const action of projectActions) {
      for (const role of projectAccessRoles) {
        expect(projectCan([role], action), `${role} ${action}`).toBe(expected[action].includes(role));
      }
      expect(projectCan([], action), `nobody ${action}`).toBe(false);
    }
  });

  it("never lets a service contact near sessions, notes, statements or per-session figures", () => {
    for (const action of ["session.read", "session.write", "analysis.code", "analysis.view_all", "project.export"] as const) {
      for (const outsider of ["service_contact", "coordinator", "administrator"] as const) expect(projectCan([outsider], action), outsider).toBe(false);
    }
    expect(isAnalysisTeam(["service_contact"])).toBe(false);
    expect(isAnalysisTeam([])).toBe(false);
    expect(isAnalysisTeam(["interviewer"])).toBe(true);
    expect(isAnalysisTeam(["lead"])).toBe(true);
    expect(isAnalysisTeam(["service_contact", "interviewer"])).toBe(true);
  });
});
