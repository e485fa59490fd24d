import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

describe('journal', () => {
  it('creates an entry and reads it back', async () => {
    const { call } = await openTestCore();
    const created = await call('journal.create', { title: 'Morning', body: 'The *critic* was loud.', entryDate: '2026-11-26' });
    expect(created.title).toBe('Morning');
    const fetched = await call('journal.get', { id: created.id });
    expect(fetched).toEqual(created);
  });

  it('edits an entry, keeping what was not changed', async () => {
    const { call } = await openTestCore();
    const created = await call('journal.create', { title: 'Morning', body: 'first draft', entryDate: '2026-11-26' });
    const updated = await call('journal.update', { id: created.id, body: 'second draft' });
    expect(updated.title).toBe('Morning');
    expect(updated.body).toBe('second draft');
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect((await call('journal.get', { id: created.id })).body).toBe('second draft');
  });

  it('lists entries newest first, page by page, to the end', async () => {
    const { call } = await openTestCore();
    const days = ['2026-11-20', '2026-11-24', '2026-11-22', '2026-11-24', '2026-11-21'];
    for (const [i, day] of days.entries()) await call('journal.create', { title: `entry ${i}`, entryDate: day });

    const first = await call('journal.list', { limit: 2 });
    expect(first.entries.map((e) => e.title)).toEqual(['entry 3', 'entry 1']);
    const second = await call('journal.list', { limit: 2, after: first.nextCursor ?? '' });
    expect(second.entries.map((e) => e.title)).toEqual(['entry 2', 'entry 4']);
    const third = await call('journal.list', { limit: 2, after: second.nextCursor ?? '' });
    expect(third.entries.map((e) => e.title)).toEqual(['entry 0']);
    expect(third.nextCursor).toBeNull();
  });

  it('shows a short excerpt of the body in the list', async () => {
    const { call } = await openTestCore();
    await call('journal.create', { body: `A line\n\nand ${'word '.repeat(100)}`, entryDate: '2026-11-26' });
    const { entries } = await call('journal.list', {});
    expect(entries[0]?.excerpt.startsWith('A line and word')).toBe(true);
    expect(entries[0]?.excerpt.length).toBeLessThanOrEqual(160);
  });

  it('deletes softly and restores on undo', async () => {
    const { call, send } = await openTestCore();
    const entry = await call('journal.create', { title: 'To undo', entryDate: '2026-11-26' });
    await call('journal.delete', { id: entry.id });
    expect((await call('journal.list', {})).entries).toHaveLength(0);
    const gone = await send('journal.get', { id: entry.id });
    expect(gone.ok ? null : gone.error.code).toBe('not_found');

    const restored = await call('journal.restore', { id: entry.id });
    expect(restored.title).toBe('To undo');
    expect((await call('journal.list', {})).entries.map((e) => e.id)).toEqual([entry.id]);
  });

  it('keeps everything across close and reopen', async () => {
    const first = await openTestCore();
    const entry = await first.call('journal.create', { title: 'Kept', body: 'every word', entryDate: '2026-11-26' });
    const second = await first.reopen();
    expect(await second.call('journal.get', { id: entry.id })).toEqual(entry);
  });

  it('refuses an update to a missing entry and writes nothing', async () => {
    const { send, call } = await openTestCore();
    const result = await send('journal.update', { id: '01890000-0000-7000-8000-000000000000', body: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect((await call('journal.list', {})).entries).toHaveLength(0);
  });
});
