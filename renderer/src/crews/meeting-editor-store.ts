import { create } from 'zustand';
import type { RequestInput } from '../../../shared/contract';
import type { ActionItem, AgendaItem, CrewDetail, Meeting } from '../../../shared/domain/crews';
import { crewsChecks } from '../api/checks';
import { asLadderError, call } from '../api/client';
import { isReadOnly } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { createAutosaver, passes, type SaveStatus } from '../ui/autosave';
import { useToasts } from '../ui/toast-store';
import { type FormError, refreshCrewShown } from './crews-store';
import { offerUndo } from '../ui/offer-undo';
import { registerEditor } from '../ui/open-editors';

/** A past meeting, opened to read or correct: it saves itself like the journal does. */

export interface MeetingDraft {
  heldOn: string;
  place: string;
  /** '' when nobody is named. */
  hostId: string;
  focusId: string;
  checkins: { personId: string; attended: boolean; note: string }[];
  notes: string;
  coveredIds: string[];
  partIds: string[];
}

export type { SaveStatus };

interface MeetingEditorState {
  meeting: Meeting | null;
  detail: CrewDetail | null;
  draft: MeetingDraft | null;
  draftKey: number;
  status: SaveStatus;
  error: FormError | null;
  open: (id: string) => Promise<void>;
  edit: (patch: Partial<MeetingDraft>) => void;
  flush: () => Promise<boolean>;
  hasUnsavedWork: () => boolean;
  addActionItem: (input: { text: string; ownerId: string; dueOn: string }) => Promise<FormError | null>;
  setActionItem: (id: string, status: 'open' | 'done' | 'dropped') => Promise<void>;
  /** Corrects an item as it was (`before`), with an Undo that puts it back. */
  editActionItem: (before: ActionItem, input: RequestInput<'actionItems.update'>) => Promise<FormError | null>;
  editAgendaItem: (before: AgendaItem, input: RequestInput<'agendaItems.update'>) => Promise<FormError | null>;
  deleteOpen: () => Promise<void>;
  reset: () => void;
}

function draftOf(meeting: Meeting): MeetingDraft {
  return {
    heldOn: meeting.heldOn,
    place: meeting.place,
    hostId: meeting.hostId ?? '',
    focusId: meeting.focusId ?? '',
    checkins: meeting.checkins.map((c) => ({ ...c })),
    notes: meeting.notes,
    coveredIds: meeting.covered.map((i) => i.id),
    partIds: meeting.partIds,
  };
}

const closed = { meeting: null as Meeting | null, detail: null as CrewDetail | null, draft: null as MeetingDraft | null, status: 'idle' as SaveStatus, error: null as FormError | null };

/** What the crew's page and prep show of a meeting, to tell whether a save changed it. */
function crewSees(meeting: Meeting): string {
  return JSON.stringify([meeting.heldOn, meeting.place, meeting.hostId, meeting.focusId, meeting.covered.map((item) => item.id)]);
}

