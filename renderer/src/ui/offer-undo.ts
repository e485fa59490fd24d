import { asLadderError } from '../api/client';
import { useToasts } from './toast-store';

/**
 * Says what just went, with an Undo (Ctrl/Cmd+Z runs it too). If the undo itself fails, its
 * error is the next toast, so nothing fails silently.
 */
export function offerUndo(message: string, undo: () => Promise<void>, options: { durationMs?: number } = {}) {
  useToasts.getState().show(message, {
    action: {
      kind: 'undo',
      label: 'Undo',
      run: async () => {
        try {
          await undo();
        } catch (error) {
          useToasts.getState().show(asLadderError(error).message);
        }
      },
    },
    ...options,
  });
}
