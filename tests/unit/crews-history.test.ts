import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

const today = '2026-11-27';

describe('closing a crew, and taking it back', () => {
  it('closes on a chosen day, drops its open action items if asked, and Undo brings all of it back', async () => {
    const core = await openTestCore();
    const { crew, ada, bea } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10', actionItems: [{ text: 'Send notes to Sam', ownerId: ada.id }] });
    const done = await core.call('actionItems.add', { crewId: crew.id, text: 'Book the room', ownerId: bea.id });
    await core.call('actionItems.setStatus', { id: done.id, status: 'done', on: '2026-09-11' });
    const before = await core.call('crews.get', { id: crew.id, today });

    // A day before the last stage change would put the history out of order.
    const early = await core.send('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-08-01', note: 'Done' });
    expect(early).toMatchObject({ ok: false, error: { code: 'validation', field: 'on' } });

    const closed = await core.call('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-10-01', note: 'We did what we came for', openActionItems: 'drop' });
    expect(closed).toMatchObject({ stage: 'closed', closedOn: '2026-10-01', closingNote: 'We did what we came for' });
    const after = await core.call('crews.get', { id: crew.id, today });
    expect(after.openActionItems).toEqual([]);
    const change = after.stages.at(-1)!;
    expect(change).toMatchObject({ from: 'meeting', to: 'closed', changedOn: '2026-10-01' });

    const back = await core.call('crews.undoStage', { id: crew.id, changeId: change.id });
    expect(back).toMatchObject({ stage: 'meeting', closedOn: null, closingNote: '' });
    const undone = await core.call('crews.get', { id: crew.id, today });
    expect(undone.stages).toEqual(before.stages);
    // The item dropped with the closing is open again; the one done before stays done.
    expect(undone.openActionItems.map((a) => a.text)).toEqual(['Send notes to Sam']);
    expect(undone.openActionItems[0]).toMatchObject({ status: 'open', resolvedOn: null });
  });

  it('keeps open items open on a closed crew, where they can still be settled', async () => {
    const core = await openTestCore();
    const { crew, ada } = await crewOfFour(core);
    const item = await core.call('actionItems.add', { crewId: crew.id, text: 'Ask HR about flexible hours', ownerId: ada.id });
    await core.call('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-10-01', note: 'Thank you all' });
    expect((await core.call('crews.get', { id: crew.id, today })).openActionItems.map((a) => a.id)).toEqual([item.id]);
    await core.call('actionItems.setStatus', { id: item.id, status: 'done', on: today });
    expect((await core.call('crews.get', { id: crew.id, today })).openActionItems).toEqual([]);
  });

  it('takes back only the latest change, and never one a retrospective made', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('crews.setStage', { id: crew.id, stage: 'forming', on: '2026-09-02' });
    const first = (await core.call('crews.get', { id: crew.id, today })).stages.at(-1)!;
    await core.call('crews.setStage', { id: crew.id, stage: 'meeting', on: '2026-09-03' });
    expect(await core.send('crews.undoStage', { id: crew.id, changeId: first.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'changeId' } });

    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', decision: 'pause' });
    const byRetro = (await core.call('crews.get', { id: crew.id, today })).stages.at(-1)!;
    expect(byRetro.to).toBe('paused');
    expect(await core.send('crews.undoStage', { id: crew.id, changeId: byRetro.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('a retrospective, afterwards', () => {
  it('starts the next meeting from its day, never before it', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-10-01', decision: 'new_cycle' });
    const detail = await core.call('crews.get', { id: crew.id, today: '2026-10-02' });
    // Every 14 days from the retrospective, not from the meeting before it (Sep 24).
    expect(detail.card.nextMeetingOn).toBe('2026-10-15');
    expect((await core.call('crews.prep', { id: crew.id, today: '2026-10-02' })).date).toBe('2026-10-15');
    expect((await core.call('crews.list', { today: '2026-10-02' })).active[0]?.nextMeetingOn).toBe('2026-10-15');
  });

  it('that pauses the crew rests its rhythm: no next meeting until one is set by hand', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-10-01', decision: 'pause' });
    expect((await core.call('crews.get', { id: crew.id, today: '2026-10-02' })).card.nextMeetingOn).toBeNull();
    expect((await core.call('crews.prep', { id: crew.id, today: '2026-10-02' })).date).toBeNull();

    await core.call('crews.update', { id: crew.id, nextMeetingOn: '2026-12-03' });
    expect((await core.call('crews.get', { id: crew.id, today: '2026-10-02' })).card.nextMeetingOn).toBe('2026-12-03');
    expect(await core.call('crews.prep', { id: crew.id, today: '2026-10-02' })).toMatchObject({ date: '2026-12-03', dateSetByHand: true });
  });

  it('is corrected in place: its words and day, with the stage changes it made', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', worked: 'Tea', decision: 'new_cycle' });
    const retro = (await core.call('crews.get', { id: crew.id, today })).retrospectives[0]!;
    const saved = await core.call('retrospectives.update', { id: retro.id, heldOn: '2026-09-21', worked: 'Tea and honesty', didNotWork: 'Late starts', change: 'Start on time' });
    expect(saved).toMatchObject({ heldOn: '2026-09-21', worked: 'Tea and honesty', didNotWork: 'Late starts', change: 'Start on time', decision: 'new_cycle' });
    const detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.stages.slice(-2).map((s) => [s.to, s.changedOn])).toEqual([
      ['retrospective', '2026-09-21'],
      ['continuing', '2026-09-21'],
    ]);
  });

  it('is deleted with its decision and comes back with Undo; once its new cycle has meetings it stays, saying why', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('crews.update', { id: crew.id, cycleEndOn: '2026-10-30' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', worked: 'Tea', decision: 'new_cycle', cycleSessions: 4 });
    let detail = await core.call('crews.get', { id: crew.id, today });
    const retro = detail.retrospectives[0]!;
    expect(retro.deleteBlocked).toBeNull();
    expect(detail.crew).toMatchObject({ stage: 'continuing', cycle: 2 });

    expect(await core.call('retrospectives.delete', { id: retro.id })).toEqual({ id: retro.id, crewId: crew.id });
    detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.retrospectives).toEqual([]);
    // Saving the retrospective moved the crew into it too: deleting takes that back as well.
    expect(detail.crew).toMatchObject({ stage: 'meeting', cycle: 1 });
    expect(detail.stages.at(-1)?.to).toBe('meeting');

    await core.call('retrospectives.restore', { id: retro.id });
    detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.crew).toMatchObject({ stage: 'continuing', cycle: 2 });
    expect(detail.retrospectives.map((r) => r.worked)).toEqual(['Tea']);

    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-10-01' });
    detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.retrospectives[0]?.deleteBlocked).toMatch(/Meetings have been recorded in cycle 2/);
    expect(await core.send('retrospectives.delete', { id: retro.id })).toMatchObject({ ok: false, error: { code: 'conflict', field: 'id' } });
    expect((await core.call('crews.get', { id: crew.id, today })).retrospectives).toHaveLength(1);
  });

  it('that closed the crew, deleted, opens it again', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10' });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-09-20', decision: 'close', closingNote: 'A good run' });
    const retro = (await core.call('crews.get', { id: crew.id, today })).retrospectives[0]!;
    await core.call('retrospectives.delete', { id: retro.id });
    expect((await core.call('crews.get', { id: crew.id, today })).crew).toMatchObject({ stage: 'meeting', closedOn: null, closingNote: '' });
    await core.call('retrospectives.restore', { id: retro.id });
    expect((await core.call('crews.get', { id: crew.id, today })).crew).toMatchObject({ stage: 'closed', closedOn: '2026-09-20', closingNote: 'A good run' });
  });
});
