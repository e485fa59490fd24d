import { renameSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import type { LadderBridge } from '../../shared/bridge';
import { useAppInfo } from '../../renderer/src/app/app-info-store';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { lockEffects, usePrivacy } from '../../renderer/src/privacy/privacy-store';
import { makeTempDir } from '../support/temp-dir';
import { renderApp, renderAppAt, sidebar } from './render-app';

const kdfCost = { N: 2 ** 12, r: 8, p: 1 };
const passphrase = 'correct horse battery staple';
const cleanups: (() => Promise<void> | void)[] = [];
const clearPage = vi.fn();

beforeEach(() => {
  usePrivacy.getState().reset();
  clearPage.mockReset();
  lockEffects.clearPage = clearPage;
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  usePrivacy.getState().reset();
});

/** A real core behind window.ladder; `encrypted` sets a passphrase and starts it again, locked. */
async function coreBehindWindow({ encrypted }: { encrypted: boolean }) {
  const temp = makeTempDir('ladder-privacy-ui-');
  cleanups.push(temp.remove);
  const options = { dataDir: temp.dir, version: 'test', automaticBackups: false, kdfCost };
  let core: Core = await createCore(options);
  let recoveryKey = '';
  await core.handle('journal.create', { title: 'Behind the lock', entryDate: '2026-11-20' });
  if (encrypted) {
    const result = await core.handle('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    if (result.ok) recoveryKey = (result.data as { recoveryKey: string }).recoveryKey;
    await core.close();
    core = await createCore(options);
  }
  const open = core;
  cleanups.push(() => open.close());
  const bridge: LadderBridge = { invoke: ((name: string, input: unknown) => open.handle(name, structuredClone(input))) as LadderBridge['invoke'] };
  Object.defineProperty(window, 'ladder', { value: bridge, configurable: true, writable: true });
  return { core: open, recoveryKey, dataDir: temp.dir };
}

describe('the lock screen', () => {
  it('shows instead of the app; a wrong passphrase says so beside the field and keeps focus there; the right one opens', async () => {
    await coreBehindWindow({ encrypted: true });
    const { user } = renderApp();
    expect(await screen.findByRole('heading', { name: 'Ladder is locked' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Rungs' })).not.toBeInTheDocument();
    const field = screen.getByLabelText('Passphrase');
    expect(field).toHaveFocus();
    // No safe store in this host: the option is not offered.
    expect(screen.queryByLabelText(/Remember on this device/)).not.toBeInTheDocument();

    await user.type(field, 'not the passphrase');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    const error = await screen.findByText('That passphrase does not open this archive.');
    expect(field).toHaveAccessibleDescription('That passphrase does not open this archive.');
    expect(error).toHaveAttribute('role', 'alert');
    expect(field).toHaveFocus();

    await user.clear(field);
    await user.type(field, `${passphrase}{Enter}`);
    expect(await screen.findByRole('navigation', { name: 'Rungs' }, { timeout: 5_000 })).toBeInTheDocument();
  });

  it('opens with the recovery key and a new passphrase', async () => {
    const { recoveryKey, core } = await coreBehindWindow({ encrypted: true });
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Use recovery key' }));
    await user.type(screen.getByLabelText('Recovery key'), recoveryKey.toLowerCase());
    await user.type(screen.getByLabelText('New passphrase'), 'a whole new passphrase');
    await user.type(screen.getByLabelText('Repeat the new passphrase'), 'a whole new passphrase');
    await user.click(screen.getByRole('button', { name: 'Unlock and set passphrase' }));
    expect(await screen.findByRole('navigation', { name: 'Rungs' }, { timeout: 5_000 })).toBeInTheDocument();
    await core.handle('privacy.lock', {});
    expect(await core.handle('privacy.unlock', { passphrase: 'a whole new passphrase' })).toMatchObject({ ok: true });
  });
  it("reopened on the journal's address, asks nothing of the journal until unlocked, then shows it", async () => {
    await coreBehindWindow({ encrypted: true });
    const asked: string[] = [];
    const invoke = window.ladder.invoke.bind(window.ladder);
    window.ladder.invoke = (name, input) => {
      asked.push(name);
      return invoke(name, input);
    };
    const { user } = renderAppAt('#/self');
    const field = await screen.findByLabelText('Passphrase');
    await waitFor(() => expect(asked).toContain('app.info'));
    // Its rows would only be refused while locked, and the page would open on that refusal.
    expect(asked).not.toContain('journal.list');
    await user.type(field, `${passphrase}{Enter}`);
    expect(await within(await screen.findByRole('list', { name: 'Journal' }, { timeout: 5_000 })).findByText('Behind the lock')).toBeInTheDocument();
  });
});

describe('Settings › Privacy', () => {
  it('sets a passphrase, shows the recovery key once, then offers the lock settings and Lock now', async () => {
    const { core } = await coreBehindWindow({ encrypted: false });
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const section = within(await screen.findByRole('region', { name: 'Privacy' }));
    await user.click(await section.findByRole('button', { name: 'Set a passphrase…' }));

    const dialog = within(screen.getByRole('dialog', { name: 'Set a passphrase' }));
    expect(dialog.getByLabelText('Passphrase')).toHaveFocus();
    expect(dialog.getByText(/nobody can open your archive again/)).toBeInTheDocument();
    expect(dialog.getByLabelText(/Delete the earlier unencrypted backups/)).toBeChecked();
    await user.type(dialog.getByLabelText('Passphrase'), 'short');
    await user.type(dialog.getByLabelText('Repeat the passphrase'), 'short');
    await user.click(dialog.getByRole('button', { name: 'Encrypt my archive' }));
    expect(await dialog.findByText(/Use at least 10 characters/)).toBeInTheDocument();

    await user.clear(dialog.getByLabelText('Passphrase'));
    await user.clear(dialog.getByLabelText('Repeat the passphrase'));
    await user.type(dialog.getByLabelText('Passphrase'), passphrase);
    await user.type(dialog.getByLabelText('Repeat the passphrase'), 'something else entirely');
    await user.click(dialog.getByRole('button', { name: 'Encrypt my archive' }));
    expect(await dialog.findByText("The two passphrases don't match yet.")).toBeInTheDocument();
    await user.clear(dialog.getByLabelText('Repeat the passphrase'));
    await user.type(dialog.getByLabelText('Repeat the passphrase'), passphrase);
    await user.click(dialog.getByRole('button', { name: 'Encrypt my archive' }));

    const keyDialog = within(await screen.findByRole('dialog', { name: 'Your recovery key' }, { timeout: 5_000 }));
    expect(keyDialog.getByLabelText('Recovery key').textContent).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(keyDialog.getByRole('button', { name: 'Print' })).toBeInTheDocument();
    expect(keyDialog.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    // Shown only this once: Escape does not close it, it says how to.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('dialog', { name: 'Your recovery key' })).toBeInTheDocument();
    expect(keyDialog.getByText(/This key is shown only this once\. Print it, copy it or write it down, then choose “I have saved it”\./)).toBeInTheDocument();
    await user.click(keyDialog.getByRole('button', { name: 'I have saved it' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    expect(await section.findByText('Encrypted')).toBeInTheDocument();
    // The unencrypted copy made on the way was deleted as asked; the encrypted one says what it is.
    const backups = within(await screen.findByRole('list', { name: 'Backups' }));
    await waitFor(() => expect(backups.getAllByRole('listitem')).toHaveLength(1));
    expect(backups.getByRole('listitem')).toHaveTextContent(/Made when a passphrase was set or removed · Encrypted \(opens with the passphrase it was made under\)/);
    const lockAfter = section.getByLabelText('Lock after');
    expect(lockAfter).toHaveValue('15');
    await user.selectOptions(lockAfter, 'After 5 minutes idle');
    await waitFor(async () => expect((await core.handle('privacy.status', {})) as unknown).toMatchObject({ ok: true, data: { lockAfterMinutes: 5 } }));

    // A wrong current passphrase when changing it is said on that field.
    await user.click(section.getByRole('button', { name: 'Change passphrase…' }));
    const change = within(screen.getByRole('dialog', { name: 'Change passphrase' }));
    await user.type(change.getByLabelText('Current passphrase'), 'not it at all');
    await user.type(change.getByLabelText('New passphrase'), 'the next passphrase');
    await user.type(change.getByLabelText('Repeat the new passphrase'), 'the next passphrase');
    await user.click(change.getByRole('button', { name: 'Change passphrase' }));
    expect(await change.findByText('That passphrase does not open this archive.')).toBeInTheDocument();
    await user.click(change.getByRole('button', { name: 'Cancel' }));

    await user.click(section.getByRole('button', { name: 'Lock now' }));
    await waitFor(() => expect(clearPage).toHaveBeenCalled());
    expect(await core.handle('journal.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('locks by itself after the chosen idle minutes, and activity puts it off', async () => {
    const { core } = await coreBehindWindow({ encrypted: true });
    await core.handle('privacy.unlock', { passphrase });
    await core.handle('privacy.setLockAfter', { minutes: 1 });
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      renderApp();
      await screen.findByRole('navigation', { name: 'Rungs' });
      await waitFor(() => expect(usePrivacy.getState().status?.lockAfterMinutes).toBe(1));
      vi.advanceTimersByTime(45_000);
      // A key press in the window is activity: the minute starts again.
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
      vi.advanceTimersByTime(45_000);
      expect(clearPage).not.toHaveBeenCalled();
      vi.advanceTimersByTime(30_000);
      await waitFor(() => expect(clearPage).toHaveBeenCalled());
      expect(await core.handle('privacy.status', {})).toMatchObject({ ok: true, data: { locked: true } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('Ctrl+Shift+L locks an encrypted archive', async () => {
    const { core } = await coreBehindWindow({ encrypted: true });
    await core.handle('privacy.unlock', { passphrase });
    const { user } = renderApp();
    await screen.findByRole('navigation', { name: 'Rungs' });
    await waitFor(() => expect(usePrivacy.getState().status?.encrypted).toBe(true));
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await waitFor(() => expect(clearPage).toHaveBeenCalled());
    expect(await core.handle('privacy.status', {})).toMatchObject({ ok: true, data: { locked: true } });
  });

  it('saves the words of a check-in still being typed before it locks', async () => {
    const { core } = await coreBehindWindow({ encrypted: true });
    await core.handle('privacy.unlock', { passphrase });
    const person = await core.handle('people.create', { name: 'Sam' });
    if (!person.ok) throw new Error('no person');
    const dyad = await core.handle('dyads.create', { personId: (person.data as { id: string }).id, kind: 'friend' });
    if (!dyad.ok) throw new Error('no dyad');
    const dyadId = (dyad.data as { id: string }).id;
    const { user } = renderApp();
    await screen.findByRole('navigation', { name: 'Rungs' });
    await waitFor(() => expect(usePrivacy.getState().status?.encrypted).toBe(true));
    // The check-in editor's module registers itself on loading; the lock reaches it from there.
    const { useCheckinEditor } = await import('../../renderer/src/dyads/checkin-editor-store');
    await useCheckinEditor.getState().start(dyadId);
    useCheckinEditor.getState().edit({ iShared: 'Words typed just before the lock' });
    await user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await waitFor(() => expect(clearPage).toHaveBeenCalled());
    await core.handle('privacy.unlock', { passphrase });
    expect(await core.handle('checkins.list', { dyadId })).toMatchObject({ ok: true, data: { checkins: [{ excerpt: 'Words typed just before the lock' }] } });
  });
});

describe('coming back after the lock', () => {
  it('opens again on the page that was open when Ladder locked, keeping only its name', async () => {
    const { core } = await coreBehindWindow({ encrypted: true });
    await core.handle('privacy.unlock', { passphrase });
    sessionStorage.clear();
    const first = renderApp();
    await first.user.click(await sidebar().findByRole('button', { name: 'Dyads' }));
    await screen.findByRole('heading', { name: 'Dyads', level: 1 });
    await waitFor(() => expect(usePrivacy.getState().status?.encrypted).toBe(true));
    await first.user.keyboard('{Control>}{Shift>}L{/Shift}{/Control}');
    await waitFor(() => expect(clearPage).toHaveBeenCalled());
    // Only the page id survives the reload: nothing anyone wrote.
    expect(Object.entries(sessionStorage)).toEqual([['ladder.pageBeforeLock', 'dyads']]);

    // The reload: everything in the page starts afresh.
    first.unmount();
    useNavigation.getState().reset();
    useAppInfo.getState().reset();
    usePrivacy.getState().reset();
    const { user } = renderApp();
    await user.type(await screen.findByLabelText('Passphrase'), `${passphrase}{Enter}`);
    const heading = await screen.findByRole('heading', { name: 'Dyads', level: 1 }, { timeout: 5_000 });
    expect(sidebar().getByRole('button', { name: 'Dyads' })).toHaveAttribute('aria-current', 'page');
    expect(heading).toHaveFocus();
    expect(sessionStorage.length).toBe(0);
  });
});

describe('restoring a backup made under another passphrase', () => {
  it('asks for that passphrase on the backup’s row, says so when it is wrong, and restores with the right one', async () => {
    const { core, dataDir } = await coreBehindWindow({ encrypted: true });
    await core.handle('privacy.unlock', { passphrase });
    const made = await core.handle('backup.now', {});
    if (!made.ok) throw new Error('no backup');
    // Out of the daily rotation, so the later backups keep it.
    const old = 'pre-migration-v1-2026-01-01T00-00-00-000Z.sqlite3';
    const name = (made.data as { name: string }).name;
    renameSync(path.join(dataDir, 'backups', name), path.join(dataDir, 'backups', old));
    renameSync(path.join(dataDir, 'backups', `${name}.key.json`), path.join(dataDir, 'backups', `${old}.key.json`));
    await core.handle('privacy.removePassphrase', { current: passphrase });
    await core.handle('privacy.setPassphrase', { passphrase: 'the second passphrase', deletePlainBackups: true });

    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const restoreButtons = await screen.findAllByRole('button', { name: /^Restore the backup from/ });
    await user.click(restoreButtons.at(-1)!);
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    const field = await screen.findByLabelText('The passphrase this backup was made under');
    expect(await screen.findByText(/made under another passphrase/)).toBeInTheDocument();
    await waitFor(() => expect(field).toHaveFocus());
    await user.type(field, 'the second passphrase');
    await user.click(screen.getByRole('button', { name: 'Restore with this passphrase' }));
    expect(await screen.findByText(/does not open this backup/)).toBeInTheDocument();
    // Back in the field to try again.
    await waitFor(() => expect(screen.getByLabelText('The passphrase this backup was made under')).toHaveFocus());
    await user.clear(screen.getByLabelText('The passphrase this backup was made under'));
    await user.type(screen.getByLabelText('The passphrase this backup was made under'), passphrase);
    await user.click(screen.getByRole('button', { name: 'Restore with this passphrase' }));
    expect(await screen.findByText('Backup restored', {}, { timeout: 5_000 })).toBeInTheDocument();
    await core.handle('privacy.lock', {});
    expect(await core.handle('privacy.unlock', { passphrase })).toMatchObject({ ok: true });
  });
});
