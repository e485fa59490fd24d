import type { Clock } from '../../clock';
import type { Archive } from '../../db/open';
import type { Handlers } from '../../router';
import { createDraftsService } from './drafts-service';

/**
 * Runs each time an archive opens (the handlers are made then). Old drafts are let go here, at
 * open, when nothing else is writing yet; never in a read-only archive, which is not written at all.
 */
export function createDraftsHandlers(archive: Archive, clock: Clock) {
  const drafts = createDraftsService(archive.db, clock);
  // A read-only archive from a newer Ladder on another line of versions might lack the table:
  // it then simply has no drafts, rather than failing the app's start.
  const hasTable = () => archive.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'draft'").get() !== undefined;
  const readable = archive.readOnlyReason === null || hasTable();
  // A purge that fails (a full disk) only leaves old drafts for the next start.
  const purged = archive.readOnlyReason === null ? drafts.purge().catch(() => 0) : Promise.resolve(0);
  return {
    'drafts.list': async () => {
      if (!readable) return [];
      // After the purge, so what loads at start is what stays.
      await purged;
      return drafts.list();
    },
    'drafts.keep': drafts.keep,
    'drafts.discard': drafts.discard,
  } satisfies Partial<Handlers>;
}
