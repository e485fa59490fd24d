import { setImmediate } from 'node:timers/promises';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { Clock } from '../../electron/core/clock';
import { archivePath, type Core, createCore } from '../../electron/core';
import { backstopCheckpointPages } from '../../electron/core/db/checkpointer';
import { fileBytes, integrityProblems, mebibytes, walBytes } from './archive-checks';
import { type Random, prose, seededRandom } from './random';
import { readRecord, recordText } from './records';
import { scratchDir } from './scratch';
import { ProblemLog, type Trial, type TrialContext, type TrialReport } from './trial';

/**
 * Soak: years of use squeezed into minutes. Entries are written, edited, deleted and restored
 * through `core.handle`, the journal is paged through, and the app is closed and reopened now and
 * then. Throughout, the write-ahead log must stay bounded (checkpoints keep up) and memory must
 * level off; at the end every entry must hold its last saved version and SQLite must find the
 * file sound.
 */
export interface SoakOptions {
  entries: number;
  /** How many times the app is closed and reopened along the way. */
  sessions: number;
  /** Allowed growth of memory between the first fifth of the run and its end. */
  rssBudgetBytes: number;
  heapBudgetBytes: number;
}

const checkEvery = 250;

/** Simulated time: each request happens a little after the one before. */
function simulatedClock(random: Random): Clock {
  let now = Date.parse('2024-01-01T07:00:00.000Z');
  return {
    now: () => {
      now += random.int(1_000, 40 * 60_000);
      return new Date(now).toISOString();
    },
  };
}

