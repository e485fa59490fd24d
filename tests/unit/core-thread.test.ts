import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Platform } from '../../electron/core';
import { type CoreThread, CoreThreadUnavailable, startCoreThread } from '../../electron/core/thread/core-thread';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import { makeTempDir } from '../support/temp-dir';
import { openPrivacyCore, passphrase } from './privacy-support';

// The desktop app runs the built `core-worker.js`; here the same entry runs from source.
const entry = new URL('../../electron/core/thread/core-worker.ts', import.meta.url);
const execArgv = ['--import', 'tsx'];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir() {
  const temp = makeTempDir('ladder-core-thread-');
  cleanups.push(temp.remove);
  return temp.dir;
}

async function open(dataDir: string, platform?: Platform): Promise<CoreThread> {
  const thread = await startCoreThread({ entry, execArgv, dataDir, version: 'test', ...(platform ? { platform } : {}) });
  cleanups.push(() => thread.close());
  return thread;
}

async function call<N extends RequestName>(thread: CoreThread, name: N, input: RequestInput<N>): Promise<RequestResult<N>> {
  const envelope = await thread.handle(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
  return envelope.data as RequestResult<N>;
}

describe('the core in a thread of its own (the desktop app)', () => {
  it('answers requests in the order sent, and what it saved is in the archive once closed', async () => {
    const dataDir = tempDir();
    const thread = await open(dataDir);
    // Sent together without waiting, as a window's quick clicks would be.
    const saves = ['First', 'Second', 'Third'].map((title, i) => thread.handle('journal.create', { title, body: `Entry ${i + 1}`, entryDate: '2026-11-29' }));
    expect((await Promise.all(saves)).every((envelope) => envelope.ok)).toBe(true);
    const list = await call(thread, 'journal.list', {});
    expect(list.entries.map((entry) => entry.title)).toEqual(['Third', 'Second', 'First']);

    const invalid = await thread.handle('journal.create', { entryDate: 'yesterday' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'validation' } });

    await thread.close();
    // Closed cleanly: the log folded into the file, and the file free to open again.
    expect(existsSync(path.join(dataDir, 'ladder.sqlite3-wal')) && statSync(path.join(dataDir, 'ladder.sqlite3-wal')).size > 0).toBe(false);
    const again = await createCore({ dataDir, version: 'test', automaticBackups: false });
    const reopened = await again.handle('journal.list', {});
    await again.close();
    expect(reopened).toMatchObject({ ok: true, data: { entries: [{ title: 'Third' }, { title: 'Second' }, { title: 'First' }] } });

    expect(await thread.handle('journal.list', {})).toMatchObject({ ok: false, error: { code: 'internal', message: 'Ladder has closed your archive.' } });
  });

  it('says why when the archive cannot be opened', async () => {
    const notAFolder = path.join(tempDir(), 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const opening = startCoreThread({ entry, execArgv, dataDir: notAFolder });
    await expect(opening).rejects.toThrow(/a-file/);
    // The archive's fault, not the thread's: the shell shows this rather than trying again.
    await expect(opening).rejects.not.toBeInstanceOf(CoreThreadUnavailable);
  });

  it('tells the shell when the thread itself cannot run, so it can open the archive another way', async () => {
    const missing = new URL('./no-such-worker.js', entry);
    await expect(startCoreThread({ entry: missing, dataDir: tempDir() })).rejects.toBeInstanceOf(CoreThreadUnavailable);
  });

  it('answers what was waiting when the thread ends unexpectedly', async () => {
    // A stand-in for the core's thread that opens, then dies on its first request.
    const dying = `import { parentPort } from 'node:worker_threads';
      parentPort.postMessage({ type: 'opened' });
      parentPort.on('message', () => process.exit(3));`;
    const thread = await startCoreThread({ entry: new URL(`data:text/javascript,${encodeURIComponent(dying)}`), dataDir: tempDir() });
    const message = expect.stringContaining('stopped working unexpectedly') as string;
    expect(await thread.handle('journal.list', {})).toMatchObject({ ok: false, error: { code: 'internal', message } });
    expect(await thread.handle('journal.list', {})).toMatchObject({ ok: false, error: { code: 'internal', message } });
    await thread.close();
  });

  it('asks the shell for the pickers, and only offers the ones the shell has', async () => {
    const asked: unknown[] = [];
    const thread = await open(tempDir(), {
      pickFolder: (options) => {
        asked.push(options);
        return Promise.resolve('/home/someone/Exports');
      },
      pickFile: () => Promise.reject(new Error('The picker could not open.')),
    });
    expect(await call(thread, 'app.info', {})).toMatchObject({ canPickPaths: true });
    expect(await call(thread, 'transfer.pickFolder', { title: 'Export to…' })).toEqual({ path: '/home/someone/Exports' });
    expect(asked).toMatchObject([{ title: 'Export to…' }]);
    // A failing picker is an error envelope, not a request left waiting.
    expect(await thread.handle('transfer.pickFile', { title: 'Import…', extensions: ['json'] })).toMatchObject({ ok: false });

    const bare = await open(tempDir());
    expect(await call(bare, 'app.info', {})).toMatchObject({ canPickPaths: false });
    expect(await call(bare, 'transfer.pickFolder', { title: 'Export to…' })).toEqual({ path: null });
  });

  it('remembers a passphrase through the shell’s key store, bytes and all', async () => {
    // The passphrase is set in-process at the tests' cheap key-derivation cost; unlocking reads the cost from the key file.
    const setUp = await openPrivacyCore();
    await setUp.call('journal.create', { entryDate: '2026-11-29', body: 'Only for me.' });
    await setUp.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    await setUp.close();

    const stored: Uint8Array[] = [];
    const keyStore: Platform = {
      keyStore: {
        backend: () => Promise.resolve('gnome_libsecret'),
        encrypt: (text) => {
          const bytes = Buffer.from(text, 'utf8').reverse();
          stored.push(bytes);
          return Promise.resolve(bytes);
        },
        // Electron's safeStorage takes a Buffer, never a bare Uint8Array.
        decrypt: (data) => Promise.resolve(Buffer.isBuffer(data) ? Buffer.from(data).reverse().toString('utf8') : 'not a Buffer'),
      },
    };
    const locked = await open(setUp.dataDir, keyStore);
    expect(await call(locked, 'privacy.status', {})).toMatchObject({ locked: true, rememberAvailable: true });
    await call(locked, 'privacy.unlock', { passphrase, remember: true });
    expect(stored).toHaveLength(1);
    await locked.close();

    const remembered = await open(setUp.dataDir, keyStore);
    expect(await call(remembered, 'privacy.status', {})).toMatchObject({ locked: false, remembered: true });
    expect((await call(remembered, 'journal.list', {})).entries).toHaveLength(1);
  });
});
