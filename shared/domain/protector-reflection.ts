import { type SelfEnergy, selfEnergyQualities } from './self';

/**
 * The guided protector reflection: the 6 F's of IFS for getting to know a protector (find,
 * focus, flesh out, feel toward, befriend, fears). Exile work is never guided here.
 */
export const protectorSteps = [
  { id: 'find', title: 'Find', question: 'Which part is here? Where do you notice it, in or around your body?' },
  { id: 'focus', title: 'Focus', question: 'Turn your attention toward it, gently. What do you notice?' },
  { id: 'flesh-out', title: 'Flesh out', question: 'What is it like? An image, a voice, feelings, beliefs, an age?' },
  { id: 'feel-toward', title: 'Feel toward', question: 'How do you feel toward this part right now?' },
  { id: 'befriend', title: 'Befriend', question: 'What is its job? What is it trying to do for you?' },
  { id: 'fears', title: 'Fears', question: 'What is it afraid would happen if it stopped doing its job?' },
] as const;

export type ProtectorStepId = (typeof protectorSteps)[number]['id'];

/**
 * The draft key (`drafts.keep`) under which a reflection's answers wait until saved: one for each
 * part it was started from, one for a part not named yet. The core reads it too: a part's draft
 * goes with the part when it is deleted, and comes back with it.
 */
export function protectorDraftKey(partId: string | null) {
  return `self:protector:${partId ?? 'new'}`;
}

export interface ProtectorAnswers {
  partName: string;
  bodyLocation: string;
  focus: string;
  appearance: string;
  apparentAge: string;
  selfEnergy: SelfEnergy;
  feelings: readonly string[];
  steppedBack: boolean;
  job: string;
  positiveIntent: string;
  fears: string;
  trust: number | null;
}

export const qualityLabels: Record<(typeof selfEnergyQualities)[number], string> = {
  calm: 'Calm',
  curiosity: 'Curiosity',
  clarity: 'Clarity',
  compassion: 'Compassion',
  confidence: 'Confidence',
  courage: 'Courage',
  creativity: 'Creativity',
  connectedness: 'Connectedness',
};

export function protectorReflectionTitle(partName: string) {
  return `Getting to know ${partName.trim()}`;
}

function section(title: string, lines: (string | false)[]) {
  const kept = lines.filter((line): line is string => typeof line === 'string' && line.trim() !== '');
  return kept.length === 0 ? null : `## ${title}\n\n${kept.join('\n\n')}`;
}

/** The entry a finished reflection becomes: Markdown with one section per F that has an answer. */
export function protectorReflectionBody(answers: ProtectorAnswers): string {
  const named = selfEnergyQualities
    .filter((q) => answers.selfEnergy[q] !== undefined)
    .map((q) => `${qualityLabels[q].toLowerCase()} ${answers.selfEnergy[q]}/5`);
  const sections = [
    section('Find', [answers.bodyLocation && `Where I notice it: ${answers.bodyLocation.trim()}`]),
    section('Focus', [answers.focus.trim()]),
    section('Flesh out', [answers.apparentAge && `It seems ${answers.apparentAge.trim()}.`, answers.appearance.trim()]),
    section('Feel toward', [
      named.length > 0 && `Toward it I felt ${named.join(', ')}.`,
      answers.feelings.length > 0 && `Other feelings came too: ${answers.feelings.join(', ')}.`,
      answers.steppedBack && 'I asked the reacting part to step back a little, and checked again.',
    ]),
    section('Befriend', [
      answers.job && `Its job: ${answers.job.trim()}`,
      answers.positiveIntent && `What it is trying to do for me: ${answers.positiveIntent.trim()}`,
      answers.trust !== null && `How much it trusts me: ${answers.trust}/10`,
    ]),
    section('Fears', [answers.fears && `If it stopped, it fears: ${answers.fears.trim()}`]),
  ];
  return sections.filter((s): s is string => s !== null).join('\n\n');
}
