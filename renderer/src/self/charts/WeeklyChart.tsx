import { dateFormat } from '../../ui/date-format';

/** One line over weeks, 0–5, drawn as SVG: gaps where a week had no rating, a dot where it had one. */

const width = 320;
const height = 130;
const pad = { left: 24, right: 10, top: 10, bottom: 22 };
const max = 5;

const shortDate = dateFormat({ day: 'numeric', month: 'short' });

function labelOf(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  return shortDate.format(new Date(y ?? 2000, (m ?? 1) - 1, d ?? 1));
}

export function WeeklyChart({ label, starts, values }: { label: string; starts: string[]; values: (number | null)[] }) {
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (starts.length <= 1 ? innerW / 2 : (i / (starts.length - 1)) * innerW);
  const y = (v: number) => pad.top + (1 - v / max) * innerH;

  let path = '';
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(value).toFixed(1)} `;
    drawing = true;
  });

  const rated = values.filter((v): v is number => v !== null);
  const summary =
    rated.length === 0
      ? `${label}: no ratings in these weeks.`
      : `${label}: rated in ${rated.length} of ${values.length} weeks, from ${rated[0]?.toFixed(1)} to ${rated.at(-1)?.toFixed(1)} out of 5.`;

  return (
    <svg className="weekly-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      {[0, 1, 2, 3, 4, 5].map((v) => (
        <line key={v} x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className={v === 0 ? 'chart-axis' : 'chart-grid'} />
      ))}
      <text x={pad.left - 8} y={y(5) + 4} className="chart-tick" textAnchor="end">
        5
      </text>
      <text x={pad.left - 8} y={y(0) + 4} className="chart-tick" textAnchor="end">
        0
      </text>
      {starts.length > 0 ? (
        <>
          <text x={pad.left} y={height - 5} className="chart-tick" textAnchor="start">
            {labelOf(starts[0] ?? '')}
          </text>
          <text x={width - pad.right} y={height - 5} className="chart-tick" textAnchor="end">
            {labelOf(starts.at(-1) ?? '')}
          </text>
        </>
      ) : null}
      {path ? <path d={path} className="chart-line" /> : null}
      {values.map((value, i) => (value === null ? null : <circle key={starts[i]} cx={x(i)} cy={y(value)} r={3.2} className="chart-dot" />))}
    </svg>
  );
}
