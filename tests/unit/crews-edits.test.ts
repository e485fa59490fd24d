import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

const today = '2026-09-02';

describe('planning the next meeting by hand', () => {
  it('sets the date, place, host and focus; a host who is not a member is refused and nothing is written', async () => {
    const core = await openTestCore();
    const { crew, me, ada, bea } = await crewOfFour(core);
    const outsider = await core.call('people.create', { name: 'Zed' });
    const refused = await core.send('crews.planNext', { id: crew.id, on: '2026-09-10', place: 'Park', hostId: outsider.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'hostId' } });
    expect(await core.send('crews.planNext', { id: crew.id, on: '2026-09-10', focusId: outsider.id })).toMatchObject({ ok: false, error: { field: 'focusId' } });
    let prep = await core.call('crews.prep', { id: crew.id, today });
    expect(prep).toMatchObject({ date: '2026-09-15', dateSetByHand: false, place: '', hostId: me.id, hostChosen: false });

    await core.call('crews.planNext', { id: crew.id, on: '2026-09-10', place: 'Bea’s kitchen', hostId: bea.id, focusId: me.id });
    prep = await core.call('crews.prep', { id: crew.id, today });
    expect(prep).toMatchObject({ date: '2026-09-10', dateSetByHand: true, place: 'Bea’s kitchen', hostId: bea.id, hostChosen: true, focusId: me.id, iAmFocus: true });
    expect(prep.suggestedHostId).toBe(me.id);
    // The focus suggestion keeps clear of the chosen host.
    expect(prep.suggestedFocusId).toBe(me.id);

    // Back to the suggestions.
    await core.call('crews.planNext', { id: crew.id, on: null, hostId: null, focusId: null });
    prep = await core.call('crews.prep', { id: crew.id, today });
    expect(prep).toMatchObject({ date: '2026-09-15', dateSetByHand: false, hostId: me.id, focusId: ada.id, iAmFocus: false, caseNotes: null });
  });

  it('keeps my case notes for the meeting where I am the focus, in the Markdown and with the meeting after', async () => {
    const core = await openTestCore();
    const { crew, me, bea } = await crewOfFour(core);
    await core.call('crews.planNext', { id: crew.id, on: '2026-09-10', hostId: bea.id, focusId: me.id });
    await core.call('crews.saveCase', { crewId: crew.id, situation: 'A move abroad', help: 'Questions, not advice' });
    await core.call('crews.saveCase', { crewId: crew.id, situation: 'A move abroad next spring', help: 'Questions, not advice' });
    const prep = await core.call('crews.prep', { id: crew.id, today });
    expect(prep.caseNotes).toEqual({ situation: 'A move abroad next spring', who: '', future: '', edge: '', help: 'Questions, not advice' });

    const { markdown } = await core.call('crews.prepMarkdown', { id: crew.id, today });
    expect(markdown).toContain('- **Host:** Bea');
    expect(markdown).toContain('## My case\n\n### The situation\n\nA move abroad next spring\n\n### The help I ask for\n\nQuestions, not advice');
    expect(markdown).not.toContain('Who is involved');
    const without = await core.call('crews.prepMarkdown', { id: crew.id, today, includeCase: false });
    expect(without.markdown).not.toContain('A move abroad');

    // My case is found by search, and opens in the prep until the meeting is held.
    const caseHits = async () => (await core.call('search.query', { text: 'abroad' })).groups.find((g) => g.kind === 'crew_case')?.hits ?? [];
    expect((await caseHits()).map((hit) => hit.target)).toEqual([{ page: 'crews', detail: { kind: 'prep', id: crew.id } }]);

    const meeting = await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-10', hostId: bea.id, focusId: me.id });
    expect(meeting.caseNotes?.situation).toBe('A move abroad next spring');
    expect((await caseHits()).map((hit) => hit.target)).toEqual([{ page: 'crews', detail: { kind: 'meeting', id: meeting.id } }]);
    await core.call('crews.update', { id: crew.id, name: 'Thursday circle' });
    expect((await caseHits()).map((hit) => hit.title.map((piece) => piece.text).join(''))).toEqual(['Thursday circle']);
    // The plan is used up by the meeting; the next prep starts from the suggestions again.
    const next = await core.call('crews.prep', { id: crew.id, today: '2026-09-11' });
    expect(next).toMatchObject({ dateSetByHand: false, place: '', hostChosen: false, focusChosen: false, caseNotes: null });
  });
});

