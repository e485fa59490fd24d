import { describe, expect, it } from 'vitest';
import { suggestsSteppingBack } from '../../shared/domain/self';
import { openTestCore } from '../support/core';

describe('the Self-energy check', () => {
  it('attaches to any entry, each C optional, and can be changed and removed', async () => {
    const { call } = await openTestCore();
    const entry = await call('journal.create', { entryDate: '2026-11-26', selfEnergy: { calm: 3, curiosity: 5, connectedness: 0 } });
    expect(entry.selfEnergy).toEqual({ calm: 3, curiosity: 5, connectedness: 0 });
    expect((await call('journal.get', { id: entry.id })).selfEnergy).toEqual({ calm: 3, curiosity: 5, connectedness: 0 });

    const changed = await call('journal.update', { id: entry.id, selfEnergy: { courage: 2 } });
    expect(changed.selfEnergy).toEqual({ courage: 2 });
    const removed = await call('journal.update', { id: entry.id, selfEnergy: null });
    expect(removed.selfEnergy).toBeNull();
    const back = await call('journal.update', { id: entry.id, selfEnergy: { clarity: 1 } });
    expect(back.selfEnergy).toEqual({ clarity: 1 });
    // An entry without a check has none; an empty check is no check.
    expect((await call('journal.create', { entryDate: '2026-11-26', selfEnergy: {} })).selfEnergy).toBeNull();
  });

  it('refuses a C outside 0–5, naming it, and writes nothing', async () => {
    const core = await openTestCore();
    for (const [check, field] of [
      [{ calm: 6 }, 'selfEnergy.calm'],
      [{ courage: -1 }, 'selfEnergy.courage'],
      [{ clarity: 2.5 }, 'selfEnergy.clarity'],
    ] as const) {
      const result = await core.send('journal.create', { entryDate: '2026-11-26', selfEnergy: check });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field } });
    }
    // @ts-expect-error: not one of the 8 C's
    const unknown = await core.send('journal.create', { entryDate: '2026-11-26', selfEnergy: { patience: 3 } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation', field: 'selfEnergy.patience' } });
    expect((await core.call('journal.list', {})).entries).toEqual([]);

    const entry = await core.call('journal.create', { entryDate: '2026-11-26', selfEnergy: { calm: 2 } });
    expect(await core.send('journal.update', { id: entry.id, selfEnergy: { calm: 9 } })).toMatchObject({ ok: false, error: { field: 'selfEnergy.calm' } });
    expect((await core.call('journal.get', { id: entry.id })).selfEnergy).toEqual({ calm: 2 });
  });

  it('averages each C by week, Monday to Sunday, over the checks that rated it', async () => {
    const { call } = await openTestCore();
    // 2026-11-16 is a Monday.
    await call('journal.create', { entryDate: '2026-11-16', selfEnergy: { calm: 2, curiosity: 4 } });
    await call('journal.create', { entryDate: '2026-11-22', selfEnergy: { calm: 3 } });
    await call('journal.create', { entryDate: '2026-11-23', selfEnergy: { calm: 5, compassion: 1 } });
    await call('journal.create', { entryDate: '2026-11-24', body: 'no check here' });
    const deleted = await call('journal.create', { entryDate: '2026-11-24', selfEnergy: { calm: 0 } });
    await call('journal.delete', { id: deleted.id });
    await call('journal.create', { entryDate: '2026-12-30', selfEnergy: { calm: 1 } });

    const weeks = await call('selfEnergy.weekly', { from: '2026-11-01', to: '2026-11-30' });
    expect(weeks).toEqual([
      { weekStart: '2026-11-16', checks: 2, averages: { calm: 2.5, curiosity: 4 } },
      { weekStart: '2026-11-23', checks: 1, averages: { calm: 5, compassion: 1 } },
    ]);
  });

  it('refuses a chart range that runs backwards or is too long', async () => {
    const { send } = await openTestCore();
    expect(await send('selfEnergy.weekly', { from: '2026-11-30', to: '2026-11-01' })).toMatchObject({ ok: false, error: { field: 'to' } });
    expect(await send('selfEnergy.weekly', { from: '2020-01-01', to: '2026-11-01' })).toMatchObject({ ok: false, error: { field: 'from' } });
  });
});

describe('feeling toward a part (the 6 F’s)', () => {
  it('suggests asking a reacting part to step back unless curiosity or calm is there', () => {
    expect(suggestsSteppingBack({ curiosity: 3 }, [])).toBe(false);
    expect(suggestsSteppingBack({ calm: 2, compassion: 4 }, [])).toBe(false);
    expect(suggestsSteppingBack({ compassion: 4, courage: 5 }, [])).toBe(true);
    expect(suggestsSteppingBack({ curiosity: 1 }, [])).toBe(true);
    // Nothing rated, no feeling chosen: the step was left empty, which says nothing.
    expect(suggestsSteppingBack({}, [])).toBe(false);
    expect(suggestsSteppingBack({}, ['numb'])).toBe(true);
    expect(suggestsSteppingBack({ curiosity: 4 }, ['annoyed'])).toBe(true);
  });
});
