import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

const today = '2026-11-26';

async function person(t: TestCore, name: string) {
  return (await t.call('people.create', { name })).id;
}

async function congregation(t: TestCore, name = 'Riverside Commons') {
  return t.call('congregations.create', { name, about: 'A community of practice', size: 60, role: 'contributor', since: '2026-01-10' });
}

async function rowCount(t: TestCore, table: string) {
  const row = (await t.core.archive.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()) as { n: number };
  return row.n;
}

describe('congregations', () => {
  it('keeps a congregation with its role history, crews, people and crewless', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    expect(c).toMatchObject({ name: 'Riverside Commons', size: 60, role: 'contributor' });
    await t.call('congregations.setRole', { id: c.id, role: 'member', on: '2026-06-01', note: 'Stepped in' });

    const ana = await person(t, 'Ana');
    const ben = await person(t, 'Ben');
    const cleo = await person(t, 'Cleo');
    const crew = await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-10-01', memberIds: [ana, ben] });
    await t.call('congregations.addCrew', { congregationId: c.id, crewId: crew.id });
    await t.call('congregations.addPeople', { congregationId: c.id, personIds: [ana, ben, cleo] });

    const detail = await t.call('congregations.get', { id: c.id, today });
    expect(detail.roleHistory.map((r) => [r.from, r.to])).toEqual([
      [null, 'contributor'],
      ['contributor', 'member'],
    ]);
    expect(detail.crews).toEqual([{ crewId: crew.id, name: 'Thursday crew', stage: 'calling', memberCount: 2 }]);
    expect(detail.people.filter((p) => p.crewless).map((p) => p.name)).toEqual(['Cleo']);

    const [card] = await t.call('congregations.list', {});
    expect(card).toMatchObject({ crewCount: 1, peopleCount: 3, role: 'member' });
  });

  it('counts someone whose only crew closed as crewless', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    const ana = await person(t, 'Ana');
    const crew = await t.call('crews.create', { name: 'Old crew', startedOn: '2026-01-01', memberIds: [ana] });
    await t.call('congregations.addPeople', { congregationId: c.id, personIds: [ana] });
    expect((await t.call('congregations.get', { id: c.id, today })).people[0]?.crewless).toBe(false);
    await t.call('crews.setStage', { id: crew.id, stage: 'closed', on: today, note: 'We had a good run' });
    expect((await t.call('congregations.get', { id: c.id, today })).people[0]?.crewless).toBe(true);
  });

  it('keeps gatherings with my temporary crew and possible crewmates, and links them to the congregation', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    const ana = await person(t, 'Ana');
    const ben = await person(t, 'Ben');
    const g = await t.call('gatherings.create', {
      congregationId: c.id,
      name: 'Autumn gathering',
      heldOn: '2026-11-15',
      place: 'The old mill',
      harvest: 'Lots of energy for crews',
      temporaryCrewIds: [ana],
      possibleCrewmateIds: [ben],
    });
    expect(g.temporaryCrew.map((p) => p.name)).toEqual(['Ana']);
    expect(g.possibleCrewmates.map((p) => p.name)).toEqual(['Ben']);
    const detail = await t.call('congregations.get', { id: c.id, today });
    expect(detail.people.map((p) => p.name)).toEqual(['Ana', 'Ben']);
    expect(detail.gatherings[0]?.followUpSuggested).toBe(true);
    await t.call('gatherings.update', { id: g.id, followedUpOn: today });
    expect((await t.call('congregations.get', { id: c.id, today })).gatherings[0]?.followUpSuggested).toBe(false);
  });

  it('shares lessons from crew retrospectives and exports them as Markdown', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    const crew = await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-10-01' });
    await t.call('lessons.share', { congregationId: c.id, text: 'Six sessions is a good first cycle.', crewId: crew.id, sharedOn: today });
    const { markdown, fileName } = await t.call('congregations.lessonsMarkdown', { id: c.id });
    expect(fileName).toBe('riverside-commons-lessons.md');
    expect(markdown).toContain('# Lessons shared with Riverside Commons');
    expect(markdown).toContain('## 2026-11-26 (from Thursday crew)');
    expect(markdown).toContain('Six sessions is a good first cycle.');
  });

  describe('bad input: a typed error naming the field, nothing written', () => {
    it('refuses a size below 1', async () => {
      const t = await openTestCore();
      const result = await t.send('congregations.create', { name: 'Tiny', size: 0, since: today });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'size' } });
      expect(await rowCount(t, 'congregation')).toBe(0);
    });

    it('refuses a crew placed in a congregation twice', async () => {
      const t = await openTestCore();
      const c = await congregation(t);
      const crew = await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-10-01' });
      await t.call('congregations.addCrew', { congregationId: c.id, crewId: crew.id });
      const again = await t.send('congregations.addCrew', { congregationId: c.id, crewId: crew.id });
      expect(again).toMatchObject({ ok: false, error: { code: 'validation', field: 'crewId' } });
      expect(await rowCount(t, 'congregation_crew')).toBe(1);
    });

    it('refuses unknown ids', async () => {
      const t = await openTestCore();
      const c = await congregation(t);
      const unknown = '01890000-0000-7000-8000-000000000000';
      expect(await t.send('congregations.get', { id: unknown, today })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
      expect(await t.send('congregations.addCrew', { congregationId: c.id, crewId: unknown })).toMatchObject({
        ok: false,
        error: { code: 'not_found', field: 'crewId' },
      });
      const ana = await person(t, 'Ana');
      const bad = await t.send('gatherings.create', { congregationId: c.id, heldOn: today, temporaryCrewIds: [ana, unknown] });
      expect(bad).toMatchObject({ ok: false, error: { code: 'not_found', field: 'temporaryCrewIds.1' } });
      expect(await rowCount(t, 'gathering')).toBe(0);
      expect(await rowCount(t, 'congregation_person')).toBe(0);
      expect(await t.send('lessons.share', { congregationId: c.id, text: 'x', retrospectiveId: unknown, sharedOn: today })).toMatchObject({
        ok: false,
        error: { code: 'not_found', field: 'retrospectiveId' },
      });
      expect(await rowCount(t, 'shared_lesson')).toBe(0);
    });

    it('refuses setting the role I already have', async () => {
      const t = await openTestCore();
      const c = await congregation(t);
      expect(await t.send('congregations.setRole', { id: c.id, role: 'contributor', on: today })).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'role' },
      });
      expect(await rowCount(t, 'congregation_role_change')).toBe(1);
    });
  });

  it('leaves a deleted congregation out of lists and brings it back on restore', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    await t.call('congregations.delete', { id: c.id });
    expect(await t.call('congregations.list', {})).toEqual([]);
    await t.call('congregations.restore', { id: c.id });
    expect((await t.call('congregations.list', {})).map((x) => x.id)).toEqual([c.id]);
  });
});

