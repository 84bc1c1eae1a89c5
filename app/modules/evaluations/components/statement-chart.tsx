import { Table } from "@digdir/designsystemet-react";
import { TableWrap } from "~/components/table-wrap";
import { useT } from "~/i18n/use-t";

export type ChartRow = {
  codeId: string;
  name: string;
  statements: number;
  positive: number;
  negative: number;
  suggestion: number;
  /** Statements without a polarity yet. */
  unrated: number;
  sessions?: number | null;
  participants?: number | null;
};

/** Colours with at least 3:1 against white (WCAG 1.4.11), told apart by the legend's words and the table too. */
const segments = [
  { key: "positive", colour: "#1a7f37" },
  { key: "negative", colour: "#b42318" },
  { key: "suggestion", colour: "#1f5fb4" },
  { key: "unrated", colour: "#6b6b6b" },
] as const;

/** How many characters of a label go on one line of the chart: about 270 px of 16 px text, so a label fits in
 * the 328 px a 360 px phone leaves for the chart. Longer labels wrap; a word longer than a line is cut. */
const chartLineChars = 30;

/** A code's name as the chart's lines: words kept whole where they fit, at most `perLine` characters a line. */
function chartLabelLines(name: string, perLine = chartLineChars): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of name.trim().split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > perLine) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, perLine));
      rest = rest.slice(perLine);
      line = "";
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= perLine) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** The chart's measures in CSS pixels: the SVG has no viewBox, so its text is drawn at these sizes at any width. */
const labelSize = 16;
const lineHeight = 20;
const countSize = 15;
const barHeight = 16;
const rowGap = 14;
/** The longest bar's share of the width: the rest holds its count (about 59 px at 360 px). */
const barShare = 82;

/**
 * Statements per code as a server-rendered SVG bar chart (positive, negative, suggestion, not yet rated),
 * with the same figures as a table. The chart (legend and SVG) is decoration for sighted readers
 * (aria-hidden): the table beside it carries every figure for everyone.
 *
 * Built for a 360 px phone: each code's name stands on its own line(s) above its bar, so there is no label
 * column, and the SVG has no viewBox: its text is 16 px at any width while the bars' lengths are shares of the
 * width (percentages). The legend is HTML, so it wraps.
 */
export function StatementChart({ rows, caption, showPeople = true }: { rows: ChartRow[]; caption: string; showPeople?: boolean }) {
  const t = useT();
  const drawn = (r: ChartRow) => r.positive + r.negative + r.suggestion + r.unrated;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.statements, drawn(r))));
  let y = 0;
  const laidOut = rows.map((r) => {
    const lines = chartLabelLines(r.name);
    const top = y;
    const barTop = top + lines.length * lineHeight + 4;
    y = barTop + barHeight + rowGap;
    return { r, lines, top, barTop };
  });
  const height = Math.max(0, y - rowGap + 2);
  const pct = (value: number) => `${((value / max) * barShare).toFixed(2)}%`;
  return (
    <div className="kp-stack">
      {rows.length > 0 ? (
        <div className="kp-chart" aria-hidden="true" data-testid="statement-chart-figure">
          <ul className="kp-chart__legend">
            {segments.map((s) => (
              <li key={s.key}>
                <span className="kp-chart__swatch" style={{ background: s.colour }} />
                {t(`evaluations.polarity.${s.key}`)}
              </li>
            ))}
          </ul>
          <svg width="100%" height={height} className="kp-chart__svg" focusable="false" data-testid="statement-chart">
            {laidOut.map(({ r, lines, top, barTop }) => {
              let from = 0;
              return (
                <g key={r.codeId}>
                  <text y={top + 15} fontSize={labelSize} fill="currentColor">
                    {lines.map((line, i) => (
                      <tspan key={i} x="0" dy={i === 0 ? 0 : lineHeight}>
                        {line}
                      </tspan>
                    ))}
                  </text>
                  {segments.map((s) => {
                    const value = r[s.key];
                    if (value <= 0) return null;
                    const rect = <rect key={s.key} x={pct(from)} y={barTop} width={pct(value)} height={barHeight} fill={s.colour} />;
                    from += value;
                    return rect;
                  })}
                  <text x={pct(drawn(r))} dx="6" y={barTop + barHeight - 3} fontSize={countSize} fill="currentColor">
                    {t.number(r.statements)}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      ) : null}
      <TableWrap label={caption}>
        <Table zebra data-size="sm">
          <caption>{caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t("evaluations.figures.code")}</Table.HeaderCell>
              <Table.HeaderCell>{t("evaluations.figures.statements")}</Table.HeaderCell>
              <Table.HeaderCell>{t("evaluations.polarity.positive")}</Table.HeaderCell>
              <Table.HeaderCell>{t("evaluations.polarity.negative")}</Table.HeaderCell>
              <Table.HeaderCell>{t("evaluations.polarity.suggestion")}</Table.HeaderCell>
              <Table.HeaderCell>{t("evaluations.polarity.unrated")}</Table.HeaderCell>
              {showPeople ? (
                <>
                  <Table.HeaderCell>{t("evaluations.figures.sessions")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("evaluations.figures.participants")}</Table.HeaderCell>
                </>
              ) : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={r.codeId}>
                <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                <Table.Cell>{t.number(r.statements)}</Table.Cell>
                <Table.Cell>{t.number(r.positive)}</Table.Cell>
                <Table.Cell>{t.number(r.negative)}</Table.Cell>
                <Table.Cell>{t.number(r.suggestion)}</Table.Cell>
                <Table.Cell>{t.number(r.unrated)}</Table.Cell>
                {showPeople ? (
                  <>
                    <Table.Cell>{r.sessions == null ? "–" : t.number(r.sessions)}</Table.Cell>
                    <Table.Cell>{r.participants == null ? "–" : t.number(r.participants)}</Table.Cell>
                  </>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
    </div>
  );
}
