import { type Ref, useId, useImperativeHandle, useState } from 'react';
import { personLabel } from '../../../shared/domain/people';
import { useCongregations } from './congregations-store';
import { Field } from './Field';
import { FindablePeople, sameName } from '../ui/FindablePeople';

/** What a form asks of its pickers as it saves. */
export interface PeoplePickerHandle {
  /**
   * Adds the name typed under "New person's name" but not yet added (someone saving right after
   * typing it), so it is not lost: resolves the people chosen with them, or null when they could
   * not be added (the reason shows under the field).
   */
  addTyped: () => Promise<string[] | null>;
}

/**
 * Checkboxes for the people in the archive (less any in `exclude`, e.g. those already listed), and
 * a way to add someone new on the spot. The person marked as me comes first, as "Name (you)":
 * I belong to a congregation and sit in a gathering's crews as much as anyone. Where I can't be one
 * of the people (my own possible crewmate), `withMe={false}` leaves me out, unless already chosen.
 */
export function PeoplePicker({
  legend,
  chosen,
  onChange,
  exclude = [],
  withMe = true,
  ref,
}: {
  legend: string;
  chosen: string[];
  onChange: (ids: string[]) => void;
  exclude?: string[];
  withMe?: boolean;
  ref?: Ref<PeoplePickerHandle>;
}) {
  const people = useCongregations((state) => state.people);
  const findId = useId();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  /** Adds the typed name and chooses them; resolves who is chosen then, or null when it was refused. */
  const add = async (): Promise<string[] | null> => {
    if (name.trim() === '') return chosen;
    // A name already in the archive is that person, chosen, not a second one of them.
    const already = people.find((p) => sameName(p.name, name));
    if (already) {
      const listed = exclude.includes(already.id);
      const next = listed || chosen.includes(already.id) ? chosen : [...chosen, already.id];
      onChange(next);
      setName('');
      setProblem(null);
      setNote(listed ? `${already.name} is here already.` : `${already.name} is already in your archive, so they are chosen rather than added twice.`);
      return next;
    }
    setNote(null);
    const added = await useCongregations.getState().addPerson(name.trim());
    if ('error' in added) {
      setProblem(added.error);
      return null;
    }
    setProblem(null);
    const next = [...chosen, added.id];
    onChange(next);
    setName('');
    return next;
  };
  useImperativeHandle(ref, () => ({ addTyped: add }));
  const offered = people.filter((p) => !exclude.includes(p.id) && (withMe || !p.isMe || chosen.includes(p.id))).sort((a, b) => Number(b.isMe) - Number(a.isMe));
  // "People I know here" → "people I know here", keeping the I.
  const inSentence = legend.charAt(0).toLowerCase() + legend.slice(1);
  return (
    <fieldset className="people-picker">
      <legend className="field-label">{legend}</legend>
      {offered.length === 0 ? (
        <p className="muted">{people.some((p) => withMe || !p.isMe)
            ? 'Everyone in your archive is here already: add someone new below.'
            : people.length > 0
              ? 'No one else in your archive yet: add someone below.'
              : 'No people in your archive yet: add someone below.'}</p>
      ) : null}
      <FindablePeople id={`${findId}-find`} label={`Find someone by name (${inSentence})`} people={offered} isChosen={(p) => chosen.includes(p.id)} name={(p) => p.name}>
        {(shown) => (
          <div className="people-picker-list">
            {shown.map((p) => (
              <label key={p.id} className="check">
                <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                {personLabel(p)}
              </label>
            ))}
          </div>
        )}
      </FindablePeople>
      <div className="inline-add">
        <Field label={`New person's name (${inSentence})`} error={problem}>
          {(id, invalid) => (
            <input
              id={id}
              value={name}
              {...invalid}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void add();
                }
              }}
            />
          )}
        </Field>
        <button type="button" className="button" disabled={name.trim() === ''} onClick={() => void add()}>
          Add to {inSentence}
        </button>
      </div>
      <p className="new-person-note muted" role="status">
        {note}
      </p>
    </fieldset>
  );
}
