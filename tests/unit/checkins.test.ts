import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';

const missing = '01890000-0000-7000-8000-000000000000';

async function withDyad(core: TestCore) {
  const ada = await core.call('people.create', { name: 'Ada' });
  return core.call('dyads.create', { personId: ada.id, kind: 'peer_coach', rhythmDays: 14 });
}

describe('check-ins', () => {
  it('logs a check-in and reads every field back', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const checkin = await core.call('checkins.create', {
      dyadId: dyad.id,
      checkinDate: '2026-11-20',
      how: 'walk',
      iShared: 'The move is hard',
      iHeard: 'Her mother is unwell',
      offersAsksFromMe: 'Offered to help pack',
      offersAsksFromThem: 'Asked for a quiet week',
      dial: 4,
      notes: 'We laughed a lot',
      nextCheckinDate: '2026-12-04',
    });
    expect(await core.call('checkins.get', { id: checkin.id })).toEqual(checkin);
    expect(checkin).toMatchObject({ how: 'walk', dial: 4, partIds: [] });
  });

  it('autosaves in pieces: an update keeps what it was not given', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const checkin = await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20' });
    await core.call('checkins.update', { id: checkin.id, iHeard: 'Something alive' });
    const later = await core.call('checkins.update', { id: checkin.id, dial: 2 });
    expect(later).toMatchObject({ iHeard: 'Something alive', dial: 2, checkinDate: '2026-11-20' });
    const cleared = await core.call('checkins.update', { id: checkin.id, dial: null });
    expect(cleared.dial).toBeNull();
  });

  it('refuses an unknown dyad, a next date before the check-in and a dial outside 1–5, writing nothing', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    expect(await core.send('checkins.create', { dyadId: missing, checkinDate: '2026-11-20' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'dyadId' },
    });
    expect(await core.send('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', nextCheckinDate: '2026-11-19' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'nextCheckinDate' },
    });
    for (const dial of [0, 6, 2.5]) {
      expect(await core.send('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', dial })).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'dial' },
      });
    }
    expect((await core.call('checkins.list', { dyadId: dyad.id })).checkins).toEqual([]);

    const checkin = await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', nextCheckinDate: '2026-12-01' });
    // Moving the check-in past its next date is refused too, and changes nothing.
    expect(await core.send('checkins.update', { id: checkin.id, checkinDate: '2026-12-02', iHeard: 'lost?' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'nextCheckinDate' },
    });
    expect(await core.call('checkins.get', { id: checkin.id })).toEqual(checkin);
  });

  it('names an unknown part by its place in the list', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const result = await core.send('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', partIds: [missing] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'partIds.0' } });
    expect((await core.call('checkins.list', { dyadId: dyad.id })).checkins).toEqual([]);
  });

  it('remembers which of my parts showed up, and changes that list as a whole', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const critic = await core.call('parts.create', { name: 'The critic' });
    const pleaser = await core.call('parts.create', { name: 'The pleaser' });
    const checkin = await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', partIds: [critic.id] });
    expect(checkin.partIds).toEqual([critic.id]);
    await core.call('checkins.update', { id: checkin.id, partIds: [pleaser.id] });
    expect((await core.call('checkins.get', { id: checkin.id })).partIds).toEqual([pleaser.id]);
    await core.call('checkins.update', { id: checkin.id, partIds: [pleaser.id, critic.id] });
    expect(new Set((await core.call('checkins.get', { id: checkin.id })).partIds)).toEqual(new Set([critic.id, pleaser.id]));
  });

  it('lists check-ins newest first, page by page', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    for (const day of ['2026-09-01', '2026-11-01', '2026-10-01']) {
      await core.call('checkins.create', { dyadId: dyad.id, checkinDate: day, iHeard: `heard on ${day}` });
    }
    const first = await core.call('checkins.list', { dyadId: dyad.id, limit: 2 });
    expect(first.checkins.map((c) => c.checkinDate)).toEqual(['2026-11-01', '2026-10-01']);
    expect(first.checkins[0]?.excerpt).toBe('heard on 2026-11-01');
    const second = await core.call('checkins.list', { dyadId: dyad.id, limit: 2, after: first.nextCursor ?? '' });
    expect(second.checkins.map((c) => c.checkinDate)).toEqual(['2026-09-01']);
    expect(second.nextCursor).toBeNull();
  });

  it('counts check-ins per month over the last twelve months', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    for (const day of ['2025-11-30', '2025-12-01', '2026-11-02', '2026-11-20', '2026-11-26']) {
      await core.call('checkins.create', { dyadId: dyad.id, checkinDate: day });
    }
    const months = await core.call('checkins.perMonth', { today: '2026-11-26' });
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ month: '2025-12', count: 1 });
    expect(months[11]).toEqual({ month: '2026-11', count: 3 });
    expect(months.reduce((sum, m) => sum + m.count, 0)).toBe(4);
  });

  it('deletes a check-in softly and restores it', async () => {
    const core = await openTestCore();
    const dyad = await withDyad(core);
    const checkin = await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20' });
    await core.call('checkins.delete', { id: checkin.id });
    expect((await core.call('checkins.list', { dyadId: dyad.id })).checkins).toEqual([]);
    await core.call('checkins.restore', { id: checkin.id });
    expect((await core.call('checkins.list', { dyadId: dyad.id })).checkins.map((c) => c.id)).toEqual([checkin.id]);
  });
});
