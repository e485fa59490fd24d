import { create } from 'zustand';
import type { RequestInput } from '../../../shared/contract';
import type { ActionItem, AgendaItem, CrewDetail, CrewList, Prep } from '../../../shared/domain/crews';
import type { PersonSummary } from '../../../shared/domain/people';
import { asLadderError, call } from '../api/client';
import { loadAllPeople } from '../api/all-people';
import { useNavigation } from '../app/navigation-store';
import { localDay } from '../self/dates';
import { offerUndo } from '../ui/offer-undo';
import { useToasts } from '../ui/toast-store';
import { useCaseEditor } from './case-store';
import { itemsWord, stageNames } from './labels';
import { useMeetingEditor } from './meeting-editor-store';

/** The Crews rung: the list, one crew, its prep; every write goes through an action here. */

export interface FormError {
  message: string;
  field: string | null;
}

function toFormError(error: unknown): FormError {
  const problem = asLadderError(error);
  return { message: problem.message, field: problem.field ?? null };
}

interface CrewsState {
  list: CrewList | null;
  detail: CrewDetail | null;
  prep: Prep | null;
  people: PersonSummary[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  loadList: () => Promise<void>;
  loadCrew: (id: string) => Promise<void>;
  loadPrep: (id: string) => Promise<void>;
  loadPeople: () => Promise<void>;
  /** Adds someone new to the archive (or me), returning their id. */
  addPerson: (name: string, isMe?: boolean) => Promise<string | null>;
  create: (input: RequestInput<'crews.create'>) => Promise<FormError | null>;
  update: (input: RequestInput<'crews.update'>) => Promise<FormError | null>;
  planNext: (input: RequestInput<'crews.planNext'>) => Promise<FormError | null>;
  recordMeeting: (input: RequestInput<'meetings.create'>) => Promise<FormError | null>;
  addAgendaItem: (input: RequestInput<'agendaItems.add'>) => Promise<FormError | null>;
  dropAgendaItem: (id: string, crewId: string) => Promise<void>;
  setActionItem: (id: string, crewId: string, status: 'done' | 'dropped' | 'open') => Promise<void>;
  /** Corrects an item as it was (`before`), with an Undo that puts it back. */
  editActionItem: (before: ActionItem, input: RequestInput<'actionItems.update'>, crewId: string) => Promise<FormError | null>;
  editAgendaItem: (before: AgendaItem, input: RequestInput<'agendaItems.update'>, crewId: string) => Promise<FormError | null>;
  retrospective: (input: RequestInput<'crews.retrospective'>) => Promise<FormError | null>;
  /** A stage change by hand, with an Undo (and Ctrl+Z) that takes it back. */
  setStage: (input: RequestInput<'crews.setStage'>) => Promise<FormError | null>;
  /** Reopens a closed or split crew, with an Undo (and Ctrl+Z) that closes it again. */
  /** `dropped`: how many action items the ending dropped, open again now (the toast says so). */
  reopen: (id: string, on: string, dropped: number) => Promise<FormError | null>;
  editRetrospective: (input: RequestInput<'retrospectives.update'>, crewId: string) => Promise<FormError | null>;
  deleteRetrospective: (id: string, crewId: string) => Promise<void>;
  markdown: (id: string, includeCase: boolean) => Promise<{ markdown: string; fileName: string }>;
  saveMarkdown: (id: string, folder: string, includeCase: boolean) => Promise<{ path: string | null; madeFolder: string | null; error: FormError | null }>;
  reset: () => void;
}

const initial = {
  list: null as CrewList | null,
  detail: null as CrewDetail | null,
  prep: null as Prep | null,
  people: [] as PersonSummary[],
  status: 'idle' as CrewsState['status'],
  error: null as string | null,
};

async function attempt(run: () => Promise<unknown>): Promise<FormError | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return toFormError(error);
  }
}

/**
 * After a meeting of a crew changed (its host, its focus, its day): the crew's page and prep, where
 * they show this crew, read again, so the rotation and the list say what was saved.
 */
