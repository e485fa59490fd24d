import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../electron/core/router';
import { openTestCore } from '../support/core';

describe('router', () => {
  it('refuses a request it does not know', async () => {
    const { core } = await openTestCore();
    expect(await core.handle('journal.burn', {})).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    expect(await core.handle(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    // Inherited names are not requests either.
    expect(await core.handle('toString', {})).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
  });

  it('names the field of invalid input and writes nothing', async () => {
    const { send, call } = await openTestCore();
    const cases: [unknown, string][] = [
      [{ title: 'x'.repeat(201), entryDate: '2026-11-26' }, 'title'],
      [{ title: 'ok', entryDate: '2026-02-31' }, 'entryDate'],
      [{ title: 'ok', entryDate: 'yesterday' }, 'entryDate'],
      [{ title: 'ok' }, 'entryDate'],
      [{ title: 42, entryDate: '2026-11-26' }, 'title'],
      [{ title: 'ok', entryDate: '2026-11-26', mood: 'sunny' }, 'mood'],
      [JSON.parse('{"__proto__": {"polluted": true}, "entryDate": "2026-11-26"}'), '__proto__'],
    ];
    for (const [input, field] of cases) {
      const result = await send('journal.create', input as never);
      expect(result, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'validation', field } });
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await call('journal.list', {})).entries).toHaveLength(0);
  });

  it('tells a missing value from one of the wrong kind, in plain words', async () => {
    const { send } = await openTestCore();
    const messageOf = async (name: Parameters<typeof send>[0], input: unknown) => {
      const result = await send(name, input as never);
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(await messageOf('journal.create', { title: 'ok' })).toBe('This is required.');
    expect(await messageOf('journal.create', { title: 42, entryDate: '2026-11-26' })).toBe('Use text here.');
    expect(await messageOf('journal.list', { limit: 2.5 })).toBe('Use a whole number.');
    expect(await messageOf('journal.list', { limit: 'ten' })).toBe('Use a number.');
    // Limits in the app's words, not zod's ("Too big: expected number to be <=200").
    expect(await messageOf('journal.list', { limit: 100_000 })).toBe('Use a number no bigger than 200.');
    expect(await messageOf('journal.list', { limit: 0 })).toBe('Use a number of at least 1.');
    // A schema's own message stands.
    expect(await messageOf('congregations.create', { name: 'Porto Circle', size: 2.5 })).toBe('Use a whole number, like 40.');
    expect(await messageOf('crews.create', { name: 'Pod', startedOn: '2026-11-01', cycleSessions: 100_000 })).toBe('A cycle has at most 100 sessions.');
  });

  it('caps list sizes', async () => {
    const { send } = await openTestCore();
    expect(await send('journal.list', { limit: 100_000 })).toMatchObject({ ok: false, error: { code: 'validation', field: 'limit' } });
  });

  it('refuses input that is not an object', async () => {
    const { core } = await openTestCore();
    expect(await core.handle('journal.create', 'a string')).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await core.handle('journal.create', [1, 2])).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('turns an unexpected failure into a plain message, logging no user text', async () => {
    const logError = vi.fn();
    const failing = {
      'journal.create': () => {
        throw new Error('disk exploded');
      },
    } as unknown as Handlers;
    const route = createRouter(failing, { readOnlyReason: () => null, logError });
    const result = await route('journal.create', { title: 'secret words', entryDate: '2026-11-26' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/disk exploded|secret words|at /);
    expect(logError).toHaveBeenCalledOnce();
    expect(JSON.stringify(logError.mock.calls)).not.toMatch(/secret words/);
  });

  it('reports a full disk as such', async () => {
    const full = {
      'journal.create': () => {
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    } as unknown as Handlers;
    const route = createRouter(full, { readOnlyReason: () => null });
    expect(await route('journal.create', { entryDate: '2026-11-26' })).toMatchObject({ ok: false, error: { code: 'disk_full' } });
  });

  it('says the archive was busy, not that something went wrong, when another connection held it too long', async () => {
    const { core, dataDir, send } = await openTestCore();
    core.archive.sqlite.pragma('busy_timeout = 20');
    const other = new SqliteDatabase(path.join(dataDir, 'ladder.sqlite3'));
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = await send('journal.create', { title: 'Waiting', entryDate: '2026-11-26' });
      expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(!result.ok && result.error.message).toMatch(/busy with another task/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await send('journal.create', { title: 'Saved', entryDate: '2026-11-26' })).toMatchObject({ ok: true });
  });
});
