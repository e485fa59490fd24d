import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { archivePath, type Core, createCore } from '../../electron/core';
import { fileBytes, integrityProblems, mebibytes, walBytes } from './archive-checks';
import type { WriterJob } from './crash-writer';
import { type Random, seededRandom } from './random';
import { readRecord } from './records';
import { scratchDir } from './scratch';
import { ProblemLog, type Trial, type TrialContext, type TrialReport } from './trial';

/**
 * Crash during writes: a writer process (crash-writer.ts) saves records through the real core
 * and says which commits came back ok; we SIGKILL it at a random moment, reopen the archive with
 * `createCore`, and check that every acknowledged record is there in its acknowledged (or a later)
 * version, that no record is torn, and that SQLite finds the file sound.
 */
export interface CrashOptions {
  kills: number;
  /** Writers started ahead of time, so a writer's start-up overlaps the previous run. */
  spares: number;
  /** How often a crash is followed at once by another, while the next start recovers the log. */
  doubleCrashChance: number;
  /** Start a fresh archive once the file grows past this, so each check stays quick. */
  maxArchiveBytes: number;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');
const writerStart = path.join(import.meta.dirname, 'crash-writer-start.mjs');
/** Each writer numbers its records from its own block, so numbers never collide. */
const numbersPerWriter = 1_000_000;

interface Writer {
  child: ChildProcessWithoutNullStreams;
  /** Whole lines only: a line without its newline was never acknowledged. */
  lines: string[];
  stderr: string;
  loaded: Promise<void>;
  /** Resolves when the writer's `createCore` returned (or the writer died). */
  opened: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWriter(compileCache: string): Writer {
  // Starting a writer is most of what a kill costs, so it is made cheap: crash-writer-start.mjs
  // loads the core's packages before tsx, and the writers share Node's compile cache. (tsx, not
  // Node's own type stripping: the core uses TypeScript that stripping cannot run.)
  const child = spawn(process.execPath, [writerStart], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_COMPILE_CACHE: compileCache },
  });
  const writer: Writer = { child, lines: [], stderr: '', loaded: Promise.resolve(), opened: Promise.resolve(), exited: Promise.resolve({ code: null, signal: null }) };
  let partial = '';
  let onLoaded: () => void = () => {};
  let onOpened: () => void = () => {};
  writer.loaded = new Promise<void>((resolve) => {
    onLoaded = resolve;
  });
  writer.opened = new Promise<void>((resolve) => {
    onOpened = resolve;
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      if (line === 'loaded') onLoaded();
      else writer.lines.push(line);
      if (line === 'open') onOpened();
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    writer.stderr = (writer.stderr + chunk).slice(-2_000);
  });
  // Writing the job to a writer that already died must not bring the trial down.
  child.stdin.on('error', () => {});
  // 'close' waits for stdout to be drained, so every acknowledgement is in `lines` by then.
  writer.exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  // A writer that dies early must not leave the trial waiting for a line that never comes.
  void writer.exited.then(() => {
    onLoaded();
    onOpened();
  });
  return writer;
}

export interface KnownRecord {
  id: string;
  /** The newest version a writer acknowledged: the archive must hold this one or a later one. */
  acked: number;
  /** The newest version a check has seen in the archive; versions never go back. */
  seen: number;
}

export interface ArchiveUnderTest {
  dataDir: string;
  root: string;
  remove: () => void;
  records: Map<number, KnownRecord>;
  writers: number;
}

function freshArchive(): ArchiveUnderTest {
  const { dir, root, remove } = scratchDir('ladder-crash-', 64 * 1024 * 1024);
  return { dataDir: dir, root, remove, records: new Map(), writers: 0 };
}

function sample<T>(random: Random, items: T[], count: number) {
  const copy = [...items];
  const picked: T[] = [];
  while (picked.length < count && copy.length > 0) picked.push(copy.splice(random.int(0, copy.length - 1), 1)[0] as T);
  return picked;
}

interface KillMoment {
  /** Count from the job being sent (the core is opening) or from the core being open (writing). */
  from: 'job' | 'open';
  millis: number;
}

function killMoment(random: Random, recovering: boolean): KillMoment {
  // Recovering: aim at the start, while the core opens the archive and replays the log.
  if (recovering) return { from: 'job', millis: random.int(0, 60) };
  // Sometimes while opening (on a fresh archive: migrating); mostly while writing.
  return random.chance(0.2) ? { from: 'job', millis: random.int(0, 60) } : { from: 'open', millis: random.int(0, 120) };
}

interface RunOutcome {
  acknowledged: number;
  problems: string[];
}

