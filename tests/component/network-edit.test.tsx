import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';
import { openRecord } from './support/records';

function toasts() {
  return within(screen.getByRole('region', { name: 'Notifications' }));
}

/** The Undo in the toast that says `message` (earlier toasts may still be up). */
function undoIn(message: string) {
  const toast = toasts().getByText(message).closest('.toast') as HTMLElement;
  return within(toast).getByRole('button', { name: 'Undo' });
}

describe('editing and removing on a network, by labels alone', () => {
  it('removes a host and Undo adds them back with the same note', async () => {
    const n = await coreBridge().direct('networks.create', { name: 'Hosts circle' });
    const rich = await coreBridge().direct('people.create', { name: 'Rich' });
    await coreBridge().direct('networks.addHost', { networkId: n.id, personId: rich.id, note: 'Stepping back so others step in' });
    const user = await openRecord('Network', 'Hosts circle');

    const hosts = screen.getByRole('list', { name: 'Hosts I learn from' });
    await user.click(within(hosts).getByRole('button', { name: 'Remove Rich from the hosts of Hosts circle' }));
    await waitFor(() => expect(within(hosts).queryByText('Rich')).not.toBeInTheDocument());
    expect(toasts().getByText('Rich removed from the hosts')).toBeInTheDocument();
    await user.click(toasts().getByRole('button', { name: 'Undo' }));
    expect(await within(hosts).findByText('Rich')).toBeInTheDocument();
    expect(within(hosts).getByText(/Stepping back so others step in/)).toBeInTheDocument();
  });

  it('renames a network, removes a congregation, edits and deletes a practice, and deletes the network after confirming', async () => {
    const n = await coreBridge().direct('networks.create', { name: 'Host circle' });
    const c = await coreBridge().direct('congregations.create', { name: 'Riverside Commons', since: '2026-01-01' });
    await coreBridge().direct('networks.addCongregation', { networkId: n.id, congregationId: c.id });
    await coreBridge().direct('practices.add', { networkId: n.id, name: 'Troika consultng', learnedFrom: 'Liberating Structures' });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await user.click(await screen.findByRole('button', { name: /Host circle/ }));

    await user.click(await screen.findByRole('button', { name: 'Rename network' }));
    const rename = screen.getByRole('form', { name: 'Rename network' });
    await user.clear(within(rename).getByLabelText('Network name'));
    await user.type(within(rename).getByLabelText('Network name'), 'Hosts circle');
    await user.click(within(rename).getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('heading', { name: 'Hosts circle', level: 1 })).toBeInTheDocument();

    const congregations = screen.getByRole('list', { name: 'Congregations in it' });
    await user.click(within(congregations).getByRole('button', { name: 'Remove Riverside Commons from Hosts circle' }));
    await waitFor(() => expect(within(congregations).queryByText('Riverside Commons')).not.toBeInTheDocument());

    const practices = screen.getByRole('list', { name: 'Adapted practices' });
    await user.click(within(practices).getByRole('button', { name: 'Edit Troika consultng' }));
    const edit = within(practices).getByRole('form', { name: 'Edit practice' });
    await user.clear(within(edit).getByLabelText('Practice'));
    await user.type(within(edit).getByLabelText('Practice'), 'Troika consulting');
    await user.click(within(edit).getByRole('button', { name: 'Save changes' }));
    expect(await within(practices).findByText('Troika consulting')).toBeInTheDocument();
    await user.click(within(practices).getByRole('button', { name: 'Delete Troika consulting' }));
    await waitFor(() => expect(within(practices).queryByText('Troika consulting')).not.toBeInTheDocument());
    await user.click(undoIn('Troika consulting deleted'));
    expect(await within(practices).findByText('Troika consulting')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete network…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Hosts circle?' });
    expect(dialog).toHaveTextContent('Hosts circle leaves your Network page, with its 1 adapted practice.');
    // No congregation or host is left in it, so nothing is said about them.
    expect(dialog).not.toHaveTextContent(/stays? in your archive/);
    await user.click(within(dialog).getByRole('button', { name: 'Delete network' }));
    expect(await screen.findByRole('heading', { name: 'No networks yet' })).toBeInTheDocument();
    await user.click(undoIn('Hosts circle was deleted'));
    expect(await screen.findByRole('heading', { name: 'Hosts circle', level: 1 })).toBeInTheDocument();
  });
});
