import { AsyncLocalStorage } from 'node:async_hooks';
import { openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../electron/core';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import { elapsedMs } from './timing';

const megabyte = 1024 * 1024;

/**
 * Peak resident memory of this process, which holds the core. The timer only fires when the
 * event loop turns; a loop of awaited requests never yields to it (better-sqlite3 is
 * synchronous, so every await is a microtask), hence `sample()` after each measured run too.
 */
export function memorySampler(intervalMs = 20) {
  let peak = 0;
  let start = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const sample = () => {
    if (!stopped) peak = Math.max(peak, process.memoryUsage.rss());
  };
  return {
    sample,
    start: () => {
      start = process.memoryUsage.rss();
      sample();
      timer = setInterval(sample, intervalMs);
      timer.unref();
    },
    stop: () => {
      sample();
      stopped = true;
      clearInterval(timer);
    },
    peakMb: () => peak / megabyte,
    startMb: () => start / megabyte,
  };
}

export interface SlowRequest {
  name: string;
  ms: number;
  /** CPU time of the core's own thread meanwhile (not its workers'): far below `ms` means it
   * waited (for the disk, a lock, or a turn on a busy machine) rather than worked. */
  cpuMs: number;
  /** The first request of its name on its core: it pays for cold statements and a new WAL file. */
  first: boolean;
  /** How long the core's thread was ready to run but had no core to run on (Linux's scheduler
   * statistics; null elsewhere): on a busy machine, the rest of `ms` beside `cpuMs`. */
  waitedForCpuMs: number | null;
  /** The SQL statement that held the thread longest in it, and for how long (all its runs, wall time). */
  topStatement: { sql: string; ms: number } | null;
  /** Of `ms`, how long V8 paused this thread to collect garbage (whosever it was: in the
   * measuring process, mostly the benchmark's own). Filled in when the figures are taken. */
  gcMs: number;
  /** performance.now() at its start and end, to match garbage collections to it. */
  startedAt: number;
  endedAt: number;
}

/**
 * This thread's time on a CPU and waiting for one, in ms, from Linux's scheduler statistics
 * ("time on CPU, time waiting on a run queue, time slices", Documentation/scheduler/sched-stats),
 * kept open and read again in place (4 µs a read). The kernel brings a running thread's figures
 * up to date at its ticks (4 ms here) and when the thread stops, so a short request's figure may
 * be a tick off either way (the request timer caps it at the time the thread was running).
 * Elsewhere: `process.threadCpuUsage()`, and no waiting figure. Loaded on the core's thread, so
 * the file opened is that thread's.
 */
const threadClock: () => { cpuMs: number; waitedMs: number | null } = (() => {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buffer = Buffer.alloc(96);
    return () => {
      const [onCpu, waiting] = buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0)).split(' ');
      return { cpuMs: Number(onCpu) / 1e6, waitedMs: Number(waiting) / 1e6 };
    };
  } catch {
    return () => {
      const used = process.threadCpuUsage();
      return { cpuMs: (used.user + used.system) / 1000, waitedMs: null };
    };
  }
})();

/** Milliseconds per SQL statement, for the request whose async context is running. */
const statementCpu = new AsyncLocalStorage<Map<string, number>>();
let statementsTimed = false;

/**
 * Times every SQL statement the core runs on this thread, by its text, into the map of the
 * request it runs for (an async context, so overlapping requests in the browser host keep their
 * own): a request that kept the thread working says which statement did it. Statements run
 * synchronously, so the time around one is the time it held the thread, triggers included (by
 * the clock: CPU time comes in ticks too coarse for one statement).
 */
function timeStatements() {
  if (statementsTimed) return;
  statementsTimed = true;
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  const wrap = (target: Record<string, unknown>, method: string, sqlOf: (self: unknown, args: unknown[]) => string) => {
    const original = target[method] as (...args: unknown[]) => unknown;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const spent = statementCpu.getStore();
      if (!spent) return original.apply(this, args);
      const start = process.hrtime.bigint();
      try {
        return original.apply(this, args);
      } finally {
        const ms = elapsedMs(start);
        const sql = sqlOf(this, args).replace(/\s+/g, ' ').trim().slice(0, 90);
        spent.set(sql, (spent.get(sql) ?? 0) + ms);
      }
    };
  };
  for (const method of ['run', 'get', 'all']) wrap(statement, method, (self) => (self as { source: string }).source);
  const database = Database.prototype as unknown as Record<string, unknown>;
  wrap(database, 'exec', (_self, args) => String(args[0]));
  // Preparing (SQLite compiling the statement) counts too: the first request of a kind pays it.
  wrap(database, 'prepare', (_self, args) => `prepare: ${String(args[0])}`);
  wrap(database, 'pragma', (_self, args) => `PRAGMA ${String(args[0])}`);
}

