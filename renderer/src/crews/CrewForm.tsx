import { cloneElement, isValidElement, type ReactElement, useEffect, useState } from 'react';
import { sizeGuidance, unnamedMe } from '../../../shared/domain/crews';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { PageHeading } from '../ui/PageHeading';
import { BackLink } from '../ui/BackLink';
import { useKeptChanges, useKeptChangesHeld } from '../ui/kept-changes';
import { KeptDraftNote } from '../ui/KeptDraftNote';
import { contractProblem } from './contract-check';
import { type FormError, useCrews } from './crews-store';
import { isAbout, Problem } from './Problem';
import { type CycleValues, CycleFields } from './CycleFields';
import { NewPersonAdder, useNewPerson } from '../ui/NewPersonAdder';
import { FindablePeople } from '../ui/FindablePeople';
import { personLabel, sizeNote } from './labels';
import { linesOf } from '../ui/lines';

/** Everything typed into "Call a crew", kept until the crew is called or the draft discarded. */
interface CallDraft extends CycleValues {
  name: string;
  intention: string;
  startedOn: string;
  agreements: string;
  chosen: string[];
  includeMe: boolean;
  /** The name the crew knows me by, asked only until someone is marked as me. */
  myName: string;
  /** A name typed in "Someone new", not added yet. */
  newName: string;
}

/** Where "Call a crew" keeps its words. */
const callDraftKey = 'crews:new';

/** What "Call a crew" starts from (called today). */
const blankCall = (): CallDraft => ({
  name: '',
  intention: '',
  format: 'case_clinic',
  formatNote: '',
  rhythm: '14',
  sessions: '6',
  endOn: '',
  startedOn: localDay(),
  agreements: 'What is said here stays here.',
  chosen: [],
  includeMe: true,
  myName: '',
  newName: '',
});

/** Whether a crew started in "Call a crew" waits, kept but not called yet (the Crews page says so). */
export function useCallDraftKept(): boolean {
  return useKeptChangesHeld(callDraftKey, blankCall());
}

/** Calling a crew: the intention, who is invited, the agreements, the rhythm and the cycle. */
export function CrewForm() {
  const people = useCrews((state) => state.people);
  const loadPeople = useCrews((state) => state.loadPeople);
  const addPerson = useCrews((state) => state.addPerson);
  const create = useCrews((state) => state.create);
  const go = useNavigation((state) => state.go);
  const me = people.find((p) => p.isMe) ?? null;
  // Kept by key, not only here: Back, another page or a restart finds the words as they were left.
  const { values: draft, changed, edit, clear } = useKeptChanges(callDraftKey, blankCall());
  const { name, intention, startedOn, agreements, chosen, includeMe, myName } = draft;
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void loadPeople();
  }, [loadPeople]);

  const others = people.filter((p) => !p.isMe);
  const count = chosen.length + (includeMe ? 1 : 0);
  const note = sizeNote(sizeGuidance(count), count);
  const toggle = (id: string) => edit((now) => ({ chosen: now.chosen.includes(id) ? now.chosen.filter((x) => x !== id) : [...now.chosen, id] }));
  const number = (text: string) => (text.trim() === '' ? null : Number(text));

  const newPerson = useNewPerson(
    addPerson,
    (added) => edit((now) => (now.chosen.includes(added) ? {} : { chosen: [...now.chosen, added] })),
    { name: draft.newName, setName: (newName) => edit({ newName }) },
    others,
  );

  const submit = async () => {
    setBusy(true);
    const details = {
      name,
      intention,
      format: draft.format,
      formatNote: draft.formatNote,
      rhythmDays: number(draft.rhythm),
      cycleSessions: number(draft.sessions),
      cycleEndOn: draft.endOn === '' ? null : draft.endOn,
      startedOn,
      agreements: linesOf(agreements),
    };
    // Checked before anyone is added: a crew refused for its name or a date must not leave me,
    // or someone new, added to the archive on the way.
    const refused = await contractProblem('crews.create', details);
    if (refused) {
      setError(refused);
      setBusy(false);
      return;
    }
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
    const memberIds = [...(meId ? [meId] : []), ...chosen.filter((id) => id !== pending), ...(pending ? [pending] : [])];
    const problem = await create({ ...details, callerId: meId, memberIds });
    setBusy(false);
    setError(problem);
    // Called: the words are in the crew now, and the next "Call a crew" starts afresh.
    if (problem === null) clear();
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
          <input id="crew-name" type="text" value={name} onChange={(e) => edit({ name: e.target.value })} placeholder="e.g. Thursday case clinic" />
        </Field>
        <Field id="crew-intention" label="Intention" error={error} field="intention">
          <textarea id="crew-intention" rows={2} value={intention} onChange={(e) => edit({ intention: e.target.value })} placeholder="What are we here for?" />
        </Field>
        <fieldset className="crews-fieldset">
          <legend className="field-label">Members</legend>
          <label className="crews-check">
            <input type="checkbox" checked={includeMe} onChange={(e) => edit({ includeMe: e.target.checked })} />
            {me ? personLabel(me) : unnamedMe}
          </label>
          {!me && includeMe ? (
            <div className="crews-field crews-my-name">
              <label className="field-label" htmlFor="crew-my-name">
                Your name
              </label>
              <input id="crew-my-name" type="text" value={myName} onChange={(e) => edit({ myName: e.target.value })} aria-describedby="crew-my-name-hint" autoComplete="given-name" />
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
        <CycleFields idPrefix="crew" values={draft} onChange={edit} error={error}>
          <Field id="crew-start" label="Called on" error={error} field="startedOn">
            <input id="crew-start" type="date" value={startedOn} onChange={(e) => edit({ startedOn: e.target.value })} />
          </Field>
        </CycleFields>
        <Field id="crew-agreements" label="Agreements (one per line)" error={error} field="agreements">
          <textarea id="crew-agreements" rows={3} value={agreements} onChange={(e) => edit({ agreements: e.target.value })} />
        </Field>
        <Problem error={error} fields={['name', 'intention', 'memberIds', 'format', 'formatNote', 'rhythmDays', 'cycleSessions', 'cycleEndOn', 'startedOn', 'agreements']} />
        <KeptDraftNote
          shown={changed}
          saving="call"
          what="this crew"
          onDiscard={() => {
            clear();
            setError(null);
            document.getElementById('crew-name')?.focus();
          }}
        />
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
