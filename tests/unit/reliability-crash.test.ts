import { describe, expect, it } from 'vitest';
import { checkArchive, crashTrial, type KnownRecord } from '../reliability/crash';
import { recordText } from '../reliability/records';
import { describeReports } from '../reliability/trial';
import { openTestCore } from '../support/core';

// The small version of `npm run torture`'s crash trial (issue #10): a few SIGKILLs mid-write.
describe('reliability: crash during writes', () => {
  it('keeps every acknowledged record, whole, through SIGKILLs at random moments', async () => {
    const reports = await crashTrial.run(crashTrial.sizes.small, { seed: 20261126 });
    for (const report of reports) {
      expect(report.runs).toBe(crashTrial.sizes.small.kills);
      expect({ failures: report.failures, recordsLost: report.recordsLost }, describeReports([report])).toEqual({ failures: 0, recordsLost: 0 });
    }
  }, 30_000);

  it('notices a missing, an out-of-date and a torn record', async () => {
    const { call, core, dataDir } = await openTestCore();
    const save = (number: number, version: number) => call('journal.create', { ...recordText(number, version, 'some words'), entryDate: '2026-11-26' });
    const whole = await save(1, 1);
    const stale = await save(2, 1);
    const torn = await save(3, 1);
    core.archive.sqlite.prepare('UPDATE entry SET body = substr(body, 1, 20) WHERE id = ?').run(torn.id);

    const records = new Map<number, KnownRecord>([
      [1, { id: whole.id, acked: 1, seen: 0 }],
      [2, { id: stale.id, acked: 2, seen: 0 }],
      [3, { id: torn.id, acked: 1, seen: 0 }],
      [4, { id: '01890000-0000-7000-8000-000000000004', acked: 1, seen: 0 }],
    ]);
    const outcome = await checkArchive({ dataDir, root: dataDir, remove: () => {}, records, writers: 0 });
    expect(outcome.lost).toBe(3);
    expect(outcome.problems.join('\n')).toMatch(/torn record/);
    expect(outcome.problems.join('\n')).toMatch(/record 2 is at v1, but v2 was acknowledged/);
    expect(outcome.problems.join('\n')).toMatch(/record 4 .* is missing/);
  });
});
