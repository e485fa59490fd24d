import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Person } from '../../../shared/domain/people';
import { useNavigation } from '../app/navigation-store';
import { PageHeading } from '../ui/PageHeading';
import { BackLink } from '../ui/BackLink';
import { useKeptChanges, useKeptChangesHeld } from '../ui/kept-changes';
import { KeptDraftNote, useLetGoOfDraft } from '../ui/KeptDraftNote';
import { FieldError, FormField, FormFooter, notARealDay } from './form-parts';
import { type FormError, type PersonFields, usePerson } from './person-store';

const fieldNames = ['name', 'howWeMet', 'notes', 'birthday', 'isMe'];

/** Where "Add a person" keeps its words, and where "Edit details" keeps its changes, by person. */
const newPersonKey = 'people:new';
const editPersonKey = (personId: string) => `people:${personId}:edit`;

const blank: PersonFields = { name: '', howWeMet: '', notes: '', birthday: '', isMe: false };

/** The person as stored, as the form shows them: where the changes are measured from. */
const storedPerson = (person: Person): PersonFields => ({ name: person.name, howWeMet: person.howWeMet, notes: person.notes, birthday: person.birthday ?? '', isMe: person.isMe });

/** Whether a person started in "Add a person" waits, kept but not added (the Dyads page says so). */
export function useNewPersonKept(): boolean {
  return useKeptChangesHeld(newPersonKey, blank);
}

/** Whether changes to this person's details wait in "Edit details", kept but not saved (their page says so). */
export function usePersonEditsKept(person: Person): boolean {
  return useKeptChangesHeld(editPersonKey(person.id), storedPerson(person));
}

/** Adding a person, or changing their details. Only the name is needed. */
export function PersonFormPage({ personId }: { personId?: string }) {
  const go = useNavigation((state) => state.go);
  const fetchPerson = usePerson((state) => state.fetch);
  // The person as stored, read fresh, so the form starts from (and measures changes against) them.
  const [stored, setStored] = useState<Person | null>(null);

  useEffect(() => {
    if (!personId) return;
    let live = true;
    void fetchPerson(personId).then((person) => {
      if (!live) return;
      if (person) setStored(person);
      else go('dyads');
    });
    return () => {
      live = false;
    };
  }, [personId, go, fetchPerson]);

  // Back keeps what was typed, for the next opening; Cancel lets it go.
  const leave = () => go('dyads', personId ? { kind: 'person', id: personId } : null);
  // Whether the stored person is me: their page is "your page" (the box may be ticked in the meantime).
  const storedIsMe = stored?.isMe ?? false;

  return (
    <div className="page dyads-page dyads-form-page">
      <BackLink label={personId ? (storedIsMe ? 'Back to your page' : 'Back to their page') : 'Back to Dyads'} onClick={leave} />
      <PageHeading lead={personId ? undefined : 'Someone you share a dyad with, a crew or a congregation. Only a name is needed.'}>
        {personId ? 'Edit details' : 'Add a person'}
      </PageHeading>
      {personId ? (
        stored?.id === personId ? (
          <PersonForm key={stored.id} draftKey={editPersonKey(stored.id)} start={storedPerson(stored)} personId={stored.id} onLeave={leave} />
        ) : null
      ) : (
        <PersonForm draftKey={newPersonKey} start={blank} personId={null} onLeave={leave} />
      )}
    </div>
  );
}

function PersonForm({ draftKey, start, personId, onLeave }: { draftKey: string; start: PersonFields; personId: string | null; onLeave: () => void }) {
  const go = useNavigation((state) => state.go);
  const save = usePerson((state) => state.save);
  // Kept by key: Back, another page or a restart finds the words; only what differs from `start` is kept.
  const { values: fields, changed, edit, clear } = useKeptChanges(draftKey, start);
  const [error, setError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  const birthdayInput = useRef<HTMLInputElement>(null);
  const cancel = useLetGoOfDraft(changed, () => {
    clear();
    onLeave();
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    // The browser empties a date field holding a day that does not exist (29 February 1985):
    // say so, rather than saving no birthday at all.
    if (birthdayInput.current?.validity.badInput) {
      setError({ message: notARealDay, field: 'birthday' });
      birthdayInput.current.focus();
      return;
    }
    setSaving(true);
    const result = await save(personId, fields);
    setSaving(false);
    if (result.error) setError(result.error);
    else if (result.person) {
      // Saved: the person holds the words now, and the draft goes.
      clear();
      go('dyads', { kind: 'person', id: result.person.id });
    }
  };

  const change = (patch: Partial<PersonFields>) => edit(patch);

  return (
    <form className="dyads-form" onSubmit={(event) => void submit(event)} noValidate>
      <FormField id="person-name" label="Name" error={error} field="name">
        {(control) => (
          <input
            {...control}
            type="text"
            className="text-input"
            value={fields.name}
            autoComplete="off"
            autoFocus
            required
            onChange={(event) => change({ name: event.target.value })}
          />
        )}
      </FormField>
      {/* "How we met" means nothing about yourself; anything stored there is kept. */}
      {fields.isMe ? null : (
        <FormField id="person-how-we-met" label="How we met" error={error} field="howWeMet">
          {(control) => (
            <input
              {...control}
              type="text"
              className="text-input"
              value={fields.howWeMet}
              placeholder="At a gathering, through a friend…"
              onChange={(event) => change({ howWeMet: event.target.value })}
            />
          )}
        </FormField>
      )}
      <FormField id="person-birthday" label="Birthday (optional)" error={error} field="birthday">
        {(control) => (
          <input
            {...control}
            ref={birthdayInput}
            type="date"
            className="text-input date-input"
            value={fields.birthday}
            onChange={(event) => change({ birthday: event.target.value })}
            onBlur={(event) => {
              if (event.target.validity.badInput) setError({ message: notARealDay, field: 'birthday' });
              else if (error?.field === 'birthday' && error.message === notARealDay) setError(null);
            }}
          />
        )}
      </FormField>
      <FormField id="person-notes" label="Notes" error={error} field="notes">
        {(control) => <textarea {...control} className="text-area" rows={4} value={fields.notes} onChange={(event) => change({ notes: event.target.value })} />}
      </FormField>
      <label className="check-field">
        <input type="checkbox" checked={fields.isMe} onChange={(event) => change({ isMe: event.target.checked })} />
        This is me (so crews can include you)
      </label>
      <FieldError id="person-is-me" error={error} field="isMe" />
      <KeptDraftNote shown={changed} saving={personId ? 'save' : 'add'} what={personId ? 'the changes' : 'the person'} />
      <FormFooter error={error} fields={fieldNames} busy={saving} submitLabel={personId ? 'Save details' : 'Add person'} onLeave={cancel.ask} />
      {cancel.dialog}
    </form>
  );
}
