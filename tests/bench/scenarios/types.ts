import type { Core } from '../../../electron/core';
import type { Clock } from '../../../electron/core/clock';
import type { Call, ProcessFigures } from '../probes';
import type { Random } from '../random';
import type { Result } from '../report';
import type { RepeatOptions, Stats } from '../timing';

/**
 * A scenario is one area of the app (the journal, later dyads, crews, search…): it adds its data
 * to the archive while it is generated, then measures its requests. Adding an area to the
 * benchmark is one more scenario in `scenarios/index.ts`.
 */
export interface Scenario {
  name: string;
  /** True when its core runs in a child process: this process's memory is then not the core's. */
  coreElsewhere?: boolean;
  /** Adds this area's data through the real router; returns row counts for the report. */
  seed?(context: SeedContext): Promise<Record<string, number>>;
  measure(context: MeasureContext): Promise<Result[]>;
}

/** A clock the generator moves, so rows get the times they would have had when written. */
export interface SettableClock extends Clock {
  set: (at: Date) => void;
}

export interface SeedContext {
  /** Untimed requests through the real router; an error envelope throws. */
  call: Call;
  /** This scenario's own stream, so adding a scenario leaves the others' data unchanged. */
  random: Random;
  clock: SettableClock;
  /** How many journal entries the run asked for; other areas scale from it. */
  entries: number;
  /** The span the archive's history covers (20 years up to a fixed day). */
  history: { start: Date; end: Date };
  /** Runs `work`'s requests in one transaction, for generation speed only (see generate.ts). */
  inBatch: <T>(work: () => Promise<T>) => Promise<T>;
  log: (line: string) => void;
}

export interface MeasureContext {
  dataDir: string;
  entries: number;
  random: Random;
  browser: boolean;
  /** A core on the archive whose requests count towards the longest-request figure. */
  openCore: () => Promise<Core>;
  /** Adds what another process holding a core saw (the browser host runs in its own). */
  recordProcess: (figures: ProcessFigures) => void;
  /** Repeats `run`; `--reps` replaces the counts given here (the smoke test uses a few). */
  time: <T>(run: (index: number) => Promise<T>, options: Omit<RepeatOptions<T>, 'after' | 'budgetMs' | 'minReps'>) => Promise<Stats>;
  /** The counts `time` would use, for scenarios that repeat by themselves. */
  reps: (counts: { warmup: number; reps: number }) => { warmup: number; reps: number };
  /** Records the process's memory now (the sampler's timer cannot fire inside a busy loop). */
  sample: () => void;
  log: (line: string) => void;
}
