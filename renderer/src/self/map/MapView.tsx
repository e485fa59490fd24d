import { type FormEvent, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MapSnapshot } from '../../../../shared/domain/self';
import { useReadOnly } from '../../app/app-info-store';
import { useNavigation } from '../../app/navigation-store';
import { PartShape } from '../parts/PartShape';
import { roleLabels } from '../parts/part-labels';
import { useParts } from '../parts/parts-store';
import { useMap } from './map-store';
import { type MapLine, type MapNode, PartsMapSvg } from './PartsMapSvg';
import { dateFormat } from '../../ui/date-format';

const longDate = dateFormat({ day: 'numeric', month: 'long', year: 'numeric' });

function formatDay(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  return longDate.format(new Date(y ?? 2000, (m ?? 1) - 1, d ?? 1));
}

/** The parts map: drag parts to arrange them (positions are kept), keep dated snapshots, and compare. */
export function MapView() {
  const load = useMap((state) => state.load);
  const status = useMap((state) => state.status);
  const error = useMap((state) => state.error);
  const partIds = useMap(useShallow((state) => state.partIds));
  const positions = useMap((state) => state.positions);
  const relations = useMap((state) => state.relations);
  const move = useMap((state) => state.move);
  const place = useMap((state) => state.place);
  const compareWith = useMap((state) => state.compareWith);
  const parts = useParts((state) => state.byId);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();

  useEffect(() => {
    void load();
  }, [load]);

  const nodes: MapNode[] = partIds.flatMap((id) => {
    const part = parts[id];
    const at = positions[id];
    return part && at ? [{ id, name: part.name, role: part.role, colour: part.colour, x: at.x, y: at.y }] : [];
  });
  const lines: MapLine[] = relations.map((r) => ({ key: r.id, kind: r.kind, partId: r.partId, otherPartId: r.otherPartId }));

  return (
    <section className="self-view map-view" aria-labelledby="map-heading">
      <div className="view-head">
        <h2 id="map-heading">Parts map</h2>
        <p className="view-lead">
          Drag parts to where they feel they belong; the map keeps their places. Maps date fast: keep a snapshot now and then.
        </p>
      </div>
      <MapToolbar />
      {status === 'error' ? <p className="field-error">{error}</p> : null}
      {status === 'ready' && nodes.length === 0 ? (
        <div className="parts-empty">
          <p>Your map is empty for now.</p>
          <p className="muted">Name a part under Parts and it appears here, ready to be placed.</p>
        </div>
      ) : null}
      {nodes.length > 0 ? (
        <div className={compareWith ? 'map-pair' : 'map-single'}>
          <figure className="map-frame">
            <figcaption className="map-caption">Now</figcaption>
            <PartsMapSvg
              label="Parts map"
              nodes={nodes}
              lines={lines}
              onMove={readOnly ? undefined : move}
              onDrop={() => void place()}
              onOpen={(id) => go('self', { kind: 'part', id })}
            />
          </figure>
          {compareWith ? <SnapshotFrame snapshot={compareWith} /> : null}
        </div>
      ) : null}
      {compareWith ? <Changes snapshot={compareWith} /> : null}
      <MapLegend />
      {nodes.length > 0 ? <p className="muted small">Arrow keys move the focused part; Enter or a double click opens it.</p> : null}
    </section>
  );
}

