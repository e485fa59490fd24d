import { useState } from 'react';
import { useCongregations } from './congregations-store';

/** Checkboxes for the people in the archive, and a way to add someone new on the spot. */
export function PeoplePicker({ legend, chosen, onChange }: { legend: string; chosen: string[]; onChange: (ids: string[]) => void }) {
  const people = useCongregations((state) => state.people);
  const [name, setName] = useState('');
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const add = async () => {
    if (name.trim() === '') return;
    const id = await useCongregations.getState().addPerson(name.trim());
    if (id) {
      onChange([...chosen, id]);
      setName('');
    }
  };
  return (
    <fieldset className="people-picker">
      <legend>{legend}</legend>
      {people.filter((p) => !p.isMe).length === 0 ? <p className="muted">No people in your archive yet: add someone below.</p> : null}
      <div className="people-picker-list">
        {people
          .filter((p) => !p.isMe)
          .map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
              {p.name}
            </label>
          ))}
      </div>
      <div className="inline-add">
        <label>
          New person's name ({legend.toLowerCase()})
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
          />
        </label>
        <button type="button" className="button" onClick={() => void add()}>
          Add to {legend.toLowerCase()}
        </button>
      </div>
    </fieldset>
  );
}
