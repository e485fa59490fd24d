import { type KeyboardEvent, useRef, useState } from 'react';
import { sameName } from './FindablePeople';

/**
 * "Someone new" inside a form that chooses people (a crew's members, a dyad's other person):
 * typing a name and pressing Enter adds them, as the button beside it does, without leaving the
 * form and the words already in it. Enter here never sends the whole form, which would call a
 * crew before everyone is in it. A name already in the archive (`known`) chooses that person
 * rather than adding them twice, and says so.
 */
export function useNewPerson(
  addPerson: (name: string) => Promise<string | null>,
  onAdded: (personId: string) => void,
  /** Where the typed name lives when the form keeps its words as a draft; otherwise here. */
  kept?: { name: string; setName: (name: string) => void },
  /** The people in the archive, to find a name typed again. */
  known: readonly { id: string; name: string }[] = [],
) {
  const [ownName, setOwnName] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const name = kept ? kept.name : ownName;
  const setName = kept ? kept.setName : setOwnName;
  // A ref, not state: two quick Enters must not add the same person twice.
  const adding = useRef(false);

  /** Adds the typed name (if any) and returns their id, or null when there was nothing to add. */
  const add = async (): Promise<string | null> => {
    if (adding.current || name.trim() === '') return null;
    const already = known.find((person) => sameName(person.name, name));
    if (already) {
      onAdded(already.id);
      setName('');
      setNote(`${already.name} is already in your archive, so they are chosen rather than added twice.`);
      return already.id;
    }
    setNote(null);
    adding.current = true;
    try {
      const added = await addPerson(name);
      if (added) {
        onAdded(added);
        setName('');
      }
      return added;
    } finally {
      adding.current = false;
    }
  };
  return { name, setName, add, note };
}

export function NewPersonAdder({ id, person, addLabel }: { id: string; person: ReturnType<typeof useNewPerson>; addLabel: string }) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void person.add();
  };
  return (
    <>
      <div className="new-person-adder">
        <label className="visually-hidden" htmlFor={id}>
          Someone new
        </label>
        <input id={id} type="text" className="text-input" value={person.name} onChange={(e) => person.setName(e.target.value)} onKeyDown={onKeyDown} placeholder="Someone new: their name" />
        <button type="button" className="button" disabled={person.name.trim() === ''} onClick={() => void person.add()}>
          {addLabel}
        </button>
      </div>
      <p className="new-person-note muted" role="status">
        {person.note}
      </p>
    </>
  );
}
