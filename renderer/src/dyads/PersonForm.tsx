import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigation } from '../app/navigation-store';
import { PageHeading } from '../ui/PageHeading';
import { BackLink } from '../ui/BackLink';
import { FieldError, FormField, FormFooter, notARealDay } from './form-parts';
import { type FormError, type PersonFields, usePerson } from './person-store';

const blank: PersonFields = { name: '', howWeMet: '', notes: '', birthday: '', isMe: false };
const fieldNames = ['name', 'howWeMet', 'notes', 'birthday', 'isMe'];

/** Adding a person, or changing their details. Only the name is needed. */
export function PersonFormPage({ personId }: { personId?: string }) {
  const go = useNavigation((state) => state.go);
  const save = usePerson((state) => state.save);
  const fetchPerson = usePerson((state) => state.fetch);
  const [fields, setFields] = useState<PersonFields | null>(personId ? null : blank);
  const [error, setError] = useState<FormError | null>(null);
  const [saving, setSaving] = useState(false);
  // Whether the stored person is me: their page is "your page" (the box may be ticked in the meantime).
  const [storedIsMe, setStoredIsMe] = useState(false);
  const birthdayInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!personId) return;
    let live = true;
    // Reads the person fresh, so the form starts from what is stored.
    void fetchPerson(personId).then((person) => {
      if (!live) return;
      if (person) {
        setFields({ name: person.name, howWeMet: person.howWeMet, notes: person.notes, birthday: person.birthday ?? '', isMe: person.isMe });
        setStoredIsMe(person.isMe);
      }
      else go('dyads');
    });
    return () => {
      live = false;
    };
  }, [personId, go, fetchPerson]);

  const leave = () => go('dyads', personId ? { kind: 'person', id: personId } : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fields || saving) return;
    // The browser empties a date field holding a day that does not exist (29 February 1985):
    // say so, rather than saving no birthday at all.
    if (birthdayInput.current?.validity.badInput) {
      setError({ message: notARealDay, field: 'birthday' });
      birthdayInput.current.focus();
      return;
    }
    setSaving(true);
    const result = await save(personId ?? null, fields);
    setSaving(false);
    if (result.error) setError(result.error);
    else if (result.person) go('dyads', { kind: 'person', id: result.person.id });
  };

  const change = (patch: Partial<PersonFields>) => setFields((current) => (current ? { ...current, ...patch } : current));

  return (
    <div className="page dyads-page dyads-form-page">
      <BackLink label={personId ? (storedIsMe ? 'Back to your page' : 'Back to their page') : 'Back to Dyads'} onClick={leave} />
      <PageHeading lead={personId ? undefined : 'Someone you share a dyad with, a crew or a congregation. Only a name is needed.'}>
        {personId ? 'Edit details' : 'Add a person'}
      </PageHeading>
      {fields ? (
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
          <FormFooter error={error} fields={fieldNames} busy={saving} submitLabel={personId ? 'Save details' : 'Add person'} onLeave={leave} />
        </form>
      ) : null}
    </div>
  );
}
