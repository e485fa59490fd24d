import { statSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { archivePath, createCore } from '../../electron/core';
import { mergeAll } from '../../electron/core/services/search/search-upkeep';
import { caller } from './probes';
import { createRandom } from './random';
import type { Scenario, SeedContext, SettableClock } from './scenarios/types';
import { elapsedMs } from './timing';

/** The archive's history ends on a fixed day, so the same seed gives the same archive. */
export const historyEnd = new Date('2026-11-26T00:00:00.000Z');
export const historyYears = 20;
/** Where the measuring cores' clocks start: the morning after the history ends. */
export const measuringStarts = '2026-11-27T09:00:00.000Z';

function settableClock(start: Date): SettableClock {
  let current = start.toISOString();
  return {
    now: () => current,
    set: (at) => {
      current = at.toISOString();
    },
  };
}

/** FNV-1a, to give each scenario its own random stream from the run's seed. */
function hash(text: string) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function scenarioSeed(seed: number, name: string) {
  return (seed ^ hash(name)) >>> 0;
}

const statementCacheSize = 1_000;

/**
 * Generation only, never while measuring; the rows written are the same either way.
 * - No fsync: the archive is thrown away after the run.
 * - One commit per batch: the services open their own transactions through Kysely, whose
 *   `begin` cannot nest inside a batch's BEGIN, so while a batch is open their begin and commit
 *   do nothing (savepoints would not do: FTS5 writes out its pending terms at each one).
 *   A request that fails rolls the whole batch back, and the generation stops.
 * - Each SQL text prepared once: Kysely prepares every query anew, and preparing an insert
 *   into `entry` compiles the search triggers each time. Caching halved the CPU per entry.
 */
function tuneForGeneration(sqlite: SqliteDatabase.Database) {
  sqlite.pragma('synchronous = OFF');
  const nothing = 'SELECT 0 WHERE 0';
  const inBatch: Record<string, string> = { begin: nothing, commit: nothing };
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, SqliteDatabase.Statement>();
  sqlite.prepare = ((source: string) => {
    const text = sqlite.inTransaction ? (inBatch[source] ?? source) : source;
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= statementCacheSize) statements.clear();
      statement = prepare(text);
      statements.set(text, statement);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

export interface GeneratedArchive {
  bytes: number;
  generationMs: number;
  counts: Record<string, number>;
}

/** Fills a fresh archive in `dataDir` through the real router, scenario by scenario. */
export async function generateArchive(options: {
  dataDir: string;
  entries: number;
  seed: number;
  scenarios: readonly Scenario[];
  log: (line: string) => void;
}): Promise<GeneratedArchive> {
  const started = process.hrtime.bigint();
  const start = new Date(historyEnd);
  start.setUTCFullYear(start.getUTCFullYear() - historyYears);
  const clock = settableClock(start);
  const core = await createCore({ dataDir: options.dataDir, clock, version: 'bench' });
  const sqlite = core.archive.sqlite;
  tuneForGeneration(sqlite);
  const counts: Record<string, number> = {};
  try {
    for (const scenario of options.scenarios) {
      if (!scenario.seed) continue;
      const context: SeedContext = {
        call: caller(core),
        random: createRandom(scenarioSeed(options.seed, scenario.name)),
        clock,
        entries: options.entries,
        history: { start, end: historyEnd },
        inBatch: async (work) => {
          sqlite.exec('BEGIN');
          try {
            const result = await work();
            sqlite.exec('COMMIT');
            return result;
          } catch (error) {
            if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
            throw error;
          }
        },
        log: options.log,
      };
      Object.assign(counts, await scenario.seed(context));
    }
    // Twenty years of pauses between writing would have merged the search index (search-upkeep.ts).
    await mergeAll(sqlite);
  } finally {
    // Closing the last connection checkpoints the WAL into the file, as quitting the app does.
    await core.close();
  }
  return { bytes: statSync(archivePath(options.dataDir)).size, generationMs: elapsedMs(started), counts };
}
