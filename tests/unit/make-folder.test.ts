import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolder } from '../../electron/core/make-folder';
import { LadderError } from '../../shared/errors';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { finish } from '../support/transfer';
import { crewOfFour } from './crews-fixtures';

/*
 * Folders Ladder makes where the person said (an export, a crew's prep) or for itself (backups,
 * the archive's folder): never `mkdirSync(…, { recursive: true })`, which on Node 22 spins forever
 * on a path under /proc and froze the whole core. See electron/core/make-folder.ts.
 */

const root = path.resolve(import.meta.dirname, '../..');
const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-folders-');
  temps.push(temp.remove);
  return temp.dir;
}

function failureOf(work: () => unknown): LadderError {
  try {
    work();
  } catch (error) {
    if (error instanceof LadderError) return error;
    throw error;
  }
  throw new Error('expected a LadderError');
}

const procfs = process.platform === 'linux' && existsSync('/proc/self');

describe('a folder under /proc, where Node 22 never returns from a recursive mkdir', () => {
  it.skipIf(!procfs)(
    'is refused at once with a plain message by the helper, an export, a crew prep save and opening an archive, and the core answers on',
    async () => {
      const folder = '/proc/ladder-no-such-folder/inside';
      const attempt = promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/folder-attempt.ts'), tempDir(), folder], {
        cwd: root,
        // Killed rather than waited on: a regression fails here instead of hanging the run.
        timeout: 60_000,
        killSignal: 'SIGKILL',
      }).catch((error: Error & { killed?: boolean; stderr?: string }) => {
        throw new Error(error.killed ? 'Making a folder under /proc hung: it ran past 60 s and was killed.' : `The attempt failed: ${error.stderr ?? error.message}`);
      });
      const { stdout } = await attempt;
      const answers = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, { ok: boolean; error?: { code: string; message: string; field?: string } }> & {
        after: boolean;
      };
      const plain = /^Ladder can't create a folder at \/proc\/ladder-no-such-folder\/inside: (the system does not allow new folders|you are not allowed to make folders) in \/proc\.$/;
      for (const name of ['helper', 'exported', 'prep'] as const) {
        expect(answers[name], name).toMatchObject({ ok: false, error: { code: 'validation', field: 'folder' } });
        expect(answers[name]?.error?.message, name).toMatch(plain);
      }
      // The archive's own folder (a data folder given at start): the same message, and no field.
      expect(answers.opened?.ok).toBe(false);
      expect(answers.opened?.error?.message).toMatch(/^Ladder can't create a folder at \/proc\/ladder-no-such-folder\/inside\/data: /);
      expect(answers.after).toBe(true);
    },
    90_000,
  );
});

describe('makeFolder', () => {
  it('makes missing folders one at a time, says whether it made any, and leaves a folder that is there alone', () => {
    const dir = tempDir();
    const deep = path.join(dir, 'a', 'b', 'c');
    expect(makeFolder(deep)).toBe(true);
    expect(existsSync(deep)).toBe(true);
    writeFileSync(path.join(deep, 'keep.txt'), 'mine');
    expect(makeFolder(deep)).toBe(false);
    expect(makeFolder(dir)).toBe(false);
    expect(readdirSync(deep)).toEqual(['keep.txt']);
  });

  it('names the file that stands where a folder should be, makes nothing, and carries the field', () => {
    const dir = tempDir();
    const file = path.join(dir, 'notes.txt');
    writeFileSync(file, 'a file, not a folder');

    const below = failureOf(() => makeFolder(path.join(file, 'inside', 'deeper'), { field: 'folder' }));
    expect(below.toValue()).toEqual({
      code: 'validation',
      message: `Ladder can't create a folder at ${path.join(file, 'inside', 'deeper')}: ${file} is a file, not a folder.`,
      field: 'folder',
    });
    const itself = failureOf(() => makeFolder(file));
    expect(itself.message).toBe(`Ladder can't create a folder at ${file}: there is a file with that name there.`);
    expect(itself.field).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  // Root may write anywhere, so a folder without write permission only stops other users.
  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says plainly when it may not write in the nearest folder that is there', () => {
    const dir = tempDir();
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    try {
      const failure = failureOf(() => makeFolder(path.join(locked, 'new', 'deeper'), { field: 'folder' }));
      expect(failure.message).toBe(`Ladder can't create a folder at ${path.join(locked, 'new', 'deeper')}: you are not allowed to make folders in ${locked}.`);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });
});

describe('requests that make a folder where the person said', () => {
  it('an export below a file answers at once beside the folder field, and writes nothing', async () => {
    const test = await openTestCore();
    await test.call('journal.create', { title: 'Kept', entryDate: '2026-11-20' });
    const dir = tempDir();
    const file = path.join(dir, 'exports');
    writeFileSync(file, 'x');
    const folder = path.join(file, 'Ladder');
    expect(await test.send('transfer.exportStart', { folder })).toEqual({
      ok: false,
      error: { code: 'validation', message: `Ladder can't create a folder at ${folder}: ${file} is a file, not a folder.`, field: 'folder' },
    });
    expect(readdirSync(dir)).toEqual(['exports']);
    // The core answers on, and an export into a folder it can make goes through.
    const { jobId } = await test.call('transfer.exportStart', { folder: path.join(dir, 'made', 'here') });
    expect((await finish(test, jobId)).state).toBe('done');
    expect(readdirSync(path.join(dir, 'made', 'here'))).toHaveLength(1);
  });

  it("a crew's prep saved below a file says so beside the folder field, and makes nothing", async () => {
    const test = await openTestCore();
    const { crew } = await crewOfFour(test);
    const dir = tempDir();
    const file = path.join(dir, 'prep');
    writeFileSync(file, 'x');
    const folder = path.join(file, 'crew');
    expect(await test.send('crews.savePrepMarkdown', { id: crew.id, today: '2026-09-02', folder })).toEqual({
      ok: false,
      error: { code: 'validation', message: `Ladder can't create a folder at ${folder}: ${file} is a file, not a folder.`, field: 'folder' },
    });
    expect(readdirSync(dir)).toEqual(['prep']);
  });
});
