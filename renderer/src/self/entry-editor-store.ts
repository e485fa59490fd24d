import { create } from 'zustand';
import type { Entry, EntryFields, EntryKind, RungId } from '../../../shared/domain/journal';
import { isEmptySelfEnergy, type SelfEnergy } from '../../../shared/domain/self';
import { LadderError } from '../../../shared/errors';
import { journalChecks } from '../api/checks';
import { asLadderError, call } from '../api/client';
import { isReadOnly } from '../app/app-info-store';
import { createAutosaver, passes, type SaveStatus } from '../ui/autosave';
import { useToasts } from '../ui/toast-store';
import { localDay } from './dates';
import { summaryOf, useJournal } from './journal-store';
import { registerEditor } from '../ui/open-editors';

/**
 * The entry being written, and its autosave: debounced after the last keystroke, one save in
 * flight at a time (each save reads the latest text when it starts), create first, then update.
 */

export const autosaveDelayMs = 400;

export type EditorField = 'title' | 'entryDate' | 'body' | 'kind' | 'rung' | 'promptId' | 'partIds' | 'tags' | 'selfEnergy';

/** Everything the editor saves about an entry. */
export type EditorValues = EntryFields;
export type { SaveStatus };
type FocusTarget = 'body' | 'title' | 'new-entry';

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
  kind: EntryKind;
  rung: RungId | null;
  promptId: string | null;
  partIds: string[];
  tags: string[];
  selfEnergy: SelfEnergy | null;
  status: SaveStatus;
  error: EditorError | null;
  opening: boolean;
  /** Asks the UI to move focus: to the body of a fresh draft, the title of a restored entry, or New entry after a delete. */
  focus: { target: FocusTarget; nonce: number } | null;

  /** Starts a fresh draft, optionally from a template, a prompt or a kind of entry. */
  newEntry: (seed?: Partial<EditorValues>) => Promise<void>;
  open: (id: string) => Promise<void>;
  edit: (patch: Partial<EditorValues>) => void;
  /** Saves now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  deleteOpen: () => Promise<void>;
  /** Saves and puts the open entry away, back to the journal's front. */
  closeOpen: () => Promise<void>;
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
  kind: 'journal' as EntryKind,
  rung: null as RungId | null,
  promptId: null as string | null,
  partIds: [] as string[],
  tags: [] as string[],
  selfEnergy: null as SelfEnergy | null,
  status: 'idle' as SaveStatus,
  error: null as EditorError | null,
  opening: false,
};

const fieldNames: Record<string, EditorField> = {
  title: 'title',
  body: 'body',
  entryDate: 'entryDate',
  kind: 'kind',
  rung: 'rung',
  promptId: 'promptId',
  partIds: 'partIds',
  tags: 'tags',
  selfEnergy: 'selfEnergy',
};

function toEditorError(error: LadderError): EditorError {
  // "partIds.2" or "selfEnergy.calm" belong to the control for the whole list.
  const top = error.field?.split('.')[0];
  return { message: error.message, field: (top !== undefined && fieldNames[top]) || null };
}

function valuesOf(state: EditorValues): EditorValues {
  const { title, body, entryDate, kind, rung, promptId, partIds, tags, selfEnergy } = state;
  return { title, body, entryDate, kind, rung, promptId, partIds, tags, selfEnergy: isEmptySelfEnergy(selfEnergy) ? null : selfEnergy };
}