export async function refreshCrewShown(crewId: string) {
  const { prep, detail, loadPrep, loadCrew } = useCrews.getState();
  if (prep?.crewId === crewId) await loadPrep(crewId);
  else if (detail?.crew.id === crewId) await loadCrew(crewId);
}

/** After an item changes: the prep when it is open for this crew (it reloads the crew too), else the crew. */
async function reloadItems(crewId: string) {
  const { prep, loadPrep, loadCrew } = useCrews.getState();
  if (prep?.crewId === crewId) await loadPrep(crewId);
  else await loadCrew(crewId);
}

export const useCrews = create<CrewsState>()((set, get) => ({
  ...initial,

  loadList: async () => {
    set({ status: get().list ? 'ready' : 'loading' });
    try {
      set({ list: await call('crews.list', { today: localDay() }), status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: asLadderError(error).message });
    }
  },

  loadCrew: async (id) => {
    if (get().detail?.crew.id !== id) set({ detail: null, status: 'loading' });
    try {
      set({ detail: await call('crews.get', { id, today: localDay() }), status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: asLadderError(error).message });
    }
  },

  loadPrep: async (id) => {
    if (get().prep?.crewId !== id) set({ prep: null, status: 'loading' });
    try {
      const [prep, detail] = await Promise.all([call('crews.prep', { id, today: localDay() }), call('crews.get', { id, today: localDay() })]);
      set({ prep, detail, status: 'ready', error: null });
    } catch (error) {
      set({ status: 'error', error: asLadderError(error).message });
    }
  },

  loadPeople: async () => {
    try {
      set({ people: await loadAllPeople() });
    } catch {
      // The member picker stays empty; the form still says how to add people.
    }
  },

  addPerson: async (name, isMe = false) => {
    try {
      const person = await call('people.create', { name: name.trim(), isMe });
      await get().loadPeople();
      return person.id;
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
      return null;
    }
  },

  create: (input) =>
    attempt(async () => {
      const crew = await call('crews.create', input);
      useToasts.getState().show(`You've called ${crew.name}`);
      useNavigation.getState().go('crews', { kind: 'crew', id: crew.id });
    }),

  update: (input) =>
    attempt(async () => {
      const crew = await call('crews.update', input);
      // Read back before showing the crew: its page would otherwise show the members as they were
      // until its own reload arrived (CI's e2e read the old list once).
      await get().loadCrew(crew.id);
      useToasts.getState().show(`Saved the changes to ${crew.name}`);
      useNavigation.getState().go('crews', { kind: 'crew', id: crew.id });
    }),

  planNext: (input) =>
    attempt(async () => {
      await call('crews.planNext', input);
      await get().loadPrep(input.id);
    }),

  recordMeeting: (input) =>
    attempt(async () => {
      const meeting = await call('meetings.create', input);
      // The next meeting's date, host and focus move on: "Record a meeting" must not offer this one again.
      await get().loadPrep(input.crewId);
      useToasts.getState().show(`Meeting ${meeting.number} saved`);
      useNavigation.getState().go('crews', { kind: 'crew', id: input.crewId });
    }),

  addAgendaItem: (input) =>
    attempt(async () => {
      await call('agendaItems.add', input);
      await get().loadPrep(input.crewId);
    }),

  dropAgendaItem: async (id, crewId) => {
    await call('agendaItems.setStatus', { id, status: 'dropped' });
    await get().loadPrep(crewId);
    useToasts.getState().show('Agenda item dropped', {
      action: {
        kind: 'undo',
        label: 'Undo',
        run: async () => {
          await call('agendaItems.setStatus', { id, status: 'open' });
          await get().loadPrep(crewId);
        },
      },
    });
  },

  setActionItem: async (id, crewId, status) => {
    const item = await call('actionItems.setStatus', { id, status, on: localDay() });
    const reload = async () => {
      if (get().prep?.crewId === crewId) await get().loadPrep(crewId);
      else await get().loadCrew(crewId);
    };
    await reload();
    if (status !== 'open') {
      useToasts.getState().show(status === 'done' ? `“${item.text}” marked done` : 'Action item dropped', {
        action: {
          kind: 'undo',
          label: 'Undo',
          run: async () => {
            await call('actionItems.setStatus', { id, status: 'open', on: localDay() });
            await reload();
          },
        },
      });
    }
  },

  editActionItem: (before, input, crewId) =>
    attempt(async () => {
      await call('actionItems.update', input);
      await reloadItems(crewId);
      offerUndo(`Action item changed to “${input.text.trim()}”`, async () => {
        await call('actionItems.update', { id: before.id, text: before.text, ownerId: before.ownerId, dueOn: before.dueOn });
        await reloadItems(crewId);
      });
    }),

  editAgendaItem: (before, input, crewId) =>
    attempt(async () => {
      await call('agendaItems.update', input);
      await reloadItems(crewId);
      offerUndo(`Agenda item changed to “${input.text.trim()}”`, async () => {
        await call('agendaItems.update', { id: before.id, text: before.text, raisedById: before.raisedById, private: before.private });
        await reloadItems(crewId);
      });
    }),

  retrospective: (input) =>
    attempt(async () => {
      const crew = await call('crews.retrospective', input);
      useToasts.getState().show(crew.stage === 'closed' ? `${crew.name} closed gracefully` : 'Retrospective saved');
      useNavigation.getState().go('crews', { kind: 'crew', id: crew.id });
    }),

  setStage: (input) =>
    attempt(async () => {
      const crew = await call('crews.setStage', input);
      await get().loadCrew(input.id);
      const change = get().detail?.crew.id === crew.id ? get().detail?.stages.at(-1) : undefined;
      if (!change || change.to !== crew.stage) return;
      const message = crew.stage === 'closed' ? `${crew.name} closed gracefully` : `${crew.name} moved to ${stageNames[crew.stage]}`;
      offerUndo(message, async () => {
        await call('crews.undoStage', { id: crew.id, changeId: change.id });
        useNavigation.getState().go('crews', { kind: 'crew', id: crew.id });
        await get().loadCrew(crew.id);
      });
    }),

  reopen: (id, on, dropped) =>
    attempt(async () => {
      const crew = await call('crews.reopen', { id, on });
      await get().loadCrew(id);
      const change = get().detail?.stages.at(-1);
      const items = dropped > 0 ? `, with ${itemsWord(dropped)} open again` : '';
      offerUndo(`${crew.name} reopened: back to ${stageNames[crew.stage]}${items}`, async () => {
        if (change) await call('crews.undoStage', { id, changeId: change.id });
        useNavigation.getState().go('crews', { kind: 'crew', id });
        await get().loadCrew(id);
      });
    }),

  editRetrospective: (input, crewId) =>
    attempt(async () => {
      await call('retrospectives.update', input);
      await get().loadCrew(crewId);
      useToasts.getState().show('Retrospective saved');
    }),

  deleteRetrospective: async (id, crewId) => {
    try {
      await call('retrospectives.delete', { id });
    } catch (error) {
      useToasts.getState().show(asLadderError(error).message);
      return;
    }
    await get().loadCrew(crewId);
    offerUndo('Retrospective deleted: the crew is back as it was before it (its stage, cycle, sessions and dates).', async () => {
      await call('retrospectives.restore', { id });
      useNavigation.getState().go('crews', { kind: 'crew', id: crewId });
      await get().loadCrew(crewId);
    });
  },

  markdown: async (id, includeCase) => {
    // My case is saved first, so the Markdown has every word I typed.
    await useCaseEditor.getState().flush();
    return call('crews.prepMarkdown', { id, today: localDay(), includeCase });
  },

  saveMarkdown: async (id, folder, includeCase) => {
    try {
      await useCaseEditor.getState().flush();
      const trimmed = folder.trim();
      const saved = await call('crews.savePrepMarkdown', trimmed === '' ? { id, today: localDay(), includeCase } : { id, today: localDay(), includeCase, folder: trimmed });
      return { path: saved.path, madeFolder: saved.madeFolder, error: null };
    } catch (error) {
      return { path: null, madeFolder: null, error: toFormError(error) };
    }
  },

  reset: () => {
    useMeetingEditor.getState().reset();
    useCaseEditor.getState().reset();
    set(initial);
  },
}));
