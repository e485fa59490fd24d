import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

describe('crew meetings and dyads', () => {
  it('a crew meeting both I and a dyad partner attended resets that dyad’s rhythm', async () => {
    const core = await openTestCore();
    const { crew, ada, bea } = await crewOfFour(core);
    const withAda = await core.call('dyads.create', { personId: ada.id, kind: 'peer_coach', rhythmDays: 14, startedOn: '2026-09-01' });
    const withBea = await core.call('dyads.create', { personId: bea.id, kind: 'peer_coach', rhythmDays: 14, startedOn: '2026-09-01' });
    await core.call('checkins.create', { dyadId: withAda.id, checkinDate: '2026-10-01' });
    await core.call('checkins.create', { dyadId: withBea.id, checkinDate: '2026-10-01' });
    const today = '2026-11-26';

    // Bea was not there: only Ada's rhythm moves.
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-11-20', attendeeIds: crew.members.filter((m) => m.name !== 'Bea').map((m) => m.personId) });
    expect((await core.call('dyads.card', { id: withAda.id, today })).rhythm).toEqual({ lastContactOn: '2026-11-20', nextDueOn: '2026-12-04', daysPast: 0 });
    expect((await core.call('dyads.card', { id: withBea.id, today })).rhythm.lastContactOn).toBe('2026-10-01');
  });

  it('does not count a meeting I missed', async () => {
    const core = await openTestCore();
    const { crew, me, ada } = await crewOfFour(core);
    const withAda = await core.call('dyads.create', { personId: ada.id, kind: 'friend', rhythmDays: 14, startedOn: '2026-09-01' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-11-20', attendeeIds: crew.members.filter((m) => m.personId !== me.id).map((m) => m.personId) });
    expect((await core.call('dyads.card', { id: withAda.id, today: '2026-11-26' })).rhythm.lastContactOn).toBeNull();
  });

  it('shows crew meetings they attended on a person’s timeline, newest first and paged', async () => {
    const core = await openTestCore();
    const { crew, ada } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-11-01' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-11-15', attendeeIds: crew.members.filter((m) => m.name !== 'Ada').map((m) => m.personId) });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-11-20' });
    const first = await core.call('people.timeline', { id: ada.id, limit: 1 });
    expect(first.items).toEqual([expect.objectContaining({ kind: 'meeting', date: '2026-11-20', crewName: 'Thursday crew', number: 3, crewId: crew.id })]);
    const rest = await core.call('people.timeline', { id: ada.id, limit: 10, after: first.nextCursor! });
    expect(rest.items.map((i) => [i.kind, i.date])).toEqual([['meeting', '2026-11-01']]);
  });
});

describe('crews in search', () => {
  it('finds meetings, agenda items and retrospectives, and follows a crew’s rename', async () => {
    const core = await openTestCore();
    const { crew, ada } = await crewOfFour(core);
    await core.call('agendaItems.add', { crewId: crew.id, text: 'Budget for the retreat' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', notes: 'We talked about gardening', checkinNotes: [{ personId: ada.id, note: 'Sleepy but glad' }] });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', worked: 'Honest listening', decision: 'pause' });
    const kindsFor = async (query: string) => {
      const result = await core.call('search.query', { text: query, limit: 50 });
      return JSON.stringify(result);
    };
    expect(await kindsFor('gardening')).toContain('"meeting"');
    expect(await kindsFor('retreat')).toContain('"agenda_item"');
    expect(await kindsFor('listening')).toContain('"retrospective"');
    expect(await kindsFor('sleepy')).toContain('"meeting_checkin_note"');
    await core.call('crews.update', { id: crew.id, name: 'Friday crew' });
    expect(await kindsFor('gardening')).toContain('Friday crew');
  });
});
