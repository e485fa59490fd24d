import { describe, expect, it } from 'vitest';
import { soakTrial } from '../reliability/soak';
import { describeReports } from '../reliability/trial';

// The small version of `npm run torture`'s soak (issue #10): simulated use, with the write-ahead
// log, memory and the file checked along the way.
describe('reliability: soak', () => {
  it('keeps the log bounded, memory level and every last saved version', async () => {
    const reports = await soakTrial.run(soakTrial.sizes.small, { seed: 20261126 });
    for (const report of reports) {
      expect({ failures: report.failures, recordsLost: report.recordsLost }, describeReports([report])).toEqual({ failures: 0, recordsLost: 0 });
    }
  }, 30_000);
});
