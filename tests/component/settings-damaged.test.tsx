import { writeFileSync } from 'node:fs';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { archivePath, type Core, createCore } from '../../electron/core';
import type { LadderBridge } from '../../shared/bridge';
import { makeTempDir } from '../support/temp-dir';
import { renderApp } from './render-app';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A core over an archive that was fine, backed up, and then damaged; put behind window.ladder. */
async function damagedArchive() {
  const temp = makeTempDir('ladder-damaged-');
  cleanups.push(temp.remove);
  const first = await createCore({ dataDir: temp.dir, version: 'test', automaticBackups: false });
  await first.handle('journal.create', { title: 'Safe in the backup', entryDate: '2026-11-20' });
  await first.handle('backup.now', {});
  await first.close();
  writeFileSync(archivePath(temp.dir), 'scribbles '.repeat(500));
  const core: Core = await createCore({ dataDir: temp.dir, version: 'test', automaticBackups: false });
  cleanups.push(() => core.close());
  const bridge: LadderBridge = { invoke: ((name: string, input: unknown) => core.handle(name, structuredClone(input))) as LadderBridge['invoke'] };
  Object.defineProperty(window, 'ladder', { value: bridge, configurable: true, writable: true });
  return core;
}

describe('a damaged archive', () => {
  it('is shown plainly instead of the app, and the newest good backup can be restored', async () => {
    const core = await damagedArchive();
    const { user } = renderApp();
    expect(await screen.findByRole('heading', { name: 'Your archive is damaged' })).toBeInTheDocument();
    expect(screen.getByText(/has not changed it in any way/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Rungs' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Restore the backup from/ }));
    expect(await screen.findByRole('navigation', { name: 'Rungs' }, { timeout: 3_000 })).toBeInTheDocument();
    expect(await screen.findByText(/The damaged file was kept aside/)).toBeInTheDocument();
    expect(core.damaged).toBeNull();
  });
});
