import type { z } from 'zod';
import { contract, isRequestName, type ParsedInput, type RequestName, type RequestResult } from '../../shared/contract';
import { type Envelope, LadderError, type LadderErrorValue } from '../../shared/errors';

/** One handler per request in the contract; the compiler fails the build if one is missing. */
export type Handlers = {
  [N in RequestName]: (input: ParsedInput<N>) => Promise<RequestResult<N>> | RequestResult<N>;
};

export interface RouterOptions {
  /** Non-null when the archive must not be written; write requests are refused with this message. */
  readOnlyReason: () => string | null;
  /** Non-null while writing must wait (another connection is writing); write requests get this message at once. */
  writesPaused?: () => string | null;
  /** Where unexpected failures are reported. Only the request name and error go here, never user text. */
  logError?: (name: string, error: unknown) => void;
}

export type Router = (name: unknown, input: unknown) => Promise<Envelope<unknown>>;

function fail(code: LadderErrorValue['code'], message: string, field?: string): Envelope<never> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

function validationError(error: z.ZodError): Envelope<never> {
  const issue = error.issues[0];
  if (!issue) return fail('validation', 'The request was not valid.');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const at = [...issue.path, key].join('.');
    return fail('validation', `"${key}" is not something this request accepts.`, at);
  }
  const field = issue.path.join('.');
  return fail('validation', messageOf(issue), field === '' ? undefined : field);
}

/** What a value of the wrong kind should have been, in the app's words (zod's say "expected int"). */
const expectedKinds: Record<string, string> = {
  int: 'Use a whole number.',
  number: 'Use a number.',
  string: 'Use text here.',
  boolean: 'Choose yes or no.',
  array: 'Give a list here.',
  object: 'This is not the right shape.',
};

/** zod's own words for a limit ("Too big: expected number to be <=100"), said as a person would. */
function limitMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const big = issue.code === 'too_big';
  const bound = Number(big ? issue.maximum : issue.minimum);
  // An exclusive bound ("> 0") is the next whole value for the counts and numbers the app asks for.
  const limit = issue.inclusive === false ? (big ? bound - 1 : bound + 1) : bound;
  const count = limit.toLocaleString('en');
  if (issue.origin === 'string') return big ? `Keep this to ${count} characters or fewer.` : limit <= 1 ? 'This cannot be empty.' : `Use at least ${count} characters.`;
  if (issue.origin === 'array' || issue.origin === 'set') return big ? `Keep this to ${count} or fewer.` : `Give at least ${count}.`;
  return big ? `Use a number no bigger than ${count}.` : `Use a number of at least ${count}.`;
}

function messageOf(issue: z.core.$ZodIssue): string {
  // A schema's own message stands; zod's default ones start "Too big", "Too small", "Invalid input".
  if ((issue.code === 'too_big' || issue.code === 'too_small') && /^Too (big|small)/.test(issue.message)) return limitMessage(issue);
  if (issue.code !== 'invalid_type') return issue.message;
  // Parsed with reportInput, so a missing value is told from a wrong one (2.5 for a whole number).
  if (issue.input === undefined) return 'This is required.';
  if (!issue.message.startsWith('Invalid input')) return issue.message;
  return expectedKinds[issue.expected] ?? 'This is not the right kind of value.';
}


function isDiskFull(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/** Another connection held the archive for writing longer than the busy timeout (or committed under us). */
function isBusy(error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Half an emoji (a lone UTF-16 surrogate) cannot be stored as UTF-8: SQLite would silently keep
 * U+FFFD instead. Replacing it here, before validation, means what a save answers is exactly
 * what was stored, for every request. Deeper nesting than any contract uses is left to the schema.
 */
function wellFormed(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.toWellFormed();
  if (depth > 16 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => wellFormed(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty keeps a "__proto__" key an ordinary field, so the schema can refuse it.
    Object.defineProperty(copy, key, { value: wellFormed(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * The one entry point for every request: validate against the contract, refuse writes to a
 * read-only archive, run the handler, and turn whatever happens into an envelope.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  return async (name, input) => {
    if (!isRequestName(name)) {
      const shown = typeof name === 'string' ? `"${name.slice(0, 80)}"` : `named by a ${typeof name}`;
      return fail('unknown_request', `Ladder does not know the request ${shown}.`);
    }
    const spec = contract[name];
    if (spec.writes) {
      const reason = options.readOnlyReason();
      if (reason !== null) return fail('read_only', reason);
      const paused = options.writesPaused?.() ?? null;
      if (paused !== null) return fail('conflict', paused);
    }
    const parsed = spec.input.safeParse(wellFormed(input ?? {}, 0), { reportInput: true });
    if (!parsed.success) return validationError(parsed.error);
    try {
      const handler = handlers[name] as (value: unknown) => unknown;
      const data = await handler(parsed.data);
      return { ok: true, data };
    } catch (error) {
      if (error instanceof LadderError) return { ok: false, error: error.toValue() };
      if (isDiskFull(error)) {
        return fail('disk_full', 'The disk is full, so this was not saved. Your text is still here; free some space and it will be saved.');
      }
      if (isBusy(error)) {
        options.logError?.(name, error);
        return fail('conflict', 'Your archive was busy with another task, so this was not saved. Please try again in a moment.');
      }
      options.logError?.(name, error);
      return fail('internal', 'Something went wrong inside Ladder, and nothing was changed. Please try again.');
    }
  };
}
