import { describe, expect, it } from 'vitest';
import type { SignalKind } from '../../shared/domain/ladder';
import { openTestCore, type TestCore } from '../support/core';

const today = '2026-11-26';

async function kinds(t: TestCore): Promise<SignalKind[]> {
  return (await t.call('ladder.summary', { today })).signals.map((s) => s.kind);
}

describe('ladder signals: each one appears, and goes away once cared for', () => {
  it('an empty archive has no signals at all', async () => {
    const t = await openTestCore();
    const summary = await t.call('ladder.summary', { today });
    expect(summary.signals).toEqual([]);
    expect(summary.empty).toBe(true);
  });

  it('"in a congregation but no crew yet"', async () => {
    const t = await openTestCore();
    const c = await t.call('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const summary = await t.call('ladder.summary', { today });
    const signal = summary.signals.find((s) => s.kind === 'congregation_without_crew');
    expect(signal).toMatchObject({ action: 'See who seems crewless', target: { page: 'congregations', detail: { kind: 'congregation', id: c.id } } });
    expect(signal?.message).toContain('Riverside Commons');

    await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01' });
    expect(await kinds(t)).not.toContain('congregation_without_crew');
  });

  it('"a retrospective is due" when a crew has used up its cycle', async () => {
    const t = await openTestCore();
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    const crew = await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01', memberIds: [ana], cycleSessions: 1 });
    expect(await kinds(t)).not.toContain('retrospective_due');
    await t.call('meetings.create', { crewId: crew.id, heldOn: '2026-11-20', attendeeIds: [ana] });
    const signal = (await t.call('ladder.summary', { today })).signals.find((s) => s.kind === 'retrospective_due');
    expect(signal).toMatchObject({ target: { page: 'crews', detail: { kind: 'crew', id: crew.id } } });
    expect(signal?.message).toContain('Thursday crew');

    await t.call('crews.retrospective', { crewId: crew.id, heldOn: today, decision: 'new_cycle', cycleSessions: 6 });
    expect(await kinds(t)).not.toContain('retrospective_due');
  });

  it('is not due again for a cycle already looked back on, when a crew its retrospective closed is reopened', async () => {
    const t = await openTestCore();
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    const crew = await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01', memberIds: [ana], cycleSessions: 1 });
    await t.call('meetings.create', { crewId: crew.id, heldOn: '2026-11-20', attendeeIds: [ana] });
    await t.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-11-22', decision: 'close', closingNote: 'A good run.' });
    const reopened = await t.call('crews.reopen', { id: crew.id, on: today });
    expect(reopened.stage).not.toBe('closed');
    expect(await kinds(t)).not.toContain('retrospective_due');
  });

  it('"dyads past their rhythm", and a check-in eases it', async () => {
    const t = await openTestCore();
    const ana = (await t.call('people.create', { name: 'Ana' })).id;
    const ben = (await t.call('people.create', { name: 'Ben' })).id;
    const one = await t.call('dyads.create', { personId: ana, kind: 'peer_coach', startedOn: '2026-10-01', rhythmDays: 14 });
    const two = await t.call('dyads.create', { personId: ben, kind: 'friend', startedOn: '2026-10-01', rhythmDays: 14 });
    const signal = (await t.call('ladder.summary', { today })).signals.find((s) => s.kind === 'dyads_past_rhythm');
    expect(signal?.message).toMatch(/^Two dyads are past their rhythm/);
    expect(signal?.message).not.toMatch(/overdue/i);

    await t.call('checkins.create', { dyadId: one.id, checkinDate: today });
    expect((await t.call('ladder.summary', { today })).signals.find((s) => s.kind === 'dyads_past_rhythm')?.message).toContain('with Ben');
    await t.call('checkins.create', { dyadId: two.id, checkinDate: today });
    expect(await kinds(t)).not.toContain('dyads_past_rhythm');
  });

  it('"no reflection this week" only for someone who has written before', async () => {
    const t = await openTestCore();
    expect(await kinds(t)).not.toContain('no_reflection_this_week');
    await t.call('journal.create', { entryDate: '2026-11-01', body: 'An older entry' });
    expect(await kinds(t)).toContain('no_reflection_this_week');

    await t.call('journal.create', { entryDate: today, body: 'Today' });
    expect(await kinds(t)).not.toContain('no_reflection_this_week');
  });

  it('"a week after a gathering" invites a look back, and rests once I have', async () => {
    const t = await openTestCore();
    const c = await t.call('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await t.call('crews.create', { name: 'Thursday crew', startedOn: '2026-11-01' });
    const recent = await t.call('gatherings.create', { congregationId: c.id, name: 'Autumn gathering', heldOn: '2026-11-24' });
    expect(await kinds(t)).not.toContain('gathering_follow_up');
    const weekAgo = await t.call('gatherings.create', { congregationId: c.id, name: 'Harvest day', heldOn: '2026-11-18' });
    const signal = (await t.call('ladder.summary', { today })).signals.find((s) => s.kind === 'gathering_follow_up');
    expect(signal?.message).toContain('Harvest day');

    await t.call('gatherings.update', { id: weekAgo.id, followedUpOn: today });
    expect(await kinds(t)).not.toContain('gathering_follow_up');
    expect(recent.followUpSuggested).toBe(false);
  });
});
