import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

describe('meetings, carry-over and the prep', () => {
  it('keeps on a meeting’s record what was on its agenda and stayed open, once a later meeting covers it', async () => {
    const core = await openTestCore();
    const { crew, me } = await crewOfFour(core);
    const budget = await core.call('agendaItems.add', { crewId: crew.id, text: 'Budget for the retreat' });
    const host = await core.call('agendaItems.add', { crewId: crew.id, text: 'Who hosts in January?' });
    await core.call('agendaItems.add', { crewId: crew.id, text: 'My worry about time', private: true });
    const first = await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id, coveredAgendaItemIds: [budget.id] });
    const second = await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-17', hostId: me.id, coveredAgendaItemIds: [host.id] });
    const raisedLater = await core.call('agendaItems.add', { crewId: crew.id, text: 'Raised after the second' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-10-01', hostId: me.id, coveredAgendaItemIds: [raisedLater.id] });

    const record = await core.call('meetings.get', { id: first.id });
    expect(record.covered.map((item) => item.text)).toEqual(['Budget for the retreat']);
    expect(record.coverable.map((item) => item.text)).toEqual(['My worry about time']);
    expect(record.coveredLater.map((item) => [item.text, item.coveredInNumber, item.carried])).toEqual([['Who hosts in January?', 2, 1]]);
    expect((await core.call('meetings.get', { id: second.id })).coveredLater).toEqual([]);
  });

  it('carries agenda items not covered to the next meeting by themselves, counting how often', async () => {
    const core = await openTestCore();
    const { crew, me, ada } = await crewOfFour(core);
    const budget = await core.call('agendaItems.add', { crewId: crew.id, text: 'Budget for the retreat', raisedById: ada.id });
    const intro = await core.call('agendaItems.add', { crewId: crew.id, text: 'Introductions' });
    const mine = await core.call('agendaItems.add', { crewId: crew.id, text: 'Ask about my tiredness', private: true });
    expect(budget.carried).toBe(0);

    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id, coveredAgendaItemIds: [intro.id] });
    let prep = await core.call('crews.prep', { id: crew.id, today: '2026-09-04' });
    expect(prep.carried.map((i) => [i.text, i.carried])).toEqual([
      ['Budget for the retreat', 1],
      ['Ask about my tiredness', 1],
    ]);
    await core.call('agendaItems.add', { crewId: crew.id, text: 'Holidays' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-17', coveredAgendaItemIds: [mine.id] });
    prep = await core.call('crews.prep', { id: crew.id, today: '2026-09-18' });
    expect(prep.carried.map((i) => [i.text, i.carried])).toEqual([
      ['Budget for the retreat', 2],
      ['Holidays', 1],
    ]);
    expect(prep.fresh).toEqual([]);
    // The covered one shows in its meeting's record with how often it carried first.
    const detail = await core.call('crews.get', { id: crew.id, today: '2026-09-18' });
    const second = await core.call('meetings.get', { id: detail.meetings[1]!.id });
    expect(second.covered.map((i) => [i.text, i.carried])).toEqual([['Ask about my tiredness', 1]]);
    // Dropping an item takes it off the agenda.
    await core.call('agendaItems.setStatus', { id: budget.id, status: 'dropped' });
    prep = await core.call('crews.prep', { id: crew.id, today: '2026-09-18' });
    expect(prep.carried.map((i) => i.text)).toEqual(['Holidays']);
  });

  it('keeps action items visible until done or dropped, and only members can own them', async () => {
    const core = await openTestCore();
    const { crew, me, bea } = await crewOfFour(core);
    const stranger = await core.call('people.create', { name: 'Stranger' });
    const bad = await core.send('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-09-03',
      actionItems: [
        { text: 'Book a room', ownerId: bea.id },
        { text: 'Bring tea', ownerId: stranger.id },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', field: 'actionItems.1.ownerId' } });
    expect(await core.send('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: stranger.id })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'hostId' },
    });
    // Nothing half-written: no meeting, no stage change.
    expect((await core.call('crews.get', { id: crew.id, today: '2026-09-03' })).meetings).toEqual([]);

    const meeting = await core.call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-09-03',
      hostId: me.id,
      focusId: bea.id,
      checkinNotes: [{ personId: bea.id, note: 'Tired but glad' }],
      actionItems: [{ text: 'Book a room', ownerId: bea.id, dueOn: '2026-09-10' }],
    });
    expect(meeting.checkins.find((c) => c.personId === bea.id)).toEqual({ personId: bea.id, attended: true, note: 'Tired but glad' });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-17' });
    let prep = await core.call('crews.prep', { id: crew.id, today: '2026-09-18' });
    expect(prep.openActionItems.map((a) => a.text)).toEqual(['Book a room']);
    await core.call('actionItems.setStatus', { id: meeting.actionItems[0]!.id, status: 'done', on: '2026-09-18' });
    prep = await core.call('crews.prep', { id: crew.id, today: '2026-09-18' });
    expect(prep.openActionItems).toEqual([]);
  });

  it('suggests the next host and focus from history, and session n of N', async () => {
    const core = await openTestCore();
    const { crew, me, ada, bea, cy } = await crewOfFour(core);
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id, focusId: ada.id });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-17', hostId: ada.id, focusId: bea.id });
    const prep = await core.call('crews.prep', { id: crew.id, today: '2026-09-18' });
    expect(prep.suggestedHostId).toBe(bea.id);
    expect(prep.suggestedFocusId).toBe(me.id);
    expect(prep.iAmFocus).toBe(true);
    expect(prep.session).toMatchObject({ next: 3, sessions: 6 });
    expect(prep.date).toBe('2026-10-01');
    const detail = await core.call('crews.get', { id: crew.id, today: '2026-09-18' });
    expect(detail.rotation.map((r) => [r.name, r.hosted, r.focus])).toEqual([
      ['Me', 1, 0],
      ['Ada', 1, 1],
      ['Bea', 0, 1],
      ['Cy', 0, 0],
    ]);
    void cy;
  });

  it('exports the prep as Markdown for the crew, leaving my private items out', async () => {
    const core = await openTestCore();
    const { crew, me, ada } = await crewOfFour(core);
    await core.call('agendaItems.add', { crewId: crew.id, text: 'Budget\nfor the retreat', raisedById: ada.id });
    await core.call('agendaItems.add', { crewId: crew.id, text: 'My secret worry', private: true });
    await core.call('meetings.create', { crewId: crew.id, heldOn: '2026-09-03', hostId: me.id, focusId: ada.id, actionItems: [{ text: 'Book a room', ownerId: ada.id, dueOn: '2026-09-10' }] });
    await core.call('agendaItems.add', { crewId: crew.id, text: 'Holidays' });
    const { markdown, fileName } = await core.call('crews.prepMarkdown', { id: crew.id, today: '2026-09-04' });
    expect(fileName).toBe('Thursday crew - next meeting 2026-09-17.md');
    expect(markdown).toBe(
      [
        '# Thursday crew: next meeting',
        '',
        '- **Date:** 2026-09-17',
        '- **Session:** 2 of 6 (cycle 1)',
        '- **Host:** Ada',
        '- **Focus (case-giver):** me (who shared this)',
        '',
        '## Agenda',
        '',
        '### Carried over',
        '',
        '- Budget for the retreat (raised by Ada) — carried over once',
        '',
        '### New',
        '',
        '- Holidays',
        '',
        '## Open action items',
        '',
        '- [ ] Book a room — Ada (by 2026-09-10)',
        '',
        '## Our agreements',
        '',
        '- What is said here stays here',
        '',
      ].join('\n'),
    );
    expect(markdown).not.toContain('secret');

    // Saved where the person says, never over an earlier copy.
    const folder = path.join(core.dataDir, 'shared');
    mkdirSync(folder);
    const first = await core.call('crews.savePrepMarkdown', { id: crew.id, today: '2026-09-04', folder });
    const second = await core.call('crews.savePrepMarkdown', { id: crew.id, today: '2026-09-04', folder });
    expect(path.basename(first.path)).toBe(fileName);
    expect(path.basename(second.path)).toBe('Thursday crew - next meeting 2026-09-17 (2).md');
    expect(readFileSync(first.path, 'utf8')).toBe(markdown);
    // A folder that is not there yet is made (see crews-shared-names.test.ts); a file is not a folder.
    expect(await core.send('crews.savePrepMarkdown', { id: crew.id, today: '2026-09-04', folder: first.path })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'folder' },
    });
  });
});
