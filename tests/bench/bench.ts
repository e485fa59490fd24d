import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../electron/core/clock';
import { createCore } from '../../electron/core';
import { makeTempDir } from '../support/temp-dir';
import { forkScript, nextMessage } from './child';
import { syncFilesIn } from './disk';
import { type GeneratedArchive, generateArchive, measuringStarts, scenarioSeed } from './generate';
import { memorySampler, type ProcessFigures, processFigures, requestTimer, type SlowRequest } from './probes';
import { createRandom } from './random';
import { type BenchReport, figure, machineInfo, type Result } from './report';
import { scenarios } from './scenarios';
import type { MeasureContext } from './scenarios/types';
import { repeat } from './timing';

export interface BenchOptions {
  entries: number;
  seed: number;
  browser: boolean;
  /** Replaces every scenario's repetition count (warm-up becomes 1); for smoke runs. */
  reps?: number;
  /** Generates in a child process (the default), so generation leaves no garbage here. */
  isolateGeneration?: boolean;
  /** Keeps the generated archive instead of deleting it, for a look with EXPLAIN. */
  keep?: boolean;
  /** A folder kept by an earlier `keep` run: its archive is copied and measured instead of generating one. */
  from?: string;
  /** Measures only these scenarios (by name); the others' data is still in the archive. */
  only?: string[];
  log?: (line: string) => void;
}

/** Beside a kept archive: what the generator made, so `from` can report it without generating. */
const generatedFile = 'bench-generated.json';

async function generate(dataDir: string, options: BenchOptions, log: (line: string) => void): Promise<GeneratedArchive> {
  if (options.isolateGeneration === false) {
    return generateArchive({ dataDir, entries: options.entries, seed: options.seed, scenarios, log });
  }
  const child = forkScript('generate-process.ts', [dataDir, String(options.entries), String(options.seed)]);
  return nextMessage<GeneratedArchive>(child, 'the generator');
}

/** Past this, a measurement stops repeating (after at least 5 runs); the table shows the count. */
const budgetPerMeasurementMs = 30_000;

/** The last two lines: the worst of every process that held a core. */
function processResults(processes: ProcessFigures[], peakAfter: Record<string, number>): Result[] {
  const byMemory = processes.reduce((a, b) => (b.peakMb > a.peakMb ? b : a));
  const slowest = processes
    .flatMap((p) => p.slowest.map((request) => ({ ...request, process: p.label })))
    .sort((a, b) => b.ms - a.ms);
  const none = { name: 'none', ms: 0, cpuMs: 0, first: false, waitedForCpuMs: null, topStatement: null, gcMs: 0, startedAt: 0, endedAt: 0, process: 'none' };
  const waited = (request: SlowRequest) => (request.waitedForCpuMs === null ? '' : `, waiting for a free core ${request.waitedForCpuMs.toFixed(1)} ms`);
  const collecting = (request: SlowRequest) => (request.gcMs >= 0.5 ? `, collecting garbage ${request.gcMs.toFixed(1)} ms` : '');
  const longest = slowest[0] ?? none;
  const busiest = processes.flatMap((p) => p.busiest.map((request) => ({ ...request, process: p.label }))).sort((a, b) => b.cpuMs - a.cpuMs);
  const hardest = busiest[0] ?? none;
  const requests = processes.reduce((sum, p) => sum + p.requests, 0);
  return [
    {
      ...figure(
        'core.peak-rss',
        'core peak memory (process RSS)',
        'MB',
        byMemory.peakMb,
        200,
        processes.map((p) => `${p.label}: ${p.startMb.toFixed(0)} → ${p.peakMb.toFixed(0)} MB`).join('; '),
      ),
      detail: { benchProcessPeakMbAfter: peakAfter },
    },
    {
      // Reported, not judged: wall time counts waiting as well as working, for the disk (a save's
      // commit) and, in the browser host, for Chromium to let go of a core. What the window
      // feels is the desktop scenario's main-thread line; what a request costs, the next line.
      ...figure(
        'core.longest-request',
        'longest single request in a core’s thread, waits included',
        'ms',
        longest.ms,
        undefined,
        `${longest.name}${longest.first ? ' (first of its kind)' : ''} in ${longest.process}, cpu ${longest.cpuMs.toFixed(1)} ms${waited(longest)}${collecting(longest)}; ` +
          `${requests.toLocaleString('en')} requests`,
      ),
      detail: { slowest },
    },
    {
      ...figure(
        'core.longest-request-cpu',
        'longest single request, a core’s thread working',
        'ms',
        hardest.cpuMs,
        16,
        `${hardest.name}${hardest.first ? ' (first of its kind)' : ''} in ${hardest.process}, ${hardest.ms.toFixed(1)} ms wall${waited(hardest)}${collecting(hardest)}` +
          (hardest.topStatement ? `; most in ${hardest.topStatement.sql} (${hardest.topStatement.ms.toFixed(1)} ms)` : ''),
      ),
      detail: { busiest },
    },
  ];
}

