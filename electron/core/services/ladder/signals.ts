import type { Signal } from '../../../../shared/domain/ladder';

/**
 * The gentle signals on the ladder home, worked out from plain facts so each can be tested alone.
 * Wording is kind: an invitation with one place to act, never a count of what was missed.
 */

export interface SignalFacts {
  congregations: { id: string; name: string }[];
  activeCrewCount: number;
  /** Active crews whose cycle is complete, or that are in their retrospective stage. */
  retrospectivesDue: { crewId: string; name: string }[];
  /** Active dyads whose hoped-for next contact has passed. */
  dyadsPastRhythm: { dyadId: string; personName: string }[];
  hasWritten: boolean;
  wroteThisWeek: boolean;
  /** Gatherings from a week to a month ago that I have not looked back on. */
  gatheringsToLookBack: { gatheringId: string; name: string; congregationId: string; congregationName: string }[];
}

const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function countWord(n: number): string {
  return words[n] ?? String(n);
}

/** At most this many signals of one kind, so the home stays a short read. */
const perKind = 3;

export function signalsFrom(facts: SignalFacts): Signal[] {
  const signals: Signal[] = [];

  const first = facts.congregations[0];
  if (first && facts.activeCrewCount === 0) {
    const where = facts.congregations.length === 1 ? first.name : 'your congregations';
    signals.push({
      kind: 'congregation_without_crew',
      rung: 'congregations',
      message: `You're part of ${where} but not in a crew yet. Congregations are where crews form: who might you invite?`,
      action: 'See who seems crewless',
      target: { page: 'congregations', detail: { kind: 'congregation', id: first.id } },
    });
  }

  for (const crew of facts.retrospectivesDue.slice(0, perKind)) {
    signals.push({
      kind: 'retrospective_due',
      rung: 'crews',
      message: `A retrospective is due for ${crew.name}: a chance to look back together and choose what comes next.`,
      action: `Open ${crew.name}`,
      target: { page: 'crews', detail: { kind: 'crew', id: crew.crewId } },
    });
  }

  const past = facts.dyadsPastRhythm;
  if (past.length > 0) {
    const message =
      past.length === 1
        ? `Your dyad with ${past[0]?.personName} is past its rhythm. A good moment to reach out, when it suits you both.`
        : `${capitalise(countWord(past.length))} dyads are past their rhythm. A good moment to reach out, when it suits you.`;
    signals.push({ kind: 'dyads_past_rhythm', rung: 'dyads', message, action: 'Go to your dyads', target: { page: 'dyads', detail: null } });
  }

  if (facts.hasWritten && !facts.wroteThisWeek) {
    signals.push({
      kind: 'no_reflection_this_week',
      rung: 'self',
      message: 'No reflection this week yet. A few lines might feel good, whenever you have a quiet moment.',
      action: 'Write in your journal',
      target: { page: 'self', detail: null },
    });
  }

  for (const gathering of facts.gatheringsToLookBack.slice(0, perKind)) {
    const name = gathering.name.trim() === '' ? `the gathering of ${gathering.congregationName}` : gathering.name;
    signals.push({
      kind: 'gathering_follow_up',
      rung: 'congregations',
      message: `It's been about a week since ${name}. Which connections felt like possible crewmates?`,
      action: `Look back on ${name}`,
      target: { page: 'congregations', detail: { kind: 'congregation', id: gathering.congregationId } },
    });
  }

  return signals;
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
