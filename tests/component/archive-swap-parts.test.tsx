import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/app/navigation-store';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { exportTo } from '../support/transfer';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

/**
 * Parts (and prompts) are loaded once and kept while the app runs. When the archive changes
 * under the app, by a restore or an import, the parts shown must be the archive's as it is now.
 */

const answered = { timeout: 3_000 };
const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

/** The parts' cards on Self › Parts, by the names they start with. */
async function partNames() {
  act(() => useNavigation.getState().go('self', { kind: 'parts' }));
  await screen.findByRole('heading', { name: 'Your parts' });
  return (await screen.findAllByRole('button', { name: /^(Critic|Rebel)/ })).map((card) => card.textContent);
}

describe('parts after the archive changed', () => {
  it('shows the restored backup’s parts, not the ones from before the restore', async () => {
    await coreBridge().direct('parts.create', { name: 'Critic', role: 'manager' });
    await coreBridge().direct('backup.now', {});
    await coreBridge().direct('parts.create', { name: 'Rebel', role: 'firefighter' });
    const { user } = renderApp();
    expect(await partNames()).toEqual([expect.stringMatching(/^Critic/), expect.stringMatching(/^Rebel/)]);

    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const list = await screen.findByRole('list', { name: 'Backups' }, answered);
    await user.click(within(list).getByRole('button', { name: /^Restore the backup from/ }));
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByText('Backup restored', {}, answered)).toBeInTheDocument();

    expect(await partNames()).toEqual([expect.stringMatching(/^Critic/)]);
  });

  it('shows the parts an import brought in beside the ones already here', async () => {
    const elsewhere = await openTestCore();
    await elsewhere.call('parts.create', { name: 'Rebel', role: 'firefighter' });
    const folder = makeTempDir('ladder-export-');
    temps.push(folder.remove);
    const exported = await exportTo(elsewhere, folder.dir);
    await coreBridge().direct('parts.create', { name: 'Critic', role: 'manager' });
    const { user } = renderApp();
    expect(await partNames()).toEqual([expect.stringMatching(/^Critic/)]);

    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('The JSON file'), exported.jsonFile);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    await user.click(await screen.findByRole('button', { name: 'Import these changes' }, answered));
    expect(await screen.findByText(/Imported: /, {}, answered)).toBeInTheDocument();

    expect(await partNames()).toEqual([expect.stringMatching(/^Critic/), expect.stringMatching(/^Rebel/)]);
  });
});
