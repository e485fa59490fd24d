import type { Clock } from './clock';
import type { Archive } from './db/open';
import type { CoreHost } from './host';
import type { Handlers } from './router';
import { createAppHandlers } from './services/app/app-handlers';
import { createJournalHandlers } from './services/journal/journal-handlers';
import { createPartsHandlers } from './services/parts/parts-handlers';
import { createPromptsHandlers } from './services/prompts/prompts-handlers';
import { createDyadsHandlers } from './services/dyads/dyads-handlers';
import { createPeopleHandlers } from './services/people/people-handlers';
import { createBackupHandlers } from './services/backup/backup-handlers';
import { createJobsHandlers } from './services/jobs/jobs-handlers';
import { createSearchHandlers } from './services/search/search-handlers';
import { createTransferHandlers } from './services/transfer/transfer-handlers';
import { createCongregationsHandlers } from './services/congregations/congregations-handlers';
import { createNetworkHandlers } from './services/network/network-handlers';
import { createLadderHandlers } from './services/ladder/ladder-handlers';
import { createCrewsHandlers } from './services/crews/crews-handlers';
import { createPrivacyHandlers } from './services/privacy/privacy-handlers';
import { createDraftsHandlers } from './services/drafts/drafts-handlers';

/**
 * Every request of the contract, wired to the service that answers it. Each domain contributes
 * its own map; `satisfies Handlers` makes a missing or misspelt handler a compile error.
 */
export function createHandlers(archive: Archive, clock: Clock, version: string, host: CoreHost) {
  return {
    ...createAppHandlers(archive, version, host),
    ...createJournalHandlers(archive, clock),
    ...createPartsHandlers(archive, clock),
    ...createPromptsHandlers(archive, clock),
    ...createPeopleHandlers(archive, clock),
    ...createDyadsHandlers(archive, clock),
    ...createBackupHandlers(host),
    ...createJobsHandlers(host.jobs),
    ...createSearchHandlers(archive),
    ...createTransferHandlers(archive, host),
    ...createCongregationsHandlers(archive, clock),
    ...createNetworkHandlers(archive, clock),
    ...createLadderHandlers(archive),
    ...createCrewsHandlers(archive, clock, host),
    ...createPrivacyHandlers(host),
    ...createDraftsHandlers(archive, clock),
  } satisfies Handlers;
}
