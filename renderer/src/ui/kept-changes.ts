import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { discardDraft, flushKeptDrafts, hasKeptDraft, keepDraft, keptDraft, subscribeKeptDraft } from './kept-drafts-store';

/** A form's fields as typed (words, choices, lists of ids), by name. */
type Fields = object;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const sameKind = (a: unknown, b: unknown) => typeof a === typeof b && Array.isArray(a) === Array.isArray(b);
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * What a kept draft changes of where the form starts: only the form's own fields, of the kind the
 * form has them now (a draft from an older Ladder is not forced on it), and only where they differ.
 */
function changesIn<T extends Fields>(kept: unknown, start: T): Partial<T> {
  if (!isPlainObject(kept)) return {};
  const changes: Partial<T> = {};
  for (const key of Object.keys(start) as (keyof T & string)[]) {
    if (!(key in kept)) continue;
    const value = kept[key];
    if (sameKind(value, start[key]) && !same(value, start[key])) changes[key] = value as T[typeof key];
  }
  return changes;
}

const holdsChanges = (changes: object) => Object.keys(changes).length > 0;

/** A form's fields kept as a draft, as `useKeptChanges` hands them to the form. */
export interface KeptChanges<T> {
  /** The fields as the form shows them: where it starts, with the kept changes. */
  values: T;
  /** Whether anything differs from where the form starts. */
  changed: boolean;
  edit: (patch: Partial<T> | ((current: T) => Partial<T>)) => void;
  clear: () => void;
}

/**
 * The fields of a form kept as a draft under `key` (`crews:new`, `people:<id>:edit`): leaving the
 * page and coming back finds them, and so does the next start of Ladder (see kept-drafts-store).
 * Only what differs from `start` is kept: a blank form's defaults, or the stored record being
 * edited. So a draft goes by itself once the form is back where it started, and fields left
 * untouched in an edit follow the record as it is stored now.
 *
 * `edit` builds on the latest kept words, not on those of the render it came from, so changes
 * made one after another (a person added, then their name cleared) all stay; given a function,
 * it is handed those latest words to change. `clear` lets the words go: after saving, or on
 * Cancel / Discard draft.
 */
export function useKeptChanges<T extends Fields>(key: string, start: T): KeptChanges<T> {
  const subscribe = useCallback((onChange: () => void) => subscribeKeptDraft(key, onChange), [key]);
  const kept = useSyncExternalStore(subscribe, () => keptDraft(key));
  const changes = changesIn(kept, start);
  const edit = (patch: Partial<T> | ((current: T) => Partial<T>)) => {
    const current = { ...start, ...changesIn(keptDraft(key), start) };
    const next = changesIn({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }, start);
    if (holdsChanges(next)) keepDraft(key, next);
    else if (hasKeptDraft(key)) discardDraft(key);
  };
  const clear = useCallback(() => discardDraft(key), [key]);
  // The form closing (Back, another page) writes its words now rather than after the pause.
  useEffect(() => () => void flushKeptDrafts(), []);
  return { values: { ...start, ...changes }, changed: holdsChanges(changes), edit, clear };
}

/**
 * Whether the form of `key` holds kept changes from `start`, read without opening it (for a mark
 * on the button that opens it). After a restart this turns true once the drafts are loaded.
 */
export function useKeptChangesHeld<T extends Fields>(key: string, start: T): boolean {
  const subscribe = useCallback((onChange: () => void) => subscribeKeptDraft(key, onChange), [key]);
  const kept = useSyncExternalStore(subscribe, () => keptDraft(key));
  return holdsChanges(changesIn(kept, start));
}
