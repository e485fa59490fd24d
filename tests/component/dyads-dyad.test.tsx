import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

async function openDyad() {
  const bridge = coreBridge();
  const ada = await bridge.direct('people.create', { name: 'Ada' });
  const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'steward', rhythmDays: 30, agreements: ['Monthly, on a walk'] });
  const view = renderApp();
  act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
  await screen.findByRole('heading', { name: /Ada · Steward/, level: 1 });
  return { ...view, dyad };
}

describe("a dyad's page", () => {
  it('edits the rhythm and agreements', async () => {
    const { user, dyad } = await openDyad();
    expect(screen.getByText('Monthly, on a walk')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit dyad' }));
    const rhythm = await screen.findByLabelText('Rhythm: every … days');
    expect(rhythm).toHaveValue('30');
    await user.clear(rhythm);
    await user.type(rhythm, '7');
    // The same agreement twice (pasted again, say) is kept once.
    await user.type(screen.getByLabelText('Agreements, one per line'), '{enter}We can both say no{enter}  We can both say no');
    await user.click(screen.getByRole('button', { name: 'Save dyad' }));
    expect(await screen.findByText('Every week')).toBeInTheDocument();
    expect(screen.getAllByText('We can both say no')).toHaveLength(1);
    expect((await coreBridge().direct('dyads.get', { id: dyad.id })).agreements.map((a) => a.text)).toEqual(['Monthly, on a walk', 'We can both say no']);
  });

  it('says, before closing, how many commitments are still open, and they can still be settled once closed', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'steward', rhythmDays: 30 });
    await bridge.direct('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Send the article', madeOn: '2026-11-01' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    await screen.findByRole('heading', { name: /Ada · Steward/, level: 1 });
    await user.click(screen.getByRole('button', { name: 'Close gracefully…' }));
    expect(screen.getByText(/1 commitment is still open\. Closing keeps it with this dyad’s history/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Closing note'), 'We both moved on.');
    await user.click(screen.getByRole('button', { name: 'Close gracefully' }));
    expect(await screen.findByText(/Closed gracefully.*We both moved on\./)).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /Kept/ }));
    await waitFor(async () => expect((await bridge.direct('commitments.list', { dyadId: dyad.id, which: 'all' }))[0]?.status).toBe('kept'));
  });

  it('asks about a start still ahead, and describes its one check-in in a sentence', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'steward', rhythmDays: 30 });
    await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: localDay(), dial: 4 });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    await screen.findByRole('heading', { name: /Ada · Steward/, level: 1 });
    expect(await screen.findByRole('img', { name: /^One check-in with the dial at 4, .*, today\.$/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit dyad' }));
    const started = await screen.findByLabelText('Started on');
    expect(started).toHaveAccessibleDescription('Optional: clear it if the day doesn’t matter.');
    await user.clear(started);
    await user.type(started, '2099-05-01');
    expect(started).toHaveAccessibleDescription('That day is still ahead: is the date right? Optional: clear it if the day doesn’t matter.');
  });

  it('steps back from the closing note with Escape, keeping the words for the next try', async () => {
    const { user, dyad } = await openDyad();
    await user.click(screen.getByRole('button', { name: 'Close gracefully…' }));
    await user.type(screen.getByLabelText('Closing note'), 'Not yet, maybe');
    await user.keyboard('{Escape}');
    expect(screen.queryByLabelText('Closing note')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Close gracefully…' })).toHaveFocus());
    expect((await coreBridge().direct('dyads.get', { id: dyad.id })).status).toBe('active');

    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('Closing note')).toHaveValue('Not yet, maybe');
  });

  it('pauses, picks up again, and closes gracefully only with a closing note', async () => {
    const { user, dyad } = await openDyad();
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('Resting for now')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pick up again' }));
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close gracefully…' }));
    const note = screen.getByLabelText('Closing note');
    expect(note).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Close gracefully' }));
    expect(await screen.findByText(/A few words on how this dyad closes/)).toBeInTheDocument();
    expect((await coreBridge().direct('dyads.get', { id: dyad.id })).status).toBe('active');
    await user.type(note, 'A good year; we both moved on kindly.');
    await user.click(screen.getByRole('button', { name: 'Close gracefully' }));
    expect(await screen.findByText(/Closed gracefully.*A good year; we both moved on kindly\./)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to Dyads' }));
    const closed = await screen.findByRole('region', { name: 'Closed gracefully' });
    expect(within(closed).getByRole('button', { name: /Ada/ })).toBeInTheDocument();
  });

  it('settles open commitments right on the page: kept, with Undo; renegotiated; released openly', async () => {
    const bridge = coreBridge();
    const sam = await bridge.direct('people.create', { name: 'Sam' });
    const dyad = await bridge.direct('dyads.create', { personId: sam.id, kind: 'peer_coach' });
    const made = { dyadId: dyad.id, madeOn: '2026-11-01' };
    const draft = await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Send Sam the draft chapter' });
    await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Book the cabin' });
    await bridge.direct('commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const mine = await screen.findByRole('list', { name: 'My open commitments' });
    expect(screen.getByRole('region', { name: 'Open commitments' })).toHaveTextContent('Keeping, renegotiating and openly releasing are all honest ways to close a loop.');

    // Kept, without pretending a check-in happened; focus moves on to the next one.
    await user.click(within(mine).getByRole('button', { name: 'Kept: Send Sam the draft chapter' }));
    expect(await screen.findByText('Kept: “Send Sam the draft chapter”')).toBeInTheDocument();
    await waitFor(() => expect(within(mine).queryByText('Send Sam the draft chapter')).not.toBeInTheDocument());
    // Focus stays in my list (newest first, so the one before it): on its words, not its Kept
    // button, so a second Enter settles nothing by accident; never over on Sam’s list.
    const next = within(mine).getByText('Book the cabin').closest('.commitment-words');
    expect(next).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Kept: Book the cabin' })).toBeInTheDocument();
    expect(coreBridge().callsOf('commitments.resolve')).toHaveLength(1);
    expect(within(screen.getByRole('list', { name: 'Lately settled commitments' })).getByText('Send Sam the draft chapter')).toBeInTheDocument();
    expect((await bridge.direct('commitments.list', { dyadId: dyad.id, which: 'all' })).find((c) => c.id === draft.id)).toMatchObject({ status: 'kept', resolvedOn: localDay() });
    expect(await bridge.direct('checkins.list', { dyadId: dyad.id })).toMatchObject({ checkins: [] });

    // Undo opens it again, and focus returns to it.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Kept: Send Sam the draft chapter' });
    await waitFor(() => expect(within(mine).getByText('Send Sam the draft chapter').closest('.commitment-words')).toHaveFocus());
    expect((await bridge.direct('commitments.list', { dyadId: dyad.id, which: 'all' })).find((c) => c.id === draft.id)).toMatchObject({ status: 'open', resolvedOn: null });

    // Renegotiated: new terms and a new date carry on as an open commitment.
    const theirs = screen.getByRole('list', { name: 'Sam’s open commitments' });
    await user.click(within(theirs).getByRole('button', { name: 'Renegotiate: Run three times a week…' }));
    expect(within(theirs).getByLabelText('New terms')).toHaveFocus();
    await user.clear(within(theirs).getByLabelText('New terms'));
    await user.type(within(theirs).getByLabelText('New terms'), 'Walk twice a week');
    await user.type(within(theirs).getByLabelText('New date (optional)'), '2026-12-20');
    await user.click(within(theirs).getByRole('button', { name: 'Save new terms' }));
    expect(await screen.findByText('Renegotiated: the new terms are open now')).toBeInTheDocument();
    const renewed = await within(screen.getByRole('list', { name: 'Sam’s open commitments' })).findByText('Walk twice a week');
    // Focus is on the new terms themselves.
    await waitFor(() => expect(renewed.closest('.commitment-words')).toHaveFocus());

    // Released, openly: a note is asked for, kindly, and Escape steps back without settling.
    await user.click(screen.getByRole('button', { name: 'Release: Book the cabin…' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Release: Book the cabin…' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Release: Book the cabin…' }));
    await user.click(within(mine).getByRole('button', { name: 'Release' }));
    expect(within(mine).getByLabelText('A note on releasing it')).toHaveAccessibleDescription('This cannot be empty.');
    await user.type(within(mine).getByLabelText('A note on releasing it'), 'We found another place');
    await user.click(within(mine).getByRole('button', { name: 'Release' }));
    expect(await screen.findByText('Released: “Book the cabin”')).toBeInTheDocument();

    const all = await bridge.direct('commitments.list', { dyadId: dyad.id, which: 'all' });
    expect(Object.fromEntries(all.map((c) => [c.text, c.status]))).toEqual({
      'Send Sam the draft chapter': 'open',
      'Book the cabin': 'released',
      'Run three times a week': 'renegotiated',
      'Walk twice a week': 'open',
    });
    expect(document.body.textContent).not.toMatch(/\b(overdue|late|missed|failed)\b/i);
  });

  it('opens a kept commitment again from "Lately settled", long after its Undo, and Undo keeps it as it was', async () => {
    const bridge = coreBridge();
    const sam = await bridge.direct('people.create', { name: 'Sam' });
    const dyad = await bridge.direct('dyads.create', { personId: sam.id, kind: 'peer_coach' });
    const made = { dyadId: dyad.id, madeOn: '2026-11-01' };
    const cabin = await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Book the cabin' });
    const run = await bridge.direct('commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week' });
    const bread = await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Bake bread' });
    await bridge.direct('commitments.resolve', { id: cabin.id, status: 'kept', note: 'with the lake view', on: '2026-11-03' });
    await bridge.direct('commitments.resolve', { id: run.id, status: 'renegotiated', newTerms: 'Walk twice a week', on: '2026-11-04' });
    await bridge.direct('commitments.resolve', { id: bread.id, status: 'released', note: 'No oven this month', on: '2026-11-05' });
    const find = async (text: string) => (await bridge.direct('commitments.list', { dyadId: dyad.id, which: 'all' })).find((c) => c.text === text);
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const settled = () => screen.getByRole('list', { name: 'Lately settled commitments' });
    await screen.findByRole('list', { name: 'Lately settled commitments' });
    // Newest settled first; only a Kept (one click, maybe a slip) offers Reopen: new terms and a
    // release note were typed out on purpose.
    expect(within(settled()).getAllByRole('listitem').map((row) => row.textContent?.slice(0, 10))).toEqual(['Bake bread', 'Run three ', 'Book the c']);
    expect(within(settled()).getAllByRole('button').map((button) => button.getAttribute('aria-label'))).toEqual(['Reopen: Book the cabin']);

    await user.click(within(settled()).getByRole('button', { name: 'Reopen: Book the cabin' }));
    expect(await screen.findByText('Open again: “Book the cabin”')).toBeInTheDocument();
    const mine = await screen.findByRole('list', { name: 'My open commitments' });
    await waitFor(() => expect(within(mine).getByText('Book the cabin').closest('.commitment-words')).toHaveFocus());
    expect(await find('Book the cabin')).toMatchObject({ status: 'open', resolvedOn: null });

    // Its Undo keeps it again, with its note, on the day it was kept.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Lately settled', level: 3 })).toHaveFocus());
    expect(within(settled()).getByText('Book the cabin')).toBeInTheDocument();
    expect(await find('Book the cabin')).toMatchObject({ status: 'kept', resolvedOn: '2026-11-03', outcomeNote: 'with the lake view' });
  });

  it('deletes a dyad only once asked, with Undo', async () => {
    const { user, dyad } = await openDyad();
    await user.click(screen.getByRole('button', { name: 'Delete dyad…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete the dyad with Ada?' });
    expect(dialog).toHaveTextContent('Close gracefully keeps it all as history');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect((await coreBridge().direct('dyads.get', { id: dyad.id })).status).toBe('active');

    await user.click(screen.getByRole('button', { name: 'Delete dyad…' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete dyad' }));
    await screen.findByRole('heading', { name: 'Dyads', level: 1 });
    expect(await coreBridge().direct('dyads.list', { today: '2026-11-26' })).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect((await coreBridge().direct('dyads.list', { today: '2026-11-26' })).map((d) => d.id)).toEqual([dyad.id]);
  });

  it('after the last of my commitments is kept, focus rests on the "Mine" heading, not on the other person’s', async () => {
    const bridge = coreBridge();
    const sam = await bridge.direct('people.create', { name: 'Sam' });
    const dyad = await bridge.direct('dyads.create', { personId: sam.id, kind: 'peer_coach' });
    const made = { dyadId: dyad.id, madeOn: '2026-11-01' };
    await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Book the cabin' });
    await bridge.direct('commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const kept = await screen.findByRole('button', { name: 'Kept: Book the cabin' });
    kept.focus();
    await user.keyboard('{Enter}');
    const heading = await screen.findByRole('heading', { name: 'Mine', level: 3 });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText('Nothing of mine is open.')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Sam’s open commitments' })).toHaveTextContent('Run three times a week');

    // Sam’s last one too: nothing open either way, and focus on the section's heading.
    await user.click(screen.getByRole('button', { name: 'Kept: Run three times a week' }));
    const section = await screen.findByRole('heading', { name: 'Open commitments', level: 2 });
    await waitFor(() => expect(section).toHaveFocus());
    expect(screen.queryByRole('heading', { name: 'Mine', level: 3 })).not.toBeInTheDocument();
    expect(screen.getByText(/Nothing open either way/)).toBeInTheDocument();
  });

  it('keeps check-ins per month folded away, under "Rhythm over time"', async () => {
    const { user } = await openDyad();
    expect(screen.queryByRole('img', { name: /Check-ins per month/ })).not.toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Rhythm over time' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('img', { name: /Check-ins per month with Ada, last 12 months/ })).toBeInTheDocument();
  });

  it('starts a new dyad today unless told otherwise, and the day can be cleared', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const bea = await bridge.direct('people.create', { name: 'Bea' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'new-dyad', id: ada.id }));
    const started = await screen.findByLabelText('Started on');
    expect(started).toHaveValue(localDay());
    expect(started).toHaveAccessibleDescription('Optional: clear it if the day doesn’t matter.');
    await user.click(screen.getByRole('button', { name: 'Start dyad' }));
    await screen.findByRole('heading', { name: /Ada · Peer coach/, level: 1 });
    const [first] = (await bridge.direct('dyads.list', { today: localDay() })).filter((c) => c.personName === 'Ada');
    expect((await bridge.direct('dyads.get', { id: first!.id })).startedOn).toBe(localDay());

    act(() => useNavigation.getState().go('dyads', { kind: 'new-dyad', id: bea.id }));
    await user.clear(await screen.findByLabelText('Started on'));
    await user.click(screen.getByRole('button', { name: 'Start dyad' }));
    await screen.findByRole('heading', { name: /Bea · Peer coach/, level: 1 });
    const [second] = (await bridge.direct('dyads.list', { today: localDay() })).filter((c) => c.personName === 'Bea');
    expect((await bridge.direct('dyads.get', { id: second!.id })).startedOn).toBeNull();
  });

  it('says days inside a sentence in lower case: closed today, last check-in today, hoped for by today', async () => {
    const { user, dyad } = await openDyad();
    const today = localDay();
    await coreBridge().direct('checkins.create', { dyadId: dyad.id, checkinDate: today });
    await coreBridge().direct('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Post the letter', madeOn: today, dueOn: today });
    await user.click(screen.getByRole('button', { name: 'Close gracefully…' }));
    await user.type(screen.getByLabelText('Closing note'), 'We both moved on kindly.');
    await user.click(screen.getByRole('button', { name: 'Close gracefully' }));
    expect(await screen.findByText('Closed gracefully today: We both moved on kindly.')).toBeInTheDocument();
    expect(screen.getByText('Post the letter').closest('li')).toHaveTextContent('hoped for by today');

    await user.click(screen.getByRole('button', { name: 'Back to Dyads' }));
    const closed = await screen.findByRole('region', { name: 'Closed gracefully' });
    expect(within(closed).getByRole('button', { name: /Ada/ })).toHaveTextContent('last check-in today');
    expect(document.body.textContent).not.toMatch(/(on|by|check-in) (Today|Yesterday)/);
  });
});
