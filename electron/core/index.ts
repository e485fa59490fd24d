import path from 'node:path';
import { type Clock, systemClock } from './clock';
import { type Archive, openArchive } from './db/open';
import { createHandlers } from './handlers';
import { createRouter, type Router } from './router';

/**
 * The core: the archive and the router over it. It never imports `electron`, so the same code
 * runs in the desktop app's main process, in the browser host and in plain Node tests.
 */
export interface Core {
  archive: Archive;
  handle: Router;
  close(): Promise<void>;
}

export interface CoreOptions {
  /** The folder holding the archive (the app's user-data folder in the desktop app). */
  dataDir: string;
  clock?: Clock;
  version?: string;
  logError?: (name: string, error: unknown) => void;
}

export const archiveFileName = 'ladder.sqlite3';

export function archivePath(dataDir: string) {
  return path.join(dataDir, archiveFileName);
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const archive = await openArchive(archivePath(options.dataDir), { backupDir: path.join(options.dataDir, 'backups') });
  const handlers = createHandlers(archive, options.clock ?? systemClock, options.version ?? '0.0.0');
  const handle = createRouter(handlers, {
    readOnlyReason: () => archive.readOnlyReason,
    logError: options.logError ?? ((name, error) => console.error(`[ladder] request ${name} failed:`, error instanceof Error ? error.stack : error)),
  });
  return { archive, handle, close: () => archive.close() };
}
