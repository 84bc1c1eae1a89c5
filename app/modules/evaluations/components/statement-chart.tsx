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

/**
 * Statements per code as a server-rendered SVG bar chart (positive, negative, suggestion, not yet rated),
 * with the same figures as a table. The SVG is decoration for sighted readers (aria-hidden): the table
 * beside it carries every figure for everyone. Scales to the width it is given (viewBox), from 360 px up.
 */
export function StatementChart({ rows, caption, showPeople = true }: { rows: ChartRow[]; caption: string; showPeople?: boolean }) {
  const t = useT();
  // A narrow drawing, so its words stay readable when a phone shrinks it (about 11 px at 360 px, 16 px at full size).
  const width = 480;
  const labelHeight = 20;
  const barHeight = 18;
  const rowHeight = labelHeight + barHeight + 12;
  const legendHeight = 28;
  const max = Math.max(1, ...rows.map((r) => r.statements));
  const barSpace = width - 48;
  const height = legendHeight + rows.length * rowHeight;
  return (
    <div className="kp-stack">
      {rows.length > 0 ? (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px`, height: "auto" }} aria-hidden="true" focusable="false" data-testid="statement-chart">
          {segments.map((s, i) => (
            <g key={s.key} transform={`translate(${i * 120}, 4)`}>
              <rect width="14" height="14" fill={s.colour} />
              <text x="18" y="13" fontSize="15" fill="currentColor">
                {t(`evaluations.polarity.${s.key}`)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = legendHeight + i * rowHeight;
            let x = 0;
            return (
              <g key={r.codeId} transform={`translate(0, ${y})`}>
                <text x="0" y="15" fontSize="16" fill="currentColor">
                  {r.name}
                </text>
                {segments.map((s) => {
                  const value = r[s.key];
                  const w = (value / max) * barSpace;
                  const rect = value > 0 ? <rect key={s.key} x={x} y={labelHeight} width={w} height={barHeight} fill={s.colour} /> : null;
                  x += w;
                  return rect;
                })}
                <text x={x + 6} y={labelHeight + 14} fontSize="15" fill="currentColor">
                  {r.statements}
                </text>
              </g>
            );
          })}
        </svg>
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
