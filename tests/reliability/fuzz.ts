import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { fixedClock } from '../../electron/core/clock';
import { archivePath, type Core, createCore } from '../../electron/core';
import { contract, isRequestName, type RequestName } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { integrityProblems, watchCommits } from './archive-checks';
import { hostileInput, hostileName, validInput } from './fuzz-inputs';
import { scratchDir } from './scratch';
import { ProblemLog, type Trial, type TrialContext, type TrialReport } from './trial';

/**
 * Fuzzed requests: fast-check throws hostile input at every request of the contract (and
 * hostile request names at the router) through `core.handle`. Every answer must be an envelope;
 * a refusal must carry a known code and a plain message, change nothing in the archive and pollute
 * no prototype; a success must say exactly what the archive now holds.
 */
export interface FuzzOptions {
  /** Hostile inputs per request, and as many hostile request names. */
  runsPerRequest: number;
  /** Valid-shaped inputs per request: enough to see successes counted as such (some are slow, like a backup). */
  validRunsPerRequest: number;
}

/**
 * Requests that change how the file itself is opened (encrypt it, decrypt it, lock it). One that
 * succeeds mid-run leaves every later probe talking to a locked core or an encrypted file the
 * commit watch cannot read: the hostile runs then stopped at once, silently, at 0 runs. Their
 * refusals are tested in tests/unit/privacy-*.test.ts.
 */
const changesTheFile = new Set<string>(['privacy.setPassphrase', 'privacy.changePassphrase', 'privacy.removePassphrase', 'privacy.lock']);
const requestNames = Object.keys(contract).filter(isRequestName).filter((name) => !changesTheFile.has(name));
const errorKeys = new Set(['code', 'message', 'field']);
const knownCodes = new Set<string>(errorCodes);
// A stack frame ("at fn (file.ts:1:2)"), a file URL or a source path in a message means internals leaked.
const leakedInternals = /\n\s*at |\bat \S*[/\\]\S*:\d+:\d+|file:\/\/|node_modules|\.[cm]?[jt]s:\d+/;
// In a `u`-flag pattern a well-formed pair is one code point, so this finds only lone halves.
const loneSurrogate = /\p{Cs}/u;

export type Kind = 'hostile' | 'valid' | 'name';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function prototypeSnapshot() {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Reflect.ownKeys(p).map(String).sort().join(',')).join('|');
}

/** A short, printable rendering of an input for a problem report. */
function show(value: unknown) {
  const text = fc.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

function firstDifference(a: Record<string, unknown>, b: Record<string, unknown>) {
  return Object.keys(a).find((key) => key in b && !isDeepStrictEqual(a[key], b[key]));
}

function* lonelyStrings(value: unknown, at = ''): Generator<string> {
  if (typeof value === 'string') {
    if (loneSurrogate.test(value)) yield at || '(the value)';
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* lonelyStrings(item, `${at}.${i}`);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) yield* lonelyStrings(item, at ? `${at}.${key}` : key);
  }
}

/**
 * Commits to the archive as a second connection sees them. It follows the archive when the core
 * swaps the file (a restore from backup), and can wait for background work to settle.
 */
export class CommitWatch {
  private watcher: ReturnType<typeof watchCommits> | null = null;
  private watched: unknown = null;
  private generation = 0;

  constructor(
    private readonly core: Core,
    private readonly file: string,
  ) {}

  /** Changes whenever anything was committed; `null` while no archive is open (a damaged one). */
  token(): string | null {
    let sqlite: unknown;
    try {
      sqlite = this.core.archive.sqlite;
    } catch {
      return null;
    }
    if (sqlite !== this.watched) {
      this.watcher?.close();
      this.watcher = watchCommits(this.file);
      this.watched = sqlite;
      this.generation += 1;
    }
    return `${this.generation}:${this.watcher?.version() ?? 0}`;
  }

  /** Waits (up to a few seconds) until nothing has been committed for a moment. */
  async quiet() {
    for (let i = 0; i < 150; i += 1) {
      const before = this.token();
      await sleep(20);
      if (this.token() === before) return;
    }
  }

