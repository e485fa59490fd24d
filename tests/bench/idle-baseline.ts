import { spawn } from 'node:child_process';
import { nextMessage } from './child';

/**
 * An idle Node process beside a measurement, timing its own event loop the same way. On a busy
 * or virtual machine every process sees pauses the scheduler or the disk imposes (an idle one
 * here saw 100–190 ms gaps while a large archive was being written): a main-thread block the
 * idle process saw too is the machine's, not Ladder's.
 */
const idleSource = `
const { monitorEventLoopDelay } = require('node:perf_hooks');
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const keepAlive = setInterval(() => undefined, 1000);
process.once('message', () => {
  delay.disable();
  clearInterval(keepAlive);
  process.send({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 }, () => process.exit(0));
});
process.send({ ready: true });
`;

export interface IdleBaseline {
  /** The idle process's longest and p99 pause since it started; it then exits. */
  stop(): Promise<{ maxMs: number; p99Ms: number }>;
}

export async function startIdleBaseline(): Promise<IdleBaseline> {
  const child = spawn(process.execPath, ['-e', idleSource], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await nextMessage(child, 'The idle baseline');
  return {
    stop: async () => {
      const answer = nextMessage<{ maxMs: number; p99Ms: number }>(child, 'The idle baseline');
      child.send('stop');
      return answer;
    },
  };
}
