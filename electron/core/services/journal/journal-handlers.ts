import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createJournalService } from './journal-service';

export function createJournalHandlers(archive: Archive, clock: Clock) {
  const journal = createJournalService(archive.db, clock);
  return {
    'journal.create': journal.create,
    'journal.update': journal.update,
    'journal.get': journal.get,
    'journal.list': journal.list,
    'journal.onThisDay': journal.onThisDay,
    'journal.tags': journal.tags,
    'journal.delete': journal.delete,
    'journal.restore': journal.restore,
    'selfEnergy.weekly': journal.selfEnergyWeekly,
  } satisfies Partial<Handlers>;
}