  close() {
    this.watcher?.close();
    this.watcher = null;
  }
}

interface Tally {
  runs: number;
  failures: number;
  lost: number;
  successes: Map<string, number>;
}

/** Sends requests and judges the answers; `fuzzTrial` drives it with fast-check. */
export class Fuzzer {
  readonly problems = { hostile: new ProblemLog(), valid: new ProblemLog(), name: new ProblemLog() };
  readonly tallies: Record<Kind, Tally> = {
    hostile: { runs: 0, failures: 0, lost: 0, successes: new Map() },
    valid: { runs: 0, failures: 0, lost: 0, successes: new Map() },
    name: { runs: 0, failures: 0, lost: 0, successes: new Map() },
  };
  /** Time spent per request name, to show where a slow run goes. */
  readonly millis = new Map<string, number>();
  private readonly baseline = prototypeSnapshot();

  /** `internalErrors` is the list the core's `logError` appends to. */
  constructor(
    private readonly core: Core,
    private readonly internalErrors: unknown[],
    private readonly commits: CommitWatch,
  ) {}

  /** Ids in the archive, taken from every table with an `id` column, so new tables join in. */
  knownIds(): string[] {
    let sqlite: Core['archive']['sqlite'];
    try {
      sqlite = this.core.archive.sqlite;
    } catch {
      return [];
    }
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return tables.flatMap((table) => {
      const quoted = `"${table.replaceAll('"', '""')}"`;
      const columns = (sqlite.pragma(`table_info(${quoted})`) as { name: string }[]).map((c) => c.name);
      if (!columns.includes('id')) return [];
      // Evenly spread over the table in id order, so the same seed picks the same rows again.
      const all = sqlite.prepare(`SELECT id FROM ${quoted} ORDER BY id`).pluck().all() as string[];
      const step = Math.max(1, Math.floor(all.length / 24));
      return all.filter((_id, i) => i % step === 0).slice(0, 24);
    });
  }

  /** Sends one request and checks everything about its answer; returns what was wrong. */
  async probe(kind: Kind, name: unknown, input: unknown): Promise<{ problems: [string, string][]; lost: number }> {
    const problems: [string, string][] = [];
    let lost = 0;
    const label = typeof name === 'string' && isRequestName(name) ? name : 'unknown name';
    const before = this.commits.token();
    const internalBefore = this.internalErrors.length;
    // Rendering an input (some are 400,000 characters) is only worth it for a problem report.
    let rendered: string | undefined;
    const at = () => (rendered ??= `${show(name)} ${show(input)}`);
    let envelope: unknown;
    try {
      envelope = await this.core.handle(name, input);
    } catch (error) {
      problems.push([`${label}: core.handle threw`, `${error instanceof Error ? error.message : String(error)} — ${at()}`]);
      return { problems, lost };
    }
    const committed = this.commits.token() !== before;
    // Checked (and undone) first: a polluted prototype would change how everything after behaves.
    const polluted = Object.keys(Object.prototype);
    if (polluted.length > 0 || prototypeSnapshot() !== this.baseline) {
      problems.push([`${label}: Object.prototype was polluted`, `${polluted.join(', ')} after ${at()}`]);
      for (const key of polluted) delete (Object.prototype as Record<string, unknown>)[key];
    }

    if (!isRecord(envelope) || typeof envelope.ok !== 'boolean') {
      problems.push([`${label}: answer is not an envelope`, `${show(envelope)} for ${at()}`]);
    } else if (!envelope.ok) {
      const error = envelope.error;
      if (!isRecord(error)) {
        problems.push([`${label}: refusal without an error value`, at()]);
      } else {
        const { code, message, field } = error;
        if (typeof code !== 'string' || !knownCodes.has(code)) problems.push([`${label}: unknown error code`, `${show(code)} for ${at()}`]);
        if (code === 'internal') problems.push([`${label}: internal error`, at()]);
        if (typeof message !== 'string' || message.trim() === '') problems.push([`${label}: empty error message`, at()]);
        // The unknown_request message repeats the name it was sent; only the rest is the core's own text.
        else if (leakedInternals.test(typeof name === 'string' ? message.replace(name.slice(0, 80), '') : message)) problems.push([`${label}: message shows internals`, `${show(message)} for ${at()}`]);
        if (field !== undefined && typeof field !== 'string') problems.push([`${label}: field is not a string`, at()]);
        const extra = Object.keys(error).filter((key) => !errorKeys.has(key));
        if (extra.length > 0) problems.push([`${label}: error value carries more than code, message and field`, `${extra.join(', ')} for ${at()}`]);
      }
      if (committed && (await this.writesAgain(name, input))) problems.push([`${label}: a refused request changed the archive`, at()]);
    } else if (isRequestName(name)) {
      if (!contract[name].writes && committed && (await this.writesAgain(name, input))) problems.push([`${name}: a read changed the archive`, at()]);
      const odd = [...lonelyStrings(envelope.data)];
      if (odd.length > 0) problems.push([`${name}: answer holds half a character (a lone UTF-16 surrogate)`, `at ${odd.join(', ')} for ${at()}`]);
      if (contract[name].writes) {
        const mismatch = await this.readBack(name, envelope.data);
        if (mismatch) {
          lost += 1;
          problems.push([`${name}: saved text differs from what the core answered`, `${mismatch} for ${at()}`]);
        }
      }
      this.tallies[kind].successes.set(name, (this.tallies[kind].successes.get(name) ?? 0) + 1);
    } else {
      problems.push([`unknown name: a request that is not in the contract succeeded`, at()]);
    }

    try {
      structuredClone(envelope);
    } catch {
      problems.push([`${label}: answer cannot cross IPC`, at()]);
    }
    if (this.internalErrors.length > internalBefore) problems.push([`${label}: the core logged an internal error`, `${String(this.internalErrors.at(-1))} for ${at()}`]);
    return { problems, lost };
  }

