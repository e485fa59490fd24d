import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { yieldToLoop } from '../jobs/job-runner';

/**
 * Keeps the full-text index compact between requests. Each save adds a small segment to the
 * index and FTS5 merges a bounded share during each write ("automerge"); this carries merging on
 * a few pages at a time, each slice a few milliseconds, in the pauses between requests. It
 * matters for reading: at 67 segments a phrase's highlight took 12 ms per hit, merged 0.07 ms
 * (benchmark, 10,000 entries). Since migration 0015 the index's `usermerge` is 2, so these
 * slices merge any two segments of a level (FTS5's default waits for four): the index settles at
 * about one segment a level, and every word of every search is looked up in each segment.
 *
 * Automerge is now and then the longest part of a save: once per 64 pages written it merges 64
 * pages per level of the index (~14 ms at the benchmark's 100,000 entries and 9 levels with
 * FTS5's 4,050-byte pages; 12 at most since migration 0025 made pages 1,000 bytes). It stays as it
 * is: turned off, or made smaller (a rebuilt index has 3 levels), the same work came as crisis
 * merges at commit (17 and 36 ms), and a merge slice after each save cost more than the step
 * (benchmark probes).
 */

const table = 'search_text';
/** Pages written per slice: measured at 2–5 ms on the benchmark's archive. */
export const pagesPerSlice = 16;
/**
 * How long requests must have paused before merging: a person's pause, not a gap between two
 * requests of one screen. A slice is one synchronous FTS5 merge step: at 100,000 entries most take
 * 10-30 ms and now and then one takes 300 ms whatever its page budget (bench archive), so one
 * landing as the window asks for something holds that request up. With 250 ms, the benchmark's
 * journal paints after a click took 400 ms instead of 100 in two of seven runs.
 */
export const defaultIdleMillis = 1_500;
/** A slice at most this often while there is merging to do, so requests always come first. */
const slicesPerTurn = 4;

export interface SearchUpkeepOptions {
  /** Milliseconds since the last request; upkeep waits for a pause of `idleMillis` (see `defaultIdleMillis`). */
  sinceLastRequest: () => number;
  /** True while something else must not be interleaved (an import, a restore). */
  busy?: () => boolean;
  idleMillis?: number;
  intervalMillis?: number;
  logError?: (name: string, error: unknown) => void;
}

/** Reads an SQLite varint (big-endian, 7 bits a byte, up to 9 bytes). */
function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  for (let i = 0; i < 9; i += 1) {
    const byte = bytes[at + i] ?? 0;
    if (i === 8) return [value * 256 + byte, at + 9];
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  return [value, at + 9];
}

/**
 * How many segments the index holds: the second number of FTS5's structure record (row 10 of
 * `search_text_data`: a 4-byte cookie, an optional version marker, then varints for the number
 * of levels and of segments). Merged indexes have a handful; an unmerged one grows per save.
 */
export function segmentCount(sqlite: SqliteDatabase.Database): number {
  const row = sqlite.prepare(`SELECT block FROM ${table}_data WHERE id = 10`).get() as { block: Uint8Array } | undefined;
  if (!row) return 0;
  const block = row.block;
  let at = 4;
  if (block[4] === 0xff && block[5] === 0x00 && block[6] === 0x00 && block[7] === 0x01) at = 8;
  const [, afterLevels] = readVarint(block, at);
  return readVarint(block, afterLevels)[0];
}

/**
 * One slice of merging. True when it did some work (FTS5 then changes at least two rows), so
 * there may be more; false once the index has nothing worth merging.
 */
export function mergeSlice(sqlite: SqliteDatabase.Database, pages = pagesPerSlice): boolean {
  const before = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  sqlite.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('merge', ?)`).run(pages);
  const after = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return after - before >= 2;
}

/** Merges until nothing is left to merge, yielding between slices; for tests and the bench. */
export async function mergeAll(sqlite: SqliteDatabase.Database): Promise<number> {
  let slices = 0;
  while (mergeSlice(sqlite)) {
    slices += 1;
    await yieldToLoop();
  }
  return slices;
}

export function createSearchUpkeep(sqlite: () => SqliteDatabase.Database | null, options: SearchUpkeepOptions) {
  const idleMillis = options.idleMillis ?? defaultIdleMillis;
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;

  async function turn() {
    if (running) return;
    running = true;
    try {
      for (let i = 0; i < slicesPerTurn; i += 1) {
        const db = sqlite();
        if (!db || !db.open || db.readonly || db.inTransaction) return;
        if (options.busy?.() || options.sinceLastRequest() < idleMillis) return;
        if (!mergeSlice(db)) return;
        await yieldToLoop();
      }
    } catch (error) {
      options.logError?.('search upkeep', error);
    } finally {
      running = false;
    }
  }

  return {
    turn,
    start() {
      if (timer) return;
      timer = setInterval(() => void turn(), options.intervalMillis ?? 500);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type SearchUpkeep = ReturnType<typeof createSearchUpkeep>;
