import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

const today = '2026-11-27';

/** A crew with one item open, one dropped by hand and one done, then closed (or split) dropping what was open. */
async function closedDropping(core: TestCore, stage: 'closed' | 'split' = 'closed') {
  const { crew, ada, bea, cy } = await crewOfFour(core);
  await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10', actionItems: [{ text: 'Send notes to Sam', ownerId: ada.id }] });
  const byHand = await core.call('actionItems.add', { crewId: crew.id, text: 'Ask about the bigger room', ownerId: bea.id });
  await core.call('actionItems.setStatus', { id: byHand.id, status: 'dropped', on: '2026-09-12' });
  const done = await core.call('actionItems.add', { crewId: crew.id, text: 'Book the room', ownerId: cy.id });
  await core.call('actionItems.setStatus', { id: done.id, status: 'done', on: '2026-09-11' });
  const also = await core.call('actionItems.add', { crewId: crew.id, text: 'Write up the retro questions', ownerId: ada.id });
  // A crew splits from its retrospective stage.
  if (stage === 'split') await core.call('crews.setStage', { id: crew.id, stage: 'retrospective', on: '2026-09-20' });
  await core.call('crews.setStage', { id: crew.id, stage, on: '2026-10-01', note: 'We did what we came for', openActionItems: 'drop' });
  return { crew, byHand, done, also };
}

const statuses = async (core: TestCore, crewId: string) => {
  const detail = await core.call('crews.get', { id: crewId, today });
  const items = await core.core.archive.db.selectFrom('action_item').select(['text', 'status', 'resolved_on']).where('crew_id', '=', crewId).orderBy('text').execute();
  return { detail, items: Object.fromEntries(items.map((i) => [i.text, [i.status, i.resolved_on]])) };
};

describe('reopening a crew brings back the action items its closing dropped', () => {
  it('opens exactly those again, not one dropped or done by hand before, and says how many first', async () => {
    const core = await openTestCore();
    const { crew } = await closedDropping(core);
    const closed = await statuses(core, crew.id);
    expect(closed.detail.droppedAtEnding).toBe(2);
    expect(closed.detail.openActionItems).toEqual([]);

    await core.call('crews.reopen', { id: crew.id, on: today });
    const reopened = await statuses(core, crew.id);
    expect(reopened.detail.openActionItems.map((a) => a.text).sort()).toEqual(['Send notes to Sam', 'Write up the retro questions']);
    expect(reopened.detail.openActionItems.every((a) => a.resolvedOn === null)).toBe(true);
    expect(reopened.items).toMatchObject({
      'Ask about the bigger room': ['dropped', '2026-09-12'],
      'Book the room': ['done', '2026-09-11'],
    });
    // An active crew has nothing to bring back.
    expect(reopened.detail.droppedAtEnding).toBe(0);
  });

  it('drops them again when the reopening is undone, as the closing had, so reopening later still finds them', async () => {
    const core = await openTestCore();
    const { crew } = await closedDropping(core);
    const before = await statuses(core, crew.id);
    await core.call('crews.reopen', { id: crew.id, on: today });
    const reopening = (await core.call('crews.get', { id: crew.id, today })).stages.at(-1)!;
    await core.call('crews.undoStage', { id: crew.id, changeId: reopening.id });
    const undone = await statuses(core, crew.id);
    expect(undone.items).toEqual(before.items);
    expect(undone.detail.droppedAtEnding).toBe(2);

    // After a restart too: the record is in the archive, not in memory.
    const again = await core.reopen();
    await again.call('crews.reopen', { id: crew.id, on: today });
    expect((await again.call('crews.get', { id: crew.id, today })).openActionItems).toHaveLength(2);
  });

  it('reopens a split crew with its dropped items too, and writes nothing when the day is refused', async () => {
    const core = await openTestCore();
    const { crew } = await closedDropping(core, 'split');
    const early = await core.send('crews.reopen', { id: crew.id, on: '2026-09-30' });
    expect(early).toMatchObject({ ok: false, error: { code: 'validation', field: 'on' } });
    expect((await statuses(core, crew.id)).detail).toMatchObject({ droppedAtEnding: 2, openActionItems: [] });
    await core.call('crews.reopen', { id: crew.id, on: today });
    expect((await core.call('crews.get', { id: crew.id, today })).openActionItems).toHaveLength(2);
  });

  it('has nothing to bring back when the closing kept its items open, or came from a retrospective', async () => {
    const core = await openTestCore();
    const { crew, ada } = await crewOfFour(core);
    const kept = await core.call('actionItems.add', { crewId: crew.id, text: 'Ask HR about flexible hours', ownerId: ada.id });
    await core.call('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-10-01', note: 'Thank you all' });
    expect((await core.call('crews.get', { id: crew.id, today })).droppedAtEnding).toBe(0);
    await core.call('crews.reopen', { id: crew.id, on: today });
    expect((await core.call('crews.get', { id: crew.id, today })).openActionItems.map((a) => a.id)).toEqual([kept.id]);

    await core.call('meetings.create', { crewId: crew.id, heldOn: today });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: today, decision: 'close', closingNote: 'A good year' });
    expect((await core.call('crews.get', { id: crew.id, today })).droppedAtEnding).toBe(0);
  });
});
