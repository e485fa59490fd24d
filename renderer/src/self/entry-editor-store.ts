import { create } from 'zustand';
import type { Entry, EntryFields, EntryKind, RungId } from '../../../shared/domain/journal';
import { isEmptySelfEnergy, type SelfEnergy } from '../../../shared/domain/self';
import type { LadderError } from '../../../shared/errors';
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
 * A field that can't be used yet (no date, a title too long) is held back with a note by it,
 * and everything else still saves: words typed meanwhile are never left waiting on it.
 */

export const autosaveDelayMs = 400;

export type EditorField = 'title' | 'entryDate' | 'body' | 'kind' | 'rung' | 'promptId' | 'partIds' | 'tags' | 'selfEnergy';

/** Everything the editor saves about an entry. */
export type EditorValues = EntryFields;
export type { SaveStatus };
type FocusTarget = 'body' | 'title' | 'entryDate' | 'new-entry';

interface EditorError {
  message: string;
  field: EditorField | null;
}

/** Notes by the fields held back from the last save, because they can't be used as they are. */
export type RefusedFields = Partial<Record<EditorField, string>>;

/** Each field as the editor names it (its label, or what stands for it). */
export const editorFieldLabels: Record<EditorField, string> = {
  title: 'Title',
  entryDate: 'Date',
  body: 'Entry',
  kind: 'Kind',
  rung: 'Rung',
  promptId: 'the prompt',
  partIds: 'Parts that showed up',
  tags: 'Tags',
  selfEnergy: 'Self-energy check',
};

/** The same, inside a sentence ("Everything but the title is saved"). */
const fieldWords: Record<EditorField, string> = {
  title: 'the title',
  entryDate: 'the date',
  body: 'the entry’s text',
  kind: 'the kind of entry',
  rung: 'the rung',
  promptId: 'the prompt',
  partIds: 'the parts',
  tags: 'the tags',
  selfEnergy: 'the Self-energy check',
};

const fieldOrder = Object.keys(editorFieldLabels) as EditorField[];

/** The fields held back, in the order they appear in the editor. */
export function refusedFieldsOf(refused: RefusedFields): EditorField[] {
  return fieldOrder.filter((field) => refused[field] !== undefined);
}

