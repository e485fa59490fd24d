import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a TypeScript file of the benchmark in a process of its own (through tsx, as `npm run
 * bench` runs), so what it does never shows in the measuring process's memory or pauses.
 */
export function forkScript(file: string, args: string[]): ChildProcess {
  return fork(path.resolve(import.meta.dirname, file), args, {
    execArgv: ['--import', import.meta.resolve('tsx')],
    // The child's progress goes where ours goes; stdout stays free for the table.
    stdio: ['ignore', process.stderr, process.stderr, 'ipc'],
  });
}

/** The child's next message, or an error if it exits first. */
export function nextMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`${what} exited (code ${code}) before answering`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

/** For the child's side: sends one message and waits until it has left. */
export function reply(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error('This script runs only as a child of the benchmark.'));
      return;
    }
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}
