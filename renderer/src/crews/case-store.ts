import { create } from 'zustand';
import { type CaseNotes, emptyCase } from '../../../shared/domain/crews';
import { asLadderError, call } from '../api/client';
import { isReadOnly } from '../app/app-info-store';
import { createAutosaver, passes } from '../ui/autosave';
import type { FormError } from './crews-store';
import type { SaveStatus } from './meeting-editor-store';
import { registerEditor } from '../ui/open-editors';

/** My case-giver notes in the prep, saved a moment after I stop typing (like the journal). */
interface CaseState {
  crewId: string | null;
  notes: CaseNotes;
  status: SaveStatus;
  error: FormError | null;
  /** Starts editing a crew's case from what the prep loaded; keeps unsaved typing for the same crew. */
  begin: (crewId: string, notes: CaseNotes | null) => void;
  edit: (key: keyof CaseNotes, value: string) => void;
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  reset: () => void;
}

export const useCaseEditor = create<CaseState>()((set, get) => {
  const autosaver = createAutosaver({
    save: async () => {
      const { crewId, notes } = get();
      if (!crewId) return true;
      set({ status: 'saving' });
      try {
        await call('crews.saveCase', { crewId, ...notes });
        if (get().crewId === crewId) set({ error: null });
        return true;
      } catch (error) {
        const problem = asLadderError(error);
        set({ status: 'error', error: { message: problem.message, field: problem.field ?? null } });
        return passes(problem) ? 'retry' : false;
      }
    },
    onAllSaved: () => {
      if (get().status === 'saving') set({ status: 'saved' });
    },
  });

  return {
    crewId: null,
    notes: emptyCase,
    status: 'idle',
    error: null,

    begin: (crewId, notes) => {
      if (get().crewId === crewId && autosaver.hasUnsavedWork()) return;
      autosaver.reset();
      set({ crewId, notes: notes ?? emptyCase, status: notes ? 'saved' : 'idle', error: null });
    },

    edit: (key, value) => {
      if (!get().crewId || isReadOnly()) return;
      set({ notes: { ...get().notes, [key]: value }, status: 'saving' });
      autosaver.touch();
    },

    flush: () => autosaver.flush(),
    hasUnsavedWork: () => autosaver.hasUnsavedWork(),

    reset: () => {
      autosaver.reset();
      set({ crewId: null, notes: emptyCase, status: 'idle', error: null });
    },
  };
});

registerEditor(useCaseEditor);
