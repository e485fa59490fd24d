import { describe, expect, it } from 'vitest';
import type { SearchHit, TextPiece } from '../../shared/domain/search';
import { openTestCore, type TestCore } from '../support/core';

/** How a hit reads: a renegotiated promise's two wordings apart, and whose check-in round, in which crew. */

const marked = (pieces: TextPiece[]) => pieces.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');

async function hits(test: TestCore, text: string, kind: string): Promise<SearchHit[]> {
  return (await test.call('search.query', { text, limit: 20 })).groups.find((g) => g.kind === kind)?.hits ?? [];
}

async function promises(test: TestCore) {
  const ada = await test.call('people.create', { name: 'Ada' });
  const dyad = await test.call('dyads.create', { personId: ada.id, kind: 'peer_coach' });
  const promise = (text: string) => test.call('commitments.create', { dyadId: dyad.id, direction: 'mine', text, madeOn: '2026-11-02' });
  return { promise, dyad };
}

describe('a commitment found by search', () => {
  it('reads "now: … (was: …)" once renegotiated, marked where it matched', async () => {
    const test = await openTestCore();
    const { promise } = await promises(test);
    const first = await promise('I will send the draft by Friday');
    const { renewed } = await test.call('commitments.resolve', {
      id: first.id,
      status: 'renegotiated',
      newTerms: 'I will send the draft by next Wednesday',
      newDueOn: null,
      on: '2026-11-06',
    });

    // Found by its first wording: it says what it is now, and why it matched.
    const byOld = await hits(test, 'Friday', 'commitment');
    expect(byOld.map((h) => h.id)).toEqual([first.id]);
    expect(marked(byOld[0]?.snippet ?? [])).toBe('now: I will send the draft by next Wednesday (was: I will send the draft by [Friday])');

    // Found by the new terms: the renegotiated one and the open one that carries them on.
    const byNew = await hits(test, 'Wednesday', 'commitment');
    expect(byNew.map((h) => h.id).sort()).toEqual([first.id, renewed?.id].sort());
    const snippets = new Map(byNew.map((h) => [h.id, marked(h.snippet)]));
    expect(snippets.get(first.id)).toBe('now: I will send the draft by next [Wednesday] (was: I will send the draft by Friday)');
    expect(snippets.get(renewed?.id ?? '')).toBe('I will send the draft by next [Wednesday]');

    // Words from both wordings: every one marked where it is.
    const both = await hits(test, 'draft friday', 'commitment');
    expect(both.map((h) => marked(h.snippet))).toEqual(['now: I will send the [draft] by next Wednesday (was: I will send the [draft] by [Friday])']);
  });

  it('keeps a note on a released or kept one apart from the promise', async () => {
    const test = await openTestCore();
    const { promise } = await promises(test);
    const released = await promise('Call my mother every week');
    await test.call('commitments.resolve', { id: released.id, status: 'released', note: 'Life got busy, and that is fine', on: '2026-11-09' });
    const kept = await promise('Call the plumber');
    await test.call('commitments.resolve', { id: kept.id, status: 'kept', on: '2026-11-09' });
    expect((await hits(test, 'busy', 'commitment')).map((h) => marked(h.snippet))).toEqual(['Call my mother every week · Life got [busy], and that is fine']);
    expect((await hits(test, 'plumber', 'commitment')).map((h) => marked(h.snippet))).toEqual(['Call the [plumber]']);
    // The accessible name's snippet is the same text.
    expect((await hits(test, 'call', 'commitment')).length).toBe(2);
  });

  it('says whose it is: "My commitment to Ada", "Ada’s commitment", marked where the name matched', async () => {
    const test = await openTestCore();
    const { promise, dyad } = await promises(test);
    await promise('Write the letter together');
    await test.call('commitments.create', { dyadId: dyad.id, direction: 'theirs', text: 'Read the letter aloud', madeOn: '2026-11-02' });
    expect((await hits(test, 'letter', 'commitment')).map((h) => marked(h.title)).sort()).toEqual(['Ada’s commitment', 'My commitment to Ada']);
    expect((await hits(test, 'ada', 'commitment')).map((h) => marked(h.title)).sort()).toEqual(['My commitment to [Ada]', '[Ada]’s commitment']);
  });
});

