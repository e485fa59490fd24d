import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

const today = '2026-11-27';

describe('deleting a retrospective puts the crew back exactly as it was', () => {
  it('keeps the cycle’s sessions, end date, next meeting and stage, and Undo brings the decision back', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('crews.update', { id: crew.id, cycleEndOn: '2026-10-30', nextMeetingOn: '2026-09-24' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.update', { id: crew.id, nextMeetingOn: '2026-09-24' });
    const before = await core.call('crews.get', { id: crew.id, today });
    expect(before.crew).toMatchObject({ stage: 'meeting', cycle: 1, cycleSessions: 6, cycleEndOn: '2026-10-30', nextMeetingOn: '2026-09-24' });

    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', worked: 'Tea', decision: 'new_cycle', cycleSessions: 4 });
    await core.call('crews.planNext', { id: crew.id, on: '2026-10-08' });
    let detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.crew).toMatchObject({ stage: 'continuing', cycle: 2, cycleSessions: 4, cycleEndOn: null, nextMeetingOn: '2026-10-08' });
    const retro = detail.retrospectives[0]!;

    await core.call('retrospectives.delete', { id: retro.id });
    detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.retrospectives).toEqual([]);
    expect(detail.crew).toEqual({ ...before.crew, updatedAt: detail.crew.updatedAt });
    // The retrospective moved the crew into its retrospective stage itself: that entry goes too.
    expect(detail.stages).toEqual(before.stages);
    expect(detail.card.progress).toMatchObject({ cycle: 1, held: 1, sessions: 6, endOn: '2026-10-30' });

    // The state survives a restart of the app.
    const again = await core.reopen();
    expect((await again.call('crews.get', { id: crew.id, today })).crew).toMatchObject({ stage: 'meeting', cycleSessions: 6, cycleEndOn: '2026-10-30' });

    await again.call('retrospectives.restore', { id: retro.id });
    detail = await again.call('crews.get', { id: crew.id, today });
    expect(detail.crew).toMatchObject({ stage: 'continuing', cycle: 2, cycleSessions: 4, cycleEndOn: null, nextMeetingOn: '2026-10-08' });
    expect(detail.stages.map((s) => s.to)).toEqual([...before.stages.map((s) => s.to), 'retrospective', 'continuing']);

    // Deleted a second time, it still knows what it replaced.
    await again.call('retrospectives.delete', { id: retro.id });
    expect((await again.call('crews.get', { id: crew.id, today })).crew).toMatchObject({ stage: 'meeting', cycle: 1, cycleSessions: 6, cycleEndOn: '2026-10-30' });
  });

  it('leaves the stage change made by hand into the retrospective, which still happened', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.setStage', { id: crew.id, stage: 'retrospective', on: '2026-09-18' });
    const before = await core.call('crews.get', { id: crew.id, today });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', decision: 'pause' });
    const retro = (await core.call('crews.get', { id: crew.id, today })).retrospectives[0]!;
    await core.call('retrospectives.delete', { id: retro.id });
    const detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.crew.stage).toBe('retrospective');
    expect(detail.stages).toEqual(before.stages);
  });

  it('refuses, saying why, for a retrospective saved before it recorded what it replaced', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', decision: 'new_cycle' });
    await core.core.archive.db.updateTable('retrospective').set({ replaced_stage: null }).execute();
    const retro = (await core.call('crews.get', { id: crew.id, today })).retrospectives[0]!;
    expect(retro.deleteBlocked).toMatch(/saved before Ladder kept what its decision replaced/);
    expect(await core.send('retrospectives.delete', { id: retro.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
  });
});

describe('reopening a past crew', () => {
  it('takes a closed crew back to the stage it had, keeps the closing in the history, and Undo closes it again', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-10-01', note: 'Thank you all' });

    expect(await core.send('crews.reopen', { id: crew.id, on: '2026-09-30' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'on' } });
    const reopened = await core.call('crews.reopen', { id: crew.id, on: today });
    expect(reopened).toMatchObject({ stage: 'meeting', closedOn: null, closingNote: '' });
    const detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.stages.slice(-2).map((s) => [s.from, s.to, s.changedOn, s.note])).toEqual([
      ['meeting', 'closed', '2026-10-01', 'Thank you all'],
      ['closed', 'meeting', today, 'Reopened.'],
    ]);
    // Meetings can be recorded again.
    await core.call('meetings.create', { crewId: crew.id, heldOn: today });

    const list = await core.call('crews.list', { today });
    expect(list.active.map((c) => c.id)).toEqual([crew.id]);
    expect(await core.send('crews.reopen', { id: crew.id, on: today })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('is undone by taking back the reopening: closed again on its day, with its note', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-10-01', note: 'Thank you all' });
    await core.call('crews.reopen', { id: crew.id, on: today });
    const change = (await core.call('crews.get', { id: crew.id, today })).stages.at(-1)!;
    const closed = await core.call('crews.undoStage', { id: crew.id, changeId: change.id });
    expect(closed).toMatchObject({ stage: 'closed', closedOn: '2026-10-01', closingNote: 'Thank you all' });
  });

  it('reopens a crew closed by its retrospective’s decision, back in its retrospective', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', decision: 'split', closingNote: 'Two crews now' });
    expect(await core.call('crews.reopen', { id: crew.id, on: today })).toMatchObject({ stage: 'retrospective', closedOn: null });
  });
});
