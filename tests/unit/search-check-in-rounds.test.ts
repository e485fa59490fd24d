import { describe, expect, it } from 'vitest';
import { up as indexSpokenRoundsOnly } from '../../electron/core/db/migrations/0021-search-spoken-rounds';
import { openTestCore, type TestCore } from '../support/core';
import { crewOfFour } from './crews-fixtures';

/** The check-in rounds search finds for `text`, as "person · crew: note". */
async function rounds(core: TestCore, text: string) {
  const found = await core.call('search.query', { text });
  const group = found.groups.find((each) => each.kind === 'meeting_checkin_note');
  return (group?.hits ?? []).map((hit) => `${hit.title.map((p) => p.text).join('')}: ${hit.snippet.map((p) => p.text).join('')}`);
}

describe('search over crew check-in rounds', () => {
  it('finds a round in which something was noted, not the silent rows of everyone else', async () => {
    const core = await openTestCore();
    const { crew, ada, bea } = await crewOfFour(core);
    // Bea missed it; Cy and I said nothing worth noting.
    const meeting = await core.call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-10-01',
      attendeeIds: crew.members.filter((m) => m.personId !== bea.id).map((m) => m.personId),
      checkinNotes: [{ personId: ada.id, note: 'Sleepy but glad' }],
    });
    expect(await rounds(core, 'Ada')).toEqual(['Ada · Thursday crew: Sleepy but glad']);
    expect(await rounds(core, 'Bea')).toEqual([]);
    expect(await rounds(core, 'Cy')).toEqual([]);

    // A note added later is found; one cleared again is not.
    const checkins = (note: string) =>
      crew.members.map((m) => ({ personId: m.personId, attended: m.personId !== bea.id, note: m.personId === ada.id ? 'Sleepy but glad' : m.personId === bea.id ? note : '' }));
    await core.call('meetings.update', { id: meeting.id, checkins: checkins('Sent her love from the coast') });
    expect(await rounds(core, 'Bea')).toEqual(['Bea · Thursday crew: Sent her love from the coast']);
    await core.call('meetings.update', { id: meeting.id, checkins: checkins('  ') });
    expect(await rounds(core, 'Bea')).toEqual([]);
  });

  it('leaves the silent rounds an earlier version indexed out of the index when the archive is updated', async () => {
    const test = await openTestCore();
    const { crew, ada } = await crewOfFour(test);
    await test.call('meetings.create', { crewId: crew.id, heldOn: '2026-10-01', attendeeIds: crew.members.map((m) => m.personId), checkinNotes: [{ personId: ada.id, note: 'Glad' }] });
    const sqlite = test.core.archive.sqlite;
    // As the triggers before 0021 did: every member's round indexed, said or silent.
    sqlite.exec(`INSERT INTO search_doc (kind, record_id, rung, day)
      SELECT 'meeting_checkin_note', t.id, 'crews', '2026-10-01' FROM meeting_checkin_note t WHERE trim(t.note) = ''`);
    sqlite.exec(`INSERT INTO search_text (rowid, title, body, meta)
      SELECT d.doc_id, p.name, '', 'kmeetingcheckinnote rcrews' FROM search_doc d JOIN meeting_checkin_note t ON t.id = d.record_id JOIN person p ON p.id = t.person_id
      WHERE d.kind = 'meeting_checkin_note' AND trim(t.note) = ''`);
    expect(await rounds(test, 'Cy')).toHaveLength(1);
    // What the update does to an archive from before it.
    await indexSpokenRoundsOnly(test.core.archive.db);
    expect(await rounds(test, 'Cy')).toEqual([]);
    expect(await rounds(test, 'Ada')).toEqual(['Ada · Thursday crew: Glad']);
  });
});
