import { type KeyboardEvent, useRef, useState } from 'react';
import { useCrews } from './crews-store';

/**
 * "Someone new" inside the crew forms: typing a name and pressing Enter adds them, as the
 * "Add to the crew" button does. Enter here never sends the whole form, which would call the crew
 * before everyone is in it.
 */
export function useNewPerson(onAdded: (personId: string) => void) {
  const addPerson = useCrews((state) => state.addPerson);
  const [name, setName] = useState('');
  // A ref, not state: two quick Enters must not add the same person twice.
  const adding = useRef(false);

  /** Adds the typed name (if any) and returns their id, or null when there was nothing to add. */
  const add = async (): Promise<string | null> => {
    if (adding.current || name.trim() === '') return null;
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
  return { name, setName, add };
}

export function NewPersonAdder({ id, person }: { id: string; person: ReturnType<typeof useNewPerson> }) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void person.add();
  };
  return (
    <div className="crews-inline">
      <label className="crews-hidden" htmlFor={id}>
        Someone new
      </label>
      <input id={id} type="text" value={person.name} onChange={(e) => person.setName(e.target.value)} onKeyDown={onKeyDown} placeholder="Someone new: their name" />
      <button type="button" className="button" disabled={person.name.trim() === ''} onClick={() => void person.add()}>
        Add to the crew
      </button>
    </div>
  );
}
