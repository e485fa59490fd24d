import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../renderer/src/self/dates';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

/**
 * Forms that choose among people offer everyone in the archive, not a first page of them, and
 * once there are many, a way to find one by name; someone not there yet is added on the spot.
 */

/** More people than one page of `people.list` (200): the last of them must be choosable too. */
async function manyPeople() {
  const bridge = coreBridge();
  for (let i = 1; i <= 230; i += 1) await bridge.direct('people.create', { name: `Neighbour ${String(i).padStart(3, '0')}` });
  await bridge.direct('people.create', { name: 'Zoë Okafor' });
  return bridge;
}

describe('choosing people', () => {
  it('New dyad: offers the 231st person, and adds someone new without losing what was typed', async () => {
    await manyPeople();
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    await user.click(await screen.findByRole('button', { name: 'New dyad' }));
    await user.type(screen.getByLabelText('Intention, in our words'), 'walk and talk');
    const withWhom = screen.getByLabelText('With');
    await waitFor(() => expect(within(withWhom).getByRole('option', { name: 'Zoë Okafor' })).toBeInTheDocument());
    expect(within(withWhom).getByRole('option', { name: 'Neighbour 230' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Someone new'), 'Ines{Enter}');
    await waitFor(() => expect(withWhom).toHaveDisplayValue('Ines'));
    expect(screen.getByLabelText('Someone new')).toHaveValue('');
    expect(screen.getByLabelText('Intention, in our words')).toHaveValue('walk and talk');
    expect(screen.getByRole('heading', { name: 'New dyad', level: 1 })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Start dyad' }));
    expect(await screen.findByRole('heading', { name: /Ines · Peer coach/, level: 1 })).toBeInTheDocument();
    const [dyad] = await coreBridge().direct('dyads.list', { today: localDay() });
    expect(dyad).toMatchObject({ personName: 'Ines' });
    expect(await coreBridge().direct('dyads.get', { id: dyad?.id ?? '' })).toMatchObject({ intention: 'walk and talk' });
  });

  it('New dyad in an empty archive: says nobody is here yet, and the person added is chosen', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Dyads' }));
    await user.click(await screen.findByRole('button', { name: 'New dyad' }));
    expect(await screen.findByText('Nobody here yet: add the person below.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Someone new'), 'Ada');
    await user.click(screen.getByRole('button', { name: 'Add and choose' }));
    await waitFor(() => expect(screen.getByLabelText('With')).toHaveDisplayValue('Ada'));
    expect(screen.queryByText('Nobody here yet: add the person below.')).not.toBeInTheDocument();
  });

  it('Call a crew: finds a person by name among hundreds, accents aside, and keeps the chosen ones in view', async () => {
    await manyPeople();
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Crews' }));
    await user.click(await screen.findByRole('button', { name: 'Call a crew' }));
    const members = await screen.findByRole('group', { name: 'Members' });
    await waitFor(() => expect(within(members).getByRole('checkbox', { name: 'Neighbour 230' })).toBeInTheDocument());
    await user.click(within(members).getByRole('checkbox', { name: 'Neighbour 001' }));

    // Enter looks; it never calls the crew.
    await user.type(within(members).getByLabelText('Find someone by name'), 'zoe{Enter}');
    expect(within(members).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual(['Me', 'Neighbour 001', 'Zoë Okafor']);
    await user.click(within(members).getByRole('checkbox', { name: 'Zoë Okafor' }));
    expect(screen.getByRole('heading', { name: 'Call a crew', level: 1 })).toBeInTheDocument();

    await user.clear(within(members).getByLabelText('Find someone by name'));
    await user.type(within(members).getByLabelText('Find someone by name'), 'nobody like this');
    expect(within(members).getByText('No one else by that name: add them as someone new below.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Name'), 'Garden crew');
    await user.click(screen.getByRole('button', { name: 'Call this crew' }));
    expect(await screen.findByRole('heading', { name: 'Garden crew', level: 1 })).toBeInTheDocument();
    const crew = (await coreBridge().direct('crews.list', { today: localDay() })).active[0];
    const detail = await coreBridge().direct('crews.get', { id: crew?.id ?? '', today: localDay() });
    expect(detail.crew.members.map((m) => m.name).sort()).toEqual(['Me', 'Neighbour 001', 'Zoë Okafor']);
  });

  it('a congregation: offers everyone, with a box to find them', async () => {
    const bridge = await manyPeople();
    await bridge.direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Congregations' }));
    await user.click(await screen.findByRole('button', { name: /Riverside Commons/ }));
    await user.click(await screen.findByRole('button', { name: 'Add people I know here' }));
    const knownHere = screen.getByRole('group', { name: 'People I know here' });
    await user.type(within(knownHere).getByLabelText('Find someone by name (people I know here)'), 'okafor');
    expect(within(knownHere).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual(['Zoë Okafor']);
    await user.click(within(knownHere).getByRole('checkbox', { name: 'Zoë Okafor' }));
    await user.click(screen.getByRole('button', { name: 'Save people' }));
    expect(await screen.findByRole('list', { name: 'People I know here' })).toHaveTextContent('Zoë Okafor');
  });
});