describe('a past meeting', () => {
  it('can be corrected: check-in notes, host, covered items and parts; a host who was not a member then is refused', async () => {
    const core = await openTestCore();
    const { crew, me, ada, bea } = await crewOfFour(core);
    const part = await core.call('parts.create', { name: 'The planner', role: 'manager' });
    const budget = await core.call('agendaItems.add', { crewId: crew.id, text: 'Budget' });
    const intro = await core.call('agendaItems.add', { crewId: crew.id, text: 'Introductions' });
    const meeting = await core.call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-09-03',
      hostId: me.id,
      checkinNotes: [{ personId: ada.id, note: 'Tired' }],
      coveredAgendaItemIds: [intro.id],
    });
    expect(meeting.coverable.map((i) => i.text)).toEqual(['Budget']);

    const outsider = await core.call('people.create', { name: 'Zed' });
    expect(await core.send('meetings.update', { id: meeting.id, hostId: outsider.id, notes: 'lost?' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'hostId' } });
    expect(await core.send('meetings.update', { id: meeting.id, checkins: [{ personId: outsider.id, attended: true, note: '' }] })).toMatchObject({
      ok: false,
      error: { field: 'checkins.0.personId' },
    });
    expect((await core.call('meetings.get', { id: meeting.id })).notes).toBe('');

    const updated = await core.call('meetings.update', {
      id: meeting.id,
      place: 'Online',
      hostId: bea.id,
      checkins: [
        { personId: ada.id, attended: true, note: 'Tired but glad' },
        { personId: me.id, attended: false, note: '' },
      ],
      coveredAgendaItemIds: [budget.id],
      partIds: [part.id],
    });
    expect(updated).toMatchObject({ place: 'Online', hostId: bea.id, partIds: [part.id] });
    expect(updated.checkins.find((c) => c.personId === ada.id)).toEqual({ personId: ada.id, attended: true, note: 'Tired but glad' });
    expect(updated.checkins.find((c) => c.personId === me.id)?.attended).toBe(false);
    expect(updated.covered.map((i) => i.text)).toEqual(['Budget']);
    // Unticked, Introductions is back on the agenda and carries over from here on.
    const prep = await core.call('crews.prep', { id: crew.id, today });
    expect([...prep.carried, ...prep.fresh].map((i) => i.text)).toEqual(['Introductions']);
    expect(prep.carried[0]?.carried).toBe(1);
    expect((await core.call('meetings.update', { id: meeting.id, partIds: [] })).partIds).toEqual([]);
    expect((await core.call('meetings.update', { id: meeting.id, partIds: [part.id] })).partIds).toEqual([part.id]);
  });

  it('can be deleted with its action items, its covered items going back on the agenda, and restored by Undo', async () => {
    const core = await openTestCore();
    const { crew, bea } = await crewOfFour(core);
    const item = await core.call('agendaItems.add', { crewId: crew.id, text: 'Budget' });
    const meeting = await core.call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-09-03',
      coveredAgendaItemIds: [item.id],
      actionItems: [{ text: 'Book a room', ownerId: bea.id }],
    });
    await core.call('meetings.delete', { id: meeting.id });
    let detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.meetings).toEqual([]);
    expect(detail.openActionItems).toEqual([]);
    expect(detail.card.progress.held).toBe(0);
    expect((await core.call('crews.prep', { id: crew.id, today })).fresh.map((i) => i.text)).toEqual(['Budget']);
    expect(await core.send('meetings.get', { id: meeting.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const back = await core.call('meetings.restore', { id: meeting.id });
    expect(back.covered.map((i) => i.text)).toEqual(['Budget']);
    expect(back.actionItems.map((a) => a.text)).toEqual(['Book a room']);
    detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.meetings).toHaveLength(1);
    expect(detail.openActionItems).toHaveLength(1);
    expect((await core.call('crews.prep', { id: crew.id, today })).fresh).toEqual([]);
  });

  it('adds an action item to a meeting that was held', async () => {
    const core = await openTestCore();
    const { crew, ada } = await crewOfFour(core);
    const meeting = await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03' });
    await core.call('actionItems.add', { crewId: crew.id, meetingId: meeting.id, text: 'Send notes', ownerId: ada.id });
    expect((await core.call('meetings.get', { id: meeting.id })).actionItems.map((a) => a.text)).toEqual(['Send notes']);
  });
});

