import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { backstopCheckpointPages } from '../../electron/core/db/checkpointer';
import { migrations } from '../../electron/core/db/migrations';
import { openArchive } from '../../electron/core/db/open';
import { openTestCore } from '../support/core';

/** The titles in the archive's file alone, without its log: what checkpoints have folded in. */
function titlesInFileAlone(file: string) {
  const alone = path.join(path.dirname(file), `alone-${Math.random().toString(36).slice(2)}.sqlite3`);
  copyFileSync(file, alone);
  const db = new SqliteDatabase(alone, { readonly: true });
  try {
    const table = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'entry'").pluck().get() === 1;
    // A new archive's tables too are in the log until the first checkpoint.
    return table ? (db.prepare('SELECT title FROM entry ORDER BY title').pluck().all() as string[]) : [];
  } finally {
    db.close();
  }
}

/** A check over a copy of a file being written: a torn copy ("malformed") is a "not yet". */
function torn(check: () => boolean): boolean {
  try {
    return check();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CORRUPT') return false;
    throw error;
  }
}

async function eventually(check: () => boolean, timeoutMillis = 5_000) {
  const until = performance.now() + timeoutMillis;
  while (!check()) {
    if (performance.now() > until) return false;
    await sleep(50);
  }
  return true;
}

describe('checkpoints from a worker thread', () => {
  it('fold what was saved into the archive’s file soon after writing pauses, with the app’s own only as a backstop', async () => {
    const test = await openTestCore();
    const file = path.join(test.dataDir, 'ladder.sqlite3');
    await test.call('journal.create', { title: 'First words', entryDate: '2026-11-26' });
    await test.call('journal.create', { title: 'Second words', entryDate: '2026-11-26' });
    // Two small saves are far below SQLite's own threshold (1,000 pages): only the worker folds them in.
    expect(await eventually(() => titlesInFileAlone(file).length === 2)).toBe(true);
    expect(titlesInFileAlone(file)).toEqual(['First words', 'Second words']);
    expect(test.core.archive.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(backstopCheckpointPages);
  });

  it('leave a burst of saves made as the archive opens to the worker, not to the save that crosses SQLite’s 1,000 pages', async () => {
    const test = await openTestCore();
    const file = path.join(test.dataDir, 'ladder.sqlite3');
    const framesInLog = () => statSync(`${file}-wal`).size / (4096 + 24);
    // Saves made one after another with no turn of the event loop between them: the worker's
    // first turn has not come yet. Each entry takes a few pages (its words, the search index).
    const words = (i: number) => Array.from({ length: 1500 }, (_, k) => `word${(i * 31 + k) % 5000}`).join(' ');
    let saved = 0;
    while (framesInLog() < 1_300) {
      await test.call('journal.create', { title: `Entry ${saved}`, body: words(saved), entryDate: '2026-11-26' });
      saved += 1;
    }
    expect(framesInLog()).toBeLessThan(backstopCheckpointPages);
    // Nothing folded in on the app's connection: the file alone still has no entries.
    expect(titlesInFileAlone(file)).toEqual([]);
    // Copied while the worker writes into it, the file alone can be torn mid-checkpoint: that copy says nothing yet.
    expect(await eventually(() => torn(() => titlesInFileAlone(file).length === saved))).toBe(true);
  });

  it('wait while a copy made before a migration still reads the file', async () => {
    const first = await openTestCore();
    await first.call('journal.create', { title: 'Before', entryDate: '2026-01-02' });
    await first.core.close();
    const file = path.join(first.dataDir, 'ladder.sqlite3');
    const rewriting: Record<string, Migration> = {
      ...migrations,
      '9999-test-rewrite': { up: async (db) => void (await sql`UPDATE entry SET title = 'Rewritten'`.execute(db)) },
    };
    const copyMayStart = Promise.withResolvers<void>();
    const archive = await openArchive(file, { migrations: rewriting, copyStartsAfter: copyMayStart.promise });
    archive.sqlite.prepare("INSERT INTO entry (id, title, body, entry_date, created_at, updated_at) VALUES ('later', 'After', '', '2026-01-03', '2026-01-03', '2026-01-03')").run();
    // Several of the worker's turns pass with writes to fold in: the file must stay as it was.
    await sleep(800);
    expect(titlesInFileAlone(file)).toEqual(['Before']);
    copyMayStart.resolve();
    expect(await archive.whenCopied()).toBe(true);
    const copy = new SqliteDatabase(archive.preMigrationBackup ?? '', { readonly: true });
    expect(copy.prepare('SELECT title FROM entry').pluck().all()).toEqual(['Before']);
    copy.close();
    expect(await eventually(() => titlesInFileAlone(file).join() === 'After,Rewritten')).toBe(true);
    await archive.close();
  });
});
