import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

const unknown = '01890000-0000-7000-8000-000000000000';

describe('networks', () => {
  it('joins congregations, keeps hosts I learn from and adapted practices', async () => {
    const t = await openTestCore();
    const n = await t.call('networks.create', { name: 'Microsolidarity hosts', notes: 'Monthly call' });
    const c = await t.call('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await t.call('networks.addCongregation', { networkId: n.id, congregationId: c.id });
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    await t.call('networks.addHost', { networkId: n.id, personId: ana, note: 'Hosting with lightness' });
    await t.call('networks.addHost', { networkId: n.id, personId: ana, note: 'Stepping back so others step in' });
    const practice = await t.call('practices.add', { networkId: n.id, name: 'Sharing circle', learnedFrom: 'Enspiral', howAdapted: 'Shorter rounds' });

    const detail = await t.call('networks.get', { id: n.id });
    expect(detail.congregations).toEqual([{ id: c.id, name: 'Riverside Commons' }]);
    expect(detail.hosts).toEqual([{ personId: ana, name: 'Ana', isMe: false, note: 'Stepping back so others step in' }]);
    expect(detail.practices.map((p) => p.name)).toEqual(['Sharing circle']);
    expect(await t.call('networks.list', {})).toEqual([{ id: n.id, name: 'Microsolidarity hosts', congregationCount: 1, hostCount: 1, practiceCount: 1 }]);
    expect((await t.call('congregations.get', { id: c.id, today: '2026-11-26' })).networks).toEqual([{ id: n.id, name: 'Microsolidarity hosts' }]);

    await t.call('practices.delete', { id: practice.id });
    expect((await t.call('networks.get', { id: n.id })).practices).toEqual([]);
  });

  it('refuses unknown ids and a congregation added twice, naming the field', async () => {
    const t = await openTestCore();
    const n = await t.call('networks.create', { name: 'Hosts' });
    const c = await t.call('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await t.call('networks.addCongregation', { networkId: n.id, congregationId: c.id });
    expect(await t.send('networks.addCongregation', { networkId: n.id, congregationId: c.id })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'congregationId' },
    });
    expect(await t.send('networks.addHost', { networkId: n.id, personId: unknown })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'personId' } });
    expect(await t.send('practices.add', { networkId: unknown, name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'networkId' } });
    expect(await t.send('networks.create', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    const rows = t.core.archive.sqlite.prepare('SELECT (SELECT count(*) FROM network_host) + (SELECT count(*) FROM adapted_practice) AS n').get() as { n: number };
    expect(rows.n).toBe(0);
  });
});
