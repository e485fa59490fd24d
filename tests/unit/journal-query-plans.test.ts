import { describe, expect, it } from 'vitest';
import { openTestCore } from '../support/core';

/**
 * Every list the Self rung reads must be served by an index, so it stays instant at 100,000
 * entries: we record the SQL each request runs and ask SQLite how it would run it.
 */
describe('query plans of the Self rung', () => {
  it('never scan a whole table of entries, links or checks', async () => {
    const { core, call } = await openTestCore();
    const sqlite = core.archive.sqlite;
    const part = await call('parts.create', { name: 'Critic' });
    await call('journal.create', { entryDate: '2025-11-26', tags: ['x'], partIds: [part.id], selfEnergy: { calm: 2 } });
    const [prompt] = await call('prompts.list', { rung: 'self' });

    const seen = new Set<string>();
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      if (/^select/i.test(source)) seen.add(source);
      return prepare(source);
    });

    await call('journal.list', { partId: part.id });
    await call('journal.list', { tag: 'x' });
    await call('journal.list', { rung: 'crews' });
    await call('journal.list', { promptId: prompt?.id });
    await call('journal.list', { from: '2026-01-01', to: '2026-02-01' });
    await call('parts.appearances', { partId: part.id });
    await call('journal.onThisDay', { date: '2026-11-26' });
    await call('journal.tags', {});
    await call('selfEnergy.weekly', { from: '2026-01-01', to: '2026-11-01' });
    sqlite.prepare = prepare;

    const bareScans: string[] = [];
    for (const source of seen) {
      const params = (source.match(/\?/g) ?? []).map(() => 'x');
      const plan = (prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[]).map((row) => row.detail);
      for (const step of plan) {
        if (/^SCAN (entry|entry_part|entry_tag|self_energy)\b/.test(step) && !/USING (COVERING )?INDEX/.test(step)) bareScans.push(`${step}  ←  ${source}`);
      }
    }
    expect(seen.size).toBeGreaterThan(8);
    expect(bareScans).toEqual([]);
  });
});
