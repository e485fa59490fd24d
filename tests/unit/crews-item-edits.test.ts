import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

const ghostId = '01890000-0000-7000-8000-000000000000';

async function rowOf(core: TestCore, table: 'action_item' | 'agenda_item', id: string) {
  return core.core.archive.db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** The ids of the records of `kind` that searching `text` finds. */
async function found(core: TestCore, text: string, kind: string) {
  const results = await core.call('search.query', { text, kind, limit: 50 });
  return results.groups.flatMap((g) => g.hits.map((hit) => hit.id));
}

describe('correcting an action item', () => {
  it('changes its text, owner and date, sets updated_at, and search follows', async () => {
    const core = await openTestCore();
    const { crew, ada, bea } = await crewOfFour(core);
    const item = await core.call('actionItems.add', { crewId: crew.id, text: 'Book the hal', ownerId: ada.id, dueOn: '2026-09-20' });
    const before = await rowOf(core, 'action_item', item.id);
    expect(await found(core, 'hal', 'action_item')).toEqual([item.id]);

    const updated = await core.call('actionItems.update', { id: item.id, text: '  Book the hall  ', ownerId: bea.id, dueOn: null });
    expect(updated).toMatchObject({ id: item.id, text: 'Book the hall', ownerId: bea.id, dueOn: null, status: 'open' });
    const after = await rowOf(core, 'action_item', item.id);
    expect(after.updated_at > before.updated_at).toBe(true);
    expect(after.created_at).toBe(before.created_at);

    expect(await found(core, 'hall', 'action_item')).toEqual([item.id]);
    // The old spelling is no longer in the index ("hal" alone would still prefix-match "hall").
    expect(await found(core, '"hal"', 'action_item')).toEqual([]);
    // The owner filter follows the new owner.
    const byBea = await core.call('search.query', { text: 'hall', kind: 'action_item', filters: { facets: { person: bea.id } } });
    expect(byBea.groups.flatMap((g) => g.hits.map((h) => h.id))).toEqual([item.id]);
    const byAda = await core.call('search.query', { text: 'hall', kind: 'action_item', filters: { facets: { person: ada.id } } });
    expect(byAda.groups.flatMap((g) => g.hits.map((h) => h.id))).toEqual([]);

    // The crew view shows the corrected item.
    const detail = await core.call('crews.get', { id: crew.id, today: '2026-09-02' });
    expect(detail.openActionItems).toEqual([updated]);
  });

  it('refuses an owner who is not a member, an unknown or deleted id, and writes nothing', async () => {
    const core = await openTestCore();
    const { crew, ada, bea, me } = await crewOfFour(core);
    const outsider = await core.call('people.create', { name: 'Zed' });
    const item = await core.call('actionItems.add', { crewId: crew.id, text: 'Bring tea', ownerId: ada.id });
    const before = await rowOf(core, 'action_item', item.id);

    expect(await core.send('actionItems.update', { id: item.id, text: 'Bring cake', ownerId: outsider.id, dueOn: null })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'ownerId', message: 'The owner of an action item must be a member of the crew.' },
    });
    expect(await core.send('actionItems.update', { id: item.id, text: '   ', ownerId: ada.id, dueOn: null })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'text' },
    });
    expect(await core.send('actionItems.update', { id: item.id, text: 'Bring cake', ownerId: ada.id, dueOn: '2026-02-31' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'dueOn' },
    });
    expect(await core.send('actionItems.update', { id: ghostId, text: 'Bring cake', ownerId: ada.id, dueOn: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
    expect(await rowOf(core, 'action_item', item.id)).toEqual(before);

    // An item whose meeting was deleted is gone with it.
    const meeting = await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id, actionItems: [{ text: 'Call the venue', ownerId: bea.id }] });
    const decided = meeting.actionItems[0]!;
    await core.call('meetings.delete', { id: meeting.id });
    expect(await core.send('actionItems.update', { id: decided.id, text: 'Call the venue today', ownerId: bea.id, dueOn: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
  });

  it('keeps an owner who has left while the text is corrected, but a change must name a member', async () => {
    const core = await openTestCore();
    const { crew, me, ada, bea, cy } = await crewOfFour(core);
    const item = await core.call('actionItems.add', { crewId: crew.id, text: 'Send the notse', ownerId: cy.id });
    await core.call('crews.update', { id: crew.id, memberIds: [me.id, ada.id, bea.id] });

    expect(await core.call('actionItems.update', { id: item.id, text: 'Send the notes', ownerId: cy.id, dueOn: null })).toMatchObject({ text: 'Send the notes', ownerId: cy.id });
    await core.call('actionItems.update', { id: item.id, text: 'Send the notes', ownerId: ada.id, dueOn: null });
    expect(await core.send('actionItems.update', { id: item.id, text: 'Send the notes', ownerId: cy.id, dueOn: null })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'ownerId' },
    });
  });

  it('can correct a done item; an ended crew’s items stay as they are', async () => {
    const core = await openTestCore();
    const { crew, ada } = await crewOfFour(core);
    const item = await core.call('actionItems.add', { crewId: crew.id, text: 'Write up', ownerId: ada.id });
    await core.call('actionItems.setStatus', { id: item.id, status: 'done', on: '2026-09-05' });
    expect(await core.call('actionItems.update', { id: item.id, text: 'Write it up', ownerId: ada.id, dueOn: '2026-09-04' })).toMatchObject({
      status: 'done',
      resolvedOn: '2026-09-05',
      text: 'Write it up',
      dueOn: '2026-09-04',
    });

    await core.call('crews.setStage', { id: crew.id, stage: 'closed', on: '2026-09-06', note: 'We had a good run.' });
    expect(await core.send('actionItems.update', { id: item.id, text: 'Changed', ownerId: ada.id, dueOn: null })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'id' },
    });
  });
});

