import type { Clock } from './clock';
import type { Archive } from './db/open';
import type { Handlers } from './router';
import { createAppHandlers } from './services/app/app-handlers';
import { createJournalHandlers } from './services/journal/journal-handlers';

/**
 * Every request of the contract, wired to the service that answers it. Each domain contributes
 * its own map; `satisfies Handlers` makes a missing or misspelt handler a compile error.
 */
export function createHandlers(archive: Archive, clock: Clock, version: string) {
  return {
    ...createAppHandlers(archive, version),
    ...createJournalHandlers(archive, clock),
  } satisfies Handlers;
}
