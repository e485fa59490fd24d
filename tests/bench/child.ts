import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

/** Set in the bundled processes (bundle.ts): `forkScript` then forks the bundled siblings. */
export const bundleDirVariable = 'LADDER_BENCH_BUNDLE';

/**
 * Runs a script of the benchmark in a process of its own, so what it does never shows in the
 * measuring process's memory or pauses: its bundle when `npm run bench` runs (bundle.ts), else
 * the TypeScript file through tsx (the smoke test).
 */
export function forkScript(file: `${string}.ts`, args: string[]): ChildProcess {
  const bundleDir = process.env[bundleDirVariable];
  const script = bundleDir ? path.join(bundleDir, path.basename(file).replace(/\.ts$/, '.mjs')) : path.resolve(import.meta.dirname, file);
  return fork(script, args, {
    execArgv: bundleDir ? [] : ['--import', import.meta.resolve('tsx')],
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