describe('correcting an agenda item', () => {
  it('changes its text, who raised it and privacy, and search follows', async () => {
    const core = await openTestCore();
    const { crew, me, ada, bea } = await crewOfFour(core);
    const item = await core.call('agendaItems.add', { crewId: crew.id, text: 'Budjet for the retreat', raisedById: ada.id });
    const before = await rowOf(core, 'agenda_item', item.id);
    expect(await found(core, 'budjet', 'agenda_item')).toEqual([item.id]);

    const updated = await core.call('agendaItems.update', { id: item.id, text: 'Budget for the retreat', raisedById: bea.id, private: false });
    expect(updated).toMatchObject({ id: item.id, text: 'Budget for the retreat', raisedById: bea.id, private: false, status: 'open', carried: 0 });
    expect((await rowOf(core, 'agenda_item', item.id)).updated_at > before.updated_at).toBe(true);
    expect(await found(core, 'budget', 'agenda_item')).toEqual([item.id]);
    expect(await found(core, 'budjet', 'agenda_item')).toEqual([]);

    // Private, it is my own prep, so nobody is named as raising it.
    expect(await core.call('agendaItems.update', { id: item.id, text: 'Budget for the retreat', raisedById: null, private: true })).toMatchObject({ raisedById: null, private: true });
    const prep = await core.call('crews.prep', { id: crew.id, today: '2026-09-02' });
    expect(prep.fresh.map((i) => [i.text, i.raisedById, i.private])).toEqual([['Budget for the retreat', null, true]]);

    // A covered item's text can be corrected in its meeting's record; it stays covered.
    const meeting = await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id, coveredAgendaItemIds: [item.id] });
    const covered = await core.call('agendaItems.update', { id: item.id, text: 'The retreat budget', raisedById: null, private: false });
    expect(covered).toMatchObject({ status: 'covered', coveredMeetingId: meeting.id, carried: 0 });
    expect((await core.call('meetings.get', { id: meeting.id })).covered.map((i) => i.text)).toEqual(['The retreat budget']);
  });

  it('refuses a raiser who is not a member and unknown ids, writing nothing', async () => {
    const core = await openTestCore();
    const { crew, ada } = await crewOfFour(core);
    const outsider = await core.call('people.create', { name: 'Zed' });
    const item = await core.call('agendaItems.add', { crewId: crew.id, text: 'Holidays', raisedById: ada.id });
    const before = await rowOf(core, 'agenda_item', item.id);

    expect(await core.send('agendaItems.update', { id: item.id, text: 'Summer holidays', raisedById: outsider.id, private: false })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'raisedById', message: 'The person who raised it must be a member of the crew.' },
    });
    expect(await core.send('agendaItems.update', { id: item.id, text: '', raisedById: null, private: false })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'text' },
    });
    expect(await core.send('agendaItems.update', { id: ghostId, text: 'Summer holidays', raisedById: null, private: false })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
    expect(await rowOf(core, 'agenda_item', item.id)).toEqual(before);
    expect(await found(core, 'summer', 'agenda_item')).toEqual([]);
  });
});