describe('a crew check-in round found by search', () => {
  it('names whose round it was, "(you)" for mine, the crew, and its meeting’s day, kept when the meeting is redated', async () => {
    const test = await openTestCore();
    const me = await test.call('people.create', { name: 'Ada Lovelace', isMe: true });
    const bea = await test.call('people.create', { name: 'Bea' });
    const cy = await test.call('people.create', { name: 'Cy' });
    const crew = await test.call('crews.create', {
      name: 'Thursday case clinic',
      callerId: me.id,
      intention: 'Six case clinics',
      startedOn: '2026-09-01',
      rhythmDays: 14,
      cycleSessions: 6,
      memberIds: [me.id, bea.id, cy.id],
      agreements: [],
    });
    const meeting = await test.call('meetings.create', {
      crewId: crew.id,
      heldOn: '2026-10-01',
      attendeeIds: [me.id, bea.id, cy.id],
      checkinNotes: [
        { personId: me.id, note: 'Sleepy but glad to be here' },
        { personId: bea.id, note: 'Glad the rain stopped' },
      ],
    });
    const found = await hits(test, 'glad', 'meeting_checkin_note');
    const titles = new Map(found.map((h) => [marked(h.title), h]));
    expect([...titles.keys()].sort()).toEqual(['Ada Lovelace (you) · Thursday case clinic', 'Bea · Thursday case clinic']);
    const mine = titles.get('Ada Lovelace (you) · Thursday case clinic');
    expect(mine?.day).toBe('2026-10-01');
    expect(mine?.target).toEqual({ page: 'crews', detail: { kind: 'meeting', id: meeting.id } });
    // Found by my name, the name is marked and "(you)" is not.
    expect((await hits(test, 'lovelace', 'meeting_checkin_note')).map((h) => marked(h.title))).toEqual(['Ada [Lovelace] (you) · Thursday case clinic']);

    // The meeting's day corrected: the round is said on the new day, and filtered by it.
    await test.call('meetings.update', { id: meeting.id, heldOn: '2026-10-02' });
    expect((await hits(test, 'glad', 'meeting_checkin_note')).map((h) => h.day)).toEqual(['2026-10-02', '2026-10-02']);
    const onTheDay = await test.call('search.query', { text: 'glad', filters: { from: '2026-10-02', to: '2026-10-02' } });
    expect(onTheDay.groups.find((g) => g.kind === 'meeting_checkin_note')?.total).toBe(2);
    // A renamed crew reads its new name.
    await test.call('crews.update', { id: crew.id, name: 'Thursday clinic' });
    expect((await hits(test, 'rain', 'meeting_checkin_note')).map((h) => marked(h.title))).toEqual(['Bea · Thursday clinic']);
  });

  it('names the person marked as me "(you)" in People and among a network’s hosts too, and never "Me (you)"', async () => {
    const test = await openTestCore();
    const me = await test.call('people.create', { name: 'Ada Lovelace', isMe: true, notes: 'Writes notes on engines' });
    await test.call('people.create', { name: 'Ada Byron', notes: 'Poet of engines' });
    expect((await hits(test, 'engines', 'person')).map((h) => marked(h.title)).sort()).toEqual(['Ada Byron', 'Ada Lovelace (you)']);
    await test.call('people.update', { id: me.id, name: 'Me' });
    expect((await hits(test, 'engines', 'person')).map((h) => marked(h.title)).sort()).toEqual(['Ada Byron', 'Me']);
  });
});

describe('a part found by search', () => {
  it('keeps its role and fields apart, not run together as one sentence', async () => {
    const test = await openTestCore();
    await test.call('parts.create', { name: 'The Critic', role: 'manager', job: 'Checks every word before anyone sees it', fears: 'Being laughed at' });
    expect((await hits(test, 'critic', 'part')).map((h) => marked(h.snippet))).toEqual(['Manager · Checks every word before anyone sees it · Being laughed at']);
    expect((await hits(test, 'laughed', 'part')).map((h) => marked(h.snippet))).toEqual(['Manager · Checks every word before anyone sees it · Being [laughed] at']);
    // A role not known yet says nothing, as on the part's page it says "Not sure yet" only beside the name.
    await test.call('parts.create', { name: 'Hider', notes: 'Stays quiet' });
    expect((await hits(test, 'hider', 'part')).map((h) => marked(h.snippet))).toEqual(['Stays quiet']);
  });
});

describe('a dyad found by search', () => {
  it('keeps its kind and intention apart, as the dyad’s page does', async () => {
    const test = await openTestCore();
    const ines = await test.call('people.create', { name: 'Ines' });
    await test.call('dyads.create', { personId: ines.id, kind: 'creative_partner', intention: 'Finish the mural together' });
    expect((await hits(test, 'mural', 'dyad')).map((h) => marked(h.snippet))).toEqual(['Creative partner · Finish the [mural] together']);
  });
});
