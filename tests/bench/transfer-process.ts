import { createCore } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { reply } from './child';
import { measuringStarts } from './generate';
import { memorySampler, processFigures, requestTimer } from './probes';
import { measureTransfer, type TransferMessage } from './scenarios/transfer';

/**
 * The export and import jobs in a process of their own holding one core, as the desktop app's
 * main process does (see scenarios/transfer.ts). Argument: dataDir. Answers `done` with the
 * results and this process's figures, or `error`.
 */
const [dataDir = ''] = process.argv.slice(2);
const requests = requestTimer();
const memory = memorySampler();
memory.start();
try {
  const clock = fixedClock(measuringStarts);
  const results = await measureTransfer({
    dataDir,
    openCore: async () => requests.track(await createCore({ dataDir, clock, version: 'bench' })),
    sample: memory.sample,
  });
  memory.stop();
  await reply({ type: 'done', results, figures: processFigures('transfer jobs process', memory, requests) } satisfies TransferMessage);
} catch (error) {
  await reply({ type: 'error', message: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' } satisfies TransferMessage);
}
process.disconnect();