export const useEntryEditor = create<EntryEditorState>()((set, get) => {
  let openToken = 0;
  // Bumped by reset, so a save under way before it leaves the journal's list alone after it.
  let generation = 0;
  // Counts edits, so a save knows whether the text moved on while it was away.
  let edits = 0;

  const requestFocus = (target: FocusTarget) =>
    set((state) => ({ focus: { target, nonce: (state.focus?.nonce ?? 0) + 1 } }));

  const save = async (): Promise<boolean | 'retry'> => {
    const checks = await journalChecks();
    const state = get();
    if (!state.isOpen) return true;
    const mine = generation;
    const editsAtStart = edits;
    const { draftKey, entryId } = state;
    const fields = valuesOf(state);
    // An untouched draft is not worth an entry.
    const untouched =
      fields.title.trim() === '' && fields.body.trim() === '' && fields.partIds.length === 0 && fields.tags.length === 0 && fields.selfEnergy === null;
    if (entryId === null && untouched) {
      set({ status: 'idle', error: null });
      return true;
    }
    const checked =
      entryId === null
        ? checks['journal.create'].input.safeParse(fields)
        : checks['journal.update'].input.safeParse({ id: entryId, ...fields });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const field = String(issue?.path[0] ?? '');
      set({ status: 'error', error: toEditorError(new LadderError('validation', issue?.message ?? 'This could not be saved.', field)) });
      return false;
    }
    set({ status: 'saving' });
    try {
      const entry = entryId === null ? await call('journal.create', fields) : await call('journal.update', { id: entryId, ...fields });
      if (mine !== generation) return false;
      useJournal.getState().upsert(summaryOf(entry));
      if (get().draftKey !== draftKey) return false;
      // When nothing changed meanwhile, take the core's tidied tags and parts (trimmed, each once).
      const tidied = edits === editsAtStart ? { tags: entry.tags, partIds: entry.partIds } : {};
      set({ entryId: entry.id, error: null, ...tidied });
      return true;
    } catch (error) {
      if (mine !== generation || get().draftKey !== draftKey) return false;
      const problem = asLadderError(error);
      set({ status: 'error', error: toEditorError(problem) });
      // Passing problems: the words wait in the editor and go in once they can, without a keystroke.
      return passes(problem) ? 'retry' : false;
    }
  };

  const autosaver = createAutosaver({
    save,
    delayMs: autosaveDelayMs,
    onAllSaved: () => {
      if (get().status === 'saving') set({ status: 'saved' });
    },
  });
  const flush = () => autosaver.flush();

  /** Saves the open entry before another takes its place; false when it could not be saved. */
  const leaveCurrent = async () => {
    // Loops because a keystroke may land while the previous save is on its way.
    while (get().isOpen && autosaver.hasUnsavedWork()) {
      await flush();
      if (get().status === 'error') {
        useToasts.getState().show('This entry is not saved yet, so it stays open. Your text is still there.');
        return false;
      }
    }
    return true;
  };

  const show = (entry: Entry | null, seed: Partial<EditorValues> = {}) => {
    autosaver.reset();
    set((state) => ({
      ...closed,
      ...(entry ? valuesOf(entry) : { entryDate: localDay(), ...seed }),
      isOpen: true,
      draftKey: state.draftKey + 1,
      entryId: entry?.id ?? null,
      status: entry ? 'saved' : 'idle',
    }));
  };

  const close = () => {
    autosaver.reset();
    set((state) => ({ ...closed, draftKey: state.draftKey + 1 }));
  };

  return {
    ...closed,
    draftKey: 0,
    focus: null,

    newEntry: async (seed) => {
      if (isReadOnly()) return;
      const state = get();
      const untouchedDraft =
        state.isOpen && state.entryId === null && state.title === '' && state.body === '' && state.partIds.length === 0 && state.kind === 'journal';
      if (!untouchedDraft || seed !== undefined) {
        openToken += 1;
        if (!(await leaveCurrent())) return;
        show(null, seed);
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
      edits += 1;
      set({ ...patch, status: 'saving' });
      autosaver.touch();
    },

    flush,

    hasUnsavedWork: () => autosaver.hasUnsavedWork(),

    closeOpen: async () => {
      if (!get().isOpen) return;
      openToken += 1;
      if (await leaveCurrent()) close();
    },

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
        action: { kind: 'undo', label: 'Undo', run: () => get().restore(entryId) },
      });
    },

    restore: async (id) => {
      try {
        const entry = await call('journal.restore', { id });
        useJournal.getState().upsert(summaryOf(entry));
        const mine = ++openToken;
        if (!(await leaveCurrent()) || mine !== openToken) return;
        show(entry);
        // Back where the writing is (the toast leaves focus alone once it has landed somewhere).
        requestFocus('title');
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
      }
    },

    clearFocus: () => set({ focus: null }),

    reset: () => {
      generation += 1;
      autosaver.reset();
      openToken += 1;
      set({ ...closed, draftKey: 0, focus: null });
    },
  };
});

registerEditor(useEntryEditor);
