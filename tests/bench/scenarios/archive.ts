import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { archivePath, createCore } from '../../../electron/core';
import { openArchive } from '../../../electron/core/db/open';
import { migrations } from '../../../electron/core/db/migrations';
import { timed } from '../report';
import type { MeasureContext, Scenario } from './types';

/**
 * Opening the archive as the app starts: once when it is up to date, and once with a migration
 * pending. The pending one is a no-op added after the shipped ones, so what is timed is the
 * fixed cost of any upgrade (the copy made before migrating, the migrator's bookkeeping)
 * without depending on which migrations exist today. It runs on a throwaway copy each time.
 */
const pendingMigration = { '9999-bench-pending': { up: () => Promise.resolve() } };

async function measure(context: MeasureContext) {
  const upToDate = await context.time(() => createCore({ dataDir: context.dataDir, version: 'bench' }), {
    warmup: 3,
    reps: 30,
    cleanup: (core) => core.close(),
  });

  const scratch = mkdtempSync(path.join(path.dirname(context.dataDir), 'ladder-bench-migrate-'));
  const copy = path.join(scratch, 'ladder.sqlite3');
  const backups = path.join(scratch, 'backups');
  let migrating;
  try {
    migrating = await context.time(
      () => openArchive(copy, { backupDir: backups, migrations: { ...migrations, ...pendingMigration } }),
      {
        warmup: 1,
        reps: 5,
        setup: () => {
          rmSync(backups, { recursive: true, force: true });
          copyFileSync(archivePath(context.dataDir), copy);
        },
        cleanup: (archive) => archive.close(),
      },
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  return [
    timed('archive.open', 'open archive (up to date)', upToDate, 100),
    timed('archive.open-migrate', 'open archive + pending migration', migrating, 100, 'includes the pre-migration backup copy'),
  ];
}

export const archiveScenario: Scenario = { name: 'archive', measure };
