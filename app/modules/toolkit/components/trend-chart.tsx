import { useT } from "~/i18n/use-t";
import { timeAxis } from "../time-axis";

/**
 * A small line chart of one person's own answers over time, drawn on the server as SVG. No norms, no
 * cut-offs, no colours that judge. Points are placed by when they were made, on a time axis with dates
 * (two check-ins a day apart sit close, a month apart far). The numbers are always listed beside it (the
 * chart is decoration for those who see it; aria-hidden).
 */
export function TrendChart({ points, min, max }: { points: { at: string; value: number }[]; min: number; max: number }) {
  const t = useT();
  const w = 320;
  const h = 150;
  const top = 12;
  const bottom = 38;
  const left = 28;
  const right = 16;
  if (points.length === 0) return null;
  // The outermost points keep a little room from the ends, so a dot and its date label are never cut.
  const { xs, ticks } = timeAxis(
    points.map((p) => p.at),
    left + 14,
    w - right - 14,
  );
  const y = (v: number) => h - bottom - ((v - min) * (h - top - bottom)) / (max - min || 1);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${xs[i]!.toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const base = y(min);
  return (
    <svg className="kp-trend" viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false" data-testid="trend-chart">
      <line x1={left} y1={y(max)} x2={w - right} y2={y(max)} className="kp-trend__axis" />
      <line x1={left} y1={base} x2={w - right} y2={base} className="kp-trend__axis kp-trend__axis--x" />
      <text x={left - 6} y={base + 4} textAnchor="end" className="kp-trend__label">
        {min}
      </text>
      <text x={left - 6} y={y(max) + 4} textAnchor="end" className="kp-trend__label">
        {max}
      </text>
      {ticks.map((tick, i) => (
        <g key={tick.at} className="kp-trend__tick">
          <line x1={tick.x} y1={base} x2={tick.x} y2={base + 5} className="kp-trend__axis" />
          <text
            x={tick.x}
            y={base + 20}
            // The first and last labels stay inside the chart.
            textAnchor={ticks.length > 1 && i === 0 && tick.x < left + 40 ? "start" : ticks.length > 1 && i === ticks.length - 1 && tick.x > w - right - 40 ? "end" : "middle"}
            className="kp-trend__label"
          >
            {t.date(tick.at, "short")}
          </text>
        </g>
      ))}
      <path d={path} className="kp-trend__line" fill="none" />
      {points.map((p, i) => (
        <circle key={`${p.at}-${i}`} cx={xs[i]} cy={y(p.value)} r={4} className="kp-trend__dot" />
      ))}
    </svg>
  );
}
