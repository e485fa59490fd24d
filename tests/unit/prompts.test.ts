import { describe, expect, it } from 'vitest';
import { rungIds } from '../../shared/domain/journal';
import { pickForDay } from '../../electron/core/services/prompts/prompt-of-the-day';
import { openTestCore } from '../support/core';

const unknownId = '01890000-0000-7000-8000-000000000000';

describe('the prompt library', () => {
  it('covers every rung with at least eight prompts, each one distinct', async () => {
    const { call } = await openTestCore();
    const all = await call('prompts.list', {});
    for (const rung of rungIds) {
      const mine = all.filter((p) => p.rung === rung);
      expect(mine.length, rung).toBeGreaterThanOrEqual(8);
      expect(mine.every((p) => p.source === 'ladder' && !p.archived && p.text.trim().length > 20)).toBe(true);
    }
    expect(new Set(all.map((p) => p.text)).size).toBe(all.length);
  });

  it('adds your own prompts, rewords them, and keeps Ladder’s as written', async () => {
    const core = await openTestCore();
    const mine = await core.call('prompts.create', { rung: 'dyads', text: '  What did we laugh about?  ' });
    expect(mine).toMatchObject({ rung: 'dyads', text: 'What did we laugh about?', source: 'user', archived: false });
    expect((await core.call('prompts.update', { id: mine.id, text: 'What made us laugh?' })).text).toBe('What made us laugh?');
    const [ladders] = await core.call('prompts.list', { rung: 'self' });
    const reword = await core.send('prompts.update', { id: ladders?.id ?? '', text: 'Something else' });
    expect(reword).toMatchObject({ ok: false, error: { code: 'validation', field: 'id' } });
    expect(await core.send('prompts.create', { rung: 'dyads', text: ' ' })).toMatchObject({ ok: false, error: { field: 'text' } });
    expect(await core.send('prompts.update', { id: unknownId, text: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
  });

  it('archives a prompt out of the list and brings it back', async () => {
    const { call } = await openTestCore();
    const before = await call('prompts.list', { rung: 'network' });
    const first = before[0]!;
    const archived = await call('prompts.archive', { id: first.id, archived: true });
    expect(archived.archived).toBe(true);
    expect((await call('prompts.list', { rung: 'network' })).map((p) => p.id)).not.toContain(first.id);
    expect((await call('prompts.list', { rung: 'network', includeArchived: true })).map((p) => p.id)).toContain(first.id);
    // An archived prompt is still the prompt its old entries answered.
    expect((await call('prompts.get', { id: first.id })).archived).toBe(true);
    await call('prompts.archive', { id: first.id, archived: false });
    expect(await call('prompts.list', { rung: 'network' })).toHaveLength(before.length);
  });
});

describe('the prompt of the day', () => {
  it('is one of the rung’s prompts and stays the same all day', async () => {
    const { call } = await openTestCore();
    for (const rung of rungIds) {
      const a = await call('prompts.today', { rung, date: '2026-11-26' });
      const b = await call('prompts.today', { rung, date: '2026-11-26' });
      expect(a?.rung).toBe(rung);
      expect(b?.id).toBe(a?.id);
    }
  });

  it('changes from day to day', async () => {
    const { call } = await openTestCore();
    const ids = new Set<string>();
    for (let day = 1; day <= 14; day += 1) {
      ids.add((await call('prompts.today', { rung: 'self', date: `2026-11-${String(day).padStart(2, '0')}` }))?.id ?? '');
    }
    expect(ids.size).toBeGreaterThan(4);
  });

  it('skips archived prompts, and archiving another prompt leaves today’s alone', async () => {
    const { call } = await openTestCore();
    const today = await call('prompts.today', { rung: 'crews', date: '2026-11-26' });
    const other = (await call('prompts.list', { rung: 'crews' })).find((p) => p.id !== today?.id)!;
    await call('prompts.archive', { id: other.id, archived: true });
    expect((await call('prompts.today', { rung: 'crews', date: '2026-11-26' }))?.id).toBe(today?.id);

    await call('prompts.archive', { id: today?.id ?? '', archived: true });
    const next = await call('prompts.today', { rung: 'crews', date: '2026-11-26' });
    expect(next?.id).not.toBe(today?.id);
    expect(next?.archived).toBe(false);
  });

  it('is null for a rung whose prompts are all archived', async () => {
    const { call } = await openTestCore();
    for (const prompt of await call('prompts.list', { rung: 'congregations' })) await call('prompts.archive', { id: prompt.id, archived: true });
    expect(await call('prompts.today', { rung: 'congregations', date: '2026-11-26' })).toBeNull();
  });

  it('waits until tomorrow for a prompt written today', () => {
    const old = [
      { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' },
      { id: 'b', createdAt: '2026-01-01T00:00:00.000Z' },
    ];
    const fresh = { id: 'c', createdAt: '2026-11-26T10:00:00.000Z' };
    // Whatever the hash says, today's pick ignores a prompt written today…
    expect(pickForDay([...old, fresh], '2026-11-26', 'self')?.id).toBe(pickForDay(old, '2026-11-26', 'self')?.id);
    // …and when it is the only prompt, it is still offered.
    expect(pickForDay([fresh], '2026-11-26', 'self')?.id).toBe('c');
  });
});