function topOf(spent: Map<string, number>): SlowRequest['topStatement'] {
  let top: SlowRequest['topStatement'] = null;
  for (const [sql, ms] of spent) if (!top || ms > top.ms) top = { sql, ms };
  return top;
}

const slowestKept = 10;

/**
 * Garbage-collection pauses of this thread (V8's `gc` performance entries). A request's
 * statement timing counts a pause that fell inside it as the statement's own: this tells them apart.
 */
function gcPauses() {
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    /** Milliseconds of pause between `from` and `to`; entries arrive a turn late, so ask afterwards. */
    within: (from: number, to: number) => pauses.reduce((sum, p) => sum + Math.max(0, Math.min(to, p.end) - Math.max(from, p.start)), 0),
  };
}

/**
 * Times every request a tracked core answers. SQLite work is synchronous underneath, so when
 * requests run one at a time the time from call to settled envelope is the time the request
 * held the main thread; where they overlap (the browser host), `cpuMs` tells work from waiting.
 */
export function requestTimer() {
  let slowest: SlowRequest[] = [];
  let busiest: SlowRequest[] = [];
  let count = 0;
  const keep = (list: SlowRequest[], request: SlowRequest, by: 'ms' | 'cpuMs') =>
    list.length < slowestKept || request[by] > (list.at(-1)?.[by] ?? 0)
      ? [...list, request].sort((a, b) => b[by] - a[by]).slice(0, slowestKept)
      : list;
  timeStatements();
  const gc = gcPauses();
  const withGc = (list: SlowRequest[]) => list.map((request) => ({ ...request, gcMs: gc.within(request.startedAt, request.endedAt) }));
  return {
    track: (core: Core): Core => {
      const original = core.handle;
      const seen = new Set<string>();
      // The browser host looks `core.handle` up on every request, so replacing it covers its traffic too.
      core.handle = async (name, input) => {
        const before = threadClock();
        const startedAt = performance.now();
        const start = process.hrtime.bigint();
        const spent = new Map<string, number>();
        try {
          return await statementCpu.run(spent, () => original(name, input));
        } finally {
          const ms = elapsedMs(start);
          const after = threadClock();
          const waitedForCpuMs = before.waitedMs === null || after.waitedMs === null ? null : after.waitedMs - before.waitedMs;
          count += 1;
          const first = !seen.has(String(name));
          seen.add(String(name));
          // A thread cannot work longer than it was running: the tick-grained figure can be a
          // tick over (16 ms of CPU for a request of 14 ms wall, none of it waiting).
          const cpuMs = Math.min(after.cpuMs - before.cpuMs, ms - (waitedForCpuMs ?? 0));
          const request = { name: String(name), ms, cpuMs, first, waitedForCpuMs, topStatement: topOf(spent), gcMs: 0, startedAt, endedAt: performance.now() };
          slowest = keep(slowest, request, 'ms');
          busiest = keep(busiest, request, 'cpuMs');
        }
      };
      return core;
    },
    slowest: () => withGc(slowest),
    busiest: () => withGc(busiest),
    count: () => count,
  };
}

/** What one process that held a core saw: the parts of the report's last two lines. */
export interface ProcessFigures {
  label: string;
  startMb: number;
  peakMb: number;
  /** The slowest requests, slowest first. */
  slowest: SlowRequest[];
  /** The requests that kept the core's thread working longest, longest first. */
  busiest: SlowRequest[];
  requests: number;
}

export function processFigures(label: string, memory: ReturnType<typeof memorySampler>, requests: ReturnType<typeof requestTimer>): ProcessFigures {
  return { label, startMb: memory.startMb(), peakMb: memory.peakMb(), slowest: requests.slowest(), busiest: requests.busiest(), requests: requests.count() };
}

export type Call = <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<RequestResult<N>>;

/** Calls a request through the core's router and returns its data; an error envelope throws,
 * so a failing request can never pass for a fast one. */
export function caller(core: Core): Call {
  return (async (name: RequestName, input: unknown) => {
    const envelope = await core.handle(name, input);
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data;
  }) as Call;
}
