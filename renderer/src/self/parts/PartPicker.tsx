import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { PartShape } from './PartShape';
import { useParts } from './parts-store';

/**
 * Which parts showed up: every part as a chip to press, and a way to name a new one on the
 * spot (its role can wait). Pressed chips come first in the order they were chosen.
 */
export function PartPicker({
  label,
  selected,
  onChange,
  disabled = false,
  allowNew = true,
}: {
  label: string;
  selected: readonly string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  allowNew?: boolean;
}) {
  const ids = useParts(useShallow((state) => state.ids));
  const createPart = useParts((state) => state.create);
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Where focus goes once the small "new part" form closes (it had focus, and would leave it on <body>).
  const focusNext = useRef<string | null>(null);
  const group = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    const next = focusNext.current;
    if (next === null || adding) return;
    focusNext.current = null;
    group.current?.querySelector<HTMLElement>(next === 'add' ? '.chip-add' : `[data-part-id="${CSS.escape(next)}"]`)?.focus();
  });

  // Called off (Escape, Cancel): the half-typed name goes too, so the next "+ New part" starts empty.
  const stopAdding = () => {
    focusNext.current = 'add';
    setName('');
    setError(null);
    setAdding(false);
  };

  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((other) => other !== id) : [...selected, id]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const result = await createPart({ name });
    if ('code' in result) {
      setError(result.message);
      // Back in the name, where the note is about (Add took focus to itself).
      input.current?.focus();
      return;
    }
    onChange([...selected, result.id]);
    setName('');
    setError(null);
    // On the new part's chip, pressed: the next Tab goes on from there.
    focusNext.current = result.id;
    setAdding(false);
  };

  return (
    <div ref={group} className="part-picker" role="group" aria-label={label}>
      {ids.length === 0 && !adding ? <p className="part-picker-empty">No parts yet. Name one when you notice it.</p> : null}
      <div className="chips">
        {ids.map((id) => (
          <PartChip key={id} id={id} pressed={selected.includes(id)} disabled={disabled} onToggle={toggle} />
        ))}
        {allowNew && !adding ? (
          <button type="button" className="chip chip-add" disabled={disabled} onClick={() => setAdding(true)}>
            + New part
          </button>
        ) : null}
      </div>
      {adding ? (
        // A nested form would submit its parent; this is a div that acts like a small form.
        <div className="part-picker-new">
          <label className="field-label" htmlFor={`${label}-new-part`}>
            Name of the new part
          </label>
          <div className="inline-form">
            <input
              ref={input}
              id={`${label}-new-part`}
              className="text-input"
              value={name}
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void add(event);
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  stopAdding();
                }
              }}
            />
            <button type="button" className="button" onClick={(event) => void add(event)}>
              Add
            </button>
            <button type="button" className="button button-quiet" onClick={stopAdding}>
              Cancel
            </button>
          </div>
          {error ? (
            <p className="field-error" id={errorId}>
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function PartChip({ id, pressed, disabled, onToggle }: { id: string; pressed: boolean; disabled: boolean; onToggle: (id: string) => void }) {
  const part = useParts((state) => state.byId[id]);
  if (!part) return null;
  return (
    <button type="button" className="chip" data-part-id={id} aria-pressed={pressed} disabled={disabled} onClick={() => onToggle(id)}>
      <PartShape role={part.role} colour={part.colour} />
      {part.name}
    </button>
  );
}
