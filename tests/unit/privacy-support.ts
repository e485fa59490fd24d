import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { RequestInput, RequestName, RequestResult } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { fixedClock } from '../../electron/core/clock';
import { type Core, createCore } from '../../electron/core';
import type { Platform } from '../../electron/core/host';
import { makeTempDir } from '../support/temp-dir';
import { crewOfFour } from './crews-fixtures';

/** scrypt at a lower cost keeps these tests quick; the shipped cost runs in the end-to-end test. */
export const testCost = { N: 2 ** 12, r: 8, p: 1 };
export const passphrase = 'correct horse battery staple';
/** A word that appears nowhere but in the seeded records, to look for in raw bytes. */
export const secretWord = 'Zanzibarquill';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface PrivacyCore {
  core: Core;
  dataDir: string;
  send: <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<Envelope<RequestResult<N>>>;
  call: <N extends RequestName>(name: N, input: RequestInput<N>) => Promise<RequestResult<N>>;
  restart: (platform?: Platform) => Promise<PrivacyCore>;
  close: () => Promise<void>;
}

export async function openPrivacyCore(dataDir?: string, platform?: Platform): Promise<PrivacyCore> {
  let dir = dataDir;
  if (!dir) {
    const temp = makeTempDir('ladder-privacy-');
    cleanups.push(temp.remove);
    dir = temp.dir;
  }
  const core = await createCore({ dataDir: dir, clock: fixedClock('2026-11-26T09:00:00.000Z'), version: 'test', kdfCost: testCost, platform, automaticBackups: false });
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await core.close();
    }
  };
  cleanups.push(close);
  const send = ((name: RequestName, input: unknown) => core.handle(name, input)) as PrivacyCore['send'];
  return {
    core,
    dataDir: dir,
    send,
    call: (async (name: RequestName, input: unknown) => {
      const result = await core.handle(name, input);
      if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    }) as PrivacyCore['call'],
    restart: async (nextPlatform?: Platform) => {
      await close();
      return openPrivacyCore(dir, nextPlatform ?? platform);
    },
    close,
  };
}

/** A few records on every rung, each carrying the secret word somewhere. */
export async function seedEveryRung(t: PrivacyCore) {
  await t.call('journal.create', { entryDate: '2026-11-20', title: 'Morning pages', body: `Walked by the river, thinking of ${secretWord}.` });
  await t.call('journal.create', { entryDate: '2026-11-21', title: 'Evening', body: 'A quiet day.' });
  await t.call('parts.create', { name: `The ${secretWord} critic` });
  const { crew, ada } = await crewOfFour(t as never);
  const dyad = await t.call('dyads.create', { personId: ada.id, kind: 'peer_coach', intention: `Meet about ${secretWord}` });
  await t.call('checkins.create', { dyadId: dyad.id, checkinDate: '2026-11-22', iShared: `News of ${secretWord}` });
  await t.call('congregations.create', { name: 'Riverside Commons', about: secretWord, size: 60, role: 'member', since: '2026-01-10' });
  await t.call('networks.create', { name: 'Weavers', notes: secretWord });
  return { crew };
}

/** Every table's rows, to prove a change of passphrase kept every record. */
export function everyRow(core: Core) {
  const sqlite = core.archive.sqlite;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
  return Object.fromEntries(tables.map((table) => [table, sorted(sqlite.prepare(`SELECT * FROM "${table}"`).all())]));
}

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile());
}

export function holdsWord(file: string, word = secretWord) {
  const bytes = readFileSync(file);
  return bytes.includes(Buffer.from(word, 'utf8')) || bytes.includes(Buffer.from(word, 'utf16le'));
}

export function startsLikeSqlite(file: string) {
  return readFileSync(file).subarray(0, 16).toString('latin1') === 'SQLite format 3\0';
}
