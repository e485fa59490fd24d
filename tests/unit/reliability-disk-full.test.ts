import { describe, expect, it, onTestFinished } from 'vitest';
import { diskFullTrial } from '../reliability/disk-full';
import { spaceKind } from '../reliability/limited-space';
import { describeReports } from '../reliability/trial';

// The small version of `npm run torture`'s disk-full trial (issue #10): a tiny filesystem fills
// mid-session. The editor's side (the text stays and saves later) is in
// tests/component/reliability-disk-full.test.tsx.
describe('reliability: disk full', () => {
  it(`refuses the write that meets a full disk as disk_full, keeps every earlier record, and saves once there is room (${spaceKind()})`, async () => {
    const reports = await diskFullTrial.run(diskFullTrial.sizes.small, { seed: 20261127 });
    for (const report of reports) {
      expect(report.runs).toBe(diskFullTrial.sizes.small.fills);
      expect({ failures: report.failures, recordsLost: report.recordsLost }, describeReports([report])).toEqual({ failures: 0, recordsLost: 0 });
    }
  }, 30_000);

  it('falls back to max_page_count where no filesystem can be mounted, and says so', async () => {
    const before = process.env.LADDER_DISK_FULL;
    process.env.LADDER_DISK_FULL = 'page-count';
    onTestFinished(() => {
      if (before === undefined) delete process.env.LADDER_DISK_FULL;
      else process.env.LADDER_DISK_FULL = before;
    });
    const [report] = await diskFullTrial.run({ ...diskFullTrial.sizes.small, fills: 2 }, { seed: 7 });
    expect(report?.trial).toBe('disk full (max_page_count)');
    expect(report?.notes.join('\n')).toMatch(/could not mount a filesystem here, so ran with PRAGMA max_page_count/);
    expect({ failures: report?.failures, recordsLost: report?.recordsLost }, describeReports(report ? [report] : [])).toEqual({ failures: 0, recordsLost: 0 });
  }, 30_000);
});
