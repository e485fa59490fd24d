import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { finish } from '../support/transfer';

/** Far-off days (a year typed wrong) and the one name an untitled quick capture goes by. */

describe('an entry’s date', () => {
  it('refuses a year before 1900 or after 2100, naming the field, and writes nothing', async () => {
    const { send, call } = await openTestCore();
    for (const entryDate of ['2999-12-31', '1899-12-31', '0202-11-26']) {
      const result = await send('journal.create', { body: 'From the far future', entryDate });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', field: 'entryDate', message: 'An entry’s date must fall between 1900 and 2100: is the year right?' } });
    }
    expect((await call('journal.list', {})).entries).toHaveLength(0);

    const edge = await call('journal.create', { body: 'The last day allowed', entryDate: '2100-12-31' });
    await call('journal.create', { body: 'The first day allowed', entryDate: '1900-01-01' });
    const moved = await send('journal.update', { id: edge.id, entryDate: '2999-12-31' });
    expect(moved).toMatchObject({ ok: false, error: { code: 'validation', field: 'entryDate' } });
    expect((await call('journal.get', { id: edge.id })).entryDate).toBe('2100-12-31');
  });

  it('never shows a day still ahead as the ladder’s last activity', async () => {
    const { call } = await openTestCore();
    await call('journal.create', { body: 'Planned far ahead', entryDate: '2099-06-01' });
    await call('journal.create', { body: 'Today’s words', entryDate: '2026-11-20' });
    await call('journal.create', { body: 'About a dyad, ahead', entryDate: '2080-01-01', rung: 'dyads' });
    await call('journal.create', { body: 'About a crew, ahead', entryDate: '2080-01-01', rung: 'crews' });
    const summary = await call('ladder.summary', { today: '2026-11-26' });
    expect(summary.lastActivity.self).toBe('2026-11-20');
    expect(summary.lastActivity.dyads).toBeNull();
    expect(summary.lastActivity.crews).toBeNull();
  });
});

describe('an untitled quick capture', () => {
  async function seed(test: TestCore) {
    await test.call('journal.create', { kind: 'quick_capture', rung: 'self', body: 'Anxious about the reply', entryDate: '2026-11-27' });
    await test.call('journal.create', { body: 'Anxious, and writing it out', entryDate: '2026-11-26' });
    await test.call('journal.create', { kind: 'protector_reflection', body: 'The anxious one keeps watch', entryDate: '2026-11-25' });
  }

  it('is "Quick capture" in search, as in the journal (a plain untitled entry gets no such name)', async () => {
    const test = await openTestCore();
    await seed(test);
    const results = await test.call('search.query', { text: 'anxious' });
    const entries = results.groups.find((group) => group.kind === 'entry');
    const byDay = (entries?.hits ?? []).map((hit): [string | null, string] => [hit.day, hit.untitled ?? '(no name)']);
    expect(byDay.sort()).toEqual([
      ['2026-11-25', 'Protector reflection'],
      ['2026-11-26', '(no name)'],
      ['2026-11-27', 'Quick capture'],
    ]);
  });

  it('is "Quick capture" in the Markdown export’s file name too', async () => {
    const test = await openTestCore();
    await seed(test);
    const folder = makeTempDir();
    try {
      const { jobId } = await test.call('transfer.exportStart', { folder: folder.dir });
      const status = await finish(test, jobId);
      if (status.state !== 'done' || status.result?.kind !== 'export') throw new Error(`export ${status.state}`);
      const files = readdirSync(folder.dir, { recursive: true }).map(String);
      const journal = files.filter((file) => file.includes('journal') && file.endsWith('.md')).map((file) => file.split(/[\\/]/).pop());
      expect(journal.sort()).toEqual(['2026-11-25 Protector reflection.md', '2026-11-26 Untitled.md', '2026-11-27 Quick capture.md']);
    } finally {
      folder.remove();
    }
  });
});
