import { create } from 'zustand';
import type { RequestInput } from '../../../shared/contract';
import type { CongregationCard, CongregationDetail } from '../../../shared/domain/congregations';
import type { CrewCard } from '../../../shared/domain/crews';
import type { PersonSummary } from '../../../shared/domain/people';
import { asLadderError, call } from '../api/client';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { useToasts } from '../ui/toast-store';
import { offerUndo } from '../ui/offer-undo';

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

export const useCongregations = create<CongregationsState>()((set, get) => ({
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
  run: async (write, done) => {
    set({ busy: true, error: null });
    try {
      await write();
      const open = get().detail?.congregation.id;
      if (open) await get().open(open);
      if (done) useToasts.getState().show(done);
      return true;
    } catch (error) {
      set({ error: formError(error) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  undoable: async (write, message, undo) => {
    const ok = await get().run(write);
    if (ok) {
      useToasts.getState().show(message, {
        action: {
          label: 'Undo',
          run: async () => {
            if (!(await get().run(undo))) useToasts.getState().show(get().error?.message ?? 'That could not be undone.');
          },
        },
      });
    }
    return ok;
  },
  remove: async () => {
    const congregation = get().detail?.congregation;
    if (!congregation) return false;
    set({ busy: true, error: null });
    try {
      await call('congregations.delete', { id: congregation.id });
    } catch (error) {
      set({ error: formError(error) });
      return false;
    } finally {
      set({ busy: false });
    }
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
  create: async (input) => {
    set({ busy: true, error: null });
    try {
      const created = await call('congregations.create', input);
      await get().loadList();
      useNavigation.getState().go('congregations', { kind: 'congregation', id: created.id });
      return true;
    } catch (error) {
      set({ error: formError(error) });
      return false;
    } finally {
      set({ busy: false });
    }
  },
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
}));
