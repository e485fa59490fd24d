import { askEarly } from '../api/early-answers';
import type { PageDetail } from '../app/navigation-store';
import { viewOf } from './self-views';

/** How many journal rows a page of the list brings. */
export const journalPageSize = 50;

/**
 * Sent as the window starts when the address names Self's journal: its first page, unfiltered,
 * exactly as the journal's first `load` will ask for it. Kept apart from the page's code so the
 * start bundle carries only this.
 */
export function askSelfFirst(detail: PageDetail | null) {
  if (viewOf(detail) === 'journal') askEarly('journal.list', { limit: journalPageSize });
}
