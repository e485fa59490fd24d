import { create } from 'zustand';
import type { Entry } from '../../../../shared/domain/journal';
import { protectorDraftKey, protectorSteps } from '../../../../shared/domain/protector-reflection';
import {
  isEmptySelfEnergy,
  type Part,
  type PartRole,
  partRoles,
  type ReactiveFeeling,
  reactiveFeelings,
  type SelfEnergy,
  selfEnergyQualities,
  suggestsSteppingBack,
} from '../../../../shared/domain/self';
import { asLadderError, call } from '../../api/client';
import { discardDraft, flushKeptDrafts, hasKeptDraft, keepDraft, keptDraft } from '../../ui/kept-drafts-store';
import { localDay } from '../dates';
import { summaryOf, useJournal } from '../journal-store';
import { useParts } from '../parts/parts-store';

/**
 * The guided protector reflection (the 6 F's): one step at a time, saved as one entry at the end.
 * Until then the answers are a kept draft (kept-drafts-store.ts), one for each way in (a part's
 * page, or a part not named yet): leaving, stopping or restarting Ladder keeps them, and coming
 * back goes on at the step where they were left, until the reflection is saved or discarded.
 */

export interface ProtectorAnswers {
  /** A part you know, or null to name a new one. */
  partId: string | null;
  newName: string;
  newRole: PartRole;
  bodyLocation: string;
  focus: string;
  apparentAge: string;
  appearance: string;
  selfEnergy: SelfEnergy | null;
  feelings: ReactiveFeeling[];
  steppedBack: boolean;
  job: string;
  positiveIntent: string;
  trust: number | null;
  fears: string;
}

interface FlowError {
  step: number;
  field: string | null;
  message: string;
}

interface ProtectorFlowState {
  /** Where these answers are kept: by the part the flow started from, or for a part not named yet. */
  key: string | null;
  /** The part the flow started from, if any. */
  startedFrom: string | null;
  /** The answers came back from a kept draft (an earlier visit or start of Ladder). */
  resumed: boolean;
  step: number;
  answers: ProtectorAnswers;
  /** Set when feel-toward found no curiosity or calm: the flow suggests a pause before going on. */
  suggestStepBack: boolean;
  error: FlowError | null;
  saving: boolean;
  saved: { entry: Entry; part: Part } | null;
  /** Opens the flow from a part (or none): as it was left if a draft is kept, else afresh. */
  start: (partId: string | null) => void;
  /** A kept draft that arrived late (loaded after a restart) is taken up if nothing was answered yet. */
  pickUp: () => void;
  /** Whether the answers hold anything worth keeping. */
  holdsWords: () => boolean;
  /** Lets the kept answers go and starts again at the first step. */
  discard: () => void;
  /** Stopping for now: the answers are written to the archive at once. */
  stop: () => Promise<void>;
  answer: (patch: Partial<ProtectorAnswers>) => void;
  next: () => void;
  back: () => void;
  /** The reacting part was asked to step back: look again at how you feel toward the protector. */
  checkAgain: () => void;
  continueAnyway: () => void;
  save: () => Promise<void>;
  reset: () => void;
}

const blank: ProtectorAnswers = {
  partId: null,
  newName: '',
  newRole: 'manager',
  bodyLocation: '',
  focus: '',
  apparentAge: '',
  appearance: '',
  selfEnergy: null,
  feelings: [],
  steppedBack: false,
  job: '',
  positiveIntent: '',
  trust: null,
  fears: '',
};

const feelTowardStep = protectorSteps.findIndex((s) => s.id === 'feel-toward');
export const lastStep = protectorSteps.length - 1;

/** A part of mine with this name, ignoring case as the archive does (SQLite's NOCASE: A–Z only). */
function namedAlready(name: string) {
  const wanted = asciiLower(name.trim());
  const { byId } = useParts.getState();
  return Object.values(byId).find((part) => asciiLower(part.name) === wanted) ?? null;
}

