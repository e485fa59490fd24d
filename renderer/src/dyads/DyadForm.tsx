import { type FormEvent, useEffect, useState } from 'react';
import { type Dyad, dyadKinds, type DyadKind } from '../../../shared/domain/dyads';
import type { PersonSummary } from '../../../shared/domain/people';
import { loadAllPeople } from '../api/all-people';
import { asLadderError, call } from '../api/client';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { PageHeading } from '../ui/PageHeading';
import { type DyadFields, useDyad } from './dyad-store';
import { useKeptChanges, useKeptChangesHeld } from '../ui/kept-changes';
import { discardDraft, keepDraft, keptDraft } from '../ui/kept-drafts-store';
import { KeptDraftNote, useLetGoOfDraft } from '../ui/KeptDraftNote';
import { BackLink } from '../ui/BackLink';
import { describedBy, FieldError, FormField, FormFooter } from './form-parts';
import { NewPersonAdder, useNewPerson } from '../ui/NewPersonAdder';
import { kindLabels } from './labels';
import type { FormError } from './person-store';

const fieldNames = ['personId', 'kind', 'intention', 'startedOn', 'rhythmDays', 'agreements'];

/** What the dyad form holds as typed: its fields, and a name typed in "Someone new" not added yet. */
type DyadDraft = DyadFields & { newName: string };

/** Where "New dyad" keeps its words (one at a time), and where "Edit the dyad" keeps its changes, by dyad. */
const newDyadKey = 'dyads:new-dyad';
const editDyadKey = (dyadId: string) => `dyads:${dyadId}:edit`;

/** A new dyad starts today, like a new check-in; an earlier day or none at all is one edit away. */
const blankDyad = (personId: string): DyadDraft => ({ personId, kind: 'peer_coach', intention: '', startedOn: localDay(), rhythmDays: '', agreements: '', newName: '' });

/** The dyad as stored, as the form shows it: where its changes are measured from. */
const storedDyad = (dyad: Dyad): DyadDraft => ({
  personId: dyad.personId,
  kind: dyad.kind,
  intention: dyad.intention,
  startedOn: dyad.startedOn ?? '',
  rhythmDays: dyad.rhythmDays === null ? '' : String(dyad.rhythmDays),
  agreements: dyad.agreements.map((a) => a.text).join('\n'),
  newName: '',
});

/** Whether a dyad started in "New dyad" waits, kept but not saved (the Dyads page says so). */
export function useNewDyadKept(): boolean {
  return useKeptChangesHeld(newDyadKey, blankDyad(''));
}

/** Whether changes to this dyad wait in "Edit dyad", kept but not saved (the dyad's page says so). */
export function useDyadEditsKept(dyad: Dyad): boolean {
  return useKeptChangesHeld(editDyadKey(dyad.id), storedDyad(dyad));
}

