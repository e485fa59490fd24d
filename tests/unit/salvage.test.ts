import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { SalvageSummary } from '../../shared/domain/backup';
import { archivePath } from '../../electron/core';
import { salvageArchive } from '../../electron/core/services/backup/salvage';
import { applyKey } from '../../electron/core/services/privacy/cipher';
import { type KeyFile, unwrapKey } from '../../electron/core/services/privacy/key-file';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { holdsWord, openPrivacyCore, passphrase, secretWord, startsLikeSqlite } from './privacy-support';

const pageSize = 4096;
const noWait = { tick: () => Promise.resolve() };
const recordTables = ['entry', 'person', 'dyad', 'checkin'] as const;

function sha256(file: string) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** An archive with entries, people, a dyad with check-ins: closed, its rows read for comparison. */
async function builtArchive() {
  const test = await openTestCore();
  for (let i = 0; i < 400; i += 1) {
    await test.call('journal.create', { title: `Entry ${i}`, body: `A few lines about day ${i}, and what the manager part wanted.`, entryDate: '2026-11-20' });
  }
  const people = [];
  for (let i = 0; i < 30; i += 1) people.push(await test.call('people.create', { name: `Friend ${i}` }));
  const dyad = await test.call('dyads.create', { personId: people[0]?.id ?? '', kind: 'peer_coach' });
  for (let i = 1; i <= 5; i += 1) await test.call('checkins.create', { dyadId: dyad.id, checkinDate: `2026-11-0${i}`, iShared: `Shared ${i}` });
  await test.core.close();
  const file = archivePath(test.dataDir);
  return { test, file, rows: rowsOf(file) };
}

function rowsOf(file: string): Map<string, Map<string, unknown>> {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return new Map(recordTables.map((t) => [t, new Map((db.prepare(`SELECT * FROM ${t}`).all() as { id: string }[]).map((r) => [r.id, r]))]));
  } finally {
    db.close();
  }
}

/** Leaf pages of the entry table, with how many rows each holds (SQLite's dbstat). */
function entryLeaves(file: string) {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare("SELECT pageno, ncell FROM dbstat WHERE name = 'entry' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number; ncell: number }[];
  } finally {
    db.close();
  }
}

function scribble(file: string, pageno: number) {
  const fd = openSync(file, 'r+');
  const junk = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i += 1) junk[i] = (i * 131 + pageno * 17) % 251;
  writeSync(fd, junk, 0, pageSize, (pageno - 1) * pageSize);
  closeSync(fd);
}

function table(summary: { tables: SalvageSummary['tables'] }, name: string) {
  const found = summary.tables.find((t) => t.table === name);
  if (!found) throw new Error(`no ${name} in the summary`);
  return found;
}