/** Generates an archive in a temporary folder, measures every scenario on it, and reports. */
export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0] ?? 0;
  const log = options.log ?? (() => {});
  const temp = makeTempDir('ladder-bench-');
  try {
    let archive: GeneratedArchive;
    if (options.from !== undefined) {
      const described = path.join(options.from, generatedFile);
      if (!existsSync(described)) throw new Error(`${options.from} holds no archive kept by the benchmark (no ${generatedFile}).`);
      cpSync(options.from, temp.dir, { recursive: true });
      const kept = JSON.parse(readFileSync(described, 'utf8')) as { archive: GeneratedArchive; entries: number; seed: number };
      archive = kept.archive;
      // The scenarios' measuring streams and deep pages follow the kept archive, not the command line.
      options = { ...options, entries: kept.entries, seed: kept.seed };
      log(`Measuring a copy of the archive kept in ${options.from} (${kept.entries.toLocaleString('en')} entries, seed ${kept.seed})`);
    } else {
      log(`Generating ${options.entries.toLocaleString('en')} entries (seed ${options.seed}) in ${temp.dir}`);
      archive = await generate(temp.dir, options, log);
      log(`Generated in ${(archive.generationMs / 1000).toFixed(1)} s, ${(archive.bytes / 1024 / 1024).toFixed(1)} MB`);
      if (options.keep) writeFileSync(path.join(temp.dir, generatedFile), JSON.stringify({ archive, entries: options.entries, seed: options.seed }));
    }

    syncFilesIn(temp.dir);

    const requests = requestTimer();
    const memory = memorySampler();
    const processes: ProcessFigures[] = [];
    // One clock for every measuring core, so reopening never goes back in time.
    const clock = fixedClock(measuringStarts);
    const reps = (counts: { warmup: number; reps: number }) =>
      options.reps === undefined ? counts : { warmup: Math.min(1, counts.warmup), reps: options.reps };
    const results: Result[] = [];
    /** This process's peak so far after each scenario: which one raised it. */
    const peakAfter: Record<string, number> = {};
    // Scenarios whose core runs elsewhere go last, after this process's sampling has stopped:
    // what this process holds from then on (Playwright's client) is not the core's memory.
    const chosen = scenarios.filter((each) => options.only === undefined || options.only.includes(each.name));
    const ordered = [...chosen.filter((each) => !each.coreElsewhere), ...chosen.filter((each) => each.coreElsewhere)];
    memory.start();
    for (const scenario of ordered) {
      if (scenario.coreElsewhere) memory.stop();
      log(`Measuring ${scenario.name}`);
      const context: MeasureContext = {
        dataDir: temp.dir,
        entries: options.entries,
        random: createRandom(scenarioSeed(options.seed, `${scenario.name}:measure`)),
        browser: options.browser,
        openCore: async () => requests.track(await createCore({ dataDir: temp.dir, clock, version: 'bench' })),
        recordProcess: (figures) => processes.push(figures),
        time: (run, counts) => repeat(run, { budgetMs: budgetPerMeasurementMs, ...counts, ...reps(counts), after: memory.sample }),
        reps,
        sample: memory.sample,
        log,
      };
      results.push(...(await scenario.measure(context)));
      if (!scenario.coreElsewhere) peakAfter[scenario.name] = Math.round(memory.peakMb());
    }
    memory.stop();
    processes.unshift(processFigures('bench process', memory, requests));
    results.push(...processResults(processes, peakAfter));

    return {
      version: 1,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine: machineInfo(loadAtStart),
      options: { entries: options.entries, seed: options.seed, browser: options.browser, reps: options.reps ?? null },
      archive,
      results,
    };
  } finally {
    if (options.keep) log(`Kept the archive in ${temp.dir}`);
    else temp.remove();
  }
}
