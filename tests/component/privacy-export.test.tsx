import { readdirSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../../electron/core';
import type { LadderBridge } from '../../shared/bridge';
import { makeTempDir } from '../support/temp-dir';
import { renderApp, sidebar } from './render-app';

const kdfCost = { N: 2 ** 12, r: 8, p: 1 };
const passphrase = 'correct horse battery staple';
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function encryptedCore(): Promise<Core> {
  const temp = makeTempDir('ladder-privacy-export-ui-');
  cleanups.push(temp.remove);
  const core = await createCore({ dataDir: temp.dir, version: 'test', automaticBackups: false, kdfCost });
  cleanups.push(() => core.close());
  await core.handle('journal.create', { title: 'Exported quietly', entryDate: '2026-11-20' });
  await core.handle('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
  const bridge: LadderBridge = { invoke: ((name: string, input: unknown) => core.handle(name, structuredClone(input))) as LadderBridge['invoke'] };
  Object.defineProperty(window, 'ladder', { value: bridge, configurable: true, writable: true });
  return core;
}

describe('Export of an encrypted archive', () => {
  it('is encrypted with the passphrase unless Plain export is ticked, which warns first', async () => {
    await encryptedCore();
    const out = makeTempDir('ladder-privacy-export-out-');
    cleanups.push(out.remove);
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const section = within(await screen.findByRole('region', { name: 'Export' }));
    const folder = section.getByLabelText('Export into this folder');
    await user.clear(folder);
    await user.type(folder, out.dir);
    const exportButton = section.getByRole('button', { name: 'Export everything' });
    expect(exportButton).toBeDisabled();
    expect(section.getByLabelText('Your passphrase')).toHaveAccessibleDescription(/ladder-archive\.encrypted\.json/);

    await user.type(section.getByLabelText('Your passphrase'), 'not the passphrase');
    await user.click(exportButton);
    expect(await section.findByText('That passphrase does not open this archive.')).toBeInTheDocument();

    await user.clear(section.getByLabelText('Your passphrase'));
    await user.type(section.getByLabelText('Your passphrase'), passphrase);
    await user.click(exportButton);
    expect(await section.findByText(/encrypted with your passphrase/, {}, { timeout: 5_000 })).toBeInTheDocument();
    const [made] = readdirSync(out.dir);
    expect(readdirSync(`${out.dir}/${made}`)).toEqual(['ladder-archive.encrypted.json']);

    await user.click(section.getByLabelText(/Plain export/));
    expect(section.getByText(/Anyone who can open these files can read them/)).toBeInTheDocument();
    expect(section.queryByLabelText('Your passphrase')).not.toBeInTheDocument();
    await user.click(exportButton);
    expect(await section.findByText(/Exported 1 Markdown file and the full archive/, {}, { timeout: 5_000 })).toBeInTheDocument();
  });
});