/** Starting a dyad with someone, or changing what it is: kind, intention, rhythm, agreements. */
export function DyadFormPage({ personId, dyadId }: { personId?: string | null; dyadId?: string }) {
  const go = useNavigation((state) => state.go);
  const loadDyad = useDyad((state) => state.load);
  const stored = useDyad((state) => (dyadId !== undefined && state.dyadId === dyadId ? state.dyad : null));
  // The dyad to edit is gone (Back can lead here after a delete): said instead of an empty page.
  const missing = useDyad((state) => (dyadId !== undefined && state.dyadId === dyadId && state.status === 'error' ? state.error : null));
  useEffect(() => {
    if (dyadId) void loadDyad(dyadId);
  }, [dyadId, loadDyad]);
  // Opened from a person's page, the new dyad is with them, whoever a kept draft had chosen before
  // (the other words stay).
  useEffect(() => {
    if (dyadId || !personId) return;
    const kept = keptDraft(newDyadKey);
    if (typeof kept !== 'object' || kept === null || !('personId' in kept)) return;
    const { personId: _chosen, ...words } = kept;
    if (Object.keys(words).length > 0) keepDraft(newDyadKey, words);
    else discardDraft(newDyadKey);
  }, [dyadId, personId]);

  // Back keeps what was typed, for the next opening; Cancel lets it go.
  const leave = () => {
    if (dyadId) go('dyads', { kind: 'dyad', id: dyadId });
    else if (personId) go('dyads', { kind: 'person', id: personId });
    else go('dyads');
  };

  return (
    <div className="page dyads-page dyads-form-page">
      <BackLink label="Back" onClick={leave} />
      <PageHeading lead={dyadId ? undefined : 'Two people who support each other. You can change any of this later.'}>
        {dyadId ? `Edit the dyad${stored ? ` with ${stored.personName}` : ''}` : 'New dyad'}
      </PageHeading>
      {dyadId ? (
        // An edit starts from the stored dyad once it has arrived.
        stored ? (
          <DyadForm key={stored.id} draftKey={editDyadKey(stored.id)} start={storedDyad(stored)} dyadId={stored.id} onLeave={leave} />
        ) : missing ? (
          <p role="alert">{missing}</p>
        ) : null
      ) : (
        <DyadForm draftKey={newDyadKey} start={blankDyad(personId ?? '')} dyadId={null} onLeave={leave} />
      )}
    </div>
  );
}

