import { create } from 'zustand';
import type { RequestInput } from '../../../shared/contract';
import type { CongregationCard, CongregationDetail } from '../../../shared/domain/congregations';
import type { CrewCard } from '../../../shared/domain/crews';
import type { PersonSummary } from '../../../shared/domain/people';
import { asLadderError, call } from '../api/client';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { offerUndo } from '../ui/offer-undo';
import { recordWrites } from '../ui/record-writes';

export interface FormError {
  message: string;
  field: string | null;
}

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
  /** Runs a write, then refreshes the open congregation; resolves true when it worked. */
  run: (write: () => Promise<unknown>, done?: string) => Promise<boolean>;
  /** Runs a write through `run`, then offers `undo` (also through `run`) in a toast. */
  undoable: (write: () => Promise<unknown>, message: string, undo: () => Promise<unknown>) => Promise<boolean>;
  /** Deletes the open congregation, goes back to the list and offers Undo. */
  remove: () => Promise<boolean>;
  create: (input: RequestInput<'congregations.create'>) => Promise<boolean>;
  addPerson: (name: string) => Promise<string | null>;
  clearError: () => void;
  reset: () => void;
}

const initial = { list: null, detail: null, people: [], crews: [], error: null, busy: false };

function formError(error: unknown): FormError {
  const problem = asLadderError(error);
  return { message: problem.message, field: problem.field?.split('.')[0] ?? null };
}

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
        const [people, crews] = await Promise.all([call('people.list', { limit: 200 }), call('crews.list', { today: localDay() })]);
        set({ people: people.people, crews: crews.active });
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
    create: (input) =>
      attempt(async () => {
        const created = await call('congregations.create', input);
        await get().loadList();
        useNavigation.getState().go('congregations', { kind: 'congregation', id: created.id });
      }),
    addPerson: async (name) => {
      try {
        const person = await call('people.create', { name });
        set((state) => ({ people: [...state.people, { id: person.id, name: person.name, isMe: person.isMe, dyadCount: 0 }].sort((a, b) => a.name.localeCompare(b.name)) }));
        return person.id;
      } catch (error) {
        set({ error: formError(error) });
        return null;
      }
    },
    clearError: () => set({ error: null }),
    reset: () => set(initial),
  };
});
