import { type FormEvent, useState } from 'react';
import type { Gathering } from '../../../shared/domain/congregations';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { friendlyDay, localDay } from '../self/dates';
import { useCongregations } from './congregations-store';
import { PeoplePicker } from './PeoplePicker';

/** Gatherings: when and where, my temporary crew, possible crewmates, the harvest, and a kind look back. */
export function GatheringsSection() {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  const [adding, setAdding] = useState(false);
  if (!detail) return null;
  return (
    <section className="panel wide" aria-labelledby="gatherings-title">
      <div className="panel-head">
        <h2 id="gatherings-title">Gatherings</h2>
        {adding ? null : (
          <button type="button" className="button" disabled={readOnly} onClick={() => setAdding(true)}>
            Add a gathering
          </button>
        )}
      </div>
      {adding ? <GatheringForm congregationId={detail.congregation.id} onDone={() => setAdding(false)} /> : null}
      {detail.gatherings.length === 0 && !adding ? (
        <p className="muted">No gatherings yet. Gatherings are where temporary crews meet and lasting ones often begin.</p>
      ) : null}
      <ul className="gathering-list" aria-label="Gatherings">
        {detail.gatherings.map((g) => (
          <GatheringItem key={g.id} gathering={g} />
        ))}
      </ul>
    </section>
  );
}

function names(people: { name: string }[]) {
  return people.map((p) => p.name).join(', ');
}

function GatheringItem({ gathering: g }: { gathering: Gathering }) {
  const readOnly = useReadOnly();
  const title = g.name || 'Gathering';
  return (
    <li className="gathering">
      <h3>
        {title} <span className="muted">· {friendlyDay(g.heldOn)}</span>
        {g.place ? <span className="muted"> · {g.place}</span> : null}
      </h3>
      {g.followUpSuggested ? (
        <div className="gathering-note" role="note">
          <p>A week has passed since this gathering. Which connections felt like possible crewmates? Perhaps send one of them a note.</p>
          <button
            type="button"
            className="button button-quiet"
            disabled={readOnly}
            onClick={() => void useCongregations.getState().run(() => call('gatherings.update', { id: g.id, followedUpOn: localDay() }), 'Thanks for looking back')}
          >
            I've looked back
          </button>
        </div>
      ) : null}
      <dl className="gathering-facts">
        {g.temporaryCrew.length > 0 ? (
          <div>
            <dt>My temporary crew</dt>
            <dd>{names(g.temporaryCrew)}</dd>
          </div>
        ) : null}
        {g.possibleCrewmates.length > 0 ? (
          <div>
            <dt>Possible crewmates</dt>
            <dd>{names(g.possibleCrewmates)}</dd>
          </div>
        ) : null}
        {g.harvest ? (
          <div>
            <dt>Harvest</dt>
            <dd className="harvest">{g.harvest}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

function GatheringForm({ congregationId, onDone }: { congregationId: string; onDone: () => void }) {
  const [name, setName] = useState('');
  const [heldOn, setHeldOn] = useState(localDay());
  const [place, setPlace] = useState('');
  const [harvest, setHarvest] = useState('');
  const [temporaryCrewIds, setTemporary] = useState<string[]>([]);
  const [possibleCrewmateIds, setPossible] = useState<string[]>([]);
  const busy = useCongregations((state) => state.busy);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await useCongregations
      .getState()
      .run(() => call('gatherings.create', { congregationId, name, heldOn, place, harvest, temporaryCrewIds, possibleCrewmateIds }), 'Gathering saved');
    if (ok) onDone();
  };
  return (
    <form className="form-card" aria-label="New gathering" onSubmit={(e) => void submit(e)}>
      <div className="form-row">
        <label>
          Gathering name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Date
          <input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} required />
        </label>
        <label>
          Place
          <input value={place} onChange={(e) => setPlace(e.target.value)} />
        </label>
      </div>
      <PeoplePicker legend="My temporary crew" chosen={temporaryCrewIds} onChange={setTemporary} />
      <PeoplePicker legend="Possible crewmates" chosen={possibleCrewmateIds} onChange={setPossible} />
      <label>
        Harvest notes
        <textarea rows={3} value={harvest} onChange={(e) => setHarvest(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save gathering
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
