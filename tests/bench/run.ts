import path from 'node:path';
import { parseArgs } from 'node:util';
import { runBench } from './bench';
import { scenarios } from './scenarios';
import { defaultReportPath, formatTable, writeReport } from './report';

/**
 * `npm run bench -- [--entries N] [--seed N] [--out FILE] [--no-browser] [--reps N] [--keep] [--from DIR] [--only a,b]`
 * Progress goes to stderr; the table to stdout; the JSON to tests/bench/results/ unless --out.
 */
const usage = 'Usage: npm run bench -- [--entries N] [--seed N] [--out FILE] [--no-browser] [--reps N] [--keep] [--from DIR] [--only a,b]';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    reps: { type: 'string' },
    keep: { type: 'boolean', default: false },
    from: { type: 'string' },
    only: { type: 'string' },
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
const known = scenarios.map((each) => each.name);
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !known.includes(name)) ?? [];
if (unknown.length > 0) {
  console.error(`--only: no scenario called ${unknown.join(', ')}; there are ${known.join(', ')}.\n${usage}`);
  process.exit(2);
}
const reps = values.reps === undefined ? undefined : wholeNumber('reps', values.reps, 1);

const report = await runBench({
  entries,
  seed,
  browser: !values['no-browser'],
  ...(reps === undefined ? {} : { reps }),
  keep: values.keep,
  ...(values.from === undefined ? {} : { from: path.resolve(values.from) }),
  ...(only === undefined ? {} : { only }),
  log: (line) => console.error(line),
});
const out = values.out === undefined ? defaultReportPath(new Date(report.startedAt)) : path.resolve(values.out);
writeReport(report, out);
console.log(formatTable(report));
console.log(`\nJSON: ${out}`);
