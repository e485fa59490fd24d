import { useToasts } from './toast-store';

/** What a page store holds while it writes: the Congregations and Network stores share this. */
interface WriteState<E> {
  busy: boolean;
  error: E | null;
}

interface RecordWritesOptions<E> {
  set: (partial: Partial<WriteState<E>>) => void;
  /** The error as the store keeps it; `form` names the form that wrote (null: the page itself). */
  toError: (error: unknown, form: string | null) => E;
  /** The stored error's words, for a toast when an undo fails. */
  errorMessage: () => string | undefined;
  /** Reads the open record again, if one is open, so the page shows what the write did. */
  refresh: () => Promise<void>;
}

/**
 * The writes of a page that shows one record at a time: each sets `busy`, keeps the error for the
 * form that wrote (so its note shows by that form's field), and resolves true when it worked.
 * `attempt` only runs the write; `run` also refreshes the open record and may say `done` in a
 * toast; `undoable` offers `undo` (also through `run`).
 */
export function recordWrites<E>({ set, toError, errorMessage, refresh }: RecordWritesOptions<E>) {
  const attempt = async (write: () => Promise<unknown>, form: string | null = null): Promise<boolean> => {
    set({ busy: true, error: null });
    try {
      await write();
      return true;
    } catch (error) {
      set({ error: toError(error, form) });
      return false;
    } finally {
      set({ busy: false });
    }
  };
  const run = (write: () => Promise<unknown>, done?: string, form: string | null = null): Promise<boolean> =>
    attempt(async () => {
      await write();
      await refresh();
      if (done) useToasts.getState().show(done);
    }, form);
  const undoable = async (write: () => Promise<unknown>, message: string, undo: () => Promise<unknown>): Promise<boolean> => {
    const ok = await run(write);
    if (ok) {
      useToasts.getState().show(message, {
        action: {
          kind: 'undo',
          label: 'Undo',
          run: async () => {
            if (!(await run(undo))) useToasts.getState().show(errorMessage() ?? 'That could not be undone.');
          },
        },
      });
    }
    return ok;
  };
  return { attempt, run, undoable };
}
