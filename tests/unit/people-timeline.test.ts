import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

describe("a person's timeline", () => {
  it('holds check-ins, commitments, the dyad and entries that mention them, newest first', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada Lovelace' });
    const bea = await call('people.create', { name: 'Bea' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'creative_partner', startedOn: '2026-09-01' });
    const other = await call('dyads.create', { personId: bea.id, kind: 'friend', startedOn: '2026-09-02' });
    const checkin = await call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-01', iHeard: 'She is writing again', dial: 4 });
    await call('checkins.create', { dyadId: other.id, checkinDate: '2026-10-02' });
    const promise = await call('commitments.create', { dyadId: dyad.id, checkinId: checkin.id, direction: 'theirs', text: 'Share chapter one', madeOn: '2026-10-01' });
    await call('commitments.resolve', { id: promise.id, status: 'kept', on: '2026-10-20' });
    await call('journal.create', { title: 'Coffee with ada lovelace', body: 'Good talk.', entryDate: '2026-10-05' });
    await call('journal.create', { title: 'Walk', body: 'Thinking about what Ada Lovelace said.', entryDate: '2026-10-06' });
    await call('journal.create', { title: 'Alone', body: 'Ada only, not the full name.', entryDate: '2026-10-07' });
    const gone = await call('journal.create', { title: 'Ada Lovelace draft', entryDate: '2026-10-08' });
    await call('journal.delete', { id: gone.id });

    const { items, nextCursor } = await call('people.timeline', { id: ada.id });
    expect(nextCursor).toBeNull();
    expect(items.map((item) => [item.kind, item.date])).toEqual([
      ['entry', '2026-10-06'],
      ['entry', '2026-10-05'],
      ['checkin', '2026-10-01'],
      ['commitment', '2026-10-01'],
      ['dyad', '2026-09-01'],
    ]);
    expect(items[3]).toMatchObject({ kind: 'commitment', direction: 'theirs', text: 'Share chapter one', status: 'kept' });
    expect(items[2]).toMatchObject({ kind: 'checkin', dial: 4, excerpt: 'She is writing again' });
  });

  it("shows a dyad's close with its words, above what else happened that day, and not once reopened", async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'friend', startedOn: '2026-09-01' });
    await call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-10-01' });
    await call('dyads.setStatus', { id: dyad.id, status: 'closed', closingNote: 'We moved apart, kindly.', today: '2026-10-01' });

    const { items } = await call('people.timeline', { id: ada.id });
    expect(items.map((item) => [item.kind, item.date])).toEqual([
      ['dyadClosed', '2026-10-01'],
      ['checkin', '2026-10-01'],
      ['dyad', '2026-09-01'],
    ]);
    expect(items[0]).toMatchObject({ id: dyad.id, dyadKind: 'friend', closingNote: 'We moved apart, kindly.' });

    // A page boundary between the close and the check-in of the same day loses neither.
    const first = await call('people.timeline', { id: ada.id, limit: 1 });
    const rest = await call('people.timeline', { id: ada.id, limit: 5, after: first.nextCursor ?? '' });
    expect([...first.items, ...rest.items].map((item) => item.kind)).toEqual(['dyadClosed', 'checkin', 'dyad']);

    await call('dyads.setStatus', { id: dyad.id, status: 'active', today: '2026-10-05' });
    const reopened = await call('people.timeline', { id: ada.id });
    expect(reopened.items.map((item) => item.kind)).toEqual(['checkin', 'dyad']);
  });

  it('pages through a long history without losing or repeating anything', async () => {
    const { call } = await openTestCore();
    const ada = await call('people.create', { name: 'Ada' });
    const dyad = await call('dyads.create', { personId: ada.id, kind: 'friend', startedOn: '2026-01-01' });
    for (let day = 1; day <= 9; day += 1) {
      const date = `2026-02-${String(day).padStart(2, '0')}`;
      await call('checkins.create', { dyadId: dyad.id, checkinDate: date });
      await call('journal.create', { title: `Ada on day ${day}`, entryDate: date });
      if (day % 3 === 0) await call('commitments.create', { dyadId: dyad.id, direction: 'mine', text: `promise ${day}`, madeOn: date });
    }
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await call('people.timeline', { id: ada.id, limit: 4, ...(after ? { after } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((item) => item.id));
      after = page.nextCursor ?? undefined;
      pages += 1;
    } while (after !== undefined && pages < 20);
    expect(seen).toHaveLength(9 + 9 + 3 + 1);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('matches names literally, so % and _ in a name are not wildcards', async () => {
    const { call } = await openTestCore();
    const odd = await call('people.create', { name: '100%_Sam' });
    await call('journal.create', { title: 'Saw 100%_Sam today', entryDate: '2026-10-01' });
    await call('journal.create', { title: 'Saw 100xxSam today', entryDate: '2026-10-02' });
    const { items } = await call('people.timeline', { id: odd.id });
    expect(items.map((item) => item.date)).toEqual(['2026-10-01']);
  });
});
