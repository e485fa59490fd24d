import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
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
  /** The SQL statement that kept the thread working longest in it, and for how long (all its runs). */
  topStatement: { sql: string; cpuMs: number } | null;
}

/** CPU milliseconds per SQL statement, for the request whose async context is running. */
const statementCpu = new AsyncLocalStorage<Map<string, number>>();
let statementsTimed = false;

/**
 * Times every SQL statement the core runs on this thread, by its text, into the map of the
 * request it runs for (an async context, so overlapping requests in the browser host keep their
 * own): a request that kept the thread working says which statement did it. Statements run
 * synchronously, so the thread's CPU time around one is that statement's, triggers included.
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
      const before = process.threadCpuUsage();
      try {
        return original.apply(this, args);
      } finally {
        const used = process.threadCpuUsage(before);
        const sql = sqlOf(this, args).replace(/\s+/g, ' ').trim().slice(0, 90);
        spent.set(sql, (spent.get(sql) ?? 0) + (used.user + used.system) / 1000);
      }
    };
  };
  for (const method of ['run', 'get', 'all']) wrap(statement, method, (self) => (self as { source: string }).source);
  const database = Database.prototype as unknown as Record<string, unknown>;
  wrap(database, 'exec', (_self, args) => String(args[0]));
  wrap(database, 'pragma', (_self, args) => `PRAGMA ${String(args[0])}`);
}

function topOf(spent: Map<string, number>): SlowRequest['topStatement'] {
  let top: SlowRequest['topStatement'] = null;
  for (const [sql, cpuMs] of spent) if (!top || cpuMs > top.cpuMs) top = { sql, cpuMs };
  return top;
}

/** Nanoseconds this thread has been ready to run but waiting for a CPU (Linux only, else null). */
function runQueueWaitNs(): number | null {
  try {
    // "time on CPU, time waiting on a run queue, time slices" (Documentation/scheduler/sched-stats).
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}

const slowestKept = 10;

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
  return {
    track: (core: Core): Core => {
      const original = core.handle;
      const seen = new Set<string>();
      // The browser host looks `core.handle` up on every request, so replacing it covers its traffic too.
      core.handle = async (name, input) => {
        const cpu = process.threadCpuUsage();
        const waitedBefore = runQueueWaitNs();
        const start = process.hrtime.bigint();
        const spent = new Map<string, number>();
        try {
          return await statementCpu.run(spent, () => original(name, input));
        } finally {
          const ms = elapsedMs(start);
          const used = process.threadCpuUsage(cpu);
          const waitedAfter = runQueueWaitNs();
          const waitedForCpuMs = waitedBefore === null || waitedAfter === null ? null : (waitedAfter - waitedBefore) / 1e6;
          count += 1;
          const first = !seen.has(String(name));
          seen.add(String(name));
          const request = { name: String(name), ms, cpuMs: (used.user + used.system) / 1000, first, waitedForCpuMs, topStatement: topOf(spent) };
          slowest = keep(slowest, request, 'ms');
          busiest = keep(busiest, request, 'cpuMs');
        }
      };
      return core;
    },
    slowest: () => slowest,
    busiest: () => busiest,
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
