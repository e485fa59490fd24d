import { create } from 'zustand';
import { contract } from '../../../shared/contract';
import type { Entry } from '../../../shared/domain/journal';
import { LadderError } from '../../../shared/errors';
import { asLadderError, call } from '../api/client';
import { isReadOnly } from '../app/app-info-store';
import { useToasts } from '../ui/toast-store';
import { localDay } from './dates';
import { summaryOf, useJournal } from './journal-store';

/**
 * The entry being written, and its autosave: debounced after the last keystroke, one save in
 * flight at a time (each save reads the latest text when it starts), create first, then update.
 */

export const autosaveDelayMs = 400;

export type EditorField = 'title' | 'entryDate' | 'body';
export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error';

interface EditorError {
  message: string;
  field: EditorField | null;
}

interface EntryEditorState {
  isOpen: boolean;
  /** Changes whenever a different entry or a new draft is opened. */
  draftKey: number;
  entryId: string | null;
  title: string;
  body: string;
  entryDate: string;
  status: SaveStatus;
  error: EditorError | null;
  opening: boolean;
  /** Asks the UI to move focus: to the body of a fresh draft, or to New entry after a delete. */
  focus: { target: 'body' | 'new-entry'; nonce: number } | null;

  newEntry: () => Promise<void>;
  open: (id: string) => Promise<void>;
  edit: (patch: Partial<Record<EditorField, string>>) => void;
  /** Saves now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  deleteOpen: () => Promise<void>;
  restore: (id: string) => Promise<void>;
  clearFocus: () => void;
  reset: () => void;
}

const closed = {
  isOpen: false,
  entryId: null as string | null,
  title: '',
  body: '',
  entryDate: '',
  status: 'idle' as SaveStatus,
  error: null as EditorError | null,
  opening: false,
};

const fieldNames: Record<string, EditorField> = { title: 'title', body: 'body', entryDate: 'entryDate' };

function toEditorError(error: LadderError): EditorError {
  return { message: error.message, field: (error.field !== undefined && fieldNames[error.field]) || null };
}

export const useEntryEditor = create<EntryEditorState>()((set, get) => {
  // Autosave bookkeeping lives outside React state: it never needs to re-render anything.
  let timer: ReturnType<typeof setTimeout> | null = null;
  let revision = 0;
  let savedRevision = 0;
  let queued = 0;
  let chain: Promise<void> = Promise.resolve();
  let openToken = 0;
  // Bumped by reset, so work that was under way before it changes nothing after it.
  let generation = 0;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const requestFocus = (target: 'body' | 'new-entry') =>
    set((state) => ({ focus: { target, nonce: (state.focus?.nonce ?? 0) + 1 } }));

  const saveOnce = async () => {
    const state = get();
    if (!state.isOpen || revision === savedRevision) return;
    const target = revision;
    const mine = generation;
    const { draftKey, entryId, title, body, entryDate } = state;
    // An untouched draft is not worth an entry.
    if (entryId === null && title.trim() === '' && body.trim() === '') {
      savedRevision = target;
      set({ status: 'idle', error: null });
      return;
    }
    const fields = { title, body, entryDate };
    const checked =
      entryId === null
        ? contract['journal.create'].input.safeParse(fields)
        : contract['journal.update'].input.safeParse({ id: entryId, ...fields });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      set({ status: 'error', error: toEditorError(new LadderError('validation', issue?.message ?? 'This could not be saved.', field)) });
      return;
    }
    set({ status: 'saving' });
    try {
      const entry = entryId === null ? await call('journal.create', fields) : await call('journal.update', { id: entryId, ...fields });
      if (mine !== generation) return;
      useJournal.getState().upsert(summaryOf(entry));
      if (get().draftKey !== draftKey) return;
      savedRevision = target;
      set({ entryId: entry.id, status: revision === target ? 'saved' : 'saving', error: null });
    } catch (error) {
      if (mine === generation && get().draftKey === draftKey) set({ status: 'error', error: toEditorError(asLadderError(error)) });
    }
  };

  const flush = (): Promise<boolean> => {
    clearTimer();
    const mine = generation;
    queued += 1;
    chain = chain
      .then(saveOnce)
      .catch(() => undefined)
      .then(() => {
        if (mine === generation) queued -= 1;
      });
    return chain.then(() => revision === savedRevision);
  };

  /** Saves the open entry before another takes its place; false when it could not be saved. */
  const leaveCurrent = async () => {
    // Loops because a keystroke may land while the previous save is on its way.
    while (get().isOpen && (revision !== savedRevision || timer !== null || queued > 0)) {
      await flush();
      if (get().status === 'error') {
        useToasts.getState().show('This entry is not saved yet, so it stays open. Your text is still there.');
        return false;
      }
    }
    return true;
  };

