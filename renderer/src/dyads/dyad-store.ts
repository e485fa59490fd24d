import { create } from 'zustand';
import type { CheckinSummary, Commitment, DialPoint, Dyad, DyadCard, DyadKind, DyadStatus, MonthCount } from '../../../shared/domain/dyads';
import { asLadderError, call } from '../api/client';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { useToasts } from '../ui/toast-store';
import { useDyads } from './dyads-store';
import type { FormError } from './person-store';
import { offerUndo } from '../ui/offer-undo';
import { offerReopen, reopenKept, type SettleOutcome, settleCommitment } from './settle-commitment';
import { linesOf } from '../ui/lines';

/** One dyad's page: what it is, its rhythm, open commitments both ways, check-ins and charts. */

export interface DyadFields {
  personId: string;
  kind: DyadKind;
  intention: string;
  startedOn: string;
  /** As typed; empty means no set rhythm. */
  rhythmDays: string;
  /** One agreement per line. */
  agreements: string;
}

interface DyadState {
  dyadId: string | null;
  dyad: Dyad | null;
  card: DyadCard | null;
  checkins: CheckinSummary[];
  moreCheckins: string | null;
  commitments: Commitment[];
  dial: DialPoint[];
  perMonth: MonthCount[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /** A commitment whose words should take focus once shown again (after an Undo), or `list:…` for a list's heading. */
  focusCommitmentId: string | null;
  load: (id: string) => Promise<void>;
  /** Kept, renegotiated or released from the dyad's page, with an Undo; resolves with a problem to show. */
  settle: (commitment: Commitment, outcome: SettleOutcome) => Promise<FormError | null>;
  /** Opens a kept commitment again (from "Lately settled"), with an Undo; focus goes to it. */
  reopen: (commitment: Commitment) => Promise<void>;
  focusDone: () => void;
  loadMoreCheckins: () => Promise<void>;
  save: (id: string | null, fields: DyadFields) => Promise<{ dyad: Dyad | null; error: FormError | null }>;
  setStatus: (status: DyadStatus, closingNote?: string) => Promise<FormError | null>;
  remove: () => Promise<void>;
  reset: () => void;
}

const initial = {
  dyadId: null as string | null,
  dyad: null as Dyad | null,
  card: null as DyadCard | null,
  checkins: [] as CheckinSummary[],
  moreCheckins: null as string | null,
  commitments: [] as Commitment[],
  dial: [] as DialPoint[],
  perMonth: [] as MonthCount[],
  status: 'idle' as DyadState['status'],
  error: null as string | null,
  focusCommitmentId: null as string | null,
};

let generation = 0;

function toFormError(error: unknown): FormError {
  const problem = asLadderError(error);
  return { message: problem.message, field: problem.field ?? null };
}

export const useDyad = create<DyadState>()((set, get) => ({
  ...initial,

  load: async (id) => {
    const mine = ++generation;
    if (get().dyadId !== id) set({ ...initial, dyadId: id, status: 'loading' });
    try {
      const today = localDay();
      const [dyad, card, page, commitments, dial, perMonth] = await Promise.all([
        call('dyads.get', { id }),
        call('dyads.card', { id, today }),
        call('checkins.list', { dyadId: id, limit: 50 }),
        call('commitments.list', { dyadId: id, which: 'all' }),
        call('dyads.dial', { id }),
        call('checkins.perMonth', { today, dyadId: id }),
      ]);
      if (mine !== generation) return;
      set({ dyad, card, checkins: page.checkins, moreCheckins: page.nextCursor, commitments, dial, perMonth, status: 'ready', error: null });
    } catch (error) {
      if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
    }
  },

  settle: async (commitment, outcome) => {
    const problem = await settleCommitment(commitment, outcome);
    if (problem) return problem;
    await get().load(commitment.dyadId);
    offerReopen(commitment, outcome, async () => {
      if (get().dyadId !== commitment.dyadId) return;
      await get().load(commitment.dyadId);
      set({ focusCommitmentId: commitment.id });
    });
    return null;
  },

  reopen: async (commitment) => {
    // Open again, its words take focus in its list; kept again by the Undo, "Lately settled" does.
    const showThen = (focus: string) => async () => {
      if (get().dyadId !== commitment.dyadId) return;
      await get().load(commitment.dyadId);
      set({ focusCommitmentId: focus });
    };
    try {
      await reopenKept(commitment, { reopened: showThen(commitment.id), keptAgain: showThen('list:settled') });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
    }
  },

  focusDone: () => set({ focusCommitmentId: null }),

  loadMoreCheckins: async () => {
    const { dyadId, moreCheckins } = get();
    if (dyadId === null || moreCheckins === null) return;
    try {
      const page = await call('checkins.list', { dyadId, after: moreCheckins, limit: 50 });
      set({ checkins: [...get().checkins, ...page.checkins], moreCheckins: page.nextCursor });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
    }
  },

  save: async (id, fields) => {
    const rhythm = fields.rhythmDays.trim();
    const values = {
      kind: fields.kind,
      intention: fields.intention,
      startedOn: fields.startedOn === '' ? null : fields.startedOn,
      rhythmDays: rhythm === '' ? null : Number(rhythm),
      agreements: linesOf(fields.agreements),
    };
    try {
      const dyad = id === null ? await call('dyads.create', { personId: fields.personId, ...values }) : await call('dyads.update', { id, ...values });
      void useDyads.getState().load();
      return { dyad, error: null };
    } catch (error) {
      return { dyad: null, error: toFormError(error) };
    }
  },

  setStatus: async (status, closingNote) => {
    const id = get().dyadId;
    if (id === null) return null;
    try {
      await call('dyads.setStatus', { id, status, today: localDay(), ...(closingNote === undefined ? {} : { closingNote }) });
    } catch (error) {
      return toFormError(error);
    }
    await get().load(id);
    void useDyads.getState().load();
    return null;
  },

  remove: async () => {
    const dyad = get().dyad;
    if (!dyad) return;
    try {
      await call('dyads.delete', { id: dyad.id });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
      return;
    }
    useNavigation.getState().go('dyads');
    void useDyads.getState().load();
    offerUndo(`The dyad with ${dyad.personName} was deleted`, async () => {
      await call('dyads.restore', { id: dyad.id });
      void useDyads.getState().load();
      useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id });
    });
  },

  reset: () => {
    generation += 1;
    set({ ...initial });
  },
}));
