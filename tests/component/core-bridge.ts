import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import type { LadderBridge } from '../../shared/bridge';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import type { Envelope, LadderErrorValue } from '../../shared/errors';
import { archivePath, type Core, createCore } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { makeTempDir } from '../support/temp-dir';

/**
 * `window.ladder` for component tests: the real core over a real SQLite file in a temp folder,
 * so the UI is tested against the same rules as the app. On top it records calls and can hold
 * answers back or fail a request, to show what the UI does while waiting or on an error.
 */
export interface CoreBridge extends LadderBridge {
  readonly core: Core;
  /** Answers every later `name` request with this error, until called again with null. */
  failWith(name: RequestName, error: LadderErrorValue | null): void;
  /** Holds every answer back until the returned function is called. */
  hold(): () => void;
  /** The most requests that were ever waiting for an answer at the same time. */
  readonly maxInFlight: number;
  /** Starts counting `maxInFlight` afresh (e.g. after a page's first loads, which run side by side). */
  resetMaxInFlight(): void;
  readonly inFlight: number;
  /** The inputs of every call of `name` so far, in order. */
  callsOf(name: RequestName): unknown[];
  /** Makes a request straight through the core (not recorded): for seeding and checking data. */
  direct<N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestResult<N>>;
}

let current: { bridge: CoreBridge; close: () => Promise<void> } | null = null;

/** Leaves the archive as a newer Ladder would: the core then opens it read-only. */
async function makeReadOnlyArchive(dataDir: string) {
  const core = await createCore({ dataDir, version: 'test' });
  await core.close();
  const raw = new SqliteDatabase(archivePath(dataDir));
  raw.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-a-newer-ladder', '2030-01-01')").run();
  raw.close();
}

export async function installCoreBridge(options: { readOnly?: boolean } = {}): Promise<CoreBridge> {
  await closeCoreBridge();
  const temp = makeTempDir('ladder-component-');
  if (options.readOnly) await makeReadOnlyArchive(temp.dir);
  const core = await createCore({ dataDir: temp.dir, clock: fixedClock('2026-11-26T09:00:00.000Z', 1000), version: 'test' });
  const calls: { name: RequestName; input: unknown }[] = [];
  const failures = new Map<RequestName, LadderErrorValue>();
  let held: Promise<void> | null = null;
  let inFlight = 0;
  let closing = false;
  // Requests still being answered when a test ends; the archive closes only after them.
  const pending = new Set<Promise<unknown>>();
  let maxInFlight = 0;

  const bridge: CoreBridge = {
    core,
    invoke: (async (name: RequestName, input: unknown) => {
      calls.push({ name, input });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        if (held) await held;
        const failure = failures.get(name);
        if (failure) return { ok: false, error: failure };
        if (closing) return { ok: false, error: { code: 'internal', message: 'The test archive is closing.' } };
        // Inputs cross IPC as copies; so do they here.
        const answer = core.handle(name, structuredClone(input));
        pending.add(answer);
        try {
          return await answer;
        } finally {
          pending.delete(answer);
        }
      } finally {
        inFlight -= 1;
      }
    }) as LadderBridge['invoke'],
    failWith: (name, error) => {
      if (error) failures.set(name, error);
      else failures.delete(name);
    },
    hold: () => {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = () => {
          held = null;
          resolve();
        };
      });
      return release;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    resetMaxInFlight: () => {
      maxInFlight = inFlight;
    },
    get inFlight() {
      return inFlight;
    },
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.input),
    direct: async (name, input) => {
      const envelope = (await core.handle(name, input)) as Envelope<never>;
      if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.message}`);
      return envelope.data;
    },
  };
  Object.defineProperty(window, 'ladder', { value: bridge, configurable: true, writable: true });
  current = {
    bridge,
    close: async () => {
      closing = true;
      held = null;
      await Promise.allSettled([...pending]);
      await core.close();
      temp.remove();
    },
  };
  return bridge;
}

export async function closeCoreBridge() {
  const open = current;
  current = null;
  if (open) await open.close();
}

/** The bridge currently on `window.ladder`. */
export function coreBridge(): CoreBridge {
  if (!current) throw new Error('No core bridge installed: call installCoreBridge() first.');
  return current.bridge;
}

/** Writes entries through the real core, oldest argument first, before the UI is rendered. */
export async function seedEntries(seeds: { title?: string; body?: string; entryDate?: string }[]) {
  const bridge = coreBridge();
  for (const seed of seeds) {
    await bridge.direct('journal.create', { title: seed.title ?? '', body: seed.body ?? '', entryDate: seed.entryDate ?? '2026-11-20' });
  }
}

/** Every entry row in the archive, deleted ones included, oldest first. */
export function storedEntries() {
  return coreBridge().core.archive.db.selectFrom('entry').selectAll().orderBy('id').execute();
}