  const show = (entry: Entry | null) => {
    clearTimer();
    revision = 0;
    savedRevision = 0;
    set((state) => ({
      ...closed,
      isOpen: true,
      draftKey: state.draftKey + 1,
      entryId: entry?.id ?? null,
      title: entry?.title ?? '',
      body: entry?.body ?? '',
      entryDate: entry?.entryDate ?? localDay(),
      status: entry ? 'saved' : 'idle',
    }));
  };

  const close = () => {
    clearTimer();
    revision = 0;
    savedRevision = 0;
    set((state) => ({ ...closed, draftKey: state.draftKey + 1 }));
  };

  return {
    ...closed,
    draftKey: 0,
    focus: null,

    newEntry: async () => {
      if (isReadOnly()) return;
      const state = get();
      const untouchedDraft = state.isOpen && state.entryId === null && state.title === '' && state.body === '';
      if (!untouchedDraft) {
        openToken += 1;
        if (!(await leaveCurrent())) return;
        show(null);
      }
      requestFocus('body');
    },

    open: async (id) => {
      if (get().isOpen && get().entryId === id) return;
      const mine = ++openToken;
      if (!(await leaveCurrent()) || mine !== openToken) return;
      set({ ...closed, opening: true });
      try {
        const entry = await call('journal.get', { id });
        if (mine === openToken) show(entry);
      } catch (error) {
        if (mine !== openToken) return;
        set({ opening: false });
        const problem = asLadderError(error);
        if (problem.code === 'not_found') useJournal.getState().remove(id);
        useToasts.getState().show(problem.message);
      }
    },

    edit: (patch) => {
      if (!get().isOpen || isReadOnly()) return;
      revision += 1;
      set({ ...patch, status: 'saving' });
      clearTimer();
      timer = setTimeout(() => void flush(), autosaveDelayMs);
    },

    flush,

    hasUnsavedWork: () => revision !== savedRevision || queued > 0 || timer !== null,

    deleteOpen: async () => {
      if (!get().isOpen || isReadOnly()) return;
      openToken += 1;
      await flush();
      const { entryId } = get();
      if (entryId === null) {
        // Nothing was ever written: just let the draft go.
        close();
        requestFocus('new-entry');
        return;
      }
      try {
        await call('journal.delete', { id: entryId });
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
        return;
      }
      useJournal.getState().remove(entryId);
      close();
      requestFocus('new-entry');
      useToasts.getState().show('Entry deleted', {
        action: { label: 'Undo', run: () => get().restore(entryId) },
        durationMs: 10_000,
      });
    },

    restore: async (id) => {
      try {
        const entry = await call('journal.restore', { id });
        useJournal.getState().upsert(summaryOf(entry));
        const mine = ++openToken;
        if ((await leaveCurrent()) && mine === openToken) show(entry);
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
      }
    },

    clearFocus: () => set({ focus: null }),

    reset: () => {
      generation += 1;
      clearTimer();
      revision = 0;
      savedRevision = 0;
      queued = 0;
      chain = Promise.resolve();
      openToken += 1;
      set({ ...closed, draftKey: 0, focus: null });
    },
  };
});
