import './ladder-home.css';
import { useEffect } from 'react';
import type { RungId } from '../../../shared/domain/journal';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { friendlyDay } from '../self/dates';
import { useEntryEditor } from '../self/entry-editor-store';
import { useReflections } from './reflections-store';
import { rungById } from './rungs';

/**
 * A rung's reflections: the latest journal entries tagged with it, and a way to write one.
 * Drop it into any rung's page: `<RungReflections rung="crews" />`.
 */
export function RungReflections({ rung }: { rung: RungId }) {
  const entries = useReflections((state) => state.byRung[rung]);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const name = rungById(rung).name;
  useEffect(() => {
    void useReflections.getState().load(rung).catch(() => undefined);
  }, [rung]);
  const reflect = () => {
    go('self');
    void useEntryEditor.getState().newEntry({ rung });
  };
  const headingId = `reflections-${rung}`;
  return (
    <section className="rung-reflections" aria-labelledby={headingId}>
      <div className="rung-reflections-head">
        <h2 id={headingId}>Reflections on {name}</h2>
        <button type="button" className="button button-quiet" disabled={readOnly} onClick={reflect}>
          Write a reflection
        </button>
      </div>
      {entries === undefined ? null : entries.length === 0 ? (
        <p className="rung-reflections-empty">No reflections on this rung yet. Any journal entry tagged with {name} shows up here.</p>
      ) : (
        <ul className="rung-reflections-list" aria-label={`Reflections on ${name}`}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="reflection" onClick={() => go('self', { kind: 'entry', id: entry.id })}>
                <span className="reflection-title">{entry.title.trim() || entry.excerpt.slice(0, 80) || 'Untitled reflection'}</span>
                <span className="reflection-day">{friendlyDay(entry.entryDate)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
