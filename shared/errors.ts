/**
 * Errors cross the boundary between the core and the UI as plain values, never as stack traces.
 * Electron only forwards `message` of a thrown error, so handlers return an envelope instead.
 */
export const errorCodes = [
  'validation',
  'not_found',
  'conflict',
  'read_only',
  'disk_full',
  'unknown_request',
  'internal',
  /** The archive is encrypted and not unlocked: the UI shows the lock screen. */
  'locked',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface LadderErrorValue {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, as a dotted path (e.g. `title` or `items.2.text`). */
  field?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: LadderErrorValue };

/** Thrown inside the core and by the renderer's client; carries a value that can cross IPC. */
export class LadderError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'LadderError';
    this.code = code;
    this.field = field;
  }

  toValue(): LadderErrorValue {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
