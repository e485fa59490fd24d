import { create } from 'zustand';
import { asLadderError } from '../api/client';
import { isReadOnly } from '../app/app-info-store';
import { createAutosaver, passes, type SaveStatus } from './autosave';
import { registerEditor } from './open-editors';
import { useToasts } from './toast-store';

/**
 * An existing record (a congregation, a gathering, a network's notes) edited in place and saved a
 * moment after you stop typing, like the journal. The draft lives here, not in the component, so
 * leaving the page mid-word neither drops the words nor the save under way.
 */

export type { SaveStatus };

export interface EditorError {
  message: string;
  field: string | null;
}

export interface RecordEditorState<D> {
  /** The record being edited (null: none). */
  id: string | null;
  draft: D | null;
  status: SaveStatus;
  error: EditorError | null;
  /** Starts editing a record; the same record again keeps what is there (saved or not). */
  begin: (id: string, draft: D) => void;
  edit: (patch: Partial<D>) => void;
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  /** Saves what is pending and stops editing; false (still editing) when it could not be saved. */
  close: () => Promise<boolean>;
  reset: () => void;
}

export function createRecordEditor<D extends object>(save: (id: string, draft: D) => Promise<unknown>) {
  const closed = { id: null as string | null, draft: null as D | null, status: 'idle' as SaveStatus, error: null as EditorError | null };
  const store = create<RecordEditorState<D>>()((set, get) => {
    const saveNow = async (): Promise<boolean | 'retry'> => {
      const { id, draft } = get();
      if (id === null || draft === null) return true;
      try {
        await save(id, draft);
        if (get().id === id) set({ error: null });
        return true;
      } catch (error) {
        const problem = asLadderError(error);
        if (get().id === id) set({ status: 'error', error: { message: problem.message, field: problem.field?.split('.')[0] ?? null } });
        return passes(problem) ? 'retry' : false;
      }
    };
    const autosaver = createAutosaver({
      save: saveNow,
      onAllSaved: () => {
        if (get().status === 'saving') set({ status: 'saved' });
      },
    });
    return {
      ...closed,
      begin: (id, draft) => {
        const state = get();
        if (state.id === id && state.draft !== null) return;
        // Another record was being edited: what it still holds is saved on its own, then it lets go.
        if (state.id !== null && state.draft !== null && (autosaver.hasUnsavedWork() || state.error !== null)) {
          const left = state.draft;
          void save(state.id, left).catch((error: unknown) => useToasts.getState().show(`Something you typed isn’t saved: ${asLadderError(error).message}`));
        }
        autosaver.reset();
        set({ ...closed, id, draft });
      },
      edit: (patch) => {
        const { draft } = get();
        if (draft === null || isReadOnly()) return;
        set({ draft: { ...draft, ...patch }, status: 'saving' });
        autosaver.touch();
      },
      flush: () => autosaver.flush(),
      hasUnsavedWork: () => autosaver.hasUnsavedWork(),
      close: async () => {
        const saved = await autosaver.flush();
        if (!saved || get().error !== null) return false;
        autosaver.reset();
        set(closed);
        return true;
      },
      reset: () => {
        autosaver.reset();
        set(closed);
      },
    };
  });
  registerEditor(store);
  return store;
}
