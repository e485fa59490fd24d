import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../electron/core/clock';
import { backupsToRemove, listBackups } from '../../electron/core/services/backup/backup-files';
import { createBackupService } from '../../electron/core/services/backup/backup-service';
import { openTestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

/** A clock the test moves by hand. */
function handClock(start: string) {
  let now = Date.parse(start);
  const clock: Clock = { now: () => new Date(now).toISOString() };
  return { clock, advance: (millis: number) => (now += millis), set: (iso: string) => (now = Date.parse(iso)) };
}

const day = 24 * 60 * 60 * 1000;

function tempArchive() {
  const temp = makeTempDir();
  temps.push(temp.remove);
  const sqlite = new SqliteDatabase(path.join(temp.dir, 'ladder.sqlite3'));
  sqlite.exec("CREATE TABLE note (id TEXT PRIMARY KEY, body TEXT); INSERT INTO note VALUES ('a', 'hello')");
  return { dir: path.join(temp.dir, 'backups'), sqlite };
}

describe('automatic backups', () => {
  it('are made at most once a day, however often the hourly check runs', async () => {
    const { dir, sqlite } = tempArchive();
    const time = handClock('2026-03-02T08:00:00.000Z');
    const backups = createBackupService({ dir, clock: time.clock, source: () => sqlite, canCopyNow: () => true });
    expect(await backups.runIfDue()).not.toBeNull();
    for (let hour = 0; hour < 15; hour += 1) {
      time.advance(60 * 60 * 1000);
      expect(await backups.runIfDue()).toBeNull();
    }
    time.set('2026-03-03T00:30:00.000Z');
    expect((await backups.runIfDue())?.kind).toBe('daily');
    expect(listBackups(dir)).toHaveLength(2);
    sqlite.close();
  });

  it('keep 7 daily and 4 weekly copies as the days go by', async () => {
    const { dir, sqlite } = tempArchive();
    // Monday 2 March 2026; sixty days of use, one automatic copy a day.
    const time = handClock('2026-03-02T09:00:00.000Z');
    const backups = createBackupService({ dir, clock: time.clock, source: () => sqlite, canCopyNow: () => true });
    for (let i = 0; i < 60; i += 1) {
      await backups.runIfDue();
      time.advance(day);
    }
    const kept = listBackups(dir).map((b) => b.createdAt.slice(0, 10));
    // The last 7 days (30 April back to 24 April), then the newest copy of each earlier week.
    expect(kept).toEqual([
      '2026-04-30',
      '2026-04-29',
      '2026-04-28',
      '2026-04-27',
      '2026-04-26',
      '2026-04-25',
      '2026-04-24',
      '2026-04-19',
      '2026-04-12',
    ]);
    // Nothing half-written is left behind.
    expect(readdirSync(dir).filter((name) => !name.endsWith('.sqlite3'))).toEqual([]);
    sqlite.close();
  });

  it('rotation never removes copies made before a migration or a restore', () => {
    const names = [
      'pre-migration-v1-2025-01-01T00-00-00-000Z.sqlite3',
      'before-restore-2025-01-02T00-00-00-000Z.sqlite3',
      ...Array.from({ length: 40 }, (_, i) => `daily-2026-01-${String((i % 28) + 1).padStart(2, '0')}T0${i % 3}-00-00-000Z.sqlite3`),
    ];
    const backups = names.map((name) => ({ name, kind: name.startsWith('daily') ? ('daily' as const) : name.startsWith('pre') ? ('pre-migration' as const) : ('before-restore' as const), createdAt: '', sizeBytes: 0, encrypted: false }));
    for (const b of backups) {
      const match = /(\d{4}-\d{2}-\d{2})T(\d{2})/.exec(b.name);
      b.createdAt = `${match?.[1]}T${match?.[2]}:00:00.000Z`;
    }
    const removed = backupsToRemove(backups).map((b) => b.name);
    expect(removed).not.toContain(names[0]);
    expect(removed).not.toContain(names[1]);
    expect(removed.every((name) => name.startsWith('daily'))).toBe(true);
  });

  it('wait while an import holds its transaction', async () => {
    const { dir, sqlite } = tempArchive();
    let busy = true;
    const backups = createBackupService({ dir, clock: handClock('2026-03-02T08:00:00.000Z').clock, source: () => sqlite, canCopyNow: () => !busy });
    expect(await backups.runIfDue()).toBeNull();
    busy = false;
    expect(await backups.runIfDue()).not.toBeNull();
    sqlite.close();
  });
});

describe('the core’s backup timer', () => {
  it('checks at start and then on its interval, and stops when the core closes', async () => {
    const temp = makeTempDir();
    temps.push(temp.remove);
    const { createCore } = await import('../../electron/core');
    const time = handClock('2026-03-02T08:00:00.000Z');
    const first = await createCore({ dataDir: temp.dir, clock: time.clock, version: 'test', backupCheckIntervalMillis: 20 });
    await first.handle('journal.create', { title: 'Kept', entryDate: '2026-03-02' });
    await first.close();
    const backups = path.join(temp.dir, 'backups');

    // An archive that already existed is copied soon after start.
    const core = await createCore({ dataDir: temp.dir, clock: time.clock, version: 'test', backupCheckIntervalMillis: 20 });
    await expect.poll(() => listBackups(backups).length).toBe(1);
    // The next day, the timer makes the next copy by itself.
    time.advance(day);
    await expect.poll(() => listBackups(backups).length).toBe(2);
    await core.close();
    time.advance(day);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(listBackups(backups)).toHaveLength(2);
  });
});

describe('the first automatic copy after start', () => {
  it('waits a minute, leaving the first moments to the window and the person', async () => {
    const temp = makeTempDir();
    temps.push(temp.remove);
    const { createCore } = await import('../../electron/core');
    const time = handClock('2026-03-02T08:00:00.000Z');
    const first = await createCore({ dataDir: temp.dir, clock: time.clock, version: 'test' });
    await first.handle('journal.create', { title: 'Kept', entryDate: '2026-03-02' });
    await first.close();
    const core = await createCore({ dataDir: temp.dir, clock: time.clock, version: 'test' });
    // A small archive copies in a few milliseconds: at once, it would be there by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(listBackups(path.join(temp.dir, 'backups'))).toHaveLength(0);
    await core.close();
  });
});

describe('backups through the requests', () => {
  it('"Back up now" makes a copy that lists with the copy made before a migration', async () => {
    const test = await openTestCore();
    await test.call('journal.create', { title: 'Kept safe', entryDate: '2026-11-20' });
    const made = await test.call('backup.now', {});
    expect(made.kind).toBe('manual');
    const list = await test.call('backup.list', {});
    expect(list.backups.map((b) => b.name)).toContain(made.name);
    expect(existsSync(path.join(list.folder, made.name))).toBe(true);

    const copy = new SqliteDatabase(path.join(list.folder, made.name), { readonly: true });
    expect(copy.prepare('SELECT title FROM entry').pluck().all()).toEqual(['Kept safe']);
    copy.close();

    // A pre-migration copy in the folder is listed too, with its kind.
    const pre = path.join(list.folder, 'pre-migration-v1-2026-01-01T00-00-00-000Z.sqlite3');
    new SqliteDatabase(pre).close();
    const again = await test.call('backup.list', {});
    expect(again.backups.find((b) => b.kind === 'pre-migration')?.name).toBe(path.basename(pre));
  });

  it('restore a backup, and undo the restore', async () => {
    const test = await openTestCore();
    const entry = await test.call('journal.create', { title: 'First version', entryDate: '2026-11-20' });
    const backup = await test.call('backup.now', {});
    await test.call('journal.update', { id: entry.id, title: 'Second version' });
    const later = await test.call('journal.create', { title: 'Written after the backup', entryDate: '2026-11-21' });

    const restored = await test.call('backup.restore', { name: backup.name });
    expect(restored.restored.restoredFrom).toBe(backup.name);
    expect((await test.call('journal.get', { id: entry.id })).title).toBe('First version');
    expect(await test.send('journal.get', { id: later.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // Search follows the restored archive too.
    const found = await test.call('search.query', { text: 'version' });
    expect(found.groups[0]?.hits.map((h) => h.id)).toEqual([entry.id]);

    const list = await test.call('backup.list', {});
    expect(list.lastRestore?.restoredFrom).toBe(backup.name);
    expect(list.backups.some((b) => b.kind === 'before-restore')).toBe(true);

    await test.call('backup.undoRestore', {});
    expect((await test.call('journal.get', { id: entry.id })).title).toBe('Second version');
    expect((await test.call('journal.get', { id: later.id })).title).toBe('Written after the backup');
    expect((await test.call('backup.list', {})).lastRestore).toBeNull();
    expect(await test.send('backup.undoRestore', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // And the archive still reopens cleanly afterwards.
    const reopened = await test.reopen();
    expect((await reopened.call('journal.get', { id: entry.id })).title).toBe('Second version');
  });

  it('refuse to restore a backup that fails its integrity check, leaving the archive as it was', async () => {
    const test = await openTestCore();
    const entry = await test.call('journal.create', { title: 'Still here', entryDate: '2026-11-20' });
    const folder = (await test.call('backup.list', {})).folder;
    const { writeFileSync, mkdirSync } = await import('node:fs');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'manual-2026-11-01T00-00-00-000Z.sqlite3'), 'not a database at all, just words');
    const refused = await test.send('backup.restore', { name: 'manual-2026-11-01T00-00-00-000Z.sqlite3' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation', field: 'name' } });
    expect((await test.call('journal.get', { id: entry.id })).title).toBe('Still here');
    expect(await test.send('backup.restore', { name: '../ladder.sqlite3' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await test.send('backup.restore', { name: 'manual-2020-01-01T00-00-00-000Z.sqlite3' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
