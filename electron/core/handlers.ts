import type { AppInfo } from '../../shared/domain/app';
import type { Clock } from './clock';
import type { Archive } from './db/open';
import type { Handlers } from './router';
import { createJournalService } from './services/journal/journal-service';

/** Wires each request of the contract to the service that answers it. */
export function createHandlers(archive: Archive, clock: Clock, version: string) {
  const journal = createJournalService(archive.db, clock);

  return {
    'app.info': (): AppInfo => ({
      version,
      databasePath: archive.path,
      schemaVersion: archive.schemaVersion,
      readOnly: archive.readOnlyReason !== null,
      readOnlyReason: archive.readOnlyReason,
    }),
    'journal.create': journal.create,
    'journal.update': journal.update,
    'journal.get': journal.get,
    'journal.list': journal.list,
    'journal.delete': journal.delete,
    'journal.restore': journal.restore,
  } satisfies Handlers;
}
