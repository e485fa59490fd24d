import { create } from 'zustand';
import type { Entry } from '../../../../shared/domain/journal';
import { protectorSteps } from '../../../../shared/domain/protector-reflection';
import { type Part, type PartRole, type ReactiveFeeling, type SelfEnergy, suggestsSteppingBack } from '../../../../shared/domain/self';
import { asLadderError, call } from '../../api/client';
import { localDay } from '../dates';
import { summaryOf, useJournal } from '../journal-store';
import { useParts } from '../parts/parts-store';

/** The guided protector reflection (the 6 F's): one step at a time, saved as one entry at the end. */

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
  step: number;
  answers: ProtectorAnswers;
  /** Set when feel-toward found no curiosity or calm: the flow suggests a pause before going on. */
  suggestStepBack: boolean;
  error: FlowError | null;
  saving: boolean;
  saved: { entry: Entry; part: Part } | null;
  start: (partId: string | null) => void;
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

function stepOfField(field: string | undefined) {
  if (!field) return lastStep;
  if (field.startsWith('partId') || field.startsWith('newPart') || field === 'bodyLocation') return 0;
  if (field === 'focus') return 1;
  if (field === 'apparentAge' || field === 'appearance') return 2;
  if (field.startsWith('selfEnergy') || field.startsWith('feelings')) return feelTowardStep;
  if (field === 'job' || field === 'positiveIntent' || field === 'trust') return 4;
  return lastStep;
}

const initial = { step: 0, answers: blank, suggestStepBack: false, error: null as FlowError | null, saving: false, saved: null };

export const useProtectorFlow = create<ProtectorFlowState>()((set, get) => ({
  ...initial,

  start: (partId) => set({ ...initial, answers: { ...blank, partId } }),

  answer: (patch) => set({ answers: { ...get().answers, ...patch }, error: null }),

  next: () => {
    const { step, answers } = get();
    if (step === 0 && answers.partId === null && answers.newName.trim() === '') {
      set({ error: { step: 0, field: 'part', message: 'Choose a part you know, or give this one a name.' } });
      return;
    }
    if (step === feelTowardStep && !get().suggestStepBack && suggestsSteppingBack(answers.selfEnergy ?? {}, answers.feelings)) {
      set({ suggestStepBack: true });
      return;
    }
    set({ step: Math.min(step + 1, lastStep), suggestStepBack: false, error: null });
  },

  back: () => set({ step: Math.max(get().step - 1, 0), suggestStepBack: false, error: null }),

  checkAgain: () => set({ answers: { ...get().answers, steppedBack: true, feelings: [] }, suggestStepBack: false }),

  continueAnyway: () => set({ step: feelTowardStep + 1, suggestStepBack: false }),

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
      set({ saving: false, saved: result });
    } catch (error) {
      const problem = asLadderError(error);
      set({ saving: false, step: stepOfField(problem.field), error: { step: stepOfField(problem.field), field: problem.field ?? null, message: problem.message } });
    }
  },

  reset: () => set({ ...initial }),
}));