/** "the title", "the title and the date", "the title, the date and the tags". */
export function fieldsInWords(fields: readonly EditorField[]): string {
  const words = fields.map((field) => fieldWords[field]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The note by one field: why it is held back, or the save's problem when it is about this field. */
export function noteFor(state: { refused: RefusedFields; error: EditorError | null }, field: EditorField): string | null {
  return state.refused[field] ?? (state.error?.field === field ? state.error.message : null);
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
  /** A problem with the save as a whole (the disk, the archive), or with a field the core refused outright. */
  error: EditorError | null;
  /** Fields held back from saving (everything else is saved), each with its note. */
  refused: RefusedFields;
  opening: boolean;
  /** An entry asked for (by its address, a link, a row) that is not in the journal: deleted, or never here. */
  missingId: string | null;
  /**
   * Asks the UI to move focus: to the body of a fresh draft, the title of a restored entry, a
   * field held back (its note), or New entry after a delete.
   */
  focus: { target: FocusTarget; nonce: number; caret?: number; reveal?: boolean } | null;

  /**
   * Starts a fresh draft, optionally from a template, a prompt or a kind of entry; `caret` is
   * where in the body the writing starts (under a template's first heading), else at its end.
   */
  newEntry: (seed?: Partial<EditorValues>, options?: { caret?: number }) => Promise<void>;
  open: (id: string) => Promise<void>;
  edit: (patch: Partial<EditorValues>) => void;
  /** Saves now; resolves true when nothing is left unsaved. */
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  deleteOpen: () => Promise<void>;
  /** Saves and puts the open entry away, back to the journal's front. */
  closeOpen: () => Promise<void>;
  restore: (id: string) => Promise<void>;
  /** Takes focus to a field and its note (one held back from saving). */
  showField: (field: EditorField) => void;
  clearFocus: () => void;
  /** Puts away the note about an entry that isn't there. */
  clearMissing: () => void;
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
  refused: {} as RefusedFields,
  opening: false,
  missingId: null as string | null,
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

  /** `caret`: where in the body writing starts; `reveal`: the field and its note are brought to the middle of the paper. */
  const requestFocus = (target: FocusTarget, options: { caret?: number; reveal?: boolean } = {}) =>
    set((state) => ({
      focus: {
        target,
        nonce: (state.focus?.nonce ?? 0) + 1,
        ...(options.caret === undefined ? {} : { caret: options.caret }),
        ...(options.reveal ? { reveal: true } : {}),
      },
    }));

  const save = async (): Promise<boolean | 'retry'> => {
    const checks = await journalChecks();
    const state = get();
    if (!state.isOpen) return true;
    const mine = generation;
    const editsAtStart = edits;
    const { draftKey, entryId } = state;
    const fields = valuesOf(state);
    // An untouched draft is not worth an entry.
    const untouched = (values: Partial<EditorValues>) =>
      (values.title ?? '').trim() === '' &&
      (values.body ?? '').trim() === '' &&
      (values.partIds ?? []).length === 0 &&
      (values.tags ?? []).length === 0 &&
      (values.selfEnergy ?? null) === null;
    if (entryId === null && untouched(fields)) {
      set({ status: 'idle', error: null, refused: {} });
      return true;
    }

    // Each field is checked on its own: one that can't be used waits by its note, the rest go in.
    const refused: RefusedFields = {};
    const checked =
      entryId === null
        ? checks['journal.create'].input.safeParse(fields)
        : checks['journal.update'].input.safeParse({ id: entryId, ...fields });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = fieldNames[String(issue.path[0] ?? '')];
        if (!field) {
          set({ status: 'error', error: { message: issue.message, field: null } });
          return false;
        }
        refused[field] ??= issue.message;
      }
    }
    const sendable: Partial<EditorValues> = { ...fields };
    for (const field of refusedFieldsOf(refused)) delete sendable[field];
    // Only held-back words so far: nothing else is worth an entry yet; they stay in the editor.
    const onlyHeldBack = () => entryId === null && untouched(sendable);
    if (onlyHeldBack()) {
      set({ status: 'error', error: null, refused });
      return false;
    }

    set({ status: 'saving' });
    try {
      let entry: Entry | null = null;
      // The core may refuse a field the checks let through (a part deleted meanwhile): held back too.
      for (let attempt = 0; entry === null; attempt += 1) {
        if (attempt > 0 && onlyHeldBack()) {
          if (mine === generation && get().draftKey === draftKey) set({ status: 'error', error: null, refused });
          return false;
        }
        try {
          entry =
            entryId === null
              ? // A new entry needs a day: today's, until the one typed can be used.
                await call('journal.create', { ...sendable, entryDate: sendable.entryDate ?? localDay() })
              : await call('journal.update', { id: entryId, ...sendable });
        } catch (error) {
          const problem = asLadderError(error);
          const field = problem.field === undefined ? undefined : fieldNames[problem.field.split('.')[0] ?? ''];
          if (problem.code !== 'validation' || !field || !(field in sendable) || attempt >= 2) throw error;
          refused[field] = problem.message;
          delete sendable[field];
        }
      }
      if (mine !== generation) return false;
      useJournal.getState().upsert(summaryOf(entry));
      if (get().draftKey !== draftKey) return false;
      // When nothing changed meanwhile, take the core's tidied tags and parts (trimmed, each once).
      const tidied = edits === editsAtStart ? { ...(sendable.tags ? { tags: entry.tags } : {}), ...(sendable.partIds ? { partIds: entry.partIds } : {}) } : {};
      const held = refusedFieldsOf(refused).length > 0;
      // With a field held back the entry is not all saved: leaving it, or the window, says so first.
      set({ entryId: entry.id, error: null, refused, ...(held ? { status: 'error' as const } : {}), ...tidied });
      return !held;
    } catch (error) {
      if (mine !== generation || get().draftKey !== draftKey) return false;
      const problem = asLadderError(error);
      set({ status: 'error', error: toEditorError(problem), refused });
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
        const { refused, error } = get();
        const held = refusedFieldsOf(refused);
        const first = held[0];
        if (error === null && first !== undefined) {
          // Everything else is saved; the field held back is where to look, so it comes into view.
          const notes = held.length === 1 ? `the note by ${editorFieldLabels[first]}` : 'the notes by the fields';
          useToasts.getState().show(`Everything but ${fieldsInWords(held)} is saved, so this entry stays open until it can be. See ${notes}.`);
          get().showField(first);
        } else {
          useToasts.getState().show('This entry is not saved yet, so it stays open. Your text is still there.');
        }
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

    newEntry: async (seed, options) => {
      if (isReadOnly()) return;
      const state = get();
      const untouchedDraft =
        state.isOpen && state.entryId === null && state.title === '' && state.body === '' && state.partIds.length === 0 && state.kind === 'journal';
      if (!untouchedDraft || seed !== undefined) {
        openToken += 1;
        if (!(await leaveCurrent())) return;
        show(null, seed);
      }
      requestFocus('body', { caret: options?.caret });
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
        const problem = asLadderError(error);
        if (problem.code === 'not_found') {
          useJournal.getState().remove(id);
          // Said where the entry would have been, not in a toast that fades and leaves the journal's front looking as if nothing was asked.
          set({ opening: false, missingId: id });
          return;
        }
        set({ opening: false });
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

    showField: (field) => {
      if (field === 'title' || field === 'entryDate' || field === 'body') requestFocus(field, { reveal: true });
    },

    clearFocus: () => set({ focus: null }),

    clearMissing: () => set({ missingId: null }),

    reset: () => {
      generation += 1;
      autosaver.reset();
      openToken += 1;
      set({ ...closed, draftKey: 0, focus: null });
    },
  };
});

registerEditor(useEntryEditor);
