import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

const today = '2026-11-26';

describe('ladder.summary and ladder.map', () => {
  it('counts every rung and finds its last activity', async () => {
    const t = await openTestCore();
    const empty = await t.call('ladder.summary', { today });
    expect(empty.numbers).toEqual({
      self: { partsKnown: 0 },
      dyads: { active: 0 },
      crews: { active: 0, byStage: {} },
      congregations: { count: 0, crews: 0 },
      network: { count: 0, hosts: 0 },
    });
    expect(empty.lastActivity).toEqual({ self: null, dyads: null, crews: null, congregations: null, network: null });

    await t.call('parts.create', { name: 'The planner', role: 'manager' });
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    await t.call('dyads.create', { personId: ana, kind: 'peer_coach' });
    const crew = await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01', memberIds: [ana] });
    await t.call('crews.create', { name: 'Book crew', startedOn: '2026-11-01' });
    const c = await t.call('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await t.call('congregations.addCrew', { congregationId: c.id, crewId: crew.id });
    await t.call('gatherings.create', { congregationId: c.id, heldOn: '2026-11-20' });
    const n = await t.call('networks.create', { name: 'Microsolidarity hosts' });
    await t.call('networks.addHost', { networkId: n.id, personId: ana });
    await t.call('journal.create', { entryDate: '2026-11-02', rung: 'network', body: 'What I learn from other hosts' });

    const summary = await t.call('ladder.summary', { today });
    expect(summary.empty).toBe(false);
    expect(summary.numbers).toEqual({
      self: { partsKnown: 1 },
      dyads: { active: 1 },
      crews: { active: 2, byStage: { calling: 2 } },
      congregations: { count: 1, crews: 1 },
      network: { count: 1, hosts: 1 },
    });
    expect(summary.lastActivity.congregations).toBe('2026-11-26');
    expect(summary.lastActivity.crews).toBe('2026-11-26');

    // Ana deleted: her dyad and her hosting count no more, until an Undo brings her back.
    await t.call('people.delete', { id: ana });
    expect((await t.call('ladder.summary', { today })).numbers).toMatchObject({ dyads: { active: 0 }, network: { count: 1, hosts: 0 } });
    await t.call('people.restore', { id: ana });
    expect((await t.call('ladder.summary', { today })).numbers).toMatchObject({ dyads: { active: 1 }, network: { count: 1, hosts: 1 } });
  });

  it('counts a paused dyad as resting, not active', async () => {
    const t = await openTestCore();
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    const dyad = await t.call('dyads.create', { personId: ana, kind: 'peer_coach' });
    await t.call('dyads.setStatus', { id: dyad.id, status: 'paused', today });
    expect((await t.call('ladder.summary', { today })).numbers.dyads).toEqual({ active: 0 });
  });

  it('draws me in the middle with my dyads, crews and congregations', async () => {
    const t = await openTestCore();
    await t.call('people.create', { name: 'Sam', isMe: true });
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    await t.call('dyads.create', { personId: ana, kind: 'peer_coach' });
    await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01', memberIds: [ana] });
    await t.call('congregations.create', { name: 'Riverside Commons', size: 80, role: 'host', since: '2026-01-01' });
    const map = await t.call('ladder.map', {});
    expect(map.me).toBe('Sam');
    expect(map.dyads).toEqual([expect.objectContaining({ name: 'Ana', note: 'peer coach', people: 1 })]);
    expect(map.crews).toEqual([expect.objectContaining({ name: 'Thursday crew', note: 'calling', people: 1 })]);
    expect(map.congregations).toEqual([expect.objectContaining({ name: 'Riverside Commons', note: 'host', people: 80 })]);
  });
});
