import type { RequestInput, RequestName, RequestResult } from '../../../shared/contract';
import { type Envelope, LadderError } from '../../../shared/errors';
import { takeEarly } from './early-answers';

const lockedListeners = new Set<() => void>();

/** Called when any request answers `locked`; returns the way to stop listening. */
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

/**
 * The renderer's one way to reach the core: a typed request by contract name.
 * Resolves with the data or throws a LadderError the UI can show (by field when it has one).
 */
export async function call<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestResult<N>> {
  const early = takeEarly(name, input);
  if (early) {
    const answer = await early;
    if (answer?.ok) return answer.data;
  }
  let envelope: Envelope<RequestResult<N>> | undefined;
  try {
    envelope = await window.ladder.invoke(name, input);
  } catch {
    envelope = undefined;
  }
  if (!envelope || typeof envelope !== 'object') {
    throw new LadderError('internal', 'Ladder could not reach your archive just now. Please try again.');
  }
  if (envelope.ok) return envelope.data;
  const { code, message, field } = envelope.error;
  // The archive locked under the page: whoever listens shows the lock screen.
  if (code === 'locked') for (const listener of lockedListeners) listener();
  throw new LadderError(code, message, field);
}

/** Any thrown value as a LadderError, so stores keep one error shape. */
export function asLadderError(error: unknown): LadderError {
  if (error instanceof LadderError) return error;
  return new LadderError('internal', 'Something went wrong inside Ladder. Please try again.');
}
