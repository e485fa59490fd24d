import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type CoreThread, startCoreThread } from '../../../electron/core/thread/core-thread';
import type { RequestInput, RequestName, RequestResult } from '../../../shared/contract';
import { bundleDirVariable, forkScript, nextMessage } from '../child';
import { measuringStarts } from '../generate';
import { startIdleBaseline } from '../idle-baseline';
import type { ProcessFigures } from '../probes';
import { createRandom } from '../random';
import { figure, type Result, timed } from '../report';
import { entryBody, entryTitle } from '../text';
import { repeat } from '../timing';
import type { MeasureContext, Scenario } from './types';

/**
 * The requests as the desktop app serves them: the core in a thread of its own (core-thread.ts),
 * the main thread of a process of their own (desktop-process.ts) in the place of Electron's,
 * which is also the window's UI thread. What counts is how long the main thread is held while
 * the core works: a save's FTS5 merge step or a checkpoint must hold up only that request's
 * answer, never the window.
 */

const today = measuringStarts.slice(0, 10);
/** Past this, a measurement stops repeating (after at least 5 runs), as in bench.ts. */
const budgetMs = 30_000;

type Counts = { warmup: number; reps: number };
export interface DesktopOptions {
  dataDir: string;
  seed: number;
  saves: Counts;
  reads: Counts;
  /** Records this process's memory now. */
  sample: () => void;
}

export type DesktopMessage = { type: 'done'; results: Result[]; figures: ProcessFigures } | { type: 'error'; message: string };

/** The core's worker: its bundle when `npm run bench` runs (bundle.ts), else the source through tsx. */
function workerEntry() {
  const bundleDir = process.env[bundleDirVariable];
  if (bundleDir) return { entry: pathToFileURL(path.join(bundleDir, 'core-worker.mjs')) };
  return { entry: new URL('../../../electron/core/thread/core-worker.ts', import.meta.url), execArgv: ['--import', import.meta.resolve('tsx')] };
}

function callerOf(thread: CoreThread) {
  return async <N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestResult<N>> => {
    const envelope = await thread.handle(name, input);
    if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code}: ${envelope.error.message}`);
    return envelope.data as RequestResult<N>;
  };
}

/** Runs in the desktop arrangement's own process (desktop-process.ts). */
export async function measureDesktop(options: DesktopOptions): Promise<Result[]> {
  const thread = await startCoreThread({ ...workerEntry(), dataDir: options.dataDir, version: 'bench', automaticBackups: false });
  const call = callerOf(thread);
  const random = createRandom(options.seed);
  // The main thread's longest stall, sampled every millisecond while the requests run.
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  try {
    const drafts = await Promise.all((await call('journal.list', { limit: 10 })).entries.map((summary) => call('journal.get', { id: summary.id })));
    const bodies = drafts.map((draft) => draft.body);
    const dyad = (await call('dyads.list', { today }))[0];
    if (!dyad) throw new Error('The generated archive has no dyad to save a check-in in.');
    const crew = (await call('crews.list', { today })).active[0];
    if (!crew) throw new Error('The generated archive has no active crew to prepare a meeting of.');
    const words = [' and', ' then', ' I', ' noticed', ' it', ' again.'];

    const baseline = await startIdleBaseline();
    stalls.enable();
    // The journal scenario's saves and a check-in's, then the screens' reads, one after another.
    const saves = await repeat(
      async (i) => {
        const at = i % drafts.length;
        if (i % 3 === 0) {
          bodies[at] += words[i % words.length] ?? '';
          await call('journal.update', { id: drafts[at]?.id ?? '', body: bodies[at] ?? '' });
        } else if (i % 3 === 1) {
          await call('journal.create', { title: entryTitle(random, new Date(measuringStarts)), body: entryBody(random), entryDate: today });
        } else {
          await call('checkins.create', { dyadId: dyad.id, checkinDate: today, iShared: entryBody(random), iHeard: entryBody(random), dial: 3 });
        }
      },
      { ...options.saves, budgetMs, after: options.sample },
    );
    const reads = await repeat(
      async (i) => {
        if (i % 4 === 0) await call('journal.list', {});
        else if (i % 4 === 1) await call('search.query', { text: 'felt ' });
        else if (i % 4 === 2) await call('ladder.summary', { today });
        else await call('crews.prep', { id: crew.id, today });
      },
      { ...options.reads, budgetMs, after: options.sample },
    );
    stalls.disable();
    const idle = await baseline.stop();

    const note = `event-loop delay p99 ${(stalls.percentile(99) / 1e6).toFixed(1)} ms; the slowest answer took ${Math.max(saves.max, reads.max).toFixed(1)} ms; an idle process meanwhile: longest pause ${idle.maxMs.toFixed(1)} ms (p99 ${idle.p99Ms.toFixed(1)})`;
    return [
      timed('desktop.save', 'desktop: save (entry, new entry or check-in) answered by the core’s thread', saves, 10),
      timed('desktop.read', 'desktop: journal page, search, ladder or crew prep answered by the core’s thread', reads, 20),
      figure('desktop.main-thread-held', 'desktop: longest the main thread was held while requests ran', 'ms', stalls.max / 1e6, 16, note),
    ];
  } finally {
    stalls.disable();
    await thread.close();
  }
}

/**
 * In a process of its own: the measuring process's main thread carries what the earlier
 * scenarios left (its garbage collections would count as the window's), and its memory is not
 * the desktop app's.
 */
async function measure(context: MeasureContext): Promise<Result[]> {
  const counts = { saves: context.reps({ warmup: 20, reps: 600 }), reads: context.reps({ warmup: 10, reps: 200 }) };
  const child = forkScript('desktop-process.ts', [context.dataDir, String(context.random.int(1, 2 ** 31 - 1)), JSON.stringify(counts)]);
  const answer = await nextMessage<DesktopMessage>(child, 'the desktop process');
  if (answer.type === 'error') throw new Error(`The desktop process failed: ${answer.message}`);
  context.recordProcess(answer.figures);
  const held = answer.results.find((result) => result.id === 'desktop.main-thread-held')?.value ?? 0;
  context.log(`  desktop: the main thread was held at most ${held.toFixed(1)} ms while the core's thread answered`);
  return answer.results;
}

export const desktopScenario: Scenario = { name: 'desktop', coreElsewhere: true, measure };
