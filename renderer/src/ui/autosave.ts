import type { LadderError } from '../../../shared/errors';

/**
 * A serialised, debounced autosave: `touch()` after each change, and `save` runs once the
 * typing pauses, one save at a time, each reading the latest state when it starts. `flush()`
 * saves now and tells whether nothing is left unsaved. Used by forms that save themselves.
 */

/** What a form that saves itself shows beside it: nothing yet, Saving…, Saved, or why not. */
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

/** A save refused for a passing reason is tried again this often, unasked, until it goes in. */
export const saveRetryMs = 2_000;

/** Reasons that pass by themselves: an import writing, a busy archive, a disk being cleared. */
export function passes(problem: LadderError) {
  return problem.code === 'conflict' || problem.code === 'disk_full';
}

export interface Autosaver {
  /** Something changed: save after a short pause. */
  touch: () => void;
  /** Save now; resolves true when every change so far is saved. */
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  /** Forget everything pending (a different record is being edited now). */
  reset: () => void;
}

export function createAutosaver({
  save,
  delayMs = 400,
  onAllSaved,
}: {
  /** True once saved; false when it failed (the next change tries again); 'retry' when it failed
   * for a passing reason (see `passes`): it is tried again after `saveRetryMs`, without a change. */
  save: () => Promise<boolean | 'retry'>;
  delayMs?: number;
  /** Called when a save lands and nothing is left pending: the moment to say "Saved". */
  onAllSaved?: () => void;
}): Autosaver {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let revision = 0;
  let savedRevision = 0;
  let queued = 0;
  let chain: Promise<void> = Promise.resolve();
  // Bumped by reset, so a save under way before it changes no bookkeeping after it.
  let generation = 0;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const saveOnce = async () => {
    if (revision === savedRevision) return;
    const target = revision;
    const mine = generation;
    const saved = await save();
    if (mine !== generation) return;
    if (saved === true) savedRevision = Math.max(savedRevision, target);
    else if (saved === 'retry' && timer === null) timer = setTimeout(() => void flush(), saveRetryMs);
  };

  const flush = (): Promise<boolean> => {
    clearTimer();
    const mine = generation;
    queued += 1;
    chain = chain
      .then(saveOnce)
      .catch(() => undefined)
      .then(() => {
        if (mine !== generation) return;
        queued -= 1;
        if (queued === 0 && timer === null && revision === savedRevision) onAllSaved?.();
      });
    return chain.then(() => revision === savedRevision);
  };

  return {
    touch: () => {
      revision += 1;
      clearTimer();
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    hasUnsavedWork: () => revision !== savedRevision || queued > 0 || timer !== null,
    reset: () => {
      generation += 1;
      clearTimer();
      revision = 0;
      savedRevision = 0;
      queued = 0;
      chain = Promise.resolve();
    },
  };
}
