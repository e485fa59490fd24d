import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

const unknownId = '01890000-0000-7000-8000-000000000000';

describe('parts, tags, rung and prompt in entries', () => {
  it('names the parts that showed up and shows the entry in each part’s history', async () => {
    const { call } = await openTestCore();
    const critic = await call('parts.create', { name: 'Critic' });
    const pleaser = await call('parts.create', { name: 'Pleaser' });
    const older = await call('journal.create', { title: 'Older', entryDate: '2026-11-01', partIds: [critic.id] });
    const newer = await call('journal.create', { title: 'Newer', entryDate: '2026-11-20', partIds: [pleaser.id, critic.id, critic.id] });
    expect(newer.partIds).toEqual([pleaser.id, critic.id]);

    const history = await call('parts.appearances', { partId: critic.id });
    expect(history.entries.map((e) => [e.title, e.entryDate])).toEqual([
      ['Newer', '2026-11-20'],
      ['Older', '2026-11-01'],
    ]);
    expect((await call('parts.appearances', { partId: pleaser.id })).entries.map((e) => e.id)).toEqual([newer.id]);

    // Changing the parts of an entry replaces the set, in the new order.
    await call('journal.update', { id: older.id, partIds: [pleaser.id] });
    expect((await call('journal.get', { id: older.id })).partIds).toEqual([pleaser.id]);
    expect((await call('parts.appearances', { partId: critic.id })).entries.map((e) => e.id)).toEqual([newer.id]);
    // Putting a part back brings its appearance back.
    await call('journal.update', { id: older.id, partIds: [critic.id, pleaser.id] });
    expect((await call('journal.get', { id: older.id })).partIds).toEqual([critic.id, pleaser.id]);
  });

  it('refuses an unknown part in an entry, naming it, and writes nothing', async () => {
    const core = await openTestCore();
    const part = await core.call('parts.create', { name: 'Known' });
    const result = await core.send('journal.create', { title: 'x', entryDate: '2026-11-26', partIds: [part.id, unknownId] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'partIds.1' } });
    expect((await core.call('journal.list', {})).entries).toEqual([]);

    const entry = await core.call('journal.create', { title: 'Mine', entryDate: '2026-11-26', partIds: [part.id] });
    const update = await core.send('journal.update', { id: entry.id, title: 'Changed', partIds: [unknownId] });
    expect(update).toMatchObject({ ok: false, error: { code: 'not_found', field: 'partIds.0' } });
    expect(await core.call('journal.get', { id: entry.id })).toMatchObject({ title: 'Mine', partIds: [part.id] });
  });

  it('keeps tags tidy: trimmed, each once whatever its case, the first spelling kept', async () => {
    const { call } = await openTestCore();
    const a = await call('journal.create', { entryDate: '2026-11-26', tags: [' Crew ', 'crew', 'morning  pages'] });
    expect(a.tags).toEqual(['Crew', 'morning pages']);
    const b = await call('journal.create', { entryDate: '2026-11-25', tags: ['CREW'] });
    // The tag already exists as "Crew": the same tag, the same spelling.
    expect(b.tags).toEqual(['Crew']);
    expect(await call('journal.tags', {})).toEqual(['Crew', 'morning pages']);
    await call('journal.update', { id: a.id, tags: [] });
    await call('journal.delete', { id: b.id });
    expect(await call('journal.tags', {})).toEqual([]);
  });

  it('refuses an empty or over-long tag', async () => {
    const { send } = await openTestCore();
    expect(await send('journal.create', { entryDate: '2026-11-26', tags: ['ok', ''] })).toMatchObject({ ok: false, error: { field: 'tags.1' } });
    expect(await send('journal.create', { entryDate: '2026-11-26', tags: ['x'.repeat(61)] })).toMatchObject({ ok: false, error: { field: 'tags.0' } });
  });

  it('records the rung and the prompt an entry answered; refuses an unknown prompt', async () => {
    const core = await openTestCore();
    const [prompt] = await core.call('prompts.list', { rung: 'crews' });
    const entry = await core.call('journal.create', { entryDate: '2026-11-26', rung: 'crews', promptId: prompt?.id ?? null });
    expect(entry).toMatchObject({ rung: 'crews', promptId: prompt?.id, kind: 'journal' });

    const bad = await core.send('journal.create', { entryDate: '2026-11-26', promptId: unknownId });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found', field: 'promptId' } });
    const badUpdate = await core.send('journal.update', { id: entry.id, promptId: unknownId });
    expect(badUpdate).toMatchObject({ ok: false, error: { code: 'not_found', field: 'promptId' } });
    // @ts-expect-error: not a rung
    expect(await core.send('journal.create', { entryDate: '2026-11-26', rung: 'team' })).toMatchObject({ ok: false, error: { field: 'rung' } });
    expect((await core.call('journal.list', {})).entries).toHaveLength(1);

    const cleared = await core.call('journal.update', { id: entry.id, rung: null, promptId: null });
    expect(cleared).toMatchObject({ rung: null, promptId: null });
  });
});

