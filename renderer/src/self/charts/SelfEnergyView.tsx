import { useEffect } from 'react';
import { qualityLabels } from '../../../../shared/domain/protector-reflection';
import { selfEnergyQualities } from '../../../../shared/domain/self';
import { chartRanges, useSelfEnergy } from './self-energy-store';
import { WeeklyChart } from './WeeklyChart';
import { dateFormat } from '../../ui/date-format';

const shortDate = dateFormat({ day: 'numeric', month: 'short', year: 'numeric' });

/** Each of the 8 C's over the weeks: a small chart per C, and the same numbers as a table. */
export function SelfEnergyView() {
  const load = useSelfEnergy((state) => state.load);
  const weeks = useSelfEnergy((state) => state.weeks);
  const starts = useSelfEnergy((state) => state.starts);
  const data = useSelfEnergy((state) => state.data);
  const status = useSelfEnergy((state) => state.status);
  const error = useSelfEnergy((state) => state.error);

  useEffect(() => {
    void load();
  }, [load]);

  const byWeek = new Map(data.map((week) => [week.weekStart, week]));
  const checks = data.reduce((sum, week) => sum + week.checks, 0);

  return (
    <section className="self-view self-energy-view" aria-labelledby="self-energy-heading">
      <div className="view-head">
        <h2 id="self-energy-heading">Self-energy over time</h2>
        <p className="view-lead">
          The weekly average of each C, from the Self-energy checks on your entries. Highs and lows are both information, never a
          score.
        </p>
      </div>
      <div className="chart-toolbar">
        <label className="compare-field">
          <span>Show</span>
          <select className="select" value={weeks} onChange={(event) => void load(Number(event.target.value))}>
            {chartRanges.map((range) => (
              <option key={range.weeks} value={range.weeks}>
                {range.label}
              </option>
            ))}
          </select>
        </label>
        {status === 'ready' ? (
          <p className="muted small">
            {checks === 0 ? 'No checks in these weeks.' : `${checks} ${checks === 1 ? 'check' : 'checks'} in these weeks.`}
          </p>
        ) : null}
      </div>
      {status === 'error' ? <p className="field-error">{error}</p> : null}
      {status === 'ready' && checks === 0 ? (
        <div className="parts-empty">
          <p>Nothing to chart in these weeks yet.</p>
          <p className="muted">Add a Self-energy check to any entry, or in quick capture, and the weeks fill in here.</p>
        </div>
      ) : null}
      {status === 'ready' && checks > 0 ? (
        <>
          <ul className="chart-grid-list" aria-label="Each C by week">
            {selfEnergyQualities.map((quality) => {
              const values = starts.map((start) => byWeek.get(start)?.averages[quality] ?? null);
              const latest = [...values].reverse().find((v) => v !== null);
              return (
                <li key={quality} className="chart-card">
                  <p className="chart-title">
                    <span>{qualityLabels[quality]}</span>
                    <span className="chart-latest">{latest === undefined || latest === null ? '–' : `latest ${latest.toFixed(1)}`}</span>
                  </p>
                  <WeeklyChart label={qualityLabels[quality]} starts={starts} values={values} />
                </li>
              );
            })}
          </ul>
          <details className="chart-table">
            <summary>Show the numbers as a table</summary>
            <div className="chart-table-scroll">
              <table>
                <caption className="visually-hidden">Weekly average of each C</caption>
                <thead>
                  <tr>
                    <th scope="col">Week of</th>
                    <th scope="col">Checks</th>
                    {selfEnergyQualities.map((q) => (
                      <th key={q} scope="col">
                        {qualityLabels[q]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.map((week) => {
                    const [y, m, d] = week.weekStart.split('-').map(Number);
                    return (
                      <tr key={week.weekStart}>
                        <th scope="row">{shortDate.format(new Date(y ?? 2000, (m ?? 1) - 1, d ?? 1))}</th>
                        <td>{week.checks}</td>
                        {selfEnergyQualities.map((q) => (
                          <td key={q}>{week.averages[q]?.toFixed(1) ?? '–'}</td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </>
      ) : null}
    </section>
  );
}
