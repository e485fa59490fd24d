import type { RequestInput, RequestName, RequestResult } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

/**
 * Requests sent as the window starts, before React has rendered anything or the archive's state
 * (app.info) is known: the page shown asks for its first rows while the shell renders, rather
 * than after (the benchmark's journal waited ~50 ms for the main thread to send it).
 *
 * An early answer is used once, by the first `call` with the same name and input, and only when
 * it succeeded: had the archive been locked, opening or damaged, the page asks again as usual.
 * The person's first key or click forgets what is left, since what they do may change the
 * archive under an answer that is waiting to be used.
 */
const waiting = new Map<string, Promise<Envelope<unknown> | undefined>>();

function keyOf(name: RequestName, input: unknown) {
  return `${name} ${JSON.stringify(input)}`;
}

let listening = false;

function forgetOnFirstInput() {
  if (listening || typeof window.addEventListener !== 'function') return;
  listening = true;
  const forget = () => {
    forgetEarlyAnswers();
    window.removeEventListener('keydown', forget, true);
    window.removeEventListener('pointerdown', forget, true);
    listening = false;
  };
  window.addEventListener('keydown', forget, true);
  window.addEventListener('pointerdown', forget, true);
}

export function askEarly<N extends RequestName>(name: N, input: RequestInput<N>): void {
  const key = keyOf(name, input);
  if (waiting.has(key)) return;
  waiting.set(key, window.ladder.invoke(name, input).catch(() => undefined));
  forgetOnFirstInput();
}

/** The early answer to this very request, if one was asked and is still unused. */
export function takeEarly<N extends RequestName>(name: N, input: RequestInput<N>): Promise<Envelope<RequestResult<N>> | undefined> | undefined {
  const key = keyOf(name, input);
  const answer = waiting.get(key);
  waiting.delete(key);
  return answer as Promise<Envelope<RequestResult<N>> | undefined> | undefined;
}

/** Every unused early answer forgotten (as the person's first key or click does). */
export function forgetEarlyAnswers(): void {
  waiting.clear();
}
