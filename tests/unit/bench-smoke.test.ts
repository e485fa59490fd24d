import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { archivePath } from '../../electron/core';
import { runBench } from '../bench/bench';
import { bundleBench, bundleDirVariable, defaultBundleDir } from '../bench/bundle';
import { generateArchive } from '../bench/generate';
import { type BenchReport, formatTable, writeReport } from '../bench/report';
import { journalScenario } from '../bench/scenarios/journal';
import { makeTempDir } from '../support/temp-dir';

/**
 * Keeps `npm run bench` from rotting: a small run of its generator and every scenario, checked
 * for shape only. Timings here mean nothing; performance claims come from `npm run bench`.
 */

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-bench-smoke-');
  temps.push(temp.remove);
  return temp.dir;
}

const expectedIds = [
  'archive.open',
  'archive.open-migrate',
  'archive.open-migrate-copy',
  'archive.open-migrate-worker',
  'archive.open-rebuild.blocked',
  'archive.open-scan.blocked',
  'journal.list.first',
  'journal.list.deep',
  'journal.update',
  'journal.update.normal',
  'journal.create',
  'journal.create.normal',
  'ladder.summary',
  'people.timeline',
  'people.timeline.seldom',
  'crews.prep',
  'checkins.create',
  'search.common',
  'search.rare',
  'search.prefix',
  'search.phrase',
  'desktop.save',
  'desktop.read',
  'desktop.main-thread-held',
  'transfer.export',
  'transfer.export.blocked',
  'transfer.import',
  'transfer.import.blocked',
  'browser.journal-painted',
  'browser.journal-painted.kept-profile',
  'browser.journal-painted.from-ladder',
  'browser.scroll',
  'core.peak-rss',
  'core.longest-request',
  'core.longest-request-cpu',
];

/** What a generated journal holds, without ids (their low bits are random by design). */
async function journalContent(seed: number) {
  const dataDir = tempDir();
  await generateArchive({ dataDir, entries: 300, seed, scenarios: [journalScenario], log: () => {} });
  const db = new SqliteDatabase(archivePath(dataDir), { readonly: true });
  const rows = db.prepare('SELECT title, body, entry_date, created_at, deleted_at IS NOT NULL AS deleted FROM entry ORDER BY created_at').all();
  db.close();
  return rows;
}

describe('the benchmark, in a small smoke run', () => {
  it('measures every scenario and writes a report of the expected shape', async () => {
    const report = await runBench({ entries: 1_000, seed: 7, browser: false, reps: 3, isolateGeneration: false });

    expect(report.archive.counts).toEqual({
      entries: 1_000,
      'deleted entries': 10,
      people: 20,
      dyads: 2,
      'check-ins': 200,
      crews: 2,
      meetings: 100,
    });
    expect(report.archive.bytes).toBeGreaterThan(0);
    expect(report.results.map((result) => result.id)).toEqual(expectedIds);
    for (const result of report.results) {
      if (result.id.startsWith('browser.')) {
        expect(result).toMatchObject({ status: 'skipped', note: '--no-browser', stats: null, value: null });
        continue;
      }
      expect(['pass', 'miss', 'info'], result.id).toContain(result.status);
      if (result.stats) {
        expect(result.stats.samples, result.id).toBe(3);
        for (const figure of [result.stats.median, result.stats.p95, result.stats.max]) expect(figure, result.id).toBeGreaterThan(0);
        expect(result.stats.median, result.id).toBeLessThanOrEqual(result.stats.p95);
        expect(result.stats.p95, result.id).toBeLessThanOrEqual(result.stats.max);
      } else {
        expect(result.value, result.id).toBeGreaterThan(0);
      }
    }
    // The desktop arrangement and the jobs ran in processes of their own; their memory counts, beside this one's.
    expect(report.results.find((result) => result.id === 'core.peak-rss')?.note).toMatch(/^bench process: \d+ → \d+ MB; desktop process: \d+ → \d+ MB; transfer jobs process: \d+ → \d+ MB$/);
    expect(report.results.find((result) => result.id === 'core.longest-request')?.note).toMatch(/^[a-z]+\.\w+( \(first of its kind\))? in (bench process|transfer jobs process), cpu [\d.]+ ms, waiting for a free core [\d.]+ ms; [\d,]+ requests$/);
    expect(report.results.find((result) => result.id === 'core.longest-request-cpu')?.note).toMatch(/^[a-z]+\.\w+( \(first of its kind\))? in (bench process|transfer jobs process), [\d.]+ ms wall, waiting for a free core [\d.]+ ms; most in [a-z(].+ \([\d.]+ ms\)$/i);

    const file = path.join(tempDir(), 'results', 'bench.json');
    writeReport(report, file);
    const written = JSON.parse(readFileSync(file, 'utf8')) as BenchReport;
    expect(written).toEqual(report);
    expect(written).toMatchObject({ version: 1, options: { entries: 1_000, seed: 7, browser: false, reps: 3 } });
    expect(Number.isNaN(Date.parse(written.startedAt))).toBe(false);
    expect(written.machine.cpus).toBeGreaterThan(0);

    const table = formatTable(report);
    for (const result of report.results) expect(table).toContain(result.label);
  }, 120_000);

  it('runs as `npm run bench` runs it: bundled, in plain Node, forking the bundled generator and starting the core’s thread', async () => {
    const bundleDir = await bundleBench(`${defaultBundleDir}-smoke-${process.pid}`);
    temps.push(() => rmSync(bundleDir, { recursive: true, force: true }));
    const out = path.join(tempDir(), 'bench.json');
    const args = ['--entries', '200', '--no-browser', '--reps', '1', '--only', 'journal,desktop', '--out', out];
    await promisify(execFile)(process.execPath, [path.join(bundleDir, 'run.mjs'), ...args], { env: { ...process.env, [bundleDirVariable]: bundleDir } });
    const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
    expect(report.archive.counts.entries).toBe(200);
    expect(report.results.find((result) => result.id === 'journal.list.first')?.stats?.samples).toBe(1);
    expect(report.results.find((result) => result.id === 'core.peak-rss')?.value).toBeGreaterThan(0);
    // The core's thread ran from its own bundle, as the desktop app runs it.
    expect(report.results.find((result) => result.id === 'desktop.save')?.stats?.samples).toBe(1);
  }, 60_000);

  it('generates the same journal from the same seed, and another from another', async () => {
    const first = await journalContent(3);
    expect(first).toHaveLength(303);
    expect(await journalContent(3)).toEqual(first);
    expect(await journalContent(4)).not.toEqual(first);
  }, 60_000);
});
