import { type FormEvent, useRef, useState } from 'react';
import { personLabel } from '../../../shared/domain/people';
import { call } from '../api/client';
import { useReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { stageNames } from '../crews/labels';
import { forms, useCongregations } from './congregations-store';
import { ErrorNote } from './ErrorNote';
import { Field } from './Field';
import { PeoplePicker, type PeoplePickerHandle } from './PeoplePicker';

/** The crews placed in a congregation and the people I know there: add, and remove with Undo. */

export function CrewsPanel() {
  const detail = useCongregations((state) => state.detail);
  const crews = useCongregations((state) => state.crews);
  const go = useNavigation((state) => state.go);
  const readOnly = useReadOnly();
  const [crewId, setCrewId] = useState('');
  const error = useCongregations((state) => state.error);
  if (!detail) return null;
  const congregationId = detail.congregation.id;
  const congregationName = detail.congregation.name;
  const placed = new Set(detail.crews.map((c) => c.crewId));
  // Only crews not placed here yet are offered.
  const placeable = crews.filter((crew) => !placed.has(crew.id));
  // The crew itself stays on the Crews page; placing it again is the Undo.
  const removeCrew = (id: string, name: string) =>
    useCongregations
      .getState()
      .undoable(
        () => call('congregations.removeCrew', { congregationId, crewId: id }),
        `${name} removed from ${congregationName}`,
        () => call('congregations.addCrew', { congregationId, crewId: id }),
      );
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const crew = placeable.find((c) => c.id === crewId);
    if (!crew) return;
    if (await useCongregations.getState().run(() => call('congregations.addCrew', { congregationId, crewId }), `${crew.name} placed in ${congregationName}`, forms.crew)) setCrewId('');
  };
  return (
    <section className="panel" aria-labelledby="crews-title">
      <h2 id="crews-title">Crews here</h2>
      {detail.crews.length === 0 ? <p className="muted">No crews placed here yet.</p> : null}
      <ul className="plain-list" aria-label="Crews here">
        {detail.crews.map((crew) => (
          <li key={crew.crewId} className="row-with-action">
            <span className="row-text">
              <button type="button" className="link-button" onClick={() => go('crews', { kind: 'crew', id: crew.crewId })}>
                {crew.name}
              </button>
              <span className="muted">
                {' '}
                · {stageNames[crew.stage]} · {crew.memberCount} {crew.memberCount === 1 ? 'person' : 'people'}
              </span>
            </span>
            <button
              type="button"
              className="button button-quiet button-danger row-remove"
              disabled={readOnly}
              aria-label={`Remove ${crew.name} from ${congregationName}`}
              onClick={() => void removeCrew(crew.crewId, crew.name)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {placeable.length > 0 ? (
        <form className="inline-add" aria-label="Place a crew here" onSubmit={(e) => void add(e)}>
          <Field label="Crew to place here">
            {(id) => (
              <select id={id} value={crewId} onChange={(e) => setCrewId(e.target.value)}>
                <option value="">Choose a crew…</option>
                {placeable.map((crew) => (
                  <option key={crew.id} value={crew.id}>
                    {crew.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button" disabled={readOnly || !crewId}>
            Place crew
          </button>
          <ErrorNote error={error} form={forms.crew} />
        </form>
      ) : crews.length === 0 ? (
        <button type="button" className="link-button" onClick={() => go('crews')}>
          Call a crew on the Crews page
        </button>
      ) : (
        <p className="hint">Every active crew you have is placed here.</p>
      )}
    </section>
  );
}

export function PeoplePanel() {
  const detail = useCongregations((state) => state.detail);
  const readOnly = useReadOnly();
  const [chosen, setChosen] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const picker = useRef<PeoplePickerHandle>(null);
  const error = useCongregations((state) => state.error);
  if (!detail) return null;
  const congregationId = detail.congregation.id;
  const congregationName = detail.congregation.name;
  // They stay in the archive and in any gathering; adding them back is the Undo.
  const removePerson = (personId: string, name: string) =>
    useCongregations
      .getState()
      .undoable(
        () => call('congregations.removePerson', { congregationId, personId }),
        `${name} removed from ${congregationName}`,
        () => call('congregations.addPeople', { congregationId, personIds: [personId] }),
      );
  const save = async () => {
    // A name typed but not yet added comes along, rather than being dropped.
    const people = picker.current ? await picker.current.addTyped() : chosen;
    if (people === null) return;
    if (people.length === 0) return setOpen(false);
    const done = people.length === 1 ? `1 person added to ${congregationName}` : `${people.length} people added to ${congregationName}`;
    if (await useCongregations.getState().run(() => call('congregations.addPeople', { congregationId, personIds: people }), done, forms.people)) {
      setChosen([]);
      setOpen(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">People I know here</h2>
      {detail.people.length === 0 ? <p className="muted">Nobody yet.</p> : null}
      <ul className="person-chips" aria-label="People I know here">
        {detail.people.map((p) => (
          <li key={p.personId} className="person-chip removable">
            <span>{personLabel(p)}</span>
            <button
              type="button"
              className="chip-remove"
              disabled={readOnly}
              aria-label={`Remove ${personLabel(p)} from ${congregationName}`}
              title={`Remove ${personLabel(p)} from ${congregationName}`}
              onClick={() => void removePerson(p.personId, p.name)}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
              </svg>
            </button>
          </li>
        ))}
      </ul>
      {open ? (
        // A form, so opening it takes keyboard focus to its first choice (see ui/focus-rescue).
        <form
          className="form-card"
          aria-label="Add people I know here"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <PeoplePicker ref={picker} legend="People I know here" chosen={chosen} onChange={setChosen} exclude={detail.people.map((p) => p.personId)} />
          <ErrorNote error={error} form={forms.people} />
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Save people
            </button>
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button" disabled={readOnly} onClick={() => setOpen(true)}>
          Add people I know here
        </button>
      )}
    </section>
  );
}

