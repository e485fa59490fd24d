import { type ReactNode, useState } from 'react';

/**
 * A box to find someone by name among the people a form lists as checkboxes (a crew's members, a
 * congregation's people), once there are more than a glance takes in: twenty years of an archive
 * know thousands. The people already chosen always stay in view.
 */

/** Beyond this many people, the list gets its box. */
export const manyPeople = 12;

/** Lower case, without accents: "zoe" finds Zoë, "jose" finds José. */
function folded(text: string) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Whether two names are the same name, whatever their case, accents or spacing ("ana " and "Ána"). */
export function sameName(a: string, b: string): boolean {
  const tidy = (name: string) => folded(name).trim().replace(/\s+/g, ' ');
  return tidy(a) === tidy(b);
}

/** Whether a name holds what was typed (every word of it, anywhere in the name). */
export function nameMatches(name: string, query: string): boolean {
  const words = folded(query).split(/\s+/).filter((word) => word !== '');
  const target = folded(name);
  return words.every((word) => target.includes(word));
}

export function PeopleFinder({ id, label, query, onQuery }: { id: string; label: string; query: string; onQuery: (query: string) => void }) {
  return (
    <div className="people-finder">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="text-input"
        value={query}
        autoComplete="off"
        onChange={(event) => onQuery(event.target.value)}
        // Enter here looks, it never sends the form the list is in.
        onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
      />
    </div>
  );
}

/**
 * The people a form offers, drawn by `children` (checkboxes, in the form's own way): all of them
 * while few; beyond `manyPeople`, in a box of their own under "Find someone by name", showing
 * everyone chosen and the others whose name matches. Where a page has two such lists, `label`
 * tells their boxes apart.
 */
export function FindablePeople<T>({
  id,
  label = 'Find someone by name',
  people,
  isChosen,
  name,
  children,
}: {
  id: string;
  label?: string;
  people: readonly T[];
  isChosen: (person: T) => boolean;
  name: (person: T) => string;
  children: (shown: readonly T[]) => ReactNode;
}) {
  const [query, setQuery] = useState('');
  if (people.length <= manyPeople) return <>{children(people)}</>;
  const looking = query.trim() !== '';
  const shown = looking ? people.filter((person) => isChosen(person) || nameMatches(name(person), query)) : people;
  const found = shown.some((person) => !isChosen(person));
  return (
    <>
      <PeopleFinder id={id} label={label} query={query} onQuery={setQuery} />
      <div className="people-choices-long">{children(shown)}</div>
      {looking && !found ? <p className="muted">No one else by that name: add them as someone new below.</p> : null}
    </>
  );
}
