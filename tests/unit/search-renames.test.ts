import { describe, expect, it } from 'vitest';
import { up as followRenames } from '../../electron/core/db/migrations/0014-search-follows-renames';
import type { SearchResults } from '../../shared/domain/search';
import { openTestCore, type TestCore } from '../support/core';

const today = '2026-11-26';

/** The title search shows for each hit of `kind`, as plain text. */
function titles(results: SearchResults, kind: string) {
  return (results.groups.find((group) => group.kind === kind)?.hits ?? []).map((hit) => hit.title.map((piece) => piece.text).join(''));
}

async function seed(test: TestCore) {
  const robin = await test.call('people.create', { name: 'Robin' });
  const congregation = await test.call('congregations.create', { name: 'Riverside', since: today });
  const network = await test.call('networks.create', { name: 'Valley network' });
  await test.call('networks.addHost', { networkId: network.id, personId: robin.id, note: 'hosts the lantern walks' });
  await test.call('lessons.share', { congregationId: congregation.id, text: 'Lanterns help strangers arrive.', sharedOn: today });
  await test.call('gatherings.create', { congregationId: congregation.id, heldOn: today, harvest: 'A lantern harvest.' });
  await test.call('gatherings.create', { congregationId: congregation.id, name: 'Winter fire', heldOn: today, harvest: 'More lantern talk.' });
  return { robin, congregation };
}

async function rename(test: TestCore, ids: { robin: { id: string }; congregation: { id: string } }) {
  await test.call('people.update', { id: ids.robin.id, name: 'Robin Oak' });
  await test.call('congregations.update', { id: ids.congregation.id, name: 'Riverbend' });
}

async function expectCurrentNames(test: TestCore) {
  const results = await test.call('search.query', { text: 'lantern' });
  expect(titles(results, 'network_host')).toEqual(['Robin Oak']);
  expect(titles(results, 'shared_lesson')).toEqual(['Riverbend']);
  // An unnamed gathering is titled with its congregation; a named one keeps its own name.
  expect(titles(results, 'gathering').sort()).toEqual(['Riverbend', 'Winter fire']);
}

describe('search titles follow renames', () => {
  it('shows a host under their new name and lessons and gatherings under their congregation’s', async () => {
    const test = await openTestCore();
    await rename(test, await seed(test));
    await expectCurrentNames(test);
  });

  it('corrects titles that went stale before the fix, when the archive is migrated', async () => {
    const test = await openTestCore();
    const sqlite = test.core.archive.sqlite;
    // The archive as Ladder left it before migration 0014: renames did not reach these titles.
    sqlite.exec('DROP TRIGGER search_person_rename_network; DROP TRIGGER search_congregation_rename;');
    await rename(test, await seed(test));
    expect(titles(await test.call('search.query', { text: 'lantern' }), 'network_host')).toEqual(['Robin']);

    await followRenames(test.core.archive.db);
    await expectCurrentNames(test);
  });
});