describe('filtering the journal', () => {
  async function seed() {
    const core = await openTestCore();
    const critic = await core.call('parts.create', { name: 'Critic' });
    const [prompt] = await core.call('prompts.list', { rung: 'self' });
    const make = (title: string, entryDate: string, extra: Record<string, unknown> = {}) => core.call('journal.create', { title, entryDate, ...extra });
    await make('a', '2026-01-10', { tags: ['work'], partIds: [critic.id] });
    await make('b', '2026-02-10', { tags: ['Work', 'home'], rung: 'crews' });
    await make('c', '2026-03-10', { partIds: [critic.id], promptId: prompt?.id ?? null, rung: 'self' });
    await make('d', '2026-04-10', { tags: ['home'], rung: 'crews', partIds: [critic.id] });
    return { ...core, critic, prompt };
  }
  const titles = (page: { entries: { title: string }[] }) => page.entries.map((e) => e.title);

  it('by tag, part, prompt, rung and date range, alone or together', async () => {
    const { call, critic, prompt } = await seed();
    expect(titles(await call('journal.list', { tag: 'WORK' }))).toEqual(['b', 'a']);
    expect(titles(await call('journal.list', { partId: critic.id }))).toEqual(['d', 'c', 'a']);
    expect(titles(await call('journal.list', { promptId: prompt?.id }))).toEqual(['c']);
    expect(titles(await call('journal.list', { rung: 'crews' }))).toEqual(['d', 'b']);
    expect(titles(await call('journal.list', { from: '2026-02-01', to: '2026-03-31' }))).toEqual(['c', 'b']);
    expect(titles(await call('journal.list', { partId: critic.id, tag: 'home' }))).toEqual(['d']);
    expect(titles(await call('journal.list', { rung: 'crews', to: '2026-03-01' }))).toEqual(['b']);
  });

  it('pages through a filtered list', async () => {
    const { call, critic } = await seed();
    const first = await call('journal.list', { partId: critic.id, limit: 2 });
    expect(titles(first)).toEqual(['d', 'c']);
    const second = await call('journal.list', { partId: critic.id, limit: 2, after: first.nextCursor ?? '' });
    expect(titles(second)).toEqual(['a']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a range that ends before it starts', async () => {
    const { send } = await openTestCore();
    expect(await send('journal.list', { from: '2026-05-01', to: '2026-04-01' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'to' } });
  });

  it('lists summaries with their parts, tags and kind', async () => {
    const { call, critic } = await seed();
    const { entries } = await call('journal.list', {});
    expect(entries[0]).toMatchObject({ title: 'd', tags: ['home'], partIds: [critic.id], rung: 'crews', kind: 'journal' });
  });
});

describe('on this day', () => {
  it('finds entries from the same day in earlier years, newest first, and nothing from this year', async () => {
    const { call } = await openTestCore();
    for (const [title, entryDate] of [
      ['2024', '2024-11-26'],
      ['2019', '2019-11-26'],
      ['this year', '2026-11-26'],
      ['next day', '2025-11-27'],
      ['2025', '2025-11-26'],
    ] as const) {
      await call('journal.create', { title, entryDate });
    }
    expect((await call('journal.onThisDay', { date: '2026-11-26' })).map((e) => e.title)).toEqual(['2025', '2024', '2019']);
  });

  it('shows 29 February on 28 February in years without one', async () => {
    const { call } = await openTestCore();
    await call('journal.create', { title: 'leap', entryDate: '2024-02-29' });
    await call('journal.create', { title: 'plain', entryDate: '2025-02-28' });
    expect((await call('journal.onThisDay', { date: '2026-02-28' })).map((e) => e.title)).toEqual(['plain', 'leap']);
    expect((await call('journal.onThisDay', { date: '2028-02-29' })).map((e) => e.title)).toEqual(['leap']);
  });
});