describe('search finds congregations, gatherings, lessons, networks and practices', () => {
  it('finds each by its words and opens it on its rung', async () => {
    const t = await openTestCore();
    const c = await congregation(t);
    await t.call('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-11-15', harvest: 'Marmalade workshop sparked a crew' });
    await t.call('lessons.share', { congregationId: c.id, text: 'Rotating hosts keeps things light', sharedOn: today });
    const n = await t.call('networks.create', { name: 'Hosts circle', notes: 'Quarterly pilgrimage' });
    await t.call('practices.add', { networkId: n.id, name: 'Troika consulting', learnedFrom: 'Liberating Structures' });
    const found = async (text: string) => {
      const results = await t.call('search.query', { text });
      return results.groups.flatMap((g) => g.hits.map((h) => ({ kind: g.kind, target: h.target })));
    };
    expect(await found('marmalade')).toEqual([{ kind: 'gathering', target: { page: 'congregations', detail: { kind: 'congregation', id: c.id } } }]);
    expect((await found('rotating'))[0]?.kind).toBe('shared_lesson');
    expect((await found('riverside'))[0]).toEqual({ kind: 'congregation', target: { page: 'congregations', detail: { kind: 'congregation', id: c.id } } });
    expect((await found('pilgrimage'))[0]?.kind).toBe('network');
    expect((await found('troika'))[0]?.kind).toBe('adapted_practice');
  });
});