function MapToolbar() {
  const snapshots = useMap((state) => state.snapshots);
  const compareWith = useMap((state) => state.compareWith);
  const compare = useMap((state) => state.compare);
  const takeSnapshot = useMap((state) => state.takeSnapshot);
  const hasParts = useMap((state) => state.partIds.length > 0);
  const readOnly = useReadOnly();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = await takeSnapshot(note);
    setError(problem?.message ?? null);
    if (!problem) setNote('');
  };

  return (
    <div className="map-toolbar">
      <form className="inline-form" aria-label="Keep a snapshot" onSubmit={(event) => void submit(event)}>
        <label className="visually-hidden" htmlFor="snapshot-note">
          Snapshot note
        </label>
        <input
          id="snapshot-note"
          className="text-input snapshot-note"
          value={note}
          placeholder="A note for this snapshot (optional)"
          maxLength={200}
          disabled={readOnly || !hasParts}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" className="button" disabled={readOnly || !hasParts}>
          Keep a snapshot
        </button>
      </form>
      <label className="compare-field">
        <span>Compare with</span>
        <select className="select" value={compareWith?.id ?? ''} disabled={snapshots.length === 0} onChange={(event) => void compare(event.target.value || null)}>
          <option value="">{snapshots.length === 0 ? 'No snapshots yet' : 'Nothing (just now)'}</option>
          {snapshots.map((snapshot) => (
            <option key={snapshot.id} value={snapshot.id}>
              {formatDay(snapshot.takenOn)}
              {snapshot.note ? `: ${snapshot.note}` : ''}
            </option>
          ))}
        </select>
      </label>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

function SnapshotFrame({ snapshot }: { snapshot: MapSnapshot }) {
  const nodes: MapNode[] = snapshot.map.parts;
  const lines: MapLine[] = snapshot.map.relations.map((r, i) => ({ key: `${i}`, ...r }));
  const label = `Map on ${formatDay(snapshot.takenOn)}`;
  return (
    <figure className="map-frame map-frame-past">
      <figcaption className="map-caption">
        {label}
        {snapshot.note ? ` · ${snapshot.note}` : ''}
      </figcaption>
      <PartsMapSvg label={label} nodes={nodes} lines={lines} />
    </figure>
  );
}

/** What changed since the snapshot, in words: parts that arrived or left, lines drawn or gone. */
function Changes({ snapshot }: { snapshot: MapSnapshot }) {
  const partIds = useMap(useShallow((state) => state.partIds));
  const relations = useMap((state) => state.relations);
  const parts = useParts((state) => state.byId);
  const then = new Set(snapshot.map.parts.map((p) => p.id));
  const now = new Set(partIds);
  const arrived = partIds.filter((id) => !then.has(id)).map((id) => parts[id]?.name ?? 'a part');
  const left = snapshot.map.parts.filter((p) => !now.has(p.id)).map((p) => p.name);
  const key = (r: { kind: string; partId: string; otherPartId: string }) => `${r.kind}|${r.partId}|${r.otherPartId}`;
  const linesThen = new Set(snapshot.map.relations.map(key));
  const linesNow = new Set(relations.map(key));
  const drawn = relations.filter((r) => !linesThen.has(key(r))).length;
  const gone = snapshot.map.relations.filter((r) => !linesNow.has(key(r))).length;
  const notes = [
    arrived.length > 0 ? `New since then: ${arrived.join(', ')}.` : null,
    left.length > 0 ? `No longer on the map: ${left.join(', ')}.` : null,
    drawn > 0 ? `${drawn} new ${drawn === 1 ? 'line' : 'lines'} between parts.` : null,
    gone > 0 ? `${gone} ${gone === 1 ? 'line' : 'lines'} no longer there.` : null,
  ].filter(Boolean);
  return (
    <p className="map-changes" role="status">
      {notes.length > 0 ? notes.join(' ') : 'The same parts and lines as then; only where they sit may have moved.'}
    </p>
  );
}

function MapLegend() {
  return (
    <div className="map-legend" aria-label="Legend" role="group">
      <ul>
        {(['manager', 'firefighter', 'exile', 'unknown'] as const).map((role) => (
          <li key={role}>
            <PartShape role={role} colour="slate" size={16} />
            {roleLabels[role]}
          </li>
        ))}
      </ul>
      <ul>
        <li>
          <svg width="36" height="10" aria-hidden="true">
            <line x1="2" y1="5" x2="30" y2="5" className="map-line map-line-protects" />
            <path d="M28,1 L35,5 L28,9 z" className="map-arrow" />
          </svg>
          Protects
        </li>
        <li>
          <svg width="36" height="10" aria-hidden="true">
            <line x1="2" y1="5" x2="34" y2="5" className="map-line map-line-polarised" />
          </svg>
          Polarised with
        </li>
        <li>
          <svg width="36" height="10" aria-hidden="true">
            <line x1="2" y1="5" x2="34" y2="5" className="map-line map-line-allied" />
          </svg>
          Allied with
        </li>
      </ul>
    </div>
  );
}
