// The core's own thread in the desktop app: started by core-thread.ts, it opens the archive and
// answers requests, so no SQLite statement ever runs on Electron's main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { Envelope } from '../../../shared/errors';
import { type Core, createCore, logFailure, type Platform } from '../index';
import type { CoreThreadData, FromCore, PlatformCall, ToCore } from './messages';

const port = parentPort;
if (!port) throw new Error('core-worker.ts runs only as a worker thread (see core-thread.ts).');
const data = workerData as CoreThreadData;
const send = (message: FromCore) => port.postMessage(message);

let nextCall = 1;
const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

function callShell(call: PlatformCall, ...args: unknown[]): Promise<unknown> {
  const id = nextCall++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    send({ type: 'platform-call', id, call, args });
  });
}

/** The shell's platform as the core expects it: only what the shell said it offers. */
function platform(offered: PlatformCall[]): Platform {
  const has = (call: PlatformCall) => offered.includes(call);
  return {
    ...(has('pickFolder') ? { pickFolder: async (options) => (await callShell('pickFolder', options)) as string | null } : {}),
    ...(has('pickFile') ? { pickFile: async (options) => (await callShell('pickFile', options)) as string | null } : {}),
    ...(has('keyStore.backend') && has('keyStore.encrypt') && has('keyStore.decrypt')
      ? {
          keyStore: {
            backend: async () => (await callShell('keyStore.backend')) as string,
            encrypt: async (text) => Buffer.from((await callShell('keyStore.encrypt', text)) as Uint8Array),
            decrypt: async (bytes) => (await callShell('keyStore.decrypt', bytes)) as string,
          },
        }
      : {}),
  };
}

/** The router answers every request with an envelope; this only guards against a bug in it. */
async function answer(core: Core, name: unknown, input: unknown): Promise<Envelope<unknown>> {
  try {
    return await core.handle(name, input);
  } catch (error) {
    logFailure('answering a request', error);
    return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Ladder. Please try again.' } };
  }
}

const opening = createCore({
  dataDir: data.dataDir,
  version: data.version,
  platform: platform(data.platform),
  ...(data.automaticBackups === undefined ? {} : { automaticBackups: data.automaticBackups }),
});

opening.then(
  () => send({ type: 'opened' }),
  (error: unknown) => {
    logFailure('opening the archive', error);
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  },
);

port.on('message', (message: ToCore) => {
  if (message.type === 'platform-answer') {
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) call?.resolve(message.value);
    else call?.reject(new Error(message.message));
  } else if (message.type === 'request') {
    void opening.then(
      async (core) => send({ type: 'response', id: message.id, envelope: await answer(core, message.name, message.input) }),
      () => undefined,
    );
  } else {
    void opening
      .then((core) => core.close())
      .catch((error: unknown) => logFailure('closing the archive', error))
      .finally(() => {
        send({ type: 'closed' });
        port.close();
      });
  }
});
