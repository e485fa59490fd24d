import type { Commitment } from '../../../shared/domain/dyads';
import { asLadderError, call } from '../api/client';
import { localDay } from '../self/dates';
import { offerUndo } from '../ui/offer-undo';
import type { FormError } from './person-store';

/**
 * Settling an open commitment, the same way from the check-in's review and from the dyad's page:
 * kept, renegotiated (new terms carry on) or released with a note, each with an Undo.
 */

export type SettleOutcome =
  | { status: 'kept'; note: string }
  | { status: 'renegotiated'; newTerms: string; newDueOn: string }
  | { status: 'released'; note: string };

function short(text: string) {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** What the toast says once it is settled: what happened, never a verdict. */
export function settledWords(outcome: SettleOutcome, text: string): string {
  if (outcome.status === 'kept') return `Kept: “${short(text)}”`;
  if (outcome.status === 'renegotiated') return `Renegotiated: the new terms are open now`;
  return `Released: “${short(text)}”`;
}

/** Settles it today (or on the day it was made, if that is still ahead). */
export async function settleCommitment(commitment: Commitment, outcome: SettleOutcome): Promise<FormError | null> {
  const today = localDay();
  const on = today < commitment.madeOn ? commitment.madeOn : today;
  try {
    if (outcome.status === 'renegotiated') {
      await call('commitments.resolve', {
        id: commitment.id,
        status: 'renegotiated',
        newTerms: outcome.newTerms,
        newDueOn: outcome.newDueOn === '' ? null : outcome.newDueOn,
        on,
      });
    } else {
      await call('commitments.resolve', { id: commitment.id, status: outcome.status, note: outcome.note, on });
    }
    return null;
  } catch (error) {
    const problem = asLadderError(error);
    return { message: problem.message, field: problem.field ?? null };
  }
}

/** The toast after settling, whose Undo opens the commitment again, then lets the screen catch up. */
export function offerReopen(commitment: Commitment, outcome: SettleOutcome, afterUndo: () => Promise<void> | void) {
  offerUndo(settledWords(outcome, commitment.text), async () => {
    await call('commitments.reopen', { id: commitment.id });
    await afterUndo();
  });
}

/**
 * Whether a settled commitment can be opened again from "Lately settled": a kept one, where a
 * single click may have been a slip. A renegotiation or a release was typed out on purpose, with
 * new terms or a note that reopening would take away; their Undo comes right after, in the toast.
 */
export function canReopen(commitment: Commitment): boolean {
  return commitment.status === 'kept';
}

/**
 * Opens a kept commitment again, found later in "Lately settled" (a Kept pressed by mistake),
 * with an Undo that keeps it again, with its note, on the day it was kept.
 */
export async function reopenKept(commitment: Commitment, after: { reopened: () => Promise<void> | void; keptAgain: () => Promise<void> | void }): Promise<void> {
  const on = commitment.resolvedOn ?? localDay();
  await call('commitments.reopen', { id: commitment.id });
  await after.reopened();
  offerUndo(`Open again: “${short(commitment.text)}”`, async () => {
    await call('commitments.resolve', { id: commitment.id, status: 'kept', note: commitment.outcomeNote, on });
    await after.keptAgain();
  });
}
