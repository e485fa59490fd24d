import { describe, expect, it } from 'vitest';
import { cycleProgress, nextInRotation, sizeGuidance } from '../../shared/domain/crews';
import { openTestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

describe('a crew', () => {
  it('is called with members, agreements and the first stage in its history', async () => {
    const core = await openTestCore();
    const { crew, me } = await crewOfFour(core);
    expect(crew).toMatchObject({ stage: 'calling', cycle: 1, cycleSessions: 6, agreements: ['What is said here stays here'] });
    expect(crew.members.map((m) => m.name)).toEqual(['Me', 'Ada', 'Bea', 'Cy']);
    expect(crew.members[0]).toEqual({ personId: me.id, name: 'Me', isMe: true });
    const detail = await core.call('crews.get', { id: crew.id, today: '2026-09-02' });
    expect(detail.stages.map((s) => [s.from, s.to])).toEqual([[null, 'calling']]);
    expect(detail.card).toMatchObject({ memberCount: 4, size: 'good', nextMeetingOn: '2026-09-15' });
  });

  it('shows size guidance kindly: under 3 still calling, 7 or more consider splitting', () => {
    expect([0, 2, 3, 6, 7].map(sizeGuidance)).toEqual(['still_calling', 'still_calling', 'good', 'good', 'consider_splitting']);
  });

  it('refuses a cycle of 0 sessions and unknown members, naming the field, and writes nothing', async () => {
    const core = await openTestCore();
    const zero = await core.send('crews.create', { name: 'X', startedOn: '2026-09-01', cycleSessions: 0 });
    expect(zero).toMatchObject({ ok: false, error: { code: 'validation', field: 'cycleSessions' } });
    const ghost = await core.send('crews.create', { name: 'X', startedOn: '2026-09-01', memberIds: ['01890000-0000-7000-8000-000000000000'] });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'not_found', field: 'memberIds.0' } });
    expect(await core.call('crews.list', { today: '2026-09-02' })).toEqual({ active: [], past: [] });
  });

  it('moves through its stages with history, refusing skipped steps', async () => {
    const core = await openTestCore();
    const { crew, me } = await crewOfFour(core);
    const on = '2026-09-02';
    // A retrospective before any meeting.
    expect(await core.send('crews.setStage', { id: crew.id, stage: 'retrospective', on })).toMatchObject({ ok: false, error: { code: 'validation', field: 'stage' } });
    expect(
      await core.send('crews.retrospective', { crewId: crew.id, heldOn: on, decision: 'new_cycle' }),
    ).toMatchObject({ ok: false, error: { code: 'validation', field: 'stage' } });
    // Closing without a note.
    expect(await core.send('crews.setStage', { id: crew.id, stage: 'closed', on })).toMatchObject({ ok: false, error: { code: 'validation', field: 'note' } });
    // Calling straight to continuing skips forming and meeting.
    expect(await core.send('crews.setStage', { id: crew.id, stage: 'continuing', on })).toMatchObject({ ok: false, error: { field: 'stage' } });
    expect((await core.call('crews.get', { id: crew.id, today: on })).stages).toHaveLength(1);

    await core.call('crews.setStage', { id: crew.id, stage: 'forming', on });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id });
    const detail = await core.call('crews.get', { id: crew.id, today: on });
    expect(detail.crew.stage).toBe('meeting');
    expect(detail.stages.map((s) => s.to)).toEqual(['calling', 'forming', 'meeting']);

    // Closing in the retrospective without a note writes nothing, not even the retro.
    const noNote = await core.send('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', decision: 'close', worked: 'Honesty' });
    expect(noNote).toMatchObject({ ok: false, error: { code: 'validation', field: 'closingNote' } });
    const after = await core.call('crews.get', { id: crew.id, today: on });
    expect(after.retrospectives).toEqual([]);
    expect(after.crew.stage).toBe('meeting');

    const closed = await core.call('crews.retrospective', {
      crewId: crew.id,
      heldOn: '2026-09-20',
      worked: 'Honesty',
      didNotWork: 'Evenings',
      change: 'Mornings',
      decision: 'close',
      closingNote: 'We did what we came for.',
    });
    expect(closed).toMatchObject({ stage: 'closed', closingNote: 'We did what we came for.', closedOn: '2026-09-20' });
    const history = await core.call('crews.get', { id: crew.id, today: on });
    expect(history.stages.map((s) => s.to)).toEqual(['calling', 'forming', 'meeting', 'retrospective', 'closed']);
    expect(history.retrospectives[0]).toMatchObject({ worked: 'Honesty', decision: 'close' });
    expect(history.meetings).toHaveLength(1);
    const list = await core.call('crews.list', { today: on });
    expect(list.active).toEqual([]);
    expect(list.past.map((c) => c.name)).toEqual(['Thursday crew']);
    // A closed crew keeps its history as it is.
    expect(await core.send('meetings.create', { crewId: crew.id, heldOn: '2026-10-01' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('starts a new cycle from a retrospective, counting sessions afresh', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core, { cycleSessions: 2 });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-17' });
    let card = (await core.call('crews.get', { id: crew.id, today: '2026-09-18' })).card;
    expect(card.progress).toMatchObject({ cycle: 1, held: 2, sessions: 2, complete: true });
    const next = await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-24', decision: 'new_cycle', cycleSessions: 4 });
    expect(next).toMatchObject({ stage: 'continuing', cycle: 2, cycleSessions: 4 });
    card = (await core.call('crews.get', { id: crew.id, today: '2026-09-25' })).card;
    expect(card.progress).toMatchObject({ cycle: 2, held: 0, sessions: 4, next: 1, complete: false });
  });
});

