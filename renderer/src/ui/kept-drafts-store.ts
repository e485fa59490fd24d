import { asLadderError, call } from '../api/client';
import { isReadOnly } from '../app/app-info-store';
import { registerEditor, type SavingEditor } from './open-editors';

/**
 * Words typed into a form but not saved yet, by the form's key (`crews:<id>:new-meeting`,
 * `quick-capture`). They are held here, so typing stays instant and leaving a page keeps them,
 * and written through to the archive (`drafts.keep`) a moment after the last change, so a restart,
 * a crash or a machine that sleeps and dies does not lose them. At start they are loaded back.
 */

/** How long after the last change the words go to the archive. */
export const draftWriteDelayMs = 400;
/** Someone typing without a pause still has their words written this often. */
const draftWriteMaxWaitMs = 3_000;

type Write = { value: unknown } | 'discard';

const kept = new Map<string, unknown>();
const listeners = new Map<string, Set<() => void>>();
/** What each key still needs in the archive: its latest words, or to be let go. */
const pending = new Map<string, Write>();
/** Keys changed in this window: what the archive held before (loading late) must not overwrite them. */
const touched = new Set<string>();
let timer: ReturnType<typeof setTimeout> | null = null;
let firstPendingAt: number | null = null;
let writing: Promise<boolean> = Promise.resolve(true);
let writesInFlight = 0;
let loading: Promise<void> | null = null;
/** Bumped by `forgetKeptDrafts`: answers meant for before then change nothing. */
let generation = 0;

function notify(key: string) {
  for (const listener of listeners.get(key) ?? []) listener();
}

/** Calls `listener` whenever the draft of `key` changes; returns the way to stop. */
export function subscribeKeptDraft(key: string, listener: () => void): () => void {
  let set = listeners.get(key);
  if (!set) listeners.set(key, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
  };
}

/** Whether a form has words waiting (to open it again as it was left). */
export function hasKeptDraft(key: string): boolean {
  return kept.has(key);
}

/** The kept words of a form, as the form left them (or as an earlier session did), if any. */
export function keptDraft(key: string): unknown {
  return kept.get(key);
}

/** Keeps a form's words: at once here, and in the archive a moment after the last change. */
export function keepDraft(key: string, value: unknown) {
  kept.set(key, value);
  touched.add(key);
  notify(key);
  pending.set(key, { value });
  schedule();
}

/** Lets a form's words go (saved as a record, or discarded on purpose), here and in the archive at once. */
export function discardDraft(key: string) {
  const had = kept.delete(key);
  touched.add(key);
  if (had) notify(key);
  pending.set(key, 'discard');
  void flushKeptDrafts();
}

function schedule() {
  const now = Date.now();
  firstPendingAt ??= now;
  if (timer !== null) clearTimeout(timer);
  const wait = Math.max(0, Math.min(draftWriteDelayMs, firstPendingAt + draftWriteMaxWaitMs - now));
  timer = setTimeout(() => void flushKeptDrafts(), wait);
}

/**
 * Writes every change still waiting, now (a form closing, the window hiding or closing, a lock).
 * Writes go one after another, so the archive ends with the latest words of each form. Resolves
 * false when one could not be written; it waits to be tried again with the next change or flush.
 */
export function flushKeptDrafts(): Promise<boolean> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  firstPendingAt = null;
  if (pending.size === 0) return writing;
  // A read-only archive (from a newer Ladder) is never written: the words stay in this window only.
  if (isReadOnly()) {
    pending.clear();
    return writing;
  }
  const batch = [...pending];
  pending.clear();
  const mine = generation;
  writesInFlight += 1;
  writing = writing.then(async () => {
    try {
      return await write(batch, mine);
    } finally {
      if (mine === generation) writesInFlight -= 1;
    }
  });
  return writing;
}

async function write(batch: [string, Write][], mine: number): Promise<boolean> {
  let ok = true;
  for (const [key, change] of batch) {
    if (mine !== generation) return true;
    try {
      if (change === 'discard') await call('drafts.discard', { key });
      else await call('drafts.keep', { key, value: JSON.stringify(change.value) ?? 'null' });
    } catch (error) {
      const { code } = asLadderError(error);
      // Too long to keep, or not to be written at all: trying again would fail again; the words stay in the form.
      if (code === 'validation' || code === 'read_only') continue;
      ok = false;
      // A full disk, a busy archive: tried again with the next change or flush, unless newer words wait already.
      if (mine === generation && !pending.has(key)) pending.set(key, change);
    }
  }
  return ok;
}

/** Whether words wait to be written (or are being written) to the archive. */
export function hasUnwrittenDrafts(): boolean {
  return pending.size > 0 || writesInFlight > 0;
}

/**
 * Loads the drafts kept in the archive (once the archive is open): the words left in forms
 * before the last restart. A form already showing picks them up; words typed in this window
 * meanwhile are newer, and stay.
 */
export function loadKeptDrafts(): Promise<void> {
  loading ??= (async () => {
    const mine = generation;
    try {
      const drafts = await call('drafts.list', {});
      if (mine !== generation) return;
      for (const draft of drafts) {
        if (touched.has(draft.key) || kept.has(draft.key)) continue;
        try {
          kept.set(draft.key, JSON.parse(draft.value) as unknown);
        } catch {
          continue;
        }
        notify(draft.key);
      }
    } catch {
      // The archive could not answer (locked again, switching to a backup): the next start loads them.
      if (mine === generation) loading = null;
    }
  })();
  return loading;
}

/** Forgets every kept draft in this window, and any write not yet sent (tests, between one and the next). */
export function forgetKeptDrafts() {
  generation += 1;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  firstPendingAt = null;
  pending.clear();
  touched.clear();
  loading = null;
  writing = Promise.resolve(true);
  writesInFlight = 0;
  const keys = [...kept.keys()];
  kept.clear();
  for (const key of keys) notify(key);
}

/** Kept drafts as an editor with unsaved work: for the window's save guards and for locking. */
export const keptDraftsEditor: SavingEditor = { getState: () => ({ hasUnsavedWork: hasUnwrittenDrafts, flush: flushKeptDrafts }) };

// Locking saves every editor first (open-editors.ts): kept drafts are written then too.
registerEditor(keptDraftsEditor);