  /**
   * A background job (an export, a scheduled backup) may commit at any moment, so a commit seen
   * during a request that must not write is only reported if the request does it again once all
   * is quiet.
   */
  private async writesAgain(name: unknown, input: unknown) {
    await this.commits.quiet();
    const before = this.commits.token();
    await this.core.handle(name, input);
    return this.commits.token() !== before;
  }

  /** After a successful write, `<domain>.get` must return what the write answered (when both exist). */
  private async readBack(name: RequestName, data: unknown): Promise<string | null> {
    const getName = `${name.split('.')[0]}.get`;
    if (!isRequestName(getName) || contract[getName].writes || !isRecord(data) || typeof data.id !== 'string') return null;
    const stored = await this.core.handle(getName, { id: data.id });
    if (!stored.ok || !isRecord(stored.data)) return null;
    const field = firstDifference(data, stored.data);
    return field === undefined ? null : `${field}: answered ${show(data[field])}, stored ${show(stored.data[field])}`;
  }

  async run(kind: Kind, arbitrary: fc.Arbitrary<[unknown, unknown]>, runs: number, seed: number) {
    const tally = this.tallies[kind];
    const result = await fc.check(
      fc.asyncProperty(arbitrary, async ([name, input]) => {
        const start = performance.now();
        const { problems, lost } = await this.probe(kind, name, input);
        const label = typeof name === 'string' && isRequestName(name) ? name : '(hostile names)';
        this.millis.set(label, (this.millis.get(label) ?? 0) + performance.now() - start);
        tally.runs += 1;
        tally.lost += lost;
        if (problems.length > 0) tally.failures += 1;
        for (const [problemKind, detail] of problems) this.problems[kind].add(problemKind, detail);
        // Every run is counted rather than stopping at the first failure, so the table shows how many.
        return true;
      }),
      { numRuns: runs, seed },
    );
    // The property only returns true; failing means the probe itself threw and fast-check stopped.
    if (result.failed) {
      tally.failures += 1;
      this.problems[kind].add('the fuzzer stopped', `after ${result.numRuns} of ${runs} runs (seed ${seed}): ${String(result.errorInstance)}`);
    }
  }
}

