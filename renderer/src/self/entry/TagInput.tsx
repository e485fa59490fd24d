import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useTags } from './tags-store';

/** Tags as removable chips, and a field that adds one on Enter or a comma, suggesting tags in use. */
export function TagInput({ tags, onChange, disabled = false }: { tags: readonly string[]; onChange: (next: string[]) => void; disabled?: boolean }) {
  const id = useId();
  const known = useTags(useShallow((state) => state.tags));
  const [draft, setDraft] = useState('');

  const add = (raw: string = draft) => {
    const name = raw.trim().replace(/\s+/g, ' ');
    setDraft('');
    if (name === '' || tags.some((tag) => tag.toLocaleLowerCase() === name.toLocaleLowerCase())) return;
    // Use the spelling already in use, so "crew" joins "Crew".
    const existing = known.find((tag) => tag.toLocaleLowerCase() === name.toLocaleLowerCase());
    onChange([...tags, existing ?? name]);
  };

  return (
    <div className="tag-input">
      {tags.length > 0 ? (
        <ul className="chips" aria-label="Tags on this entry">
          {tags.map((tag) => (
            <li key={tag} className="chip chip-static">
              #{tag}
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${tag}`}
                disabled={disabled}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label className="visually-hidden" htmlFor={`${id}-tag`}>
        Add a tag
      </label>
      <input
        id={`${id}-tag`}
        className="text-input tag-draft"
        list={`${id}-known`}
        value={draft}
        placeholder="Add a tag, then Enter"
        maxLength={60}
        disabled={disabled}
        onChange={(event) => {
          const value = event.target.value;
          if (value.endsWith(',')) add(value.slice(0, -1));
          else setDraft(value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={() => add()}
      />
      <datalist id={`${id}-known`}>
        {known
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
    </div>
  );
}
