import { mkdtempSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Core, createCore } from '../../../electron/core';
import { forkScript, nextMessage } from '../child';
import type { JobStatus } from '../../../shared/domain/jobs';
import { startIdleBaseline } from '../idle-baseline';
import { type Call, caller, type ProcessFigures } from '../probes';
import { figure, type Result } from '../report';
import { elapsedMs } from '../timing';
import type { MeasureContext, Scenario } from './types';

/**
 * Export (Markdown and JSON) and import of that JSON into an empty archive, run as the app runs
 * them: as jobs, with the UI asking for their progress. Reported: how long each took, its
 * throughput, and the longest time the main thread was blocked meanwhile (Node's event-loop
 * delay histogram), which must stay under one frame for the window to stay responsive.
 */
const frameMs = 16;
const pollMs = 50;

async function runJob(call: Call, start: () => Promise<{ jobId: string }>) {
  const baseline = await startIdleBaseline();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const started = process.hrtime.bigint();
  const { jobId } = await start();
  let status: JobStatus;
  let polls = 0;
  let peakRss = process.memoryUsage.rss();
  for (;;) {
    await sleep(pollMs);
    polls += 1;
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    status = await call('jobs.status', { id: jobId });
    if (status.state !== 'running') break;
  }
  const ms = elapsedMs(started);
  delay.disable();
  const idle = await baseline.stop();
  if (status.state !== 'done') throw new Error(`The ${status.kind} job ended ${status.state}: ${status.error?.message ?? ''}`);
  // The histogram counts from the expected wake-up, so its max is the longest block beyond the timer's own 1 ms.
  return { status, ms, blockedMs: delay.max / 1e6, p99BlockedMs: delay.percentile(99) / 1e6, polls, idle, peakMb: peakRss / 1024 / 1024 };
}

function blockNote(job: Awaited<ReturnType<typeof runJob>>) {
  return `p99 ${job.p99BlockedMs.toFixed(1)} ms; process memory up to ${job.peakMb.toFixed(0)} MB; an idle process meanwhile: longest pause ${job.idle.maxMs.toFixed(1)} ms (p99 ${job.idle.p99Ms.toFixed(1)})`;
}

/**
 * The longest block, judged against a frame. This machine pauses an idle process now and then
 * for longer than a frame too (a virtual machine's neighbours; 15-25 ms seen): a block no longer
 * than the idle process's longest meanwhile cannot be told from that, and is not the job's.
 */
function blockFigure(id: string, label: string, job: Awaited<ReturnType<typeof runJob>>): Result {
  const result = figure(id, label, 'ms', job.blockedMs, frameMs, blockNote(job));
  if (result.status !== 'miss' || job.blockedMs > job.idle.maxMs) return result;
  return { ...result, status: 'pass', note: `no longer than the idle process's own longest pause; ${blockNote(job)}` };
}

function rowsOf(counts: Record<string, number>) {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** What the jobs' process offers: its archive, a tracked core on it, and its memory sampler. */
export interface TransferContext {
  dataDir: string;
  openCore: () => Promise<Core>;
  sample: () => void;
}

/** Runs in the jobs' own process (transfer-process.ts). */
export async function measureTransfer(context: TransferContext): Promise<Result[]> {
  const scratch = mkdtempSync(path.join(path.dirname(context.dataDir), 'ladder-bench-transfer-'));
  const results: Result[] = [];
  try {
    const source = await context.openCore();
    let jsonFile = '';
    try {
      const call = caller(source);
      const out = await runJob(call, () => call('transfer.exportStart', { folder: path.join(scratch, 'exports') }));
      context.sample();
      const done = out.status.result?.kind === 'export' ? out.status.result.export : null;
      if (!done) throw new Error('The export job finished without a result.');
      jsonFile = done.jsonFile;
      const rows = rowsOf(done.rows);
      const megabytes = statSync(jsonFile).size / 1024 / 1024;
      const note = `${rows.toLocaleString('en')} rows (${(rows / (out.ms / 1000)).toFixed(0)}/s), ${done.markdownFiles.toLocaleString('en')} Markdown files, JSON ${megabytes.toFixed(0)} MB`;
      results.push(
        { ...figure('transfer.export', 'export Markdown + JSON (job), total time', 'ms', out.ms, undefined, note), detail: { polls: out.polls } },
        blockFigure('transfer.export.blocked', 'export: longest main-thread block', out),
      );
    } finally {
      await source.close();
    }

    // Into an empty archive, as someone moving to a new computer would.
    const target = await createCore({ dataDir: path.join(scratch, 'empty'), version: 'bench', automaticBackups: false });
    try {
      const call = caller(target);
      const imported = await runJob(call, () => call('transfer.importStart', { format: 'ladder-json', path: jsonFile, dryRun: false }));
      context.sample();
      const summary = imported.status.result?.kind === 'import' ? imported.status.result.import : null;
      if (!summary) throw new Error('The import job finished without a result.');
      const rows = Object.values(summary.tables).reduce((sum, table) => sum + table.new, 0);
      results.push(
        figure('transfer.import', 'import that JSON into an empty archive (job), total time', 'ms', imported.ms, undefined, `${rows.toLocaleString('en')} rows added (${(rows / (imported.ms / 1000)).toFixed(0)}/s)`),
        blockFigure('transfer.import.blocked', 'import: longest main-thread block', imported),
      );
    } finally {
      await target.close();
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The jobs run in a process of their own holding one core, as the desktop app's main process
 * does: in the measuring process they ran on top of what the earlier scenarios left behind
 * (~60 MB after the archive scenario's back-to-back opens and migrations), which no person's
 * Ladder holds when they import.
 */
async function measure(context: MeasureContext): Promise<Result[]> {
  const child = forkScript('transfer-process.ts', [context.dataDir]);
  const answer = await nextMessage<TransferMessage>(child, 'the transfer jobs process');
  if (answer.type === 'error') throw new Error(`The transfer jobs process failed: ${answer.message}`);
  context.recordProcess(answer.figures);
  return answer.results;
}

export type TransferMessage = { type: 'done'; results: Result[]; figures: ProcessFigures } | { type: 'error'; message: string };

export const transferScenario: Scenario = { name: 'transfer', coreElsewhere: true, measure };
