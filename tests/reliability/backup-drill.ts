import { copyFileSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Clock } from '../../electron/core/clock';
import { archivePath, type Core, createCore } from '../../electron/core';
import { backupFileName } from '../../electron/core/services/backup/backup-files';
import { integrityProblems } from './archive-checks';
import { compareRecords, type RecordSet, recordsIn, writeRecords } from './known-archive';
import { type Random, seededRandom } from './random';
import { scratchDir } from './scratch';
import { ProblemLog, type Trial, type TrialContext, type TrialReport } from './trial';

/**
 * Backup drill: backups are made along the way, a crash during a backup leaves partial copies in
 * the folder, then the archive is lost (deleted, overwritten, emptied). The person restores the
 * newest backup through the app's own path (the damaged screen's offer, or Settings' list), then an
 * older one, then undoes that; a backup is also opened on its own in a fresh folder.
 * Pass: each restore brings back exactly the records of its backup, no partial copy is ever offered
 * or restored, and every file passes its checks.
 */
export interface BackupDrillOptions {
  drills: number;
}

const losses = ['deleted', 'overwritten', 'emptied'] as const;

/** Time moves on a few minutes per request, so each backup gets its own name; `nextDay` skips ahead. */
function movingClock(random: Random): Clock & { nextDay(): void } {
  let now = Date.parse('2026-06-01T08:00:00.000Z');
  return {
    now: () => {
      now += random.int(1_000, 10 * 60_000);
      return new Date(now).toISOString();
    },
    // Rotation keeps the newest copy of each day, so backups worth keeping apart are days apart.
    nextDay: () => {
      now += random.int(1, 3) * 24 * 60 * 60_000;
    },
  };
}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const answer = await core.handle(name, input);
  if (!answer.ok) throw new Error(`${name} failed: ${answer.error.code}: ${answer.error.message}`);
  return answer.data as T;
}

/** What a crash part-way through a backup can leave: partial copies, some under a real backup's name. */
function litter(random: Random, backupsDir: string, archive: string, newest: string) {
  const bytes = readFileSync(archive);
  const later = Date.parse(newest.replace(/^manual-/, '').replace(/\.sqlite3$/, '').replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z/, 'T$1:$2:$3.$4Z'));
  const named: string[] = [];
  const count = random.int(2, 6);
  for (let i = 1; i <= count; i += 1) {
    const name = backupFileName(random.pick(['daily', 'manual'] as const), new Date(later + i * 60_000).toISOString());
    const cut = random.chance(0.2) ? 0 : random.int(1, bytes.length - 1);
    // What the backup service itself leaves (a dot-file it never lists) …
    writeFileSync(path.join(backupsDir, `.${name}.partial`), bytes.subarray(0, cut));
    // … and, for the worst case, a cut-short copy that did get a backup's name.
    if (random.chance(0.6)) {
      const file = path.join(backupsDir, name);
      copyFileSync(archive, file);
      truncateSync(file, cut);
      named.push(name);
    }
  }
  return named;
}

