import { useCallback, useState } from 'react';

/**
 * Words typed into a small form that creates something (a network, a host, a practice): kept
 * here, by the form's key, rather than only in the component, so leaving the page and coming
 * back finds them still there. `clear` (after saving, or on Cancel) lets them go. They live as
 * long as the window, as the journal's open entry does.
 */
const kept = new Map<string, unknown>();

export function useKeptDraft<T>(key: string, blank: T): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => (kept.has(key) ? (kept.get(key) as T) : blank));
  const set = useCallback(
    (next: T) => {
      kept.set(key, next);
      setValue(next);
    },
    [key],
  );
  const clear = useCallback(() => {
    kept.delete(key);
    setValue(blank);
    // `blank` is a fresh literal each render; what matters is the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return [value, set, clear];
}

/** Whether a form has words waiting (to open it again as it was left). */
export function hasKeptDraft(key: string): boolean {
  return kept.has(key);
}

/** Forgets every kept draft (tests, between one and the next). */
export function forgetKeptDrafts() {
  kept.clear();
}
