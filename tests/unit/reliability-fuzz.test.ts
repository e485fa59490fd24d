import { beforeAll, describe, expect, it } from 'vitest';
import { archivePath, type Core } from '../../electron/core';
import { CommitWatch, Fuzzer, fuzzTrial } from '../reliability/fuzz';
import { describeReports, type TrialReport } from '../reliability/trial';
import { openTestCore } from '../support/core';

// The small version of `npm run torture`'s fuzz trial (issue #10): every request of the contract,
// hostile and valid-shaped input, and hostile request names.
describe('reliability: fuzzed requests', () => {
  let reports: TrialReport[] = [];

  beforeAll(async () => {
    reports = await fuzzTrial.run(fuzzTrial.sizes.small, { seed: 20261126 });
  }, 30_000);

  const row = (prefix: string) => {
    const report = reports.find((r) => r.trial.startsWith(prefix));
    if (!report) throw new Error(`no report for ${prefix}`);
    return report;
  };
  const clean = (report: TrialReport) => expect({ failures: report.failures, recordsLost: report.recordsLost }, describeReports([report])).toEqual({ failures: 0, recordsLost: 0 });

  it('answers hostile input to every request with a plain refusal that changes nothing', () => {
    const report = row('fuzz: hostile input');
    // Each request gets its runs: a probe that throws must not end the fuzzing silently.
    expect(report.runs).toBeGreaterThanOrEqual(fuzzTrial.sizes.small.runsPerRequest * 100);
    clean(report);
  });

  it('answers valid-shaped input with what it stored', () => {
    const report = row('fuzz: valid-shaped');
    expect(report.runs).toBeGreaterThan(0);
    clean(report);
  });

  it('answers hostile request names with unknown_request', () => {
    clean(row('fuzz: hostile request names'));
  });

  it('notices a refusal that wrote, showed its stack and polluted Object.prototype', async () => {
    const { core, dataDir } = await openTestCore();
    const broken: Core = {
      ...core,
      handle: async (name, input) => {
        if (name !== 'journal.list') return core.handle(name, input);
        await core.handle('journal.create', { entryDate: '2026-11-26' });
        (Object.prototype as Record<string, unknown>).polluted = true;
        return { ok: false, error: { code: 'internal', message: new Error('boom').stack ?? 'boom' } };
      },
    };
    const commits = new CommitWatch(broken, archivePath(dataDir));
    try {
      const { problems } = await new Fuzzer(broken, [], commits).probe('hostile', 'journal.list', {});
      expect(problems.map(([kind]) => kind)).toEqual(
        expect.arrayContaining([
          'journal.list: internal error',
          'journal.list: message shows internals',
          'journal.list: a refused request changed the archive',
          'journal.list: Object.prototype was polluted',
        ]),
      );
    } finally {
      commits.close();
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
