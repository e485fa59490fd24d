import { cloneElement, isValidElement, type ReactElement, useEffect, useState } from 'react';
import { sizeGuidance, unnamedMe } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { PageHeading } from '../ui/PageHeading';
import { BackLink } from '../ui/BackLink';
import { type FormError, useCrews } from './crews-store';
import { isAbout, Problem } from './Problem';
import { type CycleValues, CycleFields } from './CycleFields';
import { NewPersonAdder, useNewPerson } from '../ui/NewPersonAdder';
import { FindablePeople } from '../ui/FindablePeople';
import { personLabel, sizeNote } from './labels';

/** Calling a crew: the intention, who is invited, the agreements, the rhythm and the cycle. */
export function CrewForm() {
  const people = useCrews((state) => state.people);
  const loadPeople = useCrews((state) => state.loadPeople);
  const addPerson = useCrews((state) => state.addPerson);
  const create = useCrews((state) => state.create);
  const go = useNavigation((state) => state.go);
  const me = people.find((p) => p.isMe) ?? null;
  const [name, setName] = useState('');
  const [intention, setIntention] = useState('');
  const [cycle, setCycle] = useState<CycleValues>({ format: 'case_clinic', formatNote: '', rhythm: '14', sessions: '6', endOn: '' });
  const [startedOn, setStartedOn] = useState(localDay());
  const [agreements, setAgreements] = useState('What is said here stays here.');
  const [chosen, setChosen] = useState<string[]>([]);
  const [includeMe, setIncludeMe] = useState(true);
  // Asked only until someone is marked as me: the name the crew knows me by, in every shared file.
  const [myName, setMyName] = useState('');
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadPeople();
  }, [loadPeople]);

  const others = people.filter((p) => !p.isMe);
  const count = chosen.length + (includeMe ? 1 : 0);
  const note = sizeNote(sizeGuidance(count), count);
  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));
  const number = (text: string) => (text.trim() === '' ? null : Number(text));

  const newPerson = useNewPerson(addPerson, (added) => setChosen((list) => [...list, added]));

  const submit = async () => {
    setBusy(true);
    // A name typed in "Someone new" but not yet added is meant to be in the crew too.
    const pending = await newPerson.add();
    if (pending === null && newPerson.name.trim() !== '') {
      // They could not be added (the toast says why): keep the form as it is, name and all.
      setBusy(false);
      return;
    }
    const meId = includeMe ? (me?.id ?? (await addPerson(myName.trim() === '' ? unnamedMe : myName, true))) : null;
    if (includeMe && meId === null) {
      // I could not be added (the toast says why): nothing is called without me.
      setBusy(false);
      return;
    }
    const memberIds = [...(meId ? [meId] : []), ...chosen, ...(pending ? [pending] : [])];
    const problem = await create({
      name,
      intention,
      format: cycle.format,
      formatNote: cycle.formatNote,
      callerId: meId,
      rhythmDays: number(cycle.rhythm),
      cycleSessions: number(cycle.sessions),
      cycleEndOn: cycle.endOn === '' ? null : cycle.endOn,
      startedOn,
      memberIds,
      agreements: agreements.split('\n').map((a) => a.trim()).filter((a) => a !== ''),
    });
    setBusy(false);
    setError(problem);
  };

  return (
    <div className="page crews-page">
      <BackLink label="Back to Crews" onClick={() => go('crews')} />
      <PageHeading lead="Start with the end in mind: a small, time-bounded experiment lets everyone say yes, and leave without losing face.">Call a crew</PageHeading>
      <form
        className="crews-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field id="crew-name" label="Name" error={error} field="name">
          <input id="crew-name" type="text" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Thursday case clinic" />
        </Field>
        <Field id="crew-intention" label="Intention" error={error} field="intention">
          <textarea id="crew-intention" rows={2} value={intention} onChange={(e) => setIntention(e.target.value)} placeholder="What are we here for?" />
        </Field>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Members</legend>
          <label className="crews-check">
            <input type="checkbox" checked={includeMe} onChange={(e) => setIncludeMe(e.target.checked)} />
            {me ? personLabel(me) : unnamedMe}
          </label>
          {!me && includeMe ? (
            <div className="crews-field crews-my-name">
              <label className="field-label" htmlFor="crew-my-name">
                Your name
              </label>
              <input id="crew-my-name" type="text" value={myName} onChange={(e) => setMyName(e.target.value)} aria-describedby="crew-my-name-hint" autoComplete="given-name" />
              <span id="crew-my-name-hint" className="crews-item-meta">
                As the crew knows you: it goes into what you share with them. Optional; left empty, you are “Me”.
              </span>
            </div>
          ) : null}
          <FindablePeople id="crew-find-person" people={others} isChosen={(person) => chosen.includes(person.id)} name={(person) => person.name}>
            {(shown) =>
              shown.map((person) => (
                <label key={person.id} className="crews-check">
                  <input type="checkbox" checked={chosen.includes(person.id)} onChange={() => toggle(person.id)} />
                  {person.name}
                </label>
              ))
            }
          </FindablePeople>
          <NewPersonAdder id="crew-new-person" person={newPerson} addLabel="Add to the crew" />
          {note ? <p className="crews-note">{note}</p> : null}
          <Problem error={error} field="memberIds" prefix />
        </fieldset>
        <CycleFields idPrefix="crew" values={cycle} onChange={(patch) => setCycle((old) => ({ ...old, ...patch }))} error={error}>
          <Field id="crew-start" label="Called on" error={error} field="startedOn">
            <input id="crew-start" type="date" value={startedOn} onChange={(e) => setStartedOn(e.target.value)} />
          </Field>
        </CycleFields>
        <Field id="crew-agreements" label="Agreements (one per line)" error={error} field="agreements">
          <textarea id="crew-agreements" rows={3} value={agreements} onChange={(e) => setAgreements(e.target.value)} />
        </Field>
        <Problem error={error} fields={['name', 'intention', 'memberIds', 'format', 'formatNote', 'rhythmDays', 'cycleSessions', 'cycleEndOn', 'startedOn', 'agreements']} />
        <div className="crews-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Call this crew
          </button>
        </div>
      </form>
    </div>
  );
}

/** A labelled control with its error note underneath; `grow` lets it take the row's spare width. */
export function Field({ id, label, error, field, grow = false, children }: { id: string; label: string; error: FormError | null; field: string; grow?: boolean; children: React.ReactNode }) {
  const errorId = `${id}-error`;
  // The control is marked invalid and described by the note, so a screen reader says why.
  const control =
    isAbout(error, field, true) && isValidElement(children)
      ? cloneElement(children as ReactElement<{ 'aria-invalid'?: boolean; 'aria-describedby'?: string }>, { 'aria-invalid': true, 'aria-describedby': errorId })
      : children;
  return (
    <div className={grow ? 'crews-field crews-field-grow' : 'crews-field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {control}
      <Problem error={error} field={field} prefix id={errorId} />
    </div>
  );
}
