import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { discardDraft, flushKeptDrafts, hasKeptDraft, keepDraft, keptDraft, subscribeKeptDraft } from './kept-drafts-store';

export { forgetKeptDrafts, hasKeptDraft } from './kept-drafts-store';

const absent = Symbol('no kept draft');

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A draft from an earlier session, fitted to the form as it is now: fields the form has gained
 * since take their blank values, and words of the wrong kind are not forced on it.
 */
function fitted<T>(kept: unknown, blank: T): T {
  if (isPlainObject(blank)) return isPlainObject(kept) ? { ...blank, ...kept } : blank;
  if (blank !== null && typeof kept !== typeof blank) return blank;
  return kept as T;
}

/**
 * Words typed into a form (a meeting being recorded, a renegotiation, a new network), kept by the
 * form's key rather than only in the component: leaving the page and coming back finds them, and
 * so does the next start of Ladder (they are written to the archive a moment after each change,
 * and at once when the form closes). `clear` (after saving, or on Discard) lets them go, there too.
 */
export function useKeptDraft<T>(key: string, blank: T): [T, (next: T) => void, () => void] {
  // `blank` is a fresh literal each render; the form's first one is what it starts from.
  const [fallback] = useState(blank);
  const subscribe = useCallback((onChange: () => void) => subscribeKeptDraft(key, onChange), [key]);
  const raw = useSyncExternalStore(subscribe, () => (hasKeptDraft(key) ? keptDraft(key) : absent));
  const value = useMemo(() => (raw === absent ? fallback : fitted(raw, fallback)), [raw, fallback]);
  const set = useCallback((next: T) => keepDraft(key, next), [key]);
  const clear = useCallback(() => discardDraft(key), [key]);
  // The form closing (Back, another page) writes its words now rather than after the pause.
  useEffect(() => () => void flushKeptDrafts(), []);
  return [value, set, clear];
}

/**
 * Whether the form of `key` has kept words worth a mark where it opens (the crew page, a
 * commitment's row), as `holds` judges them, read without opening the form. After a restart this
 * turns true once the drafts are loaded from the archive.
 */
export function useKeptDraftHolds<T>(key: string, blank: T, holds: (draft: T) => boolean): boolean {
  const subscribe = useCallback((onChange: () => void) => subscribeKeptDraft(key, onChange), [key]);
  return useSyncExternalStore(subscribe, () => hasKeptDraft(key) && holds(fitted(keptDraft(key), blank)));
}
