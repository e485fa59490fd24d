import type { PersonSummary } from '../../../shared/domain/people';
import { call } from './client';

/** The largest page `people.list` gives (limits.pageSize in the contract). */
const pageSize = 200;

/**
 * Everyone in the archive, a page at a time, for the forms that choose among people (a dyad's
 * other person, a crew's members, a congregation's people, a network's hosts): an archive of
 * twenty years knows thousands, and the one to choose may be the last of them.
 */
export async function loadAllPeople(): Promise<PersonSummary[]> {
  const people: PersonSummary[] = [];
  for (let after: string | undefined; ; ) {
    const page = await call('people.list', after === undefined ? { limit: pageSize } : { after, limit: pageSize });
    people.push(...page.people);
    if (page.nextCursor === null) return people;
    after = page.nextCursor;
  }
}