function asciiLower(text: string) {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function stepOfField(field: string | undefined) {
  if (!field) return lastStep;
  if (field.startsWith('partId') || field.startsWith('newPart') || field === 'bodyLocation') return 0;
  if (field === 'focus') return 1;
  if (field === 'apparentAge' || field === 'appearance') return 2;
  if (field.startsWith('selfEnergy') || field.startsWith('feelings')) return feelTowardStep;
  if (field === 'job' || field === 'positiveIntent' || field === 'trust') return 4;
  return lastStep;
}

const initial = {
  key: null as string | null,
  startedFrom: null as string | null,
  resumed: false,
  step: 0,
  answers: blank,
  suggestStepBack: false,
  error: null as FlowError | null,
  saving: false,
  saved: null,
};

/** Where the answers of a reflection started from a part (or from none) are kept. */
export { protectorDraftKey };

interface KeptReflection {
  step: number;
  answers: ProtectorAnswers;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reflection kept by an earlier session, fitted to the answers as they are now; null if it isn't one. */
function asKeptReflection(value: unknown, partId: string | null): KeptReflection | null {
  if (!isRecord(value) || !isRecord(value.answers)) return null;
  const kept = value.answers;
  const text = (key: keyof ProtectorAnswers) => (typeof kept[key] === 'string' ? kept[key] : '');
  const energy = isRecord(kept.selfEnergy) ? kept.selfEnergy : null;
  const selfEnergy: SelfEnergy = {};
  for (const quality of selfEnergyQualities) if (typeof energy?.[quality] === 'number') selfEnergy[quality] = energy[quality];
  const answers: ProtectorAnswers = {
    partId: typeof kept.partId === 'string' ? kept.partId : kept.partId === null ? null : partId,
    newName: text('newName'),
    newRole: partRoles.includes(kept.newRole as PartRole) ? (kept.newRole as PartRole) : blank.newRole,
    bodyLocation: text('bodyLocation'),
    focus: text('focus'),
    apparentAge: text('apparentAge'),
    appearance: text('appearance'),
    selfEnergy: energy === null ? null : selfEnergy,
    feelings: Array.isArray(kept.feelings) ? reactiveFeelings.filter((feeling) => (kept.feelings as unknown[]).includes(feeling)) : [],
    steppedBack: kept.steppedBack === true,
    job: text('job'),
    positiveIntent: text('positiveIntent'),
    trust: typeof kept.trust === 'number' ? kept.trust : null,
    fears: text('fears'),
  };
  const step = typeof value.step === 'number' && Number.isInteger(value.step) ? Math.min(Math.max(value.step, 0), lastStep) : 0;
  return { step, answers };
}

/** Whether answers say anything beyond where the flow started. */
function answered(answers: ProtectorAnswers, startedFrom: string | null) {
  const tidy = (a: ProtectorAnswers) => JSON.stringify({ ...a, selfEnergy: isEmptySelfEnergy(a.selfEnergy) ? null : a.selfEnergy });
  return tidy(answers) !== tidy({ ...blank, partId: startedFrom });
}

export const useProtectorFlow = create<ProtectorFlowState>()((set, get) => {
  // Whether anything was answered since the flow opened: a draft loaded late must not replace it.
  let touched = false;

  /** Keeps the answers as they are now (and the step they are at), or lets the draft go when they hold nothing. */
  const keep = () => {
    touched = true;
    const { key, step, answers, startedFrom, saved } = get();
    if (key === null || saved) return;
    if (answered(answers, startedFrom)) keepDraft(key, { step, answers });
    else if (hasKeptDraft(key)) discardDraft(key);
  };

  const startFrom = (partId: string | null) => {
    const key = protectorDraftKey(partId);
    const kept = asKeptReflection(keptDraft(key), partId);
    touched = false;
    set({
      ...initial,
      key,
      startedFrom: partId,
      ...(kept && answered(kept.answers, partId) ? { step: kept.step, answers: kept.answers, resumed: true } : { answers: { ...blank, partId } }),
    });
  };

  return {
    ...initial,

    start: startFrom,

    pickUp: () => {
      const { key, startedFrom, saved, resumed } = get();
      if (key === null || touched || saved || resumed) return;
      const kept = asKeptReflection(keptDraft(key), startedFrom);
      if (kept && answered(kept.answers, startedFrom)) set({ step: kept.step, answers: kept.answers, resumed: true, suggestStepBack: false, error: null });
    },

    holdsWords: () => answered(get().answers, get().startedFrom),

    discard: () => {
      const { key, startedFrom } = get();
      if (key !== null) discardDraft(key);
      startFrom(startedFrom);
    },

    stop: async () => {
      await flushKeptDrafts();
    },

    answer: (patch) => {
      set({ answers: { ...get().answers, ...patch }, error: null });
      keep();
    },

    next: () => {
      const { step, answers } = get();
      if (step === 0 && answers.partId === null && answers.newName.trim() === '') {
        set({ error: { step: 0, field: 'part', message: 'Choose a part you know, or give this one a name.' } });
        return;
      }
      // Said here, not after all six steps when the reflection is saved (the archive refuses it then too).
      const taken = step === 0 && answers.partId === null ? namedAlready(answers.newName) : null;
      if (taken) {
        set({ error: { step: 0, field: 'newPart.name', message: `You already have a part called "${taken.name}". Choose it above, or give this one another name.` } });
        return;
      }
      if (step === feelTowardStep && !get().suggestStepBack && suggestsSteppingBack(answers.selfEnergy ?? {}, answers.feelings)) {
        set({ suggestStepBack: true });
        return;
      }
      set({ step: Math.min(step + 1, lastStep), suggestStepBack: false, error: null });
      keep();
    },

    back: () => {
      set({ step: Math.max(get().step - 1, 0), suggestStepBack: false, error: null });
      keep();
    },

    checkAgain: () => {
      set({ answers: { ...get().answers, steppedBack: true, feelings: [] }, suggestStepBack: false });
      keep();
    },

    continueAnyway: () => {
      set({ step: feelTowardStep + 1, suggestStepBack: false });
      keep();
    },

    save: async () => {
      const { answers, saving } = get();
      if (saving) return;
      set({ saving: true, error: null });
      const { partId, newName, newRole, selfEnergy, ...rest } = answers;
      try {
        const result = await call('protectorReflection.save', {
          entryDate: localDay(),
          ...(partId !== null ? { partId } : { newPart: { name: newName, role: newRole } }),
          ...rest,
          selfEnergy: selfEnergy ?? {},
        });
        useParts.getState().upsert(result.part);
        useJournal.getState().upsert(summaryOf(result.entry));
        // In the journal and on the part's page now: the draft has done its job.
        const { key } = get();
        if (key !== null) discardDraft(key);
        set({ saving: false, saved: result, resumed: false });
      } catch (error) {
        const problem = asLadderError(error);
        set({ saving: false, step: stepOfField(problem.field), error: { step: stepOfField(problem.field), field: problem.field ?? null, message: problem.message } });
      }
    },

    reset: () => {
      touched = false;
      set({ ...initial });
    },
  };
});