async function runAndKill(writer: Writer, archive: ArchiveUnderTest, job: WriterJob, moment: KillMoment): Promise<RunOutcome> {
  writer.child.stdin.write(`${JSON.stringify(job)}\n`);
  if (moment.from === 'open') await writer.opened;
  const stoppedEarly = await Promise.race([sleep(moment.millis).then(() => false), writer.exited.then(() => true)]);
  writer.child.kill('SIGKILL');
  const exit = await writer.exited;
  const problems: string[] = [];
  if (stoppedEarly || exit.signal !== 'SIGKILL') {
    problems.push(`writer stopped by itself (code ${exit.code}, signal ${exit.signal}): ${writer.stderr.trim().slice(-500)}`);
  }
  let acknowledged = 0;
  for (const line of writer.lines) {
    const [kind, a, b] = line.split(' ');
    if (kind === 'c' && a !== undefined && b !== undefined) {
      archive.records.set(Number(a), { id: b, acked: 1, seen: 0 });
      acknowledged += 1;
    } else if (kind === 'u' && a !== undefined && b !== undefined) {
      const record = archive.records.get(Number(a));
      if (record) record.acked = Math.max(record.acked, Number(b));
      else problems.push(`writer acknowledged an update of record ${a}, which it was never given`);
      acknowledged += 1;
    } else if (kind === 'fail') {
      problems.push(`writer's request failed: ${line.slice(5, 400)}`);
    } else if (kind !== 'open') {
      problems.push(`writer said something unexpected: ${line.slice(0, 200)}`);
    }
  }
  return { acknowledged, problems };
}

interface CheckOutcome {
  problems: string[];
  lost: number;
  /** The archive could not be opened; the trial goes on with a fresh one. */
  unusable?: boolean;
}

/** Opens the archive the way the app does and holds it to everything that was acknowledged. */
export async function checkArchive(archive: ArchiveUnderTest): Promise<CheckOutcome> {
  const problems: string[] = [];
  let lost = 0;
  const internalErrors: unknown[] = [];
  let core: Core;
  try {
    core = await createCore({ dataDir: archive.dataDir, version: 'crash-check', logError: (_name, error) => internalErrors.push(error) });
  } catch (error) {
    // The worst outcome: the app would not open the archive at all. Everything in it counts as lost.
    const acknowledged = [...archive.records.values()].filter((r) => Math.max(r.acked, r.seen) > 0).length;
    return { problems: [`the archive does not open: ${error instanceof Error ? error.message : String(error)}`], lost: acknowledged, unusable: true };
  }
  try {
    let archiveOpen: Core['archive'];
    try {
      archiveOpen = core.archive;
    } catch (error) {
      // The core opened, but found the file damaged and offers only its backups.
      const acknowledged = [...archive.records.values()].filter((r) => Math.max(r.acked, r.seen) > 0).length;
      const reason = (core as { damaged?: { reason?: string } | null }).damaged?.reason ?? (error instanceof Error ? error.message : String(error));
      return { problems: [`the core calls the archive damaged: ${reason}`], lost: acknowledged, unusable: true };
    }
    if (archiveOpen.readOnlyReason !== null) problems.push(`the archive opened read-only: ${archiveOpen.readOnlyReason}`);
    const rows = archiveOpen.sqlite.prepare('SELECT id, title, body, deleted_at FROM entry').all() as {
      id: string;
      title: string;
      body: string;
      deleted_at: string | null;
    }[];
    const stored = new Map<number, { id: string; version: number; deleted: boolean }>();
    for (const row of rows) {
      const record = readRecord(row.title, row.body);
      if ('problem' in record) {
        problems.push(`torn record ${row.id}: ${record.problem}`);
        continue;
      }
      if (stored.has(record.number)) problems.push(`record ${record.number} is in the archive twice`);
      stored.set(record.number, { id: row.id, version: record.version, deleted: row.deleted_at !== null });
    }

    for (const [number, known] of archive.records) {
      const found = stored.get(number);
      const floor = Math.max(known.acked, known.seen);
      if (!found || found.deleted) {
        if (floor > 0) {
          lost += 1;
          problems.push(`record ${number} (acknowledged v${known.acked}) is ${found ? 'deleted' : 'missing'}`);
        }
      } else if (found.id !== known.id) {
        problems.push(`record ${number} has id ${found.id}, acknowledged as ${known.id}`);
      } else if (found.version < floor) {
        lost += 1;
        problems.push(`record ${number} is at v${found.version}, but v${known.acked} was acknowledged (v${known.seen} seen before)`);
      }
    }
    // Commits that were not acknowledged may be there or not; once seen, they are held too.
    for (const [number, found] of stored) {
      const known = archive.records.get(number);
      if (known) known.seen = Math.max(known.seen, found.version);
      else archive.records.set(number, { id: found.id, acked: 0, seen: found.version });
    }

    // The same records read through the contract, as the UI would read them.
    for (const [number, found] of [...stored].slice(-3)) {
      const result = await core.handle('journal.get', { id: found.id });
      const row = rows.find((r) => r.id === found.id);
      if (!result.ok || (result.data as { body: string }).body !== row?.body) problems.push(`journal.get of record ${number} disagrees with the file`);
    }

    problems.push(...integrityProblems(archiveOpen.sqlite).map((p) => `integrity_check: ${p}`));
    if (internalErrors.length > 0) problems.push(`the core logged ${internalErrors.length} internal errors: ${String(internalErrors[0])}`);
  } finally {
    await core.close();
  }
  return { problems, lost };
}

