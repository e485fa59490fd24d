import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

const today = '2026-11-26';
const unknown = '01890000-0000-7000-8000-000000000000';

async function congregation(t: TestCore, name = 'Riverside Commons') {
  return t.call('congregations.create', { name, about: 'A community of practice', size: 60, role: 'member', since: '2026-01-10' });
}

async function found(t: TestCore, text: string) {
  const results = await t.call('search.query', { text });
  return results.groups.flatMap((g) => g.hits.map(() => g.kind));
}

/** Every row of the given tables, to show a restore changes nothing but its own record. */
function snapshot(t: TestCore, tables: string[]) {
  return Object.fromEntries(tables.map((table) => [table, t.core.archive.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]));
}

describe('restoring a deleted gathering (Undo)', () => {
  it('brings it back onto its congregation, into the list dates and into search', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    const g = await t.call('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-11-15', harvest: 'Marmalade', possibleCrewmateIds: [ana] });
    await t.call('gatherings.create', { congregationId: c.id, name: 'Spring gathering', heldOn: '2026-04-01' });

    await t.call('gatherings.delete', { id: g.id });
    expect((await t.call('congregations.get', { id: c.id, today })).gatherings.map((x) => x.name)).toEqual(['Spring gathering']);
    expect((await t.call('congregations.list', {}))[0]?.lastGatheringOn).toBe('2026-04-01');
    expect(await found(t, 'marmalade')).toEqual([]);

    const before = snapshot(t, ['congregation', 'congregation_person', 'gathering_person', 'shared_lesson']);
    const restored = await t.call('gatherings.restore', { id: g.id });
    expect(restored).toMatchObject({ id: g.id, name: 'Autumn gathering', possibleCrewmates: [{ personId: ana, name: 'Ana' }] });
    expect((await t.call('congregations.get', { id: c.id, today })).gatherings.map((x) => x.name)).toEqual(['Autumn gathering', 'Spring gathering']);
    expect((await t.call('congregations.list', {}))[0]?.lastGatheringOn).toBe('2026-11-15');
    expect(await found(t, 'marmalade')).toEqual(['gathering']);
    expect(snapshot(t, ['congregation', 'congregation_person', 'gathering_person', 'shared_lesson'])).toEqual(before);
  });

  it('refuses an unknown id, and a gathering whose congregation is deleted, writing nothing', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    const g = await t.call('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-11-15' });
    expect(await t.send('gatherings.restore', { id: unknown })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });

    await t.call('gatherings.delete', { id: g.id });
    await t.call('congregations.delete', { id: c.id });
    const before = snapshot(t, ['gathering', 'congregation']);
    expect(await t.send('gatherings.restore', { id: g.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'id' } });
    expect(snapshot(t, ['gathering', 'congregation'])).toEqual(before);

    await t.call('congregations.restore', { id: c.id });
    await t.call('gatherings.restore', { id: g.id });
    expect((await t.call('congregations.get', { id: c.id, today })).gatherings.map((x) => x.id)).toEqual([g.id]);
  });
});

describe('restoring a deleted shared lesson (Undo)', () => {
  it('brings it back into the lessons, the Markdown and search, and nothing else changes', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    const crew = await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-10-01' });
    const lesson = await t.call('lessons.share', { congregationId: c.id, text: 'Rotating hosts keeps things light', crewId: crew.id, sharedOn: today });
    await t.call('lessons.share', { congregationId: c.id, text: 'Six sessions is a good first cycle', sharedOn: '2026-11-01' });

    await t.call('lessons.delete', { id: lesson.id });
    expect((await t.call('congregations.get', { id: c.id, today })).lessons.map((l) => l.text)).toEqual(['Six sessions is a good first cycle']);
    expect(await found(t, 'rotating')).toEqual([]);

    const before = snapshot(t, ['congregation', 'gathering', 'crew']);
    expect(await t.call('lessons.restore', { id: lesson.id })).toEqual({ ...lesson, crewName: 'Thursday crew' });
    expect((await t.call('congregations.get', { id: c.id, today })).lessons.map((l) => l.id)).toEqual([lesson.id, expect.any(String)]);
    expect((await t.call('congregations.lessonsMarkdown', { id: c.id })).markdown).toContain('Rotating hosts keeps things light');
    expect(await found(t, 'rotating')).toEqual(['shared_lesson']);
    expect(snapshot(t, ['congregation', 'gathering', 'crew'])).toEqual(before);
  });

  it('refuses an unknown id, and a lesson whose congregation is deleted', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    const lesson = await t.call('lessons.share', { congregationId: c.id, text: 'Keep it light', sharedOn: today });
    expect(await t.send('lessons.restore', { id: unknown })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    await t.call('lessons.delete', { id: lesson.id });
    await t.call('congregations.delete', { id: c.id });
    expect(await t.send('lessons.restore', { id: lesson.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'id' } });
    const row = t.core.archive.sqlite.prepare('SELECT deleted_at FROM shared_lesson WHERE id = ?').get(lesson.id) as { deleted_at: string | null };
    expect(row.deleted_at).not.toBeNull();
  });
});
