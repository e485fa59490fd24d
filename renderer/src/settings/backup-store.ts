import { create } from 'zustand';
import type { BackupOverview, RestoreResult, SalvageSummary } from '../../../shared/domain/backup';
import { asLadderError, call } from '../api/client';
import { useAppInfo } from '../app/app-info-store';
import { useNavigation } from '../app/navigation-store';
import { useSearch } from '../search/search-store';
import { useEntryEditor } from '../self/entry-editor-store';
import { useJournal } from '../self/journal-store';
import { useLibrary } from '../self/library/prompts-store';
import { useParts } from '../self/parts/parts-store';
import { useToasts } from '../ui/toast-store';

/** The backups section of Settings and the damaged-archive screen: list, back up now, restore, undo. */

/** "Make a recovered copy" on the damaged screen: the job's progress, then what it recovered. */
export type Recovery =
  | { state: 'idle' }
  | { state: 'running'; done: number; phase: string }
  | { state: 'done'; summary: SalvageSummary }
  | { state: 'failed'; message: string };

interface BackupState {
  overview: BackupOverview | null;
  busy: 'idle' | 'backing-up' | 'restoring';
  error: string | null;
  /** The backup whose restore is waiting for a yes. */
  confirming: string | null;
  /** An encrypted backup made under another passphrase: its restore waits for that passphrase. */
  needsPassphrase: string | null;
  recovery: Recovery;
  load: () => Promise<void>;
  /** Starts the salvage job and follows it to the end. */
  recover: () => Promise<void>;
  backupNow: () => Promise<void>;
  askRestore: (name: string | null) => void;
  restore: (name: string, passphrase?: string) => Promise<boolean>;
  undoRestore: () => Promise<void>;
  reset: () => void;
}

/** After the archive file changed under the app, everything shown from the old one is dropped. */
function afterSwap() {
  useEntryEditor.getState().reset();
  useJournal.getState().reset();
  useSearch.getState().reset();
  // Kept once loaded, so they would go on showing the replaced archive's parts and prompts.
  useParts.getState().reset();
  useLibrary.getState().reset();
  void useAppInfo.getState().load();
}

const initial = { overview: null, busy: 'idle' as const, error: null, confirming: null, needsPassphrase: null, recovery: { state: 'idle' } as Recovery };
const recoveryPollMs = 200;

export const useBackups = create<BackupState>()((set, get) => ({
  ...initial,

  load: async () => {
    try {
      set({ overview: await call('backup.list', {}), error: null });
    } catch (error) {
      set({ error: asLadderError(error).message });
    }
  },

  recover: async () => {
    if (get().recovery.state === 'running') return;
    set({ recovery: { state: 'running', done: 0, phase: 'Reading the damaged file' }, error: null });
    try {
      const { jobId } = await call('backup.recover', {});
      for (;;) {
        const status = await call('jobs.status', { id: jobId });
        if (status.state === 'running') {
          set({ recovery: { state: 'running', done: status.done, phase: status.phase } });
          await new Promise((resolve) => setTimeout(resolve, recoveryPollMs));
          continue;
        }
        if (status.state === 'done' && status.result?.kind === 'recover') {
          set({ recovery: { state: 'done', summary: status.result.recover } });
          await get().load();
        } else {
          set({ recovery: { state: 'failed', message: status.error?.message ?? 'The recovered copy was not finished.' } });
        }
        return;
      }
    } catch (error) {
      set({ recovery: { state: 'failed', message: asLadderError(error).message } });
    }
  },

  backupNow: async () => {
    set({ busy: 'backing-up', error: null });
    try {
      await call('backup.now', {});
      useToasts.getState().show('Backup made');
      await get().load();
    } catch (error) {
      set({ error: asLadderError(error).message });
    } finally {
      set({ busy: 'idle' });
    }
  },

  // Opening or closing the question also closes a passphrase request on another (or the same) row.
  askRestore: (name) => set({ confirming: name, needsPassphrase: null }),

  restore: async (name, passphrase) => {
    set({ busy: 'restoring', error: null, confirming: null });
    let result: RestoreResult;
    try {
      result = await call('backup.restore', passphrase === undefined ? { name } : { name, passphrase });
    } catch (error) {
      const failure = asLadderError(error);
      set({ busy: 'idle', error: failure.message, needsPassphrase: failure.field === 'passphrase' ? name : null });
      return false;
    }
    set({ needsPassphrase: null });
    afterSwap();
    set({ busy: 'idle' });
    await get().load();
    if (result.damagedFileKeptAt) {
      useNavigation.getState().go('ladder');
      useToasts.getState().show('Backup restored. The damaged file was kept aside, untouched.', { durationMs: 10_000 });
    } else {
      useToasts.getState().show('Backup restored', { action: { kind: 'undo', label: 'Undo restore', run: () => get().undoRestore() }, durationMs: 15_000 });
    }
    return true;
  },

  undoRestore: async () => {
    set({ busy: 'restoring', error: null });
    try {
      await call('backup.undoRestore', {});
      afterSwap();
      useToasts.getState().show('Restore undone: your archive is as it was before');
    } catch (error) {
      set({ error: asLadderError(error).message });
    } finally {
      set({ busy: 'idle' });
      await get().load();
    }
  },

  reset: () => set({ ...initial }),
}));