export const useMeetingEditor = create<MeetingEditorState>()((set, get) => {
  let openToken = 0;

  const inputOf = (meeting: Meeting, draft: MeetingDraft) => ({
    id: meeting.id,
    heldOn: draft.heldOn,
    place: draft.place,
    hostId: draft.hostId === '' ? null : draft.hostId,
    focusId: draft.focusId === '' ? null : draft.focusId,
    checkins: draft.checkins,
    notes: draft.notes,
    coveredAgendaItemIds: draft.coveredIds,
    partIds: draft.partIds,
  });

  const save = async (): Promise<boolean | 'retry'> => {
    const contract = await crewsChecks();
    const { meeting, draft, draftKey } = get();
    if (!meeting || !draft) return true;
    const input = inputOf(meeting, draft);
    const checked = contract['meetings.update'].input.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      set({ status: 'error', error: { message: issue?.message ?? 'This could not be saved.', field: issue ? issue.path.join('.') : null } });
      return false;
    }
    set({ status: 'saving' });
    try {
      const saved = await call('meetings.update', input);
      // Saved after Back, too: the crew's page shown by then reads the change. Only what its
      // pages show (the day, place, host, focus, what was covered): not every pause in the notes.
      if (crewSees(saved) !== crewSees(meeting)) void refreshCrewShown(saved.crewId);
      if (get().draftKey !== draftKey) return false;
      set({ meeting: saved, error: null });
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

  const reloadMeeting = async () => {
    const { meeting } = get();
    if (!meeting) return;
    const fresh = await call('meetings.get', { id: meeting.id });
    if (get().meeting?.id === fresh.id) set({ meeting: fresh });
  };

  return {
    ...closed,
    draftKey: 0,

    open: async (id) => {
      if (get().meeting?.id === id && get().draft) return;
      const mine = ++openToken;
      if (autosaver.hasUnsavedWork()) await autosaver.flush();
      if (mine !== openToken) return;
      autosaver.reset();
      set((state) => ({ ...closed, draftKey: state.draftKey + 1 }));
      try {
        const meeting = await call('meetings.get', { id });
        const detail = await call('crews.get', { id: meeting.crewId, today: localDay() });
        if (mine !== openToken) return;
        set({ meeting, detail, draft: draftOf(meeting), status: 'saved' });
      } catch (error) {
        if (mine !== openToken) return;
        // Said on the page (MeetingView), which has nothing else to show.
        set({ status: 'error', error: { message: asLadderError(error).message, field: null } });
      }
    },

    edit: (patch) => {
      const { draft } = get();
      if (!draft || isReadOnly()) return;
      set({ draft: { ...draft, ...patch }, status: 'saving' });
      autosaver.touch();
    },

    flush: () => autosaver.flush(),
    hasUnsavedWork: () => autosaver.hasUnsavedWork(),

    addActionItem: async ({ text, ownerId, dueOn }) => {
      const { meeting } = get();
      if (!meeting) return null;
      try {
        await call('actionItems.add', { crewId: meeting.crewId, meetingId: meeting.id, text, ownerId, dueOn: dueOn === '' ? null : dueOn });
        await reloadMeeting();
        return null;
      } catch (error) {
        const problem = asLadderError(error);
        return { message: problem.message, field: problem.field ?? null };
      }
    },

    setActionItem: async (id, status) => {
      try {
        await call('actionItems.setStatus', { id, status, on: localDay() });
        await reloadMeeting();
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
      }
    },

    editActionItem: async (before, input) => {
      try {
        await call('actionItems.update', input);
      } catch (error) {
        const problem = asLadderError(error);
        return { message: problem.message, field: problem.field ?? null };
      }
      await reloadMeeting();
      offerUndo(`Action item changed to “${input.text.trim()}”`, async () => {
        await call('actionItems.update', { id: before.id, text: before.text, ownerId: before.ownerId, dueOn: before.dueOn });
        await reloadMeeting();
      });
      return null;
    },

    editAgendaItem: async (before, input) => {
      try {
        await call('agendaItems.update', input);
      } catch (error) {
        const problem = asLadderError(error);
        return { message: problem.message, field: problem.field ?? null };
      }
      await reloadMeeting();
      offerUndo(`Agenda item changed to “${input.text.trim()}”`, async () => {
        await call('agendaItems.update', { id: before.id, text: before.text, raisedById: before.raisedById, private: before.private });
        await reloadMeeting();
      });
      return null;
    },

    deleteOpen: async () => {
      const { meeting } = get();
      if (!meeting) return;
      // Whatever was typed last is saved first, so Undo brings back every word.
      await autosaver.flush();
      try {
        await call('meetings.delete', { id: meeting.id });
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
        return;
      }
      openToken += 1;
      autosaver.reset();
      set((state) => ({ ...closed, draftKey: state.draftKey + 1 }));
      useNavigation.getState().go('crews', { kind: 'crew', id: meeting.crewId });
      offerUndo(`Meeting ${meeting.number} deleted. Its covered agenda items are back on the agenda.`, async () => {
        await call('meetings.restore', { id: meeting.id });
        useNavigation.getState().go('crews', { kind: 'meeting', id: meeting.id });
      });
    },

    reset: () => {
      openToken += 1;
      autosaver.reset();
      set({ ...closed, draftKey: 0 });
    },
  };
});

registerEditor(useMeetingEditor);
