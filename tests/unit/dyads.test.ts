import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

const missing = '01890000-0000-7000-8000-000000000000';

describe('dyads', () => {
  it('starts a dyad with a person, with its intention, rhythm and agreements', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', {
      personId: ada.id,
      kind: 'accountability_partner',
      intention: 'graceful accountability',
      startedOn: '2026-10-01',
      rhythmDays: 14,
      agreements: ['What we say stays between us', 'Either of us can pause'],
    });
    expect(dyad).toMatchObject({ personName: 'Ada', status: 'active', rhythmDays: 14, intention: 'graceful accountability' });
    expect(dyad.agreements.map((a) => a.text)).toEqual(['What we say stays between us', 'Either of us can pause']);
    expect(await call('dyads.get', { id: dyad.id })).toEqual(dyad);
  });

  it('replaces agreements and keeps other fields on update', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'friend', agreements: ['one', 'two'] });
    const updated = await call('dyads.update', { id: dyad.id, agreements: ['two', 'three'], rhythmDays: 30 });
    expect(updated.agreements.map((a) => a.text)).toEqual(['two', 'three']);
    expect(updated.kind).toBe('friend');
    expect(updated.rhythmDays).toBe(30);
  });

  it('refuses an unknown person, a dyad with myself, and a bad rhythm, naming the field', async () => {
    const { send, call } = await openTestCore();
    expect(await send('dyads.create', { personId: missing, kind: 'friend' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'personId' },
    });
    const me = await call('people.create', { name: 'Me', isMe: true });
    expect(await send('dyads.create', { personId: me.id, kind: 'friend' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'personId' },
    });
    const ada = await call('people.create', { name: 'Ada' });
    expect(await send('dyads.create', { personId: ada.id, kind: 'friend', rhythmDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'rhythmDays' },
    });
    expect(await send('dyads.create', { personId: ada.id, kind: 'boss' as never })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'kind' },
    });
    expect(await call('dyads.list', { today: '2026-11-26' })).toEqual([]);
  });

  it('pauses, and closes gracefully only with a closing note', async () => {
    const { send, call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'steward' });
    expect((await call('dyads.setStatus', { id: dyad.id, status: 'paused', today: '2026-11-20' })).status).toBe('paused');
    expect(await send('dyads.setStatus', { id: dyad.id, status: 'closed', today: '2026-11-26' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'closingNote' },
    });
    expect((await call('dyads.get', { id: dyad.id })).status).toBe('paused');
    const closed = await call('dyads.setStatus', { id: dyad.id, status: 'closed', closingNote: 'A good year together.', today: '2026-11-26' });
    expect(closed).toMatchObject({ status: 'closed', closingNote: 'A good year together.', closedOn: '2026-11-26' });
  });

  it('shows open commitments each way on its card', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'peer_coach' });
    const made = { dyadId: dyad.id, madeOn: '2026-11-01' };
    await call('commitments.create', { ...made, direction: 'mine', text: 'Call her sister' });
    await call('commitments.create', { ...made, direction: 'mine', text: 'Read the draft' });
    const theirs = await call('commitments.create', { ...made, direction: 'theirs', text: 'Rest on Sunday' });
    await call('commitments.resolve', { id: theirs.id, status: 'kept', on: '2026-11-10' });
    expect(await call('dyads.card', { id: dyad.id, today: '2026-11-26' })).toMatchObject({ openMine: 2, openTheirs: 0 });
  });

  it('gives the dial over time, oldest first, leaving out check-ins without one', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'peer_coach' });
    await call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-01', dial: 3 });
    await call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-01', dial: 5 });
    await call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-15' });
    expect(await call('dyads.dial', { id: dyad.id })).toEqual([
      { checkinDate: '2026-10-01', dial: 3 },
      { checkinDate: '2026-11-01', dial: 5 },
    ]);
  });

  it('deletes and restores a dyad', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'friend' });
    await call('dyads.delete', { id: dyad.id });
    expect(await call('dyads.list', { today: '2026-11-26' })).toEqual([]);
    await call('dyads.restore', { id: dyad.id });
    expect((await call('dyads.list', { today: '2026-11-26' })).map((d) => d.id)).toEqual([dyad.id]);
  });
});
