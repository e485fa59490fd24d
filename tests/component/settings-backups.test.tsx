import { act, screen, waitFor, within } from '@testing-library/react';
import { useToasts } from '../../renderer/src/ui/toast-store';
import { describe, expect, it } from 'vitest';
import { coreBridge, seedEntries } from './core-bridge';
import { renderApp, sidebar } from './render-app';

const answered = { timeout: 3_000 };

async function openSettings(user: ReturnType<typeof renderApp>['user']) {
  await user.click(sidebar().getByRole('button', { name: 'Settings' }));
  await screen.findByRole('heading', { name: 'Backups' });
}

describe('Settings: backups', () => {
  it('makes a backup now, restores it after a confirmation, and undoes the restore', async () => {
    await seedEntries([{ title: 'Before the backup', entryDate: '2026-11-20' }]);
    const { user } = renderApp();
    await openSettings(user);
    expect(screen.getByText(/No backups yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const list = await screen.findByRole('list', { name: 'Backups' }, answered);
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText(/Made with Back up now/)).toBeInTheDocument();

    await coreBridge().direct('journal.create', { title: 'After the backup', entryDate: '2026-11-21' });
    await user.click(within(list).getByRole('button', { name: /^Restore the backup from/ }));
    // Nothing happens until the person says yes.
    expect(coreBridge().callsOf('backup.restore')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByText('Backup restored', {}, answered)).toBeInTheDocument();
    const titles = async () => (await coreBridge().direct('journal.list', {})).entries.map((e) => e.title);
    expect(await titles()).toEqual(['Before the backup']);

    // Undo is offered twice: in the toast and beside the backups.
    const undo = await screen.findAllByRole('button', { name: 'Undo restore' }, answered);
    await user.click(undo[0]!);
    await waitFor(async () => expect(await titles()).toEqual(['After the backup', 'Before the backup']), answered);
  });

  it('moves focus into the restore question on "Keep my archive", and Escape or "Keep my archive" puts it back on Restore…', async () => {
    await seedEntries([{ title: 'Kept as it is', entryDate: '2026-11-20' }]);
    await coreBridge().direct('backup.now', {});
    const { user } = renderApp();
    await openSettings(user);
    // A toast is up: Escape in the question must close the question, not the toast.
    act(() => {
      useToasts.getState().show('Backup made');
    });
    const list = await screen.findByRole('list', { name: 'Backups' }, answered);
    await user.click(within(list).getByRole('button', { name: /^Restore the backup from/ }));
    // The safe answer first, as in delete dialogs: one stray Enter must not replace the archive.
    expect(within(list).getByRole('button', { name: 'Keep my archive' })).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(within(list).queryByRole('group', { name: 'Confirm restore' })).not.toBeInTheDocument();
    expect(within(list).getByRole('button', { name: /^Restore the backup from/ })).toHaveFocus();
    expect(screen.getByText('Backup made')).toBeInTheDocument();

    await user.keyboard('{Enter}');
    expect(within(list).getByRole('button', { name: 'Keep my archive' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(list).getByRole('button', { name: /^Restore the backup from/ })).toHaveFocus();
    expect(coreBridge().callsOf('backup.restore')).toHaveLength(0);

    // Restoring takes a deliberate step back to "Restore this backup"; after it, focus comes back to the row.
    await user.keyboard('{Enter}');
    await user.tab({ shift: true });
    expect(within(list).getByRole('button', { name: 'Restore this backup' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Backup restored', {}, answered)).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByRole('button', { name: /^Restore the backup from/ }).some((b) => b === document.activeElement)).toBe(true), answered);
  });

  it('exports through the path field and shows where it went', async () => {
    await seedEntries([{ title: 'To export', entryDate: '2026-11-20' }]);
    const { user } = renderApp();
    await openSettings(user);
    const field = screen.getByLabelText('Export into this folder');
    await waitFor(() => expect((field as HTMLInputElement).value).toMatch(/Ladder exports$/));
    const { makeTempDir } = await import('../support/temp-dir');
    const temp = makeTempDir();
    try {
      await user.clear(field);
      await user.type(field, temp.dir);
      await user.click(screen.getByRole('button', { name: 'Export everything' }));
      // One file is "file": the plural only for more than one.
      expect(await screen.findByText(/^Exported 1 Markdown file and the full archive to/, {}, answered)).toBeInTheDocument();
      // No picker in the browser: the path field is the way.
      expect(screen.queryByRole('button', { name: 'Choose…' })).not.toBeInTheDocument();
    } finally {
      temp.remove();
    }
  });
});
