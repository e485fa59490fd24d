import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { useDyad } from '../../renderer/src/dyads/dyad-store';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openPod, podOfFour } from './support/crews';
import { restartWindow } from './support/restart';

/** Where a form opens says when words typed into it wait there, kept but not saved (even after a restart). */


const storedKeys = async () => (await coreBridge().direct('drafts.list', {})).map((d) => d.key);

describe('a crew page, with a meeting or retrospective started', () => {
  it('says after a restart that the meeting is kept, and its button continues it', async () => {
    const { crew, direct } = await podOfFour();
    // A meeting held, so the retrospective is offered too (its button must not claim the note).
    await direct('meetings.create', { crewId: crew.id, heldOn: '2026-01-08' });
    const { user } = await openPod();
    expect(screen.queryByText(/kept, not saved yet/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Record a meeting' }));
    await user.type(await screen.findByLabelText('Notes'), 'Ada brought soup');
    await user.click(screen.getByRole('button', { name: 'Back to Pod' }));
    await waitFor(async () => expect(await storedKeys()).toContain(`crews:${crew.id}:new-meeting`));

    restartWindow();
    const app = renderApp();
    await app.user.click(sidebar().getByRole('button', { name: 'Crews' }));
    // The crew's card says so too, before the crew is opened.
    const again = app.user;
    await again.click(await screen.findByRole('button', { name: /Pod.*A meeting you started recording is kept, not saved yet\./ }));
    await screen.findByRole('heading', { name: 'Pod', level: 1 });
    const button = await screen.findByRole('button', { name: 'Continue the meeting you started' });
    expect(button).toHaveAccessibleDescription('A meeting you started recording is kept, not saved yet.');
    expect(screen.getByRole('button', { name: 'Run the retrospective' })).not.toHaveAttribute('aria-describedby');
    await again.click(button);
    await screen.findByRole('heading', { name: 'Record a meeting', level: 1 });
    expect(screen.getByLabelText('Notes')).toHaveValue('Ada brought soup');

    // Emptied again, nothing waits: the button is the plain one.
    await again.clear(screen.getByLabelText('Notes'));
    await again.click(screen.getByRole('button', { name: 'Back to Pod' }));
    expect(await screen.findByRole('button', { name: 'Record a meeting' })).toBeInTheDocument();
    expect(screen.queryByText(/kept, not saved yet/)).not.toBeInTheDocument();
  });

  it('marks a retrospective started, beside a meeting started', async () => {
    const { crew } = await podOfFour();
    await coreBridge().direct('drafts.keep', { key: `crews:${crew.id}:new-meeting`, value: JSON.stringify({ notes: 'Soup' }) });
    await coreBridge().direct('drafts.keep', { key: `crews:${crew.id}:retrospective`, value: JSON.stringify({ worked: 'Showing up' }) });
    const { user } = await openPod();
    const retro = await screen.findByRole('button', { name: 'Continue the retrospective you started' });
    expect(screen.getByRole('button', { name: 'Continue the meeting you started' })).toBeInTheDocument();
    expect(retro).toHaveAccessibleDescription('A meeting and a retrospective you started are kept, not saved yet.');
    await user.click(retro);
    expect(await screen.findByLabelText('What worked')).toHaveValue('Showing up');
  });
});

describe('an open commitment with new terms or a release note left in its form', () => {
  it('says so on its row after Escape and after a restart, and no more once it is settled', async () => {
    const bridge = coreBridge();
    const person = await bridge.direct('people.create', { name: 'Sam' });
    const dyad = await bridge.direct('dyads.create', { personId: person.id, kind: 'peer_coach', rhythmDays: 14 });
    const commitment = await bridge.direct('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Call the landlord', madeOn: '2026-01-05' });
    await bridge.direct('commitments.create', { dyadId: dyad.id, direction: 'mine', text: 'Book the cabin', madeOn: '2026-01-05' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    await user.click(await screen.findByRole('button', { name: 'Renegotiate: Call the landlord…' }));
    // Opening it and leaving with the terms as they were keeps nothing worth a mark.
    await user.keyboard('{Escape}');
    expect(screen.queryByText(/kept, not saved yet/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Renegotiate: Call the landlord…' }));
    await user.type(screen.getByLabelText('New terms'), ' after the holidays');
    await user.keyboard('{Escape}');
    const row = screen.getByText('Call the landlord').closest('li')!;
    expect(within(row).getByText('Your new terms are kept, not saved yet.')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Renegotiate: Call the landlord…' })).toHaveAccessibleDescription('Your new terms are kept, not saved yet.');
    const other = screen.getByText('Book the cabin').closest('li')!;
    expect(within(other).queryByText(/kept, not saved yet/)).not.toBeInTheDocument();
    await waitFor(async () => expect(await storedKeys()).toContain(`settle:renegotiate:${commitment.id}`));

    restartWindow();
    useDyad.getState().reset();
    const { user: again } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const after = (await screen.findByText('Your new terms are kept, not saved yet.')).closest('li')!;
    expect(within(after).getByText('Call the landlord')).toBeInTheDocument();

    await again.click(within(after).getByRole('button', { name: 'Release: Call the landlord…' }));
    await again.type(screen.getByLabelText('A note on releasing it'), 'Moved out');
    await again.click(screen.getByRole('button', { name: 'Back' }));
    expect(await within(after).findByText('Your new terms and your release note are kept, not saved yet.')).toBeInTheDocument();

    await again.click(within(after).getByRole('button', { name: 'Renegotiate: Call the landlord…' }));
    await again.click(screen.getByRole('button', { name: 'Save new terms' }));
    const renewed = await screen.findByText('Call the landlord after the holidays');
    expect(within(renewed.closest('li')!).queryByText(/kept, not saved yet/)).not.toBeInTheDocument();
    // Both of its forms' words go with it: the release note has nothing left to release.
    await waitFor(async () => expect((await storedKeys()).filter((key) => key.startsWith('settle:'))).toEqual([]));
  });
});

describe('a dyad’s and a person’s page, with changes left in their edit forms', () => {
  it('says on "Edit dyad" that changes wait, after Back and after a restart, and no more once saved', async () => {
    const bridge = coreBridge();
    const sam = await bridge.direct('people.create', { name: 'Sam' });
    const dyad = await bridge.direct('dyads.create', { personId: sam.id, kind: 'peer_coach', intention: 'Walk and talk' });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const edit = await screen.findByRole('button', { name: 'Edit dyad' });
    expect(edit).not.toHaveAttribute('aria-describedby');
    await user.click(edit);
    await user.type(await screen.findByLabelText('Intention, in our words'), ' every month');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('button', { name: 'Edit dyad' })).toHaveAccessibleDescription('Your changes to this dyad are kept, not saved yet.');
    await waitFor(async () => expect(await storedKeys()).toContain(`dyads:${dyad.id}:edit`));

    restartWindow();
    const { user: again } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'dyad', id: dyad.id }));
    const after = await screen.findByRole('button', { name: 'Edit dyad' });
    await waitFor(() => expect(after).toHaveAccessibleDescription('Your changes to this dyad are kept, not saved yet.'));
    await again.click(after);
    expect(await screen.findByLabelText('Intention, in our words')).toHaveValue('Walk and talk every month');
    await again.click(screen.getByRole('button', { name: 'Save dyad' }));
    expect(await screen.findByRole('button', { name: 'Edit dyad' })).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByText(/kept, not saved yet/)).not.toBeInTheDocument();
  });

  it('says on "Edit details" that changes to a person wait, and no more once they are undone by hand', async () => {
    const bridge = coreBridge();
    const sam = await bridge.direct('people.create', { name: 'Sam', notes: 'Likes tea' });
    await bridge.direct('drafts.keep', { key: `people:${sam.id}:edit`, value: JSON.stringify({ notes: 'Likes tea and long walks' }) });
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads', { kind: 'person', id: sam.id }));
    const edit = await screen.findByRole('button', { name: 'Edit details' });
    await waitFor(() => expect(edit).toHaveAccessibleDescription('Your changes to their details are kept, not saved yet.'));
    await user.click(edit);
    const notes = await screen.findByLabelText('Notes');
    expect(notes).toHaveValue('Likes tea and long walks');
    await user.clear(notes);
    await user.type(notes, 'Likes tea');
    await user.click(screen.getByRole('button', { name: 'Back to their page' }));
    expect(await screen.findByRole('button', { name: 'Edit details' })).not.toHaveAttribute('aria-describedby');
    expect(screen.queryByText(/kept, not saved yet/)).not.toBeInTheDocument();
  });
});
