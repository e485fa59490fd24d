import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

describe('the Network page', () => {
  it('adds a network with a congregation, a host I learn from and an adapted practice', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('journal.create', { entryDate: '2026-11-20', rung: 'network', title: 'What hosts taught me' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    expect(await screen.findByRole('heading', { name: 'No networks yet' })).toBeInTheDocument();
    const reflections = await screen.findByRole('list', { name: 'Reflections on Network' });
    expect(within(reflections).getByRole('button', { name: /What hosts taught me/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'New network' }));
    await user.type(screen.getByLabelText('Name'), 'Microsolidarity hosts');
    await user.click(screen.getByRole('button', { name: 'Save network' }));
    expect(await screen.findByRole('heading', { name: 'Microsolidarity hosts', level: 1 })).toBeInTheDocument();

    await user.selectOptions(await screen.findByLabelText('Congregation to add'), 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: 'Add congregation' }));
    expect(await within(screen.getByRole('list', { name: 'Congregations in it' })).findByRole('button', { name: 'Riverside Commons' })).toBeInTheDocument();

    await user.type(screen.getByLabelText("Host's name"), 'Rich');
    await user.type(screen.getByLabelText('What I learn from them'), 'Stepping back so others step in');
    await user.click(screen.getByRole('button', { name: 'Add host' }));
    expect(await within(screen.getByRole('list', { name: 'Hosts I learn from' })).findByText('Rich')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Practice'), 'Sharing circle');
    await user.type(screen.getByLabelText('Learned from'), 'Enspiral');
    await user.click(screen.getByRole('button', { name: 'Save practice' }));
    expect(await within(screen.getByRole('list', { name: 'Adapted practices' })).findByText('Sharing circle')).toBeInTheDocument();
  });
});

describe('the Network page reads like the other rungs', () => {
  it('offers only congregations not yet in the network, names its select by its label alone, and says what was added to what', async () => {
    await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('congregations.create', { name: 'Harbour Folk', since: '2026-01-01' });
    await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await user.click(await screen.findByRole('button', { name: /Hosts circle/ }));
    expect(await screen.findByRole('button', { name: 'Back to Network' })).toBeInTheDocument();

    const select = await screen.findByRole('combobox', { name: 'Congregation to add' });
    // Named by its label only: its options are not read out as part of the name.
    expect(select).toHaveAccessibleName('Congregation to add');
    expect((select as HTMLSelectElement).labels[0]?.textContent).toBe('Congregation to add');
    await user.selectOptions(select, 'Riverside Commons');
    await user.click(screen.getByRole('button', { name: 'Add congregation' }));
    const notifications = within(screen.getByRole('region', { name: 'Notifications' }));
    expect(await notifications.findByText('Riverside Commons added to Hosts circle')).toBeInTheDocument();
    const options = within(screen.getByRole('combobox', { name: 'Congregation to add' })).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Choose a congregation…', 'Harbour Folk']);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Congregation to add' }), 'Harbour Folk');
    await user.click(screen.getByRole('button', { name: 'Add congregation' }));
    expect(await screen.findByText('Every congregation you have added is in this network.')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Congregation to add' })).not.toBeInTheDocument();

    await user.type(screen.getByLabelText("Host's name"), 'Rich');
    await user.click(screen.getByRole('button', { name: 'Add host' }));
    expect(await notifications.findByText('Rich added to the hosts')).toBeInTheDocument();

    // Named as the archive knows her, not as typed; and one Ana, not two.
    await coreBridge().direct('people.create', { name: 'Ana Souza' });
    await user.click(sidebar().getByRole('button', { name: 'Ladder' }));
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await user.click(await screen.findByRole('button', { name: /^Hosts circle/ }));
    await user.type(await screen.findByLabelText("Host's name"), 'ana souza');
    await user.click(screen.getByRole('button', { name: 'Add host' }));
    expect(await notifications.findByText('Ana Souza added to the hosts')).toBeInTheDocument();
    expect((await coreBridge().direct('people.list', { limit: 100 })).people.filter((p) => p.name.toLowerCase() === 'ana souza')).toHaveLength(1);
  });

  it('says plainly, before deleting a network, that its congregations and hosts stay', async () => {
    const n = await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    const rich = await coreBridge().direct('people.create', { name: 'Rich' });
    await coreBridge().direct('networks.addCongregation', { networkId: n.id, congregationId: c.id });
    await coreBridge().direct('networks.addHost', { networkId: n.id, personId: rich.id });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await user.click(await screen.findByRole('button', { name: /Hosts circle/ }));
    await user.click(await screen.findByRole('button', { name: 'Delete network…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Hosts circle?' });
    expect(dialog).toHaveTextContent('Hosts circle leaves your Network page.');
    expect(dialog).toHaveTextContent('Riverside Commons and Rich stay in your archive, untouched; only their place in this network goes.');
    expect(dialog).not.toHaveTextContent(/leave the page with it/);
  });

  it('puts focus back on the row an Undo brought back, not on the page body', async () => {
    const n = await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const rich = await coreBridge().direct('people.create', { name: 'Rich' });
    await coreBridge().direct('networks.addHost', { networkId: n.id, personId: rich.id, note: 'Stepping back' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await user.click(await screen.findByRole('button', { name: /Hosts circle/ }));
    const hosts = await screen.findByRole('list', { name: 'Hosts I learn from' });
    await user.click(within(hosts).getByRole('button', { name: 'Remove Rich from the hosts of Hosts circle' }));
    await waitFor(() => expect(within(hosts).queryByText('Rich')).not.toBeInTheDocument());

    // By keyboard: into the toast, then Enter on Undo.
    const undo = within(screen.getByRole('region', { name: 'Notifications' })).getByRole('button', { name: 'Undo' });
    undo.focus();
    await user.keyboard('{Enter}');
    const again = await within(hosts).findByRole('button', { name: 'Remove Rich from the hosts of Hosts circle' });
    await waitFor(() => expect(again).toHaveFocus());
  });
});
