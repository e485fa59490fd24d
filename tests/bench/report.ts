import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Stats } from './timing';

/** One line of the benchmark: a repeated timing (`stats`) or a single figure (`value`). */
export interface Result {
  id: string;
  label: string;
  unit: 'ms' | 'MB' | 'frames';
  stats: Stats | null;
  value: number | null;
  /** Timings are judged on their p95, single figures on themselves. */
  target: { max: number } | null;
  status: 'pass' | 'miss' | 'info' | 'skipped';
  /** A short remark for the table. */
  note?: string;
  /** Figures behind the line, for the JSON only. */
  detail?: Record<string, unknown>;
}

export interface BenchReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  machine: {
    node: string;
    platform: string;
    arch: string;
    cpus: number;
    cpuModel: string;
    memoryMb: number;
    /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
    load: { start: number; end: number };
  };
  options: { entries: number; seed: number; browser: boolean; reps: number | null };
  /** Row counts come from each scenario's generator (`entries`, `deletedEntries`, …). */
  archive: { bytes: number; generationMs: number; counts: Record<string, number> };
  results: Result[];
}

function judge(measured: number, target: number | undefined): Result['status'] {
  if (target === undefined) return 'info';
  return measured <= target ? 'pass' : 'miss';
}

export function timed(id: string, label: string, stats: Stats, targetMs?: number, note?: string): Result {
  return {
    id,
    label,
    unit: 'ms',
    stats,
    value: null,
    target: targetMs === undefined ? null : { max: targetMs },
    status: judge(stats.p95, targetMs),
    ...(note === undefined ? {} : { note }),
  };
}

export function figure(id: string, label: string, unit: Result['unit'], value: number, target?: number, note?: string): Result {
  return {
    id,
    label,
    unit,
    stats: null,
    value,
    target: target === undefined ? null : { max: target },
    status: judge(value, target),
    ...(note === undefined ? {} : { note }),
  };
}

export function skipped(id: string, label: string, unit: Result['unit'], reason: string, target?: number): Result {
  return { id, label, unit, stats: null, value: null, target: target === undefined ? null : { max: target }, status: 'skipped', note: reason };
}

export function machineInfo(loadAtStart: number): BenchReport['machine'] {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    load: { start: loadAtStart, end: os.loadavg()[0] ?? 0 },
  };
}

function format(value: number | undefined, unit: Result['unit']) {
  if (value === undefined || Number.isNaN(value)) return '';
  if (unit === 'frames') return String(value);
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function row(result: Result): string[] {
  const unit = result.unit === 'ms' ? '' : ` ${result.unit}`;
  const median = result.stats
    ? format(result.stats.median, result.unit)
    : result.value === null
      ? ''
      : format(result.value, result.unit) + unit;
  const p95 = result.stats ? format(result.stats.p95, result.unit) : '';
  const target = result.target ? `≤ ${result.target.max}${result.unit === 'ms' ? ' ms' : unit}` : '';
  const status = result.status === 'skipped' ? `skipped: ${result.note ?? ''}` : result.status === 'info' ? '' : result.status;
  const note = result.status !== 'skipped' && result.note ? `  ${result.note}` : '';
  const runs = result.stats ? `×${result.stats.samples}` : '';
  return [result.label, median, p95, runs, target, status + note];
}

/** A plain-text table: op, median, p95, runs, target, pass/miss (timings judged on p95). */
export function formatTable(report: BenchReport): string {
  const header = ['op', 'median ms', 'p95 ms', 'runs', 'target', 'result'];
  const rows = [header, ...report.results.map(row)];
  const widths = header.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 || column === cells.length - 1 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const { archive, options } = report;
  const counts = Object.entries(archive.counts).map(([name, count]) => `${count.toLocaleString('en')} ${name}`);
  const title =
    `Ladder benchmark: ${counts.join(', ')}; ${(archive.bytes / 1024 / 1024).toFixed(1)} MB archive, seed ${options.seed}, ` +
    `generated in ${(archive.generationMs / 1000).toFixed(1)} s; load ${report.machine.load.start.toFixed(1)} → ${report.machine.load.end.toFixed(1)} ` +
    `on ${report.machine.cpus} cores`;
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function defaultReportPath(date: Date) {
  const stamp = date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return path.resolve(import.meta.dirname, 'results', `bench-${stamp}.json`);
}

export function writeReport(report: BenchReport, file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
