import { describe, expect, it } from 'vitest';
import { damagedTrial, damageKinds } from '../reliability/damaged';
import { describeReports } from '../reliability/trial';

// The small version of `npm run torture`'s damaged-file trial (issue #10): seeded random damage,
// the damaged state or read-only, the file never changed, and the restore of the newest good backup;
// a stray log from another database is set aside and the archive opens with nothing lost.

describe('reliability: damaged files at start', () => {
  it('reports each damage plainly, never changes the damaged file, and restores everything in the backup', async () => {
    const kinds = damageKinds;
    const reports = await damagedTrial.run({ runs: kinds.length * 2, kinds }, { seed: 20261127 });
    expect(reports.map((r) => r.runs)).toEqual(kinds.map(() => 2));
    for (const report of reports) {
      expect({ failures: report.failures, recordsLost: report.recordsLost }, describeReports([report])).toEqual({ failures: 0, recordsLost: 0 });
    }
  }, 60_000);
});
