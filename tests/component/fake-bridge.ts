import type { z } from 'zod';
import type { LadderBridge } from '../../shared/bridge';
import { contract, isRequestName, type ParsedInput, type RequestName, type RequestResult } from '../../shared/contract';
import type { AppInfo } from '../../shared/domain/app';
import type { Entry, EntryPage } from '../../shared/domain/journal';
import { type Envelope, LadderError, type LadderErrorValue } from '../../shared/errors';

/**
 * An in-memory `window.ladder` for component tests. It validates every input with the same
 * contract schemas as the real router and answers the way the core does (sort order, cursors,
 * soft delete), so the tests exercise the real client and stores.
 */

interface StoredEntry extends Entry {
  deletedAt: string | null;
}

type Handlers = { [N in RequestName]: (input: ParsedInput<N>) => RequestResult<N> };

export interface FakeBridge extends LadderBridge {
  readonly entries: Map<string, StoredEntry>;
  readonly calls: { name: RequestName; input: unknown }[];
  info: AppInfo;
  /** Answers every later `name` request with this error, until called again with null. */
  failWith(name: RequestName, error: LadderErrorValue | null): void;
  /** Holds every answer back until the returned function is called. */
  hold(): () => void;
  /** The most requests that were ever waiting for an answer at the same time. */
  readonly maxInFlight: number;
  readonly inFlight: number;
  seed(entries: Partial<Omit<Entry, 'id'>>[]): Entry[];
  callsOf(name: RequestName): unknown[];
}

const excerptLength = 160;

function excerptOf(body: string) {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > excerptLength ? `${flat.slice(0, excerptLength - 1)}…` : flat;
}

function validationError(error: z.ZodError): LadderErrorValue {
  const issue = error.issues[0];
  if (!issue) return { code: 'validation', message: 'The request was not valid.' };
  const field = issue.path.join('.');
  return field === '' ? { code: 'validation', message: issue.message } : { code: 'validation', message: issue.message, field };
}

export function createFakeBridge(options: { info?: Partial<AppInfo> } = {}): FakeBridge {
  const entries = new Map<string, StoredEntry>();
  const calls: { name: RequestName; input: unknown }[] = [];
  const failures = new Map<RequestName, LadderErrorValue>();
  let held: Promise<void> | null = null;
  let inFlight = 0;
  let maxInFlight = 0;
  let counter = 0;
  const start = Date.parse('2026-11-26T09:00:00.000Z');

  // Ids shaped like the core's UUIDv7: they sort by creation.
  const nextId = () => `00000000-0000-7000-8000-${(++counter).toString(16).padStart(12, '0')}`;
  const now = () => new Date(start + counter * 1000).toISOString();

  const live = (id: string) => {
    const entry = entries.get(id);
    if (!entry || entry.deletedAt !== null) throw new LadderError('not_found', 'That entry does not exist or was deleted.', 'id');
    return entry;
  };
  const toEntry = ({ deletedAt: _deleted, ...entry }: StoredEntry): Entry => ({ ...entry });
  const sortKey = (e: StoredEntry) => `${e.entryDate}|${e.createdAt}|${e.id}`;

  const handlers: Handlers = {
    'app.info': () => bridge.info,
    'journal.create': (input) => {
      const id = nextId();
      const at = now();
      const entry: StoredEntry = { id, title: input.title, body: input.body, entryDate: input.entryDate, createdAt: at, updatedAt: at, deletedAt: null };
      entries.set(id, entry);
      return toEntry(entry);
    },
    'journal.update': (input) => {
      const entry = live(input.id);
      counter += 1;
      Object.assign(entry, {
        title: input.title ?? entry.title,
        body: input.body ?? entry.body,
        entryDate: input.entryDate ?? entry.entryDate,
        updatedAt: now(),
      });
      return toEntry(entry);
    },
    'journal.get': (input) => toEntry(live(input.id)),
    'journal.list': (input): EntryPage => {
      const sorted = [...entries.values()].filter((e) => e.deletedAt === null).sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
      const after = input.after;
      const rest = after === undefined ? sorted : sorted.filter((e) => sortKey(e) < after);
      const page = rest.slice(0, input.limit);
      const last = page.at(-1);
      return {
        entries: page.map((e) => ({ id: e.id, title: e.title, excerpt: excerptOf(e.body), entryDate: e.entryDate, updatedAt: e.updatedAt })),
        nextCursor: rest.length > input.limit && last ? sortKey(last) : null,
      };
    },
    'journal.delete': (input) => {
      live(input.id).deletedAt = now();
      return { id: input.id };
    },
    'journal.restore': (input) => {
      const entry = entries.get(input.id);
      if (!entry) throw new LadderError('not_found', 'That entry does not exist.', 'id');
      counter += 1;
      Object.assign(entry, { deletedAt: null, updatedAt: now() });
      return toEntry(entry);
    },
  };

  async function answer(name: unknown, input: unknown): Promise<Envelope<unknown>> {
    if (!isRequestName(name)) return { ok: false, error: { code: 'unknown_request', message: `Ladder does not know the request "${String(name)}".` } };
    calls.push({ name, input: structuredClone(input) });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await Promise.resolve();
      if (held) await held;
      const spec = contract[name];
      if (spec.writes && bridge.info.readOnly) return { ok: false, error: { code: 'read_only', message: bridge.info.readOnlyReason ?? 'Read-only.' } };
      const failure = failures.get(name);
      if (failure) return { ok: false, error: failure };
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      try {
        const handler = handlers[name] as (value: unknown) => unknown;
        // A structured clone, like IPC: the UI never shares objects with the store.
        return { ok: true, data: structuredClone(handler(parsed.data)) };
      } catch (error) {
        if (error instanceof LadderError) return { ok: false, error: error.toValue() };
        return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Ladder, and nothing was changed. Please try again.' } };
      }
    } finally {
      inFlight -= 1;
    }
  }

  const bridge: FakeBridge = {
    invoke: ((name: RequestName, input: unknown) => answer(name, input)) as LadderBridge['invoke'],
    entries,
    calls,
    info: {
      version: '0.1.0-test',
      databasePath: '/home/someone/.config/Ladder/ladder.sqlite3',
      schemaVersion: 1,
      readOnly: false,
      readOnlyReason: null,
      ...options.info,
    },
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
    get inFlight() {
      return inFlight;
    },
    seed: (seeds) =>
      seeds.map((seed) => {
        const id = nextId();
        const at = now();
        const entry: StoredEntry = {
          id,
          title: seed.title ?? '',
          body: seed.body ?? '',
          entryDate: seed.entryDate ?? '2026-11-20',
          createdAt: seed.createdAt ?? at,
          updatedAt: seed.updatedAt ?? at,
          deletedAt: null,
        };
        entries.set(id, entry);
        return toEntry(entry);
      }),
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.input),
  };
  return bridge;
}

/** Puts a fresh fake on `window.ladder` and returns it. */
export function installFakeBridge(options: { info?: Partial<AppInfo> } = {}): FakeBridge {
  const bridge = createFakeBridge(options);
  Object.defineProperty(window, 'ladder', { value: bridge, configurable: true, writable: true });
  return bridge;
}

/** The fake currently on `window.ladder`. */
export function fakeBridge(): FakeBridge {
  return window.ladder as FakeBridge;
}