function collectGarbage(): () => void {
  // Forcing a collection before each reading makes memory readings comparable; `--expose-gc`
  // set at run time takes effect for a fresh context.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Text cut from a long stretch of prose, never splitting a surrogate pair. */
function cutter(random: Random) {
  const corpus = prose(random, 400_000);
  return (length: number) => {
    let start = random.int(0, corpus.length - length - 1);
    let end = start + length;
    if (/[\uDC00-\uDFFF]/.test(corpus[start] ?? '')) start += 1;
    if (/[\uD800-\uDBFF]/.test(corpus[end - 1] ?? '')) end -= 1;
    return corpus.slice(start, end);
  };
}

function bodyLength(random: Random) {
  const roll = random.next();
  if (roll < 0.9) return random.int(40, 1_200);
  if (roll < 0.995) return random.int(1_200, 8_000);
  return random.int(20_000, 60_000);
}

export const soakTrial: Trial<SoakOptions> = {
  name: 'soak',
  sizes: {
    small: { entries: 2_000, sessions: 3, rssBudgetBytes: 64 * 1024 * 1024, heapBudgetBytes: 24 * 1024 * 1024 },
    full: { entries: 100_000, sessions: 10, rssBudgetBytes: 64 * 1024 * 1024, heapBudgetBytes: 32 * 1024 * 1024 },
  },

  async run(options, context: TrialContext): Promise<TrialReport[]> {
    const started = performance.now();
    const random = seededRandom(context.seed);
    const text = cutter(random);
    const clock = simulatedClock(random);
    const gc = collectGarbage();
    const problems = new ProblemLog();
    const temp = scratchDir('ladder-soak-', options.entries * 30_000);
    const file = archivePath(temp.dir);
    const internalErrors: unknown[] = [];
    const open = () => createCore({ dataDir: temp.dir, clock, version: 'soak', logError: (_name, error) => internalErrors.push(error) });

    // What the user last saw saved, per entry number: compact, so the ledger does not look like a leak.
    const ids: string[] = [];
    const versions = new Uint32Array(options.entries);
    const sums = new Uint32Array(options.entries);
    const deleted = new Uint8Array(options.entries);

    let core: Core = await open();
    let operations = 0;
    let largestWal = 0;
    const walLimit = (() => {
      const pageSize = core.archive.sqlite.pragma('page_size', { simple: true }) as number;
      // Writing without pause, the log is checkpointed once it passes the backstop's pages (the
      // worker's checkpoints cannot catch up) and then reused from the start, so it should never
      // hold much more than that plus the largest single transaction.
      const autoCheckpoint = backstopCheckpointPages;
      return Math.round((autoCheckpoint + 512) * (pageSize + 24) * 1.25);
    })();
    const memory: { at: number; rss: number; heap: number }[] = [];

    const millis = new Map<string, number>();
    const send = async (name: Parameters<Core['handle']>[0], input: unknown) => {
      operations += 1;
      const start = performance.now();
      const result = await core.handle(name, input);
      millis.set(String(name), (millis.get(String(name)) ?? 0) + performance.now() - start);
      // Each request of the app arrives as its own task (an IPC message); letting the event loop
      // turn between them is also what lets finished statements be finalized.
      await setImmediate();
      if (!result.ok) problems.add(`${String(name)} failed`, `${JSON.stringify(result.error)} at operation ${operations}`);
      return result;
    };

    const save = async (number: number, version: number, entryDate?: string) => {
      const record = recordText(number, version, text(bodyLength(random)));
      const id = ids[number];
      const result = id === undefined ? await send('journal.create', { ...record, entryDate }) : await send('journal.update', { id, ...record });
      if (!result.ok) return;
      if (id === undefined) ids[number] = (result.data as { id: string }).id;
      versions[number] = version;
      sums[number] = crc32(record.body);
    };

    const measure = async (at: number) => {
      // Native memory of collected objects is released by callbacks that run on the event loop.
      await setImmediate();
      gc();
      await setImmediate();
      const usage = process.memoryUsage();
      memory.push({ at, rss: usage.rss, heap: usage.heapUsed });
    };

    try {
      const sessionLength = Math.ceil(options.entries / options.sessions);
      let nextReport = 0.1;
      for (let number = 0; number < options.entries; number += 1) {
        const day = new Date(Date.parse('2024-01-01') + Math.floor(number / 40) * 86_400_000).toISOString().slice(0, 10);
        await save(number, 1, day);

        // Edits of recent entries (most editing happens soon after writing) and of old ones.
        const edits = random.chance(0.35) ? random.int(1, 2) : 0;
        for (let e = 0; e < edits; e += 1) {
          const target = random.chance(0.8) ? random.int(Math.max(0, number - 30), number) : random.int(0, number);
          if (deleted[target] === 0) await save(target, (versions[target] ?? 0) + 1);
        }
        if (random.chance(0.01)) {
          const target = random.int(0, number);
          const id = ids[target];
          if (id !== undefined && deleted[target] === 0 && (await send('journal.delete', { id })).ok) {
            deleted[target] = 1;
            // Most deletions are undone straight away; the rest stay deleted.
            if (random.chance(0.7) && (await send('journal.restore', { id })).ok) deleted[target] = 0;
          }
        }
        if (number % 50 === 0) await send('journal.list', { limit: 50 });
        if (number % 2_000 === 1_999) {
          // Someone scrolls far back through the journal.
          let after: string | null = null;
          for (let page = 0; page < 20; page += 1) {
            const result = await send('journal.list', after === null ? { limit: 200 } : { limit: 200, after });
            after = result.ok ? (result.data as { nextCursor: string | null }).nextCursor : null;
            if (after === null) break;
          }
        }
        if (number % 97 === 0) {
          const target = random.int(0, number);
          const id = ids[target];
          if (id !== undefined && deleted[target] === 0) await send('journal.get', { id });
        }

        if (number % checkEvery === 0) largestWal = Math.max(largestWal, walBytes(file));
        if (largestWal > walLimit) {
          problems.add('the write-ahead log kept growing', `${mebibytes(largestWal)} (limit ${mebibytes(walLimit)}) at entry ${number}`);
          break;
        }
        if (number % Math.max(1, Math.floor(options.entries / 10)) === 0) await measure(number);
        if (number % sessionLength === sessionLength - 1 && number < options.entries - 1) {
          // The app closes (folding the log into the archive) and opens again.
          await core.close();
          if (walBytes(file) > 0) problems.add('the log was not folded into the archive on close', `${mebibytes(walBytes(file))} left at entry ${number}`);
          core = await open();
        }
        if ((number + 1) / options.entries >= nextReport) {
          context.log?.(`soak: ${(number + 1).toLocaleString('en')}/${options.entries.toLocaleString('en')} entries, ${operations.toLocaleString('en')} requests, log ≤ ${mebibytes(largestWal)}`);
          nextReport += 0.1;
        }
      }
      await measure(options.entries);

      // Every entry holds exactly its last saved version, whole.
      let lost = 0;
      const rows = core.archive.sqlite.prepare('SELECT id, title, body, deleted_at FROM entry').iterate() as Iterable<{
        id: string;
        title: string;
        body: string;
        deleted_at: string | null;
      }>;
      const byId = new Map(ids.map((id, number) => [id, number]));
      const found = new Uint8Array(options.entries);
      for (const row of rows) {
        const number = byId.get(row.id);
        const record = readRecord(row.title, row.body);
        if (number === undefined || 'problem' in record) {
          problems.add('an entry nobody wrote, or a torn one', 'problem' in record ? record.problem : row.id);
          continue;
        }
        found[number] = 1;
        if (record.version !== versions[number] || crc32(row.body) !== sums[number] || (row.deleted_at !== null) !== (deleted[number] === 1)) {
          lost += 1;
          problems.add('an entry does not hold its last saved version', `entry ${number}: v${record.version}, saved v${versions[number]}`);
        }
      }
      for (let number = 0; number < ids.length; number += 1) {
        if (ids[number] !== undefined && found[number] === 0) {
          lost += 1;
          problems.add('a saved entry is missing', `entry ${number}`);
        }
      }
      for (const problem of integrityProblems(core.archive.sqlite)) problems.add('integrity_check', problem);
      if (internalErrors.length > 0) problems.add('the core logged internal errors', String(internalErrors[0]));

      // Memory: compare the end with the first fifth, once caches have warmed up.
      const warm = memory.find((m) => m.at >= options.entries / 5) ?? memory[0];
      const last = memory.at(-1);
      const rssGrowth = warm && last ? last.rss - warm.rss : 0;
      const heapGrowth = warm && last ? last.heap - warm.heap : 0;
      if (rssGrowth > options.rssBudgetBytes) problems.add('memory kept growing (RSS)', `${mebibytes(rssGrowth)} after warm-up, budget ${mebibytes(options.rssBudgetBytes)}`);
      if (heapGrowth > options.heapBudgetBytes) problems.add('memory kept growing (JS heap)', `${mebibytes(heapGrowth)} after warm-up, budget ${mebibytes(options.heapBudgetBytes)}`);

      return [
        {
          trial: `soak (${options.entries.toLocaleString('en')} entries)`,
          runs: operations,
          failures: problems.count,
          recordsLost: lost,
          problems: problems.examples,
          notes: [
            `largest write-ahead log ${mebibytes(largestWal)} (limit ${mebibytes(walLimit)}); archive ${mebibytes(fileBytes(file))} in ${temp.root}`,
            `time in requests: ${[...millis]
              .sort((a, b) => b[1] - a[1])
              .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
              .join(', ')}`,
            `memory after warm-up: RSS ${rssGrowth >= 0 ? '+' : ''}${mebibytes(rssGrowth)}, JS heap ${heapGrowth >= 0 ? '+' : ''}${mebibytes(heapGrowth)} (RSS ${memory.map((m) => Math.round(m.rss / 1024 / 1024)).join(' → ')} MiB)`,
          ],
          millis: performance.now() - started,
        },
      ];
    } finally {
      await core.close();
      temp.remove();
    }
  },
};
