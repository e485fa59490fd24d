import { cpSync, openSync, closeSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { archivePath, type Core, createCore } from '../../electron/core';
import { integrityProblems } from './archive-checks';
import { compareRecords, fingerprint, type RecordSet, recordsIn, writeRecords } from './known-archive';
import { type Random, seededRandom } from './random';
import { scratchDir } from './scratch';
import { ProblemLog, type Trial, type TrialContext, type TrialReport } from './trial';

/**
 * Damaged files at start: a known archive (with a backup part-way) is damaged at random — cut
 * short, a page overwritten with random bytes, its header changed, a stray write-ahead log from
 * another database beside it, or written by a newer Ladder — and opened with `createCore`.
 * Pass: no crash; a damaged file is reported plainly (the damaged state, with the newest good
 * backup offered) and never changed (bytes and mtime), also after the restore moves it aside; the
 * restore brings back exactly what the backup held; a newer file opens read-only, readable and
 * unchanged; damage SQLite cannot see (a free page, an unused header byte) loses nothing.
 * tests/unit/damaged.test.ts covers each kind once by hand; this runs many seeded variations.
 */
export interface DamagedOptions {
  runs: number;
  /** Which damage to try, in turn (default: every kind). */
  kinds?: readonly DamageKind[];
}

export const damageKinds = ['truncated', 'page overwritten', 'header changed', 'stray log (another archive)', 'stray log (another database)', 'newer version'] as const;
export type DamageKind = (typeof damageKinds)[number];

interface Base {
  dir: string;
  backupName: string;
  atBackup: RecordSet;
  atClose: RecordSet;
  ladderWal: Buffer;
  foreignWal: Buffer;
  remove(): void;
}

const version = 'damaged-trial';

async function openCore(dataDir: string, internal: string[]) {
  return createCore({ dataDir, version, automaticBackups: false, logError: (name, error) => internal.push(`${name}: ${error instanceof Error ? error.message : String(error)}`) });
}

/** The write-ahead log of a database still open, with every change since its creation in it. */
function captureLog(file: string) {
  return readFileSync(`${file}-wal`);
}

async function buildBase(random: Random): Promise<Base> {
  const base = scratchDir('ladder-damaged-base-', 64 * 1024 * 1024);
  try {
    return await fillBase(random, base);
  } catch (error) {
    base.remove();
    throw error;
  }
}

async function fillBase(random: Random, base: { dir: string; remove: () => void }): Promise<Base> {
  const saved: RecordSet = new Map();
  const core = await openCore(base.dir, []);
  await writeRecords(core, random, saved, 1, 120);
  const backup = await core.handle('backup.now', {});
  if (!backup.ok) throw new Error(`backup.now failed: ${backup.error.message}`);
  const atBackup = new Map(saved);
  await writeRecords(core, random, saved, 121, 40);
  await core.close();

  // Another Ladder archive, whose log still holds its changes.
  const other = scratchDir('ladder-damaged-other-', 16 * 1024 * 1024);
  try {
    const otherCore = await openCore(other.dir, []);
    otherCore.archive.sqlite.pragma('wal_autocheckpoint = 0');
    await writeRecords(otherCore, random, new Map(), 500_000, 30);
    const ladderWal = captureLog(archivePath(other.dir));
    await otherCore.close();
    // And a database that is not Ladder's at all, with the same page size.
    const foreignFile = path.join(other.dir, 'notes.db');
    const foreign = new SqliteDatabase(foreignFile);
    foreign.pragma('journal_mode = WAL');
    foreign.pragma('wal_autocheckpoint = 0');
    foreign.exec(
      "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) INSERT INTO note (body) SELECT 'a note from elsewhere ' || i FROM n",
    );
    const foreignWal = captureLog(foreignFile);
    foreign.close();
    return { dir: base.dir, backupName: (backup.data as { name: string }).name, atBackup, atClose: saved, ladderWal, foreignWal, remove: base.remove };
  } finally {
    other.remove();
  }
}

function randomBytes(random: Random, length: number) {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = random.int(0, 255);
  return bytes;
}

function overwrite(file: string, at: number, bytes: Buffer) {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}

/** Damages the archive in `file` in one seeded way; says what was done, to replay it. */
function damage(kind: DamageKind, file: string, base: Base, random: Random): string {
  const size = statSync(file).size;
  const pageSize = 4096;
  switch (kind) {
    case 'truncated': {
      // Often at a page boundary, as a copy cut short leaves it; sometimes anywhere, even to nothing.
      const roll = random.next();
      const cut = roll < 0.1 ? 0 : roll < 0.55 ? random.int(1, size / pageSize - 1) * pageSize : random.int(1, size - 1);
      truncateSync(file, cut);
      return `cut to ${cut} of ${size} bytes`;
    }
    case 'page overwritten': {
      const page = random.int(1, size / pageSize);
      overwrite(file, (page - 1) * pageSize, randomBytes(random, pageSize));
      return `page ${page} of ${size / pageSize} overwritten`;
    }
    case 'header changed': {
      const what = random.pick(['magic', 'page size', 'any byte'] as const);
      if (what === 'magic') {
        const at = random.int(0, 15);
        overwrite(file, at, Buffer.from([(readFileSync(file)[at] ?? 0) ^ random.int(1, 255)]));
        return `byte ${at} of the magic string flipped`;
      }
      if (what === 'page size') {
        const value = random.pick([0, 3, 1000, 4095, 0x7fff]);
        const bytes = Buffer.alloc(2);
        bytes.writeUInt16BE(value);
        overwrite(file, 16, bytes);
        return `page size set to ${value}`;
      }
      const at = random.int(16, 99);
      const value = random.int(0, 255);
      overwrite(file, at, Buffer.from([value]));
      return `header byte ${at} set to ${value}`;
    }
    case 'stray log (another archive)':
      writeFileSync(`${file}-wal`, base.ladderWal);
      return `another archive's log (${base.ladderWal.length} bytes) beside it`;
    case 'stray log (another database)':
      writeFileSync(`${file}-wal`, base.foreignWal);
      return `another database's log (${base.foreignWal.length} bytes) beside it`;
    case 'newer version': {
      const raw = new SqliteDatabase(file);
      raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-a-newer-ladder', '2030-01-01')").run();
      raw.close();
      return 'a migration from a newer Ladder recorded';
    }
  }
}

type Outcome = 'damaged, restored' | 'read-only' | 'opened, nothing lost' | 'opened, records lost';

/** One damaged copy of the base, opened, judged and (when damaged) restored from its backup. */
async function runOnce(kind: DamageKind, base: Base, random: Random) {
  const problems: string[] = [];
  let lost = 0;
  let outcome: Outcome | null = null;
  const scratch = scratchDir('ladder-damaged-', 64 * 1024 * 1024);
  const file = archivePath(scratch.dir);
  const internal: string[] = [];
  let core: Core | null = null;
  try {
    cpSync(base.dir, scratch.dir, { recursive: true });
    const what = damage(kind, file, base, random);
    problems.push(`(${what})`);
    const before = { file: fingerprint(file), wal: fingerprint(`${file}-wal`) };
    const untouched = (where: string) => {
      if (fingerprint(file) !== before.file) problems.push(`the damaged file was changed ${where}`);
      // A read-only look at a file in WAL mode may leave an empty log beside it: SQLite's own, not a change.
      const wal = fingerprint(`${file}-wal`);
      if (wal !== before.wal && !(before.wal === 'absent' && wal.endsWith(' 0'))) problems.push(`the log beside the damaged file was changed ${where}`);
    };

    try {
      core = await openCore(scratch.dir, internal);
    } catch (error) {
      problems.push(`createCore threw: ${error instanceof Error ? error.message : String(error)}`);
      return { problems, lost: base.atClose.size, outcome };
    }

    if (core.damaged) {
      const { reason, newestGoodBackup } = core.damaged;
      if (!/archive|file/i.test(reason) || reason.length > 400 || /\n\s+at /.test(reason)) problems.push(`the reason is not plain: ${reason}`);
      if (newestGoodBackup?.name !== base.backupName) problems.push(`offered ${newestGoodBackup?.name ?? 'no backup'} instead of ${base.backupName}`);
      const refused = await core.handle('journal.list', {});
      if (refused.ok || !/damaged/i.test(refused.error.message)) problems.push('journal.list on a damaged archive did not say it is damaged');
      untouched('by opening it');

      const restored = await core.handle('backup.restore', { name: base.backupName });
      if (!restored.ok) {
        problems.push(`restoring the newest good backup failed: ${restored.error.message}`);
        lost += base.atBackup.size;
      } else {
        const keptAt = (restored.data as { damagedFileKeptAt: string | null }).damagedFileKeptAt;
        if (!keptAt) problems.push('the restore did not say where the damaged file was kept');
        else if (fingerprint(keptAt) !== before.file) problems.push('the damaged file set aside is not the file as it was');
        else if (before.wal !== 'absent' && fingerprint(`${keptAt}-wal`) !== before.wal) problems.push('the log set aside with the damaged file is not as it was');
        const { stored, torn } = recordsIn(core.archive.sqlite);
        const compared = compareRecords(stored, torn, base.atBackup, true);
        problems.push(...compared.problems.map((p) => `after the restore: ${p}`));
        lost += compared.lost;
        problems.push(...integrityProblems(core.archive.sqlite).map((p) => `integrity_check after the restore: ${p}`));
        const [number, record] = random.pick([...base.atBackup]);
        const got = await core.handle('journal.get', { id: record.id });
        if (!got.ok) problems.push(`journal.get of record ${number} after the restore failed: ${got.error.message}`);
        outcome = 'damaged, restored';
      }
    } else {
      const archive = core.archive;
      const { stored, torn } = recordsIn(archive.sqlite);
      const compared = compareRecords(stored, torn, base.atClose, true);
      problems.push(...compared.problems);
      lost += compared.lost;
      if (archive.readOnlyReason !== null) {
        if (kind !== 'newer version') problems.push(`opened read-only: ${archive.readOnlyReason}`);
        const refused = await core.handle('journal.create', { title: 'not allowed', entryDate: '2026-11-27' });
        if (refused.ok || refused.error.code !== 'read_only') problems.push('a write to a read-only archive was not refused as read_only');
        outcome = compared.lost > 0 ? 'opened, records lost' : 'read-only';
      } else {
        if (kind === 'newer version') problems.push('a file from a newer Ladder opened for writing');
        problems.push(...integrityProblems(archive.sqlite).map((p) => `integrity_check: ${p}`));
        outcome = compared.lost > 0 ? 'opened, records lost' : 'opened, nothing lost';
      }
      await core.close();
      core = null;
      if (kind === 'newer version') untouched('by opening it read-only');
    }
    if (internal.length > 0) problems.push(`the core logged internal errors: ${internal.slice(0, 2).join('; ')}`);
  } finally {
    await core?.close();
    scratch.remove();
  }
  // Only the description is left when nothing went wrong.
  return { problems: problems.length === 1 ? [] : problems, lost, outcome };
}

export const damagedTrial: Trial<DamagedOptions> = {
  name: 'damaged',
  sizes: {
    small: { runs: damageKinds.length * 2 },
    full: { runs: 600 },
  },

  async run(options, context: TrialContext): Promise<TrialReport[]> {
    const started = performance.now();
    const random = seededRandom(context.seed);
    const base = await buildBase(random);
    const kinds = options.kinds ?? damageKinds;
    const rows = new Map<DamageKind, { runs: number; lost: number; problems: ProblemLog; outcomes: Map<string, number>; millis: number }>();
    for (const kind of kinds) rows.set(kind, { runs: 0, lost: 0, problems: new ProblemLog(4), outcomes: new Map(), millis: 0 });
    try {
      for (let run = 0; run < options.runs; run += 1) {
        // Every kind in turn, so even a small run meets each one.
        const kind = kinds[run % kinds.length] as DamageKind;
        const row = rows.get(kind);
        if (!row) continue;
        const runSeed = random.int(0, 0x7fffffff);
        const runStarted = performance.now();
        const result = await runOnce(kind, base, seededRandom(runSeed));
        row.millis += performance.now() - runStarted;
        row.runs += 1;
        row.lost += result.lost;
        const outcome = result.outcome ?? 'failed';
        row.outcomes.set(outcome, (row.outcomes.get(outcome) ?? 0) + 1);
        if (result.problems.length > 0) row.problems.add(result.problems[1]?.split(':')[0] ?? 'problem', `seed ${runSeed}: ${result.problems.join('; ').slice(0, 700)}`);
        if ((run + 1) % Math.max(1, Math.round(options.runs / 10)) === 0) context.log?.(`damaged: ${run + 1}/${options.runs} damaged copies opened`);
      }
    } finally {
      base.remove();
    }
    const share = performance.now() - started - [...rows.values()].reduce((sum, row) => sum + row.millis, 0);
    return [...rows].map(([kind, row]) => ({
      trial: `damaged file: ${kind}`,
      runs: row.runs,
      failures: row.problems.count,
      recordsLost: row.lost,
      problems: row.problems.examples,
      notes: [[...row.outcomes].map(([outcome, count]) => `${outcome} ×${count}`).join(', ')],
      millis: row.millis + share / kinds.length,
    }));
  },
};