export const crashTrial: Trial<CrashOptions> = {
  name: 'crash',
  sizes: {
    small: { kills: 5, spares: 1, doubleCrashChance: 0.25, maxArchiveBytes: 64 * 1024 * 1024 },
    full: { kills: 1_000, spares: 1, doubleCrashChance: 0.1, maxArchiveBytes: 8 * 1024 * 1024 },
  },

  async run(options, context: TrialContext): Promise<TrialReport[]> {
    const started = performance.now();
    const random = seededRandom(context.seed);
    const problems = new ProblemLog();
    let lost = 0;
    let kills = 0;
    let checks = 0;
    let acknowledged = 0;
    let archives = 1;
    let largestHotWal = 0;

    let archive = freshArchive();
    const compileCache = scratchDir('ladder-crash-cache-', 64 * 1024 * 1024);
    const spares: Writer[] = [];
    let writersStarted = 0;
    const takeWriter = () => {
      while (spares.length < options.spares + 1 && writersStarted < options.kills) {
        spares.push(startWriter(compileCache.dir));
        writersStarted += 1;
      }
      const writer = spares.shift();
      if (!writer) throw new Error('no writer left to start');
      return writer;
    };
    const abandon = () => {
      for (const spare of spares.splice(0)) spare.child.kill('SIGKILL');
    };
    process.once('exit', abandon);

    try {
      let nextReport = 0.1;
      while (kills < options.kills) {
        const crashes = kills + 1 < options.kills && random.chance(options.doubleCrashChance) ? 2 : 1;
        const pool = sample(
          random,
          [...archive.records].filter(([, r]) => Math.max(r.acked, r.seen) > 0),
          64,
        );
        const episodeProblems: string[] = [];
        for (let crash = 0; crash < crashes; crash += 1) {
          const writer = takeWriter();
          await writer.loaded;
          // Each writer of a double crash gets its own records: the first one's last update may
          // have landed unacknowledged, and the second must not build on a version it cannot know.
          const mine = pool.slice(crash * 32, crash * 32 + 32).map(([number, r]) => ({ id: r.id, number, version: Math.max(r.acked, r.seen) }));
          const job: WriterJob = {
            dataDir: archive.dataDir,
            seed: random.int(0, 0x7fffffff),
            firstNumber: (archive.writers += 1) * numbersPerWriter,
            updatable: mine,
          };
          const outcome = await runAndKill(writer, archive, job, killMoment(random, crash > 0));
          kills += 1;
          acknowledged += outcome.acknowledged;
          episodeProblems.push(...outcome.problems);
        }

        largestHotWal = Math.max(largestHotWal, walBytes(archivePath(archive.dataDir)));
        const check = await checkArchive(archive);
        checks += 1;
        lost += check.lost;
        episodeProblems.push(...check.problems);
        // An archive that will not open is kept for a post-mortem; the trial goes on with a new one.
        if (check.unusable === true) episodeProblems.push(`archive kept at ${archive.dataDir}`);
        if (episodeProblems.length > 0) {
          problems.add(episodeProblems[0]?.split(':')[0] ?? 'problem', `after kill ${kills} (seed ${context.seed}): ${episodeProblems.join('; ').slice(0, 900)}`);
        }

        if (check.unusable === true) {
          archive = freshArchive();
          archives += 1;
        } else if (fileBytes(archivePath(archive.dataDir)) > options.maxArchiveBytes) {
          archive.remove();
          archive = freshArchive();
          archives += 1;
        }
        if (kills / options.kills >= nextReport) {
          context.log?.(`crash: ${kills}/${options.kills} kills, ${acknowledged.toLocaleString('en')} commits acknowledged, ${problems.count} failures`);
          nextReport += 0.1;
        }
      }
    } finally {
      abandon();
      process.removeListener('exit', abandon);
      rmSync(archive.dataDir, { recursive: true, force: true });
      compileCache.remove();
    }

    return [
      {
        trial: 'crash during writes (SIGKILL)',
        runs: kills,
        failures: problems.count,
        recordsLost: lost,
        problems: problems.examples,
        notes: [
          `${acknowledged.toLocaleString('en')} commits acknowledged and checked over ${checks} reopenings of ${archives} archive(s)`,
          `largest write-ahead log left by a kill: ${mebibytes(largestHotWal)}; archives in ${archive.root}`,
        ],
        millis: performance.now() - started,
      },
    ];
  },
};
