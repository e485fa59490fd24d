import { closeSync, openSync, writeSync } from 'node:fs';
import { screen } from '@testing-library/react';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { archivePath, type Core, createCore } from '../../electron/core';
import type { LadderBridge } from '../../shared/bridge';
import { makeTempDir } from '../support/temp-dir';
import { renderApp } from './render-app';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A core over an archive with entries and people, one page of its entries scribbled over; behind window.ladder. */
async function damagedArchive() {
  const temp = makeTempDir('ladder-salvage-ui-');
  cleanups.push(temp.remove);
  const first = await createCore({ dataDir: temp.dir, version: 'test', automaticBackups: false });
  for (let i = 0; i < 200; i += 1) await first.handle('journal.create', { title: `Entry ${i}`, body: `Day ${i} in a few words.`, entryDate: '2026-11-20' });
  for (let i = 0; i < 3; i += 1) await first.handle('people.create', { name: `Friend ${i}` });
  await first.close();
  const file = archivePath(temp.dir);
  const stat = new SqliteDatabase(file, { readonly: true });
  const leaf = stat.prepare("SELECT pageno, ncell FROM dbstat WHERE name = 'entry' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 1").get() as { pageno: number; ncell: number };
  stat.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (leaf.pageno - 1) * 4096);
  closeSync(fd);
  const core: Core = await createCore({ dataDir: temp.dir, version: 'test', automaticBackups: false });
  cleanups.push(() => core.close());
  const bridge: LadderBridge = { invoke: ((name: string, input: unknown) => core.handle(name, structuredClone(input))) as LadderBridge['invoke'] };
  Object.defineProperty(window, 'ladder', { value: bridge, configurable: true, writable: true });
  return { core, lost: leaf.ncell };
}

describe('the damaged screen: a recovered copy', () => {
  it('reads what it can into a new archive, says what was lost, and puts the copy in place', async () => {
    const { core, lost } = await damagedArchive();
    const { user } = renderApp();
    expect(await screen.findByRole('heading', { name: 'Your archive is damaged' })).toBeInTheDocument();
    expect(screen.getByText(/the damaged file is not changed/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Make a recovered copy' }));
    const sentence = await screen.findByText(/^Recovered /, {}, { timeout: 5_000 });
    // The prompts and templates the archive came with are counted by name too.
    expect(sentence.textContent).toMatch(new RegExp(`^Recovered ${200 - lost} entries, 3 people, \\d+ prompts and \\d+ templates; ${lost} entries could not be read\\.$`));

    await user.click(screen.getByRole('button', { name: 'Use the recovered copy' }));
    expect(await screen.findByRole('navigation', { name: 'Rungs' }, { timeout: 3_000 })).toBeInTheDocument();
    expect(await screen.findByText(/The damaged file was kept aside/)).toBeInTheDocument();
    expect(core.damaged).toBeNull();
  });
});
