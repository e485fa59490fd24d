import type { Signal } from '../../../shared/domain/ladder';
import { useNavigation } from '../app/navigation-store';

/** The gentle signals: each a kind sentence with one link to where to act. */
export function SignalList({ signals }: { signals: Signal[] }) {
  const go = useNavigation((state) => state.go);
  return (
    <section className="signals" aria-labelledby="signals-title">
      {/* Headed by what it holds: "Worth a look" over nothing to look at read as a contradiction. */}
      <h2 id="signals-title">{signals.length === 0 ? 'All calm' : 'Worth a look'}</h2>
      {signals.length === 0 ? (
        <p className="signals-calm">Nothing on any rung is asking for your attention.</p>
      ) : (
        <ul className="signal-list" aria-label="Worth a look">
          {signals.map((signal, i) => (
            <li key={`${signal.kind}-${i}`} className="signal" data-signal={signal.kind}>
              <p>{signal.message}</p>
              <button type="button" className="button button-quiet" onClick={() => go(signal.target.page, signal.target.detail)}>
                {signal.action}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