function DyadForm({ draftKey, start, dyadId, onLeave }: { draftKey: string; start: DyadDraft; dyadId: string | null; onLeave: () => void }) {
  const go = useNavigation((state) => state.go);
  const save = useDyad((state) => state.save);
  // Everyone, not a first page: the person may be the 2,000th in the archive.
  const [people, setPeople] = useState<PersonSummary[] | null>(null);
  // Kept by key: Back, another page or a restart finds the words; only what differs from `start` is kept.
  const { values: fields, changed, edit, clear } = useKeptChanges(draftKey, start);
  const [error, setError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const cancel = useLetGoOfDraft(changed, () => {
    clear();
    onLeave();
  });

  useEffect(() => {
    if (dyadId) return;
    let live = true;
    loadAllPeople().then(
      (all) => live && setPeople(all),
      (problem: unknown) => live && setError({ message: asLadderError(problem).message, field: 'personId' }),
    );
    return () => {
      live = false;
    };
  }, [dyadId]);

  const choosable = (people ?? []).filter((p) => !p.isMe);
  // Someone not in the archive yet is added right here, and chosen: the words typed stay.
  const newPerson = useNewPerson(
    async (name) => {
      try {
        const person = await call('people.create', { name: name.trim() });
        setPeople(await loadAllPeople());
        return person.id;
      } catch (problem) {
        setError({ message: asLadderError(problem).message, field: 'personId' });
        return null;
      }
    },
    (added) => {
      edit({ personId: added });
      setError(null);
    },
    { name: fields.newName, setName: (newName) => edit({ newName }) },
    choosable,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    if (fields.rhythmDays.trim() !== '' && !/^\d+$/.test(fields.rhythmDays.trim())) {
      setError({ message: 'Use a whole number of days, or leave it empty.', field: 'rhythmDays' });
      return;
    }
    setSaving(true);
    let personId = fields.personId;
    if (!dyadId) {
      // A name typed in "Someone new" but not added yet is who this dyad is with: added and chosen first.
      const pending = await newPerson.add();
      if (pending === null && newPerson.name.trim() !== '') {
        // They could not be added (the note says why): the form stays as it is, name and all.
        setSaving(false);
        return;
      }
      personId = pending ?? personId;
      if (personId === '') {
        setSaving(false);
        setError({ message: 'Choose the person this dyad is with.', field: 'personId' });
        return;
      }
    }
    const result = await save(dyadId, { ...fields, personId });
    setSaving(false);
    if (result.error) setError(result.error);
    else if (result.dyad) {
      // Saved: the dyad holds the words now, and the draft goes.
      clear();
      go('dyads', { kind: 'dyad', id: result.dyad.id });
    }
  };

  const change = (patch: Partial<DyadFields>) => edit(patch);

  return (
    <form className="dyads-form" onSubmit={(event) => void submit(event)} noValidate>
      {dyadId ? null : (
        <div className="form-field">
          <label className="field-label" htmlFor="dyad-person">
            With
          </label>
          <select
            id="dyad-person"
            className="select-input"
            value={fields.personId}
            autoFocus
            onChange={(event) => change({ personId: event.target.value })}
            {...describedBy('dyad-person', error, 'personId')}
          >
            <option value="">Choose a person…</option>
            {choosable.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
          <FieldError id="dyad-person" error={error} field="personId" />
          {people !== null && choosable.length === 0 ? <p className="field-hint">Nobody here yet: add the person below.</p> : null}
          <NewPersonAdder id="dyad-new-person" person={newPerson} addLabel="Add and choose" />
        </div>
      )}
      <div className="form-field">
        <label className="field-label" htmlFor="dyad-kind">
          Kind
        </label>
        <select id="dyad-kind" className="select-input" value={fields.kind} onChange={(event) => change({ kind: event.target.value as DyadKind })}>
          {dyadKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabels[kind]}
            </option>
          ))}
        </select>
      </div>
      <FormField id="dyad-intention" label="Intention, in our words" error={error} field="intention">
        {(control) => (
          <input
            {...control}
            type="text"
            className="text-input"
            value={fields.intention}
            placeholder="Graceful accountability"
            onChange={(event) => change({ intention: event.target.value })}
          />
        )}
      </FormField>
      <div className="form-row">
        <div className="form-field">
          <label className="field-label" htmlFor="dyad-started">
            Started on
          </label>
          <input
            id="dyad-started"
            type="date"
            className="text-input date-input"
            value={fields.startedOn}
            onChange={(event) => change({ startedOn: event.target.value })}
            aria-describedby={error?.field === 'startedOn' ? 'dyad-started-error' : 'dyad-started-hint'}
            aria-invalid={error?.field === 'startedOn' ? true : undefined}
          />
          <p className="field-hint" id="dyad-started-hint">
            {/* Saved as typed (a dyad agreed for next month is real), but asked about: check-ins would come before it. */}
            {fields.startedOn > localDay() ? 'That day is still ahead: is the date right? ' : ''}
            Optional: clear it if the day doesn’t matter.
          </p>
          <FieldError id="dyad-started" error={error} field="startedOn" />
        </div>
        <div className="form-field">
          <label className="field-label" htmlFor="dyad-rhythm">
            Rhythm: every … days
          </label>
          <input
            id="dyad-rhythm"
            type="text"
            inputMode="numeric"
            className="text-input rhythm-input"
            value={fields.rhythmDays}
            placeholder="e.g. 14"
            aria-describedby={error?.field === 'rhythmDays' ? 'dyad-rhythm-error' : 'dyad-rhythm-hint'}
            aria-invalid={error?.field === 'rhythmDays' ? true : undefined}
            onChange={(event) => change({ rhythmDays: event.target.value })}
          />
          <p className="field-hint" id="dyad-rhythm-hint">
            Optional. Leave empty for no set rhythm.
          </p>
          <FieldError id="dyad-rhythm" error={error} field="rhythmDays" />
        </div>
      </div>
      <FormField id="dyad-agreements" label="Agreements, one per line" error={error} field="agreements">
        {(control) => (
          <textarea
            {...control}
            className="text-area"
            rows={4}
            value={fields.agreements}
            placeholder={'What we share stays between us\nEither of us can pause without explaining'}
            onChange={(event) => change({ agreements: event.target.value })}
          />
        )}
      </FormField>
      <KeptDraftNote shown={changed} saving={dyadId ? 'save' : 'start'} what={dyadId ? 'the changes' : 'the dyad'} />
      <FormFooter error={error} fields={fieldNames} busy={saving} submitLabel={dyadId ? 'Save dyad' : 'Start dyad'} onLeave={cancel.ask} />
      {cancel.dialog}
    </form>
  );
}
