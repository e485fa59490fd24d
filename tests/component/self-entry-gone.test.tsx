import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge, seedEntries } from './core-bridge';
import { renderAppAt, sidebar } from './render-app';

async function deletedEntryId(title: string) {
  const entry = await coreBridge().direct('journal.create', { title, body: 'Gone now.', entryDate: '2026-11-18' });
  await coreBridge().direct('journal.delete', { id: entry.id });
  return entry.id;
}

describe('the address of an entry that is not in the journal', () => {
  it('says kindly where the entry would be that it is not there, and goes back to the journal', async () => {
    await seedEntries([{ title: 'Still here', body: 'Kept.', entryDate: '2026-11-19' }]);
    const id = await deletedEntryId('Let go');
    const { user } = renderAppAt(`#/self/entry/${id}`);

    expect(await screen.findByRole('heading', { name: 'This entry isn’t in your journal' })).toBeInTheDocument();
    expect(screen.getByText(/may have been deleted/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Still here/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back to the journal' }));
    expect(await screen.findByRole('heading', { name: 'Today’s prompt' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This entry isn’t in your journal' })).not.toBeInTheDocument();
    expect(window.location.hash).toBe('#/self');
  });

  it('says so even when nothing else is written yet, instead of the welcome', async () => {
    const id = await deletedEntryId('The only one');
    renderAppAt(`#/self/entry/${id}`);
    expect(await screen.findByRole('heading', { name: 'This entry isn’t in your journal' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your journal is ready when you are' })).not.toBeInTheDocument();
  });

  it('leaves the note behind with its address: the journal front after another tab is the usual one', async () => {
    await seedEntries([{ title: 'Still here', body: 'Kept.', entryDate: '2026-11-19' }]);
    const id = await deletedEntryId('Let go');
    const { user } = renderAppAt(`#/self/entry/${id}`);
    await screen.findByRole('heading', { name: 'This entry isn’t in your journal' });

    await user.click(screen.getByRole('button', { name: 'Parts' }));
    await screen.findByRole('heading', { name: 'Your parts' });
    await user.click(screen.getByRole('button', { name: 'Journal' }));
    expect(await screen.findByRole('heading', { name: 'Today’s prompt' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This entry isn’t in your journal' })).not.toBeInTheDocument();
    await waitFor(() => expect(sidebar().getByRole('button', { name: 'Self' })).toHaveAttribute('aria-current', 'page'));
  });
});
