import { create } from 'zustand';
import type { CongregationCard, CongregationDetail, CongregationRole } from '../../../shared/domain/congregations';
import type { CrewCard } from '../../../shared/domain/crews';
import type { PersonSummary } from '../../../shared/domain/people';
import { asLadderError, call } from '../api/client';
import { loadAllPeople } from '../api/all-people';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { offerUndo } from '../ui/offer-undo';
import { recordWrites } from '../ui/record-writes';
import { type CongregationFieldValues, parseSize } from './CongregationFields';
import type { FormError } from './ErrorNote';
import { createRecordEditor } from '../ui/record-editor';
import { discardDraft } from '../ui/kept-drafts-store';

export type { FormError } from './ErrorNote';

/** A gathering's fields as typed. */
export interface GatheringDraft {
  name: string;
  heldOn: string;
  place: string;
  harvest: string;
  temporaryCrewIds: string[];
  possibleCrewmateIds: string[];
}

export interface NewCongregationDraft extends CongregationFieldValues {
  role: CongregationRole;
}

/** A lesson's fields as typed. */
export interface LessonDraft {
  text: string;
  /** The retrospective it comes from ('' for none). */
  source: string;
}

/** The forms on the page, so a refused write shows its note in the form that made it. */
export const forms = {
  newCongregation: 'new-congregation',
  newGathering: 'new-gathering',
  lesson: 'lesson',
  role: 'role',
  people: 'people',
  crew: 'crew',
} as const;

/** The Congregations page: the list, the one congregation open, and the people and crews to pick from. */
interface CongregationsState {
  list: CongregationCard[] | null;
  detail: CongregationDetail | null;
  people: PersonSummary[];
  crews: CrewCard[];
  error: FormError | null;
  busy: boolean;
  loadList: () => Promise<void>;
  open: (id: string) => Promise<void>;
  loadChoices: () => Promise<void>;
  /** Runs a write, then refreshes the open congregation; resolves true when it worked. `form` gets its error. */
  run: (write: () => Promise<unknown>, done?: string, form?: string | null) => Promise<boolean>;
  /** Runs a write through `run`, then offers `undo` (also through `run`) in a toast. */
  undoable: (write: () => Promise<unknown>, message: string, undo: () => Promise<unknown>) => Promise<boolean>;
  /** Deletes the open congregation, goes back to the list and offers Undo. */
  remove: () => Promise<boolean>;
  /** Creates the congregation from the words of its form and opens it; resolves true when it worked. */
  create: (draft: NewCongregationDraft) => Promise<boolean>;
  /** Saves a new gathering of a congregation from the words of its form; resolves true when it worked. */
  saveNewGathering: (congregationId: string, draft: GatheringDraft) => Promise<boolean>;
  /** Forgets the problem shown in `form` (its words were let go). */
  clearFormError: (form: string) => void;
  /** Adds a lesson to a congregation from the words of its form; resolves true when it worked. */
  shareLesson: (congregationId: string, draft: LessonDraft) => Promise<boolean>;
  /** Adds someone new to the archive; resolves their id, or the reason they could not be added. */
  addPerson: (name: string) => Promise<{ id: string } | { error: string }>;
  clearError: () => void;
  reset: () => void;
}

const initial = { list: null, detail: null, people: [], crews: [], error: null, busy: false };

/** Where "New congregation" keeps its words, and what it starts from (see ui/kept-changes). */
export const newCongregationDraftKey = 'congregations:new';
export const blankCongregation = (): NewCongregationDraft => ({ name: '', about: '', size: '', role: 'visitor' });

/** Where "Add a gathering" keeps its words, by congregation, and what it starts from (held today). */
export const newGatheringDraftKey = (congregationId: string) => `congregations:${congregationId}:new-gathering`;
export const blankGathering = (): GatheringDraft => ({ name: '', heldOn: localDay(), place: '', harvest: '', temporaryCrewIds: [], possibleCrewmateIds: [] });

/** Where "Add a lesson" keeps its words, by congregation, and what it starts from. */
export const newLessonDraftKey = (congregationId: string) => `congregations:${congregationId}:new-lesson`;
export const blankLesson = (): LessonDraft => ({ text: '', source: '' });

