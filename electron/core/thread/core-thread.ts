import { Worker } from 'node:worker_threads';
import type { Envelope } from '../../../shared/errors';
import type { Platform } from '../host';
import { logFailure } from '../log';
import type { Router } from '../router';
import { type CoreThreadData, type FromCore, type PlatformCall, platformCalls, type ToCore } from './messages';

/**
 * The core in a worker thread of its own. better-sqlite3 is synchronous: on Electron's main
 * thread, which is also the browser process's UI thread, every statement holds up the window's
 * input, menus and painting until it ends. Now and then a save ends long after it began (an FTS5
 * merge step: 14–18 ms at 100,000 entries; a checkpoint when writing never pauses: 300 ms) and
 * the window would freeze for that long. In its own thread the core can take as long as it needs
 * while the window stays responsive; requests still share that one thread, started in the order
 * sent.
 */
export interface CoreThread {
  handle: Router;
  /** Closes the archive (checkpointed, handle released) and ends the thread. */
  close(): Promise<void>;
}

export interface CoreThreadOptions {
  /** The worker's script: the build's `core-worker.js`, or `core-worker.ts` run through tsx in tests. */
  entry: URL | string;
  /** Node options for the worker, e.g. `['--import', 'tsx']` to run the TypeScript source. */
  execArgv?: string[];
  dataDir: string;
  version?: string;
  platform?: Platform;
  automaticBackups?: boolean;
}

/**
 * The thread itself could not run (its script missing or failing to load): not the archive's
 * fault, so the shell may open the archive on its own thread instead.
 */
export class CoreThreadUnavailable extends Error {
  override name = 'CoreThreadUnavailable';
}

const stopped: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'Ladder’s archive stopped working unexpectedly. What was saved is safe: please restart Ladder.' },
};

const closed: Envelope<never> = { ok: false, error: { code: 'internal', message: 'Ladder has closed your archive.' } };

function offeredCalls(platform: Platform): PlatformCall[] {
  return platformCalls.filter((call) => {
    if (call === 'pickFolder') return platform.pickFolder !== undefined;
    if (call === 'pickFile') return platform.pickFile !== undefined;
    return platform.keyStore !== undefined;
  });
}

/** Answers one of the core's calls on the shell's platform. */
async function callPlatform(platform: Platform, call: PlatformCall, args: unknown[]): Promise<unknown> {
  const [first] = args;
  switch (call) {
    case 'pickFolder':
      return platform.pickFolder?.(first as Parameters<NonNullable<Platform['pickFolder']>>[0]);
    case 'pickFile':
      return platform.pickFile?.(first as Parameters<NonNullable<Platform['pickFile']>>[0]);
    case 'keyStore.backend':
      return platform.keyStore?.backend();
    case 'keyStore.encrypt':
      return platform.keyStore?.encrypt(String(first));
    case 'keyStore.decrypt':
      return platform.keyStore?.decrypt(Buffer.from(first as Uint8Array));
  }
}

/** Starts the thread and opens the archive in it; rejects with createCore's error if it cannot. */
export function startCoreThread(options: CoreThreadOptions): Promise<CoreThread> {
  const platform = options.platform ?? {};
  const workerData: CoreThreadData = {
    dataDir: options.dataDir,
    version: options.version,
    platform: offeredCalls(platform),
    ...(options.automaticBackups === undefined ? {} : { automaticBackups: options.automaticBackups }),
  };
  let worker: Worker;
  try {
    worker = new Worker(options.entry, { workerData, ...(options.execArgv ? { execArgv: options.execArgv } : {}) });
  } catch (error) {
    return Promise.reject(new CoreThreadUnavailable(`The archive’s thread could not start: ${error instanceof Error ? error.message : String(error)}`));
  }
  const post = (message: ToCore) => worker.postMessage(message);

  let nextRequest = 1;
  const answers = new Map<number, (envelope: Envelope<unknown>) => void>();
  let running = true;
  let closing: Promise<void> | null = null;
  let whenClosed = () => {};

  const thread: CoreThread = {
    handle: (name, input) => {
      if (closing) return Promise.resolve(closed);
      if (!running) return Promise.resolve(stopped);
      const id = nextRequest++;
      return new Promise((resolve) => {
        answers.set(id, resolve);
        post({ type: 'request', id, name, input });
      });
    },
    close: () => {
      closing ??= running
        ? new Promise<void>((resolve) => {
            whenClosed = resolve;
            post({ type: 'close' });
          })
        : Promise.resolve();
      return closing;
    },
  };

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromCore) => {
      switch (message.type) {
        case 'opened':
          resolve(thread);
          break;
        case 'failed':
          reject(new Error(message.message));
          void worker.terminate();
          break;
        case 'response':
          answers.get(message.id)?.(message.envelope);
          answers.delete(message.id);
          break;
        case 'platform-call':
          callPlatform(platform, message.call, message.args).then(
            (value) => post({ type: 'platform-answer', id: message.id, ok: true, value }),
            (error: unknown) => post({ type: 'platform-answer', id: message.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
          );
          break;
        case 'closed':
          running = false;
          void worker.terminate().finally(whenClosed);
          break;
      }
    });
    worker.on('error', (error) => {
      logFailure('the archive’s thread', error);
      reject(new CoreThreadUnavailable(`The archive’s thread stopped: ${error.message}`, { cause: error }));
    });
    worker.on('exit', () => {
      running = false;
      // Whatever was still waiting gets an answer the window can show.
      for (const answer of answers.values()) answer(stopped);
      answers.clear();
      reject(new CoreThreadUnavailable('The archive’s thread ended before the archive was open.'));
      whenClosed();
    });
  });
}