describe('salvageArchive', () => {
  it('copies every row on undamaged pages, counts the rows lost, and never changes the damaged file', async () => {
    const { file, rows } = await builtArchive();
    const leaves = entryLeaves(file);
    expect(leaves.length).toBeGreaterThan(4);
    // Two leaves in the middle of the entry table: rows before and after them must survive.
    const damaged = [leaves[1], leaves[Math.floor(leaves.length / 2)]].filter((l) => l !== undefined);
    for (const leaf of damaged) scribble(file, leaf.pageno);
    const lost = damaged.reduce((n, l) => n + l.ncell, 0);
    // The test's own read-only looks left an empty log and index beside the file: clear them first.
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
    const besideBefore = readdirSync(path.dirname(file)).sort();
    const before = { hash: sha256(file), mtime: statSync(file).mtimeMs };
    const out = makeTempDir('ladder-salvage-');
    const target = path.join(out.dir, 'recovered-2026-11-26T09-00-00-000Z.sqlite3');

    const summary = await salvageArchive(file, target, noWait);

    expect(sha256(file)).toBe(before.hash);
    expect(statSync(file).mtimeMs).toBe(before.mtime);
    // Nothing left beside the damaged file by reading it (no new log or index).
    expect(readdirSync(path.dirname(file)).sort()).toEqual(besideBefore);
    expect(readdirSync(out.dir)).toEqual([path.basename(target)]);
    expect(table(summary, 'entry')).toEqual({ table: 'entry', copied: 400 - lost, unreadable: lost, lost: false });
    for (const name of ['person', 'dyad', 'checkin']) expect(table(summary, name)).toMatchObject({ unreadable: 0, lost: false });

    const copy = new SqliteDatabase(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    const recovered = rowsOf(target);
    for (const name of recordTables) {
      const original = rows.get(name) ?? new Map<string, unknown>();
      const got = recovered.get(name) ?? new Map<string, unknown>();
      // Nothing invented, nothing changed: each recovered row is the original row.
      for (const [id, row] of got) expect(row).toEqual(original.get(id));
      expect(got.size).toBe(name === 'entry' ? 400 - lost : original.size);
    }
    out.remove();
  });

  it('recovers what precedes the cut of a truncated file', async () => {
    const { file, rows } = await builtArchive();
    const leaves = entryLeaves(file);
    const cutAt = leaves[Math.floor(leaves.length / 2)]?.pageno ?? 0;
    truncateSync(file, (cutAt - 1) * pageSize);
    const out = makeTempDir('ladder-salvage-');
    const target = path.join(out.dir, 'recovered.sqlite3');

    const before = sha256(file);
    const summary = await salvageArchive(file, target, noWait);
    expect(sha256(file)).toBe(before);
    expect(table(summary, 'entry').unreadable).toBeGreaterThan(0);
    // Rows on the pages cut away leave no trace to count; what is counted never exceeds what was there.
    expect(table(summary, 'entry').copied).toBeLessThan(400);
    expect(table(summary, 'entry').copied + table(summary, 'entry').unreadable).toBeLessThanOrEqual(400);
    const recovered = rowsOf(target);
    const entries = recovered.get('entry') ?? new Map<string, unknown>();
    expect(entries.size).toBeGreaterThan(0);
    expect(entries.size).toBe(table(summary, 'entry').copied);
    for (const [id, row] of entries) expect(row).toEqual(rows.get('entry')?.get(id));
    const copy = new SqliteDatabase(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    out.remove();
  });

  it('refuses plainly when nothing can be read, leaving no half-made copy', async () => {
    const out = makeTempDir('ladder-salvage-');
    const file = path.join(out.dir, 'ladder.sqlite3');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.alloc(8192, 7));
    closeSync(fd);
    const target = path.join(out.dir, 'recovered.sqlite3');
    await expect(salvageArchive(file, target, noWait)).rejects.toThrow(/nothing can be recovered|Nothing could be read/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.partial`)).toBe(false);
    out.remove();
  });
});

describe('backup.recover', () => {
  it('makes a recovered copy while the archive is damaged, which restores like a backup', async () => {
    const { test, file } = await builtArchive();
    const leaves = entryLeaves(file);
    const leaf = leaves[2];
    if (!leaf) throw new Error('too few pages');
    scribble(file, leaf.pageno);
    const before = sha256(file);
    const damaged: TestCore = await test.reopen();
    expect(damaged.core.damaged).not.toBeNull();

    const { jobId } = await damaged.call('backup.recover', {});
    let status = await damaged.call('jobs.status', { id: jobId });
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await damaged.call('jobs.status', { id: jobId });
    }
    expect(status.state).toBe('done');
    if (status.result?.kind !== 'recover') throw new Error('not a recover result');
    const summary = status.result.recover;
    expect(summary.backup.kind).toBe('recovered');
    expect(table(summary, 'entry').unreadable).toBe(leaf.ncell);
    // Offered in the list, but never as "the newest good backup".
    expect((await damaged.call('backup.list', {})).backups.map((b) => b.name)).toContain(summary.backup.name);
    expect((await damaged.call('app.info', {})).damaged?.newestGoodBackup?.kind).not.toBe('recovered');

    const restored = await damaged.call('backup.restore', { name: summary.backup.name });
    expect(sha256(restored.damagedFileKeptAt ?? '')).toBe(before);
    const list = await damaged.call('journal.list', {});
    expect(list.entries.length).toBeGreaterThan(0);
    expect(await damaged.send('backup.recover', {})).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('recovers an encrypted archive into a copy encrypted under the same key, which restores', async () => {
    let t = await openPrivacyCore();
    for (let i = 0; i < 400; i += 1) {
      await t.call('journal.create', { title: `Entry ${i}`, body: `${secretWord} and a few lines about day ${i}.`, entryDate: '2026-11-20' });
    }
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    await t.close();
    const file = archivePath(t.dataDir);
    const keyFile = path.join(t.dataDir, 'ladder.key.json');
    const key = (await unwrapKey((JSON.parse(readFileSync(keyFile, 'utf8')) as KeyFile).passphrase, passphrase)) ?? '';
    const keyed = new SqliteDatabase(file, { readonly: true });
    applyKey(keyed, key);
    const leaf = (keyed.prepare("SELECT pageno, ncell FROM dbstat WHERE name = 'entry' AND pagetype = 'leaf' ORDER BY pageno").all() as { pageno: number; ncell: number }[])[2];
    keyed.close();
    if (!leaf) throw new Error('too few pages');
    scribble(file, leaf.pageno);
    // The weekly page scan is due, as after any start that finds the file changed.
    rmSync(path.join(t.dataDir, 'backups', 'last-integrity-check'), { force: true });

    t = await t.restart();
    await t.call('privacy.unlock', { passphrase });
    expect(t.core.damaged).not.toBeNull();
    const { jobId } = await t.call('backup.recover', {});
    let status = await t.call('jobs.status', { id: jobId });
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = await t.call('jobs.status', { id: jobId });
    }
    expect(status.state, JSON.stringify(status.error)).toBe('done');
    if (status.result?.kind !== 'recover') throw new Error('not a recover result');
    const summary = status.result.recover;
    expect(table(summary, 'entry')).toMatchObject({ copied: 400 - leaf.ncell, unreadable: leaf.ncell });
    const copy = path.join(t.dataDir, 'backups', summary.backup.name);
    // Never in the clear: no SQLite header, not a word of the entries in its bytes; its key beside it.
    expect(startsLikeSqlite(copy)).toBe(false);
    expect(holdsWord(copy)).toBe(false);
    expect(existsSync(`${copy}.key.json`)).toBe(true);

    await t.call('backup.restore', { name: summary.backup.name });
    expect(t.core.damaged).toBeNull();
    expect((await t.call('journal.list', { limit: 200 })).entries).toHaveLength(200);
  });
});
