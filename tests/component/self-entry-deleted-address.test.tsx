import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge } from './core-bridge';
import { renderAppAt } from './render-app';

describe('the address after the open entry is deleted', () => {
  it('names the journal alone, so a reload does not look for the deleted entry; Undo names the entry again', async () => {
    const kept = await coreBridge().direct('journal.create', { title: 'Still here', body: 'Kept.', entryDate: '2026-11-19' });
    const gone = await coreBridge().direct('journal.create', { title: 'Let go', body: 'Not for long.', entryDate: '2026-11-18' });
    const { user } = renderAppAt(`#/self/entry/${gone.id}`);
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Let go'));
    expect(window.location.hash).toBe(`#/self/entry/${gone.id}`);

    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    await screen.findByText('Entry deleted');
    await waitFor(() => expect(window.location.hash).toBe('#/self'));
    expect(screen.queryByRole('heading', { name: 'This entry isn’t in your journal' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('Let go'));
    await waitFor(() => expect(window.location.hash).toBe(`#/self/entry/${gone.id}`));

    // Another entry opened from the list, then deleted: its address goes too.
    await user.click(within(screen.getByRole('list', { name: 'Journal' })).getByRole('button', { name: /Still here/ }));
    await waitFor(() => expect(window.location.hash).toBe(`#/self/entry/${kept.id}`));
    await user.click(screen.getByRole('button', { name: 'Delete entry' }));
    await waitFor(() => expect(window.location.hash).toBe('#/self'));
  });
});
