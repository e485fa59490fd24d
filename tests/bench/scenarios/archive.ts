import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { archivePath, createCore } from '../../../electron/core';
import { openArchive } from '../../../electron/core/db/open';
import { migrations } from '../../../electron/core/db/migrations';
import type { Migration } from 'kysely/migration';
import { timed } from '../report';
import type { MeasureContext, Scenario } from './types';

/**
 * Opening the archive as the app starts: once when it is up to date, and twice with a migration
 * pending. The pending one is a no-op added after the shipped ones, so what is timed is the
 * fixed cost of an upgrade without depending on which migrations exist today: once declared
 * additive (runs in one transaction, no copy needed), once not (the archive is copied while
 * it migrates, from the file the migration leaves untouched; the open does not wait for it).
 * Each run opens a throwaway copy, synced to disk and with the stamp of last week's page scan
 * beside it, as an archive opened within the week has.
 */
const pending = (additive: boolean): Record<string, Migration> => ({
  '9999-bench-pending': Object.assign({ up: () => Promise.resolve() }, additive ? { additive: true } : {}),
});

function syncFile(file: string) {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function measureMigration(context: MeasureContext, additive: boolean, copyMs: number[] = []) {
  const scratch = mkdtempSync(path.join(path.dirname(context.dataDir), 'ladder-bench-migrate-'));
  const copy = path.join(scratch, 'ladder.sqlite3');
  const backups = path.join(scratch, 'backups');
  const stamp = path.join(context.dataDir, 'backups', 'last-integrity-check');
  try {
    let openedAt = 0;
    const open = async () => {
      const archive = await openArchive(copy, { backupDir: backups, migrations: { ...migrations, ...pending(additive) } });
      openedAt = performance.now();
      return archive;
    };
    return await context.time(open, {
      warmup: 1,
      reps: 5,
      setup: () => {
        rmSync(backups, { recursive: true, force: true });
        mkdirSync(backups, { recursive: true });
        copyFileSync(archivePath(context.dataDir), copy);
        // Untimed: otherwise the timed open would pay for writing back the copy just made.
        syncFile(copy);
        if (existsSync(stamp)) copyFileSync(stamp, path.join(backups, 'last-integrity-check'));
      },
      cleanup: async (archive) => {
        if (archive.preMigrationBackup !== null && (await archive.whenCopied())) copyMs.push(performance.now() - openedAt);
        await archive.close();
      },
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function measure(context: MeasureContext) {
  const upToDate = await context.time(() => createCore({ dataDir: context.dataDir, version: 'bench' }), {
    warmup: 3,
    reps: 30,
    cleanup: (core) => core.close(),
  });
  const additive = await measureMigration(context, true);
  const copyMs: number[] = [];
  const copying = await measureMigration(context, false, copyMs);
  const megabytes = statSync(archivePath(context.dataDir)).size / 1024 / 1024;
  const copyMedian = [...copyMs].sort((a, b) => a - b)[Math.floor(copyMs.length / 2)] ?? 0;

  return [
    timed('archive.open', 'open archive (up to date)', upToDate, 100),
    timed('archive.open-migrate', 'open archive + pending additive migration', additive, 100, 'one transaction, no copy needed'),
    timed(
      'archive.open-migrate-copy',
      'open archive + pending migration that needs a copy',
      copying,
      100,
      `the copy (${megabytes.toFixed(0)} MB) is done ${copyMedian.toFixed(0)} ms after the open, off the main thread (a clone, near 0 ms, on APFS/btrfs/XFS)`,
    ),
  ];
}

export const archiveScenario: Scenario = { name: 'archive', measure };
