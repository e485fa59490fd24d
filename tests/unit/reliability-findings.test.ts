import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { archiveFileName, archivePath, createCore } from '../../electron/core';
import { openArchive } from '../../electron/core/db/open';
import { limitedSpace, spaceKind } from '../reliability/limited-space';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

/**
 * Bugs the reliability trials found in the core (issue #10), each pinned down by the smallest
 * input that shows it. Each failed on the core it was found in; fixed ones stay as regressions.
 */

/** The newest image of page 1 in a write-ahead log (its header holds the database's page count). */
function newestFirstPage(wal: Buffer) {
  const pageSize = wal.readUInt32BE(8);
  let page: Buffer | null = null;
  for (let frame = 32; frame + 24 + pageSize <= wal.length; frame += 24 + pageSize) {
    if (wal.readUInt32BE(frame) === 1) page = wal.subarray(frame + 24, frame + 24 + pageSize);
  }
  if (!page) throw new Error('page 1 is not in the log');
  return page;
}
describe('reliability findings', () => {
  it('answers any request name with an envelope, even one that cannot be turned into text', async () => {
    const { core } = await openTestCore();
    // {"name": {"toString": 1}} is valid JSON for the browser host and survives IPC's structured clone.
    for (const name of [{ toString: 1 }, [{ toString: 1 }], { toString: null, valueOf: null }]) {
      await expect(core.handle(name, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    }
  });

  it('answers a save with the text it stored, even when half an emoji is in it', async () => {
    const first = await openTestCore();
    // What a text field holds when an emoji (two UTF-16 units) is cut in half by a paste or an edit.
    const created = await first.call('journal.create', { title: 'broken \uD83D', body: 'tail \uDE00 first', entryDate: '2026-11-26' });
    // JSON.stringify writes a lone half as \udXXX and the replacement character as is, so the
    // difference is visible in the failure message (both print as � otherwise).
    expect(JSON.stringify(await first.call('journal.get', { id: created.id }))).toBe(JSON.stringify(created));
    const updated = await first.call('journal.update', { id: created.id, body: 'half \uD83C left' });
    const reopened = await first.reopen();
    expect(JSON.stringify(await reopened.call('journal.get', { id: created.id }))).toBe(JSON.stringify(updated));
  });

  it('cuts the journal list excerpt between characters, never inside one', async () => {
    const { call } = await openTestCore();
    // 158 letters, then an emoji across the cut at 159 UTF-16 units.
    await call('journal.create', { body: `${'a'.repeat(158)}🌱 and more words after the cut`, entryDate: '2026-11-26' });
    const { entries } = await call('journal.list', {});
    const excerpt = entries[0]?.excerpt ?? '';
    expect(excerpt, JSON.stringify(excerpt.slice(-3))).not.toMatch(/\p{Cs}/u);
  });

  it('opens an archive whose checkpoint a crash cut short, instead of calling it damaged', async () => {
    const words = (i: number) => ({ title: `entry ${i}`, body: `entry ${i} `.repeat(800), entryDate: '2026-11-26' });
    const first = await openTestCore();
    for (let i = 0; i < 50; i += 1) await first.call('journal.create', words(i));
    const second = await first.reopen();
    // Every change stays in the log, as between two automatic checkpoints; the file must grow.
    second.core.archive.sqlite.pragma('wal_autocheckpoint = 0');
    for (let i = 50; i < 100; i += 1) await second.call('journal.create', words(i));

    // What a SIGKILL part-way through the next checkpoint leaves (the crash trial met it 6 times in
    // 1,000 kills): SQLite copies pages back in page order, so page 1, whose header already counts
    // the larger file, is written before the pages that make the file that long. SQLite itself
    // replays the log on open and loses nothing.
    const crashed = makeTempDir();
    onTestFinished(crashed.remove);
    const file = archivePath(crashed.dir);
    copyFileSync(archivePath(second.dataDir), file);
    copyFileSync(`${archivePath(second.dataDir)}-wal`, `${file}-wal`);
    const archive = readFileSync(file);
    newestFirstPage(readFileSync(`${file}-wal`)).copy(archive, 0);
    writeFileSync(file, archive);

    const reopened = await openTestCore(crashed.dir);
    expect(reopened.core.damaged?.reason ?? null).toBeNull();
    expect(reopened.core.archive.sqlite.prepare('SELECT count(*) AS n FROM entry').get()).toEqual({ n: 100 });
  });

  it('answers disk_full when the disk fills at commit, not "something went wrong"', async () => {
    // On a real full disk SQLite rolls the whole transaction back itself; Kysely's ROLLBACK after
    // it failed ("no transaction is active") and replaced SQLITE_FULL, so the router answered
    // `internal`. The disk-full trial met it in its first fill. (A tmpfs needs root to mount; the
    // next test shows the same mechanism anywhere.)
    if (spaceKind() !== 'tmpfs') return;
    const template = makeTempDir();
    onTestFinished(template.remove);
    await (await createCore({ dataDir: template.dir, automaticBackups: false })).close();
    const space = limitedSpace(archivePath(template.dir), archiveFileName, 64 * 1024, () => makeTempDir());
    onTestFinished(() => space.release());
    const core = await createCore({ dataDir: space.dir, automaticBackups: false });
    onTestFinished(() => core.close());
    const answer = await core.handle('journal.create', { body: 'words '.repeat(15_000), entryDate: '2026-11-27' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'disk_full' } });
  });

  it('keeps the error that made SQLite roll a transaction back by itself', async () => {
    const temp = makeTempDir();
    onTestFinished(temp.remove);
    const logged: unknown[] = [];
    const core = await createCore({ dataDir: temp.dir, automaticBackups: false, logError: (_name, error) => logged.push(error) });
    onTestFinished(() => core.close());
    // RAISE(ROLLBACK) ends the transaction inside SQLite, as SQLITE_FULL at commit does.
    core.archive.sqlite.exec("CREATE TEMP TRIGGER gone BEFORE INSERT ON main.entry BEGIN SELECT RAISE(ROLLBACK, 'rolled back inside SQLite'); END");
    await core.handle('journal.create', { body: 'a line', entryDate: '2026-11-27' });
    expect(logged.map((error) => (error as { code?: string }).code)).toEqual(['SQLITE_CONSTRAINT_TRIGGER']);
  });

  it('closes the archive even when no query went through Kysely, leaving no -wal or -shm', async () => {
    const temp = makeTempDir();
    onTestFinished(temp.remove);
    const file = path.join(temp.dir, archiveFileName);
    await (await openArchive(file)).close();
    // Kysely's destroy closes the connection only if Kysely was ever used.
    const archive = await openArchive(file);
    await archive.close();
    expect(archive.sqlite.open).toBe(false);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('leaves nothing but the backup in the backups folder', async () => {
    // Checking a copy read-only made an empty -wal and a -shm beside `.name.partial`; the rename
    // left them behind for good, two stray files per backup (and a pair beside each backup checked).
    const { call, dataDir } = await openTestCore();
    await call('journal.create', { body: 'a line', entryDate: '2026-11-27' });
    const made = await call('backup.now', {});
    await call('backup.restore', { name: made.name });
    const names = readdirSync(path.join(dataDir, 'backups')).filter((name) => name !== 'last-integrity-check');
    expect(names.sort()).toEqual([made.name, expect.stringMatching(/^before-restore-.*\.sqlite3$/)].sort());
  });

  it('offers the backups when a header byte names a schema format SQLite does not know', async () => {
    // The damaged-file trial: "header byte 47 set to 77" made createCore throw ("unsupported file
    // format" is a plain SQLITE_ERROR), so the app would not start at all.
    const first = await openTestCore();
    await first.call('journal.create', { body: 'a line', entryDate: '2026-11-27' });
    const backup = await first.call('backup.now', {});
    await first.core.close();
    const file = archivePath(first.dataDir);
    const bytes = readFileSync(file);
    bytes[47] = 77;
    writeFileSync(file, bytes);
    const again = await openTestCore(first.dataDir);
    expect(again.core.damaged?.newestGoodBackup?.name).toBe(backup.name);
  });

  it('calls an empty archive file beside backups damaged, instead of starting afresh in it', async () => {
    // The damaged-file trial, "cut to 0 bytes": a fresh, empty archive was made in the emptied file
    // and the journal looked empty, with the backups never offered.
    const first = await openTestCore();
    const entry = await first.call('journal.create', { body: 'a line worth keeping', entryDate: '2026-11-27' });
    const backup = await first.call('backup.now', {});
    await first.core.close();
    writeFileSync(archivePath(first.dataDir), '');
    const again = await openTestCore(first.dataDir);
    expect(again.core.damaged?.reason).toMatch(/empty/);
    const restored = await again.call('backup.restore', { name: backup.name });
    expect(restored.damagedFileKeptAt).not.toBeNull();
    expect((await again.call('journal.get', { id: entry.id })).body).toBe('a line worth keeping');
  });

  // A write-ahead log from another database beside the archive was replayed into it: SQLite's log
  // names no database, so the other's pages replaced this one's (the damaged-file trial lost every
  // record in each such run). Each archive now carries an identity its log must match.
  it('keeps its own entries when a stray log from another archive sits beside it', async () => {
    const mine = await openTestCore();
    const entry = await mine.call('journal.create', { body: 'mine', entryDate: '2026-11-27' });
    await mine.core.close();
    const other = await openTestCore();
    other.core.archive.sqlite.pragma('wal_autocheckpoint = 0');
    await other.call('journal.create', { body: 'theirs', entryDate: '2026-11-27' });
    copyFileSync(`${archivePath(other.dataDir)}-wal`, `${archivePath(mine.dataDir)}-wal`);
    const again = await openTestCore(mine.dataDir);
    expect(again.core.damaged).toBeNull();
    expect((await again.call('journal.get', { id: entry.id })).body).toBe('mine');
    // The stray log is kept, set aside, not deleted.
    expect(readdirSync(path.join(mine.dataDir, 'backups')).some((name) => name.startsWith('stray-log-'))).toBe(true);
  });
});
