/**
 * A small line chart of one person's own answers over time, drawn on the server as SVG. No norms, no
 * cut-offs, no colours that judge. The numbers are always in a table beside it (the chart is decoration
 * for those who see it; aria-hidden).
 */
export function TrendChart({ points, min, max }: { points: { at: string; value: number }[]; min: number; max: number }) {
  const w = 320;
  const h = 120;
  const pad = 12;
  const left = 28;
  if (points.length === 0) return null;
  const x = (i: number) => (points.length === 1 ? (w + left) / 2 : left + (i * (w - left - pad)) / (points.length - 1));
  const y = (v: number) => h - pad - ((v - min) * (h - 2 * pad)) / (max - min || 1);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  return (
    <svg className="kp-trend" viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false">
      <line x1={left} y1={y(min)} x2={w - pad} y2={y(min)} className="kp-trend__axis" />
      <line x1={left} y1={y(max)} x2={w - pad} y2={y(max)} className="kp-trend__axis" />
      <text x={left - 6} y={y(min) + 4} textAnchor="end" className="kp-trend__label">
        {min}
      </text>
      <text x={left - 6} y={y(max) + 4} textAnchor="end" className="kp-trend__label">
        {max}
      </text>
      <path d={path} className="kp-trend__line" fill="none" />
      {points.map((p, i) => (
        <circle key={`${p.at}-${i}`} cx={x(i)} cy={y(p.value)} r={4} className="kp-trend__dot" />
      ))}
    </svg>
  );
}
