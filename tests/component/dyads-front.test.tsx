import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

async function openDyads(user: ReturnType<typeof renderApp>['user']) {
  await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
  await screen.findByRole('heading', { name: 'Dyads', level: 1 });
}

describe('the Dyads page', () => {
  it('invites you to add a person, then start a dyad with them, by labels alone', async () => {
    const { user } = renderApp();
    await openDyads(user);
    expect(await screen.findByRole('heading', { name: 'A place for the people you walk beside' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a person' }));
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('How we met'), 'At the spring gathering');
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    expect(await screen.findByRole('heading', { name: 'Ada', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('At the spring gathering')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start a dyad with Ada' }));
    await screen.findByRole('heading', { name: 'New dyad', level: 1 });
    await waitFor(() => expect(screen.getByLabelText('With')).toHaveDisplayValue('Ada'));
    await user.selectOptions(screen.getByLabelText('Kind'), 'Accountability partner');
    await user.type(screen.getByLabelText('Intention, in our words'), 'graceful accountability');
    await user.type(screen.getByLabelText('Rhythm: every … days'), '14');
    await user.type(screen.getByLabelText('Agreements, one per line'), 'What we share stays here{enter}Either of us can pause');
    await user.click(screen.getByRole('button', { name: 'Start dyad' }));

    expect(await screen.findByRole('heading', { name: /Ada · Accountability partner/, level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Every 2 weeks')).toBeInTheDocument();
    expect(screen.getByText('Either of us can pause')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to Dyads' }));
    const card = await screen.findByRole('article', { name: 'Ada' });
    expect(within(card).getByText('Accountability partner')).toBeInTheDocument();
    expect(within(card).getByText('Not yet')).toBeInTheDocument();
  });

  it('names the field when a dyad cannot be started, and writes nothing', async () => {
    const { user } = renderApp();
    await coreBridge().direct('people.create', { name: 'Bea' });
    await openDyads(user);
    await user.click(await screen.findByRole('button', { name: 'New dyad' }));
    await user.click(screen.getByRole('button', { name: 'Start dyad' }));
    expect(screen.getByLabelText('With')).toHaveAccessibleDescription('Choose the person this dyad is with.');
    await user.selectOptions(screen.getByLabelText('With'), 'Bea');
    await user.type(screen.getByLabelText('Rhythm: every … days'), '0');
    await user.click(screen.getByRole('button', { name: 'Start dyad' }));
    expect(await screen.findByText('A rhythm is at least 1 day.')).toBeInTheDocument();
    expect(await coreBridge().direct('dyads.list', { today: '2026-11-26' })).toEqual([]);
  });

  it('shows who you have not seen in a while, and leaves paused dyads below, out of the rhythm', async () => {
    const bridge = coreBridge();
    const ada = await bridge.direct('people.create', { name: 'Ada' });
    const bea = await bridge.direct('people.create', { name: 'Bea' });
    const adaDyad = await bridge.direct('dyads.create', { personId: ada.id, kind: 'friend', rhythmDays: 7 });
    const beaDyad = await bridge.direct('dyads.create', { personId: bea.id, kind: 'steward', rhythmDays: 7 });
    await bridge.direct('checkins.create', { dyadId: adaDyad.id, checkinDate: '2020-01-01' });
    await bridge.direct('checkins.create', { dyadId: beaDyad.id, checkinDate: '2020-01-01' });
    await bridge.direct('dyads.setStatus', { id: beaDyad.id, status: 'paused', today: '2020-02-01' });

    const { user } = renderApp();
    await openDyads(user);
    const aWhile = await screen.findByRole('region', { name: 'Haven’t seen in a while' });
    expect(within(aWhile).getByRole('button', { name: /Ada/ })).toBeInTheDocument();
    expect(within(aWhile).queryByRole('button', { name: /Bea/ })).not.toBeInTheDocument();
    const paused = screen.getByRole('region', { name: 'Paused' });
    expect(within(paused).getByRole('button', { name: /Bea/ })).toBeInTheDocument();
    // The monthly count is there for whoever wants it, folded away by default.
    expect(screen.queryByRole('img', { name: /Check-ins per month/ })).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Ada' })).not.toHaveTextContent(/per month|check-ins/i);
    await user.click(screen.getByRole('button', { name: 'Rhythm over time' }));
    expect(screen.getByRole('img', { name: /Check-ins per month, all dyads/ })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/overdue/i);
  });

  it('with every dyad paused, says they are resting just below, not that there are none', async () => {
    const bridge = coreBridge();
    const ana = await bridge.direct('people.create', { name: 'Ana' });
    const dyad = await bridge.direct('dyads.create', { personId: ana.id, kind: 'friend' });
    await bridge.direct('dyads.setStatus', { id: dyad.id, status: 'paused', today: '2026-11-26' });
    const { user } = renderApp();
    await openDyads(user);
    const active = await screen.findByRole('region', { name: 'Active dyads' });
    expect(active).toHaveTextContent('No active dyads right now: one is resting, just below.');
    const paused = screen.getByRole('region', { name: 'Paused' });
    // Right after the active ones, before People.
    expect(active.compareDocumentPosition(paused) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(paused.compareDocumentPosition(screen.getByRole('heading', { name: 'People' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('the People list on the Dyads page', () => {
  it('finds someone by name among hundreds, even beyond the first page shown', async () => {
    const bridge = coreBridge();
    for (let i = 1; i <= 130; i += 1) await bridge.direct('people.create', { name: `Friend ${String(i).padStart(3, '0')}` });
    // Sorted last, so beyond the first page the list shows.
    await bridge.direct('people.create', { name: 'Zoë Quist' });
    const { user } = renderApp();
    await openDyads(user);
    const section = await screen.findByRole('region', { name: 'People' });
    expect(within(section).queryByRole('button', { name: 'Zoë Quist' })).not.toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Show more people' })).toBeInTheDocument();

    await user.type(within(section).getByLabelText('Find someone by name'), 'zoe');
    expect(await within(section).findByRole('button', { name: 'Zoë Quist' })).toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'People' })).getAllByRole('button')).toHaveLength(1);
    // Looking, the pages give way to what was found.
    expect(within(section).queryByRole('button', { name: 'Show more people' })).not.toBeInTheDocument();
    await user.clear(within(section).getByLabelText('Find someone by name'));
    await user.type(within(section).getByLabelText('Find someone by name'), 'nobody like this');
    expect(await within(section).findByText('No one here by that name.')).toBeInTheDocument();
    await user.clear(within(section).getByLabelText('Find someone by name'));
    await user.type(within(section).getByLabelText('Find someone by name'), 'quist');
    await user.click(await within(section).findByRole('button', { name: 'Zoë Quist' }));
    expect(await screen.findByRole('heading', { name: 'Zoë Quist', level: 1 })).toBeInTheDocument();
  });

  it('has no box while a glance takes everyone in', async () => {
    const bridge = coreBridge();
    for (const name of ['Ada', 'Bea', 'Cy']) await bridge.direct('people.create', { name });
    const { user } = renderApp();
    await openDyads(user);
    const section = await screen.findByRole('region', { name: 'People' });
    expect(within(section).getAllByRole('button')).toHaveLength(3);
    expect(within(section).queryByLabelText('Find someone by name')).not.toBeInTheDocument();
  });
});
