import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

const unknown = '01890000-0000-7000-8000-000000000000';

async function found(t: TestCore, text: string) {
  const results = await t.call('search.query', { text });
  return results.groups.flatMap((g) => g.hits.map(() => g.kind));
}

describe('restoring a deleted adapted practice (Undo)', () => {
  it('brings it back into the network, its count and search, and nothing else changes', async () => {
    const t = await openTestCore();
    const n = await t.call('networks.create', { name: 'Hosts circle' });
    const practice = await t.call('practices.add', { networkId: n.id, name: 'Troika consulting', learnedFrom: 'Liberating Structures', howAdapted: 'Two rounds' });
    await t.call('practices.add', { networkId: n.id, name: 'Sharing circle' });

    await t.call('practices.delete', { id: practice.id });
    expect((await t.call('networks.get', { id: n.id })).practices.map((p) => p.name)).toEqual(['Sharing circle']);
    expect((await t.call('networks.list', {}))[0]?.practiceCount).toBe(1);
    expect(await found(t, 'troika')).toEqual([]);

    const network = t.core.archive.sqlite.prepare('SELECT * FROM network').all();
    const restored = await t.call('practices.restore', { id: practice.id });
    expect(restored).toMatchObject({ id: practice.id, name: 'Troika consulting', learnedFrom: 'Liberating Structures', howAdapted: 'Two rounds' });
    expect((await t.call('networks.get', { id: n.id })).practices.map((p) => p.name)).toEqual(['Troika consulting', 'Sharing circle']);
    expect((await t.call('networks.list', {}))[0]?.practiceCount).toBe(2);
    expect(await found(t, 'troika')).toEqual(['adapted_practice']);
    expect(t.core.archive.sqlite.prepare('SELECT * FROM network').all()).toEqual(network);
  });

  it('refuses an unknown id, and a practice whose network is deleted', async () => {
    const t = await openTestCore();
    const n = await t.call('networks.create', { name: 'Hosts circle' });
    const practice = await t.call('practices.add', { networkId: n.id, name: 'Troika consulting' });
    expect(await t.send('practices.restore', { id: unknown })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    await t.call('practices.delete', { id: practice.id });
    await t.call('networks.delete', { id: n.id });
    expect(await t.send('practices.restore', { id: practice.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'id' } });
    const row = t.core.archive.sqlite.prepare('SELECT deleted_at FROM adapted_practice WHERE id = ?').get(practice.id) as { deleted_at: string | null };
    expect(row.deleted_at).not.toBeNull();
    await t.call('networks.restore', { id: n.id });
    await t.call('practices.restore', { id: practice.id });
    expect((await t.call('networks.get', { id: n.id })).practices.map((p) => p.id)).toEqual([practice.id]);
  });
});
