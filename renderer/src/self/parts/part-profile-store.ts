import { create } from 'zustand';
import type { Part } from '../../../../shared/domain/self';
import { partsChecks } from '../../api/checks';
import { asLadderError, call } from '../../api/client';
import { isReadOnly } from '../../app/app-info-store';
import { createAutosaver, passes } from '../../ui/autosave';
import { registerEditor } from '../../ui/open-editors';
import { useToasts } from '../../ui/toast-store';
import { usePartPage } from './part-page-store';
import { useParts } from './parts-store';

/**
 * A part's profile, saved a moment after you stop typing, like the journal. A name must be unique
 * (and not empty), so a name that can't be used yet is held back with a note by it while
 * everything else still saves; nothing typed is dropped.
 */

/** The part's fields the profile edits, as the part holds them. */
export type ProfileDraft = Pick<
  Part,
  'name' | 'bodyLocation' | 'apparentAge' | 'job' | 'positiveIntent' | 'fears' | 'trailheads' | 'notes' | 'role' | 'colour' | 'trust'
>;

export type ProfileStatus = 'idle' | 'saving' | 'saved' | 'error';

export interface ProfileError {
  message: string;
  field: string | null;
}

interface PartProfileState {
  partId: string | null;
  draft: ProfileDraft;
  status: ProfileStatus;
  error: ProfileError | null;
  /** Starts on a part; keeps what is still unsaved when it is the same part again. */
  begin: (part: Part) => void;
  edit: (patch: Partial<ProfileDraft>) => void;
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  /** On leaving the part: saves what is pending and says plainly if something could not be kept. */
  leave: () => Promise<void>;
  reset: () => void;
}

function draftOf(part: Part): ProfileDraft {
  return {
    name: part.name,
    bodyLocation: part.bodyLocation,
    apparentAge: part.apparentAge,
    job: part.job,
    positiveIntent: part.positiveIntent,
    fears: part.fears,
    trailheads: part.trailheads,
    notes: part.notes,
    role: part.role,
    colour: part.colour,
    trust: part.trust,
  };
}

const emptyDraft: ProfileDraft = {
  name: '',
  bodyLocation: '',
  apparentAge: '',
  job: '',
  positiveIntent: '',
  fears: '',
  trailheads: '',
  notes: '',
  role: 'unknown',
  colour: 'sage',
  trust: null,
};

const initial = { partId: null as string | null, draft: emptyDraft, status: 'idle' as ProfileStatus, error: null as ProfileError | null };

export const usePartProfile = create<PartProfileState>()((set, get) => {
  // The name last stored, so an unchanged name is not sent (and checked) on every save.
  let storedName = '';

  const problemOf = (error: unknown): ProfileError => {
    const problem = asLadderError(error);
    return { message: problem.message, field: problem.field ?? null };
  };

  const store = async (partId: string, fields: Partial<ProfileDraft>) => {
    const part = await call('parts.update', { id: partId, ...fields });
    useParts.getState().upsert(part);
    const page = usePartPage.getState();
    if (page.partId === partId && page.detail) usePartPage.setState({ detail: { ...page.detail, part } });
    return part;
  };

  const save = async (): Promise<boolean | 'retry'> => {
    const contract = await partsChecks();
    const { partId, draft } = get();
    if (!partId) return true;
    const { name, ...rest } = draft;
    const nameChanged = name !== storedName;
    const checked = contract['parts.update'].input.safeParse({ id: partId, ...rest, ...(nameChanged ? { name } : {}) });
    let nameProblem: ProfileError | null = null;
    if (!checked.success) {
      const issues = checked.error.issues;
      const other = issues.find((issue) => issue.path[0] !== 'name');
      if (other) {
        set({ status: 'error', error: { message: other.message, field: String(other.path[0] ?? '') || null } });
        return false;
      }
      nameProblem = {
        message: name.trim() === '' ? `A part needs a name; until it has a new one, it stays “${storedName.trim()}”.` : (issues[0]?.message ?? 'This name can’t be used.'),
        field: 'name',
      };
    }
    try {
      if (nameChanged && nameProblem === null) {
        try {
          await store(partId, { ...rest, name });
          storedName = name;
        } catch (error) {
          const problem = problemOf(error);
          if (problem.field !== 'name') throw error;
          nameProblem = problem;
        }
      }
      if (!nameChanged || nameProblem !== null) await store(partId, rest);
    } catch (error) {
      if (get().partId === partId) set({ status: 'error', error: problemOf(error) });
      return passes(asLadderError(error)) ? 'retry' : false;
    }
    if (get().partId !== partId) return true;
    // Everything else is saved; the name waits, by its field, until it can be used.
    set(nameProblem ? { status: 'error', error: nameProblem } : { status: 'saving', error: null });
    return true;
  };

  const autosaver = createAutosaver({
    save,
    onAllSaved: () => {
      if (get().status === 'saving') set({ status: 'saved' });
    },
  });

  return {
    ...initial,

    begin: (part) => {
      const state = get();
      if (state.partId === part.id && (autosaver.hasUnsavedWork() || state.error !== null)) return;
      autosaver.reset();
      storedName = part.name;
      set({ partId: part.id, draft: draftOf(part), status: 'idle', error: null });
    },

    edit: (patch) => {
      if (!get().partId || isReadOnly()) return;
      set({ draft: { ...get().draft, ...patch }, status: 'saving' });
      autosaver.touch();
    },

    flush: () => autosaver.flush(),
    hasUnsavedWork: () => autosaver.hasUnsavedWork(),

    leave: async () => {
      const { partId } = get();
      if (!partId) return;
      const saved = await autosaver.flush();
      const { error, draft } = get();
      if (get().partId !== partId || error === null) return;
      if (error.field === 'name') {
        const why = draft.name.trim() === '' ? `The name was left empty, so the part is still “${storedName.trim()}”.` : `The name “${draft.name.trim()}” isn’t saved: ${error.message}`;
        useToasts.getState().show(`${why} Everything else in the profile is saved.`);
      } else if (!saved) {
        useToasts.getState().show(`Part of this profile isn’t saved yet: ${error.message} It is still there when you come back.`);
      }
    },

    reset: () => {
      autosaver.reset();
      storedName = '';
      set({ ...initial });
    },
  };
});

registerEditor(usePartProfile);
