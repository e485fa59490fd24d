import { create } from 'zustand';
import { sameName } from '../ui/FindablePeople';
import type { CongregationCard } from '../../../shared/domain/congregations';
import type { NetworkCard, NetworkDetail } from '../../../shared/domain/network';
import type { PersonSummary } from '../../../shared/domain/people';
import { asLadderError, call } from '../api/client';
import { loadAllPeople } from '../api/all-people';
import { useNavigation } from '../app/navigation-store';
import type { FormError } from '../congregations/ErrorNote';
import { createRecordEditor } from '../ui/record-editor';
import { offerUndo } from '../ui/offer-undo';
import { recordWrites } from '../ui/record-writes';

/** The forms on a network's page, so a refused write shows its note in the form that made it. */
export const networkForms = {
  newNetwork: 'new-network',
  rename: 'rename',
  congregation: 'congregation',
  host: 'host',
  newPractice: 'new-practice',
  /** Correcting one practice: `practice:<id>`. */
  practice: (id: string) => `practice:${id}`,
} as const;

function formError(error: unknown, form: string | null = null): FormError {
  const problem = asLadderError(error);
  return { message: problem.message, field: problem.field?.split('.')[0] ?? null, form };
}

/** A network's notes, saved as you type. */
export const useNetworkNotes = createRecordEditor<{ notes: string }>(async (id, draft) => {
  const saved = await call('networks.update', { id, notes: draft.notes });
  const { detail } = useNetworks.getState();
  if (detail?.network.id === id) useNetworks.setState({ detail: { ...detail, network: saved } });
});

/** The Network page: networks, the one open, and the congregations and people to pick from. */
interface NetworkState {
  list: NetworkCard[] | null;
  detail: NetworkDetail | null;
  congregations: CongregationCard[];
  people: PersonSummary[];
  error: FormError | null;
  busy: boolean;
  loadList: () => Promise<void>;
  open: (id: string) => Promise<void>;
  create: (name: string, notes: string) => Promise<boolean>;
  /** Runs a write, then refreshes the open network; resolves true when it worked. */
  run: (write: () => Promise<unknown>, done?: string, form?: string | null) => Promise<boolean>;
  /** Runs a write through `run`, then offers `undo` (also through `run`) in a toast. */
  undoable: (write: () => Promise<unknown>, message: string, undo: () => Promise<unknown>) => Promise<boolean>;
  /** Deletes the open network, goes back to the list and offers Undo. */
  remove: () => Promise<boolean>;
  /** Adds a host by name: an existing person with that name, or someone new. */
  addHost: (networkId: string, name: string, note: string) => Promise<boolean>;
  reset: () => void;
}

const initial = { list: null, detail: null, congregations: [], people: [], error: null, busy: false };

export const useNetworks = create<NetworkState>()((set, get) => {
  const { attempt, run, undoable } = recordWrites({
    set,
    toError: formError,
    errorMessage: () => get().error?.message,
    refresh: async () => {
      const open = get().detail?.network.id;
      if (open) await get().open(open);
    },
  });
  return {
    ...initial,
    loadList: async () => {
      try {
        set({ list: await call('networks.list', {}) });
      } catch (error) {
        set({ error: formError(error) });
      }
    },
    open: async (id) => {
      try {
        const [detail, congregations, people] = await Promise.all([
          call('networks.get', { id }),
          call('congregations.list', {}),
          loadAllPeople(),
        ]);
        set({ detail, congregations, people, error: null });
      } catch (error) {
        set({ detail: null, error: formError(error) });
      }
    },
    create: (name, notes) =>
      attempt(async () => {
        const network = await call('networks.create', { name, notes });
        await get().loadList();
        useNavigation.getState().go('network', { kind: 'network', id: network.id });
      }, networkForms.newNetwork),
    run,
    undoable,
    remove: async () => {
      const network = get().detail?.network;
      if (!network) return false;
      if (!(await attempt(() => call('networks.delete', { id: network.id })))) return false;
      set({ detail: null });
      useNavigation.getState().go('network');
      void get().loadList();
      offerUndo(`${network.name} was deleted`, async () => {
        await call('networks.restore', { id: network.id });
        await get().loadList();
        useNavigation.getState().go('network', { kind: 'network', id: network.id });
      });
      return true;
    },
    addHost: async (networkId, name, note) => {
      // Someone already in the archive is that person, and the toast names them as they are kept ("Ana", not "ana").
      const known = get().people.find((p) => sameName(p.name, name));
      return run(
        async () => {
          const personId = known ? known.id : (await call('people.create', { name: name.trim() })).id;
          await call('networks.addHost', { networkId, personId, note });
        },
        `${known ? known.name : name.trim()} added to the hosts`,
        networkForms.host,
      );
    },
    reset: () => {
      useNetworkNotes.getState().reset();
      set(initial);
    },
  };
});
