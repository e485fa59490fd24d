import { create } from 'zustand';
import type { DyadCard } from '../../../shared/domain/dyads';
import type { Person, PersonGroups, TimelineItem } from '../../../shared/domain/people';
import { asLadderError, call } from '../api/client';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { useToasts } from '../ui/toast-store';
import { useDyads } from './dyads-store';
import { offerUndo } from '../ui/offer-undo';

/** One person's page: who they are, the dyads with them, and their timeline a page at a time. */

export interface PersonFields {
  name: string;
  howWeMet: string;
  notes: string;
  birthday: string;
  isMe: boolean;
}

export interface FormError {
  message: string;
  field: string | null;
}

interface PersonState {
  personId: string | null;
  person: Person | null;
  dyads: DyadCard[];
  groups: PersonGroups;
  timeline: TimelineItem[];
  nextCursor: string | null;
  loadingMore: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load: (id: string) => Promise<void>;
  loadMore: () => Promise<void>;
  /** Adds a person (no id) or saves their details; resolves with the person, or null after an error. */
  save: (id: string | null, fields: PersonFields) => Promise<{ person: Person | null; error: FormError | null }>;
  remove: () => Promise<void>;
  /** Reads a person fresh (for a form to start from); null when they are gone. */
  fetch: (id: string) => Promise<Person | null>;
  reset: () => void;
}

const pageSize = 30;
const initial = {
  personId: null as string | null,
  person: null as Person | null,
  dyads: [] as DyadCard[],
  groups: { crews: [], congregations: [], hostedNetworks: [] } as PersonGroups,
  timeline: [] as TimelineItem[],
  nextCursor: null as string | null,
  loadingMore: false,
  status: 'idle' as PersonState['status'],
  error: null as string | null,
};

let generation = 0;

export const usePerson = create<PersonState>()((set, get) => ({
  ...initial,

  load: async (id) => {
    const mine = ++generation;
    if (get().personId !== id) set({ ...initial, personId: id, status: 'loading' });
    try {
      const [person, cards, groups, page] = await Promise.all([
        call('people.get', { id }),
        call('dyads.list', { today: localDay() }),
        call('people.groups', { id }),
        call('people.timeline', { id, limit: pageSize }),
      ]);
      if (mine !== generation) return;
      set({
        person,
        dyads: cards.filter((card) => card.personId === id),
        groups,
        timeline: page.items,
        nextCursor: page.nextCursor,
        status: 'ready',
        error: null,
      });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
    }
  },

  loadMore: async () => {
    const { personId, nextCursor, loadingMore } = get();
    if (personId === null || nextCursor === null || loadingMore) return;
    const mine = generation;
    set({ loadingMore: true });
    try {
      const page = await call('people.timeline', { id: personId, after: nextCursor, limit: pageSize });
      if (mine !== generation) return;
      set({ timeline: [...get().timeline, ...page.items], nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      if (mine === generation) set({ loadingMore: false, error: asLadderError(error).message });
    }
  },

  save: async (id, fields) => {
    const values = { ...fields, birthday: fields.birthday === '' ? null : fields.birthday };
    try {
      const person = id === null ? await call('people.create', values) : await call('people.update', { id, ...values });
      if (get().personId === person.id) set({ person });
      void useDyads.getState().load();
      return { person, error: null };
    } catch (error) {
      const problem = asLadderError(error);
      return { person: null, error: { message: problem.message, field: problem.field ?? null } };
    }
  },

  remove: async () => {
    const person = get().person;
    if (!person) return;
    try {
      await call('people.delete', { id: person.id });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
      return;
    }
    useNavigation.getState().go('dyads');
    void useDyads.getState().load();
    offerUndo(`${person.name} was deleted`, async () => {
      await call('people.restore', { id: person.id });
      void useDyads.getState().load();
      useNavigation.getState().go('dyads', { kind: 'person', id: person.id });
    });
  },

  fetch: async (id) => {
    try {
      return await call('people.get', { id });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
      return null;
    }
  },

  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));
