import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeFailure } from '../../electron/core/log';
import { openTestCore } from '../support/core';

afterEach(() => vi.restoreAllMocks());

describe('the failure log', () => {
  it('names the kind of error and where it happened, never its message', () => {
    const error = Object.assign(new Error('UNIQUE failed: entry.title = "my secret diary line"'), { code: 'SQLITE_CONSTRAINT' });
    const line = describeFailure(error);
    expect(line).toMatch(/^Error \(SQLITE_CONSTRAINT\)/);
    expect(line).toMatch(/at .*log\.test\.ts/);
    expect(line).not.toContain('secret');
  });

  it('keeps what a user wrote out of the log when a request fails unexpectedly', async () => {
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    const { core, call, send } = await openTestCore();
    const created = await call('journal.create', { title: 'Private words', body: 'what only I should read', entryDate: '2026-11-26' });
    // Break the table under the core so the next save fails inside SQLite, quoting nothing back.
    core.archive.sqlite.exec(
      "CREATE TRIGGER refuse BEFORE UPDATE ON entry BEGIN SELECT RAISE(ABORT, 'refused: ' || NEW.body); END;",
    );
    const result = await send('journal.update', { id: created.id, body: 'a second private thought' });
    expect(result.ok).toBe(false);
    expect(printed.join('\n')).toContain('request journal.update failed');
    expect(printed.join('\n')).not.toContain('private thought');
  });
});
