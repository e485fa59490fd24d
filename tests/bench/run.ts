import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './bench';
import { defaultReportPath, formatTable, writeReport } from './report';

/**
 * `npm run bench -- [--entries N] [--seed N] [--out FILE] [--no-browser] [--reps N] [--keep]`
 * Progress goes to stderr; the table to stdout; the JSON to tests/bench/results/ unless --out.
 */
const usage = 'Usage: npm run bench -- [--entries N] [--seed N] [--out FILE] [--no-browser] [--reps N] [--keep]';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    reps: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(usage);
  process.exit(0);
}

function wholeNumber(name: string, text: string, min: number) {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    console.error(`--${name} must be a whole number of at least ${min}, not "${text}".\n${usage}`);
    process.exit(2);
  }
  return value;
}

const entries = wholeNumber('entries', values.entries, 1);
const seed = wholeNumber('seed', values.seed, 0);
const reps = values.reps === undefined ? undefined : wholeNumber('reps', values.reps, 1);

const report = await runBench({
  entries,
  seed,
  browser: !values['no-browser'],
  ...(reps === undefined ? {} : { reps }),
  keep: values.keep,
  log: (line) => console.error(line),
});
const out = values.out === undefined ? defaultReportPath(new Date(report.startedAt)) : path.resolve(values.out);
writeReport(report, out);
console.log(formatTable(report));
console.log(`\nJSON: ${out}`);
