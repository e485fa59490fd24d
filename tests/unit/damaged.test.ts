import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archivePath } from '../../electron/core';
import { needsPageScan } from '../../electron/core/db/open';
import { openTestCore, type TestCore } from '../support/core';

function sha256(file: string) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** An archive with an entry and a good backup, closed, ready to be damaged. */
async function archiveWithBackup() {
  const test = await openTestCore();
  const entry = await test.call('journal.create', { title: 'Worth keeping', body: 'A line about the gardener part.', entryDate: '2026-11-20' });
  const backup = await test.call('backup.now', {});
  await test.core.close();
  return { test, entry, backup, file: archivePath(test.dataDir) };
}

const damages: Record<string, (file: string) => void> = {
  'not a database': (file) => writeFileSync(file, 'These are not the bytes of a database. '.repeat(200)),
  truncated: (file) => truncateSync(file, Math.floor(statSync(file).size / 3)),
  'pages overwritten': (file) => {
    // Scribble over every page after the first: the header still reads, the tables do not.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    const junk = Buffer.alloc(size - 4096, 0x5a);
    writeSync(fd, junk, 0, junk.length, 4096);
    closeSync(fd);
  },
};

describe('a damaged archive at start', () => {
  for (const [name, damage] of Object.entries(damages)) {
    it(`starts in the damaged state (${name}), offers the newest good backup, and never touches the file`, async () => {
      const { test, entry, backup, file } = await archiveWithBackup();
      damage(file);
      const before = sha256(file);

      const damagedCore: TestCore = await test.reopen();
      expect(damagedCore.core.damaged).not.toBeNull();
      const info = await damagedCore.call('app.info', {});
      expect(info.damaged?.reason).toMatch(/archive|file/i);
      expect(info.damaged?.newestGoodBackup?.name).toBe(backup.name);

      const refused = await damagedCore.send('journal.list', {});
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/damaged/) as unknown } });
      expect(sha256(file)).toBe(before);

      const result = await damagedCore.call('backup.restore', { name: backup.name });
      expect(result.damagedFileKeptAt).not.toBeNull();
      expect(sha256(result.damagedFileKeptAt ?? '')).toBe(before);
      expect((await damagedCore.call('app.info', {})).damaged).toBeNull();
      expect((await damagedCore.call('journal.get', { id: entry.id })).title).toBe('Worth keeping');
      // Restoring over a damaged file is not something to undo into.
      expect((await damagedCore.call('backup.list', {})).lastRestore).toBeNull();
    });
  }

  it('says so plainly when there is no good backup to offer', async () => {
    const test = await openTestCore();
    await test.call('journal.create', { title: 'Alone', entryDate: '2026-11-20' });
    await test.core.close();
    const file = archivePath(test.dataDir);
    writeFileSync(file, Buffer.alloc(8192, 7));
    const again = await test.reopen();
    const info = await again.call('app.info', {});
    expect(info.damaged?.newestGoodBackup).toBeNull();
    expect(existsSync(file)).toBe(true);
    expect(path.basename(info.databasePath)).toBe('ladder.sqlite3');
  });

  it('opens a healthy archive that was not closed cleanly (its log still beside it)', async () => {
    const test = await openTestCore();
    const entry = await test.call('journal.create', { title: 'In the log', entryDate: '2026-11-20' });
    // Copy the file and its log as a crash would leave them, then open the copy.
    const file = archivePath(test.dataDir);
    expect(existsSync(`${file}-wal`)).toBe(true);
    const { makeTempDir } = await import('../support/temp-dir');
    const temp = makeTempDir();
    try {
      writeFileSync(archivePath(temp.dir), readFileSync(file));
      writeFileSync(`${archivePath(temp.dir)}-wal`, readFileSync(`${file}-wal`));
      const crashed = await openTestCore(temp.dir);
      expect(crashed.core.damaged).toBeNull();
      expect((await crashed.call('journal.get', { id: entry.id })).title).toBe('In the log');
      await crashed.core.close();
    } finally {
      temp.remove();
    }
  });
});

describe('the page scan at start', () => {
  it('runs on a first open, then not again for a week, and always after an unclean close', async () => {
    const { test, file } = await archiveWithBackup();
    const stamp = path.join(test.dataDir, 'backups', 'last-integrity-check');
    expect(needsPageScan(file, stamp, new Date())).toBe(true);

    const reopened = await test.reopen();
    expect(existsSync(stamp)).toBe(true);
    // Days after the scan, by the core's clock (a test clock, not today's date).
    const scannedAt = Date.parse(readFileSync(stamp, 'utf8').trim());
    const later = (days: number) => new Date(scannedAt + days * 24 * 60 * 60 * 1000);
    await reopened.core.close();
    expect(needsPageScan(file, stamp, later(6))).toBe(false);
    expect(needsPageScan(file, stamp, later(8))).toBe(true);

    writeFileSync(`${file}-wal`, 'a log left behind by a crash');
    expect(needsPageScan(file, stamp, later(1))).toBe(true);
  });
});
