import { create } from 'zustand';
import type { RungId } from '../../../../shared/domain/journal';
import type { Prompt, Template } from '../../../../shared/domain/prompts';
import type { LadderError } from '../../../../shared/errors';
import { asLadderError, call } from '../../api/client';
import { useToasts } from '../../ui/toast-store';
import { localDay } from '../dates';

/** The prompt library (archived ones too, so old entries still show what they answered) and templates. */

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface LibraryState {
  prompts: Record<string, Prompt>;
  promptIds: string[];
  templates: Template[];
  status: LoadStatus;
  error: string | null;
  /** Today's prompt id per rung, with the day it was picked for. */
  today: Partial<Record<RungId, { day: string; id: string | null }>>;
  load: (options?: { force?: boolean }) => Promise<void>;
  loadToday: (rung: RungId) => Promise<void>;
  createPrompt: (rung: RungId, text: string) => Promise<Prompt | LadderError>;
  updatePrompt: (id: string, text: string) => Promise<Prompt | LadderError>;
  archivePrompt: (id: string, archived: boolean) => Promise<void>;
  createTemplate: (input: { name: string; body: string; rung: RungId | null }) => Promise<Template | LadderError>;
  updateTemplate: (input: { id: string; name: string; body: string; rung: RungId | null }) => Promise<Template | LadderError>;
  deleteTemplate: (id: string) => Promise<void>;
  reset: () => void;
}

const initial = {
  prompts: {} as Record<string, Prompt>,
  promptIds: [] as string[],
  templates: [] as Template[],
  status: 'idle' as LoadStatus,
  error: null as string | null,
  today: {} as Partial<Record<RungId, { day: string; id: string | null }>>,
};
let generation = 0;

export const useLibrary = create<LibraryState>()((set, get) => {
  const putPrompt = (prompt: Prompt) => {
    const exists = prompt.id in get().prompts;
    set({ prompts: { ...get().prompts, [prompt.id]: prompt }, promptIds: exists ? get().promptIds : [...get().promptIds, prompt.id] });
  };
  const putTemplate = (template: Template) => {
    const others = get().templates.filter((t) => t.id !== template.id);
    set({ templates: [...others, template].sort((a, b) => (a.id < b.id ? -1 : 1)) });
  };

  return {
    ...initial,

    load: async ({ force = false } = {}) => {
      if (!force && (get().status === 'loading' || get().status === 'ready')) return;
      const mine = generation;
      if (get().status !== 'ready') set({ status: 'loading', error: null });
      try {
        const [prompts, templates] = await Promise.all([call('prompts.list', { includeArchived: true }), call('templates.list', {})]);
        if (mine !== generation) return;
        set({
          prompts: Object.fromEntries(prompts.map((p) => [p.id, p])),
          promptIds: prompts.map((p) => p.id),
          templates,
          status: 'ready',
        });
      } catch (error) {
        if (mine === generation) set({ status: 'error', error: asLadderError(error).message });
      }
    },

    loadToday: async (rung) => {
      const day = localDay();
      if (get().today[rung]?.day === day) return;
      const mine = generation;
      try {
        const prompt = await call('prompts.today', { rung, date: day });
        if (mine !== generation) return;
        if (prompt) putPrompt(prompt);
        set({ today: { ...get().today, [rung]: { day, id: prompt?.id ?? null } } });
      } catch {
        // The prompt of the day is an invitation, never a blocker: without it the page just doesn't show one.
      }
    },

    createPrompt: async (rung, text) => {
      try {
        const prompt = await call('prompts.create', { rung, text });
        putPrompt(prompt);
        return prompt;
      } catch (error) {
        return asLadderError(error);
      }
    },

    updatePrompt: async (id, text) => {
      try {
        const prompt = await call('prompts.update', { id, text });
        putPrompt(prompt);
        return prompt;
      } catch (error) {
        return asLadderError(error);
      }
    },

    archivePrompt: async (id, archived) => {
      try {
        putPrompt(await call('prompts.archive', { id, archived }));
        // Today's prompt may have changed: ask again next time.
        set({ today: {} });
        if (archived) {
          useToasts.getState().show('Prompt archived', { action: { kind: 'undo', label: 'Undo', run: () => get().archivePrompt(id, false) } });
        }
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
      }
    },

    createTemplate: async (input) => {
      try {
        const template = await call('templates.create', input);
        putTemplate(template);
        return template;
      } catch (error) {
        return asLadderError(error);
      }
    },

    updateTemplate: async (input) => {
      try {
        const template = await call('templates.update', input);
        putTemplate(template);
        return template;
      } catch (error) {
        return asLadderError(error);
      }
    },

    deleteTemplate: async (id) => {
      const template = get().templates.find((t) => t.id === id);
      try {
        await call('templates.delete', { id });
      } catch (error) {
        useToasts.getState().show(asLadderError(error).message);
        return;
      }
      set({ templates: get().templates.filter((t) => t.id !== id) });
      useToasts.getState().show(`Template “${template?.name ?? ''}” deleted`, {
        action: {
          kind: 'undo',
          label: 'Undo',
          run: async () => {
            try {
              putTemplate(await call('templates.restore', { id }));
            } catch (error) {
              useToasts.getState().show(asLadderError(error).message);
            }
          },
        },
      });
    },

    reset: () => {
      generation += 1;
      set({ ...initial });
    },
  };
});
