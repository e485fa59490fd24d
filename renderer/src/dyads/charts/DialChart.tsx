import { daysBetween } from '../../../../shared/domain/dyads';
import { friendlyDay, onTheDay } from '../../self/dates';
import { useDyad } from '../dyad-store';
import { dialLabels } from '../labels';

const width = 480;
const height = 190;
const left = 92;
const right = 16;
const top = 14;
const bottom = 30;

/** Where each check-in sat on the partnership ↔ domination dial, drawn left (oldest) to right. */
export function DialChart() {
  const points = useDyad((state) => state.dial);
  if (points.length === 0) {
    return <p className="dyads-note">Set the dial in a check-in, and how it moves over time will show here.</p>;
  }
  const first = points[0]!;
  const last = points.at(-1)!;
  const span = Math.max(1, daysBetween(first.checkinDate, last.checkinDate));
  const x = (date: string) => (points.length === 1 ? (left + width - right) / 2 : left + (daysBetween(first.checkinDate, date) / span) * (width - left - right));
  const y = (dial: number) => top + ((5 - dial) / 4) * (height - top - bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.checkinDate).toFixed(1)},${y(p.dial).toFixed(1)}`).join(' ');
  const summary =
    points.length === 1
      ? `One check-in with the dial at ${first.dial}, ${dialLabels[first.dial]}, ${onTheDay(first.checkinDate)}.`
      : `${points.length} check-ins with the dial set, from ${first.dial} ${onTheDay(first.checkinDate)} to ${last.dial} ${onTheDay(last.checkinDate)}. 5 is partnership, 1 is domination.`;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="dyads-chart-svg">
        {[1, 2, 3, 4, 5].map((level) => (
          <g key={level}>
            <line x1={left} x2={width - right} y1={y(level)} y2={y(level)} className={level === 3 ? 'dyads-chart-grid dyads-chart-grid-mid' : 'dyads-chart-grid'} />
            <text x={left - 8} y={y(level) + 4} className="dyads-chart-label" textAnchor="end">
              {level === 5 ? 'Partnership 5' : level === 1 ? 'Domination 1' : level}
            </text>
          </g>
        ))}
        <path d={path} className="dyads-chart-line" />
        {points.map((p, i) => (
          <circle key={`${p.checkinDate}-${i}`} cx={x(p.checkinDate)} cy={y(p.dial)} r={4.5} className="dyads-chart-dot">
            <title>{`${friendlyDay(p.checkinDate)}: ${p.dial}, ${dialLabels[p.dial]}`}</title>
          </circle>
        ))}
        <text x={left} y={height - 8} className="dyads-chart-label">
          {friendlyDay(first.checkinDate)}
        </text>
        {points.length > 1 ? (
          <text x={width - right} y={height - 8} className="dyads-chart-label" textAnchor="end">
            {friendlyDay(last.checkinDate)}
          </text>
        ) : null}
      </svg>
    </figure>
  );
}
