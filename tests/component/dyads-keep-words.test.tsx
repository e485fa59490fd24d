import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/** Words typed on the Dyads rung are never dropped, and a person's page offers the right next step. */

async function seedDyad(name = 'Sam') {
  const bridge = coreBridge();
  const person = await bridge.direct('people.create', { name });
  const dyad = await bridge.direct('dyads.create', { personId: person.id, kind: 'peer_coach', rhythmDays: 14 });
  return { person, dyad };
}

async function openCommitments(dyadId: string) {
  return coreBridge().direct('commitments.list', { dyadId, which: 'open' });
}

describe('a commitment typed but not added', () => {
  it('is added when the check-in is finished with Done', async () => {
    const { dyad } = await seedDyad();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'new-checkin', id: dyad.id }));
    await user.type(await screen.findByLabelText('What I shared'), 'A long week');
    await user.type(screen.getByLabelText('New commitment of Sam’s'), 'Sam will send me the podcast link');
    await user.type(screen.getByLabelText('New commitment of mine'), 'Call the landlord');
    await user.click(screen.getByRole('button', { name: 'Done' }));

    expect(await screen.findByRole('heading', { name: /Sam · Peer coach/, level: 1 })).toBeInTheDocument();
    const open = await openCommitments(dyad.id);
    expect(open.map((c) => [c.direction, c.text]).sort()).toEqual([
      ['mine', 'Call the landlord'],
      ['theirs', 'Sam will send me the podcast link'],
    ]);
    const [checkin] = (await coreBridge().direct('checkins.list', { dyadId: dyad.id })).checkins;
    expect(open.every((c) => c.checkinId === checkin?.id)).toBe(true);
    // Shown on the dyad's page straight away.
    expect(await within(await screen.findByRole('list', { name: 'Sam’s open commitments' })).findByText('Sam will send me the podcast link')).toBeInTheDocument();
  });

  it('is added when leaving the check-in by Back, with its hoped-for date', async () => {
    const { dyad } = await seedDyad();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'new-checkin', id: dyad.id }));
    await screen.findByLabelText('What I shared');
    await user.type(screen.getByLabelText('New commitment of mine'), 'Book the cabin');
    await user.type(screen.getByLabelText('Hoped for by (optional), of mine'), '2026-12-20');
    await user.click(screen.getByRole('button', { name: 'Back to Sam' }));

    expect(await within(await screen.findByRole('list', { name: 'My open commitments' })).findByText('Book the cabin')).toBeInTheDocument();
    expect((await openCommitments(dyad.id)).map((c) => [c.text, c.dueOn])).toEqual([['Book the cabin', '2026-12-20']]);
  });

  it('stays in its box, with the reason, when it cannot be added; Done then stays too', async () => {
    const { dyad } = await seedDyad();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'new-checkin', id: dyad.id }));
    await screen.findByLabelText('What I shared');
    const field = screen.getByLabelText('New commitment of Sam’s');
    await user.type(field, 'Rest on Sunday');
    coreBridge().failWith('commitments.create', { code: 'disk_full', message: 'The disk is full, so this was not saved.' });
    await user.click(screen.getByRole('button', { name: 'Done' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The disk is full, so this was not saved.');
    expect(field).toHaveValue('Rest on Sunday');
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.getByRole('heading', { name: 'Check-in', level: 1 })).toBeInTheDocument();
  });

  it('is added once, even when Enter and Done come together', async () => {
    const { dyad } = await seedDyad();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'new-checkin', id: dyad.id }));
    await screen.findByLabelText('What I shared');
    await user.type(screen.getByLabelText('New commitment of mine'), 'Send the article{Enter}');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('heading', { name: /Sam · Peer coach/, level: 1 })).toBeInTheDocument();
    expect((await openCommitments(dyad.id)).map((c) => c.text)).toEqual(['Send the article']);
  });
});

describe('renegotiating from the dyad’s page', () => {
  it('starts from the current wording and date, keeps what was typed through Escape, and asks for a change', async () => {
    const { dyad } = await seedDyad();
    await coreBridge().direct('commitments.create', { dyadId: dyad.id, direction: 'theirs', text: 'Run three times a week', madeOn: '2026-11-01', dueOn: '2026-12-01' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const theirs = await screen.findByRole('list', { name: 'Sam’s open commitments' });
    await user.click(within(theirs).getByRole('button', { name: 'Renegotiate: Run three times a week…' }));
    const terms = within(theirs).getByLabelText('New terms');
    expect(terms).toHaveValue('Run three times a week');
    expect(terms).toHaveFocus();
    expect(within(theirs).getByLabelText('New date (optional)')).toHaveValue('2026-12-01');

    // The same terms are not a renegotiation: it says so, and nothing is settled.
    await user.click(within(theirs).getByRole('button', { name: 'Save new terms' }));
    expect(terms).toHaveAccessibleDescription('These are the terms it already has: change the words or the date.');
    expect(coreBridge().callsOf('commitments.resolve')).toHaveLength(0);

    // Typing carries on from the end; Escape steps back and keeps the words for the next opening.
    await user.type(terms, ', or walk twice');
    await user.keyboard('{Escape}');
    expect(within(theirs).queryByLabelText('New terms')).not.toBeInTheDocument();
    await user.click(within(theirs).getByRole('button', { name: 'Renegotiate: Run three times a week…' }));
    expect(within(theirs).getByLabelText('New terms')).toHaveValue('Run three times a week, or walk twice');
    await user.click(within(theirs).getByRole('button', { name: 'Save new terms' }));
    expect(await screen.findByText('Renegotiated: the new terms are open now')).toBeInTheDocument();
    expect((await openCommitments(dyad.id)).map((c) => c.text)).toEqual(['Run three times a week, or walk twice']);
  });
});

describe("a person's page", () => {
  it('offers a check-in, not a second dyad, while a dyad with them is going; a new one once it has closed', async () => {
    const { person, dyad } = await seedDyad('Ada');
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: person.id }));
    await screen.findByRole('heading', { name: 'Ada', level: 1 });
    const checkin = await screen.findByRole('button', { name: 'New check-in with Ada' });
    expect(screen.queryByRole('button', { name: /Start a (new )?dyad/ })).not.toBeInTheDocument();
    await user.click(checkin);
    expect(await screen.findByRole('heading', { name: 'Check-in', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('With Ada')).toBeInTheDocument();

    await coreBridge().direct('dyads.setStatus', { id: dyad.id, status: 'closed', today: '2026-11-26', closingNote: 'A good year' });
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: person.id }));
    expect(await screen.findByRole('button', { name: 'Start a new dyad with Ada' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New check-in with Ada' })).not.toBeInTheDocument();
  });
});