function formError(error: unknown, form: string | null = null): FormError {
  const problem = asLadderError(error);
  return { message: problem.message, field: problem.field?.split('.')[0] ?? null, form };
}

/** The open congregation's name, about and size, saved as you type. */
export const useCongregationEditor = createRecordEditor<CongregationFieldValues>(async (id, draft) => {
  const saved = await call('congregations.update', { id, name: draft.name, about: draft.about, size: parseSize(draft.size) });
  const { detail } = useCongregations.getState();
  if (detail?.congregation.id === id) useCongregations.setState({ detail: { ...detail, congregation: saved } });
});

/** A gathering being corrected, saved as you type. */
export const useGatheringEditor = createRecordEditor<GatheringDraft>(async (id, draft) => {
  await call('gatherings.update', { id, ...draft });
});

export const useCongregations = create<CongregationsState>()((set, get) => {
  const { attempt, run, undoable } = recordWrites({
    set,
    toError: formError,
    errorMessage: () => get().error?.message,
    refresh: async () => {
      const open = get().detail?.congregation.id;
      if (open) await get().open(open);
    },
  });
  return {
    ...initial,
    loadList: async () => {
      try {
        set({ list: await call('congregations.list', {}) });
      } catch (error) {
        set({ error: formError(error) });
      }
    },
    open: async (id) => {
      try {
        const detail = await call('congregations.get', { id, today: localDay() });
        set({ detail });
      } catch (error) {
        set({ detail: null, error: formError(error) });
      }
    },
    loadChoices: async () => {
      try {
        const [people, crews] = await Promise.all([loadAllPeople(), call('crews.list', { today: localDay() })]);
        set({ people, crews: crews.active });
      } catch (error) {
        set({ error: formError(error) });
      }
    },
    run,
    undoable,
    remove: async () => {
      const congregation = get().detail?.congregation;
      if (!congregation) return false;
      if (!(await attempt(() => call('congregations.delete', { id: congregation.id })))) return false;
      set({ detail: null });
      useNavigation.getState().go('congregations');
      void get().loadList();
      offerUndo(`${congregation.name} was deleted`, async () => {
        await call('congregations.restore', { id: congregation.id });
        await get().loadList();
        useNavigation.getState().go('congregations', { kind: 'congregation', id: congregation.id });
      });
      return true;
    },
    create: (draft) =>
      attempt(async () => {
        const created = await call('congregations.create', { name: draft.name, about: draft.about, size: parseSize(draft.size), role: draft.role, since: localDay() });
        // The words are in the congregation now: the form's draft goes before the page changes.
        discardDraft(newCongregationDraftKey);
        await get().loadList();
        useNavigation.getState().go('congregations', { kind: 'congregation', id: created.id });
      }, forms.newCongregation),
    saveNewGathering: async (congregationId, draft) => {
      const ok = await run(() => call('gatherings.create', { congregationId, ...draft }), 'Gathering saved', forms.newGathering);
      if (ok) discardDraft(newGatheringDraftKey(congregationId));
      return ok;
    },
    clearFormError: (form) => {
      if (get().error?.form === form) set({ error: null });
    },
    shareLesson: async (congregationId, draft) => {
      const retro = get().detail?.retrospectives.find((r) => r.id === draft.source) ?? null;
      const input = { congregationId, text: draft.text, retrospectiveId: retro?.id ?? null, crewId: retro?.crewId ?? null, sharedOn: localDay() };
      const ok = await run(() => call('lessons.share', input), 'Lesson added', forms.lesson);
      if (ok) discardDraft(newLessonDraftKey(congregationId));
      return ok;
    },
    addPerson: async (name) => {
      try {
        const person = await call('people.create', { name });
        set((state) => ({ people: [...state.people, { id: person.id, name: person.name, isMe: person.isMe, dyadCount: 0 }].sort((a, b) => a.name.localeCompare(b.name)) }));
        return { id: person.id };
      } catch (error) {
        return { error: asLadderError(error).message };
      }
    },
    clearError: () => set({ error: null }),
    reset: () => {
      useCongregationEditor.getState().reset();
      useGatheringEditor.getState().reset();
      set(initial);
    },
  };
});