describe('editing a crew', () => {
  it('removes a member and keeps their history: meetings, open action items and their name', async () => {
    const core = await openTestCore();
    const { crew, me, ada, bea, cy } = await crewOfFour(core);
    const meeting = await core.call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-09-03',
      hostId: cy.id,
      checkinNotes: [{ personId: cy.id, note: 'Excited' }],
      actionItems: [{ text: 'Find a venue', ownerId: cy.id }],
    });
    await core.call('crews.planNext', { id: crew.id, on: null, hostId: cy.id });
    const dan = await core.call('people.create', { name: 'Dan' });
    const edited = await core.call('crews.update', { id: crew.id, name: 'Morning crew', memberIds: [me.id, ada.id, bea.id, dan.id], agreements: ['Confidential', 'Phones away'] });
    expect(edited.members.map((m) => m.name)).toEqual(['Me', 'Ada', 'Bea', 'Dan']);
    expect(edited.agreements).toEqual(['Confidential', 'Phones away']);

    const detail = await core.call('crews.get', { id: crew.id, today });
    expect(detail.formerMembers.map((m) => m.name)).toEqual(['Cy']);
    expect(detail.openActionItems.map((a) => a.ownerId)).toEqual([cy.id]);
    expect(detail.meetings[0]?.hostId).toBe(cy.id);
    const kept = await core.call('meetings.get', { id: meeting.id });
    expect(kept.checkins.find((c) => c.personId === cy.id)?.note).toBe('Excited');
    expect(kept.checkins.some((c) => c.personId === dan.id)).toBe(false);
    // Cy can no longer host the next meeting.
    expect((await core.call('crews.prep', { id: crew.id, today })).hostChosen).toBe(false);
    // A member who left cannot own new action items.
    expect(await core.send('actionItems.add', { crewId: crew.id, text: 'x', ownerId: cy.id })).toMatchObject({ ok: false, error: { code: 'validation', field: 'ownerId' } });
  });

  it('refuses a cycle of 0 sessions and an unknown member, writing nothing', async () => {
    const core = await openTestCore();
    const { crew } = await crewOfFour(core);
    expect(await core.send('crews.update', { id: crew.id, name: 'New', cycleSessions: 0 })).toMatchObject({ ok: false, error: { field: 'cycleSessions' } });
    expect(await core.send('crews.update', { id: crew.id, name: 'New', memberIds: ['01890000-0000-7000-8000-000000000000'] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'memberIds.0' },
    });
    expect((await core.call('crews.get', { id: crew.id, today })).crew).toMatchObject({ name: 'Thursday crew' });
  });
});

describe("a cycle's end", () => {
  it('cannot come before the day the crew is called; nothing is written', async () => {
    const core = await openTestCore();
    const early = await core.send('crews.create', { name: 'Winter crew', startedOn: '2026-11-27', cycleEndOn: '2026-01-01' });
    expect(early).toMatchObject({ ok: false, error: { code: 'validation', field: 'cycleEndOn' } });
    expect(early.ok ? '' : early.error.message).toContain('before the crew is called');
    expect(await core.call('crews.list', { today: '2026-11-27' })).toEqual({ active: [], past: [] });
    // The same day is a (very short) cycle.
    const crew = await core.call('crews.create', { name: 'Winter crew', startedOn: '2026-11-27', cycleEndOn: '2026-11-27' });
    expect(crew.cycleEndOn).toBe('2026-11-27');
  });

  it('cannot be moved before the day its cycle began: the calling, or the retrospective that began it', async () => {
    const core = await openTestCore();
    const { crew, me } = await crewOfFour(core);
    const before = await core.send('crews.update', { id: crew.id, cycleEndOn: '2026-08-31' });
    expect(before).toMatchObject({ ok: false, error: { code: 'validation', field: 'cycleEndOn' } });
    expect((await core.call('crews.get', { id: crew.id, today })).crew.cycleEndOn).toBeNull();

    await core.call('crews.setStage', { id: crew.id, stage: 'forming', on: '2026-09-02' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id });
    await core.call('crews.retrospective', { crewId: crew.id, heldOn: '2026-10-01', decision: 'new_cycle' });
    // Cycle 2 began at the retrospective: a day after the calling but before it is refused.
    expect(await core.send('crews.update', { id: crew.id, cycleEndOn: '2026-09-15' })).toMatchObject({ ok: false, error: { field: 'cycleEndOn' } });
    expect((await core.call('crews.update', { id: crew.id, cycleEndOn: '2026-12-01' })).cycleEndOn).toBe('2026-12-01');
  });
});
