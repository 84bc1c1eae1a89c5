import type { ReactNode } from "react";
import { Alert, Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import { formatDate, formatNumber, translate, type Lang, type MessageKey, type Params } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { ReportContent } from "../reports.server";
import type { BreakdownFigures, CodeFigures } from "../figures.server";
import { StatementChart, type ChartRow } from "./statement-chart";

/** Draws the chart of statements per theme (with its own table); the page passes the shared StatementChart. */
export type ChartSlot = (rows: ChartRow[], caption: string) => ReactNode;

/** What the view needs of a translate function: `useT()` on a page, `tFor(lang)` in a test or a PDF. */
export type ViewT = ((key: MessageKey, params?: Params) => string) & { date: (value: Date | string) => string; number: (value: number) => string };

export function tFor(lang: Lang): ViewT {
  const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
  t.date = (value: Date | string) => formatDate(lang, value);
  t.number = (value: number) => formatNumber(lang, value);
  return t;
}

/** A report as its reader sees it (on the page, in the preview): the page gives the h1. */
export function ReportView({ content, headingLevel = 2, idPrefix = "report" }: { content: ReportContent; headingLevel?: 2 | 3; idPrefix?: string }) {
  const t = useT();
  return (
    <ReportBody
      content={content}
      t={t as unknown as ViewT}
      headingLevel={headingLevel}
      idPrefix={idPrefix}
      chart={(rows, caption) => <StatementChart rows={rows} caption={caption} showPeople />}
    />
  );
}

/** The team's text: paragraphs split at blank lines, line breaks kept. */
function Body({ text }: { text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return null;
  return (
    <>
      {paragraphs.map((p, i) => (
        <Paragraph key={i} className="kp-answer">
          {p}
        </Paragraph>
      ))}
    </>
  );
}

function Wrap({ label, t, children }: { label: string; t: ViewT; children: ReactNode }) {
  return (
    <div className="kp-table-wrap" role="region" aria-label={t("table.region", { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}

function BreakdownTable({ rows, caption, keyLabel, t, id }: { rows: BreakdownFigures[]; caption: string; keyLabel: string; t: ViewT; id: string }) {
  return (
    <Wrap label={caption} t={t}>
      <Table zebra data-testid={id}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{keyLabel}</Table.HeaderCell>
            <Table.HeaderCell>{t("evaluations.report.col.participants")}</Table.HeaderCell>
            <Table.HeaderCell>{t("evaluations.report.col.sessions")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.key}>
              <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
              {r.shown ? (
                <>
                  <Table.Cell>{t.number(r.participants ?? 0)}</Table.Cell>
                  <Table.Cell>{t.number(r.sessions ?? 0)}</Table.Cell>
                </>
              ) : (
                <Table.Cell colSpan={2}>{t("evaluations.report.withheld")}</Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Wrap>
  );
}

function FindingsTable({ codes, t }: { codes: CodeFigures[]; t: ViewT }) {
  const caption = t("evaluations.report.findings_caption");
  return (
    <Wrap label={caption} t={t}>
      <Table zebra data-testid="report-findings">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t("evaluations.report.col.theme")}</Table.HeaderCell>
            <Table.HeaderCell>{t("evaluations.report.col.statements")}</Table.HeaderCell>
            <Table.HeaderCell>{t("evaluations.report.col.positive")}</Table.HeaderCell>
            <Table.HeaderCell>{t("evaluations.report.col.negative")}</Table.HeaderCell>
            <Table.HeaderCell>{t("evaluations.report.col.suggestion")}</Table.HeaderCell>
            <Table.HeaderCell>{t("evaluations.report.col.participants")}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {codes.map((c) => (
            <Table.Row key={c.codeId}>
              <Table.HeaderCell scope="row">{c.name}</Table.HeaderCell>
              {c.shown ? (
                <>
                  <Table.Cell>{t.number(c.statements ?? 0)}</Table.Cell>
                  <Table.Cell>{t.number(c.positive ?? 0)}</Table.Cell>
                  <Table.Cell>{t.number(c.negative ?? 0)}</Table.Cell>
                  <Table.Cell>{t.number(c.suggestion ?? 0)}</Table.Cell>
                  <Table.Cell>{t.number(c.participants ?? 0)}</Table.Cell>
                </>
              ) : (
                <Table.Cell colSpan={5}>{t("evaluations.report.withheld")}</Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Wrap>
  );
}

/** Is anything in this report withheld from its reader? */
export function anythingWithheld(content: ReportContent): boolean {
  const f = content.figures;
  return !f.totals.shown || f.codes.some((c) => !c.shown) || f.bySite.some((r) => !r.shown) || f.byRound.some((r) => !r.shown) || content.quotesWithheld > 0;
}

const sectionTitleKeys: Record<string, MessageKey> = {
  background: "evaluations.report.section.background",
  purpose: "evaluations.report.section.purpose",
  method: "evaluations.report.section.method",
  participants: "evaluations.report.section.participants",
  findings: "evaluations.report.section.findings",
  suggestions: "evaluations.report.section.suggestions",
};

/** The title of a section in the reader's language (the default sections), or as the team wrote it (custom). */
export function sectionTitle(section: { key: string; title: string }, t: ViewT): string {
  const key = sectionTitleKeys[section.key];
  return key ? t(key) : section.title;
}

/** Only the shown codes become bars: a withheld code has no figure to draw. */
export function chartRows(codes: CodeFigures[]): ChartRow[] {
  return codes
    .filter((c) => c.shown)
    .map((c) => {
      const statements = c.statements ?? 0;
      const positive = c.positive ?? 0;
      const negative = c.negative ?? 0;
      const suggestion = c.suggestion ?? 0;
      return { codeId: c.codeId, name: c.name, statements, positive, negative, suggestion, unrated: Math.max(0, statements - positive - negative - suggestion), sessions: c.sessions, participants: c.participants };
    });
}

export function ReportBody({
  content,
  t,
  headingLevel = 2,
  idPrefix = "report",
  chart,
}: {
  content: ReportContent;
  t: ViewT;
  headingLevel?: 2 | 3;
  idPrefix?: string;
  /** Without it (tests), the figures are a plain table. */
  chart?: ChartSlot;
}) {
  const { figures, project } = content;
  const k = figures.k;
  const sub = (headingLevel + 1) as 3 | 4;
  const generated = (key: string): ReactNode => {
    switch (key) {
      case "purpose":
        return (
          <>
            {project.purpose.trim() ? (
              <>
                <Heading level={sub} data-size="xs">
                  {t("evaluations.report.purpose_label")}
                </Heading>
                <Body text={project.purpose} />
              </>
            ) : null}
            {project.questions.trim() ? (
              <>
                <Heading level={sub} data-size="xs">
                  {t("evaluations.report.questions_label")}
                </Heading>
                <Body text={project.questions} />
              </>
            ) : null}
          </>
        );
      case "method":
        return <Paragraph>{t("evaluations.report.method_text", { k })}</Paragraph>;
      case "participants":
        return (
          <>
            <Paragraph data-testid="report-totals">
              {figures.totals.shown
                ? t("evaluations.report.participants_total", { participants: figures.totals.participants ?? 0, sessions: figures.totals.sessions ?? 0 })
                : t("evaluations.report.participants_withheld", { k })}
            </Paragraph>
            {figures.bySite.length > 1 ? (
              <BreakdownTable id="report-by-site" rows={figures.bySite} caption={t("evaluations.report.by_site")} keyLabel={t("evaluations.report.col.site")} t={t} />
            ) : null}
            {figures.byRound.length > 1 ? (
              <BreakdownTable id="report-by-round" rows={figures.byRound} caption={t("evaluations.report.by_round")} keyLabel={t("evaluations.report.col.round")} t={t} />
            ) : null}
          </>
        );
      case "findings":
        if (figures.codes.length === 0) return <Paragraph>{t("evaluations.report.no_findings")}</Paragraph>;
        return (
          <>
            {chart ? (
              <>
                {chart(chartRows(figures.codes), t("evaluations.report.chart_caption"))}
                {figures.codes.some((c) => !c.shown) ? (
                  <Paragraph data-testid="report-withheld-themes">
                    {t("evaluations.report.withheld_themes", {
                      k,
                      themes: figures.codes
                        .filter((c) => !c.shown)
                        .map((c) => c.name)
                        .join(", "),
                    })}
                  </Paragraph>
                ) : null}
              </>
            ) : (
              <FindingsTable codes={figures.codes} t={t} />
            )}
            {figures.codes.map((c) => {
              const quotes = content.quotes.filter((q) => q.codeId === c.codeId);
              return (
                <section key={c.codeId} className="kp-stack" aria-labelledby={`${idPrefix}-code-${c.codeId}`}>
                  <Heading level={sub} data-size="xs" id={`${idPrefix}-code-${c.codeId}`}>
                    {c.name}
                  </Heading>
                  {c.description ? <Paragraph data-size="sm">{c.description}</Paragraph> : null}
                  <Paragraph data-testid="report-theme-figures">
                    {c.shown
                      ? t("evaluations.report.theme_summary", {
                          statements: c.statements ?? 0,
                          sessions: c.sessions ?? 0,
                          participants: c.participants ?? 0,
                          positive: c.positive ?? 0,
                          negative: c.negative ?? 0,
                          suggestion: c.suggestion ?? 0,
                        })
                      : t("evaluations.report.theme_withheld", { k })}
                  </Paragraph>
                  {quotes.map((q) => (
                    <blockquote key={q.quoteId} className="kp-quote" data-testid="report-quote">
                      <Paragraph className="kp-answer">{q.text}</Paragraph>
                    </blockquote>
                  ))}
                </section>
              );
            })}
            {content.quotesWithheld > 0 ? <Paragraph>{t("evaluations.report.quotes_withheld", { k })}</Paragraph> : null}
          </>
        );
      default:
        return null;
    }
  };
  return (
    <div className="kp-stack" data-testid="report">
      <Paragraph>
        {t("evaluations.report.service", { service: project.serviceName })}
        <br />
        {project.periodEnd
          ? t("evaluations.report.period", { start: t.date(project.periodStart), end: t.date(project.periodEnd) })
          : t("evaluations.report.period_open", { start: t.date(project.periodStart) })}
        <br />
        {content.publishedAt ? t("evaluations.report.published", { date: t.date(content.publishedAt) }) : t("evaluations.report.not_published")}
      </Paragraph>
      {anythingWithheld(content) ? (
        <Alert data-color="info" data-testid="report-withheld">
          <Paragraph>{t("evaluations.report.withheld_note", { k })}</Paragraph>
          <Paragraph data-size="sm">{t("evaluations.report.withheld_explain", { k })}</Paragraph>
        </Alert>
      ) : null}
      {content.sections.map((s) => (
        <section key={s.id} className="kp-stack" aria-labelledby={`${idPrefix}-section-${s.id}`}>
          <Heading level={headingLevel} data-size="sm" id={`${idPrefix}-section-${s.id}`}>
            {sectionTitle(s, t)}
          </Heading>
          {generated(s.key)}
          {s.body.trim() ? <Body text={s.body} /> : generated(s.key) === null ? <Paragraph data-size="sm">{t("evaluations.report.empty_section")}</Paragraph> : null}
        </section>
      ))}
    </div>
  );
}
