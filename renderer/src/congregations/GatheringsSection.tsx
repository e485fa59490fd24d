import { type FormEvent, useState } from 'react';
import type { Gathering } from '../../../shared/domain/congregations';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { friendlyDay, localDay } from '../self/dates';
import { useCongregations } from './congregations-store';
import { Field } from './Field';
import { PeoplePicker } from './PeoplePicker';

/** Gatherings: when and where, my temporary crew, possible crewmates, the harvest, and a kind look back. */
export function GatheringsSection() {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
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
        {detail.gatherings.map((g) =>
          editing === g.id ? (
            <li key={g.id} className="gathering">
              <GatheringForm congregationId={detail.congregation.id} gathering={g} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <GatheringItem key={g.id} gathering={g} onEdit={() => setEditing(g.id)} />
          ),
        )}
      </ul>
    </section>
  );
}

function names(people: { name: string }[]) {
  return people.map((p) => p.name).join(', ');
}

function GatheringItem({ gathering: g, onEdit }: { gathering: Gathering; onEdit: () => void }) {
  const readOnly = useReadOnly();
  const title = g.name || 'Gathering';
  const named = `${title} on ${friendlyDay(g.heldOn)}`;
  const remove = () =>
    useCongregations
      .getState()
      .undoable(
        () => call('gatherings.delete', { id: g.id }),
        `${title} deleted`,
        () => call('gatherings.restore', { id: g.id }),
      );
  return (
    <li className="gathering">
      <div className="gathering-head">
        <h3>
          {title} <span className="muted">· {friendlyDay(g.heldOn)}</span>
          {g.place ? <span className="muted"> · {g.place}</span> : null}
        </h3>
        <div className="row-actions">
          <button type="button" className="button button-quiet" disabled={readOnly} aria-label={`Edit ${named}`} onClick={onEdit}>
            Edit
          </button>
          <button type="button" className="button button-quiet button-danger" disabled={readOnly} aria-label={`Delete ${named}`} onClick={() => void remove()}>
            Delete
          </button>
        </div>
      </div>
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

/** A new gathering, or (with `gathering`) the same fields to correct one. */
function GatheringForm({ congregationId, gathering, onDone }: { congregationId: string; gathering?: Gathering; onDone: () => void }) {
  const [name, setName] = useState(gathering?.name ?? '');
  const [heldOn, setHeldOn] = useState(gathering?.heldOn ?? localDay());
  const [place, setPlace] = useState(gathering?.place ?? '');
  const [harvest, setHarvest] = useState(gathering?.harvest ?? '');
  const [temporaryCrewIds, setTemporary] = useState<string[]>(gathering?.temporaryCrew.map((p) => p.personId) ?? []);
  const [possibleCrewmateIds, setPossible] = useState<string[]>(gathering?.possibleCrewmates.map((p) => p.personId) ?? []);
  const busy = useCongregations((state) => state.busy);
  const fields = { name, heldOn, place, harvest, temporaryCrewIds, possibleCrewmateIds };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await useCongregations
      .getState()
      .run(
        () => (gathering ? call('gatherings.update', { id: gathering.id, ...fields }) : call('gatherings.create', { congregationId, ...fields })),
        'Gathering saved',
      );
    if (ok) onDone();
  };
  return (
    <form className="form-card" aria-label={gathering ? 'Edit gathering' : 'New gathering'} onSubmit={(e) => void submit(e)}>
      <div className="form-row">
        <Field label="Gathering name">{(id) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label="Date">{(id) => <input id={id} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} required />}</Field>
        <Field label="Place">{(id) => <input id={id} value={place} onChange={(e) => setPlace(e.target.value)} />}</Field>
      </div>
      <PeoplePicker legend="My temporary crew" chosen={temporaryCrewIds} onChange={setTemporary} />
      <PeoplePicker legend="Possible crewmates" chosen={possibleCrewmateIds} onChange={setPossible} />
      <Field label="Harvest notes">{(id) => <textarea id={id} rows={3} value={harvest} onChange={(e) => setHarvest(e.target.value)} />}</Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {gathering ? 'Save changes' : 'Save gathering'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
