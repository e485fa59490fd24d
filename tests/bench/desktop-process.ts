import { reply } from './child';
import { memorySampler, processFigures, requestTimer } from './probes';
import { type DesktopMessage, measureDesktop } from './scenarios/desktop';

/**
 * The desktop app's arrangement in a process of its own: this main thread stands in for
 * Electron's, the core runs in its thread (see scenarios/desktop.ts). Arguments: dataDir, a seed,
 * and the repetition counts as JSON. Answers `done` with the results and this process's memory.
 */
const [dataDir = '', seed = '1', counts = '{}'] = process.argv.slice(2);
const memory = memorySampler();
memory.start();
try {
  const { saves, reads } = JSON.parse(counts) as { saves: { warmup: number; reps: number }; reads: { warmup: number; reps: number } };
  const results = await measureDesktop({ dataDir, seed: Number(seed), saves, reads, sample: memory.sample });
  memory.stop();
  // No request runs on this thread, so the request timer has nothing to report: only memory.
  await reply({ type: 'done', results, figures: processFigures('desktop process', memory, requestTimer()) } satisfies DesktopMessage);
} catch (error) {
  await reply({ type: 'error', message: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' } satisfies DesktopMessage);
}
process.disconnect();
