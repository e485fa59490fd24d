/**
 * The shape every reliability trial shares (issue #10). A trial is one way of trying to make
 * Ladder lose words — kill it mid-write, feed it hostile requests, use it for years — run at a
 * small size inside `npm test` and at full size by `npm run torture`. Adding a trial (disk full,
 * damaged files, backup drill, migrations from every schema) means one more module exporting a
 * `Trial` and one more line in `battery.ts`.
 */

export type TrialSize = 'small' | 'full';

export interface TrialContext {
  /** Every random choice of a run follows from this, so a failure can be replayed. */
  seed: number;
  /** Progress for the person watching a long run; trials stay silent when it is absent. */
  log?: (line: string) => void;
}

/** One row of the torture table. A trial may report several rows (one per part). */
export interface TrialReport {
  trial: string;
  /** What a run is depends on the trial: a kill, a request, an operation. */
  runs: number;
  failures: number;
  /** Words the user saw saved that are gone or changed afterwards. Anything but 0 is a bug. */
  recordsLost: number;
  /** A few readable descriptions of what failed (with the input or seed to replay it). */
  problems: string[];
  /** Measurements worth reading even when all is well (largest WAL, memory growth, …). */
  notes: string[];
  millis: number;
}

export interface Trial<Options> {
  name: string;
  sizes: Record<TrialSize, Options>;
  run(options: Options, context: TrialContext): Promise<TrialReport[]>;
}

/** Keeps the first few distinct problems, counts every one. */
export class ProblemLog {
  readonly examples: string[] = [];
  count = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly keep = 8) {}

  /** `kind` groups repeats of one problem so the examples show different ones. */
  add(kind: string, detail: string) {
    this.count += 1;
    if (this.seen.has(kind) || this.examples.length >= this.keep) return;
    this.seen.add(kind);
    this.examples.push(`${kind}: ${detail}`);
  }
}

export function formatDuration(millis: number) {
  const seconds = millis / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function formatTable(reports: TrialReport[]) {
  const header = ['test', 'runs', 'failures', 'records lost', 'time'];
  const rows = reports.map((r) => [r.trial, r.runs.toLocaleString('en'), String(r.failures), String(r.recordsLost), formatDuration(r.millis)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? ` ${'-'.repeat(w)} ` : ` ${'-'.repeat(w - 1)}: `)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** For assertion messages in the unit tests: everything a failing report has to say. */
export function describeReports(reports: TrialReport[]) {
  return reports
    .map((r) => [`${r.trial}: ${r.failures} failures, ${r.recordsLost} records lost in ${r.runs} runs`, ...r.problems.map((p) => `  - ${p}`), ...r.notes.map((n) => `  · ${n}`)].join('\n'))
    .join('\n');
}