export const fuzzTrial: Trial<FuzzOptions> = {
  name: 'fuzz',
  sizes: { small: { runsPerRequest: 50, validRunsPerRequest: 10 }, full: { runsPerRequest: 1_000, validRunsPerRequest: 100 } },

  async run(options, context: TrialContext): Promise<TrialReport[]> {
    const temp = scratchDir('ladder-fuzz-', 512 * 1024 * 1024);
    const internalErrors: unknown[] = [];
    const core = await createCore({
      dataDir: temp.dir,
      clock: fixedClock('2026-11-26T09:00:00.000Z'),
      version: 'fuzz',
      logError: (_name, error) => internalErrors.push(error),
    });
    const commits = new CommitWatch(core, archivePath(temp.dir));
    const fuzzer = new Fuzzer(core, internalErrors, commits);
    const timings: Record<Kind, number> = { hostile: 0, valid: 0, name: 0 };
    const time = async (kind: Kind, work: () => Promise<void>) => {
      const start = performance.now();
      await work();
      timings[kind] += performance.now() - start;
    };
    let seed = context.seed;
    const integrity: string[] = [];
    try {
      // Valid-shaped first: it fills the archive, so ids that exist are there to be hostile with.
      for (const name of requestNames) {
        const arbitrary = validInput(name, fuzzer.knownIds()).map((input): [unknown, unknown] => [name, input]);
        await time('valid', () => fuzzer.run('valid', arbitrary, options.validRunsPerRequest, (seed += 1)));
      }
      context.log?.(`fuzz: valid-shaped input done (${fuzzer.tallies.valid.runs} runs)`);
      for (const name of requestNames) {
        const arbitrary = hostileInput(name, fuzzer.knownIds()).map((input): [unknown, unknown] => [name, input]);
        await time('hostile', () => fuzzer.run('hostile', arbitrary, options.runsPerRequest, (seed += 1)));
      }
      context.log?.(`fuzz: hostile input done (${fuzzer.tallies.hostile.runs} runs)`);
      const names = hostileName.map((name): [unknown, unknown] => [name, {}]);
      await time('name', () => fuzzer.run('name', names, options.runsPerRequest, (seed += 1)));
      try {
        integrity.push(...integrityProblems(core.archive.sqlite));
      } catch (error) {
        integrity.push(`the archive is not open at the end: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      commits.close();
      await core.close();
      temp.remove();
    }

    // Some requests need rows that point at each other (a check-in of a dyad of a person), which
    // generated input rarely finds, so a request that never succeeded is a note. None succeeding
    // at all would mean the generator is broken.
    const neverSucceeded = requestNames.filter((name) => (fuzzer.tallies.valid.successes.get(name) ?? 0) === 0);
    if (neverSucceeded.length === requestNames.length) {
      fuzzer.problems.valid.add('no valid-shaped input succeeded', 'the generator is broken');
      fuzzer.tallies.valid.failures += 1;
    }
    for (const problem of integrity) {
      fuzzer.problems.hostile.add('integrity_check', problem);
      fuzzer.tallies.hostile.failures += 1;
    }
    const successes = (kind: Kind) => requestNames.map((name) => `${name} ${fuzzer.tallies[kind].successes.get(name) ?? 0}`).join(', ');
    const row = (kind: Kind, trial: string, notes: string[]): TrialReport => ({
      trial,
      runs: fuzzer.tallies[kind].runs,
      failures: fuzzer.tallies[kind].failures,
      recordsLost: fuzzer.tallies[kind].lost,
      problems: fuzzer.problems[kind].examples,
      notes,
      millis: timings[kind],
    });
    return [
      row('hostile', `fuzz: hostile input (${requestNames.length} requests)`, [
        `succeeded anyway: ${successes('hostile')}`,
        `not fuzzed here (they encrypt, decrypt or lock the file): ${[...changesTheFile].join(', ')}`,
        `archive in ${temp.root}`,
      ]),
      row('valid', 'fuzz: valid-shaped input', [
        `succeeded: ${successes('valid')}`,
        `never reached by valid-shaped input: ${neverSucceeded.join(', ') || 'none'}`,
        `slowest requests (hostile and valid-shaped together): ${[...fuzzer.millis]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
          .join(', ')}`,
      ]),
      row('name', 'fuzz: hostile request names', []),
    ];
  },
};
