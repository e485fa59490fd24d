import { describe, expect, it } from 'vitest';
import { backupDrillTrial } from '../reliability/backup-drill';
import { describeReports } from '../reliability/trial';

// The small version of `npm run torture`'s backup drill (issue #10): the archive is lost, the newest
// backup and then an older one are restored through the app's own requests, partial copies left by a
// crash during a backup are never offered or restored.
describe('reliability: backup drill', () => {
  it('brings back exactly what each backup held, and never a partial copy', async () => {
    const reports = await backupDrillTrial.run(backupDrillTrial.sizes.small, { seed: 20261127 });
    for (const report of reports) {
      expect(report.runs).toBe(backupDrillTrial.sizes.small.drills);
      expect({ failures: report.failures, recordsLost: report.recordsLost }, describeReports([report])).toEqual({ failures: 0, recordsLost: 0 });
    }
  }, 60_000);
});