async function drillOnce(random: Random) {
  const problems: string[] = [];
  let lost = 0;
  let restores = 0;
  const scratch = scratchDir('ladder-backup-drill-', 64 * 1024 * 1024);
  const clock = movingClock(random);
  const open = () => createCore({ dataDir: scratch.dir, clock, version: 'backup-drill', automaticBackups: false });
  const check = (core: Core, expected: RecordSet, when: string) => {
    const { stored, torn } = recordsIn(core.archive.sqlite);
    const compared = compareRecords(stored, torn, expected, true);
    lost += compared.lost;
    problems.push(...compared.problems.map((p) => `${when}: ${p}`));
    problems.push(...integrityProblems(core.archive.sqlite).map((p) => `${when}: integrity_check: ${p}`));
  };
  let core: Core | null = null;
  try {
    core = await open();
    const saved: RecordSet = new Map();
    await writeRecords(core, random, saved, 1, random.int(20, 60));
    const older = await call<{ name: string }>(core, 'backup.now', {});
    const atOlder = new Map(saved);
    clock.nextDay();
    await writeRecords(core, random, saved, 1_000, random.int(10, 40));
    // Deletions between backups: a restore must bring those entries back exactly as the backup had them.
    for (const [number, record] of [...saved].slice(0, random.int(0, 3))) {
      await call(core, 'journal.delete', { id: record.id });
      saved.delete(number);
    }
    const newest = await call<{ name: string }>(core, 'backup.now', {});
    const atNewest = new Map(saved);
    await writeRecords(core, random, saved, 2_000, random.int(1, 10));
    await core.close();
    core = null;

    const backupsDir = path.join(scratch.dir, 'backups');
    const file = archivePath(scratch.dir);
    const partialNames = litter(random, backupsDir, file, newest.name);

    // The archive is lost.
    const loss = random.pick(losses);
    if (loss === 'deleted') for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    else if (loss === 'overwritten') writeFileSync(file, Buffer.from(Array.from({ length: random.int(1, 64) * 1024 }, () => random.int(0, 255))));
    else writeFileSync(file, '');

    core = await open();
    const listed = await call<{ backups: { name: string }[] }>(core, 'backup.list', {});
    const offered = listed.backups.map((b) => b.name);
    if (offered.some((name) => name.startsWith('.') || name.includes('partial'))) problems.push(`a partial file is listed as a backup: ${offered.join(', ')}`);
    let choice: string;
    if (core.damaged) {
      // The damaged screen offers the newest good backup.
      choice = core.damaged.newestGoodBackup?.name ?? '(none)';
      if (choice !== newest.name) problems.push(`the damaged screen offers ${choice}, not the newest good backup ${newest.name} (${loss})`);
    } else {
      // A deleted archive starts afresh; the person picks the newest backup that restores from the list.
      if (loss !== 'deleted') problems.push(`an archive that was ${loss} opened as if sound`);
      choice = newest.name;
    }
    // Every cut-short copy under a backup's name is refused, and changes nothing.
    for (const name of partialNames) {
      const refused = await core.handle('backup.restore', { name });
      if (refused.ok) {
        problems.push(`a partial copy (${name}) was restored`);
        break;
      }
    }
    const restored = await core.handle('backup.restore', { name: newest.name });
    if (!restored.ok) {
      problems.push(`restoring the newest backup failed: ${restored.error.message}`);
      lost += atNewest.size;
    } else {
      restores += 1;
      check(core, atNewest, 'after restoring the newest backup');
      const older2 = await core.handle('backup.restore', { name: older.name });
      if (!older2.ok) problems.push(`restoring the older backup failed: ${older2.error.message}`);
      else {
        restores += 1;
        check(core, atOlder, 'after restoring the older backup');
        const undone = await core.handle('backup.undoRestore', {});
        if (!undone.ok) problems.push(`undoing the restore of the older backup failed: ${undone.error.message}`);
        else check(core, atNewest, 'after undoing the restore of the older backup');
      }
    }
    await core.close();
    core = null;

    // A backup opened on its own, in a fresh folder, holds exactly its records.
    const fresh = scratchDir('ladder-backup-fresh-', 64 * 1024 * 1024);
    try {
      copyFileSync(path.join(backupsDir, newest.name), archivePath(fresh.dir));
      const alone = await createCore({ dataDir: fresh.dir, version: 'backup-drill', automaticBackups: false });
      try {
        if (alone.damaged) problems.push(`the backup does not open on its own: ${alone.damaged.reason}`);
        else check(alone, atNewest, 'the backup opened in a fresh folder');
      } finally {
        await alone.close();
      }
    } finally {
      fresh.remove();
    }
    // Nothing the drill left is a backup that would not restore.
    const stray = readdirSync(backupsDir).filter((name) => name.endsWith('.sqlite3-wal') || name.endsWith('.sqlite3-shm'));
    if (stray.length > 0) problems.push(`companion files left in the backups folder: ${stray.join(', ')}`);
    return { problems, lost, restores, loss };
  } finally {
    await core?.close();
    scratch.remove();
  }
}

export const backupDrillTrial: Trial<BackupDrillOptions> = {
  name: 'backup-drill',
  sizes: {
    small: { drills: 3 },
    full: { drills: 60 },
  },

  async run(options, context: TrialContext): Promise<TrialReport[]> {
    const started = performance.now();
    const random = seededRandom(context.seed);
    const problems = new ProblemLog();
    let lost = 0;
    let restores = 0;
    const losses = new Map<string, number>();
    for (let drill = 1; drill <= options.drills; drill += 1) {
      const drillSeed = random.int(0, 0x7fffffff);
      try {
        const outcome = await drillOnce(seededRandom(drillSeed));
        lost += outcome.lost;
        restores += outcome.restores;
        losses.set(outcome.loss, (losses.get(outcome.loss) ?? 0) + 1);
        for (const problem of outcome.problems) problems.add(problem.split(':')[0] ?? problem, `drill ${drill} (seed ${drillSeed}): ${problem.slice(0, 500)}`);
      } catch (error) {
        problems.add('drill failed', `drill ${drill} (seed ${drillSeed}): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (drill % Math.max(1, Math.round(options.drills / 10)) === 0) context.log?.(`backup-drill: ${drill}/${options.drills} drills`);
    }
    return [
      {
        trial: 'backup drill (restore newest, older, undo)',
        runs: options.drills,
        failures: problems.count,
        recordsLost: lost,
        problems: problems.examples,
        notes: [`${restores} restores checked record by record; archive lost by ${[...losses].map(([how, n]) => `${how} ×${n}`).join(', ')}`],
        millis: performance.now() - started,
      },
    ];
  },
};
