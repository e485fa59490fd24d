import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { useNetworks } from '../../renderer/src/network/network-store';
import { renderApp, sidebar } from './render-app';
import { openRecord } from './support/records';
import { restartWindow } from './support/restart';

const renameKey = (id: string) => `network:${id}:rename`;

async function storedDraft(key: string) {
  const draft = (await coreBridge().direct('drafts.list', {})).find((d) => d.key === key);
  return draft ? (JSON.parse(draft.value) as Record<string, unknown>) : undefined;
}

function renameForm() {
  return screen.getByRole('form', { name: 'Rename network' });
}

describe('Rename network keeps its words, as every other form does', () => {
  it('keeps a new name through another page and back, and Cancel asks before letting it go', async () => {
    const n = await coreBridge().direct('networks.create', { name: 'Host circle' });
    const user = await openRecord('Network', 'Host circle');
    await user.click(screen.getByRole('button', { name: 'Rename network' }));
    const field = within(renameForm()).getByLabelText('Network name');
    await user.clear(field);
    await user.type(field, 'Hosts of the coast');
    expect(within(renameForm()).getByText(/Your words are kept here until you save the new name or cancel/)).toBeInTheDocument();

    await user.click(sidebar().getByRole('button', { name: 'Self' }));
    await user.click(sidebar().getByRole('button', { name: 'Network' }));
    await user.click(await screen.findByRole('button', { name: /Host circle/ }));
    // The form is open again, with the words as they were left.
    expect(within(await screen.findByRole('form', { name: 'Rename network' })).getByLabelText('Network name')).toHaveValue('Hosts of the coast');
    await waitFor(async () => expect(await storedDraft(renameKey(n.id))).toEqual({ name: 'Hosts of the coast' }));

    // Cancel asks first; keeping the draft changes nothing.
    await user.click(within(renameForm()).getByRole('button', { name: 'Cancel' }));
    let dialog = screen.getByRole('alertdialog', { name: 'Discard this draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep the draft' }));
    expect(within(renameForm()).getByLabelText('Network name')).toHaveValue('Hosts of the coast');
    await user.click(within(renameForm()).getByRole('button', { name: 'Cancel' }));
    dialog = screen.getByRole('alertdialog', { name: 'Discard this draft?' });
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));
    expect(await screen.findByRole('heading', { name: 'Host circle', level: 1 })).toBeInTheDocument();
    await waitFor(async () => expect(await storedDraft(renameKey(n.id))).toBeUndefined());
    // Opened again, it starts from the stored name.
    await user.click(screen.getByRole('button', { name: 'Rename network' }));
    expect(within(renameForm()).getByLabelText('Network name')).toHaveValue('Host circle');
    // Nothing typed: Cancel closes at once, with nothing to ask.
    await user.click(within(renameForm()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Host circle', level: 1 })).toBeInTheDocument();
    expect((await coreBridge().direct('networks.get', { id: n.id })).network.name).toBe('Host circle');
  });

  it('brings a new name back after a restart, and saving it lets the draft go', async () => {
    const n = await coreBridge().direct('networks.create', { name: 'Host circle' });
    const user = await openRecord('Network', 'Host circle');
    await user.click(screen.getByRole('button', { name: 'Rename network' }));
    await user.type(within(renameForm()).getByLabelText('Network name'), 's');
    await waitFor(async () => expect(await storedDraft(renameKey(n.id))).toEqual({ name: 'Host circles' }));

    restartWindow();
    useNetworks.getState().reset();
    const { user: again } = renderApp();
    await again.click(sidebar().getByRole('button', { name: 'Network' }));
    await again.click(await screen.findByRole('button', { name: /Host circle/ }));
    const field = within(await screen.findByRole('form', { name: 'Rename network' })).getByLabelText('Network name');
    expect(field).toHaveValue('Host circles');
    await again.click(within(renameForm()).getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('heading', { name: 'Host circles', level: 1 })).toBeInTheDocument();
    expect((await coreBridge().direct('networks.get', { id: n.id })).network.name).toBe('Host circles');
    await waitFor(async () => expect(await storedDraft(renameKey(n.id))).toBeUndefined());
  });
});
