import { useId, useState } from 'react';
import type { MonthCount } from '../../../../shared/domain/dyads';
import { MonthChart } from './MonthChart';

/**
 * Check-ins per month, folded away until asked for: a count of meetings with a friend, shown by
 * default, can read like a score. It is there for whoever finds the rhythm useful to look back on.
 */
export function RhythmOverTime({ months, label }: { months: MonthCount[]; label: string }) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <section className="dyads-section rhythm-over-time" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        <button type="button" className="disclosure" aria-expanded={shown} aria-controls={`${id}-body`} onClick={() => setShown(!shown)}>
          <svg className="disclosure-mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M6 3.5 10.5 8 6 12.5" />
          </svg>
          Rhythm over time
        </button>
      </h2>
      <div id={`${id}-body`} hidden={!shown}>
        {shown ? (
          <>
            <p className="dyads-note">Check-ins month by month, over the last year. Seasons come and go; this is only a look back.</p>
            <MonthChart months={months} label={label} />
          </>
        ) : null}
      </div>
    </section>
  );
}
