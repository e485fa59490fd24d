import type { MonthCount } from '../../../../shared/domain/dyads';
import { dateFormat } from '../../ui/date-format';

const width = 480;
const height = 170;
const left = 28;
const right = 8;
const top = 16;
const bottom = 26;

const monthName = dateFormat({ month: 'short', timeZone: 'UTC' });
const monthLong = dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' });

function monthDate(month: string) {
  return new Date(`${month}-01T00:00:00Z`);
}

/** Check-ins per month as plain bars; the numbers sit on top so no axis needs reading. */
export function MonthChart({ months, label }: { months: MonthCount[]; label: string }) {
  if (months.length === 0) return null;
  const total = months.reduce((sum, m) => sum + m.count, 0);
  const most = Math.max(1, ...months.map((m) => m.count));
  const slot = (width - left - right) / months.length;
  const barWidth = Math.min(26, slot * 0.62);
  const scale = (count: number) => (count / most) * (height - top - bottom);
  const busy = months.filter((m) => m.count > 0).map((m) => `${monthLong.format(monthDate(m.month))}: ${m.count}`);
  const summary = total === 0 ? `${label}: none yet.` : `${label}: ${total} in all. ${busy.join('; ')}.`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="dyads-chart-svg">
        <line x1={left} x2={width - right} y1={height - bottom} y2={height - bottom} className="dyads-chart-axis" />
        {months.map((m, i) => {
          const x = left + i * slot + (slot - barWidth) / 2;
          const h = scale(m.count);
          return (
            <g key={m.month}>
              {m.count > 0 ? <rect x={x} y={height - bottom - h} width={barWidth} height={h} rx={3} className="dyads-chart-bar" /> : null}
              {m.count > 0 ? (
                <text x={x + barWidth / 2} y={height - bottom - h - 4} className="dyads-chart-value" textAnchor="middle">
                  {m.count}
                </text>
              ) : null}
              <text x={x + barWidth / 2} y={height - 8} className="dyads-chart-label" textAnchor="middle">
                {monthName.format(monthDate(m.month))}
              </text>
            </g>
          );
        })}
      </svg>
      {total === 0 ? <figcaption className="dyads-note">Check-ins you log will be counted here, month by month.</figcaption> : null}
    </figure>
  );
}
