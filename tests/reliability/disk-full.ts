import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { archiveFileName, archivePath, type Core, createCore } from '../../electron/core';
import { integrityProblems } from './archive-checks';
import { limitedSpace, type LimitedSpace, spaceKind } from './limited-space';
import { prose, type Random, seededRandom } from './random';
import { readRecord, recordText } from './records';
import { scratchDir } from './scratch';
import { ProblemLog, type Trial, type TrialContext, type TrialReport } from './trial';

/**
 * Disk full: the archive sits on a filesystem with little room (limited-space.ts) and entries are
 * written and edited until the disk fills. The write that meets the full disk must answer
 * `disk_full` with a plain message and leave nothing half-written; every earlier record stays
 * readable (also after a restart on the full disk); a backup attempted meanwhile leaves no partial
 * file; once room is freed, the refused text (which the editor keeps, see
 * tests/component/reliability-disk-full.test.tsx) saves; the file passes its checks; and no
 * zero-byte file is left anywhere.
 */
export interface DiskFullOptions {
  fills: number;
  /** Writes tried after the first refusal, while the disk stays full. */
  writesWhileFull: number;
}

interface Known {
  id: string;
  version: number;
}

/** A write the disk refused, kept as the editor keeps it, to be saved once there is room. */
interface Waiting {
  number: number;
  id: string | null;
  version: number;
  text: { title: string; body: string };
}

const entryDate = '2026-11-27';

function bodyLength(random: Random) {
  const roll = random.next();
  if (roll < 0.6) return random.int(200, 3_000);
  if (roll < 0.95) return random.int(3_000, 30_000);
  return random.int(30_000, 150_000);
}

function zeroByteFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = statSync(file);
    if (stat.isDirectory()) found.push(...zeroByteFiles(file));
    else if (stat.size === 0) found.push(path.relative(dir, file));
  }
  return found;
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Opens the core the way the app does; `null` with a reason when it would not open. */
async function openCore(space: LimitedSpace, problems: string[]): Promise<Core | null> {
  try {
    const logError = (name: string, error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      problems.push(`the core logged an internal error in ${name}: ${typeof code === 'string' ? code : ''} ${error instanceof Error ? error.message : String(error)}`);
    };
    const core = await createCore({ dataDir: space.dir, version: 'disk-full', automaticBackups: false, logError });
    if (core.damaged) {
      problems.push(`the core calls the archive damaged: ${core.damaged.reason}`);
      await core.close();
      return null;
    }
    space.limit(core.archive.sqlite);
    return core;
  } catch (error) {
    problems.push(`the archive does not open: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Every entry in the file, by record number; torn ones are problems. */
function storedRecords(core: Core, problems: string[]) {
  const rows = core.archive.sqlite.prepare('SELECT id, title, body FROM entry WHERE deleted_at IS NULL').all() as { id: string; title: string; body: string }[];
  const stored = new Map<number, Known>();
  for (const row of rows) {
    const record = readRecord(row.title, row.body);
    if ('problem' in record) problems.push(`half-written record ${row.id}: ${record.problem}`);
    else stored.set(record.number, { id: row.id, version: record.version });
  }
  return stored;
}

/** Holds the file to every saved version; counts what is gone. Refused writes must not be there. */
function compare(stored: Map<number, Known>, saved: Map<number, Known>, refused: Waiting[], problems: string[]) {
  let lost = 0;
  for (const [number, known] of saved) {
    const found = stored.get(number);
    if (!found || found.version !== known.version) {
      lost += 1;
      problems.push(`record ${number} v${known.version} was saved, but the file holds ${found ? `v${found.version}` : 'nothing'}`);
    }
  }
  for (const waiting of refused) {
    const found = stored.get(waiting.number);
    if (found && found.version === waiting.version) problems.push(`record ${waiting.number} v${waiting.version} was refused as disk_full, but it is in the file`);
  }
  return lost;
}

async function fillOnce(random: Random, template: string, options: DiskFullOptions) {
  const problems: string[] = [];
  const notes = { writes: 0, refused: 0, restartedWhileFull: false, backupWhileFull: 'not tried' };
  let lost = 0;
  const room = random.int(256, 2_048) * 1024;
  const space = limitedSpace(template, archiveFileName, room, () => scratchDir('ladder-disk-full-', 64 * 1024 * 1024));
  const saved = new Map<number, Known>();
  const refused: Waiting[] = [];
  let next = 1;
  let core: Core | null = null;

  const attempt = async (): Promise<'ok' | 'full' | 'failed'> => {
    if (!core) return 'failed';
    const waitingNumbers = new Set(refused.map((w) => w.number));
    const updatable = [...saved].filter(([number]) => !waitingNumbers.has(number));
    const update = updatable.length > 0 && random.chance(0.35) ? random.pick(updatable) : null;
    const number = update ? update[0] : next++;
    const version = update ? update[1].version + 1 : 1;
    const text = recordText(number, version, prose(random, bodyLength(random)));
    const result = update
      ? await core.handle('journal.update', { id: update[1].id, ...text })
      : await core.handle('journal.create', { ...text, entryDate });
    notes.writes += 1;
    if (result.ok) {
      saved.set(number, { id: update ? update[1].id : (result.data as { id: string }).id, version });
      return 'ok';
    }
    if (result.error.code === 'disk_full') {
      if (!/disk is full/i.test(result.error.message)) problems.push(`the disk_full message is not plain: ${result.error.message}`);
      refused.push({ number, id: update ? update[1].id : null, version, text });
      notes.refused += 1;
      return 'full';
    }
    problems.push(`a write on a filling disk failed with ${result.error.code}: ${result.error.message}`);
    return 'failed';
  };

  try {
    core = await openCore(space, problems);
    // Fill: write until the disk refuses (a generous cap, so a disk that never fills is noticed).
    let outcome: 'ok' | 'full' | 'failed' = 'ok';
    for (let tries = 0; core && outcome === 'ok' && tries < 5_000; tries += 1) outcome = await attempt();
    if (outcome === 'ok') problems.push(`the disk never filled (${notes.writes} writes into ${room} bytes of room)`);
    for (let i = 0; core && outcome !== 'failed' && i < options.writesWhileFull; i += 1) outcome = await attempt();

    if (core) {
      // While full: everything saved reads back, through the file and through the requests.
      lost += compare(storedRecords(core, problems), saved, refused, problems);
      const listed = await core.handle('journal.list', { limit: 5 });
      if (!listed.ok) problems.push(`journal.list on a full disk failed: ${listed.error.message}`);
      const [someNumber, some] = random.pick([...saved]);
      const got = await core.handle('journal.get', { id: some.id });
      if (!got.ok || (got.data as { title: string }).title !== recordText(someNumber, some.version, '').title) problems.push(`journal.get of record ${someNumber} on a full disk failed`);

      // A backup on a full disk is refused whole: no partial copy is left to be offered later.
      const backup = await core.handle('backup.now', {});
      notes.backupWhileFull = backup.ok ? 'made' : backup.error.code;
      if (!backup.ok && backup.error.code !== 'disk_full' && backup.error.code !== 'internal') problems.push(`backup.now on a full disk answered ${backup.error.code}`);
      const leftovers = filesIn(path.join(space.dir, 'backups')).filter((name) => name.includes('partial') || (!backup.ok && name.startsWith('manual-')));
      if (leftovers.length > 0) problems.push(`a refused backup left ${leftovers.join(', ')}`);

      // Sometimes the app is closed and started again before any room is freed.
      if (random.chance(0.4)) {
        notes.restartedWhileFull = true;
        await core.close();
        core = await openCore(space, problems);
        if (core) lost += compare(storedRecords(core, problems), saved, refused, problems);
      }
    }

    // Room is freed; what the editor kept is saved on the next try.
    const waitingBytes = refused.reduce((sum, w) => sum + Buffer.byteLength(w.text.body) * 2, 0);
    space.grow(waitingBytes * 4 + 16 * 1024 * 1024);
    for (const waiting of refused.splice(0)) {
      if (!core) break;
      const result = waiting.id
        ? await core.handle('journal.update', { id: waiting.id, ...waiting.text })
        : await core.handle('journal.create', { ...waiting.text, entryDate });
      if (!result.ok) problems.push(`record ${waiting.number} v${waiting.version} still not saved after room was freed: ${result.error.code}`);
      else saved.set(waiting.number, { id: waiting.id ?? (result.data as { id: string }).id, version: waiting.version });
    }
    await core?.close();

    // Reopened afterwards: everything there, whole, and the file sound.
    core = await openCore(space, problems);
    if (core) {
      lost += compare(storedRecords(core, problems), saved, [], problems);
      problems.push(...integrityProblems(core.archive.sqlite).map((p) => `integrity_check: ${p}`));
      await core.close();
      core = null;
    } else {
      lost += saved.size;
    }
    const empty = zeroByteFiles(space.dir);
    if (empty.length > 0) problems.push(`zero-byte files left: ${empty.join(', ')}`);
  } catch (error) {
    problems.push(`the trial itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await core?.close();
    space.release();
  }
  return { problems, lost, notes, archiveFile: archivePath(space.dir) };
}

export const diskFullTrial: Trial<DiskFullOptions> = {
  name: 'disk-full',
  sizes: {
    small: { fills: 3, writesWhileFull: 4 },
    full: { fills: 40, writesWhileFull: 8 },
  },

  async run(options, context: TrialContext): Promise<TrialReport[]> {
    const started = performance.now();
    const random = seededRandom(context.seed);
    const problems = new ProblemLog();
    const kind = spaceKind();
    let lost = 0;
    let writes = 0;
    let refusals = 0;
    let restarts = 0;
    const backupOutcomes = new Map<string, number>();

    // A fresh archive, made once where there is room, copied onto each small disk.
    const templateDir = scratchDir('ladder-disk-full-template-', 16 * 1024 * 1024);
    try {
      const core = await createCore({ dataDir: templateDir.dir, version: 'disk-full', automaticBackups: false });
      await core.close();
      for (let fill = 1; fill <= options.fills; fill += 1) {
        const fillSeed = random.int(0, 0x7fffffff);
        const outcome = await fillOnce(seededRandom(fillSeed), archivePath(templateDir.dir), options);
        lost += outcome.lost;
        writes += outcome.notes.writes;
        refusals += outcome.notes.refused;
        if (outcome.notes.restartedWhileFull) restarts += 1;
        backupOutcomes.set(outcome.notes.backupWhileFull, (backupOutcomes.get(outcome.notes.backupWhileFull) ?? 0) + 1);
        for (const problem of outcome.problems) problems.add(problem.split(':')[0] ?? problem, `fill ${fill} (seed ${fillSeed}): ${problem.slice(0, 600)}`);
        if (fill % Math.max(1, Math.round(options.fills / 10)) === 0) context.log?.(`disk-full: ${fill}/${options.fills} fills, ${problems.count} failures`);
      }
    } finally {
      templateDir.remove();
    }

    return [
      {
        trial: `disk full (${kind === 'tmpfs' ? 'tiny tmpfs' : 'max_page_count'})`,
        runs: options.fills,
        failures: problems.count,
        recordsLost: lost,
        problems: problems.examples,
        notes: [
          kind === 'tmpfs'
            ? 'ran on a real tiny filesystem (tmpfs mounted with a size limit)'
            : 'could not mount a filesystem here, so ran with PRAGMA max_page_count (the same SQLITE_FULL path, for the archive only)',
          `${writes.toLocaleString('en')} writes, ${refusals} refused as disk_full and saved once room was freed; ${restarts} restarts on a full disk`,
          `backup.now on a full disk: ${[...backupOutcomes].map(([what, n]) => `${what} ×${n}`).join(', ')}`,
        ],
        millis: performance.now() - started,
      },
    ];
  },
};
