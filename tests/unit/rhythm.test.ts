import { describe, expect, it } from 'vitest';
import { rhythmOf } from '../../electron/core/services/dyads/rhythm';
import { openTestCore, type TestCore } from '../support/core';

async function dyadWith(core: TestCore, name: string, rhythmDays: number | null, startedOn: string | null = '2026-09-01') {
  const person = await core.call('people.create', { name });
  return core.call('dyads.create', { personId: person.id, kind: 'peer_coach', rhythmDays, startedOn });
}

describe('the gentle rhythm', () => {
  it('hopes for the next contact at the last contact plus the rhythm, and every check-in resets it', async () => {
    const core = await openTestCore();
    const dyad = await dyadWith(core, 'Ada', 14);
    const today = '2026-11-26';
    // No contact yet: counted from when the dyad started.
    expect((await core.call('dyads.card', { id: dyad.id, today })).rhythm).toEqual({ lastContactOn: null, nextDueOn: '2026-09-15', daysPast: 72 });

    await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-01' });
    expect((await core.call('dyads.card', { id: dyad.id, today })).rhythm).toEqual({ lastContactOn: '2026-11-01', nextDueOn: '2026-11-15', daysPast: 11 });

    const latest = await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20' });
    expect((await core.call('dyads.card', { id: dyad.id, today })).rhythm).toEqual({ lastContactOn: '2026-11-20', nextDueOn: '2026-12-04', daysPast: 0 });

    // An earlier check-in logged late does not move the rhythm back.
    await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-10' });
    expect((await core.call('dyads.card', { id: dyad.id, today })).rhythm.lastContactOn).toBe('2026-11-20');

    // Taking the latest back (delete) lets the one before it count again.
    await core.call('checkins.delete', { id: latest.id });
    expect((await core.call('dyads.card', { id: dyad.id, today })).rhythm).toEqual({ lastContactOn: '2026-11-10', nextDueOn: '2026-11-24', daysPast: 2 });
  });

  it('uses the next date chosen in the latest check-in, until a later contact resets it', async () => {
    const core = await openTestCore();
    const dyad = await dyadWith(core, 'Ada', 14);
    const today = '2026-11-26';
    await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-01', nextCheckinDate: '2026-11-05' });
    expect((await core.call('dyads.card', { id: dyad.id, today })).rhythm).toMatchObject({ nextDueOn: '2026-11-05', daysPast: 21 });
    await core.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-25' });
    expect((await core.call('dyads.card', { id: dyad.id, today })).rhythm).toMatchObject({ nextDueOn: '2026-12-09', daysPast: 0 });
  });

  it('treats any other kind of contact the same way as a check-in', () => {
    // A crew meeting both attended (issue #5) arrives as a later last contact than the last check-in.
    const rhythm = rhythmOf({
      status: 'active',
      rhythmDays: 14,
      startedOn: null,
      today: '2026-11-26',
      facts: { dyad_id: 'd', last_contact_on: '2026-11-20', last_checkin_on: '2026-11-01', last_checkin_next: '2026-11-08' },
    });
    expect(rhythm).toEqual({ lastContactOn: '2026-11-20', nextDueOn: '2026-12-04', daysPast: 0 });
  });

  it('lists who you have not seen in a while, furthest past their rhythm first, leaving out paused, closed and rhythm-free dyads', async () => {
    const core = await openTestCore();
    const today = '2026-11-26';
    const ada = await dyadWith(core, 'Ada', 7);
    const bea = await dyadWith(core, 'Bea', 30);
    const carl = await dyadWith(core, 'Carl', 7);
    const dora = await dyadWith(core, 'Dora', 7);
    const eli = await dyadWith(core, 'Eli', null);
    const fay = await dyadWith(core, 'Fay', 7);
    await core.call('checkins.create', { dyadId: ada.id, checkinDate: '2026-11-10' }); // due 11-17: 9 days past
    await core.call('checkins.create', { dyadId: bea.id, checkinDate: '2026-10-01' }); // due 10-31: 26 days past
    await core.call('checkins.create', { dyadId: carl.id, checkinDate: '2026-11-25' }); // not yet
    await core.call('checkins.create', { dyadId: dora.id, checkinDate: '2026-01-01' });
    await core.call('dyads.setStatus', { id: dora.id, status: 'paused', today });
    await core.call('checkins.create', { dyadId: eli.id, checkinDate: '2025-01-01' });
    await core.call('checkins.create', { dyadId: fay.id, checkinDate: '2026-01-01' });
    await core.call('dyads.setStatus', { id: fay.id, status: 'closed', closingNote: 'Moved away', today });

    const aWhile = await core.call('dyads.aWhile', { today });
    expect(aWhile.map((card) => [card.personName, card.rhythm.daysPast])).toEqual([
      ['Bea', 26],
      ['Ada', 9],
    ]);
    const cards = await core.call('dyads.list', { today });
    expect(cards.find((card) => card.id === dora.id)?.rhythm).toEqual({ lastContactOn: '2026-01-01', nextDueOn: null, daysPast: 0 });
    expect(cards.find((card) => card.id === eli.id)?.rhythm.nextDueOn).toBeNull();

    // Picking a paused dyad back up brings it into the rhythm again.
    await core.call('dyads.setStatus', { id: dora.id, status: 'active', today });
    expect((await core.call('dyads.aWhile', { today })).map((card) => card.personName)).toEqual(['Dora', 'Bea', 'Ada']);
  });
});
