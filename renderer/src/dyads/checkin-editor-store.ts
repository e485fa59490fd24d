import { create } from 'zustand';
import { addDays, type CheckinHow, type Checkin, type Commitment, type CommitmentDirection, type Dyad } from '../../../shared/domain/dyads';
import { dyadsChecks } from '../api/checks';
import { asLadderError, call } from '../api/client';
import { isReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { createAutosaver, passes, type SaveStatus } from '../ui/autosave';
import { useToasts } from '../ui/toast-store';
import type { FormError } from './person-store';
import { offerUndo } from '../ui/offer-undo';
import { registerEditor } from '../ui/open-editors';
import { useDyad } from './dyad-store';
import { offerReopen, type SettleOutcome, settleCommitment } from './settle-commitment';

/**
 * The check-in being written. Starting a new one first walks through the open commitments one
 * by one; then the form saves itself like the journal does (after a pause, one save at a time).
 */

export interface CheckinDraft {
  checkinDate: string;
  how: CheckinHow;
  iShared: string;
  iHeard: string;
  offersAsksFromMe: string;
  offersAsksFromThem: string;
  dial: number | null;
  partIds: string[];
  notes: string;
  /** '' when there is no next date. */
  nextCheckinDate: string;
}

export interface PendingCommitment {
  text: string;
  /** '' when no date is hoped for. */
  dueOn: string;
}

export type { SaveStatus };
export type Phase = 'closed' | 'loading' | 'review' | 'form';
export type ReviewOutcome = SettleOutcome;

interface CheckinEditorState {
  phase: Phase;
  dyad: Dyad | null;
  checkinId: string | null;
  draftKey: number;
  draft: CheckinDraft;
  status: SaveStatus;
  error: FormError | null;
  /** Open commitments to look at before this check-in, and how far along we are. */
  review: Commitment[];
  reviewIndex: number;
  /** Those already settled or left open in this review, so an Undo can step back without repeats. */
  passed: string[];
  /** Commitments made in this check-in, both ways. */
  made: Commitment[];
  /** Why the check-in (or its dyad) could not be opened: said where it would be (Back can lead to one deleted). */
  missing: string | null;
  /** A commitment typed but not yet added, each way: Done (or leaving) adds it, so none is lost. */
  pending: Record<CommitmentDirection, PendingCommitment>;
  /** Why a typed commitment could not be added, shown by its field. */
  pendingErrors: Record<CommitmentDirection, FormError | null>;

  start: (dyadId: string) => Promise<void>;
  open: (checkinId: string) => Promise<void>;
  edit: (patch: Partial<CheckinDraft>) => void;
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  /** "Done": saves now and goes back to the dyad; stays (with the reason shown) if it could not save. */
  finish: () => Promise<boolean>;
  resolveReview: (outcome: ReviewOutcome) => Promise<FormError | null>;
  skipReview: () => void;
  endReview: () => void;
  addCommitment: (direction: CommitmentDirection, text: string, dueOn: string) => Promise<FormError | null>;
  editPending: (direction: CommitmentDirection, patch: Partial<PendingCommitment>) => void;
  /** Adds the commitment typed one way ("Add", or Enter); false when it could not be added. */
  addPending: (direction: CommitmentDirection) => Promise<boolean>;
  removeCommitment: (id: string) => Promise<void>;
  deleteOpen: () => Promise<void>;
  reset: () => void;
}

function emptyDraft(today: string, rhythmDays: number | null): CheckinDraft {
  return {
    checkinDate: today,
    how: 'in_person',
    iShared: '',
    iHeard: '',
    offersAsksFromMe: '',
    offersAsksFromThem: '',
    dial: null,
    partIds: [],
    notes: '',
    nextCheckinDate: rhythmDays === null ? '' : addDays(today, rhythmDays),
  };
}

function draftOf(checkin: Checkin): CheckinDraft {
  return {
    checkinDate: checkin.checkinDate,
    how: checkin.how,
    iShared: checkin.iShared,
    iHeard: checkin.iHeard,
    offersAsksFromMe: checkin.offersAsksFromMe,
    offersAsksFromThem: checkin.offersAsksFromThem,
    dial: checkin.dial,
    partIds: checkin.partIds,
    notes: checkin.notes,
    nextCheckinDate: checkin.nextCheckinDate ?? '',
  };
}

const closed = {
  phase: 'closed' as Phase,
  dyad: null as Dyad | null,
  checkinId: null as string | null,
  draft: emptyDraft('', null),
  status: 'idle' as SaveStatus,
  error: null as FormError | null,
  review: [] as Commitment[],
  reviewIndex: 0,
  passed: [] as string[],
  made: [] as Commitment[],
  missing: null as string | null,
  pending: { mine: { text: '', dueOn: '' }, theirs: { text: '', dueOn: '' } } as Record<CommitmentDirection, PendingCommitment>,
  pendingErrors: { mine: null, theirs: null } as Record<CommitmentDirection, FormError | null>,
};

const directions: CommitmentDirection[] = ['mine', 'theirs'];
const hasPending = (pending: Record<CommitmentDirection, PendingCommitment>) => directions.some((d) => pending[d].text.trim() !== '');

export const useCheckinEditor = create<CheckinEditorState>()((set, get) => {
  // Set when the person changed the next date themselves; until then it follows the check-in date.
  let nextDateChosen = false;
  let openToken = 0;

  const save = async (): Promise<boolean | 'retry'> => {
    const contract = await dyadsChecks();
    const { dyad, checkinId, draft, draftKey } = get();
    if (!dyad) return true;
    const fields = { ...draft, nextCheckinDate: draft.nextCheckinDate === '' ? null : draft.nextCheckinDate };
    const checked =
      checkinId === null
        ? contract['checkins.create'].input.safeParse({ dyadId: dyad.id, ...fields })
        : contract['checkins.update'].input.safeParse({ id: checkinId, ...fields });
    if (!checked.success) {
      const issue = checked.error.issues[0];
      set({ status: 'error', error: { message: issue?.message ?? 'This could not be saved.', field: String(issue?.path[0] ?? '') || null } });
      return false;
    }
    if (fields.nextCheckinDate !== null && fields.nextCheckinDate < fields.checkinDate) {
      set({ status: 'error', error: { message: 'The next check-in can’t come before this one; choose this day or a later one.', field: 'nextCheckinDate' } });
      return false;
    }
    set({ status: 'saving' });
    try {
      const saved = checkinId === null ? await call('checkins.create', { dyadId: dyad.id, ...fields }) : await call('checkins.update', { id: checkinId, ...fields });
      if (get().draftKey !== draftKey) return false;
      set({ checkinId: saved.id, error: null });
      // Once a new check-in exists, the address names it, so Back and Undo find it again.
      const detail = useNavigation.getState().detail;
      if (checkinId === null && detail?.kind === 'new-checkin') useNavigation.getState().go('dyads', { kind: 'checkin', id: saved.id });
      return true;
    } catch (error) {
      const problem = asLadderError(error);
      if (get().draftKey === draftKey) set({ status: 'error', error: { message: problem.message, field: problem.field ?? null } });
      return passes(problem) ? 'retry' : false;
    }
  };

  const autosaver = createAutosaver({
    save,
    onAllSaved: () => {
      if (get().status === 'saving') set({ status: 'saved' });
    },
  });

  // One add at a time each way, so Enter and Done together never add it twice.
  const adding: Partial<Record<CommitmentDirection, Promise<boolean>>> = {};

  /** Adds the commitment typed one way, if any; false (with the reason by its field) when it could not be. */
  const addPending = (direction: CommitmentDirection): Promise<boolean> => {
    const running = adding[direction];
    if (running) return running.then(() => addPending(direction));
    const { text, dueOn } = get().pending[direction];
    if (text.trim() === '') return Promise.resolve(true);
    const key = get().draftKey;
    const run = (async () => {
      const problem = await get().addCommitment(direction, text, dueOn);
      if (get().draftKey !== key) return false;
      set((state) => {
        const now = state.pending[direction];
        // Words typed while it was being added stay in the box.
        const unchanged = now.text === text && now.dueOn === dueOn;
        return {
          pending: problem || !unchanged ? state.pending : { ...state.pending, [direction]: { text: '', dueOn: '' } },
          pendingErrors: { ...state.pendingErrors, [direction]: problem },
        };
      });
      // Added on the way out: the dyad's page, if it is showing already, catches up.
      const dyadId = get().dyad?.id;
      if (!problem && dyadId && useDyad.getState().dyadId === dyadId) void useDyad.getState().load(dyadId);
      return problem === null;
    })();
    adding[direction] = run;
    return run.finally(() => {
      if (adding[direction] === run) delete adding[direction];
    });
  };

  /** The check-in saved, then every commitment typed but not added: a typed promise is never dropped. */
  const flush = async () => {
    const saved = await autosaver.flush();
    if (!hasPending(get().pending) || get().phase !== 'form') return saved;
    let added = true;
    for (const direction of directions) added = (await addPending(direction)) && added;
    return saved && added;
  };

  const hasUnsavedWork = () => autosaver.hasUnsavedWork() || (get().phase === 'form' && hasPending(get().pending));

  /** Leaves nothing unsaved behind before another check-in takes this one's place. */
  const leaveCurrent = async () => {
    if (!hasUnsavedWork()) return true;
    const saved = await flush();
    if (!saved) useToasts.getState().show('This check-in is not saved yet, so it stays open. Your words are still there.');
    return saved;
  };

  /** Marks these as looked at, and moves to the first one not yet looked at, or on to the form. */
  const pass = (ids: string[]) => {
    const passed = [...new Set([...get().passed, ...ids])];
    const next = get().review.findIndex((c) => !passed.includes(c.id));
    set(next < 0 ? { passed, phase: 'form' } : { passed, reviewIndex: next });
  };

  const begin = (values: Partial<typeof closed>) => {
    autosaver.reset();
    set((state) => ({ ...closed, ...values, draftKey: state.draftKey + 1 }));
  };

  return {
    ...closed,
    draftKey: 0,

    start: async (dyadId) => {
      const mine = ++openToken;
      if (!(await leaveCurrent()) || mine !== openToken) return;
      begin({ phase: 'loading' });
      try {
        const [dyad, open] = await Promise.all([call('dyads.get', { id: dyadId }), call('commitments.list', { dyadId, which: 'open' })]);
        if (mine !== openToken) return;
        // Reached by Back/Forward or an old link: a closed dyad takes no new check-in until reopened.
        if (dyad.status === 'closed') {
          set({ dyad, phase: 'closed', missing: 'This dyad is closed. Reopen it from its page to check in again.' });
          return;
        }
        nextDateChosen = false;
        set({ dyad, review: open, reviewIndex: 0, phase: open.length > 0 ? 'review' : 'form', draft: emptyDraft(localDay(), dyad.rhythmDays) });
      } catch (error) {
        if (mine !== openToken) return;
        set({ phase: 'closed', missing: asLadderError(error).message });
      }
    },

    open: async (checkinId) => {
      if (get().checkinId === checkinId && get().phase === 'form') return;
      const mine = ++openToken;
      if (!(await leaveCurrent()) || mine !== openToken) return;
      begin({ phase: 'loading' });
      try {
        const checkin = await call('checkins.get', { id: checkinId });
        const [dyad, all] = await Promise.all([call('dyads.get', { id: checkin.dyadId }), call('commitments.list', { dyadId: checkin.dyadId, which: 'all' })]);
        if (mine !== openToken) return;
        nextDateChosen = true;
        set({
          dyad,
          checkinId,
          draft: draftOf(checkin),
          made: all.filter((c) => c.checkinId === checkinId).reverse(),
          phase: 'form',
          status: 'saved',
        });
      } catch (error) {
        if (mine !== openToken) return;
        set({ phase: 'closed', missing: asLadderError(error).message });
      }
    },

    edit: (patch) => {
      const state = get();
      if (state.phase !== 'form' || isReadOnly()) return;
      if (patch.nextCheckinDate !== undefined) nextDateChosen = true;
      const next = { ...state.draft, ...patch };
      // A new check-in's next date follows its own date (by the rhythm) until chosen by hand.
      if (patch.checkinDate !== undefined && !nextDateChosen && state.dyad?.rhythmDays && /^\d{4}-\d{2}-\d{2}$/.test(patch.checkinDate)) {
        next.nextCheckinDate = addDays(patch.checkinDate, state.dyad.rhythmDays);
      }
      set({ draft: next, status: 'saving' });
      autosaver.touch();
    },

    flush,
    hasUnsavedWork,

    finish: async () => {
      const { dyad, draftKey } = get();
      if (!dyad) return false;
      if (hasUnsavedWork() && !(await flush())) return false;
      if (get().draftKey !== draftKey) return false;
      useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id });
      return true;
    },

    resolveReview: async (outcome) => {
      const current = get().review[get().reviewIndex];
      if (!current) return null;
      const problem = await settleCommitment(current, outcome);
      if (problem) return problem;
      pass([current.id]);
      const dyadId = current.dyadId;
      offerReopen(current, outcome, async () => {
        // Back to that card if this check-in is still open; the dyad's page, if showing, catches up.
        const state = get();
        const index = state.review.findIndex((c) => c.id === current.id);
        if (state.dyad?.id === dyadId && index >= 0) {
          set({ passed: state.passed.filter((id) => id !== current.id), reviewIndex: index, phase: 'review' });
        }
        if (useDyad.getState().dyadId === dyadId) await useDyad.getState().load(dyadId);
      });
      return null;
    },

    skipReview: () => {
      const current = get().review[get().reviewIndex];
      if (current) pass([current.id]);
    },

    endReview: () => pass(get().review.map((c) => c.id)),

    addCommitment: async (direction, text, dueOn) => {
      const { dyad } = get();
      if (!dyad) return null;
      // A commitment belongs to a check-in, so the check-in is saved first.
      if (get().checkinId === null) {
        autosaver.touch();
        set({ status: 'saving' });
      }
      if (!(await autosaver.flush()) || get().checkinId === null) {
        return { message: 'The check-in could not be saved yet, so the commitment was not added.', field: null };
      }
      try {
        const commitment = await call('commitments.create', {
          dyadId: dyad.id,
          checkinId: get().checkinId,
          direction,
          text,
          madeOn: get().draft.checkinDate,
          dueOn: dueOn === '' ? null : dueOn,
        });
        set({ made: [...get().made, commitment] });
        return null;
      } catch (error) {
        const problem = asLadderError(error);
        return { message: problem.message, field: problem.field ?? null };
      }
    },

    editPending: (direction, patch) =>
      set((state) => ({
        pending: { ...state.pending, [direction]: { ...state.pending[direction], ...patch } },
        pendingErrors: { ...state.pendingErrors, [direction]: null },
      })),

    addPending: async (direction) => {
      if (get().pending[direction].text.trim() === '') {
        set((state) => ({ pendingErrors: { ...state.pendingErrors, [direction]: { message: 'Write the commitment first.', field: 'text' } } }));
        return false;
      }
      return addPending(direction);
    },

    removeCommitment: async (id) => {
      const { made, checkinId, dyad } = get();
      const at = made.findIndex((c) => c.id === id);
      const removed = made[at];
      try {
        await call('commitments.delete', { id });
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
        return;
      }
      set({ made: get().made.filter((c) => c.id !== id) });
      const refreshDyad = async () => {
        if (dyad && useDyad.getState().dyadId === dyad.id) await useDyad.getState().load(dyad.id);
      };
      void refreshDyad();
      if (!removed) return;
      // A commitment may already be kept, renegotiated or released: removing it takes that
      // history too, so it can be had back, like every other removal.
      offerUndo(`Removed “${removed.text}”`, async () => {
        const restored = await call('commitments.restore', { id });
        const now = get();
        if (now.checkinId === checkinId && !now.made.some((c) => c.id === id)) {
          set({ made: [...now.made.slice(0, at), restored, ...now.made.slice(at)] });
        }
        await refreshDyad();
      });
    },

    deleteOpen: async () => {
      const { checkinId, dyad } = get();
      if (!dyad) return;
      openToken += 1;
      autosaver.reset();
      if (checkinId !== null) {
        try {
          await call('checkins.delete', { id: checkinId });
        } catch (error) {
          useToasts.getState().show(asLadderError(error).message);
          return;
        }
      }
      begin({});
      useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id });
      if (checkinId === null) return;
      offerUndo('Check-in deleted', async () => {
        await call('checkins.restore', { id: checkinId });
        useNavigation.getState().go('dyads', { kind: 'checkin', id: checkinId });
      });
    },

    reset: () => {
      openToken += 1;
      nextDateChosen = false;
      autosaver.reset();
      set({ ...closed, draftKey: 0 });
    },
  };
});

registerEditor(useCheckinEditor);
