/** Repeats an operation and summarises how long it took, in milliseconds. */

export interface Stats {
  samples: number;
  median: number;
  p95: number;
  max: number;
}

export interface RepeatOptions<T> {
  /** Runs not counted: they warm SQLite's page cache, V8's JIT and prepared statements. */
  warmup: number;
  reps: number;
  /** Untimed work before each run (e.g. copying a file the run will open). */
  setup?: (index: number) => Promise<void> | void;
  /** Untimed work after each run, given what it returned (e.g. closing what it opened). */
  cleanup?: (result: T) => Promise<void> | void;
  /** Called after every run, counted or not (the memory sampler hooks in here). */
  after?: () => void;
  /** Stops counting once this much time has gone by and `minReps` runs were counted, so an
   * operation that has become slow cannot stretch the benchmark to an hour. */
  budgetMs?: number;
  minReps?: number;
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], fraction: number) {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return { samples: sorted.length, median, p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN };
}

export function elapsedMs(start: bigint) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function repeat<T>(run: (index: number) => Promise<T>, options: RepeatOptions<T>): Promise<Stats> {
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  const minReps = Math.min(options.minReps ?? 5, options.reps);
  for (let i = 0; i < options.warmup + options.reps; i += 1) {
    if (options.budgetMs !== undefined && samples.length >= minReps && elapsedMs(started) > options.budgetMs) break;
    await options.setup?.(i);
    const start = process.hrtime.bigint();
    const result = await run(i);
    const ms = elapsedMs(start);
    options.after?.();
    await options.cleanup?.(result);
    if (i >= options.warmup) samples.push(ms);
    // Each request reaches the core as a message of its own, as IPC delivers them, so timers due
    // meanwhile run between two (the checkpoint worker's, the memory sampler's): a loop of awaited
    // calls alone is one long chain of microtasks that never lets them.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return summarize(samples);
}
