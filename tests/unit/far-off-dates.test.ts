import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

/** Every day a person types is 1900–2100 (a birthday 1900–today), refused with a message naming what the day means. */

const range = (meaning: string) => `${meaning} must fall between 1900 and 2100: is the year right?`;

describe('far-off days across the rungs', () => {
  it('refuses 2999 and 1899 in every dated form, naming the field and its meaning, and writes nothing', async () => {
    const { send, call } = await openTestCore();
    const sam = await call('people.create', { name: 'Sam' });
    const me = await call('people.create', { name: 'Ana', isMe: true });
    const dyad = await call('dyads.create', { personId: sam.id, kind: 'friend' });
    const checkin = await call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20' });
    const crew = await call('crews.create', { name: 'Case clinic', startedOn: '2026-01-08', memberIds: [me.id, sam.id] });
    const congregation = await call('congregations.create', { name: 'Lisbon', since: '2025-01-01' });

    const cases: [string, () => Promise<unknown>, string, string][] = [
      ['check-in date', () => send('checkins.create', { dyadId: dyad.id, checkinDate: '2999-12-31' }), 'checkinDate', range('A check-in’s date')],
      ['next check-in', () => send('checkins.update', { id: checkin.id, nextCheckinDate: '1899-12-31' }), 'nextCheckinDate', range('The next check-in’s date')],
      [
        'hoped for by',
        () => send('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Send the link', madeOn: '2026-11-20', dueOn: '2999-01-01' }),
        'dueOn',
        range('The “Hoped for by” date'),
      ],
      [
        'renegotiated date',
        async () => {
          const promise = await call('commitments.create', { dyadId: dyad.id, direction: 'theirs', text: 'Share the podcast', madeOn: '2026-11-20' });
          return send('commitments.resolve', { id: promise.id, status: 'renegotiated', newTerms: 'Share it next week', newDueOn: '2999-01-01', on: '2026-11-21' });
        },
        'newDueOn',
        range('The new date'),
      ],
      ['dyad start', () => send('dyads.update', { id: dyad.id, startedOn: '2999-01-01' }), 'startedOn', range('The day a dyad started')],
      ['crew called on', () => send('crews.create', { name: 'Later', startedOn: '2999-01-01' }), 'startedOn', range('The day a crew was called')],
      ['cycle end', () => send('crews.update', { id: crew.id, cycleEndOn: '2999-04-30' }), 'cycleEndOn', range('A cycle’s end date')],
      ['next meeting', () => send('crews.planNext', { id: crew.id, on: '2999-02-05' }), 'on', range('The next meeting’s date')],
      ['meeting date', () => send('meetings.create', { crewId: crew.id, heldOn: '2999-01-22' }), 'heldOn', range('A meeting’s date')],
      ['retro date', () => send('crews.retrospective', { crewId: crew.id, heldOn: '1899-04-02', decision: 'new_cycle' }), 'heldOn', range('A retrospective’s date')],
      ['gathering', () => send('gatherings.create', { congregationId: congregation.id, heldOn: '2999-06-01' }), 'heldOn', range('A gathering’s date')],
      ['role since', () => send('congregations.create', { name: 'Porto', since: '1899-01-01' }), 'since', range('The day your role began')],
      ['role change', () => send('congregations.setRole', { id: congregation.id, role: 'member', on: '2999-01-01' }), 'on', range('The day your role changed')],
    ];
    for (const [what, attempt, field, message] of cases) {
      expect(await attempt(), what).toMatchObject({ ok: false, error: { code: 'validation', field, message } });
    }

    // Nothing was written by any refused request.
    expect((await call('checkins.list', { dyadId: dyad.id })).checkins.map((c) => c.id)).toEqual([checkin.id]);
    expect((await call('checkins.get', { id: checkin.id })).nextCheckinDate).toBeNull();
    expect((await call('dyads.get', { id: dyad.id })).startedOn).toBe(dyad.startedOn);
    expect((await call('crews.list', { today: '2026-11-26' })).active.map((c) => c.name)).toEqual(['Case clinic']);
    expect((await call('congregations.list', {})).map((c) => c.name)).toEqual(['Lisbon']);

    // The edges are kept.
    expect((await call('checkins.create', { dyadId: dyad.id, checkinDate: '1900-01-01' })).checkinDate).toBe('1900-01-01');
    expect((await call('dyads.update', { id: dyad.id, startedOn: '2100-12-31' })).startedOn).toBe('2100-12-31');
  });

  it('keeps a birthday between 1900 and today', async () => {
    const { send, call } = await openTestCore();
    // The test clock's today is 2026-11-26.
    for (const birthday of ['1899-12-31', '2999-12-31', '2027-03-01']) {
      expect(await send('people.create', { name: 'Ada', birthday }), birthday).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'birthday', message: 'A birthday must fall between 1900 and today: is the year right?' },
      });
    }
    expect((await call('people.list', {})).people).toHaveLength(0);
    const ada = await call('people.create', { name: 'Ada', birthday: '1900-01-01' });
    expect(await send('people.update', { id: ada.id, birthday: '2030-01-01' })).toMatchObject({ ok: false, error: { field: 'birthday' } });
    expect((await call('people.update', { id: ada.id, birthday: '2026-11-26' })).birthday).toBe('2026-11-26');
  });

  it('still finds by a far-off filter bound rather than refusing a half-typed year', async () => {
    const { call } = await openTestCore();
    await call('journal.create', { body: 'Today', entryDate: '2026-11-26' });
    expect((await call('journal.list', { from: '0002-01-01', to: '9999-12-31' })).entries).toHaveLength(1);
  });
});
