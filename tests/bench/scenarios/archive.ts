import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import { archivePath, createCore } from '../../../electron/core';
import { openArchive } from '../../../electron/core/db/open';
import { migrations } from '../../../electron/core/db/migrations';
import type { Migration } from 'kysely/migration';
import { syncFile } from '../disk';
import { startIdleBaseline } from '../idle-baseline';
import { figure, timed } from '../report';
import type { MeasureContext, Scenario } from './types';

/**
 * Opening the archive as the app starts: once when it is up to date, and with a migration
 * pending. The pending one is a no-op added after the shipped ones, so what is timed is the
 * fixed cost of an upgrade without depending on which migrations exist today: declared quick
 * and additive (on the app's connection, in one transaction, no copy needed); quick, not
 * additive (the archive is copied while it migrates, from the file the migration leaves
 * untouched; the open does not wait for it); and neither, so it runs in a worker thread as every
 * migration that may take long does. A migration as heavy as 0015 is measured once more by the
 * main thread's longest block while it runs. Each run opens a throwaway copy, synced to disk and
 * with the stamp of last week's page scan beside it, as an archive opened within the week has.
 */
const pending = (flags: { additive: boolean; quick: boolean }): Record<string, Migration> => ({
  '9999-bench-pending': Object.assign({ up: () => Promise.resolve() }, flags),
});

/** As heavy as 0015 was (it renumbered the search index): every document's words indexed again. */
const rebuildsSearch: Record<string, Migration> = {
  '9999-bench-rebuild-search': Object.assign(
    { up: async (db: Parameters<Migration['up']>[0]) => void (await sql`INSERT INTO search_text (search_text) VALUES ('rebuild')`.execute(db)) },
    { additive: true },
  ),
};

/** Copies the archive aside as it is on disk, with last week's page-scan stamp beside it. */
function prepareCopy(context: MeasureContext, copy: string, backups: string, scannedLastWeek = true) {
  const stamp = path.join(context.dataDir, 'backups', 'last-integrity-check');
  rmSync(backups, { recursive: true, force: true });
  mkdirSync(backups, { recursive: true });
  copyFileSync(archivePath(context.dataDir), copy);
  // Untimed: otherwise the timed open would pay for writing back the copy just made.
  syncFile(copy);
  if (scannedLastWeek && existsSync(stamp)) copyFileSync(stamp, path.join(backups, 'last-integrity-check'));
}

/**
 * Opens that take seconds: a migration as heavy as 0015 (in a worker thread, see
 * db/migrate-off-thread.ts) and the page scan after a week or an unclean close (in a worker too).
 * The window says what is happening meanwhile; what counts for the person is that the main
 * process stays free. Timed once each: the whole open, and the longest main-thread block.
 */
async function measureLongOpen(context: MeasureContext, options: { migrations: Record<string, Migration>; scannedLastWeek: boolean }) {
  const scratch = mkdtempSync(path.join(path.dirname(context.dataDir), 'ladder-bench-rebuild-'));
  const copy = path.join(scratch, 'ladder.sqlite3');
  const backups = path.join(scratch, 'backups');
  try {
    prepareCopy(context, copy, backups, options.scannedLastWeek);
    const baseline = await startIdleBaseline();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const started = performance.now();
    const archive = await openArchive(copy, { backupDir: backups, migrations: options.migrations });
    const ms = performance.now() - started;
    delay.disable();
    const idle = await baseline.stop();
    await archive.close();
    // The histogram counts from the expected wake-up, so its max is the longest block beyond the timer's 1 ms.
    return { ms, blockedMs: delay.max / 1e6, p99BlockedMs: delay.percentile(99) / 1e6, idle };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function longOpenNote(what: string, open: Awaited<ReturnType<typeof measureLongOpen>>) {
  const idle = `an idle process meanwhile: longest pause ${open.idle.maxMs.toFixed(1)} ms (p99 ${open.idle.p99Ms.toFixed(1)})`;
  return `${what}: ${(open.ms / 1000).toFixed(1)} s in all; p99 block ${open.p99BlockedMs.toFixed(1)} ms; ${idle}`;
}

async function measureMigration(context: MeasureContext, flags: { additive: boolean; quick: boolean }, copyMs: number[] = []) {
  const scratch = mkdtempSync(path.join(path.dirname(context.dataDir), 'ladder-bench-migrate-'));
  const copy = path.join(scratch, 'ladder.sqlite3');
  const backups = path.join(scratch, 'backups');
  try {
    let openedAt = 0;
    const open = async () => {
      const archive = await openArchive(copy, { backupDir: backups, migrations: { ...migrations, ...pending(flags) } });
      openedAt = performance.now();
      return archive;
    };
    return await context.time(open, {
      warmup: 1,
      reps: 5,
      setup: () => prepareCopy(context, copy, backups),
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
  const additive = await measureMigration(context, { additive: true, quick: true });
  const copyMs: number[] = [];
  const copying = await measureMigration(context, { additive: false, quick: true }, copyMs);
  const inWorker = await measureMigration(context, { additive: true, quick: false });
  const heavy = await measureLongOpen(context, { migrations: { ...migrations, ...rebuildsSearch }, scannedLastWeek: true });
  const scan = await measureLongOpen(context, { migrations, scannedLastWeek: false });
  const megabytes = statSync(archivePath(context.dataDir)).size / 1024 / 1024;
  const copyMedian = [...copyMs].sort((a, b) => a - b)[Math.floor(copyMs.length / 2)] ?? 0;

  return [
    timed('archive.open', 'open archive (up to date)', upToDate, 100),
    timed('archive.open-migrate', 'open archive + pending quick additive migration', additive, 100, 'one transaction, no copy needed'),
    timed(
      'archive.open-migrate-copy',
      'open archive + pending quick migration that needs a copy',
      copying,
      100,
      `the copy (${megabytes.toFixed(0)} MB) is done ${copyMedian.toFixed(0)} ms after the open, off the main thread (a clone, near 0 ms, on APFS/btrfs/XFS)`,
    ),
    timed(
      'archive.open-migrate-worker',
      'open archive + pending migration run in a worker',
      inWorker,
      undefined,
      'starting the worker thread (the main thread stays free meanwhile)',
    ),
    figure(
      'archive.open-rebuild.blocked',
      'open archive + migration rebuilding search: longest main-thread block',
      'ms',
      heavy.blockedMs,
      100,
      longOpenNote('the migration runs in a worker thread', heavy),
    ),
    figure(
      'archive.open-scan.blocked',
      'open archive + weekly page scan: longest main-thread block',
      'ms',
      scan.blockedMs,
      100,
      longOpenNote('the scan runs in a worker thread', scan),
    ),
  ];
}

export const archiveScenario: Scenario = { name: 'archive', measure };
