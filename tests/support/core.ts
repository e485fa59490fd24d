import { afterEach } from 'vitest';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import { fixedClock } from '../../electron/core/clock';
import { type Core, createCore } from '../../electron/core';
import type { Envelope } from '../../shared/errors';
import { makeTempDir } from './temp-dir';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface TestCore {
  core: Core;
  dataDir: string;
  /** Calls a request through the real router and returns its envelope. */
  send: <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<Envelope<RequestResult<N>>>;
  /** Calls a request and returns its data, failing the test on an error envelope. */
  call: <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<RequestResult<N>>;
  reopen: () => Promise<TestCore>;
}

/** A real core over a real SQLite file in a fresh temp folder, closed and removed after the test. */
export async function openTestCore(dataDir?: string): Promise<TestCore> {
  let dir = dataDir;
  if (dir === undefined) {
    const temp = makeTempDir();
    cleanups.push(temp.remove);
    dir = temp.dir;
  }
  const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-26T09:00:00.000Z'), version: 'test' });
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await core.close();
    }
  };
  cleanups.push(close);
  const send = (name: RequestName, input: unknown) => core.handle(name, input);
  const testCore: TestCore = {
    core,
    dataDir: dir,
    send: send as TestCore['send'],
    call: (async (name: RequestName, input: unknown) => {
      const result = await send(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    }) as TestCore['call'],
    reopen: async () => {
      await close();
      return openTestCore(dir);
    },
  };
  return testCore;
}
