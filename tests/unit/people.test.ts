import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

describe('people', () => {
  it('adds a person with only a name, and reads them back', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: '  Ada  ' });
    expect(ada).toMatchObject({ name: 'Ada', howWeMet: '', notes: '', birthday: null, isMe: false });
    expect(await call('people.get', { id: ada.id })).toEqual(ada);
  });

  it('edits a person, keeping what was not changed', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada', howWeMet: 'At the gathering in Lisbon' });
    const edited = await call('people.update', { id: ada.id, notes: 'Loves long walks', birthday: '1990-04-02' });
    expect(edited).toMatchObject({ name: 'Ada', howWeMet: 'At the gathering in Lisbon', notes: 'Loves long walks', birthday: '1990-04-02' });
    const cleared = await call('people.update', { id: ada.id, birthday: null });
    expect(cleared.birthday).toBeNull();
  });

  it('lists people alphabetically, a page at a time, whatever the case', async () => {
    const { call } = await openTestCore();
    for (const name of ['mira', 'Bea', 'Zoë', 'ada', 'Carl']) await call('people.create', { name });
    const first = await call('people.list', { limit: 2 });
    expect(first.people.map((p) => p.name)).toEqual(['ada', 'Bea']);
    const second = await call('people.list', { limit: 2, after: first.nextCursor ?? '' });
    expect(second.people.map((p) => p.name)).toEqual(['Carl', 'mira']);
    const third = await call('people.list', { limit: 2, after: second.nextCursor ?? '' });
    expect(third.people.map((p) => p.name)).toEqual(['Zoë']);
    expect(third.nextCursor).toBeNull();
  });

  it('refuses a missing name, a day that does not exist, and a second "me", naming the field', async () => {
    const { send, call } = await openTestCore();
    expect(await send('people.create', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect(await send('people.create', { name: 'Ada', birthday: '1990-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'birthday' },
    });
    await call('people.create', { name: 'Me', isMe: true });
    expect(await send('people.create', { name: 'Also me', isMe: true })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'isMe' } });
    expect((await call('people.list', {})).people.map((p) => p.name)).toEqual(['Me']);
  });

  it('names the unknown id', async () => {
    const { send } = await openTestCore();
    const missing = '01890000-0000-7000-8000-000000000000';
    expect(await send('people.get', { id: missing })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(await send('people.update', { id: missing, name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    expect(await send('people.groups', { id: missing })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
  });

  it("lists a person's crews by name with their stage, leaving out a crew they left", async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const bea = await call('people.create', { name: 'Bea' });
    await call('crews.create', { name: 'Walkers', startedOn: '2026-10-01', memberIds: [ada.id] });
    await call('crews.create', { name: 'Clinic', startedOn: '2026-10-01', memberIds: [ada.id, bea.id] });
    const left = await call('crews.create', { name: 'Left behind', startedOn: '2026-10-01', memberIds: [ada.id, bea.id] });
    await call('crews.update', { id: left.id, memberIds: [bea.id] });
    const closed = await call('crews.create', { name: 'Autumn', startedOn: '2026-10-01', memberIds: [ada.id] });
    await call('crews.setStage', { id: closed.id, stage: 'closed', on: '2026-11-01', note: 'It was a good autumn.' });
    const groups = await call('people.groups', { id: ada.id });
    expect(groups.crews.map((crew) => [crew.name, crew.stage])).toEqual([
      ['Autumn', 'closed'],
      ['Clinic', 'calling'],
      ['Walkers', 'calling'],
    ]);
    expect(groups).toMatchObject({ congregations: [], hostedNetworks: [] });
  });

  it('deletes softly, keeping their history, and restoring brings it all back', async () => {
    const { call, send } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'peer_coach', rhythmDays: 14 });
    const checkin = await call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-01', iHeard: 'A new job' });
    await call('commitments.create', { dyadId: dyad.id, checkinId: checkin.id, direction: 'mine', text: 'Send the book', madeOn: '2026-11-01' });

    await call('people.delete', { id: ada.id });
    expect((await call('people.list', {})).people).toEqual([]);
    expect(await call('dyads.list', { today: '2026-11-26' })).toEqual([]);
    expect(await send('checkins.get', { id: checkin.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await send('people.timeline', { id: ada.id })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });

    await call('people.restore', { id: ada.id });
    const cards = await call('dyads.list', { today: '2026-11-26' });
    expect(cards).toMatchObject([{ id: dyad.id, personName: 'Ada', openMine: 1, lastCheckinOn: '2026-11-01' }]);
    expect((await call('checkins.get', { id: checkin.id })).iHeard).toBe('A new job');
    expect((await call('people.timeline', { id: ada.id })).items.map((i) => i.kind)).toEqual(['dyad', 'checkin', 'commitment']);
  });
});
