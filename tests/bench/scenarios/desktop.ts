import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type CoreThread, startCoreThread } from '../../../electron/core/thread/core-thread';
import type { RequestInput, RequestName, RequestResult } from '../../../shared/contract';
import { bundleDirVariable } from '../child';
import { measuringStarts } from '../generate';
import { figure, timed } from '../report';
import { entryBody, entryTitle } from '../text';
import type { MeasureContext, Scenario } from './types';

/**
 * The requests as the desktop app serves them: the core in a thread of its own (core-thread.ts),
 * this process's main thread in the place of Electron's, which is also the window's UI thread.
 * What counts is how long the main thread is held while the core works: a save's 15 ms FTS5
 * merge step, a checkpoint, must now hold up only that request's answer, never the window.
 */

const today = measuringStarts.slice(0, 10);

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

async function measure(context: MeasureContext) {
  const thread = await startCoreThread({ ...workerEntry(), dataDir: context.dataDir, version: 'bench', automaticBackups: false });
  const call = callerOf(thread);
  // The main thread's longest stall, sampled every millisecond while the requests run.
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  try {
    const drafts = await Promise.all((await call('journal.list', { limit: 10 })).entries.map((summary) => call('journal.get', { id: summary.id })));
    const bodies = drafts.map((draft) => draft.body);
    const dyad = (await call('dyads.list', { today }))[0];
    if (!dyad) throw new Error('The generated archive has no dyad to save a check-in in.');
    const words = [' and', ' then', ' I', ' noticed', ' it', ' again.'];

    stalls.enable();
    // The journal scenario's mix of saves, and reads between them, all answered by the thread.
    const saves = await context.time(
      async (i) => {
        const at = i % drafts.length;
        if (i % 3 === 0) {
          bodies[at] += words[i % words.length] ?? '';
          await call('journal.update', { id: drafts[at]?.id ?? '', body: bodies[at] ?? '' });
        } else if (i % 3 === 1) {
          await call('journal.create', { title: entryTitle(context.random, new Date(measuringStarts)), body: entryBody(context.random), entryDate: today });
        } else {
          await call('checkins.create', { dyadId: dyad.id, checkinDate: today, iShared: entryBody(context.random), iHeard: entryBody(context.random), dial: 3 });
        }
      },
      { warmup: 20, reps: 600 },
    );
    const reads = await context.time(
      async (i) => {
        if (i % 2 === 0) await call('journal.list', {});
        else await call('search.query', { text: 'felt ' });
      },
      { warmup: 10, reps: 200 },
    );
    stalls.disable();

    const longest = stalls.max / 1e6;
    const p99 = stalls.percentile(99) / 1e6;
    context.log(`  desktop: main thread held at most ${longest.toFixed(1)} ms while ${saves.samples + reads.samples} requests ran in the core's thread`);
    return [
      timed('desktop.save', 'desktop: save (entry, new entry or check-in) answered by the core’s thread', saves, 10),
      timed('desktop.read', 'desktop: journal page or search answered by the core’s thread', reads, 20),
      figure('desktop.main-thread-held', 'desktop: longest the main thread was held while requests ran', 'ms', longest, 16, `event-loop delay p99 ${p99.toFixed(1)} ms`),
    ];
  } finally {
    stalls.disable();
    await thread.close();
  }
}

export const desktopScenario: Scenario = { name: 'desktop', coreElsewhere: true, measure };