describe('cycle progress', () => {
  it('counts sessions held against the plan and the end date', () => {
    expect(cycleProgress({ cycle: 1, held: 2, sessions: 6, endOn: null, today: '2026-01-01' })).toEqual({ cycle: 1, held: 2, sessions: 6, endOn: null, next: 3, complete: false, completeBecause: null });
    expect(cycleProgress({ cycle: 1, held: 6, sessions: 6, endOn: null, today: '2026-01-01' })).toMatchObject({ complete: true, completeBecause: 'sessions' });
    // The end date passed with sessions still to go: the reason says so, not that they were held.
    expect(cycleProgress({ cycle: 1, held: 1, sessions: 6, endOn: '2025-12-31', today: '2026-01-01' })).toMatchObject({ complete: true, completeBecause: 'end_date' });
  });
});

describe('the rotation suggestion', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('never lets anyone go twice before everyone has gone once', () => {
    const events: { number: number; personId: string | null }[] = [];
    const order: string[] = [];
    for (let n = 1; n <= 8; n += 1) {
      const who = nextInRotation(ids, events)!;
      order.push(who);
      events.push({ number: n, personId: who });
    }
    expect(order.slice(0, 4).sort()).toEqual(ids);
    expect(order.slice(4).sort()).toEqual(ids);
  });

  it('picks whoever has gone least, then longest ago, and never makes the host the focus too', () => {
    const events = [
      { number: 1, personId: 'b' },
      { number: 2, personId: 'a' },
      { number: 3, personId: 'c' },
    ];
    expect(nextInRotation(ids, events)).toBe('d');
    expect(nextInRotation(ids, [...events, { number: 4, personId: 'd' }])).toBe('b');
    expect(nextInRotation(ids, [], 'a')).toBe('b');
    expect(nextInRotation(['a'], [], 'a')).toBe('a');
    // The host is the only one still due a focus turn: someone else takes it this time.
    const focusTurns = [
      { number: 1, personId: 'a' },
      { number: 2, personId: 'b' },
      { number: 3, personId: 'c' },
    ];
    expect(nextInRotation(ids, focusTurns)).toBe('d');
    expect(nextInRotation(ids, focusTurns, 'd')).toBe('a');
    expect(nextInRotation([], [])).toBeNull();
  });
});
