import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

const today = '2026-11-26';

async function kindsFound(test: TestCore, text: string) {
  return (await test.call('search.query', { text })).groups.map((group) => group.kind).sort();
}

describe('search and deleted parents', () => {
  it('hides a deleted dyad’s check-ins and commitments, and a deleted person’s dyads, until restored', async () => {
    const test = await openTestCore();
    const robin = await test.call('people.create', { name: 'Robin' });
    const dyad = await test.call('dyads.create', { personId: robin.id, kind: 'peer_coach', intention: 'Orchard walks together', agreements: ['Orchard first'] });
    await test.call('checkins.create', { dyadId: dyad.id, checkinDate: today, iShared: 'The orchard is flowering.' });
    expect(await kindsFound(test, 'orchard')).toEqual(['checkin', 'dyad', 'dyad_agreement']);

    await test.call('dyads.delete', { id: dyad.id });
    expect(await kindsFound(test, 'orchard')).toEqual([]);
    await test.call('dyads.restore', { id: dyad.id });
    expect(await kindsFound(test, 'orchard')).toEqual(['checkin', 'dyad', 'dyad_agreement']);

    await test.call('people.delete', { id: robin.id });
    expect(await kindsFound(test, 'orchard')).toEqual([]);
    await test.call('people.restore', { id: robin.id });
    expect(await kindsFound(test, 'orchard')).toEqual(['checkin', 'dyad', 'dyad_agreement']);
  });

  it('hides a deleted congregation’s gatherings and lessons, and a deleted network’s hosts and practices', async () => {
    const test = await openTestCore();
    const congregation = await test.call('congregations.create', { name: 'Riverside', since: today });
    await test.call('gatherings.create', { congregationId: congregation.id, heldOn: today, harvest: 'Lantern songs.' });
    await test.call('lessons.share', { congregationId: congregation.id, text: 'Lanterns help.', sharedOn: today });
    const network = await test.call('networks.create', { name: 'Valley' });
    const host = await test.call('people.create', { name: 'Sam' });
    await test.call('networks.addHost', { networkId: network.id, personId: host.id, note: 'lantern maker' });
    await test.call('practices.add', { networkId: network.id, name: 'Lantern walk', learnedFrom: '', howAdapted: '' });
    expect(await kindsFound(test, 'lantern')).toEqual(['adapted_practice', 'gathering', 'network_host', 'shared_lesson']);

    await test.call('congregations.delete', { id: congregation.id });
    await test.call('networks.delete', { id: network.id });
    expect(await kindsFound(test, 'lantern')).toEqual([]);
    await test.call('congregations.restore', { id: congregation.id });
    await test.call('networks.restore', { id: network.id });
    expect(await kindsFound(test, 'lantern')).toEqual(['adapted_practice', 'gathering', 'network_host', 'shared_lesson']);
  });
});
