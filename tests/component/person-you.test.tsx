import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { coreBridge } from './core-bridge';
import { renderApp } from './render-app';

/** The person marked as me reads "Ana (you)" on every rung, and their own details skip "How we met"; on their own page the heading is the name, with "This is you." */

async function seed() {
  const bridge = coreBridge();
  const me = await bridge.direct('people.create', { name: 'Ana', isMe: true, howWeMet: 'Born', notes: 'Learning to rest' });
  const sam = await bridge.direct('people.create', { name: 'Sam', howWeMet: 'At the Lisbon gathering' });
  return { bridge, me, sam };
}

describe('naming you', () => {
  it('lists you as "Ana (you)" in Dyads, on your page and in its Edit details form', async () => {
    const { me, sam } = await seed();
    const { user } = renderApp();
    act(() => useNavigation.getState().go('dyads'));
    const people = await screen.findByRole('list', { name: 'People' });
    expect(within(people).getByRole('button', { name: /^Ana \(you\)/ })).toBeInTheDocument();
    expect(within(people).getByRole('button', { name: /^Sam/ })).not.toHaveTextContent('(you)');

    await user.click(within(people).getByRole('button', { name: /^Ana \(you\)/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ana' })).toBeInTheDocument();
    expect(screen.getByText('This is you.')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'About you' })).toBeInTheDocument();
    expect(screen.queryByText('How we met')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit details' }));
    expect(await screen.findByLabelText('Name')).toHaveValue('Ana');
    expect(screen.queryByLabelText('How we met')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back to your page' })).toBeInTheDocument();
    // Saving keeps what was stored there.
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ana' })).toBeInTheDocument();
    expect((await coreBridge().direct('people.get', { id: me.id })).howWeMet).toBe('Born');

    // Someone else keeps "How we met" and "their page".
    act(() => useNavigation.getState().go('dyads', { kind: 'edit-person', id: sam.id }));
    expect(await screen.findByLabelText('How we met')).toHaveValue('At the Lisbon gathering');
    expect(screen.getByRole('button', { name: 'Back to their page' })).toBeInTheDocument();
  });

  it('says "(you)" in a congregation’s people, a network’s hosts and Search’s Person filter', async () => {
    const { bridge, me, sam } = await seed();
    const congregation = await bridge.direct('congregations.create', { name: 'Lisbon', since: '2025-01-01' });
    await bridge.direct('congregations.addPeople', { congregationId: congregation.id, personIds: [me.id, sam.id] });
    const network = await bridge.direct('networks.create', { name: 'Microsolidarity' });
    await bridge.direct('networks.addHost', { networkId: network.id, personId: me.id });
    renderApp();

    act(() => useNavigation.getState().go('congregations', { kind: 'congregation', id: congregation.id }));
    const known = await screen.findByRole('list', { name: 'People I know here' });
    expect(within(known).getByText('Ana (you)')).toBeInTheDocument();
    expect(within(known).getByRole('button', { name: 'Remove Ana (you) from Lisbon' })).toBeInTheDocument();
    expect(within(known).queryByText('Ana (me)')).not.toBeInTheDocument();

    act(() => useNavigation.getState().go('network', { kind: 'network', id: network.id }));
    const hosts = await screen.findByRole('list', { name: 'Hosts I learn from' });
    expect(within(hosts).getByText('Ana (you)')).toBeInTheDocument();

    act(() => useNavigation.getState().go('search'));
    const person = await screen.findByLabelText('Person');
    expect(within(person).getAllByRole('option').map((o) => o.textContent)).toEqual(['Anyone', 'Ana (you)', 'Sam']);
  });
});
