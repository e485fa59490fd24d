/**
 * `npm run torture`: the full reliability battery of issue #10, with a table at the end.
 *
 *   npm run torture                         every trial at full size, with a fresh seed
 *   npm run torture -- --only crash,soak    some trials
 *   npm run torture -- --seed 1234          replay a run
 *   npm run torture -- --size small         the sizes `npm test` uses
 *   npm run torture -- --scale 0.3          30% of every count (kills, runs, entries), on a busy machine
 *
 * Exits non-zero when any trial failed or lost a record.
 */
import { parseArgs } from 'node:util';
import { battery } from './battery';
import { freshSeed } from './random';
import { formatDuration, formatTable, type TrialReport, type TrialSize } from './trial';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    seed: { type: 'string' },
    size: { type: 'string', default: 'full' },
    scale: { type: 'string', default: '1' },
  },
});

const size = values.size as TrialSize;
if (size !== 'small' && size !== 'full') throw new Error(`--size must be small or full, not ${String(values.size)}`);
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !battery.some((trial) => trial.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`No trial named ${unknown.join(', ')}; there are ${battery.map((t) => t.name).join(', ')}.`);
const seed = values.seed === undefined ? freshSeed() : Number(values.seed);
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be a number above 0 and at most 1, not ${String(values.scale)}`);

const print = (text: string) => process.stdout.write(`${text}\n`);
const log = (line: string) => process.stderr.write(`  ${line}\n`);

print(`Torture (${size}${scale === 1 ? '' : `, scaled to ${scale}`}), seed ${seed}: replay with --seed ${seed}`);
const started = performance.now();
const reports: TrialReport[] = [];
for (const trial of battery) {
  if (only && !only.includes(trial.name)) continue;
  print(`\n${trial.name}…`);
  // Each trial gets its own seed from the run's, so running one alone replays it exactly.
  const trialSeed = (seed + battery.indexOf(trial) * 7_919) % 0x7fffffff;
  const trialReports = await trial.run(size, { seed: trialSeed, log }, scale);
  for (const report of trialReports) {
    for (const note of report.notes) print(`  · ${report.trial}: ${note}`);
    for (const problem of report.problems) print(`  ✗ ${report.trial}: ${problem}`);
  }
  reports.push(...trialReports);
}

print(`\n${formatTable(reports)}\n`);
print(`Total time ${formatDuration(performance.now() - started)}, seed ${seed}.`);
const failed = reports.some((r) => r.failures > 0 || r.recordsLost > 0);
print(failed ? 'FAILED: see the problems above.' : 'Every word the user saw saved is still there.');
process.exitCode = failed ? 1 : 0;
