import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { coreBridge, seedEntries } from './core-bridge';
import { renderApp, startWindowAt } from './render-app';

/**
 * As the window starts on the journal's address, its first rows are asked for before React
 * renders anything (main.tsx): that answer is used rather than asked for twice, and never one
 * that could be out of date.
 */
function journalRows() {
  return within(screen.getByRole('list', { name: 'Journal' })).getAllByRole('button');
}

describe('the journal opened at its address', () => {
  it('shows the rows asked for as the window started, asking only once', async () => {
    await seedEntries([{ title: 'Walk by the river', entryDate: '2026-11-20' }]);
    startWindowAt('#/self');
    renderApp();
    await screen.findByRole('list', { name: 'Journal' });
    expect(journalRows()[0]).toHaveAccessibleName(/Walk by the river/);
    expect(coreBridge().callsOf('journal.list')).toHaveLength(1);
  });

  it('asks again when that early answer failed, and shows the rows', async () => {
    await seedEntries([{ title: 'Walk by the river', entryDate: '2026-11-20' }]);
    coreBridge().failWith('journal.list', { code: 'internal', message: 'The archive is still opening.' });
    startWindowAt('#/self');
    coreBridge().failWith('journal.list', null);
    renderApp();
    await screen.findByRole('list', { name: 'Journal' });
    expect(journalRows()[0]).toHaveAccessibleName(/Walk by the river/);
    expect(screen.queryByText('The archive is still opening.')).not.toBeInTheDocument();
    expect(coreBridge().callsOf('journal.list')).toHaveLength(2);
  });

  it('asks afresh once a key was pressed, so an entry saved meanwhile is listed', async () => {
    await seedEntries([{ title: 'Walk by the river', entryDate: '2026-11-20' }]);
    startWindowAt('#/self');
    // The early answer arrives; then the archive changes under it, as a shortcut's save could.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await seedEntries([{ title: 'Written just now', entryDate: '2026-11-21' }]);
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    renderApp();
    await screen.findByRole('list', { name: 'Journal' });
    expect(journalRows()[0]).toHaveAccessibleName(/Written just now/);
    expect(journalRows()[1]).toHaveAccessibleName(/Walk by the river/);
  });
});
