import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { localDay } from '../../renderer/src/self/dates';
import { addDays } from '../../shared/domain/dyads';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

async function seedDyad(rhythmDays: number | null = 14) {
  const bridge = coreBridge();
  const ada = await bridge.direct('people.create', { name: 'Ada' });
  return bridge.direct('dyads.create', { personId: ada.id, kind: 'peer_coach', rhythmDays });
}

function openNewCheckin(dyadId: string) {
  act(() => useNavigation.getState().go('dyads', { kind: 'new-checkin', id: dyadId }));
}

async function storedCheckins(dyadId: string) {
  return (await coreBridge().direct('checkins.list', { dyadId })).checkins;
}

describe('a check-in', () => {
  it('saves itself as you type, with the next date suggested from the rhythm', async () => {
    const dyad = await seedDyad(14);
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    const shared = await screen.findByLabelText('What I shared');
    expect(shared).toHaveFocus();
    expect(screen.getByLabelText('Date')).toHaveValue(localDay());
    expect(screen.getByLabelText('Next check-in')).toHaveValue(addDays(localDay(), 14));

    await user.type(shared, 'The move is hard');
    await user.type(screen.getByLabelText('What I heard, what is alive for Ada'), 'A new job in the spring');
    await user.click(screen.getByRole('radio', { name: 'Walk' }));
    await user.click(screen.getByRole('radio', { name: /4 Leaning mutual/ }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'), { timeout: 3000 });

    const [summary] = await storedCheckins(dyad.id);
    const stored = await coreBridge().direct('checkins.get', { id: summary!.id });
    expect(stored).toMatchObject({ iShared: 'The move is hard', iHeard: 'A new job in the spring', how: 'walk', dial: 4, nextCheckinDate: addDays(localDay(), 14) });
    // Serialised: created once, then updated; never a second check-in from a race.
    expect(coreBridge().callsOf('checkins.create')).toHaveLength(1);
    expect(await storedCheckins(dyad.id)).toHaveLength(1);
  });

  it('saves at once with Ctrl+Enter, without waiting for the pause', async () => {
    const dyad = await seedDyad(14);
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    const shared = await screen.findByLabelText('What I shared');
    await user.type(shared, 'The move is hard');
    expect(coreBridge().callsOf('checkins.create')).toHaveLength(0);
    await user.keyboard('{Control>}{Enter}{/Control}');
    // At once, not 400 ms after the last key; and Enter with Ctrl adds no line.
    await waitFor(() => expect(coreBridge().callsOf('checkins.create')).toHaveLength(1), { timeout: 200 });
    expect(shared).toHaveValue('The move is hard');
  });

  it('asks about a day still ahead, saving it as typed, and stops asking once it is today', async () => {
    const dyad = await seedDyad(14);
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await user.type(await screen.findByLabelText('What I shared'), 'Hello');
    const date = screen.getByLabelText('Date');
    await user.clear(date);
    await user.type(date, addDays(localDay(), 400));
    expect(date).toHaveAccessibleDescription('That day is still ahead: is the date right? It is saved as typed, and shows as your latest check-in.');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'), { timeout: 3000 });
    await user.clear(date);
    await user.type(date, localDay());
    expect(date).not.toHaveAccessibleDescription(/still ahead/);
  });

  it('asks about a day before the dyad started, saving it as typed', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const dyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'peer_coach', rhythmDays: 14, startedOn: '2026-03-02' });
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await user.type(await screen.findByLabelText('What I shared'), 'Hello');
    const date = screen.getByLabelText('Date');
    expect(date).not.toHaveAccessibleDescription(/started/);
    await user.clear(date);
    await user.type(date, '2025-06-15');
    expect(date).toHaveAccessibleDescription(/^This dyad started on .+: is the date right\? It is saved as typed\.$/);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'), { timeout: 3000 });
    expect((await storedCheckins(dyad.id))[0]?.checkinDate).toBe('2025-06-15');
  });

  it('shows a next date before the check-in by its field, and saves nothing until it is fixed', async () => {
    const dyad = await seedDyad(null);
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await user.type(await screen.findByLabelText('What I shared'), 'Hello');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'), { timeout: 3000 });
    const next = screen.getByLabelText('Next check-in');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2026-11-20');
    await user.type(next, '2026-11-01');
    await waitFor(() => expect(next).toHaveAccessibleDescription(/can’t come before this one/), { timeout: 3000 });
    expect(screen.getByRole('status')).toHaveTextContent('Not saved yet');
    const [summary] = await storedCheckins(dyad.id);
    expect((await coreBridge().direct('checkins.get', { id: summary!.id })).nextCheckinDate).not.toBe('2026-11-01');

    await user.clear(next);
    await user.type(next, '2026-12-01');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'), { timeout: 3000 });
    expect((await coreBridge().direct('checkins.get', { id: summary!.id })).nextCheckinDate).toBe('2026-12-01');
  });

  it('adds commitments both ways with Enter, saving the check-in first', async () => {
    const dyad = await seedDyad();
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await screen.findByLabelText('What I shared');
    await user.type(screen.getByLabelText('New commitment of mine'), 'Send the article{enter}');
    await user.type(screen.getByLabelText('New commitment of Ada’s'), 'Rest on Sunday{enter}');
    expect(await within(screen.getByRole('list', { name: 'I committed to' })).findByText('Send the article')).toBeInTheDocument();
    expect(await within(screen.getByRole('list', { name: 'Ada committed to' })).findByText('Rest on Sunday')).toBeInTheDocument();
    const open = await coreBridge().direct('commitments.list', { dyadId: dyad.id });
    expect(open.map((c) => [c.direction, c.text])).toEqual([
      ['mine', 'Send the article'],
      ['theirs', 'Rest on Sunday'],
    ]);
    const [checkin] = await storedCheckins(dyad.id);
    expect(open.every((c) => c.checkinId === checkin!.id)).toBe(true);
  });

  it('reviews open commitments one by one before a new check-in: kept, renegotiated, released', async () => {
    const dyad = await seedDyad();
    const bridge = coreBridge();
    const made = { dyadId: dyad.id, madeOn: '2026-11-01' };
    await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Send the article' });
    await bridge.direct('commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week' });
    await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Learn Portuguese' });
    const { user } = renderApp();
    openNewCheckin(dyad.id);

    const review = await screen.findByRole('region', { name: 'Last time’s commitments' });
    expect(within(review).getByText('1 of 3')).toBeInTheDocument();
    expect(within(review).getByText('Send the article')).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Kept' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(await within(review).findByText('Run three times a week')).toBeInTheDocument();
    expect(within(review).getByText('Ada committed to')).toBeInTheDocument();
    await user.click(within(review).getByRole('button', { name: 'Renegotiate…' }));
    // The new terms start from the current ones.
    expect(within(review).getByLabelText('New terms')).toHaveValue('Run three times a week');
    await user.clear(within(review).getByLabelText('New terms'));
    await user.type(within(review).getByLabelText('New terms'), 'Walk twice a week');
    await user.click(within(review).getByRole('button', { name: 'Save new terms' }));

    expect(await within(review).findByText('Learn Portuguese')).toBeInTheDocument();
    await user.click(within(review).getByRole('button', { name: 'Release…' }));
    await user.click(within(review).getByRole('button', { name: 'Release' }));
    expect(within(review).getByLabelText('A note on releasing it')).toHaveAccessibleDescription('This cannot be empty.');
    await user.type(within(review).getByLabelText('A note on releasing it'), 'Not this year');
    await user.click(within(review).getByRole('button', { name: 'Release' }));

    expect(await screen.findByLabelText('What I shared')).toBeInTheDocument();
    const all = await bridge.direct('commitments.list', { dyadId: dyad.id, which: 'all' });
    expect(Object.fromEntries(all.map((c) => [c.text, c.status]))).toEqual({
      'Send the article': 'kept',
      'Run three times a week': 'renegotiated',
      'Walk twice a week': 'open',
      'Learn Portuguese': 'released',
    });
  });

  it('offers the parts from the Self rung as choices', async () => {
    const dyad = await seedDyad();
    const critic = await coreBridge().direct('parts.create', { name: 'The critic' });
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await user.click(await screen.findByRole('checkbox', { name: 'The critic' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'), { timeout: 3000 });
    const [summary] = await storedCheckins(dyad.id);
    expect((await coreBridge().direct('checkins.get', { id: summary!.id })).partIds).toEqual([critic.id]);
  });

  it('deletes a check-in and brings it back with Undo', async () => {
    const dyad = await seedDyad();
    const checkin = await coreBridge().direct('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', iHeard: 'Still here' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'checkin', id: checkin.id }));
    expect(await screen.findByLabelText('What I heard, what is alive for Ada')).toHaveValue('Still here');
    await user.click(screen.getByRole('button', { name: 'Delete check-in' }));
    await screen.findByRole('heading', { name: /Ada · Peer coach/, level: 1 });
    expect(await storedCheckins(dyad.id)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByLabelText('What I heard, what is alive for Ada')).toHaveValue('Still here');
    expect((await storedCheckins(dyad.id)).map((c) => c.id)).toEqual([checkin.id]);
  });

  it('removes a commitment made in a past check-in with an Undo that brings it back, kept as it was', async () => {
    const dyad = await seedDyad();
    const bridge = coreBridge();
    const checkin = await bridge.direct('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-20', iShared: 'Baking again' });
    const made = { dyadId: dyad.id, checkinId: checkin.id, madeOn: '2026-11-20' };
    const bread = await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'I will bake bread' });
    await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'I will call my aunt' });
    await bridge.direct('commitments.resolve', { id: bread.id, status: 'kept', on: '2026-11-25' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'checkin', id: checkin.id }));
    const mine = await screen.findByRole('list', { name: 'I committed to' });
    await user.click(within(mine).getByRole('button', { name: 'Remove “I will bake bread”' }));
    await waitFor(() => expect(within(mine).queryByText('I will bake bread')).not.toBeInTheDocument());
    const all = () => bridge.direct('commitments.list', { dyadId: dyad.id, which: 'all' });
    expect((await all()).map((c) => c.text)).toEqual(['I will call my aunt']);

    const notifications = within(screen.getByRole('region', { name: 'Notifications' }));
    expect(await notifications.findByText('Removed “I will bake bread”')).toBeInTheDocument();
    await user.click(notifications.getByRole('button', { name: 'Undo' }));
    // Back in its place, and still kept.
    await waitFor(() => expect(within(mine).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringContaining('I will bake bread'), expect.stringContaining('I will call my aunt')]));
    expect((await all()).find((c) => c.text === 'I will bake bread')?.status).toBe('kept');
  });

  it('says what "Kept" did, with an Undo that brings the commitment back to the review', async () => {
    const dyad = await seedDyad();
    const bridge = coreBridge();
    const made = { dyadId: dyad.id, madeOn: '2026-11-01' };
    const article = await bridge.direct('commitments.create', { ...made, direction: 'mine', text: 'Send the article' });
    await bridge.direct('commitments.create', { ...made, direction: 'theirs', text: 'Run three times a week' });
    const { user } = renderApp();
    openNewCheckin(dyad.id);

    const review = await screen.findByRole('region', { name: 'Last time’s commitments' });
    await user.click(within(review).getByRole('button', { name: 'Kept' }));
    expect(await screen.findByText('Kept: “Send the article”')).toBeInTheDocument();
    expect(await within(review).findByText('2 of 2')).toBeInTheDocument();
    expect((await bridge.direct('commitments.list', { dyadId: dyad.id })).map((c) => c.text)).toEqual(['Run three times a week']);

    // A mis-click taken back: open again, and on its card again, with Kept in focus.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await within(review).findByText('1 of 2')).toBeInTheDocument();
    expect(within(review).getByText('Send the article')).toBeInTheDocument();
    expect(within(review).getByRole('button', { name: 'Kept' })).toHaveFocus();
    expect((await bridge.direct('commitments.list', { dyadId: dyad.id })).map((c) => c.id)).toContain(article.id);

    // Then on as before, without showing anything twice.
    await user.click(within(review).getByRole('button', { name: 'Leave open for now' }));
    expect(await within(review).findByText('Run three times a week')).toBeInTheDocument();
    await user.click(within(review).getByRole('button', { name: 'Kept' }));
    expect(await screen.findByLabelText('What I shared')).toBeInTheDocument();

    // Undo from the form too: the last card comes back.
    await user.click(screen.getAllByRole('button', { name: 'Undo' }).at(-1)!);
    expect(await within(await screen.findByRole('region', { name: 'Last time’s commitments' })).findByText('Run three times a week')).toBeInTheDocument();
    expect((await bridge.direct('commitments.list', { dyadId: dyad.id })).map((c) => c.text)).toEqual(['Send the article', 'Run three times a week']);
  });

  it('ends with "Done", which saves now and goes back to the dyad', async () => {
    const dyad = await seedDyad();
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await user.type(await screen.findByLabelText('What I shared'), 'A quiet week');
    // At once, well inside the autosave's pause.
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await screen.findByRole('heading', { name: /Ada · Peer coach/, level: 1 });
    const [summary] = await storedCheckins(dyad.id);
    expect((await coreBridge().direct('checkins.get', { id: summary!.id })).iShared).toBe('A quiet week');
  });

  it('stays open on "Done" while something cannot be saved, and says why by the field', async () => {
    const dyad = await seedDyad(null);
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await user.type(await screen.findByLabelText('What I shared'), 'Hello');
    await user.clear(screen.getByLabelText('Date'));
    await user.type(screen.getByLabelText('Date'), '2026-11-20');
    await user.type(screen.getByLabelText('Next check-in'), '2026-11-01');
    const done = screen.getByRole('button', { name: 'Done' });
    expect(done).toHaveAccessibleDescription('Saves now, adds any commitment typed above, and goes back to Ada.');
    await user.click(done);
    await waitFor(() => expect(screen.getByLabelText('Next check-in')).toHaveAccessibleDescription(/can’t come before this one/));
    expect(screen.getByRole('heading', { name: 'Check-in', level: 1 })).toBeInTheDocument();
    expect(done.parentElement).toHaveTextContent('Not saved yet. See the note by the field.');
  });
});

describe('a new check-in, first saved while typing', () => {
  it('keeps focus and the caret in the field being typed in when its address changes', async () => {
    const dyad = await seedDyad(14);
    const { user } = renderApp();
    openNewCheckin(dyad.id);
    await user.type(await screen.findByLabelText('What I shared'), 'The move is hard');
    await waitFor(() => expect(useNavigation.getState().detail?.kind).toBe('checkin'), { timeout: 3000 });
    const shared = screen.getByLabelText('What I shared');
    expect(shared).toHaveFocus();
    // The next words land where the last ones did, not on the page's heading.
    await user.keyboard(', but we are close');
    expect(shared).toHaveValue('The move is hard, but we are close');
    expect(coreBridge().callsOf('checkins.create')).toHaveLength(1);
  });
});
